// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Bytecode to LLVM IR. The bytecode is already typed and register allocated, so each
// instruction becomes a few IR instructions on stack slots (one per register) that
// LLVM's SROA turns into SSA values: numbers live in machine registers, objects are
// counted inline, and everything else calls the same runtime functions the interpreter
// calls. One IR function per handler function, plus an entry wrapper with a uniform
// signature for calls from C++.

#include "hotpath/vm/Bytecode.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace hotpath::jit {

// The name of function `index` in IR and in the JIT's symbol table; perf and gdb
// show it.
std::string functionSymbol(const vm::Module &module, int index);
std::string entrySymbol(const vm::Module &module, int index);

// Runtime functions the generated code calls, by symbol name.
const std::map<std::string, std::uint64_t> &runtimeSymbols();

// Lowers every function except the module-constant initialiser (which the interpreter
// runs once before compilation; its results are folded in as constants). Debug info
// (a source line on every instruction) feeds code views and gdb; it costs compile time
// (a third on a one-function file), so it is optional.
// `safetyChecks` false drops deadline polls, overflow and bounds checks: for measuring
// their cost only, never for serving (a wrong program may then crash the process).
std::unique_ptr<llvm::Module> lowerModule(const vm::Module &module, llvm::LLVMContext &context, const std::string &name, bool debugInfo,
                                          bool safetyChecks = true);

} // namespace hotpath::jit
