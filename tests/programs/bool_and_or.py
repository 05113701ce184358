# SPDX-License-Identifier: GPL-3.0-or-later
# 'and'/'or' return one of their operands and short-circuit; 'not' on all types.
import math


def check(name: str, v: bool) -> bool:
    print("check", name)
    return v


def main() -> None:
    print(True and False, True or False, not True, not 0, not "", not [0], not 0.0)
    print(0 or 5, 3 or 5, 0 and 5, 3 and 5, -1 and 0)
    print("" or "anonymous", "bob" or "anonymous", "x" and "y", "" and "y")
    empty: list[int] = []
    print(empty or [1, 2], [3] or [4], empty and [5])
    print(0.0 or 1.5, -0.0 or 2.5, math.nan or 3.0, 0.0 and 7.0)
    print(1 < 2 and 2 < 3, not 1 == 2, not (1 < 2 or 3 > 4))
    print(check("a", False) and check("b", True))
    print(check("c", True) or check("d", True))
    print(check("e", True) and check("f", False) or check("g", True))
    name = ""
    label = name or "unnamed"
    print(label, len(name and "x"))
