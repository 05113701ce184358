# SPDX-License-Identifier: GPL-3.0-or-later
# An error inside a comprehension names the comprehension's line.


def ratios(xs: list[int]) -> list[float]:
    return [100 / x for x in xs]


def main() -> None:
    print(ratios([1, 2]))
    print(ratios([4, 0, 2]))
