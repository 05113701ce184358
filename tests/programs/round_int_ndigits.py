# SPDX-License-Identifier: GPL-3.0-or-later
# round(n, k) for ints: an int result, half-even at negative k, and positive k leaving n unchanged.


def main() -> None:
    print(round(25, -1), round(35, -1), round(-25, -1), round(15, -1), round(14, -1), round(16, -1))
    print(round(1250, -2), round(1350, -2), round(-1350, -2), round(149, -2), round(150, -2))
    print(round(123456, 0), round(123456, 3), round(123456, -3), round(123456, -6), round(500000, -6))
    print(round(9223372036854775807, -18), round(-9223372036854775807, -17), round(5, -20))
    print(round(1500000000, -9), round(2500000000, -9), round(999, -3), round(-999, -3))
    for k in range(0, -5, -1):
        print(k, round(987654, k), round(-987654, k))
