# SPDX-License-Identifier: GPL-3.0-or-later
# Shortest round-trip float printing of common values and arithmetic results.


def main() -> None:
    print(0.1, 0.2, 0.3, 0.1 + 0.2, 1.1 * 3, 1.0 - 0.9, 0.7 + 0.1)
    print(1.0, 2.5, -3.75, 100.0, 1.5e-05, 2.0 ** 0.5, 1 / 3)
    print(3.141592653589793, 2.718281828459045, 0.30000000000000004, 1.7976931348623157e308)
    print(123456789.123456789, 0.000123456789, 9007199254740993.0, 4.35, 4.35 * 100)
    print(1.23e5, 1.5e300, 6.02214076e23, 1.602176634e-19, 299792458.0)
    total = 0.0
    for i in range(10):
        total += 0.1
    print(total, total == 1.0, round(total, 10))
    x = 1.0
    for i in range(5):
        x /= 3.0
        print(x, end=" ")
    print()
    print(0.1 * 0.1, 1e-7 * 1e-7, 1.0 / 49.0 * 49.0, 2.0 / 3.0 * 3.0)
