# SPDX-License-Identifier: GPL-3.0-or-later
# Format specs applied to strings: precision truncates, width counts code points, explicit 's' type.


def main() -> None:
    s = "hello"
    print(f"[{s:.3}] [{s:.0}] [{s:.10}] [{s:8.2}] [{s:>8.3}] [{s:^9.4}] [{s:s}] [{s:>7s}]")
    u = "naïve☕"
    print(f"[{u:10}] [{u:>10}] [{u:.3}] [{u:-^12}]")
    rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.75)]
    print(f"{'item':<12}{'qty':>5}{'price':>8}")
    for name, qty, price in rows:
        print(f"{name:<12.8}{qty:>5d}{price:>8.2f}")
    print(f"{'':=<25}")
    total = 0.0
    for name, qty, price in rows:
        total += qty * price
    print(f"{'total':<12}{'':>5}{total:>8.2f}")
