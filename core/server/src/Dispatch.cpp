// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/Dispatch.h"

#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Json.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/server/HttpWire.h"
#include "hotpath/support/Text.h"
#include "hotpath/vm/HttpRecords.h"
#include "hotpath/vm/Interpreter.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
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
    Slot *field = record->items();
    field[vm::RequestMethod].p = runtime::newStr(request.method);
    field[vm::RequestPath].p = runtime::newStr(request.path);
    field[vm::RequestBody].p = runtime::newStr(request.body);
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
    field[vm::RequestHeaders].p = fill(type->items[vm::RequestHeaders], request.headers, true);
    field[vm::RequestQuery].p = fill(type->items[vm::RequestQuery], request.query, false);
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

namespace {

// The tier the request asks for (X-Hotpath-Tier), or the server's; a 400 for a bad one.
std::optional<HttpResponse> chooseTier(const HttpRequest &request, TierChoice &tier)
{
    const std::string *wanted = request.header("X-Hotpath-Tier");
    if (!wanted)
        return std::nullopt;
    const std::string t = lower(*wanted);
    if (t == "interp")
        tier = TierChoice::Interp;
    else if (t == "jit")
        tier = TierChoice::Jit;
    else if (t != "auto")
        return failure(400, "BadRequest", "X-Hotpath-Tier must be interp, jit or auto, not '" + *wanted + "'");
    return std::nullopt;
}

// The answer when no endpoint runs: 404, or Flask's 308 to the route declared with a
// trailing slash, 200 for OPTIONS, 405 with Allow.
HttpResponse unrouted(const Version &version, const HttpRequest &request, const RouteMatch &match)
{
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
    response.headers.emplace_back("Allow", allowed + ", OPTIONS");
    return response;
}

// A handler's arguments, released when they go out of scope (or earlier, by release()).
class Arguments
{
public:
    explicit Arguments(const vm::Function &function) : m_function(function), m_slots(function.paramCount, Slot{0}) {}
    ~Arguments() { release(); }
    Arguments(const Arguments &) = delete;
    Arguments &operator=(const Arguments &) = delete;

    Slot &operator[](std::size_t k) { return m_slots[k]; }
    const std::vector<Slot> &slots() const { return m_slots; }
    void release()
    {
        for (std::size_t k = 0; k < m_slots.size(); ++k)
            runtime::releaseSlot(m_slots[k], m_function.paramTypes[k]);
        std::fill(m_slots.begin(), m_slots.end(), Slot{0});
    }

private:
    const vm::Function &m_function;
    std::vector<Slot> m_slots;
};

// Path captures and query parameters converted by declared type, defaults where absent,
// the Request record; a 400 naming the parameter when one is missing or does not convert.
std::optional<HttpResponse> bindArguments(const HttpRequest &request, const RouteMatch &match, const lang::EndpointInfo &endpoint,
                                          const vm::Module &module, const vm::Function &function, Arguments &args)
{
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
            return failure(400, "BadRequest", std::string("missing ") + where + " '" + param.name + "' (" + typeName(type) + ")");
        }
        // An int | None present in the query is an int, boxed.
        const TypeDesc *value = type->kind == Kind::Optional ? type->element : type;
        Slot converted{0};
        if (value->kind == Kind::Str) {
            converted.p = runtime::newStr(*text);
        } else if (!convertParameter(*text, value, converted)) {
            return failure(400, "BadRequest", std::string(where) + " '" + param.name + "': expected " + typeName(type) + ", got '" + *text + "'");
        }
        if (type->kind == Kind::Optional && type->boxesScalar())
            args[at].p = runtime::hp_box(converted, type);
        else
            args[at] = converted;
    }
    return std::nullopt;
}

