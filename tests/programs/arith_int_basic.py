# SPDX-License-Identifier: GPL-3.0-or-later
# Integer +, -, *, unary minus and plus, precedence and integer literal forms.


def main() -> None:
    a = 17
    b = 5
    print(a + b, a - b, a * b, -a, +b, -(-a))
    print(a + b * 2, (a + b) * 2, a - b - 3, a - (b - 3))
    print(2 * 3 + 4 * 5, -2 * -3, 3 - 10, 0 - 0, -0)
    print(1_000_000 * 1_000_000, 0x7F + 0o17 + 0b101, 0xff_ff, 0b1111_0000)
    print(9223372036854775807, -9223372036854775807 - 1)
    x = 0
    for i in range(1, 11):
        x = x * 3 + i
    print(x)
    y = 1
    for i in range(20):
        y = y * 7 % 1000003
    print(y)
