// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP server: QtHttpServer on N socket threads, each with its own listening socket
// on the same port (SO_REUSEPORT) and its own event loop, and a pool of handler threads
// apart from them (HandlerPool), so a handler that runs long holds up no other
// connection. A connection stays on the socket thread the kernel gave it; its answers
// are written there (HttpFront), in order, and only while the client is still there.
//
// Requests are dispatched through the current Version, swapped atomically by reload():
// a request keeps the version it started with; a version with errors never replaces a
// working one.

#include "hotpath/metrics/Metrics.h"
#include "hotpath/server/Dispatch.h"
#include "hotpath/server/RequestGuard.h"
#include "hotpath/server/Version.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class QThread;

namespace hotpath::server {

struct ConnectionLimits;
class HandlerPool;

struct ServerOptions
{
    QString host;              // empty: the project's (127.0.0.1 by default)
    int port = -1;             // -1: the project's (8080); 0: any free port
    std::optional<TierChoice> tier; // empty: the project's
    int threads = 1;           // socket threads
    int handlerThreads = 0; // handler threads kept ready for new requests; 0: one per core
    // Threads added while handlers run long (past 2 ms) so quick requests still find one.
    int maxHandlerThreads = 64;
    jit::OptLevel opt = jit::OptLevel::O2;
    // Request bodies above this are refused with 413, from Content-Length before any is read.
    std::int64_t maxBodyBytes = 1 << 20;
    // The request line and headers above this are refused with 431.
    std::int64_t maxHeaderBytes = 64 * 1024;
    // A request must arrive whole within this (408 otherwise); an idle keep-alive
    // connection is closed after the other.
    std::chrono::milliseconds requestTimeout{10'000};
    std::chrono::milliseconds idleTimeout{30'000};
    // Connections open at once over all workers; more are answered 503 and closed.
    int maxConnections = 1000;
    // Browser pages of these origins may call the endpoints (CORS; "*" for any): their
    // POST/PUT/PATCH/DELETE pass the cross-origin guard, preflights are answered and the
    // answers name the origin. Empty: off, as browsers default to.
    std::vector<std::string> corsOrigins;
    std::vector<std::string> corsHeaders{"Content-Type"};
    int corsMaxAgeSeconds = 600;
    // Off only to measure what recording costs.
    bool recordMetrics = true;
    runtime::Limits limits = DispatchOptions::defaultLimits();

    int resolvedHandlerThreads() const;
};

// A project's settings (hotpath.json "server") as options: what `hotpath serve` and the
// studio start from before their own flags. Host, port and tier stay unset, so the
// project's are taken when the server starts (a reload may change them).
ServerOptions optionsFromSettings(const project::ServerSettings &settings);
// The settings of the project at `target` (a folder), or defaults for a single file or a
// manifest that does not read (start() then reports why).
ServerOptions optionsForTarget(const QString &target);

// One line of the access log.
struct RequestRecord
{
    std::string method;
    std::string path;
    int status = 0;
    bool handled = false;
    metrics::Tier tier = metrics::Tier::Interp;
    std::int64_t totalNs = 0;
    std::int64_t handlerNs = 0;
    std::string output;  // the handler's print() output
    std::string failure; // a handler error
};

struct ReloadResult
{
    bool ok = false;
    QStringList errors;
    // What happened to each module-level state variable: "app.py: HITS kept (3 entries)",
    // "app.py: TODOS reset: its type changed from list[int] to list[str]".
    QStringList stateChanges;
    // Those of stateChanges that lost data (resets, dropped names), and the warning when
    // some values were kept and others reset: what the studio puts in front of the user.
    QStringList stateLosses;
};

class Server
{
public:
    Server(QString target, ServerOptions options);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // Builds the first version and starts listening; false with `errors` otherwise.
    bool start(QStringList &errors);
    // Stops accepting and lets each worker finish the request it is running.
    void stop();

    quint16 port() const { return m_port; }
    QString url() const;
    std::shared_ptr<const Version> current() const { return std::atomic_load(&m_version); }
    metrics::Registry &metrics() { return m_metrics; }
    TierChoice tier() const { return m_dispatch.tier; }

    // Compiles the target again; on success new requests go to the new version.
    ReloadResult reload();

    // Called on worker threads for every request (must be thread-safe).
    void setRequestLog(std::function<void(const RequestRecord &)> log) { m_log = std::move(log); }

    // For the handler pool's threads: `slot` picks the metrics shard; the request's whole
    // time counts from `received`; `cancelled` stops the handler when the client has gone.
    void serve(int slot, const HttpRequest &request, HttpResponse &response, std::chrono::steady_clock::time_point received,
               const std::atomic<bool> *cancelled = nullptr);
    // Built-in paths, unknown methods and requests no route takes: answered by serve() on the
    // socket thread itself, without a handler thread, so they stay quick however busy those are.
    bool answersWithoutHandler(const HttpRequest &request) const;
    // A request answered before any handler (the connection guard's refusals, a full queue).
    void logRefusal(const GuardVerdict &verdict);

private:
    class Worker;
    static void moveModuleState(const Version &from, const Version &to, ReloadResult &result);
    ConnectionLimits connectionLimits() const;

    QString m_target;
    ServerOptions m_options;
    DispatchOptions m_dispatch;
    metrics::Registry m_metrics;
    std::shared_ptr<const Version> m_version;
    std::mutex m_reloadMutex;
    std::unique_ptr<HandlerPool> m_pool;
    std::vector<std::unique_ptr<Worker>> m_workers;
    QString m_host;
    bool m_loopback = true;
    quint16 m_port = 0;
    std::atomic<int> m_openConnections{0};
    std::function<void(const RequestRecord &)> m_log;
};

} // namespace hotpath::server
