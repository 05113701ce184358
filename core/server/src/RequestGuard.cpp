// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/RequestGuard.h"

#include "hotpath/server/HttpWire.h"

#include "hotpath/runtime/Json.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace hotpath::server {

namespace {

// RFC 9110 token characters (method and header names).
bool isTokenChar(char c)
{
    if (std::isalnum(static_cast<unsigned char>(c)))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// "host[:port]" of a Host header or an Origin's authority, lower case, default port made explicit.
std::string authorityOf(std::string_view authority, std::string_view defaultPort)
{
    std::string out = lower(authority);
    const std::size_t bracket = out.rfind(']');
    const std::size_t colon = out.rfind(':');
    if (colon == std::string::npos || (bracket != std::string::npos && colon < bracket))
        out += ':' + std::string(defaultPort);
    return out;
}

bool isLoopbackName(std::string_view hostPort)
{
    std::string host = lower(hostPort);
    if (!host.empty() && host.front() == '[')
        host = host.substr(0, host.find(']') + 1);
    else if (const std::size_t colon = host.rfind(':'); colon != std::string::npos)
        host = host.substr(0, colon);
    return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}


} // namespace

void RequestGuard::reject(int status, std::string error, std::string message)
{
    if (!m_verdict.rejected())
        m_verdict = {status, std::move(error), std::move(message)};
}

// Bytes no request head may hold: NUL and the other controls except tab (CR and LF are
// checked as line ends).
bool RequestGuard::checkHeadByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f) {
        reject(400, "BadRequest", "the request head holds a control byte (0x" + std::string(1, "0123456789abcdef"[u >> 4])
                                      + std::string(1, "0123456789abcdef"[u & 15]) + ")");
        return false;
    }
    if (c == '\n' && (m_head.empty() || m_head.back() != '\r')) {
        reject(400, "BadRequest", "a line of the request head ends in a bare LF; HTTP lines end in CRLF");
        return false;
    }
    if (!m_head.empty() && m_head.back() == '\r' && c != '\n') {
        reject(400, "BadRequest", "a bare CR in the request head");
        return false;
    }
    return true;
}

const GuardVerdict &RequestGuard::feed(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size() && !m_verdict.rejected()) {
        switch (m_state) {
        case State::Head: {
            const char c = bytes[i++];
            // Empty lines before a request line are allowed (RFC 9112 2.2).
            if (m_head.empty() && c == '\n')
                continue;
            if (m_head == "\r" && c == '\n') {
                m_head.clear();
                continue;
            }
            if (!checkHeadByte(c))
                break;
            m_head += c;
            if (m_head.size() > m_limits.maxHeadBytes) {
                // Still on the request line: the target is what is too long (RFC 9110 §15.5.15).
                if (m_head.find('\n') == std::string::npos)
                    reject(414, "URITooLong", "the request line exceeds " + std::to_string(m_limits.maxHeadBytes) + " bytes");
                else
                    reject(431, "RequestHeaderFieldsTooLarge",
                           "the request line and headers exceed " + std::to_string(m_limits.maxHeadBytes) + " bytes");
                break;
            }
            if (c == '\n' && m_head.size() >= 4 && m_head.compare(m_head.size() - 4, 4, "\r\n\r\n") == 0)
                finishHead();
            break;
        }
        case State::Body: {
            const auto take = static_cast<std::int64_t>(std::min<std::size_t>(bytes.size() - i, static_cast<std::size_t>(m_remaining)));
            i += static_cast<std::size_t>(take);
            m_remaining -= take;
            if (m_remaining == 0)
                finishRequest();
            break;
        }
        case State::ChunkSize:
        case State::Trailer: {
            const char c = bytes[i++];
            if (c == '\n') {
                if (m_line.empty() || m_line.back() != '\r') {
                    reject(400, "BadRequest", "a chunk line ends in a bare LF");
                    break;
                }
                m_line.pop_back();
                const std::string line = std::move(m_line);
                m_line.clear();
                if (m_state == State::Trailer) {
                    if (line.empty())
                        finishRequest();
                    break;
                }
                // chunk-size [; extensions]: hexadecimal digits only, no sign, no spaces before.
                const std::string_view size = std::string_view(line).substr(0, line.find(';'));
                if (size.empty() || size.size() > 15
                    || !std::all_of(size.begin(), size.end(), [](char h) { return std::isxdigit(static_cast<unsigned char>(h)); })) {
                    reject(400, "BadRequest", "malformed chunk size '" + std::string(size.substr(0, 20)) + "'");
                    break;
                }
                m_remaining = std::stoll(std::string(size), nullptr, 16);
                m_bodyBytes += m_remaining;
                if (m_bodyBytes > m_limits.maxBodyBytes) {
                    reject(413, "PayloadTooLarge", "the chunked request body exceeds the limit of " + std::to_string(m_limits.maxBodyBytes) + " bytes");
                    break;
                }
                m_state = m_remaining == 0 ? State::Trailer : State::ChunkData;
                break;
            }
            if (static_cast<unsigned char>(c) < 0x20 && c != '\r' && c != '\t') {
                reject(400, "BadRequest", "a control byte in a chunk line");
                break;
            }
            m_line += c;
            if (m_line.size() > 1024 || (m_state == State::Trailer && (m_trailerBytes += 1) > m_limits.maxHeadBytes))
                reject(431, "RequestHeaderFieldsTooLarge", "a chunk line or the trailers are too long");
            break;
        }
        case State::ChunkData: {
            const auto take = static_cast<std::int64_t>(std::min<std::size_t>(bytes.size() - i, static_cast<std::size_t>(m_remaining)));
            i += static_cast<std::size_t>(take);
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
                m_line.clear();
            }
            break;
        }
        case State::ChunkDataEnd: {
            const char c = bytes[i++];
            if (c != (m_line.empty() ? '\r' : '\n')) {
                reject(400, "BadRequest", "chunk data is not followed by CRLF");
                break;
            }
            m_line += c;
            if (m_line.size() == 2) {
                m_line.clear();
                m_state = State::ChunkSize;
            }
            break;
        }
        }
    }
    return m_verdict;
}

