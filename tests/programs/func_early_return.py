# SPDX-License-Identifier: GPL-3.0-or-later
# Early returns from loops and branches, functions returning None, lists and dicts.


def first_negative(xs: list[int]) -> int:
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1


def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    return "large"


def report(label: str, n: int) -> None:
    if n == 0:
        print(label, "nothing")
        return
    print(label, n)


def squares(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(i * i)
    return out


def main() -> None:
    print(first_negative([3, 4, -1, -5]), first_negative([1, 2]), first_negative([]))
    print(classify(-3), classify(0), classify(7), classify(99))
    report("a", 0)
    print(squares(5), squares(0), len(squares(100)))
