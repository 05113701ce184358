# SPDX-License-Identifier: GPL-3.0-or-later
# Every augmented assignment operator on int and float names.


def main() -> None:
    n = 100
    n += 5
    n -= 3
    n *= 2
    print(n)
    n //= 7
    n %= 11
    n **= 3
    print(n)
    n <<= 2
    n >>= 1
    n &= 0xFF
    n |= 0x100
    n ^= 0x0F0
    print(n)
    f = 10.0
    f += 0.5
    f -= 0.25
    f *= 3.0
    f /= 4.0
    print(f)
    f //= 1.5
    f %= 2.0
    f **= 3.0
    print(f)
    g = -7.0
    g %= 3
    g += 1
    g /= 2
    print(g)
