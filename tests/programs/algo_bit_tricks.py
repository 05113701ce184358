# SPDX-License-Identifier: GPL-3.0-or-later
# Bit manipulation: popcount, lowest set bit, power-of-two tests, bit reversal, negative masks.


def popcount(x: int) -> int:
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


def reverse_bits(x: int, width: int) -> int:
    r = 0
    for i in range(width):
        r = (r << 1) | ((x >> i) & 1)
    return r


def main() -> None:
    for x in [0, 1, 6, 255, 1023, 0x5555, 9223372036854775807]:
        print(x, popcount(x), x & -x, x > 0 and x & (x - 1) == 0, f"{x:b}".count("1"))
    print(reverse_bits(1, 8), reverse_bits(0b1101, 4), reverse_bits(0xF0, 8), f"{reverse_bits(6, 16):016b}")
    print(-1 & 0xFF, -2 & 0xFF, (-256) >> 4, -(1 << 62) >> 61, ~7 & 0b1111)
    flags = 0
    for bit in [0, 3, 5, 3]:
        flags ^= 1 << bit
    print(flags, f"{flags:08b}", flags & (1 << 5) != 0, flags & (1 << 3) != 0)
