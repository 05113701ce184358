# SPDX-License-Identifier: GPL-3.0-or-later
# A static method called through an expression evaluates it first; an empty assert message is an argument.
from dataclasses import dataclass


@dataclass
class Box:
    n: int

    @staticmethod
    def twice(x: int) -> int:
        return 2 * x


def make() -> Box:
    print("make")
    return Box(1)


def main() -> None:
    print(make().twice(3) + 1)
    xs = [Box(1)]
    try:
        print(xs[5].twice(3))
    except IndexError as e:
        print("index:", e)
    try:
        assert len(xs) > 3, ""
    except AssertionError as e:
        print(repr(e), "|" + str(e) + "|")
    try:
        assert len(xs) > 3
    except AssertionError as e:
        print(repr(e))
