# SPDX-License-Identifier: GPL-3.0-or-later
# Sieve of Eratosthenes over a list[bool] of n + 1 flags: list allocation,
# indexed stores in strided loops and indexed loads with a branch. Prints the
# number of primes <= n.


def main(n: int) -> None:
    flags = [True] * (n + 1)
    flags[0] = False
    if n >= 1:
        flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
    print(count)
