# SPDX-License-Identifier: GPL-3.0-or-later
# Integer floor division and modulo with every sign combination (rounds toward minus infinity).


def main() -> None:
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10), (-1, -10)]
    for a, b in pairs:
        print(a, b, a // b, a % b, divmod(a, b))
    print(-9223372036854775807 // 10, -9223372036854775807 % 10)
    print(9223372036854775807 // -7, 9223372036854775807 % -7)
    print(-9223372036854775807 - 1 // 3, (-9223372036854775807 - 1) // 3)
    n = -25
    n //= 4
    print(n)
    n %= -3
    print(n)
    print(-13 % 5 + 5 * (-13 // 5))
