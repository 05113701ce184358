# SPDX-License-Identifier: GPL-3.0-or-later
# round(x) with one argument: banker's rounding to an int, negatives, large values.


def main() -> None:
    for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.5000000000000004]:
        print(x, round(x))
    print(round(2.675), round(-2.675), round(1e15 + 0.5), round(4503599627370497.0), round(-7.0))
    print(round(123456789.5), round(123456790.5), round(0.0), round(-0.0), round(1e18))
    print(round(7), round(-7), round(True + 0), type_name(round(2.5)))
    total = 0
    for i in range(-10, 11):
        total += round(i / 4)
        print(round(i / 4), end=" ")
    print()
    print(total)


def type_name(n: int) -> str:
    return "int:" + str(n)
