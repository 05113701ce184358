// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel wordfreq.py: the same LCG-generated text of
// n words, split, stripped of ".,", lower-cased and counted in a string -> int
// hash map (written here: open addressing over an insertion-ordered entry
// array, like a Python dict), then ranked by sorting (count, word) pairs.
// Hand-written in C and compiled with `cc -O2`. Usage: wordfreq N. Prints the
// number of words, distinct words and the three most frequent words.

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SYLLABLES[16] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
                                          "ba", "de", "fi", "go", "hu", "ja", "ke", "lu"};
#define VOCAB_SIZE 4368
#define LCG_MUL 1103515245ULL
#define LCG_ADD 12345ULL
#define LCG_MASK 0x7FFFFFFFULL

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

// ---- growable string buffer ----

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} Buf;

static void buf_append(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 32;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

// ---- dynamic array of strings (a list[str]) ----

typedef struct {
    char **items;
    size_t len;
    size_t cap;
} StrList;

static void strlist_append(StrList *l, char *s)
{
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->len++] = s;
}

static void strlist_free(StrList *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

// sep.join(list), as a new string.
static char *join(const char *sep, const StrList *l, size_t *out_len)
{
    size_t seplen = strlen(sep);
    Buf b = {0};
    buf_append(&b, "", 0);
    for (size_t i = 0; i < l->len; i++) {
        if (i > 0)
            buf_append(&b, sep, seplen);
        buf_puts(&b, l->items[i]);
    }
    if (out_len)
        *out_len = b.len;
    return b.data;
}

// ---- string -> int hash map, insertion-ordered like a Python dict ----

typedef struct {
    char *key;
    size_t len;
    uint64_t hash;
    long value;
} Entry;

typedef struct {
    Entry *entries; // in insertion order
    size_t count;
    size_t entries_cap;
    int32_t *slots; // -1 empty, else an index into entries
    size_t nslots;  // a power of two
} Map;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

static void map_init(Map *m)
{
    m->entries = NULL;
    m->count = 0;
    m->entries_cap = 0;
    m->nslots = 8;
    m->slots = xmalloc(m->nslots * sizeof *m->slots);
    for (size_t i = 0; i < m->nslots; i++)
        m->slots[i] = -1;
}

static void map_resize(Map *m, size_t nslots)
{
    free(m->slots);
    m->nslots = nslots;
    m->slots = xmalloc(nslots * sizeof *m->slots);
    for (size_t i = 0; i < nslots; i++)
        m->slots[i] = -1;
    size_t mask = nslots - 1;
    for (size_t e = 0; e < m->count; e++) {
        size_t i = m->entries[e].hash & mask;
        while (m->slots[i] >= 0)
            i = (i + 1) & mask;
        m->slots[i] = (int32_t)e;
    }
}

// The slot index for key: either holding it or the empty slot where it goes.
static size_t map_find_slot(const Map *m, const char *key, size_t len, uint64_t h)
{
    size_t mask = m->nslots - 1;
    size_t i = h & mask;
    for (;;) {
        int32_t e = m->slots[i];
        if (e < 0)
            return i;
        const Entry *en = &m->entries[e];
        if (en->hash == h && en->len == len && memcmp(en->key, key, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

// counts.get(key, dflt)
static long map_get(const Map *m, const char *key, size_t len, long dflt)
{
    uint64_t h = hash_bytes(key, len);
    int32_t e = m->slots[map_find_slot(m, key, len, h)];
    return e < 0 ? dflt : m->entries[e].value;
}

// counts[key] = value (the key is copied on insert)
static void map_set(Map *m, const char *key, size_t len, long value)
{
    uint64_t h = hash_bytes(key, len);
    size_t slot = map_find_slot(m, key, len, h);
    int32_t e = m->slots[slot];
    if (e >= 0) {
        m->entries[e].value = value;
        return;
    }
    if (m->count == m->entries_cap) {
        m->entries_cap = m->entries_cap ? m->entries_cap * 2 : 8;
        m->entries = xrealloc(m->entries, m->entries_cap * sizeof *m->entries);
    }
    m->entries[m->count] = (Entry){xstrndup(key, len), len, h, value};
    m->slots[slot] = (int32_t)m->count;
    m->count++;
    if (m->count * 3 >= m->nslots * 2)
        map_resize(m, m->nslots * 4);
}

static void map_free(Map *m)
{
    for (size_t e = 0; e < m->count; e++)
        free(m->entries[e].key);
    free(m->entries);
    free(m->slots);
}

// ---- the kernel ----

static StrList make_vocabulary(void)
{
    // Words of one syllable first, then two, then three: frequent words are short.
    StrList vocab = {0};
    char w[8];
    for (int a = 0; a < 16; a++)
        strlist_append(&vocab, xstrndup(SYLLABLES[a], 2));
    for (int a = 0; a < 16; a++)
        for (int b = 0; b < 16; b++) {
            snprintf(w, sizeof w, "%s%s", SYLLABLES[a], SYLLABLES[b]);
            strlist_append(&vocab, xstrndup(w, 4));
        }
    for (int a = 0; a < 16; a++)
        for (int b = 0; b < 16; b++)
            for (int c = 0; c < 16; c++) {
                snprintf(w, sizeof w, "%s%s%s", SYLLABLES[a], SYLLABLES[b], SYLLABLES[c]);
                strlist_append(&vocab, xstrndup(w, 6));
            }
    return vocab;
}

static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(char c) { return is_lower(c) || is_upper(c); }

// str.title() for ASCII text: upper-case a letter after a non-letter, else lower-case.
static char *title(const char *s)
{
    size_t n = strlen(s);
    char *t = xmalloc(n + 1);
    int prev_alpha = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (prev_alpha && is_upper(c))
            c = (char)(c - 'A' + 'a');
        else if (!prev_alpha && is_lower(c))
            c = (char)(c - 'a' + 'A');
        t[i] = c;
        prev_alpha = is_alpha(c);
    }
    t[n] = '\0';
    return t;
}

static char *make_text(long n, const StrList *vocab, size_t *text_len)
{
    uint64_t state = 42;
    StrList sentences = {0};
    long words = 0;
    while (words < n) {
        state = (state * LCG_MUL + LCG_ADD) & LCG_MASK;
        long length = 4 + (long)((state >> 16) % 12);
        if (length > n - words)
            length = n - words;
        StrList sentence = {0};
        for (long k = 0; k < length; k++) {
            state = (state * LCG_MUL + LCG_ADD) & LCG_MASK;
            long a = (long)((state >> 8) % VOCAB_SIZE);
            state = (state * LCG_MUL + LCG_ADD) & LCG_MASK;
            long b = (long)((state >> 8) % VOCAB_SIZE);
            const char *base = vocab->items[a * b / VOCAB_SIZE];
            char *word = k == 0 ? title(base) : xstrndup(base, strlen(base));
            const char *suffix = NULL;
            if (k == length - 1)
                suffix = ".";
            else if (state % 9 == 0)
                suffix = ",";
            if (suffix) {
                size_t wl = strlen(word);
                word = xrealloc(word, wl + 2);
                word[wl] = suffix[0];
                word[wl + 1] = '\0';
            }
            strlist_append(&sentence, word);
        }
        strlist_append(&sentences, join(" ", &sentence, NULL));
        strlist_free(&sentence);
        words += length;
    }
    char *text = join(" ", &sentences, text_len);
    strlist_free(&sentences);
    return text;
}

// Python's str.split() whitespace for ASCII.
static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

typedef struct {
    const char *ptr;
    size_t len;
} Slice;

// text.split(): the words as slices of text, in a dynamic array.
static Slice *split(const char *text, size_t len, size_t *count)
{
    size_t cap = 1024, n = 0;
    Slice *out = xmalloc(cap * sizeof *out);
    size_t i = 0;
    while (i < len) {
        while (i < len && is_space(text[i]))
            i++;
        if (i == len)
            break;
        size_t start = i;
        while (i < len && !is_space(text[i]))
            i++;
        if (n == cap) {
            cap *= 2;
            out = xrealloc(out, cap * sizeof *out);
        }
        out[n++] = (Slice){text + start, i - start};
    }
    *count = n;
    return out;
}

typedef struct {
    long count;
    const char *word;
} Ranked;

// Descending (count, word) order, as sort(reverse=True) on the tuples.
static int ranked_desc(const void *pa, const void *pb)
{
    const Ranked *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count < b->count ? 1 : -1;
    return -strcmp(a->word, b->word);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    StrList vocab = make_vocabulary();
    size_t text_len;
    char *text = make_text(n, &vocab, &text_len);

    Map counts;
    map_init(&counts);
    long total = 0;
    size_t nraw;
    Slice *raws = split(text, text_len, &nraw);
    char *word = xmalloc(text_len + 1);
    for (size_t r = 0; r < nraw; r++) {
        // raw.strip(".,").lower()
        const char *p = raws[r].ptr;
        size_t len = raws[r].len;
        while (len > 0 && (*p == '.' || *p == ','))
            p++, len--;
        while (len > 0 && (p[len - 1] == '.' || p[len - 1] == ','))
            len--;
        for (size_t i = 0; i < len; i++)
            word[i] = is_upper(p[i]) ? (char)(p[i] - 'A' + 'a') : p[i];
        map_set(&counts, word, len, map_get(&counts, word, len, 0) + 1);
        total++;
    }
    free(word);
    free(raws);

    Ranked *ranked = xmalloc(counts.count * sizeof *ranked);
    for (size_t e = 0; e < counts.count; e++)
        ranked[e] = (Ranked){counts.entries[e].value, counts.entries[e].key};
    qsort(ranked, counts.count, sizeof *ranked, ranked_desc);

    Buf top = {0};
    buf_append(&top, "", 0);
    size_t shown = counts.count < 3 ? counts.count : 3;
    for (size_t i = 0; i < shown; i++) {
        char num[32];
        snprintf(num, sizeof num, "=%ld", ranked[i].count);
        buf_puts(&top, " ");
        buf_puts(&top, ranked[i].word);
        buf_puts(&top, num);
    }
    printf("%ld %zu%s\n", total, counts.count, top.data);

    free(top.data);
    free(ranked);
    map_free(&counts);
    free(text);
    strlist_free(&vocab);
    return 0;
}
