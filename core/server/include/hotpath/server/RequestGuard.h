// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The bytes of one connection, checked as they arrive and before QtHttpServer buffers
// them: QtHttpServer 6.4 reads request lines, headers and bodies without any limit, takes
// "chunked" as a substring, turns a huge Content-Length negative and fills in a missing
// Host. The guard follows the HTTP/1.1 framing itself (request head, then a Content-Length
// or chunked body, then the next request) and rejects a request at the first byte that
// breaks a rule, with the status to answer. Standard library only, so it can be fuzzed.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotpath::server {

struct GuardLimits
{
    std::size_t maxHeadBytes = 64 * 1024;    // request line + headers (431 above)
    std::int64_t maxBodyBytes = 1 << 20;     // decided from Content-Length (413 above)
    bool loopbackOnly = true;                // bound to loopback: a request must name it in Host
    std::vector<std::string> allowedOrigins; // lower case; "*" any: CORS lets their pages change state
};

struct GuardVerdict
{
    int status = 0;      // 0: nothing wrong so far
    std::string error;   // "RequestHeaderFieldsTooLarge", ...
    std::string message; // what was wrong, for the JSON body
    bool rejected() const { return status != 0; }
};

// What the guard read in a request's head that QtHttpServer 6.4 does not tell: the
// target exactly as sent (QUrl reads "//x/a" as host x, and keeps '+' in a query), and
// what the client said about the connection.
struct RequestFacts
{
    std::string method; // as sent: QtHttpServer 6.4 names the ones it does not know "Unknown"
    std::string target;
    bool keepAlive = true;        // false for Connection: close, or HTTP/1.0 without keep-alive
    bool http10 = false;
    bool expectsContinue = false; // Expect: 100-continue with a body to come
};

class RequestGuard
{
public:
    explicit RequestGuard(GuardLimits limits = {}) : m_limits(limits) {}

    // Feeds the next bytes of the connection. Once rejected, the verdict stays.
    const GuardVerdict &feed(std::string_view bytes);
    const GuardVerdict &verdict() const { return m_verdict; }

    // Between requests with nothing of the next one received (keep-alive idle).
    bool idle() const { return m_state == State::Head && m_head.empty(); }
    std::uint64_t requestsSeen() const { return m_requests; }
    // The facts of the oldest request whose head was accepted and not yet taken: requests
    // reach QtHttpServer in the order their heads arrive, so each takes its own.
    std::optional<RequestFacts> takeFacts();
    // Heads accepted so far (a new one may want its 100 Continue).
    std::uint64_t headsAccepted() const { return m_heads; }
    const RequestFacts *newestFacts() const { return m_facts.empty() ? nullptr : &m_facts.back(); }
    std::size_t pendingFacts() const { return m_facts.size(); }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer };

    void reject(int status, std::string error, std::string message);
    void finishHead();
    void finishRequest();
    bool checkHeadByte(char c);

    GuardLimits m_limits;
    GuardVerdict m_verdict;
    State m_state = State::Head;
    std::string m_head;          // the current request head (bounded by maxHeadBytes)
    std::string m_line;          // a chunk-size or trailer line
    std::size_t m_trailerBytes = 0;
    std::int64_t m_remaining = 0; // body or chunk bytes still to come
    std::int64_t m_bodyBytes = 0; // chunked body so far
    std::uint64_t m_requests = 0;
    std::uint64_t m_heads = 0;
    std::deque<RequestFacts> m_facts;
};

// A status line and JSON body for a rejected request, closing the connection.
std::string rejectionResponse(const GuardVerdict &verdict);

} // namespace hotpath::server
