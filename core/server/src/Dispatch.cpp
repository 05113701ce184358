// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/Dispatch.h"

#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Json.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/server/HttpWire.h"
#include "hotpath/support/Text.h"
#include "hotpath/vm/Interpreter.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <shared_mutex>

namespace hotpath::server {

using runtime::Kind;
using runtime::Slot;
using runtime::TypeDesc;

namespace {

using Clock = std::chrono::steady_clock;

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

HttpResponse failure(int status, const std::string &error, const std::string &message)
{
    HttpResponse response;
    response.status = status;
    response.body = errorBody(error, message);
    return response;
}

// A str may hold a lone surrogate (chr(0xD800), a JSON "\ud800"), which UTF-8 cannot
// carry: a text answer holding one fails as Flask's does when it encodes the body (JSON
// escapes it instead, as json.dumps does).
void refuseSurrogates(HttpResponse &response, lang::ResponseKind kind)
{
    if (kind == lang::ResponseKind::Json)
        return;
    const std::size_t at = support::findSurrogate(response.body);
    if (at == std::string::npos)
        return;
    std::size_t next = at;
    const char32_t surrogate = support::decodeUtf8(response.body, next);
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(surrogate));
    response.failure = "UnicodeEncodeError: 'utf-8' codec can't encode character '" + std::string(escaped) + "' in position "
                     + std::to_string(support::countCodePoints(std::string_view(response.body).substr(0, at)))
                     + ": surrogates not allowed";
    response.status = 500;
    response.body = errorBody("UnicodeEncodeError", response.failure.substr(std::strlen("UnicodeEncodeError: ")));
    response.contentType = "application/json";
    response.headers.clear();
}

const char *typeName(const TypeDesc *type)
{
    if (type->kind == Kind::Optional)
        return typeName(type->element);
    switch (type->kind) {
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::Bool: return "bool";
    case Kind::Str: return "str";
    default: return "value";
    }
}

// Converts the text of a path or query parameter to its declared type, as the shim does
// under Flask: int() and float() with Python's rules, bool from true/false/1/0/yes/no/on/off.
bool convertParameter(const std::string &text, const TypeDesc *type, Slot &out)
{
    runtime::Context scratch;
    runtime::CurrentContext current(&scratch);
    switch (type->kind) {
    case Kind::Int:
    case Kind::Float: {
        runtime::Str *s = runtime::newStr(text);
        if (type->kind == Kind::Int)
            out.i = runtime::hp_int_from_str(s, 10);
        else
            out.f = runtime::hp_float_from_str(s);
        runtime::release(s);
        return !scratch.failed();
    }
    case Kind::Bool: {
        const std::string t = lower(text);
        if (t == "true" || t == "1" || t == "yes" || t == "on")
            out.i = 1;
        else if (t == "false" || t == "0" || t == "no" || t == "off")
            out.i = 0;
        else
            return false;
        return true;
    }
    default: return false;
    }
}

// Request(method, path, body, headers, query): the record the compiler expects, with
// header names lower-cased (req.header() lower-cases its argument) and the first value of
// each query parameter.
runtime::Tuple *makeRequest(const HttpRequest &request, const TypeDesc *type)
{
    runtime::Tuple *record = runtime::newTuple(type);
    if (!record)
        return nullptr;
    record->kind = runtime::ObjectKind::Record;
    record->items()[0].p = runtime::newStr(request.method);
    record->items()[1].p = runtime::newStr(request.path);
    record->items()[2].p = runtime::newStr(request.body);
    auto fill = [](const TypeDesc *tableType, const std::vector<std::pair<std::string, std::string>> &pairs, bool lowerKeys) {
        runtime::Dict *table = runtime::newDict(tableType);
        for (const auto &[name, value] : pairs) {
            runtime::Str *key = runtime::newStr(lowerKeys ? lower(name) : name);
            Slot present{0};
            if (table && key && !runtime::hp_dict_lookup(table, Slot{.p = key}, &present)) { // the first one wins
                Slot text;
                text.p = runtime::newStr(value);
                runtime::hp_dict_set(table, Slot{.p = key}, text);
                runtime::release(text.p);
            }
            runtime::release(key);
        }
        return table;
    };
    record->items()[3].p = fill(type->items[3], request.headers, true);
    record->items()[4].p = fill(type->items[4], request.query, false);
    return record;
}

std::string milliseconds(std::int64_t ns)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", static_cast<double>(ns) / 1e6);
    return buffer;
}

} // namespace

const std::string *HttpRequest::header(std::string_view name) const
{
    // Runs for every request (Host, X-Hotpath-Tier): compares in place, allocates nothing.
    auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size()
            && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const auto &[key, value] : headers)
        if (same(key, name))
            return &value;
    return nullptr;
}

std::string errorBody(const std::string &error, const std::string &message)
{
    std::string body = "{\"error\":";
    runtime::appendJsonString(body, error);
    body += ",\"message\":";
    runtime::appendJsonString(body, message);
    body += "}";
    return body;
}

