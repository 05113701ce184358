// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/session/Session.h"

#include "hotpath/lang/Checker.h"
#include "hotpath/project/Manifest.h"
#include "hotpath/project/ProjectChecker.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QMetaObject>
#include <QtCore/QPointer>

#include <thread>

namespace hotpath::session {

Session::Session(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::vector<Problem>>();
}

Session::~Session() { stop(); }

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
    std::thread([this, alive = std::weak_ptr<int>(m_alive), file, source = text.toStdString()] {
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
    }).detach();
}

bool Session::start(server::TierChoice tier, const QString &host, int port, QStringList *errors)
{
    stop();
    server::ServerOptions options;
    options.tier = tier;
    options.host = host;
    options.port = port;
    auto serving = std::make_unique<server::Server>(m_target, options);
    serving->setRequestLog([this, alive = std::weak_ptr<int>(m_alive)](const server::RequestRecord &r) {
        QString line = QStringLiteral("%1 %2 %3").arg(QString::fromStdString(r.method), QString::fromStdString(r.path)).arg(r.status);
        if (r.handled)
            line += QLatin1Char(' ') + QLatin1String(metrics::tierName(r.tier));
        line += QStringLiteral(" %1 us").arg(r.totalNs / 1000);
        if (!r.failure.empty())
            line += QStringLiteral("  ") + QString::fromStdString(r.failure);
        for (const QString &printed : QString::fromStdString(r.output).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            line += QStringLiteral("\n  | ") + printed;
        QMetaObject::invokeMethod(this, [this, alive, line] {
            if (!alive.expired())
                Q_EMIT logLine(line);
        }, Qt::QueuedConnection);
    });
    QStringList problems;
    if (!serving->start(problems)) {
        if (errors)
            *errors = problems;
        return false;
    }
    m_rolling = std::make_unique<metrics::RollingSeries>(serving->metrics(), 600);
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
        return {true, {}};
    server::ReloadResult result = m_server->reload();
    Q_EMIT logLine(result.ok ? QStringLiteral("Reloaded") : QStringLiteral("Reload failed; the previous version keeps serving"));
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

void Session::tick()
{
    if (m_rolling)
        m_rolling->tick();
}

std::vector<metrics::Point> Session::latency(const QString &series, metrics::Tier tier) const
{
    return m_rolling ? m_rolling->points(series.toStdString(), tier) : std::vector<metrics::Point>{};
}

metrics::Snapshot Session::metricsSnapshot() const { return m_server ? m_server->metrics().snapshot() : metrics::Snapshot{}; }

} // namespace hotpath::session
