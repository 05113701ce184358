// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The per-call state JIT-compiled code receives as its first argument. Its layout is
// read by the generated code (see Lowering.cpp's field indices): change both together.

#include "hotpath/runtime/Context.h"
#include "hotpath/runtime/Value.h"

#include <cstdint>
#include <string>

namespace hotpath::jit {

struct CallState
{
    runtime::Context *context;
    const runtime::ErrorKind *error; // non-zero once the call has failed
    int *pollCountdown;              // the Context's: both tiers poll at the same ticks
    std::int64_t maxDepth;           // frames, as the interpreter counts them; the depth itself
                                     // is every JIT function's second argument
    std::uintptr_t stackLimit;       // below this, a call raises RecursionError
    std::string *print;              // print()'s pending line
};

enum CallStateField { StateContext, StateError, StatePollCountdown, StateMaxDepth, StateStackLimit, StatePrint };

extern "C" {
bool hp_jit_poll(CallState *state);
void hp_jit_fail_at(CallState *state, std::int32_t line);
void hp_jit_print(CallState *state, runtime::Slot value, const runtime::TypeDesc *type, std::int64_t flush);
void hp_jit_recursion(CallState *state);
}

} // namespace hotpath::jit
