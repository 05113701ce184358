# SPDX-License-Identifier: GPL-3.0-or-later
# Optional values in containers, dataclass fields, parameters and results: printing, equality,
# membership, dict.get without a default, defaults of None.
from dataclasses import dataclass
from typing import Optional, Union


@dataclass
class User:
    name: str
    age: Optional[int] = None
    email: str | None = None
    score: Union[float, None] = None


def find(users: list[User], name: str) -> Optional[User]:
    for user in users:
        if user.name == name:
            return user
    return None


def greet(name: str, title: Optional[str] = None) -> str:
    if title is None:
        return "Hello, " + name
    return f"Hello, {title} {name}"


def main() -> None:
    users = [User("ann", 31, "a@x"), User("bob"), User("cy", None, None, 2.5)]
    print(users)
    print(find(users, "bob"), find(users, "nobody"))
    found = find(users, "ann")
    if found is not None and found.age is not None:
        print(found.name, found.age + 1)
    print([u.age for u in users], [u.email for u in users if u.email is not None])
    print(greet("ann"), greet("bob", "Dr"), greet("cy", None))
    stock = {"apple": 3, "pear": 0}
    print(stock.get("apple"), stock.get("kiwi"), stock.get("pear") is None, stock.get("kiwi") is None)
    tags: dict[str, Optional[str]] = {"a": "x", "b": None}
    print(tags, tags["b"] is None, tags.get("c"), tags.get("a"))
    xs: list[Optional[int]] = [3, None, 1, None]
    print(xs, None in xs, 2 in xs, 3 in xs, xs.count(None), xs.index(None), len(xs))
    print(xs == [3, None, 1, None], xs[0] == 3, xs[1] == xs[3], xs[0] != None)
    pair: tuple[int, Optional[str]] = (1, None)
    print(pair, repr(None), str(None), f"{None}|{xs[1]}|{tags['a']}", [None, 1.5])
    maybe = [u.score for u in users]
    print(maybe, {"k": None, "j": 2})
    # A T | None computed in several steps and stored into an existing variable.
    maybe_count: Optional[int] = None
    for _ in range(2):
        if maybe_count is None:
            maybe_count = stock.get("nothing") or 5
    print(maybe_count)
