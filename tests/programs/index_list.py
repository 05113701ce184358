# SPDX-License-Identifier: GPL-3.0-or-later
# List indexing with positive and negative indices, item assignment, nested indexing.


def main() -> None:
    xs = [10, 20, 30, 40, 50]
    print(xs[0], xs[4], xs[-1], xs[-5], xs[len(xs) - 1])
    xs[0] = 11
    xs[-1] = 55
    xs[2] += 3
    print(xs)
    i = -2
    print(xs[i], xs[i + 1], xs[-i])
    grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    print(grid[1][2], grid[-1][-1], grid[0][-3])
    grid[1][1] = 0
    row = grid[2]
    row[0] = 70
    print(grid)
    names = ["a", "b", "c"]
    for k in range(-3, 3):
        print(k, names[k], end="; ")
    print()
    t = (1, "two", 3.0)
    print(t[0], t[1], t[2], t[-1], t[-3])
