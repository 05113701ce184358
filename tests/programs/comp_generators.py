# SPDX-License-Identifier: GPL-3.0-or-later
# Generator expressions consumed where they are written, and any(), all(), list().


def stats(xs: list[int]) -> None:
    print(sum(x * x for x in xs), sum(x for x in xs if x > 2), sum((x / 2 for x in xs), 0.5))
    print(max(abs(x) for x in xs), min(x % 3 for x in xs))
    print(sorted(-x for x in xs), sorted((str(x) for x in xs), reverse=True))
    print(any(x > 3 for x in xs), all(x > 0 for x in xs), any(x > 100 for x in xs))


def text(words: list[str]) -> None:
    print("-".join(w.upper() for w in words), ", ".join(w for w in words if "a" in w))
    print(list(w[0] for w in words if w), list(len(w) for w in words))
    print(any(c.isdigit() for w in words for c in w), all(w for w in words))
    for i, n in enumerate(len(w) for w in words):
        print(i, n)
    for w, n in zip(words, (len(w) * 10 for w in words)):
        print(w, n)


def chained(xs: list[int]) -> int:
    # A generator over a generator: no list is built for either.
    return sum(n for n in (x * x for x in xs) if n % 2 == 0)


def early_exit(xs: list[int]) -> bool:
    # any() stops at the first true element, so the division by zero is never reached.
    return any(10 // x > 2 for x in xs)


def main() -> None:
    stats([3, -1, 4, 1, 5])
    text(["banana", "kiwi", "a1", "pear"])
    print(chained([1, 2, 3, 4]), chained([]))
    print(early_exit([1, 0]), any(range(0)), all(range(0)), list(range(0)))
    print(list("ab"), list({"k": 1}), list((1, 2)))
    # The generator reads the variable the result is assigned to: it sees the old value.
    flag = True
    flag = any(flag for _ in range(3))
    found = 0
    found = max((found + x for x in [3, 1]), key=lambda v: -v, default=found)
    print(flag, found)
    # next(generator, default): the first match, or the default.
    users = ["ann", "bob", "cy"]
    print(next((u for u in users if u.startswith("b")), None), next((u for u in users if u == "zed"), None))
    print(next((len(u) for u in users if len(u) > 2), -1), next((n for n in range(0)), 7))
