# SPDX-License-Identifier: GPL-3.0-or-later
# A formatted report mixing alignments, grouping, signs, percentages and truncation in one table.
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    units: int
    revenue: float
    change: float


def main() -> None:
    rows = [Row("Widgets", 12500, 1234567.891, 0.0525), Row("Gadgets and gizmos", 830, 99999.5, -0.125), Row("Ünïcode™", 7, 0.5, 0.0)]
    print(f"{'Product':<12}|{'Units':>8}|{'Revenue':>15}|{'Change':>8}")
    print(f"{'':-<12}+{'':->8}+{'':->15}+{'':->8}")
    total_units = 0
    total_rev = 0.0
    for r in rows:
        print(f"{r.name:<12.12}|{r.units:>8,}|{r.revenue:>15,.2f}|{r.change:>+8.1%}")
        total_units += r.units
        total_rev += r.revenue
    print(f"{'TOTAL':<12}|{total_units:>8_}|{total_rev:>15_.3f}|{'':>8}")
    print(f"{total_rev:e} {total_rev:.3g} {total_units:x} {total_units:X}")
