// SPDX-License-Identifier: GPL-3.0-or-later
// ORC LLJIT setup and compiled program versions.
//
// One LLJIT per code-generation level, created on first use and shared by every
// program compiled at that level. Runtime functions live in a JITDylib of their own as
// absolute symbols; each program version gets a fresh JITDylib linked against it, and
// removing that dylib when the version's last user lets go frees its code.
#include "hotpath/jit/Jit.h"

#include "CallState.h"
#include "CodeViews.h"
#include "Lowering.h"

#include "hotpath/runtime/Format.h"

#include <llvm/ExecutionEngine/Orc/Debugging/DebuggerSupport.h>
#include <llvm/ExecutionEngine/Orc/ExecutorProcessControl.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/TaskDispatch.h>
#include <llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h>
#include <llvm/ExecutionEngine/Orc/ObjectTransformLayer.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/PassInstrumentation.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>

namespace hotpath::jit {

using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int instructionCount(const llvm::Function &f)
{
    int n = 0;
    for (const llvm::BasicBlock &block : f)
        n += static_cast<int>(block.size());
    return n;
}

// What one compilation records while ORC runs its layers on the compiling thread.
struct Capture
{
    bool keepViews = false;
    OptLevel level = OptLevel::O2;
    double optimiseMs = 0;
    std::map<std::string, int> before, after;
    std::map<std::string, double> functionOptimiseMs;
    std::map<std::string, CodeView> irBefore, irAfter;
    std::unique_ptr<llvm::MemoryBuffer> object;
};
// Captures by module name ("hotpath.v7"): ORC runs the layers' transforms on its own
// threads, so the compile that asked for them is found by name, not by thread.
class Captures
{
public:
    void add(const std::string &name, Capture *capture)
    {
        std::lock_guard lock(m_mutex);
        m_byName[name] = capture;
    }
    void remove(const std::string &name)
    {
        std::lock_guard lock(m_mutex);
        m_byName.erase(name);
    }
    // The object buffers of a module are named "<module>-jitted-objectbuffer".
    Capture *find(llvm::StringRef name)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_byName.find(name.split("-jitted").first.str());
        return it == m_byName.end() ? nullptr : it->second;
    }

private:
    std::mutex m_mutex;
    std::map<std::string, Capture *> m_byName;
};
Captures captures;

llvm::OptimizationLevel passLevel(OptLevel level)
{
    switch (level) {
    case OptLevel::O0: return llvm::OptimizationLevel::O0;
    case OptLevel::O1: return llvm::OptimizationLevel::O1;
    case OptLevel::O2: return llvm::OptimizationLevel::O2;
    case OptLevel::O3: return llvm::OptimizationLevel::O3;
    }
    return llvm::OptimizationLevel::O2;
}

llvm::CodeGenOptLevel codegenLevel(OptLevel level)
{
    switch (level) {
    case OptLevel::O0: return llvm::CodeGenOptLevel::None;
    case OptLevel::O1: return llvm::CodeGenOptLevel::Less;
    case OptLevel::O2: return llvm::CodeGenOptLevel::Default;
    case OptLevel::O3: return llvm::CodeGenOptLevel::Aggressive;
    }
    return llvm::CodeGenOptLevel::Default;
}

void optimise(llvm::Module &module, llvm::TargetMachine *machine, Capture &capture)
{
    for (const llvm::Function &f : module)
        if (!f.isDeclaration()) {
            capture.before[f.getName().str()] = instructionCount(f);
            if (capture.keepViews)
                capture.irBefore[f.getName().str()] = functionView(f);
        }
    const auto start = Clock::now();
    llvm::PassInstrumentationCallbacks callbacks;
    // Time spent in function passes, per handler function.
    std::map<std::string, Clock::time_point> running;
    callbacks.registerBeforeNonSkippedPassCallback([&](llvm::StringRef, llvm::Any ir) {
        if (const auto *const *f = llvm::any_cast<const llvm::Function *>(&ir))
            running[(*f)->getName().str()] = Clock::now();
    });
    callbacks.registerAfterPassCallback([&](llvm::StringRef, llvm::Any ir, const llvm::PreservedAnalyses &) {
        if (const auto *const *f = llvm::any_cast<const llvm::Function *>(&ir)) {
            auto it = running.find((*f)->getName().str());
            if (it != running.end())
                capture.functionOptimiseMs[it->first] += msSince(it->second);
        }
    });
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PassBuilder builder(machine, llvm::PipelineTuningOptions(), std::nullopt, &callbacks);
    builder.registerModuleAnalyses(mam);
    builder.registerCGSCCAnalyses(cgam);
    builder.registerFunctionAnalyses(fam);
    builder.registerLoopAnalyses(lam);
    builder.crossRegisterProxies(lam, fam, cgam, mam);
    llvm::ModulePassManager passes = capture.level == OptLevel::O0 ? builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
                                                                   : builder.buildPerModuleDefaultPipeline(passLevel(capture.level));
    passes.run(module, mam);
    capture.optimiseMs = msSince(start);
    for (const llvm::Function &f : module)
        if (!f.isDeclaration()) {
            capture.after[f.getName().str()] = instructionCount(f);
            if (capture.keepViews)
                capture.irAfter[f.getName().str()] = functionView(f);
        }
}

