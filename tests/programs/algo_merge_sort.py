# SPDX-License-Identifier: GPL-3.0-or-later
# Recursive merge sort on slices that also counts inversions, checked against sorted() and a brute force.


def sort_count(xs: list[int]) -> tuple[list[int], int]:
    if len(xs) <= 1:
        return xs[:], 0
    mid = len(xs) // 2
    left, a = sort_count(xs[:mid])
    right, b = sort_count(xs[mid:])
    merged: list[int] = []
    i, j, inv = 0, 0, a + b
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inv += len(left) - i
            j += 1
    return merged + left[i:] + right[j:], inv


def brute(xs: list[int]) -> int:
    n = 0
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            n += 1 if xs[i] > xs[j] else 0
    return n


def main() -> None:
    seed = 7
    data: list[int] = []
    for _ in range(25):
        seed = (seed * 1103515245 + 12345) % 2147483648
        data.append(seed % 50 - 10)
    for xs in [data, [], [1], [3, 2, 1], [1, 1, 1], [5, -1, 5, -1]]:
        s, inv = sort_count(xs)
        print(s, inv, inv == brute(xs), s == sorted(xs))
