# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int / 0 raises ZeroDivisionError 'division by zero'.


def ratio(a: int, b: int) -> float:
    return a / b


def main() -> None:
    print(ratio(1, 4), ratio(-3, 2))
    print(ratio(5, 0))
    print("not reached")
