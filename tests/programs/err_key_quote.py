# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: KeyError for a key containing a quote shows CPython's repr of the key.


def lookup(d: dict[str, float], k: str) -> float:
    return d[k]


def main() -> None:
    prices = {"tea": 1.5}
    print(lookup(prices, "tea"))
    print(lookup(prices, "it's"))
