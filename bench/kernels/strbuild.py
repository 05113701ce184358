# SPDX-License-Identifier: GPL-3.0-or-later
# String building: n appends of the form `s += str(i) + ","` to one growing
# str (78 MB at n = 10 million). Measures int-to-str conversion, small
# concatenations and in-place growth of a string that only this loop holds,
# which CPython makes amortised O(1) per append. Prints the final length.


def main(n: int) -> None:
    s = ""
    for i in range(n):
        s += str(i) + ","
    print(len(s))
