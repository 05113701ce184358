# SPDX-License-Identifier: GPL-3.0-or-later
# Module state: module-level dicts, lists and dataclasses mutated by functions, `global` counters.
from dataclasses import dataclass


@dataclass
class Todo:
    id: int
    title: str
    done: bool = False


TODOS: dict[str, Todo] = {}
ORDER: list[str] = []
STATS: dict[str, int] = {"created": 0, "completed": 0}
next_id = 1
last_title = ""
ratio = 0.0
PAIR: tuple[list[int], str] = ([], "pair")
CONFIG = Todo(0, "config")


def create(title: str) -> Todo:
    global next_id, last_title
    todo = Todo(next_id, title)
    key = str(next_id)
    TODOS[key] = todo
    ORDER.append(key)
    next_id += 1
    last_title = title
    STATS["created"] = STATS["created"] + 1
    return todo


def complete(key: str) -> bool:
    global ratio
    if key not in TODOS:
        return False
    TODOS[key].done = True
    STATS["completed"] += 1
    ratio = STATS["completed"] / STATS["created"]
    return True


def remove(key: str) -> str:
    todo = TODOS.pop(key)
    kept: list[str] = []
    for k in ORDER:
        if k != key:
            kept.append(k)
    while len(ORDER) > 0:
        ORDER.pop()
    ORDER.extend(kept)
    return todo.title


def summary() -> str:
    open_titles: list[str] = []
    for k in ORDER:
        if not TODOS[k].done:
            open_titles.append(TODOS[k].title)
    return f"{len(TODOS)} todos, {STATS['completed']} done, next id {next_id}, open: {', '.join(open_titles)}"


def rename_all(suffix: str) -> None:
    for key in ORDER:
        todo = TODOS[key]
        todo.title = todo.title + suffix


def main() -> None:
    print(summary())
    for title in ["write", "test", "ship"]:
        print(create(title))
    print(complete("2"), complete("9"))
    print(summary())
    print(remove("1"))
    print(ORDER, next_id, last_title, round(ratio, 3))
    rename_all("!")
    print(TODOS)
    PAIR[0].append(len(ORDER))
    PAIR[0].append(next_id)
    print(PAIR)
    CONFIG.title = CONFIG.title.upper()
    CONFIG.done = True
    print(CONFIG, STATS)
    alias = ORDER
    alias.append("x")
    print(ORDER, len(alias))
