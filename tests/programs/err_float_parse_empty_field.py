# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float('') of an empty CSV field raises ValueError "could not convert string to float: ''".


def parse_row(line: str) -> tuple[str, float, float]:
    f = line.split(",")
    return f[0], float(f[1]), float(f[2])


def totals(lines: list[str]) -> float:
    acc = 0.0
    for line in lines:
        name, qty, price = parse_row(line)
        acc += qty * price
        print(f"{name:<6} {qty:>5.1f} x {price:>6.2f} = {acc:>8.2f}")
    return acc


def main() -> None:
    print(totals(["tea,2,3.5", "milk, 1.5 ,0.99", "jam,1e1,2"]))
    print(totals(["bread,1,2.25", "eggs,,0.30"]))
