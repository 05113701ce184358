# SPDX-License-Identifier: GPL-3.0-or-later
# Calendar arithmetic: leap years, day of week (Zeller) and day numbers using floor division and modulo.

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_from_civil(y: int, m: int, d: int) -> int:
    y -= 1 if m <= 2 else 0
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def weekday(y: int, m: int, d: int) -> int:
    return (days_from_civil(y, m, d) + 3) % 7


def main() -> None:
    print([is_leap(1900), is_leap(2000), is_leap(2024), is_leap(2023)])
    for y, m, d in [(1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (1, 1, 1), (-44, 3, 15), (9999, 12, 31)]:
        n = days_from_civil(y, m, d)
        w = weekday(y, m, d)
        print(f"{y:>5}-{m:02}-{d:02} day={n:>8} {w} {weekday_name(w)}")


def weekday_name(w: int) -> str:
    names = [DAYS[0], DAYS[1], DAYS[2], DAYS[3], DAYS[4], DAYS[5], DAYS[6]]
    return names[w]
