# SPDX-License-Identifier: GPL-3.0-or-later
# Exact fractions as normalised (num, den) tuples: arithmetic, comparison, continued fractions, decimals.


def norm(n: int, d: int) -> tuple[int, int]:
    a, b = abs(n), abs(d)
    while b:
        a, b = b, a % b
    s = -1 if d < 0 else 1
    return s * n // a, s * d // a


def add(x: tuple[int, int], y: tuple[int, int]) -> tuple[int, int]:
    return norm(x[0] * y[1] + y[0] * x[1], x[1] * y[1])


def mul(x: tuple[int, int], y: tuple[int, int]) -> tuple[int, int]:
    return norm(x[0] * y[0], x[1] * y[1])


def show(x: tuple[int, int]) -> str:
    n, d = x
    return str(n) if d == 1 else f"{n}/{d}"


def main() -> None:
    h = (0, 1)
    for k in range(1, 11):
        h = add(h, (1, k))
    print("H10 =", show(h), f"= {h[0] / h[1]:.12f}")
    print(show(mul((3, -4), (-8, 9))), show(add((1, 6), (-1, 6))), show(norm(-10, -4)), show(norm(7, -21)))
    n, d = 415, 93
    cf: list[int] = []
    while d:
        q, r = divmod(n, d)
        cf.append(q)
        n, d = d, r
    print("cf(415/93) =", cf, (1, 3) < (1, 2), norm(2, 6) == norm(-3, -9))
