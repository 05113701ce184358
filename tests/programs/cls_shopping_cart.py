# SPDX-License-Identifier: GPL-3.0-or-later
# Methods on dataclasses: a shopping cart of line items with totals, a property and mutation through methods.
from dataclasses import dataclass, field

TAX_PERCENT = 8


@dataclass
class LineItem:
    sku: str
    unit_cents: int
    qty: int = 1

    def subtotal(self) -> int:
        return self.unit_cents * self.qty

    def label(self) -> str:
        return f"{self.sku} x{self.qty} @ {self.unit_cents / 100:.2f}"


@dataclass
class Cart:
    owner: str
    items: list[LineItem] = field(default_factory=list)
    coupon: str = ""

    def add(self, sku: str, unit_cents: int, qty: int) -> None:
        for item in self.items:
            if item.sku == sku:
                item.qty += qty
                return
        self.items.append(LineItem(sku, unit_cents, qty))

    def remove(self, sku: str) -> bool:
        for i in range(len(self.items)):
            if self.items[i].sku == sku:
                self.items.pop(i)
                return True
        return False

    @property
    def count(self) -> int:
        return sum(item.qty for item in self.items)

    def subtotal(self) -> int:
        return sum([item.subtotal() for item in self.items])

    def discount(self) -> int:
        if self.coupon == "TENOFF" and self.subtotal() >= 5000:
            return 1000
        if self.coupon == "HALFSHIP":
            return 250
        return 0

    def total(self) -> int:
        net = self.subtotal() - self.discount()
        return net + net * TAX_PERCENT // 100

    def receipt(self) -> list[str]:
        lines = [item.label() for item in sorted(self.items, key=lambda it: -it.subtotal())]
        lines.append(f"items={self.count} subtotal={self.subtotal()} discount={self.discount()} total={self.total()}")
        return lines


def main() -> None:
    cart = Cart("ann")
    print(cart, cart.count, cart.total())
    cart.add("apple", 120, 3)
    cart.add("bread", 450, 1)
    cart.add("apple", 120, 2)
    cart.add("cheese", 1899, 3)
    for line in cart.receipt():
        print(line)
    cart.coupon = "TENOFF"
    print("with coupon:", cart.total(), cart.discount())
    print("removed bread:", cart.remove("bread"), "removed milk:", cart.remove("milk"))
    print(cart.count, cart.subtotal(), cart.total())
    other = Cart("bob", coupon="HALFSHIP")
    other.add("tea", 399, 4)
    print(other.receipt())
    print(len(cart.items), len(other.items), cart.items[0])
