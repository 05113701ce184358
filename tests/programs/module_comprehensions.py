# SPDX-License-Identifier: GPL-3.0-or-later
# Module constants and state built with comprehensions, generator expressions and key
# lambdas: lookup tables by key, sorted copies, totals; a comprehension's target is its
# own (it may reuse a constant's name) and does not leak.
from dataclasses import dataclass


@dataclass
class Country:
    code: str
    name: str
    population: int


N = 4
COUNTRIES = [Country("fr", "France", 68), Country("de", "Germany", 84), Country("it", "Italy", 59)]
BY_CODE = {c.code: c for c in COUNTRIES}
SQUARES = [n * n for n in range(N)]
SHADOW = [N * 10 for N in range(N)]
VOWELS = {ch for ch in "hello world" if ch in "aeiou"}
LARGEST_FIRST = sorted(COUNTRIES, key=lambda c: -c.population)
TOTAL = sum(c.population for c in COUNTRIES)
TABLE = {(x, y): x * y for x in range(1, 3) for y in range(1, 3) if x != y}
BIGGEST = max(COUNTRIES, key=lambda c: c.population).name
ANY_SMALL = any(c.population < 60 for c in COUNTRIES)
VISITS: dict[str, int] = {c.code: 0 for c in COUNTRIES}
INDEX = {i: name for i, name in enumerate(["zero", "one", "two"])}
SCORES = {"ann": 3, "bob": 9, "cy": 5}
RANKED = sorted(SCORES, key=SCORES.get, reverse=True)


def visit(code: str) -> int:
    VISITS[code] += 1
    return VISITS[code]


def main() -> None:
    print(BY_CODE["de"].name, SQUARES, SHADOW, N, sorted(VOWELS))
    print([c.code for c in LARGEST_FIRST], TOTAL, TABLE, BIGGEST, ANY_SMALL)
    print(visit("fr"), visit("fr"), visit("it"), VISITS, INDEX)
    print(RANKED, max(SCORES, key=SCORES.get), min(SCORES, key=lambda name: SCORES[name]))
