# SPDX-License-Identifier: GPL-3.0-or-later
# Dict comprehensions and dict(): insertion order, later keys winning, values of every kind.
from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: float
    tags: list[str]


def index_by_name(items: list[Item]) -> dict[str, Item]:
    return {item.name: item for item in items}


def prices(items: list[Item]) -> dict[str, float]:
    return {i.name.upper(): i.price for i in items if i.price > 1.0}


def word_lengths(text: str) -> dict[str, int]:
    return {w: len(w) for w in text.split()}


def inverted(d: dict[str, int]) -> dict[str, str]:
    return {str(v): k for k, v in d.items()}


def grid(n: int) -> dict[str, list[int]]:
    return {f"row{r}": [r * c for c in range(n)] for r in range(n)}


def main() -> None:
    items = [Item("tea", 2.5, ["hot"]), Item("bun", 1.0, []), Item("jam", 3.25, ["sweet", "red"])]
    by_name = index_by_name(items)
    print(list(by_name), by_name["jam"].tags)
    print(prices(items), prices([]))
    print(word_lengths("the quick brown the fox"))
    print(inverted({"a": 1, "b": 2, "c": 1}))
    print(grid(3))
    print(dict(zip(["x", "y", "z"], [1, 2])), dict((w, w * 2) for w in ["ab", "c"]))
    counts: dict[str, int] = dict()
    counts["k"] = 1
    print(counts)
    nested = {k: {c: ord(c) for c in k} for k in ["ab", "b"]}
    print(nested)
