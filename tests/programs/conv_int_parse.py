# SPDX-License-Identifier: GPL-3.0-or-later
# int() from strings: whitespace, signs, underscores, leading zeros, and int() from floats and bools.


def main() -> None:
    samples = ["42", "  42  ", "-17", "+8", "007", "1_000_000", "\t\n99\r\n", "-0", "0", "9223372036854775807"]
    for s in samples:
        print(repr(s), int(s))
    print(int("-9223372036854775808"), int(" +1_2_3 "), int("٣"), int("１２"))
    print(int(3.99), int(-3.99), int(1e10), int(True), int(False), int(-0.5))
    total = 0
    for part in "10,20, 30 ,-5".split(","):
        total += int(part)
    print(total)
    digits = ""
    for ch in "a1b2c3":
        if ch.isdigit():
            digits += ch
    print(int(digits) * 2, int(digits[::-1]))
