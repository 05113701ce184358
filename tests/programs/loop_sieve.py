# SPDX-License-Identifier: GPL-3.0-or-later
# Sieve of Eratosthenes with a list of bools, range steps starting at i*i.

LIMIT = 100


def main() -> None:
    is_prime = [True] * (LIMIT + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= LIMIT:
        if is_prime[i]:
            for j in range(i * i, LIMIT + 1, i):
                is_prime[j] = False
        i += 1
    primes: list[int] = []
    for n, p in enumerate(is_prime):
        if p:
            primes.append(n)
    print(primes)
    print(len(primes), sum(primes), primes[-1], is_prime.count(True))
    gaps: dict[str, int] = {}
    for a, b in zip(primes, primes[1:]):
        key = str(b - a)
        gaps[key] = gaps.get(key, 0) + 1
    print(gaps)
