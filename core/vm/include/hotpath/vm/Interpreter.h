// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs compiled bytecode. Frames live on a heap-allocated register stack, so Hotpath
// recursion never consumes native stack and deep recursion ends in RecursionError, not
// a crash. An Interpreter holds no per-call state: many threads may call into one
// module at once, each with its own Context.

#include "hotpath/runtime/Context.h"
#include "hotpath/vm/Bytecode.h"

#include <string>
#include <vector>

namespace hotpath::vm {

struct CallResult
{
    bool ok = false;
    Slot value{0}; // owned by the caller when the return type is an object
    runtime::ErrorKind error = runtime::ErrorKind::None;
    std::string errorClass; // as Python names it: "ValueError", or a program's own "NotFound"
    bool errorIsLimit = false; // raised by the deadline, cancellation or the memory cap
    int httpStatus = 0;        // an HTTPException's status (hotpath.abort)
    const runtime::ExceptionClass *exceptionClass = nullptr; // the uncaught exception's class
    std::string argsRepr;      // what repr() of it shows between the parentheses
    std::string message;
    int line = 0;
};

// Runs the module's constant initialiser once; afterwards the constants are immortal
// and shared by every call.
CallResult initialiseModule(Module &module, runtime::Context &context);

// Calls function `index` with arguments (objects borrowed).
CallResult callFunction(const Module &module, int index, const std::vector<Slot> &args, runtime::Context &context);
// The same without deadline polls, overflow and bounds checks: only to measure what they
// cost (bench/safety-checks.sh). A wrong program may then crash the process.
CallResult callFunctionUnchecked(const Module &module, int index, const std::vector<Slot> &args, runtime::Context &context);

// The instruction listing of one function: `hotpath dump --bytecode`.
std::string disassemble(const Module &module, const Function &function);

// Checks the module's bytecode against the opcode table's operand kinds (Bytecode.h):
// empty when every instruction is well formed, else what is wrong and where.
std::string verify(const Module &module);

} // namespace hotpath::vm
