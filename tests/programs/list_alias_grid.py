# SPDX-License-Identifier: GPL-3.0-or-later
# Reference semantics in handler data: [[0] * n] * m aliasing, shared lists in dicts, copies by slicing.
from dataclasses import dataclass


@dataclass
class Team:
    name: str
    members: list[str]


def main() -> None:
    shared = [[0] * 3] * 2
    shared[0][1] = 5
    fresh: list[list[int]] = []
    for _ in range(2):
        fresh.append([0] * 3)
    fresh[0][1] = 5
    print(shared, fresh, shared == fresh, shared[0] == shared[1])
    default = ["guest"]
    groups = {"a": default, "b": default, "c": default[:]}
    groups["a"].append("ann")
    groups["c"].append("cy")
    print(groups, len(default))
    people = ["ann", "bob"]
    t1 = Team("red", people)
    t2 = Team("blue", people[:])
    people.append("cy")
    roster = [t1, t2, t1]
    roster[2].name = "crimson"
    print(roster, t1 == roster[0], t1 == t2)
    row = shared[1]
    row += [9]
    print(shared, len(row))
    xs = [1, 2, 3]
    ys = xs
    xs = xs + [4]
    ys *= 2
    print(xs, ys)
