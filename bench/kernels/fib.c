// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel fib.py: the same recursive Fibonacci,
// hand-written in C and compiled with `cc -O2`. Usage: fib N. Prints fib(N).

#include <stdio.h>
#include <stdlib.h>

static long fib(long n)
{
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    printf("%ld\n", fib(n));
    return 0;
}
