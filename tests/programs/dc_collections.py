# SPDX-License-Identifier: GPL-3.0-or-later
# Lists and dicts of dataclass records: building, filtering, aggregating and sorting by a field.
from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    dept: str
    salary: int


def main() -> None:
    staff = [Employee("ann", "eng", 120), Employee("bob", "ops", 90), Employee("cy", "eng", 110), Employee("di", "ops", 95)]
    by_dept: dict[str, list[Employee]] = {}
    for e in staff:
        by_dept.setdefault(e.dept, []).append(e)
    for dept, members in by_dept.items():
        total = 0
        for m in members:
            total += m.salary
        print(dept, len(members), total, f"{total / len(members):.1f}")
    ranked: list[tuple[int, str]] = []
    for e in staff:
        ranked.append((-e.salary, e.name))
    ranked.sort()
    print(ranked)
    top = staff[0]
    for e in staff:
        if e.salary > top.salary:
            top = e
    top.salary += 5
    print(top, staff[0])
    index = {"ann": staff[0]}
    index["ann"].dept = "mgmt"
    print(staff[0], by_dept["eng"][0])
