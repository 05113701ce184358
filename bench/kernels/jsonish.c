// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel jsonish.py: the same n LCG-generated orders
// (structs holding dynamic arrays of item structs, each with a dynamic array
// of tags, and a small ordered str -> str attribute table), grouped by
// customer in a str -> order-list hash map, summarised (revenue per customer,
// tag counts in a str -> int hash map, best customer) and serialised to JSON
// text with a string builder. Both hash maps keep insertion order, like a
// Python dict, so sums and ties come out as in CPython. Floats in the JSON are
// written as Python's repr(float). Hand-written in C and compiled with
// `cc -O2`. Usage: jsonish N. Prints counts, the revenue, the JSON text's
// length and the top customer and tag.

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const TAGS[] = {"new", "sale", "gift", "bulk", "eco", "fragile", "digital", "import"};
#define NTAGS ((long)(sizeof TAGS / sizeof TAGS[0]))
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

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

// A dynamic array of T: `T *items; size_t len, cap;` grown by doubling.
#define VEC_PUSH(v, x)                                                              \
    do {                                                                            \
        if ((v)->len == (v)->cap) {                                                 \
            (v)->cap = (v)->cap ? (v)->cap * 2 : 4;                                 \
            (v)->items = xrealloc((v)->items, (v)->cap * sizeof *(v)->items);       \
        }                                                                           \
        (v)->items[(v)->len++] = (x);                                               \
    } while (0)

// ---- string builder ----

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} Buf;

static void buf_append(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
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

static void buf_long(Buf *b, long v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%ld", v);
    buf_append(b, tmp, (size_t)n);
}

// Python's repr(float): the shortest digit string that reads back as the same
// double, in fixed notation for 1e-4 <= |x| < 1e16 (with ".0" when integral)
// and in exponent notation ("1e+16", "1.5e-05") otherwise.
static void format_float_repr(double x, char *out, size_t size)
{
    if (isnan(x)) {
        snprintf(out, size, "nan");
        return;
    }
    if (isinf(x)) {
        snprintf(out, size, x < 0 ? "-inf" : "inf");
        return;
    }
    char sci[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(sci, sizeof sci, "%.*e", prec - 1, x);
        if (strtod(sci, NULL) == x)
            break;
    }
    // sci is [-]d[.ddd]e(+|-)XX: collect the digits and the exponent.
    const char *p = sci;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    char digits[24];
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') // trailing zeros are not significant
        nd--;
    digits[nd] = '\0';
    if (x == 0.0)
        exp10 = 0;
    int decpt = exp10 + 1; // digits d1 d2 ... mean 0.d1d2... * 10^decpt

    char *o = out;
    char *end = out + size - 1;
#define PUT(c) do { if (o < end) *o++ = (c); } while (0)
    if (neg)
        PUT('-');
    if (decpt <= -4 || decpt > 16) {
        PUT(digits[0]);
        if (nd > 1) {
            PUT('.');
            for (int i = 1; i < nd; i++)
                PUT(digits[i]);
        }
        char e[16];
        snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        for (char *q = e; *q; q++)
            PUT(*q);
    } else if (decpt <= 0) {
        PUT('0');
        PUT('.');
        for (int i = 0; i < -decpt; i++)
            PUT('0');
        for (int i = 0; i < nd; i++)
            PUT(digits[i]);
    } else {
        for (int i = 0; i < decpt; i++)
            PUT(i < nd ? digits[i] : '0');
        PUT('.');
        if (nd > decpt) {
            for (int i = decpt; i < nd; i++)
                PUT(digits[i]);
        } else {
            PUT('0');
        }
    }
#undef PUT
    *o = '\0';
}

// ---- records ----

typedef struct {
    const char **items; // tags, pointing at TAGS
    size_t len, cap;
} TagVec;

typedef struct {
    char *sku;
    double price;
    long quantity;
    TagVec tags;
} Item;

typedef struct {
    Item *items;
    size_t len, cap;
} ItemVec;

typedef struct {
    char *key;
    char *value;
} Attr;

// A small insertion-ordered str -> str table (an order has one or two attributes).
typedef struct {
    Attr *items;
    size_t len, cap;
} AttrMap;

static void attrs_set(AttrMap *m, const char *key, char *value)
{
    for (size_t i = 0; i < m->len; i++) {
        if (strcmp(m->items[i].key, key) == 0) {
            free(m->items[i].value);
            m->items[i].value = value;
            return;
        }
    }
    Attr a = {xstrdup(key), value};
    VEC_PUSH(m, a);
}

typedef struct {
    long id;
    char *customer;
    ItemVec items;
    AttrMap attrs;
    bool paid;
} Order;

typedef struct {
    Order **items;
    size_t len, cap;
} OrderVec;

typedef struct {
    uint64_t state;
} Rng;

static long rand_next(Rng *rng)
{
    rng->state = (rng->state * LCG_MUL + LCG_ADD) & LCG_MASK;
    return (long)(rng->state >> 8);
}

// ---- str-keyed hash map, insertion-ordered like a Python dict ----

typedef struct {
    char *key;
    size_t len;
    uint64_t hash;
    long count;      // for tag counts
    OrderVec orders; // for orders by customer
} Entry;

typedef struct {
    Entry *entries; // in insertion order
    size_t count, entries_cap;
    int32_t *slots; // -1 empty, else an index into entries
    size_t nslots;  // a power of two
} Map;

static uint64_t hash_str(const char *s, size_t n)
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
    memset(m, 0, sizeof *m);
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
    for (size_t e = 0; e < m->count; e++) {
        size_t i = m->entries[e].hash & (nslots - 1);
        while (m->slots[i] >= 0)
            i = (i + 1) & (nslots - 1);
        m->slots[i] = (int32_t)e;
    }
}

