// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/loadgen/LoadGenerator.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

namespace hotpath::loadgen {

namespace {

using Clock = std::chrono::steady_clock;

struct Connection
{
    int fd = -1;
    bool connected = false;
    bool waiting = false; // a request is out
    bool closing = false; // the last answer said Connection: close
    std::size_t unsent = 0;
    std::string input;
    Clock::time_point sentAt;
    Clock::time_point scheduled;
};

struct Shared
{
    const LoadOptions *options = nullptr;
    sockaddr_storage address{};
    socklen_t addressLength = 0;
    std::string request;
    Clock::time_point start;
    Clock::time_point end;
    std::atomic<std::int64_t> budget{0}; // requests left to send in count mode
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> answered{0}; // answers, and requests that ended without one
    std::atomic<std::int64_t> lastAnswerNs{0}; // since start: a dead server stops the run
};

struct ThreadResult
{
    metrics::Histogram latency;
    std::uint64_t requests = 0;
    std::uint64_t non2xx = 0;
    std::uint64_t socketErrors = 0;
};

// Parses one complete response at the start of `input`: its length and status, or 0
// while incomplete.
// The length of the first complete response in `input` (0 if it is not all there yet),
// its status, and whether it ends the connection (Connection: close).
std::size_t completeResponse(const std::string &input, int &status, bool &closes)
{
    const std::size_t headerEnd = input.find("\r\n\r\n");
    if (headerEnd == std::string::npos)
        return 0;
    status = std::atoi(input.c_str() + std::min<std::size_t>(9, input.size()));
    std::size_t length = 0;
    std::size_t at = input.find("\r\n");
    while (at < headerEnd) {
        const std::size_t next = input.find("\r\n", at + 2);
        const std::string line = input.substr(at + 2, next - at - 2);
        if (line.size() > 15 && strncasecmp(line.c_str(), "content-length:", 15) == 0)
            length = static_cast<std::size_t>(std::strtoull(line.c_str() + 15, nullptr, 10));
        else if (line.size() >= 17 && strncasecmp(line.c_str(), "connection:", 11) == 0 && strcasestr(line.c_str() + 11, "close"))
            closes = true;
        at = next;
    }
    const std::size_t total = headerEnd + 4 + length;
    return input.size() >= total ? total : 0;
}

class Worker
{
public:
    Worker(Shared &shared, int connections, int index, ThreadResult &result)
        : m_shared(shared), m_result(result), m_connections(static_cast<std::size_t>(connections))
    {
        const LoadOptions &o = *shared.options;
        if (o.rate > 0) {
            m_interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.connections / o.rate));
            // Spread the connections' schedules over one interval.
            for (std::size_t k = 0; k < m_connections.size(); ++k) {
                const double share = static_cast<double>(k * static_cast<std::size_t>(o.threads) + static_cast<std::size_t>(index)) / o.connections;
                m_connections[k].scheduled = shared.start + std::chrono::duration_cast<Clock::duration>(m_interval * share);
            }
        }
    }

    void run()
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        for (std::size_t k = 0; k < m_connections.size(); ++k)
            open(k);
        std::vector<epoll_event> events(m_connections.size() + 1);
        while (!m_shared.stop.load(std::memory_order_relaxed)) {
            const Clock::time_point now = Clock::now();
            if (now >= m_shared.end)
                break;
            int timeout = 20;
            if (m_interval.count() > 0) {
                // Send whatever is due; wake for the next one.
                Clock::time_point next = m_shared.end;
                for (std::size_t k = 0; k < m_connections.size(); ++k) {
                    Connection &c = m_connections[k];
                    if (c.connected && !c.waiting && c.unsent == 0) {
                        if (c.scheduled <= now)
                            send(k);
                        else
                            next = std::min(next, c.scheduled);
                    }
                }
                timeout = static_cast<int>(std::clamp<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count(), 0, 20));
            }
            const int n = epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()), timeout);
            for (int e = 0; e < n; ++e)
                handle(static_cast<std::size_t>(events[static_cast<std::size_t>(e)].data.u64), events[static_cast<std::size_t>(e)].events);
        }
        for (Connection &c : m_connections)
            if (c.fd >= 0)
                ::close(c.fd);
        ::close(m_epoll);
    }

