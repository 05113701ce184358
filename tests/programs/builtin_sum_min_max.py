# SPDX-License-Identifier: GPL-3.0-or-later
# sum with and without start, min/max over iterables and over several arguments, strings and tuples.


def main() -> None:
    ints = [5, -3, 12, 0, 7]
    floats = [0.1, 0.2, 0.3, 1e16, -1e16]
    print(sum(ints), sum(ints, 100), sum(floats), sum(floats, 0.5), sum([0.1] * 10))
    print(sum(range(101)), sum(range(0, 100, 7)), sum([1e308, 1e308]), sum([0.1, 0.2], 0.0))
    print(min(ints), max(ints), min(3, 1, 2), max(3, 1, 2), min(2.5, -0.5), max(-1, -1))
    print(min("hello"), max("hello"), min(["pear", "apple"]), max("b", "a", "c"), min("Zz", "aa"))
    print(min([(2, "a"), (1, "z")]), max([[1, 2], [1, 3]]), max(range(10)), min(range(3, 10, 2)))
    d = {"x": 3, "y": 1, "z": 2}
    print(min(d), max(d.values()), min(d.items()), sum(d.values()))
    best = max(ints[0], ints[1], ints[2], ints[3], ints[4])
    print(best, max(0.0, -0.0), min(-0.0, 0.0), max(True, False), sum([True, True, True]))
    e: list[float] = []
    print(sum(e, 0.0), sum([1, 2], 3))
