// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/Version.h"

#include "hotpath/project/ProjectChecker.h"
#include "hotpath/runtime/Context.h"
#include "hotpath/vm/Compiler.h"
#include "hotpath/vm/Interpreter.h"
#include "hotpath/vm/StateTransfer.h"

#include <QtCore/QFileInfo>

#include <chrono>
#include <shared_mutex>

namespace hotpath::server {

std::shared_ptr<Version> Version::build(const QString &target, const BuildOptions &options, metrics::Registry *metrics,
                                        QStringList &errors)
{
    const auto start = std::chrono::steady_clock::now();
    auto version = std::make_shared<Version>();
    const QFileInfo info(target);
    if (info.isDir()) {
        project::ManifestResult manifest = project::readManifest(target);
        if (!manifest.manifest) {
            errors << manifest.error;
            return nullptr;
        }
        version->m_settings = manifest.manifest->server;
        version->m_name = manifest.manifest->name;
    } else {
        version->m_name = info.fileName();
    }

    project::CheckReport report;
    project::checkTarget(target, report);
    errors << report.projectErrors;
    for (const auto &file : report.files) {
        if (!file->readError.isEmpty())
            errors << file->readError;
        if (file->program)
            for (const support::Diagnostic &d : file->diagnostics.diagnostics())
                if (d.severity == support::Severity::Error)
                    errors << QString::fromStdString(support::formatDiagnostic(file->program->file, d));
    }
    if (!errors.isEmpty() || report.errorCount() > 0) {
        if (errors.isEmpty())
            errors << QStringLiteral("%1: the project has errors").arg(target);
        return nullptr;
    }

    for (auto &checked : report.files) {
        VersionFile file;
        file.path = checked->path;
        file.name = QFileInfo(checked->path).fileName().toStdString();
        file.program = std::move(checked->program);
        vm::CompileResult compiled = vm::compileProgram(*file.program);
        if (!compiled.module) {
            errors << QStringLiteral("%1:%2: error: %3").arg(file.path).arg(compiled.errorLine).arg(QString::fromStdString(compiled.error));
            return nullptr;
        }
        file.module = std::move(compiled.module);
        file.module->path = file.name;
        runtime::Context context;
        const vm::CallResult init = vm::initialiseModule(*file.module, context);
        if (!init.ok) {
            errors << QStringLiteral("%1:%2: error: computing the module constants raised %3: %4")
                          .arg(file.path)
                          .arg(init.line)
                          .arg(QLatin1String(runtime::errorName(init.error)), QString::fromStdString(init.message));
            return nullptr;
        }
        version->m_files.push_back(std::move(file));
    }
    version->m_bytecodeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    for (std::size_t f = 0; f < version->m_files.size(); ++f) {
        const lang::Program &program = *version->m_files[f].program;
        for (std::size_t e = 0; e < program.endpoints.size(); ++e) {
            const lang::EndpointInfo &endpoint = *program.endpoints[e];
            Route route;
            route.methods = endpoint.methods;
            route.pattern = endpoint.path;
            route.file = static_cast<int>(f);
            route.endpoint = static_cast<int>(e);
            while (program.functions[static_cast<std::size_t>(route.function)].get() != endpoint.function)
                ++route.function;
            std::string key;
            for (const std::string &method : endpoint.methods)
                key += (key.empty() ? "" : ",") + method;
            version->m_series.push_back(metrics ? metrics->series(key + " " + endpoint.path) : nullptr);
            version->m_routes.add(std::move(route));
        }
    }
    // Native code for every file, each on a thread of its own: the version serves with
    // the interpreter meanwhile.
    if (options.compileJit) {
        jit::CompileOptions jitOptions;
        jitOptions.opt = options.opt;
        for (VersionFile &file : version->m_files)
            file.jit = jit::compileAsync(file.module, jitOptions).share();
    }
    return version;
}

const jit::Program *Version::jitProgram(int file, bool wait, std::string *error) const
{
    const VersionFile &f = m_files[static_cast<std::size_t>(file)];
    if (!f.jit.valid())
        return nullptr;
    if (!wait && f.jit.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return nullptr;
    const jit::CompileResult &result = f.jit.get();
    if (!result.program && error)
        *error = result.error;
    return result.program.get();
}

bool Version::jitReady() const
{
    for (const VersionFile &f : m_files)
        if (!f.jit.valid() || f.jit.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return false;
    return true;
}

double Version::jitCompileMs() const
{
    double slowest = 0;
    for (const VersionFile &f : m_files) {
        if (!f.jit.valid() || f.jit.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return 0;
        if (f.jit.get().program)
            slowest = std::max(slowest, f.jit.get().program->stats().totalMs);
    }
    return slowest;
}

std::vector<StateVariable> Version::stateSnapshot(std::chrono::milliseconds wait, bool *busy) const
{
    std::vector<StateVariable> variables;
    if (busy)
        *busy = false;
    for (const VersionFile &file : m_files) {
        vm::ModuleState *state = file.module->state.get();
        if (!state)
            continue;
        std::shared_lock lock(state->lock, std::defer_lock);
        if (!lock.try_lock_until(std::chrono::system_clock::now() + wait)) { // see dispatch() for the clock
            if (busy)
                *busy = true;
            continue;
        }
        for (std::size_t k = 0; k < state->slots.size(); ++k) {
            if (!state->isState(k))
                continue;
            StateVariable variable;
            variable.file = QString::fromStdString(file.name);
            variable.name = QString::fromStdString(state->names[k]);
            variable.type = QString::fromStdString(vm::describeType(state->types[k]));
            variable.summary = QString::fromStdString(vm::summariseValue(state->slots[k], state->types[k]));
            variable.preview = QString::fromStdString(vm::previewValue(state->slots[k], state->types[k], 400));
            variables.push_back(std::move(variable));
        }
    }
    return variables;
}

} // namespace hotpath::server
