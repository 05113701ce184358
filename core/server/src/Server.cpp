// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/Server.h"

#include "hotpath/vm/StateTransfer.h"

#include "ConnectionGuard.h"
#include "HandlerPool.h"
#include "HttpFront.h"
#include "hotpath/server/HttpWire.h"
#include "hotpath/runtime/Json.h"
#include "hotpath/support/Text.h"

#include <QtCore/QFileInfo>
#include <QtCore/QThread>
#include <QtCore/QUrlQuery>
#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtHttpServer/QHttpServerResponse>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <future>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace hotpath::server {

namespace {

using Clock = std::chrono::steady_clock;

// CORS (off unless the project lists origins): an answer to a page of a listed origin
// names that origin, so the browser lets the page read it; a preflight (OPTIONS with
// Access-Control-Request-Method) for a route gets 204 with what the page may do.
void answerCors(const ServerOptions &options, const HttpRequest &request, HttpResponse &response)
{
    const std::string *origin = options.corsOrigins.empty() ? nullptr : request.header("Origin");
    if (!origin)
        return;
    std::string lowered = *origin;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool any = std::find(options.corsOrigins.begin(), options.corsOrigins.end(), "*") != options.corsOrigins.end();
    if (!any && std::find(options.corsOrigins.begin(), options.corsOrigins.end(), lowered) == options.corsOrigins.end()) {
        // Not listed: no CORS headers, so the browser keeps the answer from the page; the
        // answer still varies by Origin, which caches must know.
        response.headers.emplace_back("Vary", "Origin");
        return;
    }
    if (request.method == "OPTIONS" && request.header("Access-Control-Request-Method") && response.status == 200) {
        std::string methods;
        for (const auto &[name, value] : response.headers)
            if (name == "Allow")
                methods = value;
        std::string headers;
        for (const std::string &header : options.corsHeaders)
            headers += (headers.empty() ? "" : ", ") + header;
        response.status = 204;
        response.body.clear();
        response.headers.emplace_back("Access-Control-Allow-Methods", methods);
        if (!headers.empty())
            response.headers.emplace_back("Access-Control-Allow-Headers", headers);
        response.headers.emplace_back("Access-Control-Max-Age", std::to_string(options.corsMaxAgeSeconds));
    }
    response.headers.emplace_back("Access-Control-Allow-Origin", any ? "*" : *origin);
    if (!any)
        response.headers.emplace_back("Vary", "Origin");
}

// /healthz, /metrics and /openapi.json: answered by the server itself, before any route.
bool isBuiltInPath(const std::string &path) { return path == "/healthz" || path == "/openapi.json" || path == "/metrics"; }

bool isKnownMethod(const std::string &method)
{
    for (const char *known : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
        if (method == known)
            return true;
    return false;
}

// A listening socket that other threads may open on the same port (SO_REUSEPORT):
// QTcpServer 6.4 cannot set that option itself, but adopts a descriptor.
int makeListener(const QHostAddress &address, quint16 &port, QString &error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        length = sizeof *in6;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *in4;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, 1024) != 0) {
        error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    if (port == 0) {
        length = sizeof storage;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length);
        port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    }
    return fd;
}

} // namespace

// A thread with its own event loop, QTcpServer (on the shared port) and HttpFront.
class Server::Worker final : public QThread
{
public:
    Worker(Server &server, int fd) : m_server(server), m_fd(fd) {}

    bool started() { return m_ready.get_future().get(); }

protected:
    void run() override
    {
        HttpFront front(m_server, *m_server.m_pool);
        auto *listener = new GuardedListener(m_server.connectionLimits(), m_server.m_openConnections,
                                             [this](const GuardVerdict &verdict) { m_server.logRefusal(verdict); });
        if (!listener->setSocketDescriptor(m_fd)) {
            delete listener;
            m_ready.set_value(false);
            return;
        }
        front.bind(listener); // the front owns it from here
        // After the front's own slot, which takes each new socket and connects its readyRead.
        QObject::connect(listener, &QTcpServer::pendingConnectionAvailable, listener, &GuardedListener::connectionsTaken);
        m_ready.set_value(true);
        exec();
    }

private:
    Server &m_server;
    int m_fd;
    std::promise<bool> m_ready;
};

