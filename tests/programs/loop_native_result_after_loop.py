# SPDX-License-Identifier: GPL-3.0-or-later
# A local first assigned inside a loop from a native call (pop) and read after it: the
# assignment flag must follow the call's whole instruction (a regression test).


def last_small(xs: list[int]) -> int:
    while xs:
        v = xs.pop()
        if v < 50:
            break
    return v


def main() -> None:
    print(last_small([1, 99, 120]), last_small([7, 8]))
    words = ["b", "a"]
    while words:
        w = words.pop()
        s = w.upper()
    print(w, s)
