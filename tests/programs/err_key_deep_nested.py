# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a KeyError for a computed key raised four calls deep inside nested dataclass lookups.
from dataclasses import dataclass


@dataclass
class Region:
    name: str
    prices: dict[str, float]


def price(r: Region, sku: str, size: str) -> float:
    return r.prices[f"{sku}-{size}"]


def line_cost(r: Region, sku: str, size: str, qty: int) -> float:
    return price(r, sku, size) * qty


def order_cost(r: Region, items: list[tuple[str, str, int]]) -> float:
    total = 0.0
    for sku, size, qty in items:
        total += line_cost(r, sku, size, qty)
        print(f"  {sku}-{size} x{qty}: running {total:.2f}")
    return total


def main() -> None:
    regions = {"eu": Region("eu", {"tee-m": 12.5, "tee-l": 13.0, "cap-one": 8.25})}
    print(order_cost(regions["eu"], [("tee", "m", 2), ("cap", "one", 1)]))
    print(order_cost(regions["eu"], [("tee", "l", 1), ("tee", "xl", 3), ("cap", "one", 1)]))
