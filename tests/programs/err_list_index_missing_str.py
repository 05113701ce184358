# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: list.index of an absent str names the value by its repr.


def main() -> None:
    names = ["ann", "bob", "it"]
    print(names.index("bob"), names.index("it"))
    wanted = "it" + "'" + "s"
    print(wanted)
    print(names.index(wanted))