void RequestGuard::finishHead()
{
    const std::string_view head(m_head);
    std::vector<std::string_view> lines;
    for (std::size_t from = 0; from < head.size();) {
        const std::size_t end = head.find("\r\n", from);
        if (end == from)
            break; // the empty line ending the head
        lines.push_back(head.substr(from, end - from));
        from = end + 2;
    }
    // Request line: METHOD SP target SP HTTP/1.x
    const std::string_view requestLine = lines.empty() ? std::string_view() : lines.front();
    const std::size_t sp1 = requestLine.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : requestLine.find(' ', sp1 + 1);
    if (sp1 == 0 || sp2 == std::string_view::npos || sp2 == sp1 + 1 || requestLine.find(' ', sp2 + 1) != std::string_view::npos) {
        reject(400, "BadRequest", "the request line is not 'METHOD target HTTP/1.1'");
        return;
    }
    const std::string_view method = requestLine.substr(0, sp1);
    const std::string_view target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = requestLine.substr(sp2 + 1);
    if (!std::all_of(method.begin(), method.end(), isTokenChar)) {
        reject(400, "BadRequest", "the request method is not a token");
        return;
    }
    if (target.front() != '/' && target != "*" && lower(target.substr(0, 7)) != "http://") {
        reject(400, "BadRequest", "the request target must start with '/'");
        return;
    }
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || !std::isdigit(static_cast<unsigned char>(version[5])) || version[6] != '.'
        || !std::isdigit(static_cast<unsigned char>(version[7]))) {
        reject(400, "BadRequest", "the request line does not end in an HTTP version");
        return;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        reject(505, "HTTPVersionNotSupported", "this server speaks HTTP/1.1 and HTTP/1.0, not " + std::string(version));
        return;
    }

    int hosts = 0, lengths = 0, encodings = 0;
    std::string host, origin, contentLength, transferEncoding, connection, expect;
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const std::string_view line = lines[k];
        if (line.front() == ' ' || line.front() == '\t') {
            reject(400, "BadRequest", "folded header lines (starting with a space) are not accepted");
            return;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0
            || !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), isTokenChar)) {
            reject(400, "BadRequest", "malformed header line '" + std::string(line.substr(0, 40)) + "'");
            return;
        }
        const std::string name = lower(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        if (name == "host") {
            ++hosts;
            host = value;
        } else if (name == "content-length") {
            ++lengths;
            contentLength = value;
        } else if (name == "transfer-encoding") {
            ++encodings;
            transferEncoding = lower(value);
        } else if (name == "origin") {
            origin = lower(value);
        } else if (name == "connection") {
            connection += (connection.empty() ? "" : ",") + lower(value);
        } else if (name == "expect") {
            expect = lower(value);
        }
    }
    if (hosts > 1) {
        reject(400, "BadRequest", "more than one Host header");
        return;
    }
    if (hosts == 0 && (version == "HTTP/1.1" || m_limits.loopbackOnly)) {
        reject(400, "BadRequest", "the request has no Host header");
        return;
    }
    if (host.find_first_of(" /@\\") != std::string::npos) {
        reject(400, "BadRequest", "the Host header is not a host[:port]");
        return;
    }
    if (m_limits.loopbackOnly && !isLoopbackName(host)) {
        // Bound to loopback, only local names may reach the server: a page on another site
        // cannot use DNS rebinding to talk to it through the user's browser.
        reject(421, "MisdirectedRequest", "this server answers only to localhost, 127.0.0.1 and [::1], not '" + host + "'");
        return;
    }
    const std::string methodName(method);
    const bool changesState = methodName == "POST" || methodName == "PUT" || methodName == "PATCH" || methodName == "DELETE";
    const bool originAllowed = std::any_of(m_limits.allowedOrigins.begin(), m_limits.allowedOrigins.end(),
                                           [&](const std::string &allowed) { return allowed == "*" || allowed == origin; });
    if (changesState && !origin.empty() && !originAllowed) {
        // A browser names the page's origin; another site's page may not change state here.
        const std::size_t scheme = origin.find("://");
        const std::string authority = scheme == std::string::npos ? std::string() : origin.substr(scheme + 3);
        const std::string defaultPort = origin.rfind("https", 0) == 0 ? "443" : "80";
        if (authority.empty() || authorityOf(authority, defaultPort) != authorityOf(host, "80")) {
            reject(403, "CrossOriginRequest", "a " + methodName + " from origin '" + origin + "' is refused: it is not this server's origin");
            return;
        }
    }
    if (lengths > 1) {
        reject(400, "BadRequest", "more than one Content-Length header");
        return;
    }
    if (encodings > 1 || (encodings == 1 && transferEncoding != "chunked")) {
        reject(400, "BadRequest", "Transfer-Encoding must be exactly 'chunked'");
        return;
    }
    if (lengths == 1 && encodings == 1) {
        reject(400, "BadRequest", "a request may not have both Content-Length and Transfer-Encoding");
        return;
    }
    // Connection options are a comma-separated list of tokens (RFC 9110 §7.6.1).
    auto hasOption = [&](std::string_view option) {
        for (std::size_t from = 0; from <= connection.size();) {
            const std::size_t comma = std::min(connection.find(',', from), connection.size());
            if (trim(std::string_view(connection).substr(from, comma - from)) == option)
                return true;
            from = comma + 1;
        }
        return false;
    };
    RequestFacts facts;
    facts.method = std::string(method);
    facts.target = std::string(target);
    facts.http10 = version == "HTTP/1.0";
    facts.keepAlive = facts.http10 ? hasOption("keep-alive") : !hasOption("close");
    const bool bodyFollows = encodings == 1 || (lengths == 1 && contentLength != "0");
    facts.expectsContinue = bodyFollows && expect == "100-continue" && !facts.http10;
    m_facts.push_back(std::move(facts));
    ++m_heads;
    m_head.clear();
    if (encodings == 1) {
        m_state = State::ChunkSize;
        m_bodyBytes = 0;
        m_trailerBytes = 0;
        m_line.clear();
        return;
    }
    if (lengths == 1) {
        if (contentLength.empty() || contentLength.size() > 18
            || !std::all_of(contentLength.begin(), contentLength.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); })) {
            reject(400, "BadRequest", "Content-Length '" + contentLength.substr(0, 24) + "' is not a byte count");
            return;
        }
        m_remaining = std::stoll(contentLength);
        if (m_remaining > m_limits.maxBodyBytes) {
            reject(413, "PayloadTooLarge", "the request body has " + contentLength + " bytes; the limit is " + std::to_string(m_limits.maxBodyBytes));
            return;
        }
        if (m_remaining > 0) {
            m_state = State::Body;
            return;
        }
    }
    finishRequest();
}

std::optional<RequestFacts> RequestGuard::takeFacts()
{
    if (m_facts.empty())
        return std::nullopt;
    RequestFacts facts = std::move(m_facts.front());
    m_facts.pop_front();
    return facts;
}

void RequestGuard::finishRequest()
{
    ++m_requests;
    m_state = State::Head;
    m_head.clear();
    m_line.clear();
    m_remaining = 0;
}

std::string rejectionResponse(const GuardVerdict &verdict)
{
    std::string body = "{\"error\":";
    runtime::appendJsonString(body, verdict.error);
    body += ",\"message\":";
    runtime::appendJsonString(body, verdict.message);
    body += '}';
    ResponseHead head;
    head.status = verdict.status;
    head.contentType = "application/json";
    head.keepAlive = false;
    return responseBytes(head, body, std::chrono::system_clock::now());
}

} // namespace hotpath::server
