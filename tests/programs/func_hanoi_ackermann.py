# SPDX-License-Identifier: GPL-3.0-or-later
# Deeper recursion: Towers of Hanoi move list, Ackermann function, greatest common divisor.


def hanoi(n: int, src: str, dst: str, via: str, moves: list[str]) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def gcd(a: int, b: int) -> int:
    return a if b == 0 else gcd(b, a % b)


def main() -> None:
    moves: list[str] = []
    hanoi(3, "A", "C", "B", moves)
    print(len(moves), " ".join(moves))
    big: list[str] = []
    hanoi(10, "A", "C", "B", big)
    print(len(big), big[511], big[-1])
    print(ackermann(0, 0), ackermann(1, 2), ackermann(2, 3), ackermann(3, 3))
    print(gcd(1071, 462), gcd(0, 5), gcd(17, 5), gcd(-12, 18), gcd(12, -18))
