// SPDX-License-Identifier: GPL-3.0-or-later
// Sets, laid out and probed as CPython 3.11 does (Objects/setobject.c describes it): a
// power-of-two table starting at 8 slots, a probe that looks at up to 9 neighbouring
// slots before jumping by i*5 + 1 + perturb, deleted slots kept as dummies, a resize to
// 4x the live keys (2x above 50,000) once 3/5 of the table is used, pop() resuming where
// it stopped, and CPython's algorithms for union, intersection, difference and symmetric
// difference. Iteration walks the table, so the order equals CPython's whenever the
// hashes do (Hash.cpp).
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Ops.h"

#include <cstring>
#include <vector>

namespace hotpath::runtime {

namespace {

constexpr std::int64_t linearProbes = 9;
constexpr int perturbShift = 5;
constexpr std::uint8_t unused = 0, active = 1, dummy = 2;

const TypeDesc *elementOf(const Set *set) { return set->type->element; }

std::int64_t tableBytes(std::int64_t size) { return size * static_cast<std::int64_t>(sizeof(SetEntry)); }

// The slot holding `key`, or null. Dummies are stepped over; an unused slot ends the search.
SetEntry *lookup(Set *set, Slot key, std::int64_t hash)
{
    const auto mask = static_cast<std::uint64_t>(set->mask);
    const TypeDesc *type = elementOf(set);
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    std::uint64_t i = static_cast<std::uint64_t>(hash) & mask;
    for (;;) {
        SetEntry *entry = &set->table[i];
        std::int64_t probes = i + linearProbes <= mask ? linearProbes : 0;
        do {
            if (entry->state == unused)
                return nullptr;
            if (entry->state == active && entry->hash == hash && hp_equal(entry->key, key, type))
                return entry;
            ++entry;
        } while (probes--);
        perturb >>= perturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Places a key known to be absent into a table without dummies (resizes, copies).
void insertClean(SetEntry *table, std::uint64_t mask, Slot key, std::int64_t hash)
{
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    std::uint64_t i = static_cast<std::uint64_t>(hash) & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (entry->state == unused) {
            *entry = {key, hash, active};
            return;
        }
        if (i + linearProbes <= mask) {
            for (std::int64_t j = 0; j < linearProbes; ++j) {
                ++entry;
                if (entry->state == unused) {
                    *entry = {key, hash, active};
                    return;
                }
            }
        }
        perturb >>= perturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// A new table of the smallest power of two above `minUsed`, holding the live keys in
// the old table's order; dummies are dropped.
bool resize(Set *set, std::int64_t minUsed)
{
    std::int64_t size = 8;
    while (size <= minUsed)
        size <<= 1;
    auto *table = static_cast<SetEntry *>(heapAllocate(tableBytes(size)));
    if (!table)
        return false;
    std::memset(static_cast<void *>(table), 0, static_cast<std::size_t>(tableBytes(size)));
    SetEntry *old = set->table;
    const std::int64_t oldSize = set->mask + 1;
    for (std::int64_t k = 0; k < oldSize; ++k)
        if (old[k].state == active)
            insertClean(table, static_cast<std::uint64_t>(size - 1), old[k].key, old[k].hash);
    heapFree(old, tableBytes(oldSize));
    set->table = table;
    set->mask = size - 1;
    set->fill = set->used;
    return true;
}

// Adds a key (borrowed; retained when stored) with its hash; false on MemoryError.
bool addEntry(Set *set, Slot key, std::int64_t hash)
{
    const auto mask = static_cast<std::uint64_t>(set->mask);
    const TypeDesc *type = elementOf(set);
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    std::uint64_t i = static_cast<std::uint64_t>(hash) & mask;
    SetEntry *freeSlot = nullptr; // a dummy on the way: reused for a new key
    for (;;) {
        SetEntry *entry = &set->table[i];
        std::int64_t probes = i + linearProbes <= mask ? linearProbes : 0;
        do {
            if (entry->state == unused) {
                retainSlotInto(set, key, type);
                if (freeSlot) {
                    *freeSlot = {key, hash, active};
                    ++set->used;
                    return true;
                }
                *entry = {key, hash, active};
                ++set->fill;
                ++set->used;
                if (set->fill * 5 < set->mask * 3)
                    return true;
                return resize(set, set->used > 50000 ? set->used * 2 : set->used * 4);
            }
            if (entry->state == active && entry->hash == hash && hp_equal(entry->key, key, type))
                return true; // already there
            if (entry->state == dummy)
                freeSlot = entry; // the last one passed, as CPython does
            ++entry;
        } while (probes--);
        perturb >>= perturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool discardEntry(Set *set, Slot key, std::int64_t hash)
{
    SetEntry *entry = lookup(set, key, hash);
    if (!entry)
        return false;
    const Slot old = entry->key;
    entry->key = Slot{0};
    entry->hash = -1;
    entry->state = dummy;
    --set->used;
    releaseSlot(old, elementOf(set));
    return true;
}

// set |= other, as CPython's set_merge: one resize up front; into an empty set of the
// same size without dummies, a copy of the table as it is.
bool merge(Set *set, Set *other)
{
    if (set == other || other->used == 0)
        return true;
    if ((set->fill + other->used) * 5 >= set->mask * 3 && !resize(set, (set->used + other->used) * 2))
        return false;
    const TypeDesc *type = elementOf(set);
    if (set->fill == 0 && set->mask == other->mask && other->fill == other->used) {
        for (std::int64_t k = 0; k <= other->mask; ++k) {
            if (other->table[k].state != active)
                continue;
            retainSlotInto(set, other->table[k].key, type);
            set->table[k] = other->table[k];
        }
        set->fill = set->used = other->used;
        return true;
    }
    if (set->fill == 0) {
        for (std::int64_t k = 0; k <= other->mask; ++k) {
            if (other->table[k].state != active)
                continue;
            retainSlotInto(set, other->table[k].key, type);
            insertClean(set->table, static_cast<std::uint64_t>(set->mask), other->table[k].key, other->table[k].hash);
        }
        set->fill = set->used = other->used;
        return true;
    }
    for (std::int64_t k = 0; k <= other->mask; ++k)
        if (other->table[k].state == active && !addEntry(set, other->table[k].key, other->table[k].hash))
            return false;
    return true;
}

void raiseKeyError(Slot key, const TypeDesc *type)
{
    std::string text;
    appendRepr(text, key, type);
    raiseOnCurrent(ErrorKind::KeyError, text);
}

} // namespace

extern "C" {

Set *hp_set_new(const TypeDesc *type) { return newSet(type); }

void hp_set_add(Set *set, Slot key) { addEntry(set, key, hp_hash(key, elementOf(set))); }

bool hp_set_contains(Set *set, Slot key) { return lookup(set, key, hp_hash(key, elementOf(set))) != nullptr; }

bool hp_set_discard(Set *set, Slot key) { return discardEntry(set, key, hp_hash(key, elementOf(set))); }

void hp_set_remove(Set *set, Slot key)
{
    if (!hp_set_discard(set, key))
        raiseKeyError(key, elementOf(set));
}

Slot hp_set_pop(Set *set)
{
    if (set->used == 0) {
        raiseOnCurrent(ErrorKind::KeyError, "'pop from an empty set'");
        return Slot{0};
    }
    std::int64_t i = set->finger & set->mask;
    while (set->table[i].state != active)
        i = i == set->mask ? 0 : i + 1;
    SetEntry &entry = set->table[i];
    const Slot key = entry.key; // the set's reference becomes the caller's
    entry = {Slot{0}, -1, dummy};
    --set->used;
    set->finger = i + 1;
    return key;
}

void hp_set_clear(Set *set)
{
    // Back to an empty 8-slot table, as CPython's set.clear(); the keys are let go after
    // the set is consistent again.
    SetEntry *old = set->table;
    const std::int64_t oldSize = set->mask + 1;
    auto *table = oldSize == 8 ? nullptr : static_cast<SetEntry *>(heapAllocate(tableBytes(8)));
    if (oldSize != 8 && !table)
        return;
    std::vector<SetEntry> keys(old, old + oldSize);
    if (table) {
        set->table = table;
        set->mask = 7;
    }
    std::memset(static_cast<void *>(set->table), 0, static_cast<std::size_t>(tableBytes(8)));
    set->used = set->fill = 0;
    if (table)
        heapFree(old, tableBytes(oldSize));
    if (elementOf(set)->isObject())
        for (const SetEntry &entry : keys)
            if (entry.state == active)
                release(entry.key.p);
}

void hp_set_update(Set *set, Set *other) { merge(set, other); }

Set *hp_set_copy(Set *set)
{
    Set *copy = newSet(set->type);
    if (copy && !merge(copy, set)) {
        release(copy);
        return nullptr;
    }
    return copy;
}

Set *hp_set_reinserted(Set *set)
{
    Set *result = newSet(set->type);
    if (!result)
        return nullptr;
    for (std::int64_t k = 0; k <= set->mask; ++k)
        if (set->table[k].state == active && !addEntry(result, set->table[k].key, set->table[k].hash)) {
            release(result);
            return nullptr;
        }
    return result;
}

Set *hp_set_union(Set *a, Set *b)
{
    Set *result = hp_set_copy(a);
    if (a == b)
        return result; // as CPython's set_or: a | a is a copy
    if (result && !merge(result, b)) {
        release(result);
        return nullptr;
    }
    return result;
}

Set *hp_set_intersection(Set *a, Set *b)
{
    // CPython walks the smaller set and looks each key up in the larger one.
    if (a == b)
        return hp_set_copy(a);
    Set *result = newSet(a->type);
    if (!result)
        return nullptr;
    Set *small = b->used > a->used ? a : b, *large = b->used > a->used ? b : a;
    for (std::int64_t k = 0; k <= small->mask; ++k) {
        const SetEntry &entry = small->table[k];
        if (entry.state == active && lookup(large, entry.key, entry.hash) && !addEntry(result, entry.key, entry.hash)) {
            release(result);
            return nullptr;
        }
    }
    return result;
}

Set *hp_set_difference(Set *a, Set *b)
{
    if ((a->used >> 2) > b->used) {
        // Much larger than what is taken away: copy, then discard.
        Set *result = hp_set_copy(a);
        if (result)
            hp_set_difference_update(result, b);
        return result;
    }
    Set *result = newSet(a->type);
    if (!result)
        return nullptr;
    for (std::int64_t k = 0; k <= a->mask; ++k) {
        const SetEntry &entry = a->table[k];
        if (entry.state == active && !lookup(b, entry.key, entry.hash) && !addEntry(result, entry.key, entry.hash)) {
            release(result);
            return nullptr;
        }
    }
    return result;
}

void hp_set_symmetric_difference_update(Set *set, Set *other)
{
    if (set == other) {
        hp_set_clear(set);
        return;
    }
    for (std::int64_t k = 0; k <= other->mask; ++k) {
        const SetEntry &entry = other->table[k];
        if (entry.state != active)
            continue;
        if (!discardEntry(set, entry.key, entry.hash) && !addEntry(set, entry.key, entry.hash))
            return;
    }
}

Set *hp_set_symmetric_difference(Set *a, Set *b)
{
    // As CPython: a copy of b, updated with a.
    Set *result = hp_set_copy(b);
    if (result)
        hp_set_symmetric_difference_update(result, a);
    return result;
}

void hp_set_intersection_update(Set *set, Set *other)
{
    Set *result = hp_set_intersection(set, other);
    if (!result)
        return;
    std::swap(set->table, result->table);
    std::swap(set->mask, result->mask);
    std::swap(set->used, result->used);
    std::swap(set->fill, result->fill);
    if (isShared(set) && elementOf(set)->isObject())
        for (std::int64_t k = 0; k <= set->mask; ++k)
            if (set->table[k].state == active)
                shareObject(set->table[k].key.p); // some came from `other`
    release(result);
}

void hp_set_difference_update(Set *set, Set *other)
{
    if (set == other) {
        hp_set_clear(set);
        return;
    }
    for (std::int64_t k = 0; k <= other->mask; ++k)
        if (other->table[k].state == active)
            discardEntry(set, other->table[k].key, other->table[k].hash);
    hp_set_purge(set);
}

void hp_set_purge(Set *set)
{
    // More than a quarter of the table dummies: rebuilt without them, as CPython does
    // after removing what another collection holds.
    if (set->fill - set->used > set->mask / 4)
        resize(set, set->used > 50000 ? set->used * 2 : set->used * 4);
}

bool hp_set_is_subset(Set *a, Set *b)
{
    if (a->used > b->used)
        return false;
    for (std::int64_t k = 0; k <= a->mask; ++k)
        if (a->table[k].state == active && !lookup(b, a->table[k].key, a->table[k].hash))
            return false;
    return true;
}

List *hp_set_to_list(Set *set, const TypeDesc *listType)
{
    List *list = newList(listType, 0, set->used);
    if (!list)
        return nullptr;
    for (std::int64_t k = 0; k <= set->mask; ++k)
        if (set->table[k].state == active)
            hp_list_append(list, set->table[k].key);
    return list;
}

} // extern "C"

} // namespace hotpath::runtime
