# SPDX-License-Identifier: GPL-3.0-or-later
# Matrices as lists of lists: multiplication, transpose, identity, and formatted printing.


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for i in range(len(a)):
        row: list[float] = []
        for j in range(len(b[0])):
            s = 0.0
            for k in range(len(b)):
                s += a[i][k] * b[k][j]
            row.append(s)
        out.append(row)
    return out


def transpose(m: list[list[float]]) -> list[list[float]]:
    t: list[list[float]] = []
    for j in range(len(m[0])):
        col: list[float] = []
        for i in range(len(m)):
            col.append(m[i][j])
        t.append(col)
    return t


def main() -> None:
    a = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    b = transpose(a)
    print(b)
    c = matmul(a, b)
    print(c)
    rot = [[0.0, -1.0], [1.0, 0.0]]
    m = [[1.0, 0.0], [0.0, 1.0]]
    for i in range(4):
        m = matmul(m, rot)
        print(i, m)
    for row in matmul(b, a):
        print(f"{row[0]:6.1f}{row[1]:6.1f}{row[2]:6.1f}")
