# SPDX-License-Identifier: GPL-3.0-or-later
# An inventory: classmethod parser Item.parse("name:3"), Optional note fields, a dict field, user exceptions.
from dataclasses import dataclass, field
from typing import Optional


class NotFound(Exception):
    pass


@dataclass
class Item:
    name: str
    qty: int
    note: Optional[str] = None

    @classmethod
    def parse(cls, text: str) -> "Item":
        parts = text.split(":")
        if len(parts) < 2 or not parts[1].strip().isdigit():
            raise ValueError(f"cannot parse {text!r}")
        note: Optional[str] = None
        if len(parts) > 2:
            note = parts[2].strip()
        return cls(parts[0].strip(), int(parts[1]), note)

    def describe(self) -> str:
        text = f"{self.name}={self.qty}"
        if self.note is not None:
            text += f" ({self.note.upper()})"
        return text


@dataclass
class Inventory:
    stock: dict[str, Item] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)

    def load(self, lines: list[str]) -> int:
        loaded = 0
        for line in lines:
            try:
                item = Item.parse(line)
            except ValueError as e:
                self.rejected.append(str(e))
                continue
            if item.name in self.stock:
                self.stock[item.name].qty += item.qty
            else:
                self.stock[item.name] = item
            loaded += 1
        return loaded

    def take(self, name: str, n: int) -> int:
        if name not in self.stock:
            raise NotFound(name)
        item = self.stock[name]
        got = min(n, item.qty)
        item.qty -= got
        return got

    def low(self, limit: int) -> list[str]:
        return sorted([i.name for i in self.stock.values() if i.qty <= limit])

    def report(self) -> str:
        return ", ".join(self.stock[k].describe() for k in sorted(self.stock))


def main() -> None:
    inv = Inventory()
    n = inv.load(["bolt:40", "nut: 25 : metric", "washer:x", "bolt:10", "gear", "spring:3:fragile", "cog:0"])
    print("loaded", n, "rejected", inv.rejected)
    print(inv.report())
    print(inv.take("bolt", 45), inv.take("spring", 5), inv.take("nut", 1))
    for name in ["cog", "widget"]:
        try:
            print(name, inv.take(name, 1))
        except NotFound as e:
            print("missing:", e)
    print(inv.low(5))
    print(inv.report())
    one = Item.parse("lamp:2:desk")
    print(one, one.note is None, Item("pen", 1).note is None)
