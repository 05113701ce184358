// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The facade the studio talks to: one open project, its files and endpoints, checking
// as the user types (off the GUI thread), the embedded server (Run/Stop, reload on save),
// the access log and the rolling latency series. Signals arrive on the thread that owns
// the Session (the GUI thread); nothing here blocks it for long.

#include "hotpath/metrics/Rolling.h"
#include "hotpath/server/Server.h"

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

namespace hotpath::session {

struct Problem
{
    QString file; // absolute path
    int line = 0; // 1-based
    int column = 0;
    int endColumn = 0;
    QString message;
};

// The compiled forms of one function, for the studio's compiled view.
struct CodeViews
{
    QString file;
    int line = 0;       // the cursor's line they were asked for
    QString function;   // empty when the cursor is in no function
    QString error;      // why there are no views (the file has errors, ...)
    jit::CodeView bytecode; // the interpreter's listing, each line with its source line
    jit::CodeView ir;       // LLVM IR after the -O2 pipeline
    jit::CodeView assembly; // x86-64 of the JIT-compiled function
    QString stats;          // "JIT 41 ms · 120 IR instructions · 612 bytes"
};

struct EndpointRow
{
    QString methods; // "GET,POST"
    QString path;    // "/fib/<int:n>"
    QString function;
    QString file;
    int line = 0;
    QString seriesName; // the metrics series: "GET /fib/<int:n>"
};

class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Opens a project folder (hotpath.json) or one .py file; false with a reason.
    bool open(const QString &target, QString *error = nullptr);
    QString target() const { return m_target; }
    QString projectName() const { return m_name; }
    QStringList files() const { return m_files; } // absolute paths
    std::vector<EndpointRow> endpoints() const { return m_endpoints; }
    // Reads the endpoints from the files on disk again (after a save added or changed some).
    void refreshEndpoints() { loadEndpoints(); }

    // Checks `text` as the content of `file` on a worker thread; problemsChecked() follows.
    void check(const QString &file, const QString &text);

    // Compiles `text` as `file` in both tiers on a worker thread and picks the function
    // around `line`; codeViewsReady() follows.
    void compileViews(const QString &file, const QString &text, int line);

    // The server: Run and Stop. start() compiles the saved files.
    bool start(server::TierChoice tier, const QString &host, int port, QStringList *errors);
    void stop();
    bool running() const { return static_cast<bool>(m_server); }
    QString url() const;
    // Compiles the saved files again; while running, the new version serves at once.
    server::ReloadResult reload();
    // "JIT ready in 41 ms", "JIT compiling…", or empty when stopped.
    QString jitStatus() const;
    double jitCompileMs() const; // 0 until the JIT is ready

    // The running server's module-level state (empty when stopped). Waits at most a few
    // milliseconds for a handler that is changing it; `busy` then says the snapshot
    // leaves that file out.
    std::vector<server::StateVariable> stateSnapshot(bool *busy = nullptr) const;

    // Appends one 100 ms point to every latency series (the studio's timer calls it), and
    // hands over the access log lines of the requests served since (logLines).
    void tick();
    std::vector<metrics::Point> latency(const QString &series, metrics::Tier tier) const;
    // The server's figures since start or the last clearMetrics().
    metrics::Snapshot metricsSnapshot() const;
    // Starts the latency series and the figures above from zero (the server's own
    // /metrics keeps counting: Prometheus counters never go back).
    void clearMetrics();

Q_SIGNALS:
    void problemsChecked(const QString &file, const std::vector<hotpath::session::Problem> &problems);
    void codeViewsReady(const hotpath::session::CodeViews &views);
    void logLine(const QString &line);
    // The requests served in the last tick, one line each: batched, because one signal per
    // request at 14,000 requests a second kept the GUI thread busy for 100-360 ms at a time.
    void logLines(const QStringList &lines);
    void runningChanged(bool running);

private:
    void loadEndpoints();
    void background(std::function<void()> job);

    QString m_target;
    QString m_name;
    QStringList m_files;
    std::vector<EndpointRow> m_endpoints;
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<metrics::RollingSeries> m_rolling;
    metrics::Snapshot m_baseline; // what clearMetrics() saw
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); // guards queued callbacks after destruction
    std::mutex m_logMutex; // the server's threads add lines, tick() takes them
    QStringList m_pendingLog;
    std::vector<std::future<void>> m_jobs;
};

} // namespace hotpath::session

Q_DECLARE_METATYPE(std::vector<hotpath::session::Problem>)
Q_DECLARE_METATYPE(hotpath::session::CodeViews)
