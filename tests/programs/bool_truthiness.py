# SPDX-License-Identifier: GPL-3.0-or-later
# Truthiness of every type in if, while, not, bool() and conditional expressions.
import math
from dataclasses import dataclass


@dataclass
class Empty:
    n: int = 0


def main() -> None:
    for i in [0, 1, -1]:
        print(i, bool(i), "yes" if i else "no")
    for f in [0.0, -0.0, 0.5, math.nan, math.inf, 5e-324]:
        print(f, bool(f), not f)
    for s in ["", " ", "0", "False"]:
        print(repr(s), bool(s))
    lists: list[list[int]] = [[], [0]]
    for xs in lists:
        print(xs, bool(xs))
    dicts: list[dict[str, int]] = [{}, {"a": 0}]
    for d in dicts:
        print(d, bool(d))
    print(bool(Empty()), bool(True), bool(False))
    if Empty():
        print("dataclass is true")
    stack = [1, 2, 3]
    while stack:
        print("pop", stack.pop())
    n = 3
    while n:
        n -= 1
    print("n", n)
