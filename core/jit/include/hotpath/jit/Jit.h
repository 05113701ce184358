// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The JIT tier: a compiled program version, native code from LLVM 19's ORC JIT.
//
// compile() lowers every function of an initialised bytecode module (see core/vm) to
// LLVM IR, optimises it and links it into a JITDylib of its own. The result is
// immutable and callable from any number of threads at once; it keeps the bytecode
// module alive (its constants and types are referenced from the native code) and frees
// its code when the last shared_ptr to it goes, so a server can swap versions while
// calls on the old one finish.

#include "hotpath/runtime/Context.h"
#include "hotpath/vm/Bytecode.h"
#include "hotpath/vm/Interpreter.h"

#include <cstddef>
#include <future>
#include <memory>
#include <string>
#include <vector>

namespace hotpath::jit {

enum class OptLevel { O0, O1, O2, O3 };

struct CompileOptions
{
    OptLevel opt = OptLevel::O2;
    // Keep the IR before and after optimisation and the object code, for code views,
    // and emit debug info (source lines) into the code, which costs compile time.
    bool keepCodeViews = false;
    // False only to measure what the safety checks cost (`hotpath run --unchecked`): no
    // deadline or cancel polls, no overflow checks on + - *, no list bounds checks. A
    // wrong program may then crash the process; the server never compiles this way.
    bool safetyChecks = true;
};

// One line of a code view, with the handler source line it comes from (0: none).
struct CodeLine
{
    int sourceLine = 0;
    std::string text;
};
using CodeView = std::vector<CodeLine>;
std::string toText(const CodeView &view);

struct FunctionStats
{
    std::string name;
    int irInstructions = 0;          // before optimisation
    int optimisedIrInstructions = 0; // after
    std::size_t machineCodeBytes = 0;
    double optimiseMs = 0; // the optimisation pipeline's time on this function
};

struct ProgramStats
{
    double lowerMs = 0;    // bytecode to IR
    double optimiseMs = 0; // IR pipeline
    double codegenMs = 0;  // machine code and linking
    double totalMs = 0;
    std::vector<FunctionStats> functions;
};

class Program
{
public:
    virtual ~Program() = default;
    virtual const vm::Module &module() const = 0;
    virtual const ProgramStats &stats() const = 0;
    virtual OptLevel optLevel() const = 0;

    // Calls function `index` (arguments borrowed), as vm::callFunction does.
    virtual vm::CallResult call(int index, const std::vector<runtime::Slot> &args, runtime::Context &context) const = 0;

    // Code views (empty unless compiled with keepCodeViews).
    virtual CodeView ir(int index) const = 0;
    virtual CodeView optimisedIr(int index) const = 0;
    virtual CodeView assembly(int index) const = 0;
};

struct CompileResult
{
    std::shared_ptr<const Program> program;
    std::string error;
};

// `module` must have been initialised (vm::initialiseModule): its constants are folded
// into the native code.
CompileResult compile(std::shared_ptr<const vm::Module> module, const CompileOptions &options = {});

// The same, on a thread of its own: the caller keeps serving (in the interpreter) while
// the native code is built.
std::future<CompileResult> compileAsync(std::shared_ptr<const vm::Module> module, const CompileOptions &options = {});

bool parseOptLevel(const std::string &text, OptLevel &out);

} // namespace hotpath::jit
