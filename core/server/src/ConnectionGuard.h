// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What QtHttpServer 6.4 lacks around its sockets: a listener that caps open connections,
// checks every byte of every request with a RequestGuard before QtHttpServer reads it,
// answers a broken request itself (4xx with a JSON body, then closes), and drops clients
// that send a request too slowly or sit idle too long.
//
// The order of readyRead slots is what makes this work: the guard connects first (before
// the socket is handed over), so it sees new bytes while they are still in the socket's
// buffer; a second slot, connected after QtHttpServer's, notes what QtHttpServer left
// unread, so each byte is fed to the guard exactly once.

#include "hotpath/server/RequestGuard.h"

#include <QtCore/QBasicTimer>
#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hotpath::server {

struct ConnectionLimits
{
    GuardLimits request;
    std::chrono::milliseconds requestTimeout{10'000}; // from a request's first byte to its last
    std::chrono::milliseconds idleTimeout{30'000};    // keep-alive with nothing to do
    int maxConnections = 1000;                        // over all workers
};

class GuardedListener final : public QTcpServer
{
public:
    using RejectLog = std::function<void(const GuardVerdict &)>;

    GuardedListener(ConnectionLimits limits, std::atomic<int> &open, RejectLog log);
    ~GuardedListener() override;

    // Connect after QAbstractHttpServer::bind(): wires each new socket's second slot.
    void connectionsTaken();

protected:
    void incomingConnection(qintptr descriptor) override;
    void timerEvent(QTimerEvent *event) override;

private:
    friend class ConnectionGuard;

    ConnectionLimits m_limits;
    std::atomic<int> &m_open;
    RejectLog m_log;
    std::vector<QPointer<class ConnectionGuard>> m_handedOver; // added, not yet wired after QtHttpServer
    std::vector<class ConnectionGuard *> m_guards;
    QBasicTimer m_sweep;
};

class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, GuardedListener &listener);
    ~ConnectionGuard() override;

    void beforeRead();
    void afterRead();
    // The guard of a socket the listener handed to QtHttpServer, or null.
    static ConnectionGuard *of(QTcpSocket *socket);
    // What the head of the next request QtHttpServer handles said (see RequestFacts).
    std::optional<RequestFacts> takeFacts() { return m_guard.takeFacts(); }
    // Requests read but not yet answered (running or waiting for a handler): while there
    // are some, the connection is not idle, and a new request's 100 Continue waits.
    // A refusal that comes while answers are owed is written after them, in order.
    void setAnswersOwed(std::size_t owed);
    // Called by the listener's sweep: drops the connection if a timeout passed.
    void sweep(std::chrono::steady_clock::time_point now);

private:
    friend class GuardedListener;
    void refuse(const GuardVerdict &verdict);

    QTcpSocket *m_socket;
    GuardedListener &m_listener;
    RequestGuard m_guard;
    qint64 m_fed = 0; // bytes in the socket's buffer the guard has already seen
    std::uint64_t m_headsSeen = 0;
    std::size_t m_answersOwed = 0;
    std::string m_deferredRefusal; // a refusal's bytes, waiting for the answers owed before it
    std::chrono::steady_clock::time_point m_lastActivity;
    std::chrono::steady_clock::time_point m_requestStarted; // of the request in progress, if any
    bool m_refused = false;
};

} // namespace hotpath::server
