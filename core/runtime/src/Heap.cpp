// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Heap.h"

#include "hotpath/runtime/Ops.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <unordered_set>

namespace hotpath::runtime {

namespace {

constexpr std::int64_t strHeader = static_cast<std::int64_t>(sizeof(Str));

std::int64_t strBytes(std::int64_t capacity) { return strHeader + capacity + 1; }

// Calls visit(child) for every object `o` holds directly (dict keys included).
template<typename Visit> void forEachChild(Object *o, Visit &visit)
{
    switch (o->kind) {
    case ObjectKind::Str: return;
    case ObjectKind::List: {
        auto *list = static_cast<List *>(o);
        if (list->type->element->isObject())
            for (std::int64_t i = 0; i < list->size; ++i)
                visit(list->items[i].p);
        return;
    }
    case ObjectKind::Tuple:
    case ObjectKind::Record: {
        auto *tuple = static_cast<Tuple *>(o);
        for (std::uint32_t i = 0; i < tuple->type->count; ++i)
            if (tuple->type->items[i]->isObject())
                visit(tuple->items()[i].p);
        return;
    }
    case ObjectKind::Dict: {
        auto *dict = static_cast<Dict *>(o);
        for (std::int64_t i = 0; i < dict->used; ++i) {
            if (!dict->entries[i].live())
                continue;
            if (dict->type->key->isObject())
                visit(dict->entries[i].key.p);
            if (dict->type->element->isObject())
                visit(dict->entries[i].value.p);
        }
        return;
    }
    case ObjectKind::Set: {
        auto *set = static_cast<Set *>(o);
        if (set->type->element->isObject())
            for (std::int64_t i = 0; i <= set->mask; ++i)
                if (set->table[i].state == 1)
                    visit(set->table[i].key.p);
        return;
    }
    }
}

// Walks from `root` to every object `mark` accepts (it returns false for one already
// marked, which ends the walk there), hashing strings on the way: marked objects are read
// by many threads, and a hash computed later would be a write.
template<typename Mark> void markReachable(void *root, Mark mark)
{
    std::vector<Object *> pending;
    auto visit = [&](void *child) {
        auto *o = static_cast<Object *>(child);
        if (o && mark(o))
            pending.push_back(o);
    };
    visit(root);
    while (!pending.empty()) {
        Object *o = pending.back();
        pending.pop_back();
        if (o->kind == ObjectKind::Str)
            hp_str_hash(static_cast<Str *>(o));
        forEachChild(o, visit);
    }
}

} // namespace

void releaseDictEntries(Dict *dict)
{
    for (std::int64_t i = 0; i < dict->used; ++i) {
        DictEntry &entry = dict->entries[i];
        if (!entry.live())
            continue;
        releaseSlot(entry.key, dict->type->key);
        releaseSlot(entry.value, dict->type->element);
        entry.hash = DictEntry::deletedEntryHash;
    }
}

void *heapAllocate(std::int64_t bytes)
{
    if (bytes < 0)
        bytes = INT64_MAX;
    if (Context *context = Context::current(); context && !context->allocate(bytes))
        return nullptr;
    void *p = std::malloc(static_cast<std::size_t>(bytes > 0 ? bytes : 1));
    if (!p) {
        if (Context *context = Context::current()) {
            context->deallocate(bytes);
            context->raise(ErrorKind::MemoryError, "");
        }
    }
    return p;
}

void *heapReallocate(void *p, std::int64_t oldBytes, std::int64_t newBytes)
{
    Context *context = Context::current();
    if (context && !context->allocate(newBytes - oldBytes))
        return nullptr;
    void *q = std::realloc(p, static_cast<std::size_t>(newBytes > 0 ? newBytes : 1));
    if (!q && context) {
        context->deallocate(newBytes - oldBytes);
        context->raise(ErrorKind::MemoryError, "");
    }
    return q;
}

void heapFree(void *p, std::int64_t bytes)
{
    if (!p)
        return;
    if (Context *context = Context::current())
        context->deallocate(bytes);
    std::free(p);
}

void finishStr(Str *s)
{
    // Most text is ASCII: test eight bytes at a time before counting code points.
    const char *data = s->data();
    std::int64_t i = 0;
    for (; i + 8 <= s->length; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        if (word & 0x8080808080808080ull)
            break;
    }
    while (i < s->length && static_cast<unsigned char>(data[i]) < 0x80)
        ++i;
    if (i == s->length) {
        s->codePoints = s->length;
        s->ascii = true;
        s->hash = 0;
        s->data()[s->length] = '\0';
        return;
    }
    std::int64_t codePoints = 0;
    bool ascii = true;
    for (i = 0; i < s->length; ++i) {
        const auto byte = static_cast<unsigned char>(s->data()[i]);
        ascii = ascii && byte < 0x80;
        codePoints += (byte & 0xC0) != 0x80;
    }
    s->codePoints = codePoints;
    s->ascii = ascii;
    s->hash = 0;
    s->data()[s->length] = '\0';
}

Str *newStrWithCapacity(std::int64_t capacity)
{
    auto *s = static_cast<Str *>(heapAllocate(strBytes(capacity)));
    if (!s)
        return nullptr;
    s->refCount = 1;
    s->kind = ObjectKind::Str;
    s->length = 0;
    s->codePoints = 0;
    s->capacity = capacity;
    s->hash = 0;
    s->ascii = true;
    s->data()[0] = '\0';
    return s;
}

Str *newStr(std::string_view text)
{
    Str *s = newStrWithCapacity(static_cast<std::int64_t>(text.size()));
    if (!s)
        return nullptr;
    std::memcpy(s->data(), text.data(), text.size());
    s->length = static_cast<std::int64_t>(text.size());
    finishStr(s);
    return s;
}

List *newList(const TypeDesc *type, std::int64_t size, std::int64_t capacity)
{
    if (capacity < size)
        capacity = size;
    if (size < 0 || capacity > (INT64_MAX / 16)) {
        if (Context *context = Context::current())
            context->raise(ErrorKind::MemoryError, "");
        return nullptr;
    }
    auto *list = static_cast<List *>(heapAllocate(sizeof(List)));
    if (!list)
        return nullptr;
    list->items = capacity ? static_cast<Slot *>(heapAllocate(capacity * 8)) : nullptr;
    if (capacity && !list->items) {
        heapFree(list, sizeof(List));
        return nullptr;
    }
    if (capacity)
        std::memset(list->items, 0, static_cast<std::size_t>(capacity) * 8);
    list->refCount = 1;
    list->kind = ObjectKind::List;
    list->type = type;
    list->size = size;
    list->capacity = capacity;
    return list;
}

Tuple *newTuple(const TypeDesc *type)
{
    const std::int64_t bytes = static_cast<std::int64_t>(sizeof(Tuple)) + 8 * std::max<std::int64_t>(1, type->count);
    auto *tuple = static_cast<Tuple *>(heapAllocate(bytes));
    if (!tuple)
        return nullptr;
    std::memset(static_cast<void *>(tuple), 0, static_cast<std::size_t>(bytes));
    tuple->refCount = 1;
    tuple->kind = ObjectKind::Tuple;
    tuple->type = type;
    return tuple;
}

Record *newRecord(const TypeDesc *type)
{
    const std::int64_t bytes = static_cast<std::int64_t>(sizeof(Record)) + 8 * std::max<std::int64_t>(1, type->count);
    auto *record = static_cast<Record *>(heapAllocate(bytes));
    if (!record)
        return nullptr;
    std::memset(static_cast<void *>(record), 0, static_cast<std::size_t>(bytes));
    record->refCount = 1;
    record->kind = ObjectKind::Record;
    record->type = type;
    return record;
}

Dict *newDict(const TypeDesc *type)
{
    auto *dict = static_cast<Dict *>(heapAllocate(sizeof(Dict)));
    if (!dict)
        return nullptr;
    dict->refCount = 1;
    dict->kind = ObjectKind::Dict;
    dict->type = type;
    dict->size = 0;
    dict->used = 0;
    dict->capacity = 0;
    dict->entries = nullptr;
    dict->index = nullptr;
    dict->indexMask = 0;
    return dict;
}

Set *newSet(const TypeDesc *type)
{
    constexpr std::int64_t minimumSize = 8;
    auto *set = static_cast<Set *>(heapAllocate(sizeof(Set)));
    if (!set)
        return nullptr;
    auto *table = static_cast<SetEntry *>(heapAllocate(minimumSize * static_cast<std::int64_t>(sizeof(SetEntry))));
    if (!table) {
        heapFree(set, sizeof(Set));
        return nullptr;
    }
    std::memset(static_cast<void *>(table), 0, minimumSize * sizeof(SetEntry));
    set->refCount = 1;
    set->kind = ObjectKind::Set;
    set->type = type;
    set->used = 0;
    set->fill = 0;
    set->mask = minimumSize - 1;
    set->finger = 0;
    set->table = table;
    return set;
}

namespace {

void releaseItems(Slot *items, std::int64_t count, const TypeDesc *type)
{
    if (!type->isObject())
        return;
    for (std::int64_t i = 0; i < count; ++i)
        release(items[i].p);
}

} // namespace

void destroyObject(Object *o)
{
    switch (o->kind) {
    case ObjectKind::Str: heapFree(o, strBytes(static_cast<Str *>(o)->capacity)); return;
    case ObjectKind::List: {
        auto *list = static_cast<List *>(o);
        releaseItems(list->items, list->size, list->type->element);
        heapFree(list->items, list->capacity * 8);
        heapFree(list, sizeof(List));
        return;
    }
    case ObjectKind::Tuple:
    case ObjectKind::Record: {
        // Tuple and Record share their layout: header, type, slots.
        auto *tuple = static_cast<Tuple *>(o);
        const TypeDesc *type = tuple->type;
        for (std::uint32_t i = 0; i < type->count; ++i)
            releaseSlot(tuple->items()[i], type->items[i]);
        heapFree(tuple, static_cast<std::int64_t>(sizeof(Tuple)) + 8 * std::max<std::int64_t>(1, type->count));
        return;
    }
    case ObjectKind::Dict: {
        auto *dict = static_cast<Dict *>(o);
        releaseDictEntries(dict);
        heapFree(dict->entries, dict->capacity * static_cast<std::int64_t>(sizeof(DictEntry)));
        heapFree(dict->index, static_cast<std::int64_t>(dict->index ? (dict->indexMask + 1) * 4 : 0));
        heapFree(dict, sizeof(Dict));
        return;
    }
    case ObjectKind::Set: {
        auto *set = static_cast<Set *>(o);
        if (set->type->element->isObject())
            for (std::int64_t i = 0; i <= set->mask; ++i)
                if (set->table[i].state == 1)
                    release(set->table[i].key.p);
        heapFree(set->table, (set->mask + 1) * static_cast<std::int64_t>(sizeof(SetEntry)));
        heapFree(set, sizeof(Set));
        return;
    }
    }
}

void retainShared(Object *o)
{
    if (countOf(o) != immortalRefCount)
        std::atomic_ref<std::uint32_t>(o->refCount).fetch_add(1, std::memory_order_relaxed);
}

void releaseShared(Object *o)
{
    if (countOf(o) == immortalRefCount)
        return;
    // The last release must see every other thread's writes to the object: acq_rel, as
    // std::shared_ptr does.
    if (std::atomic_ref<std::uint32_t>(o->refCount).fetch_sub(1, std::memory_order_acq_rel) == (sharedRefBit | 1u))
        destroyObject(o);
}

void shareObject(void *p)
{
    // A shared object already reaches only shared or immortal ones: the walk stops there.
    markReachable(p, [](Object *o) {
        if (countOf(o) >= sharedRefBit)
            return false;
        o->refCount |= sharedRefBit;
        return true;
    });
}

void destroyImmortals(const std::vector<void *> &roots)
{
    std::vector<Object *> pending;
    std::vector<Object *> all;
    std::unordered_set<Object *> seen;
    auto visit = [&](void *p) {
        auto *o = static_cast<Object *>(p);
        if (o && o->refCount == immortalRefCount && seen.insert(o).second) {
            pending.push_back(o);
        }
    };
    for (void *root : roots)
        visit(root);
    while (!pending.empty()) {
        Object *o = pending.back();
        pending.pop_back();
        all.push_back(o);
        forEachChild(o, visit);
    }
    // Children are immortal too, so releasing them would do nothing: free each object's
    // own memory only.
    for (Object *o : all) {
        switch (o->kind) {
        case ObjectKind::Str: heapFree(o, strBytes(static_cast<Str *>(o)->capacity)); break;
        case ObjectKind::List:
            heapFree(static_cast<List *>(o)->items, static_cast<List *>(o)->capacity * 8);
            heapFree(o, sizeof(List));
            break;
        case ObjectKind::Tuple:
        case ObjectKind::Record:
            heapFree(o, static_cast<std::int64_t>(sizeof(Tuple)) + 8 * std::max<std::int64_t>(1, static_cast<Tuple *>(o)->type->count));
            break;
        case ObjectKind::Dict: {
            auto *dict = static_cast<Dict *>(o);
            heapFree(dict->entries, dict->capacity * static_cast<std::int64_t>(sizeof(DictEntry)));
            heapFree(dict->index, dict->index ? static_cast<std::int64_t>(dict->indexMask + 1) * 4 : 0);
            heapFree(dict, sizeof(Dict));
            break;
        }
        case ObjectKind::Set:
            heapFree(static_cast<Set *>(o)->table, (static_cast<Set *>(o)->mask + 1) * static_cast<std::int64_t>(sizeof(SetEntry)));
            heapFree(o, sizeof(Set));
            break;
        }
    }
}

void makeImmortal(void *object)
{
    // Threads read constants at once: strings are hashed now, so none writes the cache.
    markReachable(object, [](Object *o) {
        if (o->refCount == immortalRefCount)
            return false;
        o->refCount = immortalRefCount;
        return true;
    });
}

} // namespace hotpath::runtime
