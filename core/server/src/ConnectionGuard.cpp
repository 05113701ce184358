// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionGuard.h"

#include <QtCore/QTimerEvent>

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace hotpath::server {

using Clock = std::chrono::steady_clock;

GuardedListener::GuardedListener(ConnectionLimits limits, std::atomic<int> &open, RejectLog log)
    : m_limits(limits), m_open(open), m_log(std::move(log))
{
    // Timeouts are checked four times a second rather than with a timer per connection,
    // which would be restarted on every read of every request.
    m_sweep.start(250, this);
}

// The guards go first: they unregister from this listener, which their sockets (children
// of this listener, or of QtHttpServer) may outlive.
GuardedListener::~GuardedListener()
{
    for (ConnectionGuard *guard : std::vector<ConnectionGuard *>(m_guards))
        delete guard;
}

void GuardedListener::incomingConnection(qintptr descriptor)
{
    if (m_open.fetch_add(1) >= m_limits.maxConnections) {
        m_open.fetch_sub(1);
        const GuardVerdict busy{503, "TooManyConnections",
                                "the server has " + std::to_string(m_limits.maxConnections) + " connections open, its limit"};
        const std::string answer = rejectionResponse(busy);
        // A fresh socket's send buffer takes this small answer whole; if not, closing is the answer.
        [[maybe_unused]] const auto sent = ::send(static_cast<int>(descriptor), answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(static_cast<int>(descriptor));
        if (m_log)
            m_log(busy);
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        m_open.fetch_sub(1);
        delete socket;
        ::close(static_cast<int>(descriptor));
        return;
    }
    // QTcpSocket would otherwise pull all the kernel holds (megabytes of a flood) into its
    // buffer at once. QtHttpServer 6.4 reads a body only once all of it is buffered, so
    // the buffer must hold the largest request the guard lets through, or that request
    // would wait for bytes that can never come in (and end in 408).
    const auto largest = static_cast<qint64>(m_limits.request.maxHeadBytes) + m_limits.request.maxBodyBytes;
    socket->setReadBufferSize(std::max<qint64>(256 * 1024, largest + 64 * 1024));
    auto *guard = new ConnectionGuard(socket, *this);
    connect(socket, &QTcpSocket::readyRead, guard, &ConnectionGuard::beforeRead);
    m_handedOver.emplace_back(guard);
    addPendingConnection(socket);
}

void GuardedListener::connectionsTaken()
{
    for (const QPointer<ConnectionGuard> &guard : m_handedOver)
        if (guard)
            connect(guard->m_socket, &QTcpSocket::readyRead, guard, &ConnectionGuard::afterRead);
    m_handedOver.clear();
}

void GuardedListener::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_sweep.timerId())
        return QTcpServer::timerEvent(event);
    const auto now = Clock::now();
    // sweep() may close a socket, which deletes its guard later (deleteLater), never now.
    for (ConnectionGuard *guard : std::vector<ConnectionGuard *>(m_guards))
        guard->sweep(now);
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, GuardedListener &listener)
    : QObject(socket), m_socket(socket), m_listener(listener), m_guard(listener.m_limits.request), m_lastActivity(Clock::now())
{
    m_listener.m_guards.push_back(this);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_lastActivity = Clock::now(); });
}

ConnectionGuard::~ConnectionGuard()
{
    auto &guards = m_listener.m_guards;
    guards.erase(std::remove(guards.begin(), guards.end(), this), guards.end());
    m_listener.m_open.fetch_sub(1);
}

void ConnectionGuard::beforeRead()
{
    if (m_refused) {
        m_socket->readAll(); // nothing more of this connection reaches QtHttpServer
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_fed)
        return;
    // A typical request fits the stack buffer: checking it allocates nothing.
    char small[4096];
    QByteArray large;
    const char *bytes = small;
    if (available <= static_cast<qint64>(sizeof small)) {
        m_socket->peek(small, available);
    } else {
        large = m_socket->peek(available);
        bytes = large.constData();
    }
    const bool wasIdle = m_guard.idle();
    const std::uint64_t requestsBefore = m_guard.requestsSeen();
    const GuardVerdict &verdict = m_guard.feed(std::string_view(bytes + m_fed, static_cast<std::size_t>(available - m_fed)));
    m_fed = available;
    const auto now = Clock::now();
    m_lastActivity = now;
    if (verdict.rejected()) {
        refuse(verdict);
        return;
    }
    // A request began in these bytes: its time limit counts from now.
    if (!m_guard.idle() && (wasIdle || m_guard.requestsSeen() != requestsBefore))
        m_requestStarted = now;
    // A client that asked whether to send its body (curl does for bodies over 1 KiB) is told
    // to go on at once, unless an earlier pipelined request still awaits its answer, which
    // must come first (RFC 9110 §10.1.1).
    if (m_guard.headsAccepted() != m_headsSeen) {
        const std::uint64_t newHeads = m_guard.headsAccepted() - m_headsSeen;
        m_headsSeen = m_guard.headsAccepted();
        const RequestFacts *facts = m_guard.newestFacts();
        if (newHeads == 1 && facts && facts->expectsContinue && m_guard.pendingFacts() == 1 && m_answersOwed == 0)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

void ConnectionGuard::afterRead() { m_fed = std::min(m_fed, m_socket->bytesAvailable()); }

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    for (QObject *child : socket->children())
        if (auto *guard = dynamic_cast<ConnectionGuard *>(child))
            return guard;
    return nullptr;
}

void ConnectionGuard::sweep(Clock::time_point now)
{
    if (m_refused || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const ConnectionLimits &limits = m_listener.m_limits;
    if (!m_guard.idle() && now - m_requestStarted > limits.requestTimeout) {
        refuse({408, "RequestTimeout",
                "the request was not received within " + std::to_string(limits.requestTimeout.count()) + " ms"});
    } else if (m_socket->bytesToWrite() > 0 && now - m_lastActivity > limits.idleTimeout) {
        // A client that stopped reading its answers: what is buffered for it goes with the
        // connection, rather than staying in memory for as long as the client stays.
        m_refused = true;
        m_socket->abort();
    } else if (m_guard.idle() && m_answersOwed == 0 && now - m_lastActivity > limits.idleTimeout && m_socket->bytesToWrite() == 0) {
        m_refused = true;
        m_socket->disconnectFromHost(); // idle keep-alive: a quiet close, as servers do
    }
}

// Answers the broken request and closes. Bytes still buffered are discarded first, so
// QtHttpServer (whose readyRead slot runs next) never parses them.
void ConnectionGuard::refuse(const GuardVerdict &verdict)
{
    m_refused = true;
    m_socket->readAll();
    m_fed = 0;
    if (m_listener.m_log)
        m_listener.m_log(verdict);
    // Requests read before this one are answered first (pipelining keeps the order), and
    // their handlers are left to finish.
    if (m_answersOwed > 0) {
        m_deferredRefusal = rejectionResponse(verdict);
        return;
    }
    m_socket->write(QByteArray::fromStdString(rejectionResponse(verdict)));
    m_socket->disconnectFromHost();
}

void ConnectionGuard::setAnswersOwed(std::size_t owed)
{
    m_answersOwed = owed;
    if (owed == 0 && !m_deferredRefusal.empty() && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write(QByteArray::fromStdString(std::exchange(m_deferredRefusal, {})));
        m_socket->disconnectFromHost();
    }
}

} // namespace hotpath::server
