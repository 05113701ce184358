# SPDX-License-Identifier: GPL-3.0-or-later
# Binary search: exact lookup, lower and upper bounds, sorted insertion, and integer square root.


def lower_bound(xs: list[int], x: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(xs: list[int], x: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = lo + (hi - lo) // 2
        lo, hi = (mid + 1, hi) if xs[mid] <= x else (lo, mid)
    return lo


def isqrt(n: int) -> int:
    lo, hi = 0, min(n, 3037000499) + 1
    while hi - lo > 1:
        lo, hi = ((lo + hi) // 2, hi) if ((lo + hi) // 2) ** 2 <= n else (lo, (lo + hi) // 2)
    return lo


def main() -> None:
    xs = [1, 3, 3, 3, 7, 9, 12, 12, 20]
    for x in [0, 1, 3, 4, 12, 20, 21]:
        lo, hi = lower_bound(xs, x), upper_bound(xs, x)
        print(f"{x:>3}: lower={lo} upper={hi} count={hi - lo} found={lo < len(xs) and xs[lo] == x}")
    ys: list[int] = []
    for v in [5, -2, 9, 5, 0, 11, -2]:
        ys.insert(upper_bound(ys, v), v)
    print(ys, lower_bound([], 4))
    print(isqrt(0), isqrt(1), isqrt(15), isqrt(16), isqrt(10**18), isqrt(9223372036854775807))
