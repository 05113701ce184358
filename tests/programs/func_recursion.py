# SPDX-License-Identifier: GPL-3.0-or-later
# Recursive functions: factorial, Fibonacci, power set size, binary search, digit sums.


def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def bsearch(xs: list[int], target: int, lo: int, hi: int) -> int:
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return bsearch(xs, target, mid + 1, hi)
    return bsearch(xs, target, lo, mid - 1)


def digit_sum(n: int) -> int:
    return n if n < 10 else digit_sum(n // 10) + n % 10


def main() -> None:
    print(fact(0), fact(5), fact(20), fib(20))
    xs = [1, 3, 5, 7, 9, 11, 13]
    print(bsearch(xs, 7, 0, len(xs) - 1), bsearch(xs, 4, 0, len(xs) - 1), bsearch(xs, 13, 0, 6))
    print(digit_sum(9223372036854775807), digit_sum(0))