// Module state: writers one at a time, readers together, held by the caller until the
// result has been turned into bytes (it may be an object that state holds). False with
// `response` filled when the lock did not come in time, or the state moved on to a newer
// version (then the caller dispatches again there).
bool lockState(const vm::Module &module, lang::StateAccess access, const DispatchOptions &options,
               std::shared_lock<std::shared_timed_mutex> &readLock, std::unique_lock<std::shared_timed_mutex> &writeLock,
               HttpResponse &response)
{
    if (!module.state || access == lang::StateAccess::None)
        return true;
    // A system_clock deadline: libstdc++ then waits with pthread_rwlock_timed*lock, which
    // ThreadSanitizer understands (the steady-clock wait it does not see at all).
    const auto waitUntil = std::chrono::system_clock::now()
        + (options.limits.timeout.count() > 0 ? options.limits.timeout : std::chrono::hours(1));
    bool locked = false;
    if (access == lang::StateAccess::Write) {
        writeLock = std::unique_lock(module.state->lock, std::defer_lock);
        locked = writeLock.try_lock_until(waitUntil);
    } else {
        readLock = std::shared_lock(module.state->lock, std::defer_lock);
        locked = readLock.try_lock_until(waitUntil);
    }
    if (locked && !module.state->moved.load())
        return true;
    if (locked) {
        response.stateMoved = true;
        return false;
    }
    response.status = 504;
    response.failure = "TimeoutError: the module state stayed in use by other requests past the deadline";
    response.body = errorBody("TimeoutError", "the module state stayed in use by other requests past this request's deadline");
    return false;
}

