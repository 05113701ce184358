# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int('abc') raises ValueError "invalid literal for int() with base 10: 'abc'".


def double(s: str) -> int:
    return int(s) * 2


def main() -> None:
    for s in ["12", " -7 ", "1_0", "abc"]:
        print(double(s))
