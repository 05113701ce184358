# SPDX-License-Identifier: GPL-3.0-or-later
# list.reverse, list.sort and sort(reverse=True) on ints, floats, strings, tuples and nested lists.


def main() -> None:
    xs = [5, 2, 9, 1, 5, 6]
    xs.reverse()
    print(xs)
    xs.sort()
    print(xs)
    xs.sort(reverse=True)
    print(xs)
    fs = [2.5, -0.0, 0.0, -1.5, 1e-9, 1e9]
    fs.sort()
    print(fs)
    ws = ["pear", "Apple", "apple", "banana", "Banana", "", "ápple"]
    ws.sort()
    print(ws)
    ws.sort(reverse=True)
    print(ws)
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
    pairs.sort()
    print(pairs)
    rows = [[3, 1], [1, 2, 3], [1, 2], [3]]
    rows.sort(reverse=True)
    print(rows)
    e: list[int] = []
    e.sort()
    e.reverse()
    print(e, "done")
