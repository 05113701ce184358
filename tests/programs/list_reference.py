# SPDX-License-Identifier: GPL-3.0-or-later
# Lists are references: aliasing, mutation through functions, copies via slicing, nested sharing.


def fill(xs: list[int], n: int) -> None:
    for i in range(n):
        xs.append(i)


def main() -> None:
    a = [1, 2, 3]
    b = a
    b.append(4)
    print(a, b, a == b)
    c = a[:]
    c.append(5)
    print(a, c)
    target: list[int] = []
    fill(target, 3)
    print(target)
    row = [0, 0]
    grid = [row, row]
    grid[0][0] = 7
    print(grid)
    rows = [[0] * 2, [0] * 2]
    rows[0][0] = 7
    print(rows)
    d = {"xs": a}
    d["xs"].append(6)
    print(a, d)
