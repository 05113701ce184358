// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The native behind each built-in, from the built-in table's last column (Builtins.h).
// Native::Count: compiled to opcodes or chosen by argument type instead.
#include "hotpath/lang/Builtins.h"
#include "hotpath/vm/Natives.h"

namespace hotpath::vm {

inline Native nativeOf(lang::Builtin id)
{
    static constexpr Native natives[] = {
        Native::Count,
#define HOTPATH_BUILTIN_FUNCTION_NATIVE(id, name, native) Native::native,
        HOTPATH_BUILTIN_FUNCTIONS(HOTPATH_BUILTIN_FUNCTION_NATIVE)
#undef HOTPATH_BUILTIN_FUNCTION_NATIVE
#define HOTPATH_BUILTIN_METHOD_NATIVE(id, receiver, name, params, result, flags, native) Native::native,
        HOTPATH_BUILTIN_METHODS(HOTPATH_BUILTIN_METHOD_NATIVE)
#undef HOTPATH_BUILTIN_METHOD_NATIVE
    };
    static_assert(std::size(natives) == static_cast<std::size_t>(lang::Builtin::Count));
    return natives[static_cast<std::size_t>(id)];
}

} // namespace hotpath::vm
