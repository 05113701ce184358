// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel collatz.py: the same Collatz chain lengths
// for every start below n, hand-written in C and compiled with `cc -O2`.
// Usage: collatz N. Prints the start with the longest chain and its length.

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int64_t chain_length(int64_t start)
{
    int64_t length = 1;
    int64_t x = start;
    while (x != 1) {
        if (x % 2 == 0)
            x = x / 2;
        else
            x = 3 * x + 1;
        length++;
    }
    return length;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    int64_t n = strtoll(argv[1], NULL, 10);
    int64_t best = 1, best_length = 1;
    for (int64_t start = 1; start < n; start++) {
        int64_t length = chain_length(start);
        if (length > best_length) {
            best = start;
            best_length = length;
        }
    }
    printf("%lld %lld\n", (long long)best, (long long)best_length);
    return 0;
}
