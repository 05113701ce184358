// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpFront.h"

#include "ConnectionGuard.h"
#include "HandlerPool.h"
#include "hotpath/server/HttpWire.h"
#include "hotpath/server/Server.h"
#include "hotpath/support/Text.h"

#include <QtCore/QUrlQuery>
#include <QtHttpServer/QHttpServerRequest>
#include <QtNetwork/QTcpSocket>

#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <memory>
#include <utility>

namespace hotpath::server {

namespace {

std::string methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// A request as the front keeps it until its answer is written.
struct Pending
{
    std::shared_ptr<const HttpRequest> request;
    std::chrono::steady_clock::time_point received;
    bool keepAlive = true;
    bool http10 = false;
};

} // namespace

// One connection's requests, in order; a child of its socket, so it goes with it.
class Exchange final : public QObject
{
public:
    explicit Exchange(QTcpSocket *socket) : QObject(socket), socket(socket), guard(ConnectionGuard::of(socket)) {}
    // The client has gone: the running handler stops at its next poll.
    ~Exchange() override
    {
        if (cancel)
            cancel->store(true, std::memory_order_relaxed);
    }

    static Exchange &of(QTcpSocket *socket)
    {
        for (QObject *child : socket->children())
            if (auto *exchange = dynamic_cast<Exchange *>(child))
                return *exchange;
        return *new Exchange(socket);
    }

    std::size_t answersOwed() const { return waiting.size() + (running ? 1 : 0); }

    QTcpSocket *socket;
    ConnectionGuard *guard; // a child of the socket too: null only for a socket the listener did not make
    std::deque<Pending> waiting;
    bool running = false;
    Pending current;
    std::shared_ptr<std::atomic<bool>> cancel; // of the running handler
};

HttpFront::HttpFront(Server &server, HandlerPool &pool) : m_server(server), m_pool(pool)
{
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wakeFd < 0)
        qFatal("eventfd: %s", std::strerror(errno)); // out of descriptors at start-up: nothing could be served
    m_wakeNotifier = new QSocketNotifier(m_wakeFd, QSocketNotifier::Read, this);
    connect(m_wakeNotifier, &QSocketNotifier::activated, this, [this] {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t got = ::read(m_wakeFd, &count, sizeof count);
        writeAnswers();
    });
}

HttpFront::~HttpFront()
{
    delete m_wakeNotifier;
    ::close(m_wakeFd);
}

bool HttpFront::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The guard read this request's head first: its target as sent and what the client
    // said about the connection (QtHttpServer's QUrl misreads "//x" and keeps '+').
    Exchange &exchange = Exchange::of(socket);
    ConnectionGuard *guard = exchange.guard;
    const std::optional<RequestFacts> facts = guard ? guard->takeFacts() : std::nullopt;
    auto in = std::make_shared<HttpRequest>();
    in->method = facts ? facts->method : methodName(request.method());
    if (facts) {
        // Percent-decoded bytes, and a body, are read as Flask reads them: as UTF-8 with
        // each ill-formed sequence replaced by U+FFFD, so a str never holds broken UTF-8.
        RequestTarget target = parseTarget(facts->target);
        in->path = support::decodeUtf8Replacing(target.path);
        if (const std::size_t question = facts->target.find('?'); question != std::string::npos)
            in->rawQuery = facts->target.substr(question + 1);
        for (auto &[name, value] : target.query)
            in->query.emplace_back(support::decodeUtf8Replacing(name), support::decodeUtf8Replacing(value));
    } else {
        in->path = request.url().path(QUrl::FullyDecoded).toStdString();
        for (const auto &[name, value] : request.query().queryItems(QUrl::FullyDecoded))
            in->query.emplace_back(name.toStdString(), value.toStdString());
    }
    for (const auto &[name, value] : request.headers())
        in->headers.emplace_back(name.toStdString(), value.toStdString());
    const QByteArray body = request.body();
    in->body = support::decodeUtf8Replacing(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));

    Pending pending{std::move(in), std::chrono::steady_clock::now(), !facts || facts->keepAlive, facts && facts->http10};
    if (!exchange.running && exchange.waiting.empty() && m_server.answersWithoutHandler(*pending.request)) {
        // Nothing of this connection's is in flight, so answering now keeps the order.
        HttpResponse response;
        m_server.serve(0, *pending.request, response, pending.received);
        exchange.current = std::move(pending);
        exchange.running = true;
        finish(exchange, response);
        return true;
    }
    exchange.waiting.push_back(std::move(pending));
    if (guard)
        guard->setAnswersOwed(exchange.answersOwed());
    if (!exchange.running)
        startNext(exchange);
    return true;
}

void HttpFront::startNext(Exchange &exchange)
{
    if (exchange.waiting.empty())
        return;
    exchange.current = std::move(exchange.waiting.front());
    exchange.waiting.pop_front();
    exchange.running = true;
    exchange.cancel = std::make_shared<std::atomic<bool>>(false);
    // Only this thread looks at the pointer; the pool thread just carries it back here.
    const QPointer<Exchange> weak(&exchange);
    const bool queued = m_pool.submit([this, weak, request = exchange.current.request, received = exchange.current.received,
                                       cancel = exchange.cancel](int slot) {
        auto response = std::make_shared<HttpResponse>();
        m_server.serve(slot, *request, *response, received, cancel.get());
        handBack({weak, std::move(response)});
    });
    if (!queued) {
        HttpResponse busy;
        busy.status = 503;
        const bool stopping = m_pool.stopping();
        const std::string why = stopping ? "the server is stopping"
                                         : "every handler thread is busy and " + std::to_string(m_pool.options().maxQueued)
                                               + " requests are waiting; try again shortly";
        busy.body = errorBody(stopping ? "ServerStopping" : "ServerBusy", why);
        busy.headers.emplace_back("Retry-After", "1");
        busy.close = stopping;
        m_server.logRefusal({busy.status, stopping ? "ServerStopping" : "ServerBusy", why});
        finish(exchange, busy);
    }
}

void HttpFront::handBack(Done done)
{
    bool wake = false;
    {
        std::lock_guard lock(m_doneMutex);
        m_done.push_back(std::move(done));
        wake = !std::exchange(m_writeQueued, true);
    }
    if (wake) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t put = ::write(m_wakeFd, &one, sizeof one);
    }
}

void HttpFront::writeAnswers()
{
    std::vector<Done> done;
    {
        std::lock_guard lock(m_doneMutex);
        done.swap(m_done);
        m_writeQueued = false;
    }
    for (Done &answer : done)
        if (answer.exchange)
            finish(*answer.exchange, *answer.response);
}

void HttpFront::finish(Exchange &exchange, HttpResponse &response)
{
    exchange.running = false;
    exchange.cancel.reset();
    QTcpSocket *socket = exchange.socket;
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // closing: nobody to answer
    const Pending answered = std::move(exchange.current);
    ResponseHead head;
    head.status = response.status;
    head.contentType = response.contentType;
    head.headers = std::move(response.headers);
    head.keepAlive = answered.keepAlive && !response.close;
    head.http10 = answered.http10;
    head.headRequest = answered.request->method == "HEAD";
    socket->write(QByteArray::fromStdString(responseBytes(head, response.body, std::chrono::system_clock::now())));
    if (!head.keepAlive) {
        // Requests pipelined after one that closes the connection are not answered.
        exchange.waiting.clear();
        socket->disconnectFromHost(); // after what was written is sent
    }
    if (exchange.guard)
        exchange.guard->setAnswersOwed(exchange.answersOwed());
    startNext(exchange);
}

} // namespace hotpath::server
