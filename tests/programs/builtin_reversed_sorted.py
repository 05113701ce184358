# SPDX-License-Identifier: GPL-3.0-or-later
# reversed() of lists, strings and ranges; sorted() of lists, strings, dict views, with reverse=True.


def main() -> None:
    xs = [3, 1, 2]
    for x in reversed(xs):
        print(x, end=" ")
    print()
    out = ""
    for ch in reversed("stressed"):
        out += ch
    print(out)
    for i in reversed(range(1, 10, 3)):
        print(i, end=" ")
    print()
    print(sorted(xs), xs, sorted(xs, reverse=True), sorted("banana"), sorted(["b", "A", "a"]))
    print(sorted([2.5, -1.0, 0.0]), sorted([(1, "b"), (0, "z"), (1, "a")]), sorted(range(5, 0, -2)))
    d = {"c": 3, "a": 1, "b": 2}
    print(sorted(d), sorted(d.values(), reverse=True), sorted(d.items(), reverse=True))
    for i, x in enumerate(reversed(sorted(xs))):
        print(i, x)
    for i, ch in enumerate(sorted("cab", reverse=True)):
        print(i, ch)
