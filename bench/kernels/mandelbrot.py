# SPDX-License-Identifier: GPL-3.0-or-later
# Mandelbrot (Benchmarks Game algorithm): an n x n bitmap of the set over
# [-1.5, 0.5] x [-1, 1], 50 iterations, escape at |z|^2 > 4, pixels packed
# 8 per byte as in the PBM output. Measures float arithmetic in tight nested
# loops and int bit operations. Prints the sum of all bitmap bytes.

MAX_ITER = 50
LIMIT = 4.0


def main(n: int) -> None:
    h = n
    w = n
    checksum = 0
    for y in range(h):
        ci = 2.0 * y / h - 1.0
        byte = 0
        bits = 0
        for x in range(w):
            cr = 2.0 * x / w - 1.5
            zr = 0.0
            zi = 0.0
            tr = 0.0
            ti = 0.0
            for _ in range(MAX_ITER):
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                if tr + ti > LIMIT:
                    break
            byte = byte << 1
            if tr + ti <= LIMIT:
                byte = byte | 1
            bits += 1
            if bits == 8:
                checksum += byte
                byte = 0
                bits = 0
        if bits > 0:
            checksum += byte << (8 - bits)
    print(checksum)
