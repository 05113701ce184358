# SPDX-License-Identifier: GPL-3.0-or-later
# list.append, insert (negative and out-of-range positions) and extend.


def main() -> None:
    xs: list[int] = []
    for i in range(4):
        xs.append(i * i)
    print(xs, len(xs))
    xs.insert(0, -1)
    xs.insert(2, 100)
    xs.insert(-1, 200)
    xs.insert(100, 300)
    xs.insert(-100, 400)
    print(xs)
    ys = [7, 8]
    xs.extend(ys)
    nothing: list[int] = []
    xs.extend(nothing)
    xs.extend(xs[:2])
    print(xs, ys)
    words = ["b"]
    words.insert(0, "a")
    words.append("c")
    words.extend("de".split())
    words.extend(["f", "g"])
    print(words, len(words))
    grid: list[list[int]] = []
    for r in range(3):
        grid.append([])
        for c in range(3):
            grid[r].append(r * 3 + c)
    print(grid)
