# SPDX-License-Identifier: GPL-3.0-or-later
# str() and repr() of ints, floats, bools and strings, and print with several arguments.


def main() -> None:
    print(str(42), repr(42), str(-7), repr(0), str(9223372036854775807))
    print(str(1.0), repr(1.0), str(-2.5), repr(0.1), str(1e16), repr(1e-5), str(123.456))
    print(str(True), repr(False), str("x"), repr("x"), str(""), repr(""))
    print(len(str(3.14)), len(repr("ab")), str(10) + str(1.5) + str(True))
    print(str(str(5)), repr(repr(5)), repr(str(5)), repr(repr("a")))
    values = [str(0.5), repr(2.0), str(-0.0)]
    print(values)
