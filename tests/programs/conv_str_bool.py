# SPDX-License-Identifier: GPL-3.0-or-later
# str() of every scalar type, bool() of every type, and string round trips through int() and float().


def main() -> None:
    print(str(0), str(-12), str(3.0), str(-0.5), str(True), str("s"), str([1]), str({"a": 1.5}))
    print(bool(0), bool(7), bool(0.0), bool(-0.0), bool(0.1), bool(""), bool("False"))
    e: list[int] = []
    print(bool(e), bool([0]), bool({"": 0}), bool((0,)), bool(False), bool(True))
    for v in [0.1, 1e16, 1.5e-05, 123.456, 2.0 ** 60, -1e-7]:
        s = str(v)
        print(s, float(s) == v, len(s))
    for n in [0, -1, 9223372036854775807, 1000]:
        s = str(n)
        print(s, int(s) == n, s.zfill(5))
    print(str(1) + str(2), int(str(1) + str(2)) + 1, float(str(1) + "." + str(2)) * 2.0)
