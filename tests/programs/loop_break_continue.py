# SPDX-License-Identifier: GPL-3.0-or-later
# break and continue in for and while loops, in nested loops (affecting only the inner loop).


def main() -> None:
    for i in range(10):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        print(i, end=" ")
    print()
    found = -1
    for i, w in enumerate(["x", "y", "target", "z"]):
        if w == "target":
            found = i
            break
    print(found)
    for i in range(3):
        for j in range(3):
            if j == i:
                continue
            if j > i:
                break
            print((i, j), end=" ")
    print()
    n, total = 0, 0
    while n < 20:
        n += 1
        if n % 3 == 0:
            continue
        total += n
        if total > 50:
            break
    print(n, total)
    for ch in "skip vowels please":
        if ch in "aeiou":
            continue
        print(ch, end="")
    print()
