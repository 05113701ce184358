# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: an invariant assert with an f-string message fails in a helper called inside a loop.


def check_sorted(name: str, xs: list[int]) -> None:
    for i in range(1, len(xs)):
        assert xs[i - 1] <= xs[i], f"{name}: {xs[i - 1]} > {xs[i]} at index {i} in {xs!r}"
    print(f"{name}: sorted, {len(xs)} items")


def insert_sorted(xs: list[int], v: int) -> None:
    i = 0
    while i < len(xs) and xs[i] < v:
        i += 1
    xs.insert(i + (1 if v % 7 == 0 else 0), v)


def main() -> None:
    xs: list[int] = []
    for v in [5, 2, 9, 4, 14, 11, 7, 3]:
        insert_sorted(xs, v)
        check_sorted(f"after {v}", xs)
