# SPDX-License-Identifier: GPL-3.0-or-later
# Integer matrices: determinant by cofactor expansion, fast matrix power for Fibonacci, and trace.


def det(m: list[list[int]]) -> int:
    total = m[0][0] if len(m) == 1 else 0
    for c in range(len(m) if len(m) > 1 else 0):
        minor: list[list[int]] = []
        for row in m[1:]:
            minor.append(row[:c] + row[c + 1:])
        total += (-1 if c % 2 else 1) * m[0][c] * det(minor)
    return total


def mul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in range(len(a)):
        row = [0] * len(b[0])
        for j in range(len(b[0])):
            for k in range(len(b)):
                row[j] += a[i][k] * b[k][j]
        out.append(row)
    return out


def power(m: list[list[int]], e: int) -> list[list[int]]:
    result = [[1, 0], [0, 1]]
    while e:
        result = mul(result, m) if e & 1 else result
        m = mul(m, m) if e > 1 else m
        e >>= 1
    return result


def main() -> None:
    print(det([[5]]), det([[1, 2], [3, 4]]), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
    print(det([[3, 2, 0, 1], [4, 0, 1, 2], [3, 0, 2, 1], [9, 2, 3, 1]]), mul([[1, 2, 3]], [[4], [5], [6]]))
    for e in [0, 1, 10, 50, 90]:
        p = power([[1, 1], [1, 0]], e)
        print(e, p, "fib:", p[0][1], "trace:", p[0][0] + p[1][1], "det:", det(p) if e <= 40 else 0)
