# SPDX-License-Identifier: GPL-3.0-or-later
# Tuples written out take their item types from where they go: a dict's key type, a set's
# or list's element type, the other tuples of a display (("b", None) beside ("a", "x")
# makes tuple[str, str | None]), and either side of a conditional expression.
from typing import Optional


def label(flag: bool) -> tuple[str, Optional[int]]:
    return ("yes", 1) if flag else ("no", None)


def main() -> None:
    d: dict[tuple[bool, Optional[str]], int] = {(True, None): 1}
    print(d[(True, None)], (True, None) in d, (False, "x") not in d, d.get((True, "y"), -1))
    tf: dict[tuple[float, int], str] = {(1.5, 2): "a"}
    print(tf[(1.5, 2)], (1.5, 2) in tf, tf.get((2.5, 2)))
    s: set[tuple[float, int]] = {(1.5, 2)}
    print((1.5, 2) in s, (2.5, 2) in s)
    for n, t in [("a", "x"), ("b", None)]:
        print(n, t, t is None)
    keyed = {("a", 1.5, None): 1}
    print(keyed, keyed[("a", 1.5, None)])
    pairs = [(1, None), (2, 3)]
    print(pairs, label(True), label(False), ("b", None) in [("a", "x"), ("b", None)])
    print(sorted([(2, "b"), (1, "a")], key=lambda p: p[0]))
