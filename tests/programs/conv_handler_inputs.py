# SPDX-License-Identifier: GPL-3.0-or-later
# Converting query-parameter text to numbers: int/float parsing rules, truncation, bases, bool and str.


def as_int(s: str, default: int) -> int:
    t = s.strip().replace("_", "") if s.count("__") == 0 else ""
    if t.startswith("-") or t.startswith("+"):
        return int(t) if t[1:].isdigit() else default
    return int(t) if t.isdigit() else default


def main() -> None:
    for s in ["42", " -0012 ", "+7", "1_000", "1__0", "", "3.5", "٣", "0x1f", "-", "  99999999999999999 "]:
        print(f"{s!r:>24} -> {as_int(s, -1)}")
    print(int("  -0012  "), int("1_000"), int("٣"), int("0b101", 0), int("z", 36), int("-Ff", 16), int("0o777", 8))
    print(int(-2.7), int(2.7), int(-0.5), int(1e18), int(True), float("  1_0.5e1 "), float("-Infinity"), float(" nan "))
    print(float("1e-400"), float("1e400"), float(".5"), float("5."), float("-0"), str(1e22), str(123456789012345678))
    print(bool(""), bool("0"), bool(0.0), bool(-0.0), bool([0]), str(True) + str(3) + str(0.1), repr(str(-0.0)))
    print(divmod(-7.5, 2.0), divmod(7, -2), divmod(-7, -2), -7.5 // 2.0, 7.5 % -2.0, round(-2.5), round(-3.5), round(0.125, 2))
