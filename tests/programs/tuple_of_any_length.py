# SPDX-License-Identifier: GPL-3.0-or-later
# tuple[T, ...] and tuple(iterable): any number of items, read like a list, printed, compared and
# hashed as a tuple (grouping anagrams by tuple(sorted(word))), built from generators, ranges,
# strs and dicts, written out where a tuple[T, ...] is wanted.
from typing import Optional


def signature(word: str) -> tuple[str, ...]:
    return tuple(sorted(word))


def evens(n: int) -> tuple[int, ...]:
    return tuple(x for x in range(n) if x % 2 == 0)


def padded(values: tuple[int, ...] = (0, 0), scale: int = 1) -> tuple[int, ...]:
    return tuple(v * scale for v in values)


def main() -> None:
    groups: dict[tuple[str, ...], list[str]] = {}
    for w in ["listen", "silent", "enlist", "google", "gogole", "cat"]:
        groups.setdefault(signature(w), []).append(w)
    print(groups)
    t = evens(9)
    print(t, len(t), t[0], t[-1], t[1:3], 4 in t, 5 in t, t.index(4), t.count(2), sum(t), max(t))
    one: tuple[int, ...] = (7,)
    empty: tuple[int, ...] = ()
    lit: tuple[int, ...] = (1, 2, 3)
    print(one, empty, lit, tuple([1.5, 2.5]), tuple("ab"), tuple({3: "x", 1: "y"}))
    print(lit == (1, 2, 3), (1, 2) != lit, lit == tuple([1, 2, 3]), lit < tuple([1, 2, 4]), lit + one, one * 3)
    print(list(lit), sorted(lit, reverse=True), {lit: "key"}, {tuple([1, 2]), tuple([1, 2])})
    print(str(lit), f"{lit}", repr(one), bool(empty), bool(one))
    for x in lit:
        print(x, end=" ")
    print()
    pairs = tuple((i, i * i) for i in range(3))
    print(pairs, [a + b for a, b in pairs])
    maybe: tuple[Optional[int], ...] = tuple([1, None])
    print(maybe, padded(), padded((1, 2, 3), 2))