int ServerOptions::resolvedHandlerThreads() const
{
    if (handlerThreads > 0)
        return handlerThreads;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

Server::Server(QString target, ServerOptions options)
    : m_target(std::move(target)), m_options(std::move(options)), m_metrics(m_options.resolvedHandlerThreads())
{
    m_dispatch.limits = m_options.limits;
}

Server::~Server() { stop(); }

bool Server::start(QStringList &errors)
{
    BuildOptions build;
    build.opt = m_options.opt;
    std::shared_ptr<const Version> version = Version::build(m_target, build, &m_metrics, errors);
    if (!version)
        return false;
    std::atomic_store(&m_version, version);
    const project::ServerSettings &settings = version->settings();
    m_host = m_options.host.isEmpty() ? settings.host : m_options.host;
    int port = m_options.port >= 0 ? m_options.port : settings.port;
    if (m_options.tier)
        m_dispatch.tier = *m_options.tier;
    else
        m_dispatch.tier = settings.tier == project::DefaultTier::Jit           ? TierChoice::Jit
                          : settings.tier == project::DefaultTier::Interpreter ? TierChoice::Interp
                                                                               : TierChoice::Auto;
    QHostAddress address;
    if (m_host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(m_host)) {
        errors << QStringLiteral("--host: '%1' is not an IP address").arg(m_host);
        return false;
    }
    m_loopback = address.isLoopback();
    // Every connection is a descriptor: make sure the process may hold max_connections of
    // them (Debian's default soft limit is 1,024) rather than failing accept() below the cap.
    if (rlimit files{}; ::getrlimit(RLIMIT_NOFILE, &files) == 0) {
        const auto wanted = static_cast<rlim_t>(m_options.maxConnections) + 256;
        if (files.rlim_cur < wanted) {
            files.rlim_cur = std::min(wanted, files.rlim_max);
            ::setrlimit(RLIMIT_NOFILE, &files);
        }
    }
    HandlerPool::Options pool;
    pool.threads = m_options.resolvedHandlerThreads();
    pool.maxThreads = std::max(pool.threads, m_options.maxHandlerThreads);
    m_pool = std::make_unique<HandlerPool>(pool);
    auto chosen = static_cast<quint16>(port);
    for (int k = 0; k < std::max(1, m_options.threads); ++k) {
        QString error;
        const int fd = makeListener(address, chosen, error);
        if (fd < 0) {
            errors << QStringLiteral("cannot listen on %1:%2: %3").arg(m_host).arg(chosen).arg(error);
            stop();
            return false;
        }
        auto worker = std::make_unique<Worker>(*this, fd);
        worker->start();
        if (!worker->started()) {
            errors << QStringLiteral("cannot serve on %1:%2").arg(m_host).arg(chosen);
            worker->wait();
            stop();
            return false;
        }
        m_workers.push_back(std::move(worker));
    }
    m_port = chosen;
    return true;
}

void Server::stop()
{
    // Handlers that run finish first (their answers go to sockets still open); requests
    // that wait for a thread are dropped with their connections.
    if (m_pool)
        m_pool->stop();
    for (auto &worker : m_workers)
        worker->quit();
    for (auto &worker : m_workers)
        worker->wait();
    m_workers.clear();
    m_pool.reset();
}

QString Server::url() const
{
    const QString host = m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    return QStringLiteral("http://%1:%2/").arg(host).arg(m_port);
}

ReloadResult Server::reload()
{
    std::lock_guard lock(m_reloadMutex);
    ReloadResult result;
    BuildOptions build;
    build.opt = m_options.opt;
    std::shared_ptr<const Version> version = Version::build(m_target, build, &m_metrics, result.errors);
    if (!version)
        return result;
    const std::shared_ptr<const Version> previous = current();
    // The new version's state stays locked until the old values have moved in, so its
    // first requests never see the initial values.
    std::vector<std::unique_lock<std::shared_timed_mutex>> newStates;
    for (const VersionFile &file : version->files())
        if (file.module->state)
            newStates.emplace_back(file.module->state->lock);
    std::atomic_store(&m_version, version);
    if (previous)
        moveModuleState(*previous, *version, result);
    result.ok = true;
    return result;
}

// Under each old state's lock, once the requests using it are done; requests that were
// waiting for it then find it moved and run on the new version (see serve()).
void Server::moveModuleState(const Version &from, const Version &to, ReloadResult &result)
{
    for (const VersionFile &old : from.files()) {
        if (!old.module->state)
            continue;
        std::unique_lock lock(old.module->state->lock);
        const VersionFile *next = nullptr;
        for (const VersionFile &file : to.files())
            if (file.path == old.path)
                next = &file;
        vm::ModuleState none; // the new version keeps no state in this file: only its names
        if (next)
            for (const lang::ConstantInfo &constant : next->program->constants)
                none.names.push_back(constant.name);
        vm::ModuleState &target = next && next->module->state ? *next->module->state : none;
        bool kept = false, lost = false;
        for (const vm::StateChange &change : vm::moveState(*old.module->state, target)) {
            const QString line = QStringLiteral("%1: %2 %3").arg(QString::fromStdString(old.name), QString::fromStdString(change.name),
                                                                 QString::fromStdString(change.detail));
            result.stateChanges << line;
            if (change.lostData())
                result.stateLosses << line;
            kept = kept || change.kept();
            lost = lost || change.lostData();
        }
        if (kept && lost) {
            const QString warning = QStringLiteral("%1: some state was kept and some reset, so values that belong together (a store "
                                      "and its next id) may now disagree; Stop and Run the server to start all of them "
                                      "from their initial values")
                           .arg(QString::fromStdString(old.name));
            result.stateChanges << warning;
            result.stateLosses << warning;
        }
    }
}

ServerOptions optionsFromSettings(const project::ServerSettings &settings)
{
    ServerOptions options;
    options.threads = settings.threads;
    if (settings.handlerThreads > 0)
        options.handlerThreads = settings.handlerThreads;
    options.opt = static_cast<jit::OptLevel>(settings.opt);
    const project::ServerLimits &limits = settings.limits;
    options.limits.timeout = std::chrono::milliseconds(limits.timeoutMs);
    options.limits.maxMemory = limits.memoryBytes;
    options.maxBodyBytes = limits.maxBodyBytes;
    options.maxHeaderBytes = limits.maxHeaderBytes;
    options.requestTimeout = std::chrono::milliseconds(limits.requestTimeoutMs);
    options.idleTimeout = std::chrono::milliseconds(limits.idleTimeoutMs);
    options.maxConnections = limits.maxConnections;
    for (const QString &origin : settings.cors.origins)
        options.corsOrigins.push_back(origin.toLower().toStdString());
    options.corsHeaders.clear();
    for (const QString &header : settings.cors.headers)
        options.corsHeaders.push_back(header.toStdString());
    options.corsMaxAgeSeconds = settings.cors.maxAgeSeconds;
    return options;
}

ServerOptions optionsForTarget(const QString &target)
{
    if (!QFileInfo(target).isDir())
        return optionsFromSettings({});
    const project::ManifestResult manifest = project::readManifest(target);
    return optionsFromSettings(manifest.manifest ? manifest.manifest->server : project::ServerSettings{});
}

ConnectionLimits Server::connectionLimits() const
{
    ConnectionLimits limits;
    limits.request.maxHeadBytes = static_cast<std::size_t>(std::max<std::int64_t>(1024, m_options.maxHeaderBytes));
    limits.request.maxBodyBytes = m_options.maxBodyBytes;
    limits.request.loopbackOnly = m_loopback;
    limits.request.allowedOrigins = m_options.corsOrigins;
    limits.requestTimeout = m_options.requestTimeout;
    limits.idleTimeout = m_options.idleTimeout;
    limits.maxConnections = std::max(1, m_options.maxConnections);
    return limits;
}

// A request the connection guard refused never reaches serve(); the log still shows it.
void Server::logRefusal(const GuardVerdict &verdict)
{
    if (!m_log)
        return;
    RequestRecord record;
    record.method = "-";
    record.path = "(refused before routing)";
    record.status = verdict.status;
    record.failure = verdict.error + ": " + verdict.message;
    m_log(record);
}

bool Server::answersWithoutHandler(const HttpRequest &request) const
{
    if (isBuiltInPath(request.path) || !isKnownMethod(request.method))
        return true;
    return current()->routes().match(request.method, request.path).result != RouteMatch::Result::Found;
}

void Server::serve(int slot, const HttpRequest &request, HttpResponse &response, std::chrono::steady_clock::time_point received,
                   const std::atomic<bool> *cancelled)
{
    std::shared_ptr<const Version> version = current();
    // Host, Origin and the body's size were checked by the connection guard (RequestGuard)
    // before QtHttpServer read the request.
    const bool builtIn = isBuiltInPath(request.path);
    const bool reading = request.method == "GET" || request.method == "HEAD";
    if (builtIn && !reading && isKnownMethod(request.method)) {
        response.status = request.method == "OPTIONS" ? 200 : 405;
        if (response.status == 405)
            response.body = errorBody("MethodNotAllowed", request.method + " is not allowed for " + request.path + " (allowed: GET, HEAD)");
        response.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
    } else if (reading && request.path == "/healthz") {
        response.body = "{\"status\":\"ok\",\"jit\":\"" + std::string(version->jitReady() ? "ready" : "compiling") + "\"}";
    } else if (reading && request.path == "/openapi.json") {
        response.body = version->openApiJson();
    } else if (!isKnownMethod(request.method)) {
        // A method this server does not implement at all is 501, not 405 (RFC 9110 §15.6.2).
        response.status = 501;
        response.body = "{\"error\":\"NotImplemented\",\"message\":";
        runtime::appendJsonString(response.body, "the method " + request.method + " is not implemented by this server");
        response.body += '}';
    } else if (reading && request.path == "/metrics") {
        response.contentType = "text/plain; version=0.0.4; charset=utf-8";
        response.body = m_metrics.snapshot().prometheus();
    } else {
        DispatchOptions options = m_dispatch;
        options.limits.since = received;
        response = dispatch(*version, request, options, cancelled);
        // A reload moved the module state on while this request waited for it: the
        // request runs on the version that has the state now.
        for (int attempt = 0; response.stateMoved && attempt < 8; ++attempt) {
            version = current();
            response = dispatch(*version, request, options, cancelled);
        }
    }
    answerCors(m_options, request, response);
    // From the request's arrival: the wait for a handler thread counts.
    const std::int64_t totalNs = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - received).count();
    if (response.route >= 0 && m_options.recordMetrics)
        if (metrics::Series *series = version->series(static_cast<std::size_t>(response.route)))
            series->record(slot, response.tier, response.status, response.handlerNs, totalNs);
    if (m_log) {
        RequestRecord record;
        record.method = request.method;
        record.path = request.path;
        record.status = response.status;
        record.handled = response.handled;
        record.tier = response.tier;
        record.totalNs = totalNs;
        record.handlerNs = response.handlerNs;
        record.output = response.output;
        record.failure = response.failure;
        m_log(record);
    }
}

} // namespace hotpath::server
