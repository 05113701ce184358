# SPDX-License-Identifier: GPL-3.0-or-later
# Memoisation with a dict passed down recursive calls: Fibonacci, lattice paths, coin change, partitions.


def fib(n: int, memo: dict[str, int]) -> int:
    if n < 2:
        return n
    key = str(n)
    if key not in memo:
        memo[key] = fib(n - 1, memo) + fib(n - 2, memo)
    return memo[key]


def paths(r: int, c: int, memo: dict[str, int]) -> int:
    if r == 0 or c == 0:
        return 1
    key = f"{r},{c}"
    if key in memo:
        return memo[key]
    v = paths(r - 1, c, memo) + paths(r, c - 1, memo)
    memo[key] = v
    return v


def ways(amount: int, coins: list[int], i: int, memo: dict[str, int]) -> int:
    if amount == 0:
        return 1
    if amount < 0 or i == len(coins):
        return 0
    key = f"{amount}/{i}"
    return memo[key] if key in memo else memo.setdefault(key, ways(amount - coins[i], coins, i, memo) + ways(amount, coins, i + 1, memo))


def main() -> None:
    memo: dict[str, int] = {}
    print(fib(10, memo), fib(50, memo), fib(92, memo), len(memo))
    grid: dict[str, int] = {}
    print(paths(2, 2, grid), paths(10, 10, grid), paths(16, 16, grid), len(grid), grid["3,2"])
    cm: dict[str, int] = {}
    print(ways(100, [50, 25, 10, 5, 1], 0, cm), ways(7, [2, 4], 0, {}), ways(0, [], 0, {}), len(cm) > 100)
