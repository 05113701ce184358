# SPDX-License-Identifier: GPL-3.0-or-later
# Chained comparisons: evaluation order, single evaluation of the middle operand, short-circuiting.


def noisy(x: int) -> int:
    print("eval", x)
    return x


def between(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


def main() -> None:
    print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0, 1 != 2 != 1)
    for x in range(-1, 5):
        print(x, between(0, x, 3), 0 < x != 2)
    print(1 < 2.5 <= 2.5 < 3, 5 >= 5 > 4.99)
    a = 5
    print(0 <= a <= 10 >= 3, 0 <= a <= 4)
    print("a" < "b" < "c", "abc" < "abd" < "abe", "c" > "b" > "b")
    print(0 < noisy(5) < 10)
    print(0 < noisy(-1) < noisy(10))
    print(noisy(1) < noisy(2) < noisy(3) < noisy(0))
