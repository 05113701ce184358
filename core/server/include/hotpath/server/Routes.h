// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The route table: endpoint paths with Flask's converters (<int:x>, <float:x>, <x>,
// <path:x>) matched against request paths. Immutable once built; a hot reload builds a
// new table (QtHttpServer 6.4's router can only ever add rules, so Hotpath dispatches
// through its own table).

#include <string>
#include <vector>

namespace hotpath::server {

struct RouteSegment
{
    enum class Kind { Literal, Int, Float, String, Path } kind = Kind::Literal;
    std::string text; // the literal, or the parameter's name
};

struct Route
{
    std::vector<std::string> methods;
    std::string pattern; // as written: /fib/<int:n>
    std::vector<RouteSegment> segments;
    int file = 0;     // index of the program (file) in the version
    int endpoint = 0; // index of the endpoint in that program
    int function = 0; // index of its handler in the program's (and the module's) functions
};

struct RouteMatch
{
    enum class Result { Found, NotFound, MethodNotAllowed } result = Result::NotFound;
    const Route *route = nullptr;
    std::vector<std::pair<std::string, std::string>> captures; // name -> raw (decoded) text
    std::vector<std::string> allowed;                          // for 405
};

class RouteTable
{
public:
    void add(Route route);
    RouteMatch match(const std::string &method, const std::string &path) const;
    const std::vector<Route> &routes() const { return m_routes; }

    static std::vector<RouteSegment> parsePattern(const std::string &pattern);

private:
    std::vector<Route> m_routes;  // in declaration order
    std::vector<std::size_t> m_order; // m_routes by specificity: the order match() tries them in
};

} // namespace hotpath::server
