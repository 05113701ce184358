# SPDX-License-Identifier: GPL-3.0-or-later
# tuple.index() of a value that is not there raises CPython's tuple message.


def main() -> None:
    t: tuple[str, ...] = ("a", "b")
    print(t.index("b"))
    print(t.index("z"))
