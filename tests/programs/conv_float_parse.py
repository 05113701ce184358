# SPDX-License-Identifier: GPL-3.0-or-later
# float() from strings: whitespace, signs, exponents, underscores, inf/nan spellings; from ints and bools.


def main() -> None:
    samples = ["1.5", "  -2.25  ", "+3", "1e3", "1E-3", ".5", "5.", "1_0.5e1", " 1_0.5e1 ", "0.1"]
    for s in samples:
        print(repr(s), float(s))
    print(float("inf"), float("-Infinity"), float("INF"), float("+inf"), float("nan"), float("-NaN"))
    print(float("1e400"), float("-1e400"), float("1e-400"), float("4.9e-324"), float("2.4e-324"))
    print(float("0.30000000000000004"), float("9007199254740993"), float("00012.500"), float("-0"))
    print(float("1.7976931348623157e308"), float("1.7976931348623158e308"), float("1.797693134862316e308"))
    print(float("123456789012345678901234567890"), float("0.000000000000000000000000000001"))
    print(float(7), float(-9223372036854775807), float(True), float("\u2003 3.5 \n"))
    total = 0.0
    for part in "1.5;2.25; 3.125 ;-0.875".split(";"):
        total += float(part)
    print(total)
