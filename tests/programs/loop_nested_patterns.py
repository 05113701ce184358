# SPDX-License-Identifier: GPL-3.0-or-later
# Nested loops printing patterns: triangle, multiplication table, diamond.


def main() -> None:
    for i in range(1, 5):
        print("*" * i)
    for i in range(1, 4):
        line = ""
        for j in range(1, 6):
            line += f"{i * j:4d}"
        print(line)
    n = 3
    for i in list_range(-n + 1, n):
        k = n - abs(i)
        print(" " * abs(i) + "#" * (2 * k - 1))
    total = 0
    for a in range(1, 20):
        for b in range(a, 20):
            for c in range(b, 30):
                if a * a + b * b == c * c:
                    print((a, b, c), end=" ")
                    total += 1
    print()
    print(total)


def list_range(lo: int, hi: int) -> list[int]:
    out: list[int] = []
    for v in range(lo, hi):
        out.append(v)
    return out
