# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int(s, base) with base 1 raises ValueError 'int() base must be >= 2 and <= 36, or 0'.


def main() -> None:
    print(int("0x10", 0), int("10", 0))
    base = 36
    while True:
        print(base, int("10", base))
        base = base // 2 if base > 2 else base - 1
