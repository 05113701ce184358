// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel spectral_norm.py: the same 10 power
// iterations of A^T A on an n x n matrix computed on the fly, over arrays of
// doubles, hand-written in C and compiled with `cc -O2`. Usage:
// spectral_norm N. Prints the norm estimate with 9 decimals.

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_a(long i, long j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void mul_av(const double *v, double *av, long n)
{
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++)
            s += eval_a(i, j) * v[j];
        av[i] = s;
    }
}

static void mul_atv(const double *v, double *atv, long n)
{
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++)
            s += eval_a(j, i) * v[j];
        atv[i] = s;
    }
}

static void mul_atav(const double *v, double *out, double *tmp, long n)
{
    mul_av(v, tmp, n);
    mul_atv(tmp, out, n);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    double *u = malloc((size_t)(n > 0 ? n : 1) * sizeof *u);
    double *v = malloc((size_t)(n > 0 ? n : 1) * sizeof *v);
    double *tmp = malloc((size_t)(n > 0 ? n : 1) * sizeof *tmp);
    if (!u || !v || !tmp) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (long i = 0; i < n; i++) {
        u[i] = 1.0;
        v[i] = 0.0;
        tmp[i] = 0.0;
    }
    for (int k = 0; k < 10; k++) {
        mul_atav(u, v, tmp, n);
        mul_atav(v, u, tmp, n);
    }
    double vbv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
