// SPDX-License-Identifier: GPL-3.0-or-later
// The memory manager and the str/list/dict operations, with Python's semantics.
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Json.h"
#include "hotpath/runtime/Ops.h"

#include <QtTest/QtTest>

#include <cmath>
#include <thread>

using namespace hotpath::runtime;

namespace {

const TypeDesc intType{Kind::Int, nullptr, 0, nullptr, nullptr, nullptr};
const TypeDesc strType{Kind::Str, nullptr, 0, nullptr, nullptr, nullptr};
const TypeDesc intList{Kind::List, &intType, 0, nullptr, nullptr, nullptr};
const TypeDesc strList{Kind::List, &strType, 0, nullptr, nullptr, nullptr};
const TypeDesc floatType{Kind::Float, nullptr, 0, nullptr, nullptr, nullptr};
const TypeDesc intDict{Kind::Dict, &intType, 0, nullptr, nullptr, nullptr, nullptr, &strType}; // dict[str, int]
const TypeDesc floatKeyed{Kind::Dict, &strType, 0, nullptr, nullptr, nullptr, nullptr, &floatType}; // dict[float, str]
const TypeDesc *const pairItems[] = {&intType, &intType};
const TypeDesc intPair{Kind::Tuple, nullptr, 2, pairItems, nullptr, nullptr};
const TypeDesc pairKeyed{Kind::Dict, &intType, 0, nullptr, nullptr, nullptr, nullptr, &intPair}; // dict[tuple[int, int], int]

Slot objectSlot(void *p)
{
    Slot s;
    s.p = p;
    return s;
}

std::string text(Str *s) { return std::string(view(s)); }

std::string repr(void *object, const TypeDesc *type)
{
    std::string out;
    Slot slot;
    slot.p = object;
    appendRepr(out, slot, type);
    return out;
}

Slot intSlot(std::int64_t v)
{
    Slot s;
    s.i = v;
    return s;
}

} // namespace

class TestValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // JSON strings as json.dumps(s, ensure_ascii=False) writes them: the two-character escapes,
    // every other control character as \u00XX, DEL and non-ASCII as they are, a lone
    // surrogate (which no UTF-8 can hold) as \uXXXX.
    void jsonStringsAsCPythonWritesThem()
    {
        std::string out;
        const char text[] = "\x00\x01\x1f\"\\\n\r\t\b\f\x7f \xc3\xa9 \xf0\x9f\x98\x80/";
        appendJsonString(out, std::string_view(text, sizeof text - 1));
        QCOMPARE(out, std::string("\"\\u0000\\u0001\\u001f\\\"\\\\\\n\\r\\t\\b\\f\x7f \xc3\xa9 \xf0\x9f\x98\x80/\""));
        out.clear();
        appendJsonString(out, "a\xed\xa0\x80z"); // U+D800 as CESU bytes, as a str may hold it
        QCOMPARE(out, std::string("\"a\\ud800z\""));
    }

    void init() { m_context = std::make_unique<Context>(); Context::setCurrent(m_context.get()); }
    void cleanup()
    {
        QCOMPARE(m_context->liveBytes(), std::int64_t(0)); // every test frees what it made
        Context::setCurrent(nullptr);
    }

    void appendIsAmortisedAndInPlace()
    {
        Str *s = newStr("");
        Str *x = newStr("ab");
        int moves = 0;
        Str *previous = s;
        for (int i = 0; i < 100000; ++i) {
            s = hp_str_append(s, x);
            moves += s != previous;
            previous = s;
        }
        QCOMPARE(s->length, std::int64_t(200000));
        QCOMPARE(s->codePoints, std::int64_t(200000));
        QVERIFY2(moves < 40, "growth must be geometric"); // about log1.5(200000) reallocations
        release(s);
        release(x);
    }

    void appendCopiesWhenShared()
    {
        Str *s = newStr("ab");
        retain(s); // a second reference: appending must not change what it sees
        Str *x = newStr("cd");
        Str *t = hp_str_append(s, x);
        QVERIFY(t != s);
        QCOMPARE(text(s), std::string("ab"));
        QCOMPARE(text(t), std::string("abcd"));
        release(s);
        release(t);
        release(x);
    }

    void unicodeIndexingAndSlicing()
    {
        Str *s = newStr("h\xC3\xA9llo \xF0\x9F\x98\x80");
        QCOMPARE(s->codePoints, std::int64_t(7));
        Str *e = hp_str_index(s, 1);
        QCOMPARE(text(e), std::string("\xC3\xA9"));
        Str *last = hp_str_index(s, -1);
        QCOMPARE(text(last), std::string("\xF0\x9F\x98\x80"));
        Str *reversed = hp_str_slice(s, 0, 0, -1, 4);
        QCOMPARE(text(reversed), std::string("\xF0\x9F\x98\x80 oll\xC3\xA9h"));
        QVERIFY(!hp_str_index(s, 7));
        QCOMPARE(m_context->error(), ErrorKind::IndexError);
        QCOMPARE(m_context->message(), std::string("string index out of range"));
        m_context->clearError();
        for (Str *o : {s, e, last, reversed})
            release(o);
    }

    void splitFollowsPython()
    {
        Str *s = newStr("  a  b\tc \n");
        List *words = hp_str_split(s, nullptr, -1, &strList);
        QCOMPARE(repr(words, &strList), std::string("['a', 'b', 'c']"));
        Str *csv = newStr("a,,b");
        Str *comma = newStr(",");
        List *fields = hp_str_split(csv, comma, -1, &strList);
        QCOMPARE(repr(fields, &strList), std::string("['a', '', 'b']"));
        for (void *o : {static_cast<void *>(s), static_cast<void *>(words), static_cast<void *>(csv),
                        static_cast<void *>(comma), static_cast<void *>(fields)})
            release(o);
    }

    void intParsingErrorsAreWordedAsPython()
    {
        Str *bad = newStr("abc");
        hp_int_from_str(bad, 10);
        QCOMPARE(m_context->message(), std::string("invalid literal for int() with base 10: 'abc'"));
        m_context->clearError();
        Str *good = newStr(" -1_000 ");
        QCOMPARE(hp_int_from_str(good, 10), std::int64_t(-1000));
        Str *hex = newStr("0xff");
        QCOMPARE(hp_int_from_str(hex, 16), std::int64_t(255));
        Str *flt = newStr("x");
        hp_float_from_str(flt);
        QCOMPARE(m_context->message(), std::string("could not convert string to float: 'x'"));
        m_context->clearError();
        for (Str *o : {bad, good, hex, flt})
            release(o);
    }

    void dictKeepsInsertionOrderThroughDeletesAndGrowth()
    {
        Dict *d = hp_dict_new(&intDict);
        std::vector<Str *> keys;
        for (int i = 0; i < 1000; ++i) {
            keys.push_back(newStr("k" + std::to_string(i)));
            hp_dict_set(d, objectSlot(keys.back()), intSlot(i));
        }
        for (int i = 0; i < 1000; i += 2)
            hp_dict_pop(d, objectSlot(keys[static_cast<size_t>(i)]), Slot{0}, false);
        QCOMPARE(d->size, std::int64_t(500));
        hp_dict_set(d, objectSlot(keys[0]), intSlot(-1)); // re-inserted: goes last
        Slot value{0};
        QVERIFY(hp_dict_lookup(d, objectSlot(keys[1]), &value));
        QCOMPARE(value.i, std::int64_t(1));
        QVERIFY(!hp_dict_lookup(d, objectSlot(keys[2]), &value));
        std::string text = repr(d, &intDict);
        QVERIFY(text.rfind("{'k1': 1, 'k3': 3", 0) == 0);
        const std::string tail = "'k999': 999, 'k0': -1}";
        QCOMPARE(text.substr(text.size() - tail.size()), tail);
        Str *missing = newStr("nope");
        hp_dict_get_item(d, objectSlot(missing));
        QCOMPARE(m_context->error(), ErrorKind::KeyError);
        QCOMPARE(m_context->message(), std::string("'nope'"));
        m_context->clearError();
        release(missing);
        for (Str *k : keys)
            release(k);
        release(d);
    }

    // Keys compare and hash as Python's: -0.0 and 0.0 are one key; a NaN key is never
    // found again, as a fresh float('nan') is not in CPython (a float here has no identity).
    void dictKeysOfNumbersAndTuples()
    {
        Dict *d = hp_dict_new(&floatKeyed);
        Str *one = newStr("one"), *zero = newStr("zero"), *nan = newStr("nan");
        Slot key;
        key.f = 1.0;
        hp_dict_set(d, key, objectSlot(one));
        key.f = -0.0;
        hp_dict_set(d, key, objectSlot(zero));
        key.f = std::nan("");
        hp_dict_set(d, key, objectSlot(nan));
        key.f = 0.0;
        Slot value{0};
        QVERIFY(hp_dict_lookup(d, key, &value));
        QCOMPARE(text(static_cast<Str *>(value.p)), std::string("zero"));
        QVERIFY(!hp_dict_contains(d, key = Slot{.f = std::nan("")}));
        QCOMPARE(repr(d, &floatKeyed), std::string("{1.0: 'one', -0.0: 'zero', nan: 'nan'}"));
        hp_dict_get_item(d, Slot{.f = 2.5});
        QCOMPARE(m_context->error(), ErrorKind::KeyError);
        QCOMPARE(m_context->message(), std::string("2.5"));
        m_context->clearError();
        release(d);
        for (Str *s : {one, zero, nan})
            release(s);

        Dict *grid = hp_dict_new(&pairKeyed);
        for (int x = 0; x < 30; ++x)
            for (int y = 0; y < 30; ++y) {
                Tuple *at = newTuple(&intPair);
                at->items()[0] = intSlot(x);
                at->items()[1] = intSlot(y);
                hp_dict_set(grid, objectSlot(at), intSlot(x * 100 + y));
                release(at); // the dict holds its own reference
            }
        Tuple *probe = newTuple(&intPair);
        probe->items()[0] = intSlot(7);
        probe->items()[1] = intSlot(29);
        QVERIFY(hp_dict_lookup(grid, objectSlot(probe), &value));
        QCOMPARE(value.i, std::int64_t(729));
        const Slot popped = hp_dict_pop(grid, objectSlot(probe), Slot{0}, false);
        QCOMPARE(popped.i, std::int64_t(729));
        QVERIFY(!hp_dict_contains(grid, objectSlot(probe)));
        QCOMPARE(grid->size, std::int64_t(899));
        hp_dict_get_item(grid, objectSlot(probe));
        QCOMPARE(m_context->message(), std::string("(7, 29)"));
        m_context->clearError();
        release(probe);
        release(grid);
    }

    // Stability itself is covered by the conformance programs (sorted() of tuples).
    void reverseSortAndPop()
    {
        List *list = hp_list_new(&intList, 0);
        for (int v : {3, 1, 2, 1, 3})
            hp_list_append(list, intSlot(v));
        hp_list_sort(list, true);
        QCOMPARE(repr(list, &intList), std::string("[3, 3, 2, 1, 1]"));
        hp_list_pop(list, 0);
        QCOMPARE(repr(list, &intList), std::string("[3, 2, 1, 1]"));
        release(list);
    }

    void memoryCapRaisesMemoryError()
    {
        Limits limits;
        limits.maxMemory = 1 << 20;
        Context small(limits);
        CurrentContext current(&small);
        List *huge = newList(&intList, 10'000'000);
        QVERIFY(!huge);
        QCOMPARE(small.error(), ErrorKind::MemoryError);
        QCOMPARE(small.liveBytes(), std::int64_t(0));
        // A 10 GiB request fails before malloc is asked.
        Context other;
        CurrentContext current2(&other);
        QVERIFY(!newList(&intList, 10LL * 1024 * 1024 * 1024 / 8));
        QCOMPARE(other.error(), ErrorKind::MemoryError);
    }

    void nestedObjectsAreFreedWithTheirContainer()
    {
        const TypeDesc listOfLists{Kind::List, &strList, 0, nullptr, nullptr, nullptr};
        List *outer = hp_list_new(&listOfLists, 0);
        for (int i = 0; i < 100; ++i) {
            List *inner = hp_list_new(&strList, 0);
            Slot s;
            s.p = newStr("x");
            hp_list_append(inner, s);
            release(s.p);
            Slot l;
            l.p = inner;
            hp_list_append(outer, l);
            release(inner);
        }
        QVERIFY(m_context->liveBytes() > 0);
        release(outer); // cleanup() checks that nothing is left
    }

    // Storing into a shared container shares the value and all it reaches; shared counts
    // stay exact when many threads retain and release at once.
    void storesIntoSharedContainersShareTheValue()
    {
        Dict *store = newDict(&intDict);
        shareObject(store);
        QVERIFY(isShared(store));
        const TypeDesc listDict{Kind::Dict, &strList, 0, nullptr, nullptr, nullptr, nullptr, &strType};
        Dict *nested = newDict(&listDict);
        List *items = hp_list_new(&strList, 0);
        Str *word = newStr("word");
        Slot w;
        w.p = word;
        hp_list_append(items, w);
        QVERIFY(!isShared(items) && !isShared(word)); // a local list stays local
        shareObject(nested);
        Str *key = newStr("k");
        Slot l;
        l.p = items;
        hp_dict_set(nested, objectSlot(key), l);
        QVERIFY(isShared(key) && isShared(items) && isShared(word));
        QVERIFY(word->hash != 0); // hashed while one thread owned it: readers never write it
        QCOMPARE(items->refCount & ~sharedRefBit, 2u);

        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([word] {
                for (int i = 0; i < 100000; ++i) {
                    retain(word);
                    release(word);
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(word->refCount, sharedRefBit | 2u); // `w` and the list
        release(word);
        release(items);
        release(key);
        release(nested); // frees key, list and word: cleanup() checks
        release(store);
    }

private:
    std::unique_ptr<Context> m_context;
};

QTEST_APPLESS_MAIN(TestValues)
#include "tst_values.moc"
