// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/session/Session.h"

#include "hotpath/lang/Checker.h"
#include "hotpath/project/Manifest.h"
#include "hotpath/project/ProjectChecker.h"
#include "hotpath/vm/Compiler.h"
#include "hotpath/vm/Interpreter.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QMetaObject>
#include <QtCore/QPointer>
#include <QtCore/QRegularExpression>

#include <chrono>
#include <future>

namespace hotpath::session {

Session::Session(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::vector<Problem>>();
    qRegisterMetaType<CodeViews>();
}

Session::~Session()
{
    stop();
    m_alive.reset(); // results still on their way are dropped
    for (std::future<void> &job : m_jobs)
        job.wait();
}

// Work off the GUI thread that the Session waits for when it goes (a compile must not
// outlive the JIT engine it uses).
void Session::background(std::function<void()> job)
{
    std::erase_if(m_jobs, [](const std::future<void> &f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    m_jobs.push_back(std::async(std::launch::async, std::move(job)));
}

bool Session::open(const QString &target, QString *error)
{
    stop();
    const QFileInfo info(target);
    m_files.clear();
    if (info.isDir()) {
        const project::ManifestResult manifest = project::readManifest(target);
        if (!manifest.manifest) {
            if (error)
                *error = manifest.error;
            return false;
        }
        m_name = manifest.manifest->name;
        for (const QString &file : manifest.manifest->files)
            m_files << QDir(target).absoluteFilePath(file);
    } else if (info.isFile()) {
        m_name = info.fileName();
        m_files << info.absoluteFilePath();
    } else {
        if (error)
            *error = target + QStringLiteral(": no such project folder or file");
        return false;
    }
    m_target = info.absoluteFilePath();
    loadEndpoints();
    return true;
}

void Session::loadEndpoints()
{
    m_endpoints.clear();
    for (const QString &path : m_files) {
        std::unique_ptr<project::CheckedFile> checked = project::checkHandlerFile(path, QFileInfo(path).fileName());
        if (!checked->program)
            continue;
        for (const auto &endpoint : checked->program->endpoints) {
            EndpointRow row;
            QStringList methods;
            for (const std::string &m : endpoint->methods)
                methods << QString::fromStdString(m);
            row.methods = methods.join(QLatin1Char(','));
            row.path = QString::fromStdString(endpoint->path);
            row.function = QString::fromStdString(endpoint->function->name);
            row.file = path;
            row.line = checked->program->file.lineColumn(endpoint->span.begin).line;
            row.seriesName = row.methods + QLatin1Char(' ') + row.path;
            m_endpoints.push_back(row);
        }
    }
}

void Session::check(const QString &file, const QString &text)
{
    // Checking is fast (a few ms) but never on the GUI thread: typing must not stutter.
    background([this, alive = std::weak_ptr<int>(m_alive), file, source = text.toStdString()] {
        support::DiagnosticSink sink;
        auto program = lang::checkFile(support::SourceFile(QFileInfo(file).fileName().toStdString(), source), sink);
        std::vector<Problem> problems;
        for (const support::Diagnostic &d : sink.diagnostics()) {
            const auto begin = program->file.lineColumn(d.span.begin);
            const auto end = program->file.lineColumn(d.span.end);
            Problem p;
            p.file = file;
            p.line = begin.line;
            p.column = begin.column;
            p.endColumn = end.line == begin.line ? end.column : begin.column + 1;
            p.message = QString::fromStdString(d.message);
            problems.push_back(p);
        }
        if (alive.expired())
            return;
        QMetaObject::invokeMethod(this, [this, alive, file, problems] {
            if (!alive.expired())
                Q_EMIT problemsChecked(file, problems);
        }, Qt::QueuedConnection);
    });
}

namespace {

CodeViews buildViews(const QString &file, const std::string &source, int line)
{
    CodeViews views;
    views.file = file;
    views.line = line;
    support::DiagnosticSink sink;
    auto program = lang::checkFile(support::SourceFile(QFileInfo(file).fileName().toStdString(), source), sink);
    if (sink.hasErrors()) {
        views.error = QStringLiteral("Fix the problems in %1 to see its compiled code.").arg(QFileInfo(file).fileName());
        return views;
    }
    // The function whose definition starts last at or above the line.
    int index = -1, best = 0;
    for (std::size_t k = 0; k < program->functions.size(); ++k) {
        const int defLine = program->file.lineColumn(program->functions[k]->decl->span.begin).line;
        if (defLine <= line && defLine >= best) {
            best = defLine;
            index = static_cast<int>(k);
        }
    }
    if (index < 0) {
        views.error = QStringLiteral("Put the cursor in a function to see its compiled code.");
        return views;
    }
    views.function = QString::fromStdString(program->functions[static_cast<std::size_t>(index)]->name);
    vm::CompileResult compiled = vm::compileProgram(*program);
    if (!compiled.module) {
        views.error = QString::fromStdString(compiled.error);
        return views;
    }
    std::shared_ptr<vm::Module> module = std::move(compiled.module);
    // The interpreter's listing: "line N" leads each instruction line.
    const std::string listing = vm::disassemble(*module, module->functions[static_cast<std::size_t>(index)]);
    for (const QString &text : QString::fromStdString(listing).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        static const QRegularExpression lineColumn(QStringLiteral("\\bline (\\d+)"));
        const QRegularExpressionMatch match = lineColumn.match(text);
        views.bytecode.push_back({match.hasMatch() ? match.captured(1).toInt() : 0, text.toStdString()});
    }
    runtime::Context context;
    if (!vm::initialiseModule(*module, context).ok) {
        views.error = QStringLiteral("The module constants raise an error.");
        return views;
    }
    jit::CompileOptions options;
    options.keepCodeViews = true;
    const jit::CompileResult native = jit::compile(module, options);
    if (!native.program) {
        views.error = QString::fromStdString(native.error);
        return views;
    }
    views.ir = native.program->optimisedIr(index);
    views.assembly = native.program->assembly(index);
    const jit::FunctionStats &stats = native.program->stats().functions[static_cast<std::size_t>(index)];
    views.stats = QStringLiteral("%1(): JIT compile %2 ms for the file · %3 → %4 IR instructions · %5 bytes of x86-64")
                      .arg(views.function)
                      .arg(native.program->stats().totalMs, 0, 'f', 1)
                      .arg(stats.irInstructions)
                      .arg(stats.optimisedIrInstructions)
                      .arg(stats.machineCodeBytes);
    if (views.assembly.empty())
        views.assembly.push_back({0, "; inlined into its callers: no code of its own"});
    return views;
}

} // namespace

void Session::compileViews(const QString &file, const QString &text, int line)
{
    background([this, alive = std::weak_ptr<int>(m_alive), file, source = text.toStdString(), line] {
        CodeViews views = buildViews(file, source, line);
        if (alive.expired())
            return;
        QMetaObject::invokeMethod(this, [this, alive, views = std::move(views)] {
            if (!alive.expired())
                Q_EMIT codeViewsReady(views);
        }, Qt::QueuedConnection);
    });
}

bool Session::start(server::TierChoice tier, const QString &host, int port, QStringList *errors)
{
    stop();
    server::ServerOptions options = server::optionsForTarget(m_target);
    options.tier = tier;
    options.host = host;
    options.port = port;
    auto serving = std::make_unique<server::Server>(m_target, options);
    serving->setRequestLog([this](const server::RequestRecord &r) {
        QString line = QStringLiteral("%1 %2 %3").arg(QString::fromStdString(r.method), QString::fromStdString(r.path)).arg(r.status);
        if (r.handled)
            line += QLatin1Char(' ') + QLatin1String(metrics::tierName(r.tier));
        line += QStringLiteral(" %1 us").arg(r.totalNs / 1000);
        if (!r.failure.empty())
            line += QStringLiteral("  ") + QString::fromStdString(r.failure);
        for (const QString &printed : QString::fromStdString(r.output).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            line += QStringLiteral("\n  | ") + printed;
        std::lock_guard lock(m_logMutex);
        m_pendingLog << line;
    });
    QStringList problems;
    if (!serving->start(problems)) {
        if (errors)
            *errors = problems;
        return false;
    }
    m_rolling = std::make_unique<metrics::RollingSeries>(serving->metrics(), 600);
    m_baseline = {};
    m_server = std::move(serving);
    Q_EMIT logLine(QStringLiteral("Serving %1 on %2").arg(m_name, url()));
    Q_EMIT runningChanged(true);
    return true;
}

void Session::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_rolling.reset();
    m_server.reset();
    Q_EMIT logLine(QStringLiteral("Stopped"));
    Q_EMIT runningChanged(false);
}

QString Session::url() const { return m_server ? m_server->url() : QString(); }

server::ReloadResult Session::reload()
{
    loadEndpoints();
    if (!m_server)
        return {true, {}, {}, {}};
    server::ReloadResult result = m_server->reload();
    Q_EMIT logLine(result.ok ? QStringLiteral("Reloaded") : QStringLiteral("Reload failed; the previous version keeps serving"));
    for (const QString &change : result.stateChanges)
        Q_EMIT logLine(QStringLiteral("  state ") + change);
    return result;
}

QString Session::jitStatus() const
{
    if (!m_server)
        return {};
    const auto version = m_server->current();
    if (!version->jitReady())
        return QStringLiteral("JIT compiling…");
    return QStringLiteral("JIT ready in %1 ms").arg(static_cast<int>(version->jitCompileMs()));
}

std::vector<server::StateVariable> Session::stateSnapshot(bool *busy) const
{
    if (busy)
        *busy = false;
    if (!m_server)
        return {};
    return m_server->current()->stateSnapshot(std::chrono::milliseconds(5), busy);
}

double Session::jitCompileMs() const { return m_server ? m_server->current()->jitCompileMs() : 0; }

void Session::tick()
{
    if (m_rolling)
        m_rolling->tick();
    QStringList lines;
    {
        std::lock_guard lock(m_logMutex);
        lines.swap(m_pendingLog);
    }
    if (!lines.isEmpty())
        Q_EMIT logLines(lines);
}

std::vector<metrics::Point> Session::latency(const QString &series, metrics::Tier tier) const
{
    return m_rolling ? m_rolling->points(series.toStdString(), tier) : std::vector<metrics::Point>{};
}

metrics::Snapshot Session::metricsSnapshot() const
{
    if (!m_server)
        return {};
    metrics::Snapshot now = m_server->metrics().snapshot();
    // Series keep their order and are never removed: the baseline's k-th is now's k-th.
    for (std::size_t k = 0; k < m_baseline.series.size() && k < now.series.size(); ++k)
        for (std::size_t t = 0; t < now.series[k].tiers.size(); ++t)
            now.series[k].tiers[t].subtract(m_baseline.series[k].tiers[t]);
    return now;
}

void Session::clearMetrics()
{
    if (!m_server)
        return;
    m_baseline = m_server->metrics().snapshot();
    m_rolling->clear();
}

} // namespace hotpath::session