class Engine
{
public:
    explicit Engine(OptLevel level) : m_level(level)
    {
        static std::once_flag targets;
        std::call_once(targets, [] {
            // A developer hook: LLVM's own options (-time-passes, -debug-pass-manager, ...).
            if (const char *options = std::getenv("HOTPATH_LLVM_OPTIONS")) {
                std::vector<std::string> words{"hotpath"};
                std::istringstream split(options);
                for (std::string word; split >> word;)
                    words.push_back(word);
                std::vector<const char *> argv;
                for (const std::string &word : words)
                    argv.push_back(word.c_str());
                llvm::cl::ParseCommandLineOptions(static_cast<int>(argv.size()), argv.data());
            }
            llvm::InitializeNativeTarget();
            llvm::InitializeNativeTargetAsmPrinter();
            llvm::InitializeNativeTargetDisassembler();
        });
        auto machineBuilder = llvm::cantFail(llvm::orc::JITTargetMachineBuilder::detectHost());
        machineBuilder.setCodeGenOptLevel(codegenLevel(level));
        m_machineBuilder = machineBuilder;
        // Programs compile on several threads at once (compileAsync, one per file and
        // version): concurrent compilation gives each compile a target machine of its own.
        // Materialisation runs in place, on the thread that asked for the code, so ORC
        // starts no threads of its own (none outlive a compile, none race process exit).
        auto control = llvm::cantFail(
            llvm::orc::SelfExecutorProcessControl::Create(nullptr, std::make_unique<llvm::orc::InPlaceTaskDispatcher>()));
        m_jit = llvm::cantFail(llvm::orc::LLJITBuilder()
                                   .setJITTargetMachineBuilder(machineBuilder)
                                   .setExecutorProcessControl(std::move(control))
                                   .setSupportConcurrentCompilation(true)
                                   .create());
        if (std::getenv("HOTPATH_GDB")) {
            // The GDB JIT interface: gdb then shows handler names in backtraces.
            if (llvm::Error error = llvm::orc::enableDebuggerSupport(*m_jit))
                llvm::consumeError(std::move(error));
        }
        m_runtime = &llvm::cantFail(m_jit->createJITDylib("hotpath.runtime"));
        llvm::orc::SymbolMap symbols;
        for (const auto &[name, address] : runtimeSymbols())
            symbols[m_jit->mangleAndIntern(name)] = {llvm::orc::ExecutorAddr(address),
                                                     llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
        llvm::cantFail(m_runtime->define(llvm::orc::absoluteSymbols(std::move(symbols))));
        m_jit->getIRTransformLayer().setTransform(
            [this](llvm::orc::ThreadSafeModule module, llvm::orc::MaterializationResponsibility &) -> llvm::Expected<llvm::orc::ThreadSafeModule> {
                Capture fallback;
                Capture *found = nullptr;
                module.withModuleDo([&](llvm::Module &m) { found = captures.find(m.getModuleIdentifier()); });
                Capture &capture = found ? *found : fallback;
                // One target machine for the pipeline's cost models, made once: making
                // one costs as much as optimising a small handler.
                std::lock_guard lock(m_optimiseMutex);
                if (!m_machine) {
                    auto machine = m_machineBuilder.createTargetMachine();
                    if (!machine)
                        return machine.takeError();
                    m_machine = std::move(*machine);
                }
                module.withModuleDo([&](llvm::Module &m) { optimise(m, m_machine.get(), capture); });
                return module;
            });
        m_jit->getObjTransformLayer().setTransform([](std::unique_ptr<llvm::MemoryBuffer> object) -> llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> {
            if (Capture *capture = captures.find(object->getBufferIdentifier()))
                capture->object = llvm::MemoryBuffer::getMemBufferCopy(object->getBuffer(), object->getBufferIdentifier());
            return object;
        });
    }

    llvm::orc::LLJIT &jit() { return *m_jit; }
    llvm::orc::JITDylib &runtime() { return *m_runtime; }
    OptLevel level() const { return m_level; }

    static Engine &forLevel(OptLevel level)
    {
        static std::mutex mutex;
        static std::map<OptLevel, std::unique_ptr<Engine>> engines;
        std::lock_guard lock(mutex);
        auto &engine = engines[level];
        if (!engine)
            engine = std::make_unique<Engine>(level);
        return *engine;
    }

private:
    OptLevel m_level;
    llvm::orc::JITTargetMachineBuilder m_machineBuilder{llvm::Triple()};
    std::unique_ptr<llvm::orc::LLJIT> m_jit;
    llvm::orc::JITDylib *m_runtime = nullptr;
    std::mutex m_optimiseMutex;
    std::unique_ptr<llvm::TargetMachine> m_machine;
};

// The lowest address JIT code may push frames down to on this thread: the stack's end
// plus room for the runtime functions it calls.
std::uintptr_t stackLimit()
{
    thread_local std::uintptr_t limit = [] {
        pthread_attr_t attributes;
        void *low = nullptr;
        std::size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attributes) != 0)
            return std::uintptr_t{0};
        pthread_attr_getstack(&attributes, &low, &size);
        pthread_attr_destroy(&attributes);
        const std::size_t margin = std::min<std::size_t>(size / 4, 256 * 1024);
        return reinterpret_cast<std::uintptr_t>(low) + margin;
    }();
    return limit;
}

