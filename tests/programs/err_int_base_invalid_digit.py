# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int(s, 16) with a non-hex digit raises ValueError naming base 16.


def main() -> None:
    print(int("ff", 16), int("0x10", 16), int("-A", 16))
    colors = ["00ff7f", "ffffff", "fg0000"]
    for c in colors:
        r = int(c[0:2], 16)
        print(c, r, int(c, 16))
