// SPDX-License-Identifier: GPL-3.0-or-later
// list operations: geometric growth (amortised O(1) append), Python's index rules,
// and a stable sort.
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/runtime/Slicing.h"

#include <algorithm>
#include <vector>
#include <cstring>

namespace hotpath::runtime {

namespace {

bool reserve(List *list, std::int64_t needed)
{
    if (needed <= list->capacity)
        return true;
    const std::int64_t capacity = std::max(needed, list->capacity + list->capacity / 2 + 4);
    if (capacity > INT64_MAX / 16) {
        raiseOnCurrent(ErrorKind::MemoryError, "");
        return false;
    }
    auto *items = static_cast<Slot *>(heapReallocate(list->items, list->capacity * 8, capacity * 8));
    if (!items)
        return false;
    list->items = items;
    list->capacity = capacity;
    return true;
}

const TypeDesc *elementOf(const List *list) { return list->type->element; }

} // namespace

extern "C" {

List *hp_list_new(const TypeDesc *type, std::int64_t size) { return newList(type, size); }

Slot hp_list_get(List *list, std::int64_t index)
{
    if (index < 0)
        index += list->size;
    if (index < 0 || index >= list->size) {
        raiseOnCurrent(ErrorKind::IndexError, list->type->tupleOf ? "tuple index out of range" : "list index out of range");
        return Slot{0};
    }
    return list->items[index];
}

void hp_list_set(List *list, std::int64_t index, Slot value)
{
    if (index < 0)
        index += list->size;
    if (index < 0 || index >= list->size) {
        raiseOnCurrent(ErrorKind::IndexError, "list assignment index out of range");
        return;
    }
    retainSlotInto(list, value, elementOf(list));
    releaseSlot(list->items[index], elementOf(list));
    list->items[index] = value;
}

void hp_list_append(List *list, Slot value)
{
    if (!reserve(list, list->size + 1))
        return;
    retainSlotInto(list, value, elementOf(list));
    list->items[list->size++] = value;
}

Slot hp_list_pop(List *list, std::int64_t index)
{
    if (list->size == 0) {
        raiseOnCurrent(ErrorKind::IndexError, "pop from empty list");
        return Slot{0};
    }
    if (index < 0)
        index += list->size;
    if (index < 0 || index >= list->size) {
        raiseOnCurrent(ErrorKind::IndexError, "pop index out of range");
        return Slot{0};
    }
    const Slot value = list->items[index];
    std::memmove(list->items + index, list->items + index + 1, static_cast<size_t>(list->size - index - 1) * 8);
    --list->size;
    return value;
}

void hp_list_insert(List *list, std::int64_t index, Slot value)
{
    if (index < 0)
        index = std::max<std::int64_t>(0, index + list->size);
    index = std::min(index, list->size);
    if (!reserve(list, list->size + 1))
        return;
    std::memmove(list->items + index + 1, list->items + index, static_cast<size_t>(list->size - index) * 8);
    retainSlotInto(list, value, elementOf(list));
    list->items[index] = value;
    ++list->size;
}

void hp_list_extend(List *list, List *other)
{
    const std::int64_t count = other->size; // `xs.extend(xs)` reads the old size
    if (!reserve(list, list->size + count))
        return;
    for (std::int64_t i = 0; i < count; ++i) {
        retainSlotInto(list, other->items[i], elementOf(list));
        list->items[list->size++] = other->items[i];
    }
}

std::int64_t hp_list_index(List *list, Slot value)
{
    for (std::int64_t i = 0; i < list->size; ++i)
        if (hp_equal(list->items[i], value, elementOf(list)))
            return i;
    std::string text;
    appendRepr(text, value, elementOf(list));
    if (list->type->tupleOf) // a tuple[T, ...]
        raiseOnCurrent(ErrorKind::ValueError, "tuple.index(x): x not in tuple");
    else
        raiseOnCurrent(ErrorKind::ValueError, text + " is not in list");
    return -1;
}

std::int64_t hp_list_count(List *list, Slot value)
{
    std::int64_t count = 0;
    for (std::int64_t i = 0; i < list->size; ++i)
        count += hp_equal(list->items[i], value, elementOf(list));
    return count;
}

void hp_list_reverse(List *list) { std::reverse(list->items, list->items + list->size); }

void hp_list_clear(List *list)
{
    // The size goes first: releasing an item may run no code, but a list must never show
    // items it no longer owns.
    const std::int64_t size = list->size;
    list->size = 0;
    for (std::int64_t i = 0; i < size; ++i)
        releaseSlot(list->items[i], elementOf(list));
}

void hp_list_sort(List *list, bool reverse)
{
    const TypeDesc *type = elementOf(list);
    // Stable in both directions, as Python's sort: reverse=True keeps equal items in
    // their original order.
    if (reverse)
        std::stable_sort(list->items, list->items + list->size,
                         [type](Slot a, Slot b) { return hp_compare(b, a, type) < 0; });
    else
        std::stable_sort(list->items, list->items + list->size,
                         [type](Slot a, Slot b) { return hp_compare(a, b, type) < 0; });
}

void hp_list_sort_keyed(List *list, List *keys, bool reverse)
{
    if (keys->size != list->size) {
        raiseOnCurrent(ErrorKind::ValueError, "list modified during sort");
        return;
    }
    // The order of the keys, stable as Python's sort is (also with reverse=True), then
    // the items moved into it.
    const TypeDesc *type = elementOf(keys);
    std::vector<std::int64_t> order(static_cast<std::size_t>(list->size));
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = static_cast<std::int64_t>(k);
    const Slot *key = keys->items;
    if (reverse)
        std::stable_sort(order.begin(), order.end(),
                         [&](std::int64_t a, std::int64_t b) { return hp_compare(key[b], key[a], type) < 0; });
    else
        std::stable_sort(order.begin(), order.end(),
                         [&](std::int64_t a, std::int64_t b) { return hp_compare(key[a], key[b], type) < 0; });
    std::vector<Slot> items(list->items, list->items + list->size);
    for (std::size_t k = 0; k < order.size(); ++k)
        list->items[k] = items[static_cast<std::size_t>(order[k])];
}

List *hp_list_slice(List *list, std::int64_t lower, std::int64_t upper, std::int64_t step, std::uint32_t present)
{
    SliceBounds bounds;
    if (!adjustSlice(list->size, lower, upper, step, present, bounds))
        return nullptr;
    List *out = newList(list->type, bounds.length);
    if (!out)
        return nullptr;
    for (std::int64_t k = 0; k < bounds.length; ++k) {
        out->items[k] = list->items[bounds.start + k * bounds.step];
        retainSlot(out->items[k], elementOf(list));
    }
    return out;
}

List *hp_list_concat(List *a, List *b)
{
    List *out = newList(a->type, a->size + b->size);
    if (!out)
        return nullptr;
    for (std::int64_t i = 0; i < a->size; ++i)
        out->items[i] = a->items[i];
    for (std::int64_t i = 0; i < b->size; ++i)
        out->items[a->size + i] = b->items[i];
    if (elementOf(a)->isObject())
        for (std::int64_t i = 0; i < out->size; ++i)
            retain(out->items[i].p);
    return out;
}

List *hp_list_repeat(List *list, std::int64_t n)
{
    if (n < 0)
        n = 0;
    if (list->size && n > INT64_MAX / 16 / list->size) {
        raiseOnCurrent(ErrorKind::MemoryError, "");
        return nullptr;
    }
    List *out = newList(list->type, list->size * n);
    if (!out)
        return nullptr;
    for (std::int64_t r = 0; r < n; ++r)
        for (std::int64_t i = 0; i < list->size; ++i) {
            out->items[r * list->size + i] = list->items[i];
            retainSlot(list->items[i], elementOf(list));
        }
    return out;
}

bool hp_list_contains(List *list, Slot value)
{
    for (std::int64_t i = 0; i < list->size; ++i)
        if (hp_equal(list->items[i], value, elementOf(list)))
            return true;
    return false;
}

} // extern "C"

} // namespace hotpath::runtime
