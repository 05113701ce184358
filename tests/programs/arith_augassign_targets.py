# SPDX-License-Identifier: GPL-3.0-or-later
# Augmented assignment on strings, lists, list items, dict entries and dataclass fields.
from dataclasses import dataclass


@dataclass
class Box:
    n: int
    w: float


def main() -> None:
    s = "ab"
    s += "cd"
    s *= 2
    xs = [1]
    xs += [2, 3]
    xs *= 2
    xs[0] += 10
    xs[-1] *= 5
    xs[1] **= 3
    d = {"k": 1}
    d["k"] += 41
    d["k"] //= 5
    b = Box(1, 0.5)
    b.n -= 3
    b.n <<= 4
    b.w *= 4.0
    print(s, xs, d, b)
    grid = [[1, 2], [3, 4]]
    grid[1][0] -= 10
    nested = {"a": [1.5]}
    nested["a"][0] /= 3.0
    print(grid, nested)
