// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Creating objects. Every allocation is charged to the current call's Context, which
// turns an oversized request into MemoryError (a null result) before malloc is asked.

#include "hotpath/runtime/Context.h"
#include "hotpath/runtime/Value.h"

#include <string_view>
#include <vector>

namespace hotpath::runtime {

Str *newStr(std::string_view text);
Str *newStrWithCapacity(std::int64_t capacity); // empty, ready to append into
List *newList(const TypeDesc *type, std::int64_t size, std::int64_t capacity = -1); // items zeroed
Tuple *newTuple(const TypeDesc *type);   // items zeroed
Record *newRecord(const TypeDesc *type); // fields zeroed
Dict *newDict(const TypeDesc *type);
Set *newSet(const TypeDesc *type); // empty, with CPython's 8-slot table

// Makes an object and everything it reaches immortal: for module constants shared by
// concurrent calls.
void makeImmortal(void *object);
// Releases a dict's keys and values and marks every entry deleted (clear, destroy).
void releaseDictEntries(Dict *dict);
// Frees immortal objects and everything they reach, each exactly once, however the
// graph shares them (when the program version that owns them goes away).
void destroyImmortals(const std::vector<void *> &roots);

// Recomputes length-derived fields after writing bytes into a Str directly.
void finishStr(Str *s);

inline std::string_view view(const Str *s) { return {s->data(), static_cast<std::size_t>(s->length)}; }

// Low-level accounted allocation, for the runtime's own buffers.
void *heapAllocate(std::int64_t bytes);
void *heapReallocate(void *p, std::int64_t oldBytes, std::int64_t newBytes);
void heapFree(void *p, std::int64_t bytes);

} // namespace hotpath::runtime
