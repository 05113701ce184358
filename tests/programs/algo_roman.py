# SPDX-License-Identifier: GPL-3.0-or-later
# Roman numerals: conversion both ways with a list of tuples and a dict of symbol values.

NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def to_roman(n: int) -> str:
    table = [NUMERALS[0], NUMERALS[1], NUMERALS[2], NUMERALS[3], NUMERALS[4], NUMERALS[5], NUMERALS[6], NUMERALS[7], NUMERALS[8], NUMERALS[9], NUMERALS[10], NUMERALS[11], NUMERALS[12]]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out


def from_roman(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        if i + 1 < len(s) and values[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def main() -> None:
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        r = to_roman(n)
        print(n, r, from_roman(r) == n)
