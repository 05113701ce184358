// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The runtime's operations on strings, lists, dicts, tuples and records, with C linkage
// so that the interpreter and JIT-compiled code call exactly the same code.
//
// Conventions: every function works on the current thread's Context (see Context.h).
// Arguments are borrowed. A returned object is a new reference owned by the caller.
// On failure a function raises on the Context and returns null / 0; callers check
// Context::failed().

#include "hotpath/runtime/Value.h"

#include <cstdint>

namespace hotpath::runtime {

extern "C" {

// ---- str
Str *hp_str_concat(Str *a, Str *b);
Str *hp_str_append(Str *a, Str *b); // consumes `a`: grows it in place when it is the only reference
Str *hp_str_repeat(Str *s, std::int64_t n);
Str *hp_str_index(Str *s, std::int64_t i);
Str *hp_str_slice(Str *s, std::int64_t lower, std::int64_t upper, std::int64_t step, std::uint32_t present);
std::int64_t hp_str_compare(Str *a, Str *b); // <0, 0, >0
bool hp_str_equal(Str *a, Str *b);
bool hp_str_contains(Str *haystack, Str *needle);
std::uint64_t hp_str_hash(Str *s);

List *hp_str_split(Str *s, Str *separator /* null: whitespace */, std::int64_t maxsplit, const TypeDesc *listType);
Str *hp_str_join(Str *separator, List *items);
Str *hp_str_strip(Str *s, Str *chars /* null: whitespace */, std::int64_t which); // 1 left, 2 right, 3 both
Str *hp_str_upper(Str *s);
Str *hp_str_lower(Str *s);
Str *hp_str_title(Str *s);
bool hp_str_startswith(Str *s, Str *prefix);
bool hp_str_endswith(Str *s, Str *suffix);
std::int64_t hp_str_find(Str *s, Str *sub, std::int64_t start, std::int64_t end, bool reverse);
Str *hp_str_replace(Str *s, Str *old, Str *replacement, std::int64_t count);
std::int64_t hp_str_count(Str *s, Str *sub);
bool hp_str_isdigit(Str *s);
bool hp_str_isalpha(Str *s);
bool hp_str_isspace(Str *s);
Str *hp_str_zfill(Str *s, std::int64_t width);
std::int64_t hp_str_ord(Str *s);
Str *hp_str_chr(std::int64_t code);

// ---- conversions
std::int64_t hp_int_from_str(Str *s, std::int64_t base);
double hp_float_from_str(Str *s);
std::int64_t hp_int_from_float(double value);
Str *hp_to_str(Slot value, const TypeDesc *type);
Str *hp_to_repr(Slot value, const TypeDesc *type);

// ---- list
List *hp_list_new(const TypeDesc *type, std::int64_t size);
Slot hp_list_get(List *list, std::int64_t index);     // borrowed
void hp_list_set(List *list, std::int64_t index, Slot value); // takes a new reference to value
void hp_list_append(List *list, Slot value);          // takes a new reference to value
Slot hp_list_pop(List *list, std::int64_t index);     // returns the list's reference
void hp_list_insert(List *list, std::int64_t index, Slot value);
void hp_list_extend(List *list, List *other);
std::int64_t hp_list_index(List *list, Slot value);
std::int64_t hp_list_count(List *list, Slot value);
void hp_list_reverse(List *list);
void hp_list_clear(List *list);
void hp_list_sort(List *list, bool reverse);
// Sorts `list` by the parallel list `keys` (stable; ValueError if their sizes differ).
void hp_list_sort_keyed(List *list, List *keys, bool reverse);
List *hp_list_slice(List *list, std::int64_t lower, std::int64_t upper, std::int64_t step, std::uint32_t present);
List *hp_list_concat(List *a, List *b);
List *hp_list_repeat(List *list, std::int64_t n);
bool hp_list_contains(List *list, Slot value);

// ---- dict (keys are str)
Dict *hp_dict_new(const TypeDesc *type);
bool hp_dict_lookup(Dict *dict, Slot key, Slot *value); // borrowed value; false when absent
Slot hp_dict_get_item(Dict *dict, Slot key);           // borrowed; KeyError when absent
void hp_dict_set(Dict *dict, Slot key, Slot value);    // takes new references to key and value
bool hp_dict_contains(Dict *dict, Slot key);
void hp_dict_clear(Dict *dict);
Slot hp_dict_pop(Dict *dict, Slot key, Slot fallback, bool hasFallback); // owned
Slot hp_dict_setdefault(Dict *dict, Slot key, Slot fallback);            // borrowed

// ---- values of any type
bool hp_equal(Slot a, Slot b, const TypeDesc *type);
std::int64_t hp_compare(Slot a, Slot b, const TypeDesc *type); // for ordered types
bool hp_truthy(Slot value, const TypeDesc *type);
std::int64_t hp_len(Slot value, const TypeDesc *type);
// Python's hash() (Hash.cpp): CPython's values for int, bool, float and tuple.
std::int64_t hp_hash(Slot value, const TypeDesc *type);

// ---- sets (SetOps.cpp); elements are taken with new references, results are owned
Set *hp_set_new(const TypeDesc *type);
void hp_set_add(Set *set, Slot key);
bool hp_set_contains(Set *set, Slot key);
bool hp_set_discard(Set *set, Slot key);   // false when absent
void hp_set_remove(Set *set, Slot key);    // KeyError when absent
Slot hp_set_pop(Set *set);                 // owned; KeyError when empty
void hp_set_clear(Set *set);
void hp_set_update(Set *set, Set *other);  // set |= other, as CPython's set_merge
Set *hp_set_copy(Set *set);
// A new set with the keys added one by one in `set`'s iteration order (what CPython's
// compiler does to a set literal's frozenset constant when it merges constants).
Set *hp_set_reinserted(Set *set);
Set *hp_set_union(Set *a, Set *b);
Set *hp_set_intersection(Set *a, Set *b);
Set *hp_set_difference(Set *a, Set *b);
Set *hp_set_symmetric_difference(Set *a, Set *b);
void hp_set_intersection_update(Set *set, Set *other);
void hp_set_difference_update(Set *set, Set *other);
void hp_set_purge(Set *set); // drops dummies when they are over a quarter of the table
void hp_set_symmetric_difference_update(Set *set, Set *other);
bool hp_set_is_subset(Set *a, Set *b);
List *hp_set_to_list(Set *set, const TypeDesc *listType); // in iteration order

// A value of T as an Optional[T] (Value.h): the object itself, or a new box for a
// scalar (owned; null and MemoryError raised when the memory cap is reached).
void *hp_box(Slot value, const TypeDesc *optional);

} // extern "C"

} // namespace hotpath::runtime
