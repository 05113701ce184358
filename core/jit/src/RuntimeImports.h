// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The runtime functions JIT-compiled code calls, listed once. Lowering declares each in
// the IR with a type derived from its C++ declaration (so a signature can never drift
// from the function it calls), the engine binds each name to its address, and the
// facade (Loader.cpp) keeps the executable's ones linked in. All have C linkage.

#include "CallState.h"

#include "hotpath/runtime/Exceptions.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/vm/Operations.h"

// X(namespace, name): functions the executable exports (-rdynamic) for the module.
#define HOTPATH_JIT_EXECUTABLE_IMPORTS(X)                                                                      \
    X(vm, hp_op_pow_int) X(vm, hp_op_div_int) X(vm, hp_op_floordiv_float) X(vm, hp_op_mod_float)               \
    X(vm, hp_op_pow_float) X(vm, hp_op_compare_int_float) X(vm, hp_op_format) X(vm, hp_op_unbound)            \
    X(vm, hp_op_assert_fail) X(vm, hp_op_raise) X(vm, hp_op_str_next) X(vm, hp_op_dict_next)                  \
    X(vm, hp_op_new_list) X(vm, hp_op_new_dict) X(vm, hp_op_new_tuple) X(vm, hp_op_release)                   \
    X(vm, hp_op_retain_shared) X(vm, hp_op_store_object) X(vm, hp_op_store_state)                              \
    X(runtime, hp_truthy) X(runtime, hp_equal) X(runtime, hp_compare) X(runtime, hp_len)                      \
    X(runtime, hp_str_concat) X(runtime, hp_str_append) X(runtime, hp_list_append)                            \
    X(runtime, hp_dict_get_item) X(runtime, hp_dict_set) X(runtime, hp_exc_new) X(runtime, hp_exc_take)       \
    X(runtime, hp_exc_match) X(runtime, hp_exc_raise) X(runtime, hp_exc_name)

// X(namespace, name): functions of the JIT module itself (Engine.cpp).
#define HOTPATH_JIT_MODULE_IMPORTS(X)                                                                          \
    X(jit, hp_jit_poll) X(jit, hp_jit_fail_at) X(jit, hp_jit_print) X(jit, hp_jit_recursion)

#define HOTPATH_JIT_IMPORTS(X) HOTPATH_JIT_EXECUTABLE_IMPORTS(X) HOTPATH_JIT_MODULE_IMPORTS(X)

namespace hotpath::jit {

enum class Import : unsigned char {
#define HOTPATH_JIT_IMPORT_ENUM(ns, name) name,
    HOTPATH_JIT_IMPORTS(HOTPATH_JIT_IMPORT_ENUM)
#undef HOTPATH_JIT_IMPORT_ENUM
        Count
};

} // namespace hotpath::jit