// An error the handler raised: 504 for its deadline, 400 for a request it could not read
// (Request.json()), else 500; the body names the error and where it was raised.
void answerError(const vm::CallResult &result, const VersionFile &file, const runtime::Context &context, HttpResponse &response)
{
    if (result.error == runtime::ErrorKind::CancelledError) {
        // Nobody reads this answer; the log and the metrics do (499, as nginx counts it).
        response.status = 499;
        response.failure = "the client closed the connection, so the handler was stopped (" + file.name + ":"
            + std::to_string(result.line) + ")";
        response.body = errorBody("ClientClosedRequest", response.failure);
        return;
    }
    if (result.httpStatus) {
        // abort(status, description): Flask's answer for that status, as JSON.
        const char *phrase = runtime::httpReasonPhrase(result.httpStatus);
        response.status = result.httpStatus;
        response.body = errorBody(phrase ? phrase : "HTTPException", result.message);
        response.failure = std::to_string(result.httpStatus) + " " + (phrase ? phrase : "") + ": " + result.message + " ("
                         + file.name + ":" + std::to_string(result.line) + ")";
        return;
    }
    const std::string name = result.errorClass.empty() ? runtime::errorName(result.error) : result.errorClass;
    response.failure = name + ": " + result.message + " (" + file.name + ":" + std::to_string(result.line) + ")";
    // Only the deadline is a 504: a TimeoutError the handler raises itself is its own error.
    const bool deadline = result.error == runtime::ErrorKind::TimeoutError && result.errorIsLimit;
    response.status = deadline ? 504 : context.errorIsRequests() ? 400 : 500;
    std::string body = "{\"error\":";
    runtime::appendJsonString(body, name);
    body += ",\"message\":";
    runtime::appendJsonString(body, result.message);
    body += ",\"file\":";
    runtime::appendJsonString(body, file.name);
    body += ",\"line\":" + std::to_string(result.line) + "}";
    response.body = std::move(body);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

// RFC 9110 §5.6.2: a header name is a token.
bool isToken(std::string_view name)
{
    if (name.empty())
        return false;
    for (const unsigned char c : name)
        if (!(std::isalnum(c) || std::strchr("!#$%&'*+-.^_`|~", c)))
            return false;
    return true;
}

// A field value may not hold a line break or NUL: written out, a CR or LF would end the
// header and let the rest forge headers or a whole response (RFC 9110 §5.5).
bool isFieldValue(std::string_view value) { return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos; }

// A name as the message shows it: quoted, with control bytes escaped, so the log stays one line.
std::string quotedName(std::string_view name)
{
    std::string out = "'";
    for (const unsigned char c : name) {
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c < 0x20 || c == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else
            out += static_cast<char>(c);
    }
    return out + "'";
}

// Why a handler's Response cannot go on the wire as given, or nothing.
std::string badResponseHead(const HttpResponse &response)
{
    if (response.status < 200 || response.status > 599)
        return "Response status " + std::to_string(response.status)
               + (response.status >= 100 && response.status < 200 ? " is an interim status; a handler answers with 200-599"
                                                                   : " is not an HTTP status (200-599)");
    if (!isFieldValue(response.contentType))
        return "Response content_type holds a line break";
    for (const auto &[name, value] : response.headers) {
        if (!isToken(name))
            return "Response header name " + quotedName(name) + " is not a valid header name";
        if (!isFieldValue(value))
            return "Response header " + quotedName(name) + " holds a line break in its value";
    }
    return {};
}

std::string strOf(Slot s) { return std::string(runtime::view(static_cast<const runtime::Str *>(s.p))); }

void appendHeaders(const runtime::Dict *headers, HttpResponse &response)
{
    for (std::int64_t k = 0; headers && k < headers->used; ++k)
        if (headers->entries[k].live())
            response.headers.emplace_back(strOf(headers->entries[k].key), strOf(headers->entries[k].value));
}

// A head the handler wrote (a Response, or a status pair's status and headers): refused
// when it could split the response; a Content-Type among the headers is the content type
// (as Flask takes it); a Connection: close ends the connection after this answer.
void finishHandlerHead(HttpResponse &response)
{
    if (std::string why = badResponseHead(response); !why.empty()) {
        response.failure = why;
        response.status = 500;
        response.body = errorBody("ValueError", why);
        response.contentType = "application/json";
        response.headers.clear();
        return;
    }
    for (auto it = response.headers.begin(); it != response.headers.end();) {
        if (equalsIgnoringCase(it->first, "content-type")) {
            response.contentType = it->second;
            it = response.headers.erase(it);
            continue;
        }
        if (equalsIgnoringCase(it->first, "connection") && equalsIgnoringCase(it->second, "close"))
            response.close = true;
        ++it;
    }
}

// What the handler returned, by its declared kind: text, JSON, or a Response record.
void answerValue(Slot value, lang::ResponseKind kind, const TypeDesc *type, HttpResponse &response)
{
    auto str = strOf;
    switch (kind) {
    case lang::ResponseKind::Text:
        response.contentType = "text/plain; charset=utf-8";
        response.body = str(value);
        break;
    case lang::ResponseKind::Json: runtime::appendJson(response.body, value, type); break;
    case lang::ResponseKind::Response: {
        const Slot *field = static_cast<const runtime::Tuple *>(value.p)->items();
        response.body = str(field[vm::ResponseBody]);
        response.status = static_cast<int>(field[vm::ResponseStatus].i);
        response.contentType = str(field[vm::ResponseContentType]);
        appendHeaders(static_cast<const runtime::Dict *>(field[vm::ResponseHeaders].p), response);
        finishHandlerHead(response);
        break;
    }
    }
    refuseSurrogates(response, kind);
}

// (body, status), (body, status, headers) or (body, headers), as Flask reads a returned
// tuple: the body as the function's kind says, then the status and headers over what the
// body set.
void answerResult(Slot value, lang::ResponseKind kind, lang::TupleAnswer tuple, const TypeDesc *type, HttpResponse &response)
{
    if (tuple == lang::TupleAnswer::None) {
        answerValue(value, kind, type, response);
        return;
    }
    const Slot *item = static_cast<const runtime::Tuple *>(value.p)->items();
    answerValue(item[0], kind, type->items[0], response);
    if (!response.failure.empty())
        return;
    if (tuple == lang::TupleAnswer::Headers) {
        appendHeaders(static_cast<const runtime::Dict *>(item[1].p), response);
    } else {
        response.status = static_cast<int>(std::clamp<std::int64_t>(item[1].i, -1, 100000));
        if (tuple == lang::TupleAnswer::StatusHeaders)
            appendHeaders(static_cast<const runtime::Dict *>(item[2].p), response);
    }
    finishHandlerHead(response);
}

// An exception the endpoint did not catch, answered by the file's @errorhandler for its
// class or the nearest base that has one, as Flask's app.errorhandler; false when none
// takes it. Limits, abort() and a client that left are never handed over.
bool answerWithErrorHandler(const VersionFile &file, const jit::Program *native, const vm::CallResult &failed,
                            runtime::Context &context, HttpResponse &response)
{
    const vm::Module &module = *file.module;
    if (module.errorHandlers.empty() || failed.errorIsLimit || failed.httpStatus || !failed.exceptionClass
        || failed.error == runtime::ErrorKind::CancelledError)
        return false;
    for (const runtime::ExceptionClass *cls = failed.exceptionClass; cls; cls = cls->base) {
        for (std::size_t k = 0; k < module.errorHandlers.size(); ++k) {
            if (module.errorHandlers[k].cls != cls)
                continue;
            const lang::ErrorHandlerInfo &info = file.program->errorHandlers[k];
            const int index = module.errorHandlers[k].function;
            const vm::Function &handler = module.functions[static_cast<std::size_t>(index)];
            context.clearError();
            runtime::Str *message = runtime::newStr(failed.message);
            runtime::Str *args = runtime::newStr(failed.argsRepr);
            runtime::Record *exception = message && args ? runtime::hp_exc_new(failed.exceptionClass, message, args) : nullptr;
            runtime::release(message);
            runtime::release(args);
            if (!exception)
                return false;
            Slot argument;
            argument.p = exception;
            const vm::CallResult result = native ? native->call(index, {argument}, context)
                                                 : vm::callFunction(module, index, {argument}, context);
            runtime::release(exception);
            if (!result.ok) {
                answerError(result, file, context, response);
                return true;
            }
            answerResult(result.value, info.response, info.tuple, handler.returnType, response);
            runtime::releaseSlot(result.value, handler.returnType);
            return true;
        }
    }
    return false;
}

} // namespace

