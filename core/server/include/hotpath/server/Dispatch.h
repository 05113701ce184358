// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// From an HTTP request to an HTTP response, without sockets: route matching, binding
// of path and query parameters by type, the tier choice, the call (with its deadline
// and memory cap), and the response by return type. Every failure is an answer with a
// JSON body: 400 for a request that does not fit the endpoint, 404/405 for no endpoint,
// 500 for a handler error (its Python name, message, file and line), 504 for a handler
// past its deadline. Kept apart from QtHttpServer so it can be tested directly.

#include "hotpath/metrics/Metrics.h"
#include "hotpath/runtime/Context.h"
#include "hotpath/server/Version.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotpath::server {

enum class TierChoice { Auto, Interp, Jit };

struct HttpRequest
{
    std::string method;
    std::string path; // decoded, without the query string
    std::string rawQuery; // as sent, after '?': kept in a redirect's Location
    std::vector<std::pair<std::string, std::string>> query;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    const std::string *header(std::string_view name) const; // case-insensitive
};

struct HttpResponse
{
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    // For the access log and the metrics.
    bool handled = false; // a handler ran
    metrics::Tier tier = metrics::Tier::Interp;
    std::int64_t handlerNs = 0;
    std::string output;   // what the handler printed
    std::string failure;  // "ZeroDivisionError: division by zero (app.py:12)"
    int route = -1;       // index in the version's route table
    bool close = false; // the handler said Connection: close
    // The version's module state moved to a newer version (a hot reload) while this
    // request waited for it: nothing ran; dispatch again on the current version.
    bool stateMoved = false;
};

struct DispatchOptions
{
    TierChoice tier = TierChoice::Auto;
    runtime::Limits limits = defaultLimits();

    static runtime::Limits defaultLimits()
    {
        runtime::Limits limits;
        limits.timeout = std::chrono::seconds(2);
        return limits;
    }
};

// `cancelled`, when given, stops the handler once set (at its next poll): the server sets
// it when the client closes the connection. Such a call answers 499.
HttpResponse dispatch(const Version &version, const HttpRequest &request, const DispatchOptions &options,
                      const std::atomic<bool> *cancelled = nullptr);

// The JSON error body every non-handler failure uses: {"error": ..., "message": ...}.
std::string errorBody(const std::string &error, const std::string &message);

} // namespace hotpath::server
