# SPDX-License-Identifier: GPL-3.0-or-later
# Iterating dicts: keys directly, keys(), values(), items() with unpacking, enumerate over items.


def main() -> None:
    prices = {"apple": 0.5, "bread": 2.25, "milk": 1.2, "cheese": 7.8}
    for k in prices:
        print(k, end=" ")
    print()
    for k in prices.keys():
        print(k.upper(), end=" ")
    print()
    for v in prices.values():
        print(v, end=" ")
    print()
    for name, price in prices.items():
        print(f"{name:>8}: {price:6.2f}")
    for i, (name, price) in enumerate(prices.items()):
        print(i, name, price)
    print(sum(prices.values()), max(prices.values()), min(prices), max(prices.keys()))
    for k, v in sorted(prices.items()):
        print(k, v, end="; ")
    print()
    for k in reversed(sorted(prices)):
        print(k, end=" ")
    print()