HttpResponse dispatch(const Version &version, const HttpRequest &request, const DispatchOptions &options,
                      const std::atomic<bool> *cancelled)
{
    TierChoice tier = options.tier;
    if (std::optional<HttpResponse> bad = chooseTier(request, tier))
        return *bad;
    const RouteMatch match = version.routes().match(request.method, request.path);
    if (match.result != RouteMatch::Result::Found)
        return unrouted(version, request, match);
    const Route &route = *match.route;
    const VersionFile &file = version.files()[static_cast<std::size_t>(route.file)];
    const lang::EndpointInfo &endpoint = *file.program->endpoints[static_cast<std::size_t>(route.endpoint)];
    const vm::Module &module = *file.module;
    const vm::Function &function = module.functions[static_cast<std::size_t>(route.function)];

    // The tier: the JIT when asked for (waiting for its code), or in auto mode once ready.
    const jit::Program *native = nullptr;
    if (tier != TierChoice::Interp) {
        std::string why;
        native = version.jitProgram(route.file, tier == TierChoice::Jit, &why);
        if (!native && tier == TierChoice::Jit)
            return failure(500, "JitUnavailable", "the JIT could not compile " + file.name + ": " + why);
    }

    runtime::Context context(options.limits);
    context.cancelWhen(cancelled);
    std::string output;
    context.setOutput([](void *user, const char *data, std::size_t size) { static_cast<std::string *>(user)->append(data, size); }, &output);
    runtime::CurrentContext current(&context);

    Arguments args(function);
    if (std::optional<HttpResponse> bad = bindArguments(request, match, endpoint, module, function, args))
        return *bad;

    HttpResponse response;
    response.route = static_cast<int>(match.route - version.routes().routes().data());
    response.tier = native ? metrics::Tier::Jit : metrics::Tier::Interp;
    // The deadline counts from the request's arrival: one that waited for a handler thread
    // until it passed is answered at once, without spending the CPU it no longer has time for.
    const runtime::Limits &limits = options.limits;
    if (limits.timeout.count() > 0 && limits.since != Clock::time_point{} && Clock::now() >= limits.since + limits.timeout) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(limits.timeout).count();
        response.status = 504;
        response.failure = "TimeoutError: the request waited for a handler thread past its " + std::to_string(ms) + " ms deadline";
        response.body = errorBody("TimeoutError", "the request waited for a handler thread past its " + std::to_string(ms) + " ms deadline");
        response.headers.emplace_back("X-Hotpath-Tier", metrics::tierName(response.tier));
        return response;
    }
    std::shared_lock<std::shared_timed_mutex> readLock;
    std::unique_lock<std::shared_timed_mutex> writeLock;
    if (!lockState(module, endpoint.function->stateAccess, options, readLock, writeLock, response))
        return response;
    response.handled = true;
    const auto started = Clock::now();
    vm::CallResult result = native ? native->call(route.function, args.slots(), context)
                                   : vm::callFunction(module, route.function, args.slots(), context);
    response.handlerNs = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started).count();
    response.output = std::move(output);
    args.release();
    if (!result.ok) {
        if (!answerWithErrorHandler(file, native, result, context, response))
            answerError(result, file, context, response);
    } else {
        answerResult(result.value, endpoint.response, endpoint.tuple, function.returnType, response);
        runtime::releaseSlot(result.value, function.returnType);
    }
    response.headers.emplace_back("X-Hotpath-Tier", metrics::tierName(response.tier));
    response.headers.emplace_back("Server-Timing", "handler;dur=" + milliseconds(response.handlerNs));
    return response;
}

} // namespace hotpath::server
