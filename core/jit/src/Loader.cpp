// SPDX-License-Identifier: GPL-3.0-or-later
// The JIT facade linked into every executable. LLVM itself lives in a module
// (libhotpath-jit.so) that is loaded on the first compile: libLLVM costs 45 MB of
// resident memory and 90 ms of start-up in relocations alone, which a process that only
// interprets (`hotpath run --tier interp`, `hotpath check`) should not pay. The module
// resolves the runtime functions it calls against this executable, which exports them
// (-rdynamic), so both tiers share one runtime, one Context per thread, one heap.
#include "hotpath/jit/Jit.h"

#include "RuntimeImports.h"

#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/vm/Natives.h"
#include "hotpath/vm/Operations.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <vector>

namespace hotpath::jit {

namespace {

using CompileFunction = void (*)(std::shared_ptr<const vm::Module>, const CompileOptions &, CompileResult &);

// Everything the module imports from the executable, referenced here so that the linker
// keeps it in every executable that links the facade (static libraries only contribute
// the objects something refers to). A missing one would fail dlopen, not a call.
[[gnu::used]] void keepModuleImports(runtime::Context &context, std::string &text)
{
    static const void *const functions[] = {
#define HOTPATH_JIT_IMPORT_ADDRESS(ns, name) reinterpret_cast<const void *>(&ns::name),
        HOTPATH_JIT_EXECUTABLE_IMPORTS(HOTPATH_JIT_IMPORT_ADDRESS)
#undef HOTPATH_JIT_IMPORT_ADDRESS
        reinterpret_cast<const void *>(&vm::nativeName), reinterpret_cast<const void *>(&vm::nativeFunction),
        reinterpret_cast<const void *>(&runtime::Context::current), reinterpret_cast<const void *>(&runtime::Context::setCurrent),
    };
    (void)functions;
    context.raise(runtime::ErrorKind::None, text);
    (void)context.pollSlow();
    runtime::appendStr(text, runtime::Slot{0}, nullptr);
}

std::string executableDirectory()
{
    std::vector<char> buffer(4096);
    const ssize_t size = readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (size <= 0)
        return ".";
    std::string path(buffer.data(), static_cast<std::size_t>(size));
    return path.substr(0, path.rfind('/'));
}

// The module, found (in order) where HOTPATH_JIT_MODULE says, in the installed layout
// (bin/../lib/hotpath/), and in the build tree it was built in.
CompileFunction loadModule(std::string &error)
{
    static std::mutex mutex;
    static CompileFunction compile = nullptr;
    static std::string loadError;
    std::lock_guard lock(mutex);
    if (compile || !loadError.empty()) {
        error = loadError;
        return compile;
    }
    std::vector<std::string> candidates;
    if (const char *path = std::getenv("HOTPATH_JIT_MODULE"))
        candidates.emplace_back(path);
    candidates.push_back(executableDirectory() + "/../lib/hotpath/libhotpath-jit.so");
    candidates.emplace_back(HOTPATH_JIT_BUILD_MODULE);
    std::string tried;
    for (const std::string &candidate : candidates) {
        if (access(candidate.c_str(), R_OK) != 0) {
            tried += "\n  " + candidate + ": not found";
            continue;
        }
        // Never closed: compiled programs keep code and vtables of the module.
        void *handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            tried += "\n  " + candidate + ": " + dlerror();
            continue;
        }
        compile = reinterpret_cast<CompileFunction>(dlsym(handle, "hotpath_jit_compile"));
        if (compile)
            return compile;
        tried += "\n  " + candidate + ": no hotpath_jit_compile in it";
    }
    loadError = "the JIT module (libhotpath-jit.so) could not be loaded; set HOTPATH_JIT_MODULE to its path:" + tried;
    error = loadError;
    return nullptr;
}

} // namespace

CompileResult compile(std::shared_ptr<const vm::Module> module, const CompileOptions &options)
{
    CompileResult result;
    CompileFunction function = loadModule(result.error);
    if (function)
        function(std::move(module), options, result);
    return result;
}

std::future<CompileResult> compileAsync(std::shared_ptr<const vm::Module> module, const CompileOptions &options)
{
    return std::async(std::launch::async, [module = std::move(module), options] { return compile(module, options); });
}

std::string toText(const CodeView &view)
{
    std::string text;
    for (const CodeLine &line : view) {
        text += line.text;
        text += '\n';
    }
    return text;
}

bool parseOptLevel(const std::string &text, OptLevel &out)
{
    static const std::map<std::string, OptLevel> levels{{"0", OptLevel::O0}, {"1", OptLevel::O1}, {"2", OptLevel::O2}, {"3", OptLevel::O3}};
    auto it = levels.find(text);
    if (it == levels.end())
        return false;
    out = it->second;
    return true;
}

} // namespace hotpath::jit
