# SPDX-License-Identifier: GPL-3.0-or-later
# Fibonacci numbers: a recursive function (the call-heavy benchmark) and an
# iterative one. fib(92) is the largest that fits in 64 bits; fib_iter(93)
# raises OverflowError in Hotpath where CPython would switch to big integers.

from hotpath import get


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@get("/fib/<int:n>")
def fib_recursive(n: int) -> int:
    return fib(n)


@get("/fib_iter/<int:n>")
def fib_iter(n: int) -> int:
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a
