// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One compiled version of a project: every file checked and compiled to bytecode (ready
// at once), its JIT code compiling on threads of its own (ready later), and the route
// table over all files' endpoints. Immutable once built, apart from the JIT becoming
// ready; requests hold a shared_ptr to the version they started on, so a hot reload
// never pulls code from under a running handler.

#include "hotpath/jit/Jit.h"
#include "hotpath/lang/Program.h"
#include "hotpath/metrics/Metrics.h"
#include "hotpath/project/Manifest.h"
#include "hotpath/server/Routes.h"
#include "hotpath/vm/Bytecode.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hotpath::server {

struct VersionFile
{
    QString path;        // as given (project folder + name)
    std::string name;    // file name, for error bodies ("app.py")
    std::unique_ptr<lang::Program> program;
    std::shared_ptr<vm::Module> module;
    std::shared_future<jit::CompileResult> jit;
};

// One module-level state variable of a running version, for the studio's State view.
struct StateVariable
{
    QString file;
    QString name;
    QString type;    // dict[str, Todo]
    QString summary; // 3 entries
    QString preview; // repr, cut
};

struct BuildOptions
{
    jit::OptLevel opt = jit::OptLevel::O2;
    bool compileJit = true;
};

class Version
{
public:
    // Builds a version from a project folder (with hotpath.json) or a single .py file.
    // On failure returns null and fills `errors` with diagnostics ("file:line:col: error:
    // message"), so a failed reload can say why the old version keeps serving.
    static std::shared_ptr<Version> build(const QString &target, const BuildOptions &options, metrics::Registry *metrics,
                                          QStringList &errors);

    const RouteTable &routes() const { return m_routes; }
    const std::vector<VersionFile> &files() const { return m_files; }
    const project::ServerSettings &settings() const { return m_settings; }
    const QString &name() const { return m_name; }
    double bytecodeMs() const { return m_bytecodeMs; }
    // The series each route records into (same index as routes()).
    metrics::Series *series(std::size_t route) const { return route < m_series.size() ? m_series[route] : nullptr; }

    // The JIT code of file `file`, or null: when it is not ready (unless `wait`) or could
    // not be compiled (then `error` says why).
    const jit::Program *jitProgram(int file, bool wait, std::string *error = nullptr) const;
    bool jitReady() const;
    double jitCompileMs() const; // wall time of the slowest file's compile; 0 until ready
    // Every file's state variables as they are now, read under the state's lock when it
    // can be had within `wait` (a writer may hold it); `busy` says when it could not, and
    // that file is left out. For the studio's State view: it never blocks long.
    std::vector<StateVariable> stateSnapshot(std::chrono::milliseconds wait, bool *busy = nullptr) const;
    // The OpenAPI document of this version (OpenApi.h), made on first use and kept.
    const std::string &openApiJson() const;

private:
    std::vector<VersionFile> m_files;
    RouteTable m_routes;
    std::vector<metrics::Series *> m_series;
    project::ServerSettings m_settings;
    QString m_name;
    double m_bytecodeMs = 0;
    mutable std::once_flag m_openApiOnce;
    mutable std::string m_openApi;
};

} // namespace hotpath::server
