// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Compiles a checked program (core/lang's Program, with no errors) to bytecode.

#include "hotpath/lang/Program.h"
#include "hotpath/vm/Bytecode.h"

#include <memory>
#include <string>

namespace hotpath::vm {

struct CompileResult
{
    std::unique_ptr<Module> module;
    std::string error; // set when a construct cannot be compiled yet
    int errorLine = 0;
};

CompileResult compileProgram(const lang::Program &program);

} // namespace hotpath::vm