private:
    void open(std::size_t k)
    {
        Connection &c = m_connections[k];
        if (c.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
        }
        const Clock::time_point scheduled = c.scheduled;
        c = Connection{};
        c.scheduled = scheduled;
        c.fd = ::socket(m_shared.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::connect(c.fd, reinterpret_cast<const sockaddr *>(&m_shared.address), m_shared.addressLength);
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u64 = k;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    }

    void watchOutput(std::size_t k, bool output)
    {
        epoll_event event{};
        event.events = EPOLLIN | (output ? EPOLLOUT : 0u);
        event.data.u64 = k;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, m_connections[k].fd, &event);
    }

    bool takeBudget()
    {
        if (m_shared.options->requests <= 0)
            return true;
        // Spent: this connection idles while the others' answers come in.
        return m_shared.budget.fetch_sub(1, std::memory_order_relaxed) > 0;
    }

    void send(std::size_t k)
    {
        Connection &c = m_connections[k];
        if (!takeBudget())
            return;
        c.sentAt = Clock::now();
        c.waiting = true;
        c.unsent = m_shared.request.size();
        flush(k);
    }

    void flush(std::size_t k)
    {
        Connection &c = m_connections[k];
        while (c.unsent > 0) {
            const ssize_t n = ::write(c.fd, m_shared.request.data() + (m_shared.request.size() - c.unsent), c.unsent);
            if (n < 0) {
                if (errno == EAGAIN) {
                    watchOutput(k, true);
                    return;
                }
                fail(k);
                return;
            }
            c.unsent -= static_cast<std::size_t>(n);
        }
        watchOutput(k, false);
    }

    void fail(std::size_t k)
    {
        ++m_result.socketErrors;
        open(k);
    }

    void handle(std::size_t k, std::uint32_t events)
    {
        Connection &c = m_connections[k];
        if (!c.connected && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0 || (events & EPOLLERR)) {
                ++m_result.socketErrors;
                std::this_thread::sleep_for(std::chrono::milliseconds(10)); // no busy loop on a refused connection
                open(k);
                return;
            }
            c.connected = true;
            if (m_interval.count() == 0)
                send(k);
            else
                watchOutput(k, false);
            return;
        }
        if ((events & EPOLLOUT) && c.unsent > 0)
            flush(k);
        if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            return;
        char buffer[16384];
        bool closed = false;
        while (true) {
            const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
            if (n > 0) {
                c.input.append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            closed = n == 0 || (errno != EAGAIN && errno != EINTR);
            break;
        }
        // A server that closes after each answer (Flask's dev server) sends the answer and
        // the close together: the answer counts, then the connection is opened again.
        const bool answered = c.waiting && record(k);
        if (closed) {
            if (c.waiting) {
                // Sent but never answered: an error, and in count mode one request done, so a
                // server that died cannot leave the run waiting for answers that never come.
                ++m_result.socketErrors;
                m_shared.answered.fetch_add(1, std::memory_order_relaxed);
            } else if (answered && m_interval.count() > 0) {
                c.scheduled += m_interval;
            }
            open(k); // sends the next request once connected (or at its time)
            return;
        }
        if (!answered)
            return;
        if (c.closing) { // the server ends this connection: the next request goes on a new one
            if (m_interval.count() > 0)
                c.scheduled += m_interval;
            open(k);
            return;
        }
        next(k);
    }

    // Takes one complete answer off the connection's input, if there is one.
    bool record(std::size_t k)
    {
        Connection &c = m_connections[k];
        int status = 0;
        bool closes = false;
        const std::size_t used = completeResponse(c.input, status, closes);
        if (used == 0)
            return false;
        c.closing = closes;
        c.input.erase(0, used);
        c.waiting = false;
        const Clock::time_point now = Clock::now();
        // With a schedule, latency runs from when the request should have gone out.
        const Clock::time_point from = m_interval.count() > 0 ? c.scheduled : c.sentAt;
        m_result.latency.record(std::chrono::duration_cast<std::chrono::nanoseconds>(now - from).count());
        ++m_result.requests;
        if (status < 200 || status > 299)
            ++m_result.non2xx;
        m_shared.answered.fetch_add(1, std::memory_order_relaxed);
        m_shared.lastAnswerNs.store(std::chrono::duration_cast<std::chrono::nanoseconds>(now - m_shared.start).count(),
                                    std::memory_order_relaxed);
        return true;
    }

    // After an answer: the next request, now or at its time.
    void next(std::size_t k)
    {
        Connection &c = m_connections[k];
        const Clock::time_point now = Clock::now();
        if (m_interval.count() > 0) {
            c.scheduled += m_interval;
            if (c.scheduled <= now)
                send(k);
        } else {
            send(k);
        }
    }

    Shared &m_shared;
    ThreadResult &m_result;
    std::vector<Connection> m_connections;
    Clock::duration m_interval{0};
    int m_epoll = -1;
};

} // namespace

