# SPDX-License-Identifier: GPL-3.0-or-later
# Functions returning tuples, tuples in lists and dicts, tuple comparison and indexing by literal.


def min_max(xs: list[int]) -> tuple[int, int]:
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def stats(xs: list[float]) -> tuple[float, float, int]:
    total = sum(xs)
    return (total, total / len(xs), len(xs))


def main() -> None:
    lo, hi = min_max([4, -2, 9, 0])
    print(lo, hi, min_max([7]))
    r = stats([1.5, 2.5, 3.5])
    print(r, r[0], r[1], r[2], r[-1])
    table = {"a": (1, 2.0), "b": (3, 4.5)}
    for k, (i, f) in table.items():
        print(k, i + f)
    best = (0, "")
    for cand in [(3, "c"), (5, "e"), (5, "a"), (1, "z")]:
        if cand > best:
            best = cand
    print(best, (1, 2) < (1, 3), (2, 0) > (1, 9), (1, "a") == (1, "a"))
    nested = ((1, 2), ("x", (3.0, False)))
    print(nested, nested[1], nested[1][1], nested[-1][-1][0])
