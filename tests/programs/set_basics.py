# SPDX-License-Identifier: GPL-3.0-or-later
# Sets: literals, set(), comprehensions, methods, operators, comparisons, membership,
# iteration and printing in CPython's order for ints and tuples (sorted for str).


def unique_words(text: str) -> list[str]:
    return sorted({w.lower().strip(".,") for w in text.split()})


def common(a: list[int], b: list[int]) -> set[int]:
    return set(a) & set(b)


def main() -> None:
    s = {3, 1, 2}
    print(s, len(s), 2 in s, 5 not in s, bool(s), bool(s - s))
    s.add(10)
    s.add(1)
    s.discard(3)
    s.discard(99)
    print(s, sorted(s), sum(s), min(s), max(s))
    evens = {x for x in range(20) if x % 2 == 0}
    threes = set(range(0, 20, 3))
    print(evens | threes, evens & threes, evens - threes, threes - evens, evens ^ threes)
    print(evens.union(threes) == evens | threes, evens.intersection(threes), threes.difference(evens))
    print(evens.symmetric_difference(threes), {0, 6} <= evens, {0, 6} < {0, 6}, evens >= {2, 4}, evens > evens)
    print(evens.issubset(set(range(20))), threes.issuperset({3, 9}), {1, 2}.isdisjoint({3}), {1}.isdisjoint({1}))
    print(unique_words("The cat. the Hat, THE end"), common([1, 2, 3, 2], [2, 3, 4]))
    pairs = {(1, 2), (3, 4), (1, 2), (0, -1)}
    print(pairs, (3, 4) in pairs, len(pairs))
    floats = {1.5, 0.25, -2.0, 1e10}
    print(floats, {-1, -2, 0, 2**40, -2**40})
    t: set[str] = set()
    t.update(["b", "a", "b"])
    t.update({"c"})
    t |= {"d"}
    t -= {"a"}
    print(sorted(t), len(t))
    u = {5, 6, 7}
    u &= {6, 7, 8}
    u ^= {7, 9}
    print(u, u.copy(), u == {6, 9}, u != {6})
    big = set(range(100, 0, -7))
    print(big)
    seen: set[int] = set()
    order: list[int] = []
    for v in [4, 1, 4, 9, 1, 16]:
        if v not in seen:
            seen.add(v)
            order.append(v)
    print(order, seen)
    popped: list[int] = []
    while big:
        v = big.pop()
        popped.append(v)
        if v < 50:
            break
    print(popped, v, big)
    big.clear()
    print(big, len(big))
    # Methods given a list, range, tuple or generator instead of a set.
    a = {1, 2, 3, 40}
    print(a.union([9, 8, 1]), a.intersection(range(3)), a.difference((2, 40)), a.symmetric_difference([3, 5, 5]))
    print(a.issubset(range(50)), a.issuperset([1, 2]), a.isdisjoint(x for x in [8, 40]))
    wide = set(range(60))
    print(wide.difference(range(10, 60)))
