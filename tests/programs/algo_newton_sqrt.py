# SPDX-License-Identifier: GPL-3.0-or-later
# Newton's method for square and cube roots, iterating until the float stops changing.
import math


def newton_sqrt(a: float) -> tuple[float, int]:
    x = a if a > 1.0 else 1.0
    steps = 0
    while True:
        nxt = 0.5 * (x + a / x)
        steps += 1
        if nxt >= x:
            return x, steps
        x = nxt


def cube_root(a: float) -> float:
    x = 1.0
    for i in range(100):
        x = x - (x * x * x - a) / (3.0 * x * x)
    return x


def main() -> None:
    for a in [2.0, 9.0, 0.25, 1e10, 12345.678, 1e-6]:
        r, steps = newton_sqrt(a)
        print(a, r, steps, r == math.sqrt(a), abs(r - math.sqrt(a)))
    for a in [8.0, 27.0, 2.0, -64.0]:
        print(a, cube_root(a), round(cube_root(a), 12))
