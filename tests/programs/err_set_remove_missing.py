# SPDX-License-Identifier: GPL-3.0-or-later
# set.remove of a missing element raises KeyError naming it; pop of an empty set too.


def main() -> None:
    tags = {"a", "b"}
    tags.remove("a")
    print(sorted(tags))
    tags.remove("zz")
