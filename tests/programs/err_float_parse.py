# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float('x') raises ValueError "could not convert string to float: 'x'".


def parse(fields: list[str]) -> float:
    total = 0.0
    for s in fields:
        v = float(s)
        print(repr(s), v)
        total += v
    return total


def main() -> None:
    print(parse(["1.5", " 2e3 ", "-inf"]))
    print(parse(["0.25", "x"]))
