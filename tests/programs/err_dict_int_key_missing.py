# SPDX-License-Identifier: GPL-3.0-or-later
# A missing int or tuple key raises KeyError naming the key as CPython's repr shows it.


def lookup(todos: dict[int, str], todo_id: int) -> str:
    return todos[todo_id]


def main() -> None:
    todos = {1: "read", 2: "write"}
    grid = {(0, 1): 0.5}
    print(lookup(todos, 2), grid.get((1, 0), -1.0), grid.pop((0, 1)), grid)
    print(lookup(todos, 42))