using EntryFunction = void (*)(CallState *, const runtime::Slot *, runtime::Slot *);

void writePerfMap(const std::vector<std::pair<std::string, std::pair<std::uint64_t, std::size_t>>> &symbols)
{
    // perf's convention for JIT code: /tmp/perf-PID.map, "START SIZE name" in hex.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    const std::string path = "/tmp/perf-" + std::to_string(getpid()) + ".map";
    if (FILE *file = std::fopen(path.c_str(), "a")) {
        for (const auto &[name, where] : symbols)
            std::fprintf(file, "%llx %zx %s\n", static_cast<unsigned long long>(where.first), where.second, name.c_str());
        std::fclose(file);
    }
}

class ProgramImpl final : public Program
{
public:
    ProgramImpl(std::shared_ptr<const vm::Module> module, Engine &engine, OptLevel level)
        : m_module(std::move(module)), m_engine(engine), m_level(level)
    {
    }

    ~ProgramImpl() override
    {
        if (m_dylib)
            if (llvm::Error error = m_engine.jit().getExecutionSession().removeJITDylib(*m_dylib))
                llvm::consumeError(std::move(error));
    }

    std::string build(const CompileOptions &options)
    {
        static std::atomic<int> versions{0};
        const auto start = Clock::now();
        llvm::orc::LLJIT &jit = m_engine.jit();
        const std::string name = "hotpath.v" + std::to_string(++versions);
        auto dylib = jit.createJITDylib(name);
        if (!dylib)
            return llvm::toString(dylib.takeError());
        m_dylib = &*dylib;
        m_dylib->addToLinkOrder(m_engine.runtime());

        auto context = std::make_unique<llvm::LLVMContext>();
        std::unique_ptr<llvm::Module> ir;
        try {
            ir = lowerModule(*m_module, *context, name, options.keepCodeViews || std::getenv("HOTPATH_GDB"), options.safetyChecks);
        } catch (const std::exception &error) {
            return error.what();
        }
        ir->setDataLayout(jit.getDataLayout());
        ir->setTargetTriple(jit.getTargetTriple().str());
        m_stats.lowerMs = msSince(start);

        Capture capture;
        capture.keepViews = options.keepCodeViews;
        capture.level = m_level;
        captures.add(name, &capture);
        struct Unregister
        {
            std::string name;
            ~Unregister() { captures.remove(name); }
        } unregister{name};
        if (llvm::Error error = jit.addIRModule(*m_dylib, llvm::orc::ThreadSafeModule(std::move(ir), std::move(context))))
            return llvm::toString(std::move(error));
        const int count = static_cast<int>(m_module->functions.size()) - 1;
        std::vector<std::pair<std::string, std::pair<std::uint64_t, std::size_t>>> perfSymbols;
        for (int i = 0; i < count; ++i) {
            auto entry = jit.lookup(*m_dylib, entrySymbol(*m_module, i));
            if (!entry)
                return llvm::toString(entry.takeError());
            m_entries.push_back(entry->toPtr<EntryFunction>());
        }
        m_stats.optimiseMs = capture.optimiseMs;
        m_stats.totalMs = msSince(start);
        m_stats.codegenMs = m_stats.totalMs - m_stats.lowerMs - m_stats.optimiseMs;

        const std::map<std::string, ObjectSymbol> symbols = capture.object ? objectSymbols(*capture.object) : std::map<std::string, ObjectSymbol>{};
        for (int i = 0; i < count; ++i) {
            const std::string symbol = functionSymbol(*m_module, i);
            FunctionStats stats;
            stats.name = m_module->functions[static_cast<std::size_t>(i)].name;
            stats.irInstructions = capture.before[symbol];
            stats.optimisedIrInstructions = capture.after[symbol];
            stats.optimiseMs = capture.functionOptimiseMs[symbol];
            auto found = symbols.find(symbol);
            std::uint64_t address = 0;
            m_symbols.push_back(found != symbols.end() ? found->second : ObjectSymbol{});
            if (found != symbols.end()) {
                stats.machineCodeBytes = found->second.size;
                if (auto linked = jit.lookup(*m_dylib, symbol))
                    address = linked->getValue();
                else
                    llvm::consumeError(linked.takeError());
            }
            m_addresses.push_back(address);
            if (address)
                perfSymbols.push_back({"hotpath:" + stats.name, {address, stats.machineCodeBytes}});
            if (options.keepCodeViews) {
                m_ir.push_back(capture.irBefore[symbol]);
                m_irOpt.push_back(capture.irAfter[symbol]);
            }
            m_stats.functions.push_back(std::move(stats));
        }
        if (options.keepCodeViews)
            m_object = std::move(capture.object);
        if (std::getenv("HOTPATH_PERF_MAP"))
            writePerfMap(perfSymbols);
        return {};
    }

