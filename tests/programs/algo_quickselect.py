# SPDX-License-Identifier: GPL-3.0-or-later
# Quickselect with Lomuto partitioning in place: k-th smallest, medians of odd and even lists.


def partition(xs: list[float], lo: int, hi: int) -> int:
    pivot = xs[hi]
    i = lo
    for j in range(lo, hi):
        if xs[j] < pivot:
            xs[i], xs[j] = xs[j], xs[i]
            i += 1
    xs[i], xs[hi] = xs[hi], xs[i]
    return i


def select(data: list[float], k: int) -> float:
    xs = data[:]
    lo, hi = 0, len(xs) - 1
    while True:
        p = partition(xs, lo, hi)
        if p == k:
            return xs[p]
        if p < k:
            lo = p + 1
        else:
            hi = p - 1


def median(xs: list[float]) -> float:
    n = len(xs)
    if n % 2 == 1:
        return select(xs, n // 2)
    return (select(xs, n // 2 - 1) + select(xs, n // 2)) / 2.0


def main() -> None:
    data = [9.5, -1.0, 3.25, 7.0, 3.25, 0.0, 12.0, -4.5, 6.0]
    print([select(data, 0), select(data, 4), select(data, 8)], data)
    for xs in [data, data[:8], [2.0], [1.0, 2.0], [5.0, 5.0, 5.0, 5.0], [1e300, -1e300, 0.1]]:
        print(median(xs), sorted(xs)[(len(xs) - 1) // 2], len(xs) % 2 == 1)
