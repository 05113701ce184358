// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QtHttpServer's front on one socket thread: it reads each request QtHttpServer parsed
// (with what the connection guard saw of it), hands it to the handler pool, and writes
// the answer back on this thread, in the order the connection sent its requests.
//
// A connection has at most one handler running: pipelined requests wait their turn, so
// one client cannot take every handler thread. The answer comes back as a queued call on
// this thread and is written only if the connection is still there; if the client goes
// first, its running handler is cancelled (QtHttpServer 6.4's own QFuture route writes
// to a socket that may be gone, and crashes).

#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>
#include <QtHttpServer/QAbstractHttpServer>

#include <memory>
#include <mutex>
#include <vector>

namespace hotpath::server {

class HandlerPool;
class Server;
class Exchange;
struct HttpResponse;

class HttpFront final : public QAbstractHttpServer
{
public:
    // On the socket thread that will run it.
    HttpFront(Server &server, HandlerPool &pool);
    ~HttpFront() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    struct Done
    {
        QPointer<Exchange> exchange; // looked at on this thread only
        std::shared_ptr<HttpResponse> response;
    };

    void startNext(Exchange &exchange);
    // On a pool thread: hands an answer back. Answers that come while this thread is
    // busy are written together, with one wake-up of its event loop for all of them.
    void handBack(Done done);
    void writeAnswers();
    void finish(Exchange &exchange, HttpResponse &response);

    Server &m_server;
    HandlerPool &m_pool;
    std::mutex m_doneMutex;
    std::vector<Done> m_done;
    bool m_writeQueued = false;
    // The wake-up: an eventfd this thread's event loop watches. A plain descriptor and a
    // std::mutex rather than a queued Qt call, so ThreadSanitizer sees the hand-over (Qt's
    // own locks are futexes it cannot see) and nothing is allocated per batch.
    int m_wakeFd = -1;
    QSocketNotifier *m_wakeNotifier = nullptr;
};

} // namespace hotpath::server