static size_t map_find_slot(const Map *m, const char *key, size_t len, uint64_t h)
{
    size_t i = h & (m->nslots - 1);
    for (;;) {
        int32_t e = m->slots[i];
        if (e < 0)
            return i;
        const Entry *en = &m->entries[e];
        if (en->hash == h && en->len == len && memcmp(en->key, key, len) == 0)
            return i;
        i = (i + 1) & (m->nslots - 1);
    }
}

// The entry for key, or NULL.
static Entry *map_get(Map *m, const char *key)
{
    size_t len = strlen(key);
    int32_t e = m->slots[map_find_slot(m, key, len, hash_str(key, len))];
    return e < 0 ? NULL : &m->entries[e];
}

// The entry for key, inserting a zeroed one (with a copy of key) if absent.
static Entry *map_setdefault(Map *m, const char *key)
{
    size_t len = strlen(key);
    uint64_t h = hash_str(key, len);
    size_t slot = map_find_slot(m, key, len, h);
    if (m->slots[slot] >= 0)
        return &m->entries[m->slots[slot]];
    if (m->count == m->entries_cap) {
        m->entries_cap = m->entries_cap ? m->entries_cap * 2 : 8;
        m->entries = xrealloc(m->entries, m->entries_cap * sizeof *m->entries);
    }
    Entry *en = &m->entries[m->count];
    memset(en, 0, sizeof *en);
    en->key = xstrdup(key);
    en->len = len;
    en->hash = h;
    m->slots[slot] = (int32_t)m->count;
    m->count++;
    if (m->count * 3 >= m->nslots * 2) {
        map_resize(m, m->nslots * 4);
    }
    return &m->entries[m->count - 1];
}

static void map_free(Map *m)
{
    for (size_t e = 0; e < m->count; e++) {
        free(m->entries[e].key);
        free(m->entries[e].orders.items);
    }
    free(m->entries);
    free(m->slots);
}

// ---- the kernel ----

