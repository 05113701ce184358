# SPDX-License-Identifier: GPL-3.0-or-later
# A tuple[T, ...] past its end raises IndexError with CPython's tuple message; its index()
# of a missing value says so as CPython's tuple does.


def pick(t: tuple[int, ...], i: int) -> int:
    return t[i]


def main() -> None:
    t = tuple(x * x for x in range(4))
    print(pick(t, -1), t.index(9), t[1:], pick(t, -4))
    try_index = t.count(5)
    print(try_index, pick(t, 4))
