# SPDX-License-Identifier: GPL-3.0-or-later
# A todo API as Flask handlers are written: dataclasses with methods and validation,
# exceptions mapped to statuses by an error handler, (body, status) answers, abort(),
# and partial updates where a PATCH body leaves fields out.

from dataclasses import dataclass, field, replace
from typing import Optional

from hotpath import Request, abort, errorhandler, get, route


class TodoError(Exception):
    pass


class DuplicateTitle(TodoError):
    """Another todo already has this title."""


@dataclass
class Todo:
    id: int
    title: str
    done: bool = False
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a todo needs a title")

    def matches(self, word: str) -> bool:
        return word.lower() in self.title.lower() or word in self.tags


@dataclass
class NewTodo:
    title: str
    tags: list[str] = field(default_factory=list)


@dataclass
class TodoPatch:
    title: Optional[str]
    done: Optional[bool]

    def apply(self, todo: Todo) -> Todo:
        if self.title is not None:
            todo = replace(todo, title=self.title)
        if self.done is not None:
            todo = replace(todo, done=self.done)
        return todo


TODOS: dict[int, Todo] = {1: Todo(1, "Read the Hotpath docs", tags=["docs"])}
NEXT_ID = 2


@errorhandler(TodoError)
def todo_error(e: TodoError) -> tuple[dict[str, str], int]:
    return {"error": type(e).__name__, "message": str(e)}, 409


@errorhandler(ValueError)
def bad_value(e: ValueError) -> tuple[dict[str, str], int]:
    return {"error": "ValueError", "message": str(e)}, 422


def find(todo_id: int) -> Todo:
    if todo_id not in TODOS:
        abort(404, f"no todo {todo_id}")
    return TODOS[todo_id]


@get("/todos")
def list_todos(q: str = "") -> list[Todo]:
    return [todo for todo in TODOS.values() if not q or todo.matches(q)]


@get("/todos/<int:todo_id>")
def get_todo(todo_id: int) -> Todo:
    return find(todo_id)


@route("/todos", methods=["POST"])
def create_todo(req: Request) -> tuple[Todo, int, dict[str, str]]:
    global NEXT_ID
    new = req.json(NewTodo)
    for other in TODOS.values():
        if other.title == new.title:
            raise DuplicateTitle(f"{new.title!r} is todo {other.id}")
    todo = Todo(NEXT_ID, new.title, tags=new.tags)
    TODOS[todo.id] = todo
    NEXT_ID += 1
    return todo, 201, {"Location": f"/todos/{todo.id}"}


@route("/todos/<int:todo_id>", methods=["PATCH"])
def update_todo(todo_id: int, req: Request) -> Todo:
    todo = req.json(TodoPatch).apply(find(todo_id))
    TODOS[todo_id] = todo
    return todo


@route("/todos/<int:todo_id>", methods=["DELETE"])
def delete_todo(todo_id: int) -> tuple[str, int]:
    find(todo_id)
    del_todo = TODOS.pop(todo_id)
    return f"deleted {del_todo.title}", 200
