# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: RecursionError from mutual recursion between a counter and a helper that re-enters it.


def count_down(n: int, left: int) -> int:
    if not left:
        return n
    return 1 + count_down(step(n, False), left - 1)


def step(n: int, reenter: bool) -> int:
    if reenter:
        return count_down(n, n)
    return n + 1


def main() -> None:
    print(count_down(0, 10), step(5, True), step(0, True), count_down(3, 500))
    print("never reaches zero:")
    print(step(-1, True))
