# SPDX-License-Identifier: GPL-3.0-or-later
# range with one, two and three arguments: negative steps, empty ranges, large steps.


def show(label: str, total: int, items: str) -> None:
    print(label, total, items)


def main() -> None:
    for args in [(0, 5, 1), (2, 8, 2), (10, 0, -3), (5, 5, 1), (5, 0, 1), (0, 5, -1), (-5, 5, 4), (3, -3, -1), (0, 1, 100)]:
        a, b, s = args
        items = ""
        total = 0
        for i in range(a, b, s):
            items += str(i) + " "
            total += i
        show(str(args), total, items)
    for i in range(3):
        print(i, end=",")
    print()
    for i in range(-2, 2):
        print(i, end=",")
    print()
    print(sum(range(10, -10, -1)), max(range(-5, -1)), min(range(100, 0, -7)), sorted(range(3), reverse=True))
    n = 0
    for i in range(9223372036854775800, 9223372036854775807, 3):
        n += 1
        print(i)
    print(n)
