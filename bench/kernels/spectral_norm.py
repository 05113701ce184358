# SPDX-License-Identifier: GPL-3.0-or-later
# Spectral norm (Benchmarks Game algorithm): 10 power iterations of A^T A on
# the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1) cut to
# n x n. Measures float arithmetic, int-to-float division and indexed reads
# and writes of list[float] in O(n^2) nested loops, and calls in the inner
# loop. Prints the norm estimate (9 decimals).

import math


def eval_a(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v: list[float], av: list[float]) -> None:
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        av[i] = s


def mul_atv(v: list[float], atv: list[float]) -> None:
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        atv[i] = s


def mul_atav(v: list[float], out: list[float], tmp: list[float]) -> None:
    mul_av(v, tmp)
    mul_atv(tmp, out)


def main(n: int) -> None:
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        mul_atav(u, v, tmp)
        mul_atav(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"{math.sqrt(vbv / vv):.9f}")
