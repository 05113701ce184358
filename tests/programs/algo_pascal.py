# SPDX-License-Identifier: GPL-3.0-or-later
# Pascal's triangle rows and binomial coefficients up to values near the 64-bit limit.


def binom(n: int, k: int) -> int:
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r


def main() -> None:
    row = [1]
    for n in range(8):
        print(format_row(row, n))
        nxt = [1]
        for a, b in zip(row, row[1:]):
            nxt.append(a + b)
        nxt.append(1)
        row = nxt
    print(binom(10, 3), binom(52, 5), binom(60, 30), binom(61, 30), binom(5, 7))


def format_row(row: list[int], n: int) -> str:
    out = " " * (7 - n) * 2
    for v in row:
        out += f"{v:4d}"
    return out
