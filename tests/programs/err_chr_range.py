# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: chr() of 0x110000 raises ValueError 'chr() arg not in range(0x110000)'.


def main() -> None:
    print(chr(0x10FFFF) == "\U0010ffff", repr(chr(0)), repr(chr(0x10FFFF)))
    n = 0x10FFFE
    while True:
        n += 1
        print(hex_of(n), repr(chr(n)))


def hex_of(n: int) -> str:
    return f"0x{n:X}"
