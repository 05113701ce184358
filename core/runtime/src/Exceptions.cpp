// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Exceptions.h"

#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"

#include <cstring>
#include <string_view>

namespace hotpath::runtime {

namespace {

// CPython's built-in hierarchy, as far as Hotpath raises or names it. Each entry names its
// base by kind; the table is in an order where a base comes before its subclasses.
struct BuiltinEntry
{
    ErrorKind kind;
    ErrorKind base;
};
constexpr BuiltinEntry builtinHierarchy[] = {
    {ErrorKind::BaseException, ErrorKind::None},
    {ErrorKind::Exception, ErrorKind::BaseException},
    {ErrorKind::CancelledError, ErrorKind::BaseException}, // asyncio's: not an Exception
    {ErrorKind::ArithmeticError, ErrorKind::Exception},
    {ErrorKind::ZeroDivisionError, ErrorKind::ArithmeticError},
    {ErrorKind::OverflowError, ErrorKind::ArithmeticError},
    {ErrorKind::LookupError, ErrorKind::Exception},
    {ErrorKind::IndexError, ErrorKind::LookupError},
    {ErrorKind::KeyError, ErrorKind::LookupError},
    {ErrorKind::ValueError, ErrorKind::Exception},
    {ErrorKind::TypeError, ErrorKind::Exception},
    {ErrorKind::AssertionError, ErrorKind::Exception},
    {ErrorKind::RuntimeError, ErrorKind::Exception},
    {ErrorKind::RecursionError, ErrorKind::RuntimeError},
    {ErrorKind::NotImplementedError, ErrorKind::RuntimeError},
    {ErrorKind::NameError, ErrorKind::Exception},
    {ErrorKind::UnboundLocalError, ErrorKind::NameError},
    {ErrorKind::TimeoutError, ErrorKind::Exception}, // an OSError in CPython; Hotpath has no OSError
    {ErrorKind::MemoryError, ErrorKind::Exception},
    {ErrorKind::HTTPException, ErrorKind::Exception}, // Werkzeug's, raised by hotpath.abort()
};

constexpr std::size_t kindCount = static_cast<std::size_t>(ErrorKind::HTTPException) + 1;

struct BuiltinTable
{
    ExceptionClass classes[kindCount];
    BuiltinTable()
    {
        for (std::size_t k = 0; k < kindCount; ++k)
            classes[k] = {errorName(static_cast<ErrorKind>(k)), nullptr, static_cast<ErrorKind>(k)};
        for (const BuiltinEntry &entry : builtinHierarchy)
            classes[static_cast<std::size_t>(entry.kind)].base
                = entry.base == ErrorKind::None ? nullptr : &classes[static_cast<std::size_t>(entry.base)];
    }
};

const BuiltinTable &table()
{
    static const BuiltinTable instance;
    return instance;
}

const TypeDesc intDesc{Kind::Int};
const TypeDesc strDesc{Kind::Str};
const TypeDesc *const layoutItems[ExcFieldCount] = {&intDesc, &strDesc, &strDesc, &intDesc, &intDesc, &intDesc};
const char *const layoutNames[ExcFieldCount] = {"class", "message", "args", "line", "limit", "status"};

// The statuses Werkzeug's abort() has an exception class for, with their reason phrases.
struct Reason
{
    int status;
    const char *phrase;
};
constexpr Reason reasons[] = {
    {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"}, {405, "Method Not Allowed"},
    {406, "Not Acceptable"}, {408, "Request Timeout"}, {409, "Conflict"}, {410, "Gone"}, {411, "Length Required"},
    {412, "Precondition Failed"}, {413, "Request Entity Too Large"}, {414, "Request URI Too Long"},
    {415, "Unsupported Media Type"}, {416, "Requested Range Not Satisfiable"}, {417, "Expectation Failed"},
    {418, "I'm a teapot"}, {421, "Misdirected Request"}, {422, "Unprocessable Entity"}, {423, "Locked"},
    {424, "Failed Dependency"}, {428, "Precondition Required"}, {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"}, {451, "Unavailable For Legal Reasons"}, {500, "Internal Server Error"},
    {501, "Not Implemented"}, {502, "Bad Gateway"}, {503, "Service Unavailable"}, {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
};

TypeDesc makeLayout()
{
    TypeDesc d;
    d.kind = Kind::Exception;
    d.count = ExcFieldCount;
    d.items = layoutItems;
    d.fieldNames = layoutNames;
    d.name = "Exception";
    return d;
}
const TypeDesc layout = makeLayout();

} // namespace

const ExceptionClass *builtinExceptionClass(ErrorKind kind)
{
    const auto k = static_cast<std::size_t>(kind);
    return k < kindCount && k != 0 ? &table().classes[k] : &table().classes[static_cast<std::size_t>(ErrorKind::BaseException)];
}

const ExceptionClass *builtinExceptionClass(const char *name)
{
    for (std::size_t k = 1; k < kindCount; ++k)
        if (std::strcmp(table().classes[k].name, name) == 0)
            return &table().classes[k];
    return nullptr;
}

bool isSubclass(const ExceptionClass *cls, const ExceptionClass *of)
{
    for (; cls; cls = cls->base)
        if (cls == of)
            return true;
    return false;
}

const TypeDesc *exceptionLayout() { return &layout; }

std::string pendingArgsRepr(const Context &context)
{
    if (context.hasArgsRepr())
        return context.argsRepr();
    // KeyError's message is already the repr of its key, as CPython's str(KeyError) is.
    std::string args;
    if (context.message().empty())
        return args;
    if (isSubclass(context.errorClass(), builtinExceptionClass(ErrorKind::KeyError)))
        return context.message();
    appendStrRepr(args, context.message());
    return args;
}

const char *httpReasonPhrase(int status)
{
    for (const Reason &reason : reasons)
        if (reason.status == status)
            return reason.phrase;
    return nullptr;
}

extern "C" {

Record *hp_exc_new(const ExceptionClass *cls, Str *message, Str *argsRepr)
{
    Record *e = newRecord(&layout);
    if (!e)
        return nullptr;
    e->fields()[ExcClass].p = const_cast<ExceptionClass *>(cls);
    Str *text = message ? message : newStr("");
    if (message)
        retain(message);
    Str *args = argsRepr ? argsRepr : newStr("");
    if (argsRepr)
        retain(argsRepr);
    e->fields()[ExcMessage].p = text;
    e->fields()[ExcArgs].p = args;
    if (!text || !args) {
        release(e);
        return nullptr;
    }
    return e;
}

Record *hp_exc_take()
{
    Context *context = Context::current();
    if (!context || !context->failed())
        return nullptr;
    const std::string args = pendingArgsRepr(*context);
    const ExceptionClass *cls = context->errorClass();
    const std::string message = context->message();
    const int line = context->errorLine();
    const bool limit = context->errorIsLimit();
    const int httpStatus = context->errorHttpStatus();
    context->clearError();
    Record *e = newRecord(&layout);
    Str *text = newStr(message);
    Str *argsText = newStr(args);
    if (!e || !text || !argsText) {
        release(e);
        release(text);
        release(argsText);
        return nullptr; // MemoryError is pending now
    }
    e->fields()[ExcClass].p = const_cast<ExceptionClass *>(cls);
    e->fields()[ExcMessage].p = text;
    e->fields()[ExcArgs].p = argsText;
    e->fields()[ExcLine].i = line;
    e->fields()[ExcLimit].i = limit;
    e->fields()[ExcHttpStatus].i = httpStatus;
    return e;
}

bool hp_exc_match(const Record *e, const ExceptionClass *cls)
{
    return e && !e->fields()[ExcLimit].i && isSubclass(classOf(e), cls);
}

void hp_exc_raise(const Record *e)
{
    Context *context = Context::current();
    if (!context || !e)
        return;
    context->raiseException(classOf(e), std::string(view(messageOf(e))), std::string(view(argsReprOf(e))), true,
                            static_cast<int>(e->fields()[ExcLine].i), e->fields()[ExcLimit].i != 0,
                            static_cast<int>(e->fields()[ExcHttpStatus].i));
}

void hp_abort(std::int64_t status, const Str *description)
{
    Context *context = Context::current();
    if (!context)
        return;
    const char *phrase = status >= 0 && status < 1000 ? httpReasonPhrase(static_cast<int>(status)) : nullptr;
    if (!phrase) {
        context->raise(ErrorKind::LookupError, "no exception for " + std::to_string(status));
        return;
    }
    const std::string message = description ? std::string(view(description)) : std::string(phrase);
    std::string args;
    appendStrRepr(args, message);
    context->raiseException(builtinExceptionClass(ErrorKind::HTTPException), message, args, true, 0, false,
                            static_cast<int>(status));
}

Str *hp_exc_name(const Record *e) { return newStr(classOf(e)->name); }

} // extern "C"

} // namespace hotpath::runtime
