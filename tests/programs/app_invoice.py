# SPDX-License-Identifier: GPL-3.0-or-later
# Invoice rendering with dataclass lines, money in cents, tax rounding and aligned format specs.
from dataclasses import dataclass


@dataclass
class Line:
    sku: str
    description: str
    qty: int
    unit_cents: int
    taxable: bool = True


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}${whole:,}.{frac:02d}"


def main() -> None:
    lines = [Line("A-100", "Widget", 3, 1999), Line("B-7", "Gadget, deluxe edition", 1, 1234567),
             Line("C-3", "Service fee", 1, 4500, False), Line("D-42", "Discount", 1, -2500, False)]
    subtotal = 0
    taxable = 0
    print(f"{'SKU':<6}{'Description':<16}{'Qty':>4}{'Unit':>14}{'Amount':>15}")
    for ln in lines:
        amount = ln.qty * ln.unit_cents
        subtotal += amount
        if ln.taxable:
            taxable += amount
        print(f"{ln.sku:<6}{ln.description:<16.15}{ln.qty:>4}{money(ln.unit_cents):>14}{money(amount):>15}")
    tax = round(taxable * 0.0825)
    print("-" * 55)
    for label, value in [("Subtotal", subtotal), ("Tax 8.25%", tax), ("Total", subtotal + tax)]:
        print(f"{label:>40}{money(value):>15}")
    print(money(0), money(-5), money(100), money(123456789012))
