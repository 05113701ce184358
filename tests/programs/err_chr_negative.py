# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: chr() of a negative number raises ValueError 'chr() arg not in range(0x110000)'.


def decode(codes: list[int]) -> str:
    out = ""
    for code in codes:
        out += chr(code)
        print(out)
    return out


def main() -> None:
    print(decode([72, 105]))
    print(decode([33, -1]))
