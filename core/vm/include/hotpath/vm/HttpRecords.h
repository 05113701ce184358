// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The two records compiled code and the server share: a handler's `Request` (built by the
// server, read by attribute access and req.query/header/json) and `Response` (built by
// compiled code, read by the server). One layout, named here, for the compiler, the
// runtime types and dispatch.

#include <cstdint>

namespace hotpath::vm {

enum RequestField : std::uint8_t { RequestMethod, RequestPath, RequestBody, RequestHeaders, RequestQuery, RequestFieldCount };
inline constexpr const char *requestFieldNames[RequestFieldCount] = {"method", "path", "body", "headers", "query"};

enum ResponseField : std::uint8_t { ResponseBody, ResponseStatus, ResponseContentType, ResponseHeaders, ResponseFieldCount };
inline constexpr const char *responseFieldNames[ResponseFieldCount] = {"body", "status", "content_type", "headers"};

// The field of that name, or -1.
inline int fieldIndex(const char *const *names, int count, const char *name)
{
    for (int k = 0; k < count; ++k) {
        const char *a = names[k];
        const char *b = name;
        while (*a && *a == *b)
            ++a, ++b;
        if (*a == *b)
            return k;
    }
    return -1;
}

} // namespace hotpath::vm
