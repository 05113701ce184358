# SPDX-License-Identifier: GPL-3.0-or-later
# Collatz chains: for every start below n, count the terms of its chain
# (n -> n / 2 or 3n + 1) down to 1. Measures int arithmetic (//, %, *, +)
# and branches in a data-dependent while loop. Prints the start with the
# longest chain and that chain's length in terms.


def chain_length(start: int) -> int:
    length = 1
    x = start
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        length += 1
    return length


def main(n: int) -> None:
    best = 1
    best_length = 1
    for start in range(1, n):
        length = chain_length(start)
        if length > best_length:
            best = start
            best_length = length
    print(best, best_length)
