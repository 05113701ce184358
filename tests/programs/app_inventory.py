# SPDX-License-Identifier: GPL-3.0-or-later
# Inventory service: dict of dataclass items, order fulfilment with partial shipments and restock.
from dataclasses import dataclass


@dataclass
class Item:
    sku: str
    stock: int
    reorder_at: int
    reserved: int = 0


def order(inv: dict[str, Item], sku: str, qty: int) -> str:
    if sku not in inv:
        return f"{sku}: unknown"
    item = inv[sku]
    ship = min(qty, item.stock - item.reserved)
    item.reserved += ship
    return f"{sku}: {'full' if ship == qty else ('partial' if ship > 0 else 'backorder')} {ship}/{qty}"


def restock_list(inv: dict[str, Item]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for sku, item in inv.items():
        free = item.stock - item.reserved
        if free <= item.reorder_at:
            out.append((sku, item.reorder_at * 2 - free))
    return out


def main() -> None:
    inv = {"bolt": Item("bolt", 100, 20), "nut": Item("nut", 5, 10), "gear": Item("gear", 0, 1)}
    for sku, qty in [("bolt", 30), ("nut", 3), ("nut", 3), ("gear", 1), ("cog", 2), ("bolt", 55)]:
        print(order(inv, sku, qty))
    todo = restock_list(inv)
    print(todo)
    for sku, qty in todo:
        inv[sku].stock += qty
    print(inv["nut"], inv["gear"], restock_list(inv))
