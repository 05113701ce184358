# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: an uncaught user exception raised as a bare class has no message and prints without a colon.


class NotFound(Exception):
    """Raised when a record is missing."""


def find(names: list[str], wanted: str) -> int:
    for i, name in enumerate(names):
        if name == wanted:
            return i
    raise NotFound


def main() -> None:
    names = ["ann", "bob", "cy"]
    try:
        print(find(names, "dan"))
    except LookupError:
        print("NotFound is not a LookupError")
    except NotFound as e:
        print(f"caught once: [{e}] {e!r}")
    print(find(names, "cy"))
    print(find(names, "eve"))
