// SPDX-License-Identifier: GPL-3.0-or-later
// dict[K, V]: CPython's compact, insertion-ordered layout. Entries are appended in
// insertion order; an open-addressing index of entry positions finds them. Keys hash and
// compare as Python's do (Hash.cpp), so 1 and 1.0 find one entry of a dict[float, V].
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"

#include <algorithm>
#include <cstring>

namespace hotpath::runtime {

namespace {

constexpr std::int64_t emptySlot = -1;
constexpr std::int64_t deletedSlot = -2;

const TypeDesc *keyTypeOf(const Dict *dict) { return dict->type->key; }

std::int64_t hashKey(const Dict *dict, Slot key)
{
    const TypeDesc *type = keyTypeOf(dict);
    if (type->kind == Kind::Str) // hp_hash's value for a str, without its dispatch (never -1)
        return static_cast<std::int64_t>(hp_str_hash(static_cast<Str *>(key.p)) >> 1);
    return hp_hash(key, type);
}

bool sameKey(const Dict *dict, Slot stored, Slot key)
{
    const TypeDesc *type = keyTypeOf(dict);
    if (type->kind == Kind::Str) // the common case, without hp_equal's dispatch
        return stored.p == key.p || hp_str_equal(static_cast<Str *>(stored.p), static_cast<Str *>(key.p));
    return hp_equal(stored, key, type);
}

// Returns the index slot for `key`: where it is, or where it would go.
std::uint64_t probe(const Dict *dict, Slot key, std::int64_t hash, bool &found)
{
    found = false;
    std::uint64_t i = static_cast<std::uint64_t>(hash) & dict->indexMask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    std::int64_t firstDeleted = -1;
    for (;;) {
        const std::int64_t at = dict->index[i];
        if (at == emptySlot)
            return firstDeleted >= 0 ? static_cast<std::uint64_t>(firstDeleted) : i;
        if (at == deletedSlot) {
            if (firstDeleted < 0)
                firstDeleted = static_cast<std::int64_t>(i);
        } else {
            const DictEntry &entry = dict->entries[at];
            if (entry.hash == hash && sameKey(dict, entry.key, key)) {
                found = true;
                return i;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & dict->indexMask;
    }
}

// Rebuilds entries (dropping deleted ones) and the index for at least `needed` entries.
bool resize(Dict *dict, std::int64_t needed)
{
    std::int64_t capacity = 8;
    while (capacity < needed)
        capacity *= 2;
    std::uint64_t indexSize = 16;
    while (indexSize < static_cast<std::uint64_t>(capacity) * 3 / 2 + 1)
        indexSize *= 2;
    auto *entries = static_cast<DictEntry *>(heapAllocate(capacity * static_cast<std::int64_t>(sizeof(DictEntry))));
    auto *index = static_cast<std::int32_t *>(heapAllocate(static_cast<std::int64_t>(indexSize) * 4));
    if (!entries || !index) {
        heapFree(entries, capacity * static_cast<std::int64_t>(sizeof(DictEntry)));
        heapFree(index, static_cast<std::int64_t>(indexSize) * 4);
        return false;
    }
    std::int64_t used = 0;
    for (std::int64_t i = 0; i < dict->used; ++i)
        if (dict->entries[i].live())
            entries[used++] = dict->entries[i];
    heapFree(dict->entries, dict->capacity * static_cast<std::int64_t>(sizeof(DictEntry)));
    heapFree(dict->index, dict->index ? static_cast<std::int64_t>(dict->indexMask + 1) * 4 : 0);
    dict->entries = entries;
    dict->capacity = capacity;
    dict->used = used;
    dict->index = index;
    dict->indexMask = indexSize - 1;
    std::memset(index, 0xFF, indexSize * 4); // all emptySlot (-1)
    for (std::int64_t i = 0; i < used; ++i) {
        bool found = false;
        const std::uint64_t at = probe(dict, entries[i].key, entries[i].hash, found);
        index[at] = static_cast<std::int32_t>(i);
    }
    return true;
}

void raiseKeyError(const Dict *dict, Slot key)
{
    std::string text;
    appendRepr(text, key, keyTypeOf(dict));
    if (Context *context = Context::current())
        context->raise(ErrorKind::KeyError, text);
}

} // namespace

extern "C" {

Dict *hp_dict_new(const TypeDesc *type) { return newDict(type); }

bool hp_dict_lookup(Dict *dict, Slot key, Slot *value)
{
    if (dict->size == 0)
        return false;
    bool found = false;
    const std::uint64_t at = probe(dict, key, hashKey(dict, key), found);
    if (found && value)
        *value = dict->entries[dict->index[at]].value;
    return found;
}

Slot hp_dict_get_item(Dict *dict, Slot key)
{
    Slot value{0};
    if (!hp_dict_lookup(dict, key, &value))
        raiseKeyError(dict, key);
    return value;
}

void hp_dict_set(Dict *dict, Slot key, Slot value)
{
    const std::int64_t hash = hashKey(dict, key);
    const TypeDesc *type = dict->type->element;
    if (dict->index) {
        bool found = false;
        const std::uint64_t at = probe(dict, key, hash, found);
        if (found) {
            DictEntry &entry = dict->entries[dict->index[at]];
            retainSlotInto(dict, value, type);
            releaseSlot(entry.value, type);
            entry.value = value;
            return;
        }
    }
    if (dict->used >= dict->capacity && !resize(dict, dict->size * 2 + 1))
        return;
    bool found = false;
    const std::uint64_t at = probe(dict, key, hash, found);
    retainSlotInto(dict, key, keyTypeOf(dict));
    retainSlotInto(dict, value, type);
    dict->entries[dict->used] = {key, hash, value};
    dict->index[at] = static_cast<std::int32_t>(dict->used++);
    ++dict->size;
}

bool hp_dict_contains(Dict *dict, Slot key) { return hp_dict_lookup(dict, key, nullptr); }

void hp_dict_clear(Dict *dict)
{
    releaseDictEntries(dict);
    dict->used = 0;
    dict->size = 0;
    if (dict->index)
        std::fill(dict->index, dict->index + dict->indexMask + 1, -1);
}

Slot hp_dict_pop(Dict *dict, Slot key, Slot fallback, bool hasFallback)
{
    bool found = false;
    std::uint64_t at = 0;
    if (dict->size)
        at = probe(dict, key, hashKey(dict, key), found);
    if (!found) {
        if (!hasFallback) {
            raiseKeyError(dict, key);
            return Slot{0};
        }
        retainSlot(fallback, dict->type->element);
        return fallback;
    }
    DictEntry &entry = dict->entries[dict->index[at]];
    const Slot value = entry.value;
    releaseSlot(entry.key, keyTypeOf(dict));
    entry.key = Slot{0};
    entry.hash = DictEntry::deletedEntryHash;
    dict->index[at] = deletedSlot;
    --dict->size;
    return value; // the dict's reference passes to the caller
}

Slot hp_dict_setdefault(Dict *dict, Slot key, Slot fallback)
{
    Slot value{0};
    if (hp_dict_lookup(dict, key, &value))
        return value;
    hp_dict_set(dict, key, fallback);
    return fallback;
}

} // extern "C"

} // namespace hotpath::runtime
