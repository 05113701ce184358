// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel mandelbrot.py: the same n x n Mandelbrot
// bitmap (50 iterations, escape at |z|^2 > 4, 8 pixels per byte), hand-written
// in C and compiled with `cc -O2`. Usage: mandelbrot N. Prints the sum of the
// bitmap's bytes.

#include <stdio.h>
#include <stdlib.h>

#define MAX_ITER 50
#define LIMIT 4.0

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    long h = n;
    long w = n;
    long checksum = 0;
    for (long y = 0; y < h; y++) {
        double ci = 2.0 * (double)y / (double)h - 1.0;
        long byte = 0;
        int bits = 0;
        for (long x = 0; x < w; x++) {
            double cr = 2.0 * (double)x / (double)w - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (int i = 0; i < MAX_ITER; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                if (tr + ti > LIMIT)
                    break;
            }
            byte <<= 1;
            if (tr + ti <= LIMIT)
                byte |= 1;
            bits++;
            if (bits == 8) {
                checksum += byte;
                byte = 0;
                bits = 0;
            }
        }
        if (bits > 0)
            checksum += byte << (8 - bits);
    }
    printf("%ld\n", checksum);
    return 0;
}
