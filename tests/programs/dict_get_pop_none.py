# SPDX-License-Identifier: GPL-3.0-or-later
# d.get(k, None) and d.pop(k, None) give V | None, as Flask handlers use them to look up and remove.
from dataclasses import dataclass
from typing import Optional


@dataclass
class User:
    name: str
    age: int


def remove(users: dict[int, User], user_id: int) -> str:
    gone = users.pop(user_id, None)
    if gone is None:
        return f"no user {user_id}"
    return f"removed {gone.name}"


def main() -> None:
    users = {1: User("ann", 31), 2: User("bob", 40)}
    print(users.get(1, None), users.get(9, None))
    print(remove(users, 2), remove(users, 2), len(users))
    tags = {"a": "x", "b": "y"}
    first: Optional[str] = tags.pop("a", None)
    print(first, tags.pop("zz", None), tags)
    found = users.get(1, None)
    if found is not None:
        print(found.age + 1)
