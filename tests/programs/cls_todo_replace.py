# SPDX-License-Identifier: GPL-3.0-or-later
# A todo list updated with dataclasses.replace(): __post_init__ validation on construction and replace, shallow copies.
from dataclasses import dataclass, field, replace
from typing import Optional

PRIORITIES = ["low", "normal", "high"]


@dataclass
class Todo:
    id: int
    title: str
    priority: str = "normal"
    done: bool = False
    tags: list[str] = field(default_factory=list)
    due: Optional[int] = None

    def __post_init__(self) -> None:
        if self.priority not in PRIORITIES:
            raise ValueError(f"bad priority {self.priority!r} for #{self.id}")
        self.title = self.title.strip()
        if not self.title:
            raise ValueError(f"empty title for #{self.id}")

    def completed(self) -> "Todo":
        return replace(self, done=True)

    def rank(self) -> int:
        score = PRIORITIES.index(self.priority) * 10
        if self.due is not None:
            score += max(0, 5 - self.due)
        return score

    def line(self) -> str:
        box = "x" if self.done else " "
        due = "" if self.due is None else f" due:{self.due}"
        return f"[{box}] #{self.id} {self.title} ({self.priority}){due} {','.join(self.tags)}"


@dataclass
class TodoList:
    items: list[Todo] = field(default_factory=list)
    next_id: int = 1

    def add(self, title: str, priority: str) -> Todo:
        todo = Todo(self.next_id, title, priority)
        self.items.append(todo)
        self.next_id += 1
        return todo

    def update(self, id: int, priority: str, due: Optional[int]) -> None:
        for i, t in enumerate(self.items):
            if t.id == id:
                self.items[i] = replace(t, priority=priority, due=due)
                return
        raise KeyError(id)

    def finish(self, id: int) -> None:
        self.items = [t.completed() if t.id == id else t for t in self.items]

    def agenda(self) -> list[str]:
        return [t.line() for t in sorted(self.items, key=lambda t: (t.done, -t.rank(), t.id))]


def main() -> None:
    todos = TodoList()
    todos.add("  write report ", "high")
    todos.add("buy milk", "low")
    todos.add("call bob", "normal").tags.append("phone")
    for title, prio in [("   ", "low"), ("nap", "urgent")]:
        try:
            todos.add(title, prio)
        except ValueError as e:
            print("rejected:", e)
    todos.update(2, "normal", 1)
    todos.finish(1)
    for line in todos.agenda():
        print(line)
    try:
        todos.update(9, "low", None)
    except KeyError as e:
        print("no such todo", e)
    original = todos.items[2]
    copy = replace(original, title=" call bob again ")
    copy.tags.append("shared")
    print(copy.title, original.tags, copy.tags, original.tags == copy.tags)
    try:
        replace(original, priority="someday")
    except ValueError as e:
        print("replace validated:", e)
    print(todos.next_id, len(todos.items), todos.items[0].done, todos.items[0])
