# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: "raise e" of a caught exception reports the line where it was first raised, not the raise e.


def checked_index(xs: list[int], i: int) -> int:
    if i >= len(xs):
        raise IndexError(f"index {i} beyond {len(xs)} items")
    return xs[i]


def pick(xs: list[int], picks: list[int]) -> int:
    total = 0
    for i in picks:
        try:
            total += checked_index(xs, i)
        except IndexError as e:
            print("pick failed:", e)
            if i > 10:
                raise e
    return total


def main() -> None:
    xs = [5, 6, 7]
    print(pick(xs, [0, 2]))
    print(pick(xs, [1, 4, 0]))
    print(pick(xs, [2, 40]))
