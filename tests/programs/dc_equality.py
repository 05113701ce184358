# SPDX-License-Identifier: GPL-3.0-or-later
# Dataclass == and != field by field, including nested records, floats and lists in fields.
from dataclasses import dataclass


@dataclass
class Item:
    name: str
    qty: int
    weight: float = 1.0


@dataclass
class Cart:
    items: list[Item]
    owner: str


def main() -> None:
    a = Item("x", 1)
    b = Item("x", 1, 1.0)
    c = Item("x", 2)
    print(a == b, a != b, a == c, a != c, Item("y", 0, 0.0) == Item("y", 0, -0.0))
    print(Cart([a], "me") == Cart([b], "me"), Cart([a], "me") == Cart([c], "me"), Cart([], "me") == Cart([], "you"))
    items = [Item("p", 1), Item("q", 2), Item("p", 1)]
    print(items.count(Item("p", 1)), items.index(Item("q", 2)), Item("q", 2) in items, Item("z", 9) in items)
    print([a, c] == [b, c], {"k": a} == {"k": b}, (a, 1) == (b, 1))
    b.qty = 2
    print(a == b, b == c)
