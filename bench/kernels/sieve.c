// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel sieve.py: the same sieve of Eratosthenes
// over an array of n + 1 bool flags, hand-written in C and compiled with
// `cc -O2`. Usage: sieve N. Prints the number of primes <= N.

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    bool *flags = malloc((size_t)(n + 1) * sizeof *flags);
    if (!flags) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (long k = 0; k <= n; k++)
        flags[k] = true;
    flags[0] = false;
    if (n >= 1)
        flags[1] = false;
    for (long i = 2; i * i <= n; i++) {
        if (flags[i]) {
            for (long j = i * i; j < n + 1; j += i)
                flags[j] = false;
        }
    }
    long count = 0;
    for (long k = 0; k <= n; k++) {
        if (flags[k])
            count++;
    }
    printf("%ld\n", count);
    free(flags);
    return 0;
}
