# SPDX-License-Identifier: GPL-3.0-or-later
# comprehensions.py written the way one would without comprehensions: for loops with
# append, a dict filled by assignment, and accumulating loops for sum() and any(). The
# two kernels do the same work and print the same line.


def main(n: int) -> None:
    total = 0
    found = 0
    keys = 0
    for r in range(10):
        squares: list[int] = []
        for i in range(n):
            squares.append((i * i + r) % 1000)
        evens: list[int] = []
        for x in squares:
            if x % 2 == 0:
                evens.append(x)
        pairs: list[int] = []
        for a in range(r + 30):
            for b in range(a):
                if (a + b) % 7 == 0:
                    pairs.append(a * b)
        by_name: dict[str, int] = {}
        for x in evens[: n // 20]:
            by_name[str(x)] = x
        big = 0
        for x in squares:
            if x > 500:
                big += x * 3
        pair_sum = 0
        for p in pairs:
            pair_sum += p
        total += big + len(evens) + pair_sum
        keys += len(by_name)
        for x in squares:
            if x == 999:
                found += 1
                break
    print(total, found, keys)
