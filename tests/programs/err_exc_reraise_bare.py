# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a bare raise that nobody catches reports the line where the KeyError was first raised.


def rate_for(rates: dict[str, float], currency: str) -> float:
    return rates[currency]


def convert(rates: dict[str, float], amount: float, currency: str, failures: list[str]) -> float:
    try:
        return amount * rate_for(rates, currency)
    except KeyError:
        failures.append(currency)
        print("no rate for", currency, "- failures so far:", failures)
        raise


def main() -> None:
    rates = {"EUR": 0.5, "GBP": 0.25}
    failures: list[str] = []
    for amount, currency in [(10.0, "EUR"), (4.0, "JPY"), (8.0, "GBP"), (2.0, "CHF")]:
        try:
            print(amount, currency, convert(rates, amount, currency, failures))
        except KeyError as e:
            if len(failures) > 1:
                raise
            print("skipped", e)
