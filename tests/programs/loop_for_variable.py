# SPDX-License-Identifier: GPL-3.0-or-later
# The for loop variable keeps its last value after the loop; reassigning it does not affect iteration.


def main() -> None:
    i = -1
    for i in range(5):
        pass
    print(i)
    for i in range(10, 20, 4):
        i = i * 100
        print(i, end=" ")
    print()
    print(i)
    last = ""
    for last in "xyz":
        pass
    print(last)
    for k in range(3):
        if k == 1:
            break
    print(k)
    x = 0
    empty: list[int] = []
    for x in empty:
        pass
    print(x)
