# SPDX-License-Identifier: GPL-3.0-or-later
# Inventory lookups: KeyError translated to NotFound (raise ... from e / from None), OutOfStock, a reservation log.
from dataclasses import dataclass


class NotFound(Exception):
    pass


class OutOfStock(Exception):
    pass


@dataclass
class Item:
    sku: str
    stock: int
    price: float


def lookup(inv: dict[str, Item], sku: str) -> Item:
    try:
        return inv[sku]
    except KeyError as e:
        raise NotFound(f"no item {sku}") from e


def reserve(inv: dict[str, Item], sku: str, qty: int) -> float:
    item = lookup(inv, sku)
    if qty > item.stock:
        raise OutOfStock(f"{sku}: wanted {qty}, have {item.stock}")
    item.stock -= qty
    return qty * item.price


def price_of(prices: dict[str, float], sku: str) -> float:
    try:
        return prices[sku]
    except KeyError:
        raise NotFound(sku) from None


def main() -> None:
    inv = {"bolt": Item("bolt", 10, 0.25), "gear": Item("gear", 2, 4.5), "belt": Item("belt", 0, 12.0)}
    log: list[str] = []
    total = 0.0
    orders = [("bolt", 4), ("gear", 3), ("cog", 1), ("belt", 1), ("gear", 2), ("bolt", 6), ("bolt", 1)]
    for sku, qty in orders:
        try:
            cost = reserve(inv, sku, qty)
        except NotFound as e:
            log.append(f"missing  {e}")
            continue
        except OutOfStock as e:
            log.append(f"short    {e}")
            continue
        total += cost
        log.append(f"reserved {sku} x{qty} = {cost:.2f}")
    for line in log:
        print(line)
    print(f"total {total:.2f}", [(i.sku, i.stock) for i in inv.values()])
    prices = {"bolt": 0.25}
    for sku in ["bolt", "nut"]:
        try:
            print(sku, price_of(prices, sku))
        except NotFound as e:
            print("price lookup failed:", repr(e))
    try:
        lookup(inv, "widget 7")
    except Exception as e:
        print(type(e).__name__, "-", e)
