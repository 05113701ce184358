// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Built-ins and methods that are not worth an opcode of their own: called through
// NATIVE with their arguments in consecutive registers. Each returns an owned reference
// for an object result and raises on the current Context on failure.

#include "hotpath/runtime/Value.h"

#include <cstdint>

namespace hotpath::vm {

using NativeFunction = void (*)(runtime::Slot *args, runtime::Slot *result, const runtime::TypeDesc *type);

// X(name, argument count)
#define HOTPATH_NATIVES(X)                                                                         \
    X(str_index, 2) X(str_slice, 5) X(str_repeat, 2) X(str_contains, 2) X(str_split, 3)            \
    X(str_join, 2) X(str_strip, 3) X(str_upper, 1) X(str_lower, 1) X(str_title, 1)                 \
    X(str_startswith, 2) X(str_endswith, 2) X(str_find, 4) X(str_rfind, 4) X(str_replace, 4)       \
    X(str_count, 2) X(str_isdigit, 1) X(str_isalpha, 1) X(str_isspace, 1) X(str_zfill, 2)          \
    X(ord, 1) X(chr, 1) X(int_from_str, 2) X(float_from_str, 1) X(int_from_float, 1)              \
    X(to_str, 1) X(to_repr, 1) X(round_float, 1) X(round_float_digits, 2) X(round_int_digits, 2)   \
    X(list_slice, 5) X(list_concat, 2) X(list_repeat, 2) X(list_contains, 2) X(list_pop, 2)        \
    X(list_insert, 3) X(list_extend, 2) X(list_index, 2) X(list_count, 2) X(list_reverse, 1)       \
    X(list_clear, 1) X(dict_clear, 1)                                                            \
    X(list_sort, 2) X(list_sort_keyed, 3) X(empty_sequence, 1) X(list_copy, 1) X(list_copy_as, 1) X(list_min, 1) X(list_max, 1)                                  \
    X(dict_contains, 2) X(dict_get, 2) X(dict_get_default, 3) X(dict_pop, 2) X(dict_pop_default, 3)               \
    X(dict_setdefault, 3) X(tuple_to_list, 1) X(tuple_contains, 2)                                 \
    X(math_sqrt, 1) X(math_sin, 1) X(math_cos, 1) X(math_tan, 1) X(math_atan2, 2) X(math_exp, 1)   \
    X(math_log, 1) X(math_log_base, 2) X(math_log10, 1) X(math_floor, 1) X(math_ceil, 1)          \
    X(math_fabs, 1) X(math_pow, 2) X(math_isnan, 1) X(math_isinf, 1)                               \
    X(divmod_int, 2) X(divmod_float, 2) X(equal, 2) X(json_parse, 1)                                \
    X(set_new, 0) X(set_add, 2) X(set_remove, 2) X(set_discard, 2) X(set_pop, 1) X(set_clear, 1)      \
    X(set_update, 2) X(set_copy, 1) X(set_union, 2) X(set_intersection, 2) X(set_difference, 2)      \
    X(set_symmetric_difference, 2) X(set_intersection_update, 2) X(set_difference_update, 2)        \
    X(set_symmetric_difference_update, 2) X(set_le, 2) X(set_lt, 2) X(set_isdisjoint, 2)            \
    X(set_contains, 2) X(set_to_list, 1) X(set_reinserted, 1) X(pow_mod, 3) X(list_unpack, 2) X(set_purge, 1)  \
    X(to_json, 1) X(abort, 2)

enum class Native : std::uint16_t {
#define HOTPATH_NATIVE_ENUM(name, count) name,
    HOTPATH_NATIVES(HOTPATH_NATIVE_ENUM)
#undef HOTPATH_NATIVE_ENUM
        Count
};

NativeFunction nativeFunction(Native native);
const char *nativeName(Native native);
int nativeArgumentCount(Native native);

} // namespace hotpath::vm
