// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HTTP/1.1 as it goes on the wire, where QtHttpServer 6.4 gets it wrong: the request
// target read as RFC 9112 says (an origin-form target is a path, so "//x/a" is the path
// "//x/a", and a query's '+' is a space as HTML forms and Flask have it), and the
// response head (a Date, no body for HEAD, none and no length for 204 and 304, and
// Connection: close when the connection ends after it). Standard library only.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotpath::server {

struct RequestTarget
{
    std::string path; // percent-decoded
    std::vector<std::pair<std::string, std::string>> query; // in order, '+' and %XX decoded
};

// "/a%20b?q=x+y&n=1", "http://host/a?q", "*".
RequestTarget parseTarget(std::string_view target);

// A decoded path made fit for a Location header again: bytes outside RFC 3986's pchar
// and '/' as %XX (so a decoded CR or LF can never end the header).
std::string percentEncodePath(std::string_view path);

// "Mon, 07 Dec 2026 19:45:00 GMT" (RFC 9110 §5.6.7).
std::string httpDate(std::chrono::system_clock::time_point when);

const char *reasonPhrase(int status);

struct ResponseHead
{
    int status = 200;
    std::string_view contentType;
    std::vector<std::pair<std::string, std::string>> headers; // the handler's own
    bool keepAlive = true;
    bool http10 = false;     // the request's version: a kept HTTP/1.0 connection says so
    bool headRequest = false; // HEAD: the head a GET would get, without the body
};

// The whole response: status line, headers, blank line and (unless HEAD, 204 or 304) body.
std::string responseBytes(const ResponseHead &head, std::string_view body, std::chrono::system_clock::time_point now);

} // namespace hotpath::server
