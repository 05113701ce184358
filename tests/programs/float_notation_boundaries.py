# SPDX-License-Identifier: GPL-3.0-or-later
# Where repr switches between positional and scientific notation: exponents -4/-5 and 15/16.


def main() -> None:
    print(1e15, 1e16, 9999999999999998.0, 1e16 - 2.0, 1e16 + 2.0, 123456789012345678.0)
    print(999999999999999.9, 9999999999999999.0, 1.5e15, 1.5e16, 2.0 ** 53, 2.0 ** 54)
    print(0.0001, 0.00001, 0.00012, 0.000099, 1.5e-05, 1e-4 - 1e-20, 9.999999999999999e-05)
    print(1e-4, 1e-5, 0.001, 1e-3 / 10.0, 1e-4 / 10.0, 0.00010000000000000002)
    x = 1.0
    for i in range(20):
        print(i, x, -x, x + 0.5)
        x *= 10.0
    y = 1.0
    for i in range(8):
        y /= 10.0
        print(-i - 1, y, y * 1.5)