HttpResponse dispatch(const Version &version, const HttpRequest &request, const DispatchOptions &options)
{
    TierChoice tier = options.tier;
    if (const std::string *wanted = request.header("X-Hotpath-Tier")) {
        const std::string t = lower(*wanted);
        if (t == "interp")
            tier = TierChoice::Interp;
        else if (t == "jit")
            tier = TierChoice::Jit;
        else if (t != "auto")
            return failure(400, "BadRequest", "X-Hotpath-Tier must be interp, jit or auto, not '" + *wanted + "'");
    }

    const RouteMatch match = version.routes().match(request.method, request.path);
    if (match.result == RouteMatch::Result::NotFound) {
        // A route declared with a trailing slash answers the path without it with a
        // permanent redirect, as Flask's does (strict_slashes).
        if (!request.path.empty() && request.path.back() != '/'
            && version.routes().match(request.method, request.path + "/").result != RouteMatch::Result::NotFound) {
            HttpResponse response;
            response.status = 308;
            response.contentType = "text/plain; charset=utf-8";
            const std::string location = percentEncodePath(request.path + "/") + (request.rawQuery.empty() ? "" : "?" + request.rawQuery);
            response.body = "Redirecting to " + location;
            response.headers.emplace_back("Location", location);
            return response;
        }
        return failure(404, "NotFound", "no endpoint for " + request.method + " " + request.path);
    }
    if (match.result == RouteMatch::Result::MethodNotAllowed) {
        std::string allowed;
        for (const std::string &m : match.allowed)
            allowed += (allowed.empty() ? "" : ", ") + m;
        if (request.method == "OPTIONS") {
            // What may be done here, as Flask answers OPTIONS for every route.
            HttpResponse response;
            response.contentType = "text/plain; charset=utf-8";
            response.headers.emplace_back("Allow", allowed + ", OPTIONS");
            return response;
        }
        HttpResponse response = failure(405, "MethodNotAllowed", request.method + " is not allowed for " + request.path + " (allowed: " + allowed + ")");
        response.headers.emplace_back("Allow", allowed);
        return response;
    }
    const Route &route = *match.route;
    const int routeIndex = static_cast<int>(match.route - version.routes().routes().data());
    const VersionFile &file = version.files()[static_cast<std::size_t>(route.file)];
    const lang::EndpointInfo &endpoint = *file.program->endpoints[static_cast<std::size_t>(route.endpoint)];
    const int functionIndex = route.function;
    const vm::Module &module = *file.module;
    const vm::Function &function = module.functions[static_cast<std::size_t>(functionIndex)];

    // The tier: the JIT when asked for (waiting for its code), or in auto mode once ready.
    const jit::Program *native = nullptr;
    if (tier != TierChoice::Interp) {
        std::string why;
        native = version.jitProgram(route.file, tier == TierChoice::Jit, &why);
        if (!native && tier == TierChoice::Jit)
            return failure(500, "JitUnavailable", "the JIT could not compile " + file.name + ": " + why);
    }

    runtime::Context context(options.limits);
    std::string output;
    context.setOutput([](void *user, const char *data, std::size_t size) { static_cast<std::string *>(user)->append(data, size); }, &output);
    runtime::CurrentContext current(&context);

    std::vector<Slot> args(function.paramCount, Slot{0});
    auto releaseArgs = [&] {
        for (std::size_t k = 0; k < args.size(); ++k)
            runtime::releaseSlot(args[k], function.paramTypes[k]);
    };
    for (const lang::EndpointParam &param : endpoint.params) {
        const auto at = static_cast<std::size_t>(param.paramIndex);
        const TypeDesc *type = function.paramTypes[at];
        if (param.source == lang::ParamSource::Request) {
            args[at].p = makeRequest(request, type);
            continue;
        }
        const std::string *text = nullptr;
        if (param.source == lang::ParamSource::Path) {
            for (const auto &[name, value] : match.captures)
                if (name == param.name)
                    text = &value;
        } else {
            for (const auto &[name, value] : request.query)
                if (name == param.name) {
                    text = &value;
                    break;
                }
        }
        const char *where = param.source == lang::ParamSource::Path ? "path parameter" : "query parameter";
        if (!text) {
            const int fallback = function.paramDefaults[at];
            if (fallback >= 0) {
                args[at] = module.globals[static_cast<std::size_t>(fallback)]; // immortal when an object
                continue;
            }
            if (type->kind == Kind::Optional && !param.required) {
                args[at].p = nullptr; // left out: None
                continue;
            }
            releaseArgs();
            return failure(400, "BadRequest", std::string("missing ") + where + " '" + param.name + "' (" + typeName(type) + ")");
        }
        // An int | None present in the query is an int, boxed.
        const TypeDesc *value = type->kind == Kind::Optional ? type->element : type;
        Slot converted{0};
        if (value->kind == Kind::Str) {
            converted.p = runtime::newStr(*text);
        } else if (!convertParameter(*text, value, converted)) {
            releaseArgs();
            return failure(400, "BadRequest", std::string(where) + " '" + param.name + "': expected " + typeName(type) + ", got '" + *text + "'");
        }
        if (type->kind == Kind::Optional && type->boxesScalar()) {
            args[at].p = runtime::hp_box(converted, type);
        } else {
            args[at] = converted;
        }
    }

    HttpResponse response;
    response.route = routeIndex;
    response.tier = native ? metrics::Tier::Jit : metrics::Tier::Interp;
    // Module state: writers one at a time, readers together, held until the result has
    // been turned into bytes and released (it may be an object that state holds).
    std::shared_lock<std::shared_timed_mutex> readLock;
    std::unique_lock<std::shared_timed_mutex> writeLock;
    if (module.state && endpoint.function->stateAccess != lang::StateAccess::None) {
        // A system_clock deadline: libstdc++ then waits with pthread_rwlock_timed*lock, which
        // ThreadSanitizer understands (the steady-clock wait it does not see at all).
        const auto waitUntil = std::chrono::system_clock::now()
            + (options.limits.timeout.count() > 0 ? options.limits.timeout : std::chrono::hours(1));
        bool locked = false;
        if (endpoint.function->stateAccess == lang::StateAccess::Write) {
            writeLock = std::unique_lock(module.state->lock, std::defer_lock);
            locked = writeLock.try_lock_until(waitUntil);
        } else {
            readLock = std::shared_lock(module.state->lock, std::defer_lock);
            locked = readLock.try_lock_until(waitUntil);
        }
        if (!locked || module.state->moved.load()) {
            releaseArgs();
            if (locked) {
                response.stateMoved = true;
                return response;
            }
            response.status = 504;
            response.failure = "TimeoutError: the module state stayed in use by other requests past the deadline";
            response.body = errorBody("TimeoutError", "the module state stayed in use by other requests past this request's "
                                                      "deadline");
            return response;
        }
    }
    response.handled = true;
    const auto started = Clock::now();
    vm::CallResult result = native ? native->call(functionIndex, args, context) : vm::callFunction(module, functionIndex, args, context);
    response.handlerNs = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started).count();
    response.output = std::move(output);
    releaseArgs();

    if (!result.ok) {
        const std::string name = runtime::errorName(result.error);
        response.failure = name + ": " + result.message + " (" + file.name + ":" + std::to_string(result.line) + ")";
        response.status = result.error == runtime::ErrorKind::TimeoutError ? 504 : context.errorIsRequests() ? 400 : 500;
        std::string body = "{\"error\":";
        runtime::appendJsonString(body, name);
        body += ",\"message\":";
        runtime::appendJsonString(body, result.message);
        body += ",\"file\":";
        runtime::appendJsonString(body, file.name);
        body += ",\"line\":" + std::to_string(result.line) + "}";
        response.body = std::move(body);
    } else {
        switch (endpoint.response) {
        case lang::ResponseKind::Text:
            response.contentType = "text/plain; charset=utf-8";
            response.body = std::string(runtime::view(static_cast<runtime::Str *>(result.value.p)));
            break;
        case lang::ResponseKind::Json: runtime::appendJson(response.body, result.value, function.returnType); break;
        case lang::ResponseKind::Response: {
            const auto *record = static_cast<const runtime::Tuple *>(result.value.p);
            response.body = std::string(runtime::view(static_cast<const runtime::Str *>(record->items()[0].p)));
            response.status = static_cast<int>(record->items()[1].i);
            response.contentType = std::string(runtime::view(static_cast<const runtime::Str *>(record->items()[2].p)));
            const auto *headers = static_cast<const runtime::Dict *>(record->items()[3].p);
            for (std::int64_t k = 0; headers && k < headers->used; ++k)
                if (headers->entries[k].live())
                    response.headers.emplace_back(std::string(runtime::view(static_cast<const runtime::Str *>(headers->entries[k].key.p))),
                                                  std::string(runtime::view(static_cast<const runtime::Str *>(headers->entries[k].value.p))));
            if (response.status < 100 || response.status > 599) {
                response.failure = "Response status " + std::to_string(response.status) + " is not an HTTP status";
                response.status = 500;
                response.body = errorBody("ValueError", response.failure);
                response.contentType = "application/json";
                response.headers.clear();
            }
            break;
        }
        }
        runtime::releaseSlot(result.value, function.returnType);
        refuseSurrogates(response, endpoint.response);
    }
    response.headers.emplace_back("X-Hotpath-Tier", metrics::tierName(response.tier));
    response.headers.emplace_back("Server-Timing", "handler;dur=" + milliseconds(response.handlerNs));
    return response;
}

} // namespace hotpath::server
