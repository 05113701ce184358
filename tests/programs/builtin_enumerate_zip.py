# SPDX-License-Identifier: GPL-3.0-or-later
# enumerate with and without start, zip of two and three iterables stopping at the shortest.


def main() -> None:
    names = ["ann", "bob", "cy"]
    ages = [31, 25, 40, 99]
    for i, n in enumerate(names):
        print(i, n)
    for i, n in enumerate(names, 1):
        print(i, n, end="; ")
    print()
    for i, ch in enumerate("héllo", -2):
        print(i, ch, end=" ")
    print()
    for n, a in zip(names, ages):
        print(n, a)
    for n, a, c in zip(names, ages, "XY"):
        print(n, a, c)
    for i, (n, a) in enumerate(zip(names, ages)):
        print(i, n, a)
    for a, b in zip(range(5), range(10, 0, -3)):
        print(a, b, end=" | ")
    print()
    d = {"x": 1, "y": 2}
    for k, v in zip(d.keys(), d.values()):
        print(k, v)
    print(sum(range(0)), max(enumerate(names)), sorted(zip(ages, names)))
