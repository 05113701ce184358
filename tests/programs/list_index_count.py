# SPDX-License-Identifier: GPL-3.0-or-later
# list.index and list.count on ints, floats, strings, nested lists and tuples.


def main() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    print(xs.index(1), xs.index(5), xs.index(3), xs.count(5), xs.count(7), xs.count(1))
    fs = [0.1, 0.2, 0.1 + 0.2, 0.3]
    print(fs.index(0.3), fs.count(0.1), fs.index(0.30000000000000004), [0.0].index(-0.0))
    ws = ["a", "B", "a", "A"]
    print(ws.index("A"), ws.count("a"), ws.count("b"))
    nested = [[1], [2, 3], [1]]
    print(nested.index([2, 3]), nested.count([1]), [(1, "a"), (2, "b")].index((2, "b")))
    bs = [True, False, True]
    print(bs.index(False), bs.count(True))
    seen = [4, 8, 15, 16, 23, 42]
    for target in [15, 42, 4]:
        print(target, "at", seen.index(target))
