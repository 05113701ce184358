# SPDX-License-Identifier: GPL-3.0-or-later
# Dict keys of every hashable type: int, float, bool, str, tuples of those and Optional;
# Python's key equality (1 and 1.0 are one key), insertion order, printing, iteration,
# methods, comprehensions, dict(zip(...)) and sorting by key.
from dataclasses import dataclass
from typing import Optional


@dataclass
class Todo:
    id: int
    title: str
    done: bool = False


def by_id(todos: list[Todo]) -> dict[int, Todo]:
    return {t.id: t for t in todos}


def grid_sums(points: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    cells: dict[tuple[int, int], int] = {}
    for x, y in points:
        cell = (x // 10, y // 10)
        cells[cell] = cells.get(cell, 0) + 1
    return cells


def histogram(values: list[float]) -> dict[float, int]:
    counts: dict[float, int] = {}
    for v in values:
        bucket = round(v * 2) / 2
        counts[bucket] = counts.get(bucket, 0) + 1
    return counts


def main() -> None:
    todos = by_id([Todo(3, "write"), Todo(1, "read", True), Todo(2, "test")])
    print(todos[1].title, 2 in todos, 7 in todos, len(todos), list(todos))
    todos[7] = Todo(7, "ship")
    del_me = todos.pop(3)
    print(del_me.title, list(todos.keys()), [t.title for t in todos.values()])
    for key, todo in sorted(todos.items(), key=lambda kv: kv[0]):
        print(key, todo.title, todo.done)
    print(todos.get(9) is None, todos.get(1) is not None, todos.setdefault(4, Todo(4, "new")).title, len(todos))

    squares = {n: n * n for n in range(-3, 4)}
    print(squares, squares[-2], sum(squares.values()), max(squares), min(squares, key=squares.get))
    f: dict[float, str] = {1.0: "one", 2.5: "two and a half"}
    f[1] = "ONE"
    f[-0.0] = "zero"
    print(f, f[0.0], 1 in f, 2 in f, f.get(2.5))
    b = {True: "yes", False: "no"}
    print(b, b[1 > 0], b[False])
    counts: dict[int, int] = {}
    for ch in "hello world":
        counts[ord(ch)] = counts.get(ord(ch), 0) + 1
    print(counts)
    print({k: v for k, v in counts.items() if v > 1})

    cells = grid_sums([(1, 2), (15, 3), (4, 9), (25, 25), (11, 19)])
    print(cells, cells[(0, 0)], (1, 0) in cells, (9, 9) in cells)
    for (cx, cy), n in cells.items():
        print(cx, cy, n)
    print(histogram([0.1, 0.3, 0.6, 1.2, 1.3, -0.4]))

    pair_names = dict(zip([10, 20, 30], ["ten", "twenty", "thirty"]))
    print(pair_names, sorted(pair_names, reverse=True))
    nested: dict[str, dict[int, list[str]]] = {"a": {1: ["x"]}}
    nested["a"].setdefault(2, []).append("y")
    nested["b"] = {3: []}
    print(nested)
    maybe: dict[Optional[int], str] = {None: "nothing", 1: "one"}
    maybe[None] = "still nothing"
    print(maybe, maybe[None], None in maybe, 2 in maybe)
    words = {(w, len(w)): i for i, w in enumerate(["a", "bb", "a"])}
    print(words, words[("a", 1)])
    print(squares == {n: n * n for n in range(3, -4, -1)}, squares == {0: 0}, {1: 1} == {1: 1})
