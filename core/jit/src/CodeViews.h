// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Code views of JIT-compiled functions: IR listings and native disassembly, each line
// tagged with the handler source line it comes from (from the debug locations the
// lowering attaches to every instruction).

#include "hotpath/jit/Jit.h"

#include <llvm/IR/Function.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstdint>
#include <map>
#include <string>

namespace hotpath::jit {

CodeView functionView(const llvm::Function &function);

struct ObjectSymbol
{
    std::size_t size = 0;
    std::uint64_t sectionOffset = 0; // the symbol's address inside its section
    std::uint64_t sectionIndex = 0;
};
std::map<std::string, ObjectSymbol> objectSymbols(const llvm::MemoryBuffer &object);

// Disassembles `size` bytes of linked code at `address`; with the object it came from,
// each instruction gets its source line from the object's DWARF line table.
CodeView disassemble(std::uint64_t address, std::size_t size, const llvm::MemoryBuffer *object, const ObjectSymbol *symbol);

} // namespace hotpath::jit
