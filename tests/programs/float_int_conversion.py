# SPDX-License-Identifier: GPL-3.0-or-later
# Conversions between int and float: float(int) rounding, int(float) truncation, large values.


def main() -> None:
    print(float(9223372036854775807), float(2 ** 53 + 1), float(2 ** 53 + 3), float(-(2 ** 62) - 1))
    print(float(9007199254740993), float(9007199254740995), float(123456789012345678))
    print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(-0.0), int(1e18), int(-9.223372036854775e18))
    print(int(2.5), int(1e15 + 0.5), int(4503599627370495.5), int(9007199254740993.0))
    print(float(True), float(False), int(True), float(0), float(-5))
    for n in [1, 10, 100, 10 ** 15, 10 ** 16, 10 ** 17, 10 ** 18]:
        print(n, float(n), int(float(n)) == n, float(n + 1) == float(n))
    print(9007199254740993 == float(9007199254740993), int(float(9007199254740993)))
