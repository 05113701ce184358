# SPDX-License-Identifier: GPL-3.0-or-later
# Changing a list while iterating over it proceeds by index, as in Python.


def main() -> None:
    xs = [1, 2, 3]
    for x in xs:
        if x < 4:
            xs.append(x + 3)
        print(x, end=" ")
    print()
    print(xs)
    ys = [1, 2, 3, 4, 5, 6]
    for y in ys:
        if y % 2 == 0:
            ys.pop(0)
        print(y, end=" ")
    print()
    print(ys)
    zs = [5, 6, 7]
    count = 0
    for z in zs:
        zs[len(zs) - 1] = z * 10
        count += 1
    print(zs, count)