LoadResult runLoad(const LoadOptions &options, const std::function<void(std::uint64_t, double)> &progress)
{
    LoadResult result;
    Shared shared;
    shared.options = &options;
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (getaddrinfo(options.host.c_str(), std::to_string(options.port).c_str(), &hints, &found) != 0 || !found) {
        result.error = "cannot resolve " + options.host;
        return result;
    }
    std::memcpy(&shared.address, found->ai_addr, found->ai_addrlen);
    shared.addressLength = found->ai_addrlen;
    freeaddrinfo(found);

    std::string &r = shared.request;
    r = options.method + " " + options.path + " HTTP/1.1\r\nHost: " + options.host + ":" + std::to_string(options.port) + "\r\n";
    for (const auto &[name, value] : options.headers)
        r += name + ": " + value + "\r\n";
    if (!options.body.empty() || options.method == "POST" || options.method == "PUT")
        r += "Content-Length: " + std::to_string(options.body.size()) + "\r\n";
    r += "\r\n" + options.body;

    const int threads = std::clamp(options.threads, 1, std::max(1, options.connections));
    shared.budget = options.requests;
    shared.start = Clock::now();
    shared.end = options.requests > 0 ? shared.start + std::chrono::hours(1)
                                      : shared.start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.durationSeconds));
    std::vector<std::unique_ptr<ThreadResult>> results;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        const int count = options.connections / threads + (t < options.connections % threads ? 1 : 0);
        results.push_back(std::make_unique<ThreadResult>());
        workers.emplace_back([&shared, count, t, result = results.back().get()] { Worker(shared, count, t, *result).run(); });
    }
    // Progress, and the end of a count-mode run once every answer is in.
    double lastReport = 0;
    while (true) {
        std::this_thread::sleep_for(std::chrono::milliseconds(options.requests > 0 ? 5 : 50));
        const double seconds = std::chrono::duration<double>(Clock::now() - shared.start).count();
        const std::uint64_t answered = shared.answered.load(std::memory_order_relaxed);
        if (options.requests > 0 && answered >= static_cast<std::uint64_t>(options.requests))
            shared.stop = true;
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            shared.stop = true;
        // Nothing answered for 10 s: the server is gone (or hung); say so rather than wait.
        const double quietSeconds = seconds - static_cast<double>(shared.lastAnswerNs.load(std::memory_order_relaxed)) / 1e9;
        if (quietSeconds > 10.0) {
            result.error = "no answer from " + options.host + ":" + std::to_string(options.port) + " for 10 s; stopped";
            shared.stop = true;
        }
        if (shared.stop || Clock::now() >= shared.end)
            break;
        if (progress && seconds - lastReport >= 1.0) {
            lastReport = seconds;
            progress(answered, seconds);
        }
    }
    shared.stop = true;
    for (std::thread &w : workers)
        w.join();
    result.seconds = std::chrono::duration<double>(Clock::now() - shared.start).count();
    for (const auto &t : results) {
        result.requests += t->requests;
        result.non2xx += t->non2xx;
        result.socketErrors += t->socketErrors;
        result.latency.merge(t->latency.snapshot());
    }
    if (result.requests == 0 && result.socketErrors > 0)
        result.error = "no answer from " + options.host + ":" + std::to_string(options.port);
    return result;
}

} // namespace hotpath::loadgen
