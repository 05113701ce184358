# SPDX-License-Identifier: GPL-3.0-or-later
# Euclid's gcd by hand (iterative and recursive), lcm of lists, extended gcd and modular inverses.


def gcd(a: int, b: int) -> int:
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def egcd(a: int, b: int) -> tuple[int, int, int]:
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def lcm_all(xs: list[int]) -> int:
    acc = 1
    for x in xs:
        acc = acc // gcd(acc, x) * x
    return acc


def main() -> None:
    for a, b in [(12, 18), (17, 5), (0, 9), (-24, 36), (0, 0), (1071, 462), (123456789, 987654321), (2**30, 6**12)]:
        g, x, y = egcd(a, b)
        print(f"gcd({a}, {b}) = {gcd(a, b)}; egcd -> {g} = {a}*{x} + {b}*{y}: {a * x + b * y == g}")
    print(lcm_all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), lcm_all(list_range(1, 31)), lcm_all([]))
    for a, m in [(3, 11), (10, 17), (7, 26)]:
        g, x, _ = egcd(a, m)
        print(f"inverse of {a} mod {m} = {x % m} check {a * (x % m) % m}")


def list_range(a: int, b: int) -> list[int]:
    out: list[int] = []
    for i in range(a, b):
        out.append(i)
    return out
