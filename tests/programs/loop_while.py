# SPDX-License-Identifier: GPL-3.0-or-later
# while loops: counters, conditions on several variables, break out of infinite loops, nested whiles.


def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main() -> None:
    i = 0
    while i < 5:
        print(i, end=" ")
        i += 1
    print()
    print(collatz(27), collatz(1), collatz(97))
    n = 0
    while True:
        n += 7
        if n % 5 == 0:
            break
    print(n)
    a = 1071
    b = 462
    while b:
        a, b = b, a % b
    print(a)
    row = 1
    while row <= 3:
        col = 1
        line = ""
        while col <= row:
            line += str(row * col) + " "
            col += 1
        print(line)
        row += 1
