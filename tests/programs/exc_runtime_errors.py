# SPDX-License-Identifier: GPL-3.0-or-later
# Errors raised by the runtime and caught: division, indexing, pop, int()/float(), index(), assert, math.exp.
import math


def describe(e: Exception) -> str:
    return f"{type(e).__name__}: {e}"


def divide_all(a: int, b: int) -> None:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print(" /", describe(e))
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print(" //", describe(e))
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print(" %", describe(e))
    try:
        print(float(a) / float(b), float(a) % float(b))
    except ZeroDivisionError as e:
        print(" float", describe(e))


def main() -> None:
    divide_all(7, 2)
    divide_all(7, 0)
    prices = {"tea": 3, "cake": 5}
    xs = [10, 20, 30]
    empty: list[int] = []
    try:
        print(prices["coffee"])
    except KeyError as e:
        print(describe(e), repr(e))
    try:
        print(xs[10])
    except IndexError as e:
        print(describe(e), repr(e))
    try:
        print(empty.pop())
    except IndexError as e:
        print(describe(e))
    for text in ["12", "abc", " -4 ", "1.5"]:
        try:
            print("int", int(text))
        except ValueError as e:
            print(describe(e))
    try:
        print(float("x"))
    except ValueError as e:
        print(describe(e), f"{e!r}")
    try:
        print(xs.index(99))
    except ValueError as e:
        print(describe(e))
    try:
        assert len(xs) == 4, f"expected 4 items, got {len(xs)}"
    except AssertionError as e:
        print(describe(e))
    try:
        assert xs[0] > 100
    except AssertionError as e:
        print(describe(e), repr(e), "[" + str(e) + "]")
    for x in [1.0, 700.0, 1000.0]:
        try:
            print(f"exp({x}) = {math.exp(x):.6g}")
        except OverflowError as e:
            print(describe(e))
    try:
        print(math.sqrt(-1.0))
    except ValueError as e:
        print(describe(e))
