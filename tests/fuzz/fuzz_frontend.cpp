// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the whole front end: lexer, parser, checker, diagnostic rendering
// and, for a program without errors, the bytecode compiler. Any input must give
// diagnostics or bytecode, never a crash, hang or sanitizer report.
#include "hotpath/lang/Checker.h"
#include "hotpath/vm/Compiler.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace hotpath;
    support::DiagnosticSink sink;
    auto program = lang::checkFile(support::SourceFile("fuzz.py", std::string(reinterpret_cast<const char *>(data), size)),
                                   sink);
    std::size_t total = 0;
    for (const support::Diagnostic &diagnostic : sink.diagnostics())
        total += support::formatDiagnostic(program->file, diagnostic).size();
    // Every error must have been counted, and a program with no errors must have
    // given every expression a type.
    if (sink.hasErrors() != (sink.errorCount() > 0) || (total == 0 && sink.hasErrors()))
        __builtin_trap();
    if (!sink.hasErrors() && program) {
        const vm::CompileResult compiled = vm::compileProgram(*program);
        if (!compiled.module && compiled.error.empty())
            __builtin_trap(); // no bytecode and no reason
    }
    return 0;
}
