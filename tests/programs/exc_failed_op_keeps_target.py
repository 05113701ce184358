# SPDX-License-Identifier: GPL-3.0-or-later
# An operation that raises leaves its target as it was: int // and %, int(), indexing, float // and %, exp, **.
import math


def main() -> None:
    x = 14
    zero = 0
    try:
        x = x // zero
    except ZeroDivisionError as e:
        print("floordiv", x, e)
    try:
        x = x % zero
    except ZeroDivisionError as e:
        print("mod", x, e)
    try:
        x = int("fourteen")
    except ValueError as e:
        print("int", x, e)
    xs = [1, 2, 3]
    try:
        x = xs[7]
    except IndexError as e:
        print("index", x, e)
    try:
        x += xs[9]
    except IndexError as e:
        print("augmented", x, e)
    f = 2.5
    try:
        f = f // 0.0
    except ZeroDivisionError as e:
        print("floordiv", f, e)
    try:
        f = f % 0.0
    except ZeroDivisionError as e:
        print("mod", f, e)
    try:
        f = math.exp(f * 1000.0)
    except OverflowError as e:
        print("exp", f, e)
    try:
        f = 0.0 ** -1.0
    except ZeroDivisionError as e:
        print("pow", f, e)
