# SPDX-License-Identifier: GPL-3.0-or-later
# Exponentiation: int ** int, right associativity, unary minus precedence, negative literal exponents, float powers.


def main() -> None:
    print(2 ** 10, 3 ** 0, (-2) ** 3, (-2) ** 4, 0 ** 0, 1 ** 100, 0 ** 5)
    print(2 ** 62, -2 ** 2, (-3) ** 3, 7 ** 22)
    print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** -2)
    print(2 ** -1, 10 ** -2, 2 ** -3, 5 ** -1, 1.5 ** -2)
    print(2.0 ** 0.5, 2.5 ** 2, 4 ** 0.5, 10.0 ** -3, (-8.0) ** 3.0, 0.0 ** 0.0)
    print(1.1 ** 100, 10.0 ** 22, 10.0 ** 23, 2.0 ** -1074, 2.0 ** 1023)
    print((-2.0) ** 2.0, (-0.5) ** 3, 1.0 ** 1e308, (-1.0) ** 1e300)
    x = 3
    x **= 4
    print(x)
    y = 2.0
    y **= 10
    print(y)
    z = 1
    for i in range(10):
        z = z * 2 + i ** 2
    print(z)
