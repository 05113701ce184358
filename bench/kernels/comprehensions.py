# SPDX-License-Identifier: GPL-3.0-or-later
# Comprehensions and generator expressions: list and dict comprehensions with filters and
# two clauses, and generators consumed in place by sum() and any(). The same work written
# as loops with append is comprehension_loops.py: the two must print the same line.


def main(n: int) -> None:
    total = 0
    found = 0
    keys = 0
    for r in range(10):
        squares = [(i * i + r) % 1000 for i in range(n)]
        evens = [x for x in squares if x % 2 == 0]
        pairs = [a * b for a in range(r + 30) for b in range(a) if (a + b) % 7 == 0]
        by_name = {str(x): x for x in evens[: n // 20]}
        total += sum(x * 3 for x in squares if x > 500) + len(evens) + sum(pairs)
        keys += len(by_name)
        if any(x == 999 for x in squares):
            found += 1
    print(total, found, keys)
