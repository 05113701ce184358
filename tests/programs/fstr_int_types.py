# SPDX-License-Identifier: GPL-3.0-or-later
# Integer presentation types d, x, X, o, b, plus e/f/g/% applied to ints, with widths.


def main() -> None:
    for n in [0, 1, 10, 255, -255, 4096, 9223372036854775807]:
        print(f"{n:d}|{n:x}|{n:X}|{n:o}|{n:b}")
    print(f"{255:08b}|{255:>10x}|{-255:010X}|{8:o}|{5:b}|{-5:b}")
    print(f"{42:e}|{42:.2f}|{42:g}|{42:%}|{42:.1%}|{42:E}|{42:F}|{42:G}")
    print(f"{123456789:e}|{123456789:.3g}|{123456789:f}|{-7:.3e}")
    for v in [1, 16, 256, 65535]:
        print(f"{v:>6d} {v:>6x} {v:>8o} {v:>18b} {v:<6X}|")
    h = ""
    for c in "Hi!":
        h += f"{ord(c):02x}"
    print(h, int(h, 16))
