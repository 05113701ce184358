# SPDX-License-Identifier: GPL-3.0-or-later
# True division '/': always a float, int / int correctly rounded even for operands above 2**53.


def main() -> None:
    print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 6 / 3, 0 / 5)
    print(1 / 7, 22 / 7, 355 / 113)
    print(9007199254740993 / 1, 9007199254740993 / 3, 9007199254740995 / 1)
    print(9223372036854775807 / 1, 9223372036854775807 / 3, -9223372036854775807 / 9223372036854775807)
    print(123456789012345678 / 10, 999999999999999999 / 1000)
    print(1.0 / 3.0, 0.1 / 0.3, 1e308 / 1e-10, 5e-324 / 2, 5e-324 / 3 * 3)
    print(-0.0 / 5.0, 0.0 / -5.0, -1 / 1e308 / 1e308)
    f = 10.0
    f /= 4
    print(f)
    total = 0
    for i in range(1, 6):
        total += i
    print(total / 5, total / 4, total / -8)