    const vm::Module &module() const override { return *m_module; }
    const ProgramStats &stats() const override { return m_stats; }
    OptLevel optLevel() const override { return m_level; }

    vm::CallResult call(int index, const std::vector<runtime::Slot> &args, runtime::Context &context) const override
    {
        vm::CallResult result;
        runtime::CurrentContext current(&context);
        std::string print;
        CallState state{&context,
                        context.errorAddress(),
                        context.pollCountdownAddress(),
                        context.limits().maxDepth,
                        stackLimit(),
                        &print};
        runtime::Slot out{0};
        if (context.limits().maxDepth < 1)
            context.raise(runtime::ErrorKind::RecursionError, "maximum recursion depth exceeded");
        else
            m_entries[static_cast<std::size_t>(index)](&state, args.data(), &out);
        if (context.failed()) {
            result.error = context.error();
            result.errorClass = context.errorClassName();
            result.errorIsLimit = context.errorIsLimit();
            result.httpStatus = context.errorHttpStatus();
            result.exceptionClass = context.errorClass();
            result.argsRepr = runtime::pendingArgsRepr(context);
            result.message = context.message();
            result.line = context.errorLine();
            return result;
        }
        result.ok = true;
        result.value = out;
        return result;
    }

    CodeView ir(int index) const override { return index < static_cast<int>(m_ir.size()) ? m_ir[static_cast<std::size_t>(index)] : CodeView{}; }
    CodeView optimisedIr(int index) const override
    {
        return index < static_cast<int>(m_irOpt.size()) ? m_irOpt[static_cast<std::size_t>(index)] : CodeView{};
    }
    CodeView assembly(int index) const override
    {
        const auto i = static_cast<std::size_t>(index);
        if (i >= m_addresses.size() || !m_addresses[i])
            return {};
        return disassemble(m_addresses[i], m_stats.functions[i].machineCodeBytes, m_object.get(), &m_symbols[i]);
    }

private:
    std::shared_ptr<const vm::Module> m_module;
    Engine &m_engine;
    OptLevel m_level;
    llvm::orc::JITDylib *m_dylib = nullptr;
    std::vector<EntryFunction> m_entries;
    std::vector<std::uint64_t> m_addresses;
    std::vector<ObjectSymbol> m_symbols;
    std::vector<CodeView> m_ir, m_irOpt;
    std::unique_ptr<llvm::MemoryBuffer> m_object;
    ProgramStats m_stats;
};

} // namespace

extern "C" {

bool hp_jit_poll(CallState *state) { return state->context->pollSlow(); }

void hp_jit_fail_at(CallState *state, std::int32_t line) { state->context->setErrorLine(line); }

void hp_jit_print(CallState *state, runtime::Slot value, const runtime::TypeDesc *type, std::int64_t flush)
{
    runtime::appendStr(*state->print, value, type);
    if (flush) {
        state->context->write(state->print->data(), state->print->size());
        state->print->clear();
    }
}

void hp_jit_recursion(CallState *state)
{
    state->context->raise(runtime::ErrorKind::RecursionError, "maximum recursion depth exceeded");
}

} // extern "C"

// The module's one entry point, looked up by Loader.cpp after dlopen.
extern "C" void hotpath_jit_compile(std::shared_ptr<const vm::Module> module, const CompileOptions &options,
                                    CompileResult &result)
{
    Engine &engine = Engine::forLevel(options.opt);
    auto program = std::make_shared<ProgramImpl>(std::move(module), engine, options.opt);
    result.error = program->build(options);
    if (result.error.empty())
        result.program = std::move(program);
}

} // namespace hotpath::jit