static Order *make_order(long order_id, Rng *rng)
{
    Order *order = xmalloc(sizeof *order);
    memset(order, 0, sizeof *order);
    order->id = order_id;
    long nitems = 1 + rand_next(rng) % 5;
    for (long i = 0; i < nitems; i++) {
        Item item = {0};
        long ntags = rand_next(rng) % 4;
        for (long t = 0; t < ntags; t++)
            VEC_PUSH(&item.tags, TAGS[rand_next(rng) % NTAGS]);
        char sku[32];
        snprintf(sku, sizeof sku, "SKU-%05ld", rand_next(rng) % 100000);
        item.sku = xstrdup(sku);
        item.price = (double)(rand_next(rng) % 100000) / 100.0;
        item.quantity = 1 + rand_next(rng) % 9;
        VEC_PUSH(&order->items, item);
    }
    attrs_set(&order->attrs, "channel", xstrdup(rand_next(rng) % 3 ? "web" : "store"));
    if (rand_next(rng) % 4 == 0) {
        char coupon[32];
        snprintf(coupon, sizeof coupon, "C%ld", rand_next(rng) % 1000);
        attrs_set(&order->attrs, "coupon", xstrdup(coupon));
    }
    char customer[32];
    snprintf(customer, sizeof customer, "cust%ld", rand_next(rng) % 997);
    order->customer = xstrdup(customer);
    order->paid = rand_next(rng) % 5 != 0;
    return order;
}

static void free_order(Order *order)
{
    for (size_t i = 0; i < order->items.len; i++) {
        free(order->items.items[i].sku);
        free(order->items.items[i].tags.items);
    }
    free(order->items.items);
    for (size_t i = 0; i < order->attrs.len; i++) {
        free(order->attrs.items[i].key);
        free(order->attrs.items[i].value);
    }
    free(order->attrs.items);
    free(order->customer);
    free(order);
}

static double order_total(const Order *order)
{
    double total = 0.0;
    for (size_t i = 0; i < order->items.len; i++)
        total += order->items.items[i].price * (double)order->items.items[i].quantity;
    return total;
}

typedef struct {
    char **items;
    size_t len, cap;
} StrVec;

static void strvec_free(StrVec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    free(v->items);
}

// sep.join(parts) appended to b.
static void buf_join(Buf *b, const char *sep, const StrVec *parts)
{
    size_t seplen = strlen(sep);
    for (size_t i = 0; i < parts->len; i++) {
        if (i > 0)
            buf_append(b, sep, seplen);
        buf_puts(b, parts->items[i]);
    }
}

static char *item_json(const Item *item)
{
    StrVec tags = {0};
    for (size_t i = 0; i < item->tags.len; i++) {
        Buf t = {0};
        buf_puts(&t, "\"");
        buf_puts(&t, item->tags.items[i]);
        buf_puts(&t, "\"");
        VEC_PUSH(&tags, t.data);
    }
    char price[40];
    format_float_repr(item->price, price, sizeof price);
    Buf b = {0};
    buf_puts(&b, "{\"sku\": \"");
    buf_puts(&b, item->sku);
    buf_puts(&b, "\", \"price\": ");
    buf_puts(&b, price);
    buf_puts(&b, ", \"quantity\": ");
    buf_long(&b, item->quantity);
    buf_puts(&b, ", \"tags\": [");
    buf_join(&b, ", ", &tags);
    buf_puts(&b, "]}");
    strvec_free(&tags);
    return b.data;
}

