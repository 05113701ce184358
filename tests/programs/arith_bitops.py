# SPDX-License-Identifier: GPL-3.0-or-later
# Bitwise &, |, ^, ~ on positive and negative ints, shifts, and bool & | ^ giving bools.


def main() -> None:
    a = 0b1100
    b = 0b1010
    print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
    print(-12 & 10, -12 | 10, -12 ^ 10, -1 & 255, -256 | 15)
    print(1 << 10, 1 << 62, 5 << 3, -3 << 4, 0 << 63, 1 << 0)
    print(1024 >> 3, -7 >> 1, -1 >> 60, 7 >> 10, -8 >> 2, 9223372036854775807 >> 63)
    print(True & False, True | False, True ^ True, False ^ True, False | False)
    m = 0
    for i in range(0, 16, 3):
        m |= 1 << i
    print(m, f"{m:b}")
    m &= ~(1 << 3)
    print(m)
    m ^= 0xFF
    print(m)
    m <<= 2
    print(m)
    m >>= 1
    print(m)
    print(0xF0F0 & 0x0FF0 | 0x000F ^ 0x0003, ~5 & 0xF)
