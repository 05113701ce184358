# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a for loop variable is unassigned after a loop that ran zero times.


def last_item(xs: list[str]) -> str:
    for x in xs:
        pass
    return x


def main() -> None:
    print(last_item(["a", "b"]))
    print(last_item([]))
