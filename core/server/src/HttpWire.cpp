// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/HttpWire.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace hotpath::server {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// %XX decoded (a '%' not followed by two hex digits stays, as werkzeug keeps it); with
// plusIsSpace, '+' is a space (application/x-www-form-urlencoded, used by query strings).
std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
        && std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

} // namespace

RequestTarget parseTarget(std::string_view target)
{
    RequestTarget out;
    // absolute-form (RFC 9112 §3.2.2): the path starts after the authority ("/" if none).
    bool emptyPath = false;
    for (std::string_view scheme : {"http://", "https://"})
        if (startsWithNoCase(target, scheme)) {
            const std::size_t slash = target.find_first_of("/?", scheme.size());
            target = slash == std::string_view::npos ? std::string_view() : target.substr(slash);
            emptyPath = target.empty() || target.front() == '?';
        }
    const std::size_t question = target.find('?');
    out.path = emptyPath ? std::string(1, '/') : percentDecode(target.substr(0, question), false);
    if (question == std::string_view::npos)
        return out;
    std::string_view query = target.substr(question + 1);
    const std::size_t fragment = query.find('#'); // never sent by clients, but harmless to drop
    query = query.substr(0, fragment);
    for (std::size_t from = 0; from <= query.size();) {
        const std::size_t amp = std::min(query.find('&', from), query.size());
        const std::string_view pair = query.substr(from, amp - from);
        if (!pair.empty()) {
            const std::size_t equals = pair.find('=');
            out.query.emplace_back(percentDecode(pair.substr(0, equals), true),
                                   equals == std::string_view::npos ? std::string() : percentDecode(pair.substr(equals + 1), true));
        }
        from = amp + 1;
    }
    return out;
}

std::string percentEncodePath(std::string_view path)
{
    static constexpr std::string_view kept = "-._~!$&'()*+,;=:@/";
    std::string out;
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || kept.find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += "0123456789ABCDEF"[u >> 4];
            out += "0123456789ABCDEF"[u & 15];
        }
    }
    return out;
}

std::string httpDate(std::chrono::system_clock::time_point when)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday], utc.tm_mday, months[utc.tm_mon],
                  utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 418: return "I'm a teapot";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return status < 200 ? "Informational" : status < 300 ? "Success" : status < 400 ? "Redirection"
                  : status < 500 ? "Client Error" : "Server Error";
    }
}

std::string responseBytes(const ResponseHead &head, std::string_view body, std::chrono::system_clock::time_point now)
{
    // 1xx, 204 and 304 have neither body nor Content-Length (RFC 9110 §8.6, §15.3.5).
    const bool bodiless = head.status < 200 || head.status == 204 || head.status == 304;
    std::string out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 ";
    out += std::to_string(head.status);
    out += ' ';
    out += reasonPhrase(head.status);
    out += "\r\nDate: ";
    out += httpDate(now);
    if (!bodiless) {
        out += "\r\nContent-Type: ";
        out += head.contentType;
        out += "\r\nContent-Length: ";
        out += std::to_string(body.size());
    }
    for (const auto &[name, value] : head.headers) {
        std::string lower(name);
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        // Framing is the server's: a handler's own would contradict it.
        if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection" || lower == "date"
            || (lower == "content-type" && !bodiless))
            continue;
        out += "\r\n";
        out += name;
        out += ": ";
        out += value;
    }
    if (!head.keepAlive)
        out += "\r\nConnection: close";
    else if (head.http10)
        out += "\r\nConnection: keep-alive";
    out += "\r\n\r\n";
    if (!bodiless && !head.headRequest)
        out += body;
    return out;
}

} // namespace hotpath::server
