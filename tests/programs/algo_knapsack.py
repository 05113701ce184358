# SPDX-License-Identifier: GPL-3.0-or-later
# 0/1 knapsack with a 2-D DP table of lists, reconstructing the chosen items by walking back.


def knapsack(items: list[tuple[str, int, int]], cap: int) -> tuple[int, list[str]]:
    n = len(items)
    table: list[list[int]] = []
    for _ in range(n + 1):
        table.append([0] * (cap + 1))
    for i in range(1, n + 1):
        name, w, v = items[i - 1]
        for c in range(cap + 1):
            best = table[i - 1][c]
            if w <= c and table[i - 1][c - w] + v > best:
                best = table[i - 1][c - w] + v
            table[i][c] = best
    chosen: list[str] = []
    c = cap
    for i in range(n, 0, -1):
        if table[i][c] != table[i - 1][c]:
            name, w, v = items[i - 1]
            chosen.insert(0, name)
            c -= w
    return table[n][cap], chosen


def main() -> None:
    items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160), ("glucose", 15, 60),
             ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40), ("cheese", 23, 30), ("beer", 52, 10)]
    for cap in [0, 10, 50, 100, 200, 400]:
        value, chosen = knapsack(items, cap)
        weight = 0
        for name, w, v in items:
            if name in chosen:
                weight += w
        print(f"cap={cap:>3} value={value:>4} weight={weight:>3} {chosen}")
    print(knapsack([], 5), knapsack([("x", 1, 1)], 1))
