// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/Routes.h"

#include <algorithm>
#include <cctype>

namespace hotpath::server {

namespace {

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (at <= path.size()) {
        const std::size_t slash = path.find('/', at);
        const std::size_t end = slash == std::string::npos ? path.size() : slash;
        parts.push_back(path.substr(at, end - at));
        if (slash == std::string::npos)
            break;
        at = slash + 1;
    }
    return parts;
}

bool allDigits(const std::string &text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Flask's float converter: digits, a dot, digits (no sign, no exponent).
bool isFloatText(const std::string &text)
{
    const std::size_t dot = text.find('.');
    return dot != std::string::npos && allDigits(text.substr(0, dot)) && allDigits(text.substr(dot + 1));
}

} // namespace

std::vector<RouteSegment> RouteTable::parsePattern(const std::string &pattern)
{
    std::vector<RouteSegment> segments;
    for (const std::string &part : splitPath(pattern)) {
        RouteSegment segment;
        if (part.size() > 2 && part.front() == '<' && part.back() == '>') {
            const std::string inner = part.substr(1, part.size() - 2);
            const std::size_t colon = inner.find(':');
            const std::string converter = colon == std::string::npos ? "string" : inner.substr(0, colon);
            segment.text = colon == std::string::npos ? inner : inner.substr(colon + 1);
            segment.kind = converter == "int"     ? RouteSegment::Kind::Int
                : converter == "float"            ? RouteSegment::Kind::Float
                : converter == "path"             ? RouteSegment::Kind::Path
                                                  : RouteSegment::Kind::String;
        } else {
            segment.text = part;
        }
        segments.push_back(std::move(segment));
    }
    return segments;
}

namespace {

// How general a segment is, as Werkzeug weighs its rules: a literal is more specific than a
// typed converter, which is more specific than a string, than a path.
int generality(RouteSegment::Kind kind)
{
    switch (kind) {
    case RouteSegment::Kind::Literal: return 0;
    case RouteSegment::Kind::Int:
    case RouteSegment::Kind::Float: return 1;
    case RouteSegment::Kind::String: return 2;
    case RouteSegment::Kind::Path: return 3;
    }
    return 3;
}

bool moreSpecific(const Route &a, const Route &b)
{
    const std::size_t n = std::min(a.segments.size(), b.segments.size());
    for (std::size_t k = 0; k < n; ++k) {
        const int x = generality(a.segments[k].kind), y = generality(b.segments[k].kind);
        if (x != y)
            return x < y;
    }
    return false; // equally specific: declaration order decides
}

} // namespace

void RouteTable::add(Route route)
{
    route.segments = parsePattern(route.pattern);
    m_routes.push_back(std::move(route));
    // Flask (Werkzeug) tries the most specific rule first: GET /links beats /<code>,
    // whichever was declared first.
    m_order.resize(m_routes.size());
    for (std::size_t k = 0; k < m_order.size(); ++k)
        m_order[k] = k;
    std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) { return moreSpecific(m_routes[a], m_routes[b]); });
}

RouteMatch RouteTable::match(const std::string &method, const std::string &path) const
{
    RouteMatch result;
    const std::vector<std::string> parts = splitPath(path);
    for (const std::size_t index : m_order) {
        const Route &route = m_routes[index];
        std::vector<std::pair<std::string, std::string>> captures;
        bool matched = true;
        std::size_t k = 0;
        for (; k < route.segments.size() && matched; ++k) {
            const RouteSegment &segment = route.segments[k];
            if (segment.kind == RouteSegment::Kind::Path) {
                // The rest of the path, slashes included (at least one character).
                std::string rest;
                for (std::size_t j = k; j < parts.size(); ++j)
                    rest += (j > k ? "/" : "") + parts[j];
                matched = k < parts.size() && !rest.empty();
                captures.emplace_back(segment.text, rest);
                k = route.segments.size();
                break;
            }
            if (k >= parts.size()) {
                matched = false;
                break;
            }
            const std::string &part = parts[k];
            switch (segment.kind) {
            case RouteSegment::Kind::Literal: matched = part == segment.text; break;
            case RouteSegment::Kind::Int: matched = allDigits(part); break;
            case RouteSegment::Kind::Float: matched = isFloatText(part); break;
            case RouteSegment::Kind::String: matched = !part.empty(); break;
            case RouteSegment::Kind::Path: break;
            }
            if (matched && segment.kind != RouteSegment::Kind::Literal)
                captures.emplace_back(segment.text, part);
        }
        const bool pathRoute = !route.segments.empty() && route.segments.back().kind == RouteSegment::Kind::Path;
        if (!matched || (!pathRoute && parts.size() != route.segments.size()))
            continue;
        if (std::find(route.methods.begin(), route.methods.end(), method) != route.methods.end()
            || (method == "HEAD" && std::find(route.methods.begin(), route.methods.end(), "GET") != route.methods.end())) {
            result.result = RouteMatch::Result::Found;
            result.route = &route;
            result.captures = std::move(captures);
            return result;
        }
        for (const std::string &m : route.methods) {
            if (std::find(result.allowed.begin(), result.allowed.end(), m) == result.allowed.end())
                result.allowed.push_back(m);
            // A GET route answers HEAD too, so Allow says so (RFC 9110 §9.3.2).
            if (m == "GET" && std::find(result.allowed.begin(), result.allowed.end(), "HEAD") == result.allowed.end())
                result.allowed.push_back("HEAD");
        }
    }
    if (!result.allowed.empty())
        result.result = RouteMatch::Result::MethodNotAllowed;
    return result;
}

} // namespace hotpath::server
