# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: ord() of a two-character string raises TypeError naming the length.


def main() -> None:
    print(ord("A"), ord("\n"), ord("\U0010ffff"))
    for s in ["a", "é", "😀", "e\u0301"]:
        print(s, ord(s))
    print("not reached")
    print("still not reached")
