# SPDX-License-Identifier: GPL-3.0-or-later
# A todo API's endpoint functions called directly: query filters, dataclass results and Response text.
from dataclasses import dataclass
from hotpath import Response, get, post


@dataclass
class Todo:
    id: int
    title: str
    done: bool = False


def store() -> list[Todo]:
    out: list[Todo] = []
    for i, t in enumerate("write spec|fix parser|review PR|ship it|write tests".split("|"), 1):
        out.append(Todo(i, t, i % 2 == 0))
    return out


@get("/todos")
def list_todos(done: str = "any", q: str = "", page: int = 1, per_page: int = 2) -> list[Todo]:
    hits: list[Todo] = []
    for t in store():
        hits += [t] if (done == "any" or (done == "yes") == t.done) and q in t.title else []
    return hits[(page - 1) * per_page:page * per_page]


@post("/todos/<int:id>/toggle")
def toggle(id: int) -> Response:
    for t in store():
        if t.id == id:
            return Response(f"{t.title}: {'open' if t.done else 'done'}")
    return Response(f"no todo {id}", status=404)


def main() -> None:
    print(list_todos(), list_todos(page=3), list_todos("yes", per_page=5))
    print(list_todos(q="write"), list_todos("no", "i", 2, 1), list_todos(page=9))
    print(toggle(2).status, toggle(7).status, store()[-1], toggle(3).body)
