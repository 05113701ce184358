# SPDX-License-Identifier: GPL-3.0-or-later
# Recursive Fibonacci: the cost of a function call (argument passing, frame
# set-up, return) and of small int arithmetic and comparisons. fib(n) makes
# about 1.6^n calls. Prints fib(n).


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n: int) -> None:
    print(fib(n))
