# SPDX-License-Identifier: GPL-3.0-or-later
# The cost of try: the same hot loop bare, inside a try (nothing raised), with a try around
# each iteration, and with an exception raised and caught every 16th iteration.


def work(i: int, xs: list[int]) -> int:
    return (i * 7 + xs[i % 64]) % 1000003


def plain(n: int) -> int:
    xs = [k * k for k in range(64)]
    total = 0
    for i in range(n):
        total += work(i, xs)
    return total


def guarded(n: int) -> int:
    xs = [k * k for k in range(64)]
    total = 0
    try:
        for i in range(n):
            total += work(i, xs)
    except ValueError:
        total = -1
    return total


def guarded_each(n: int) -> int:
    xs = [k * k for k in range(64)]
    total = 0
    for i in range(n):
        try:
            total += work(i, xs)
        except IndexError:
            total -= 1
        finally:
            total += 1
    return total - n


def raising(n: int) -> int:
    xs = [k * k for k in range(64)]
    total = 0
    for i in range(n):
        try:
            if i % 16 == 0:
                raise ValueError("every 16th")
            total += work(i, xs)
        except ValueError:
            total += 1
    return total
