# SPDX-License-Identifier: GPL-3.0-or-later
# int(s, base) for bases 2..36 and base 0 with prefixes, letter digits of either case, underscores.


def main() -> None:
    print(int("ff", 16), int("FF", 16), int("-ff", 16), int("0xff", 16), int("0x_ff", 16))
    print(int("777", 8), int("0o777", 8), int("101", 2), int("0b101", 2), int("-0B1_01", 2))
    print(int("z", 36), int("ZZ", 36), int("hotpath", 36), int("10", 3), int("  12  ", 5))
    print(int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("123", 0), int("0", 0), int("-0x10", 0))
    print(int("1_000", 0), int("7fffffffffffffff", 16), int("-8000000000000000", 16))
    for base in [2, 7, 10, 16, 36]:
        print(base, int("11", base), int("10", base))
    word = "Base36"
    print(int(word, 36), f"{int(word, 36):x}", int(f"{int(word, 36):x}", 16))