static char *order_json(const Order *order)
{
    StrVec items = {0};
    for (size_t i = 0; i < order->items.len; i++)
        VEC_PUSH(&items, item_json(&order->items.items[i]));
    StrVec attrs = {0};
    for (size_t i = 0; i < order->attrs.len; i++) {
        Buf a = {0};
        buf_puts(&a, "\"");
        buf_puts(&a, order->attrs.items[i].key);
        buf_puts(&a, "\": \"");
        buf_puts(&a, order->attrs.items[i].value);
        buf_puts(&a, "\"");
        VEC_PUSH(&attrs, a.data);
    }
    const char *paid = order->paid ? "true" : "false";
    Buf b = {0};
    buf_puts(&b, "{\"id\": ");
    buf_long(&b, order->id);
    buf_puts(&b, ", \"customer\": \"");
    buf_puts(&b, order->customer);
    buf_puts(&b, "\", \"paid\": ");
    buf_puts(&b, paid);
    buf_puts(&b, ", \"items\": [");
    buf_join(&b, ", ", &items);
    buf_puts(&b, "], \"attrs\": {");
    buf_join(&b, ", ", &attrs);
    buf_puts(&b, "}}");
    strvec_free(&items);
    strvec_free(&attrs);
    return b.data;
}

typedef struct {
    double spent;
    const char *customer;
} Rank;

// Descending (spent, customer) order, as sort(reverse=True) on the tuples.
static int rank_desc(const void *pa, const void *pb)
{
    const Rank *a = pa, *b = pb;
    if (a->spent != b->spent)
        return a->spent < b->spent ? 1 : -1;
    return -strcmp(a->customer, b->customer);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    Rng rng = {2024};
    Map by_customer;
    map_init(&by_customer);
    for (long i = 0; i < n; i++) {
        Order *order = make_order(i, &rng);
        Entry *en = map_setdefault(&by_customer, order->customer);
        VEC_PUSH(&en->orders, order);
    }

    double revenue = 0.0;
    long item_count = 0;
    Map tag_counts;
    map_init(&tag_counts);
    Rank *ranking = xmalloc(by_customer.count * sizeof *ranking);
    size_t nranking = 0;
    for (size_t c = 0; c < by_customer.count; c++) {
        const Entry *cust = &by_customer.entries[c];
        double spent = 0.0;
        for (size_t o = 0; o < cust->orders.len; o++) {
            const Order *order = cust->orders.items[o];
            item_count += (long)order->items.len;
            if (order->paid)
                spent += order_total(order);
            for (size_t i = 0; i < order->items.len; i++) {
                const TagVec *tags = &order->items.items[i].tags;
                for (size_t t = 0; t < tags->len; t++) {
                    Entry *tc = map_get(&tag_counts, tags->items[t]);
                    long count = tc ? tc->count : 0;
                    map_setdefault(&tag_counts, tags->items[t])->count = count + 1;
                }
            }
        }
        revenue += spent;
        ranking[nranking++] = (Rank){spent, cust->key};
    }
    qsort(ranking, nranking, sizeof *ranking, rank_desc);

    const char *top_tag = "";
    long top_tag_count = 0;
    for (size_t t = 0; t < tag_counts.count; t++) {
        if (tag_counts.entries[t].count > top_tag_count) {
            top_tag = tag_counts.entries[t].key;
            top_tag_count = tag_counts.entries[t].count;
        }
    }

    StrVec parts = {0};
    for (size_t c = 0; c < by_customer.count; c++) {
        const OrderVec *orders = &by_customer.entries[c].orders;
        for (size_t o = 0; o < orders->len; o++)
            VEC_PUSH(&parts, order_json(orders->items[o]));
    }
    Buf text = {0};
    buf_puts(&text, "[");
    buf_join(&text, ",\n", &parts);
    buf_puts(&text, "]");

    if (nranking == 0) {
        fprintf(stderr, "IndexError: list index out of range\n");
        return 1;
    }
    double best_spent = ranking[0].spent;
    const char *best = ranking[0].customer;
    printf("%ld %ld %.2f %zu %s=%.2f %s=%ld\n", n, item_count, revenue, text.len, best, best_spent,
           top_tag, top_tag_count);

    free(text.data);
    strvec_free(&parts);
    free(ranking);
    for (size_t c = 0; c < by_customer.count; c++) {
        const OrderVec *orders = &by_customer.entries[c].orders;
        for (size_t o = 0; o < orders->len; o++)
            free_order(orders->items[o]);
    }
    map_free(&tag_counts);
    map_free(&by_customer);
    return 0;
}
