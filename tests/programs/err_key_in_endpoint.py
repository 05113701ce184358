# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a KeyError raised inside an endpoint function that main calls like any other function.
from hotpath import get

RATES = {"EUR": 1.0, "USD": 1.08, "GBP": 0.86}


@get("/convert/<float:amount>")
def convert(amount: float, frm: str = "EUR", to: str = "USD") -> str:
    rates = {"EUR": 1.0, "USD": 1.08, "GBP": 0.86}
    value = amount / rates[frm.upper()] * rates[to.upper()]
    return f"{amount:.2f} {frm} = {value:.2f} {to}"


def main() -> None:
    print(len(RATES), RATES["USD"])
    print(convert(100.0))
    print(convert(50.0, "gbp", "eur"))
    print(convert(12.5, to="usd"))
    print(convert(1.0, "EUR", "JPY"))
