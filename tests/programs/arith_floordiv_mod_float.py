# SPDX-License-Identifier: GPL-3.0-or-later
# Float floor division and modulo: result sign follows the divisor, signed zeros, huge/tiny operands.


def main() -> None:
    vals = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.5, 0.25), (-0.0, 1.0), (0.0, -1.0), (1.0, 0.1), (5.0, 1.5)]
    for a, b in vals:
        print(a, b, a // b, a % b, divmod(a, b))
    print(7 // 2.0, -7 % 2.5, 7.0 // -2, 7.5 % -2)
    print(1e300 % 7.0, -1e-300 % 1.0, 1e-300 % -1.0)
    print(6.0 % 3.0, -6.0 % 3.0, 6.0 % -3.0)
    print(1e16 // 3.0, 2.5e-10 // 1e-10)
    x = 17.25
    x //= 4.0
    print(x)
    x %= 2.5
    print(x)
