# SPDX-License-Identifier: GPL-3.0-or-later
# List comprehensions: filters, several clauses, tuple targets, nesting, empty inputs, scoping.


def squares_of_odd(xs: list[int]) -> list[int]:
    return [x * x for x in xs if x % 2 == 1]


def pairs(n: int) -> list[tuple[int, int]]:
    return [(a, b) for a in range(n) for b in range(a) if (a + b) % 3 == 0]


def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[row[i] for row in m] for i in range(len(m[0]))]


def flatten(m: list[list[str]]) -> list[str]:
    return [cell for row in m for cell in row if cell]


def labels(scores: dict[str, int]) -> list[str]:
    return [f"{name}={score}" for name, score in scores.items() if score > 1]


def shadowing(x: str) -> str:
    # The comprehension's x is its own: the parameter keeps its value and type.
    doubled = [x * 2 for x in range(3)]
    return x + str(doubled)


def late_names(xs: list[int], k: int) -> list[int]:
    # Names from the enclosing function are read each time, as in CPython.
    out = [x + k for x in xs]
    k = 100
    return out + [x + k for x in xs]


def indices(words: list[str]) -> list[str]:
    return [f"{i}:{w}" for i, w in enumerate(words, 1) if len(w) > 1]


def zipped(a: list[int], b: list[float]) -> list[float]:
    return [x * y for x, y in zip(a, b)]


def rebuilt(xs: list[int]) -> list[int]:
    xs = [x + 1 for x in xs if x != 2]
    return xs


def main() -> None:
    print(squares_of_odd([1, 2, 3, 4, 5]), squares_of_odd([]))
    print(pairs(5), pairs(0))
    print(transpose([[1, 2, 3], [4, 5, 6]]))
    print(flatten([["a", ""], [], ["b", "c"]]))
    print(labels({"ann": 3, "bob": 1, "cy": 2}))
    print(shadowing("q"))
    print(late_names([1, 2], 10))
    print(indices(["a", "bb", "ccc"]))
    print(zipped([1, 2, 3], [0.5, 1.5]))
    print(rebuilt([1, 2, 3]))
    print([c.upper() for c in "héllo" if c != "l"])
    print([[x, y] for x in range(3) for y in range(x)])
    print([s for s in [w.strip() for w in " a , b ,, c ".split(",")] if s])
    print(len([0 for _ in range(7)]), [i for i in range(10)][2:8:3])
