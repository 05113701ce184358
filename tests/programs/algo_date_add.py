# SPDX-License-Identifier: GPL-3.0-or-later
# Date arithmetic with (y, m, d) tuples: month lengths, adding days, ISO strings, days between dates.

MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_len(y: int, m: int) -> int:
    lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 29 if m == 2 and leap else lengths[m - 1]


def add_days(date: tuple[int, int, int], n: int) -> tuple[int, int, int]:
    y, m, d = date
    d += n
    while d > month_len(y, m):
        d -= month_len(y, m)
        m, y = (1, y + 1) if m == 12 else (m + 1, y)
    while d < 1:
        m, y = (12, y - 1) if m == 1 else (m - 1, y)
        d += month_len(y, m)
    return y, m, d


def between(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    n = 0
    step = 1 if a < b else -1
    while a != b:
        a = add_days(a, step)
        n += step
    return n


def main() -> None:
    for s, n in [("2024-02-28", 1), ("2023-02-28", 1), ("2023-12-31", 1), ("2024-03-01", -1), ("2000-01-01", 366), ("1999-12-31", -365), ("2024-01-31", 29)]:
        y, m, d = add_days((int(s[0:4]), int(s[5:7]), int(s[8:10])), n)
        print(f"{s} {n:+4d} -> {y:04d}-{m:02d}-{d:02d}")
    print(between((2024, 1, 1), (2025, 1, 1)), between((2024, 3, 10), (2024, 2, 10)), MONTH_DAYS[1], month_len(1900, 2))
