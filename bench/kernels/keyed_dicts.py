# SPDX-License-Identifier: GPL-3.0-or-later
# Dicts keyed by something other than str, as handlers key their data: collatz chain
# lengths memoised in a dict[int, int]; a random walk counting visits per cell in a
# dict[tuple[int, int], int]; words grouped by their letters, tuple(sorted(word)), in a
# dict[tuple[str, ...], list[str]]. Prints the longest chain below n, the most visited
# cell's count, the number of cells and the largest group of anagrams.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo"]


def chain_length(start: int, memo: dict[int, int]) -> int:
    n = start
    steps = 0
    path: list[int] = []
    while n != 1 and n not in memo:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    total = steps + (memo[n] if n != 1 else 0)
    for i, m in enumerate(path):
        memo[m] = total - i
    return total


def walk(steps: int) -> dict[tuple[int, int], int]:
    visits: dict[tuple[int, int], int] = {}
    x, y, state = 0, 0, 7
    for _ in range(steps):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        move = (state >> 16) % 4
        if move == 0:
            x += 1
        elif move == 1:
            x -= 1
        elif move == 2:
            y += 1
        else:
            y -= 1
        cell = (x // 4, y // 4)
        visits[cell] = visits.get(cell, 0) + 1
    return visits


def anagrams(count: int) -> dict[tuple[str, ...], list[str]]:
    groups: dict[tuple[str, ...], list[str]] = {}
    state = 11
    for _ in range(count):
        word = ""
        for _ in range(3):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            word += SYLLABLES[(state >> 16) % 8]
        groups.setdefault(tuple(sorted(word)), []).append(word)
    return groups


def main(n: int) -> None:
    memo: dict[int, int] = {}
    longest = max(range(1, n // 4), key=lambda s: chain_length(s, memo))
    visits = walk(n)
    groups = anagrams(n // 10)
    biggest = max(groups.values(), key=len)
    print(longest, chain_length(longest, memo), max(visits.values()), len(visits), len(groups), len(biggest))
