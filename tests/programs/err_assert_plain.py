# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a failing assert without a message raises a bare AssertionError.


def main() -> None:
    xs = [3, 1, 2]
    assert len(xs) == 3
    print("length ok")
    assert xs == sorted(xs)
    print("not reached")
