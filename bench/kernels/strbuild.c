// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel strbuild.py: the same n appends of
// str(i) + "," to one growing string, here a growable byte buffer (doubling
// capacity, so amortised O(1) per append as in CPython), hand-written in C
// and compiled with `cc -O2`. Usage: strbuild N. Prints the final length.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} Buf;

static void buf_append(Buf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 16;
        while (cap < b->len + n)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (!data) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

// str(i): decimal digits of i into out; returns the length.
static size_t int_to_str(long i, char *out)
{
    char tmp[24];
    size_t n = 0;
    unsigned long u = i < 0 ? 0UL - (unsigned long)i : (unsigned long)i;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    size_t len = 0;
    if (i < 0)
        out[len++] = '-';
    while (n > 0)
        out[len++] = tmp[--n];
    return len;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    Buf s = {0};
    char piece[32];
    for (long i = 0; i < n; i++) {
        size_t len = int_to_str(i, piece); // str(i)
        piece[len++] = ',';                // + ","
        buf_append(&s, piece, len);        // s += ...
    }
    printf("%zu\n", s.len);
    free(s.data);
    return 0;
}
