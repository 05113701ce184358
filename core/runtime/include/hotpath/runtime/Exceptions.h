// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Python's exceptions as values both tiers share.
//
// A pending exception lives in the call's Context (Context.h): its class, its message
// (what str(e) gives) and the repr of its argument. `try` turns it into an exception
// object when a handler takes it; `raise` puts an object back. Classes form CPython's
// hierarchy: the built-in ones are static here, a program's own (`class NotFound(Exception)`)
// belong to its compiled module and name their base.

#include "hotpath/runtime/Context.h"
#include "hotpath/runtime/Value.h"

namespace hotpath::runtime {

struct ExceptionClass
{
    const char *name;
    const ExceptionClass *base; // null for BaseException
    // The built-in kind it is or derives from: how the server and the tools classify it.
    ErrorKind kind;
};

// The built-in class of that kind (BaseException for None).
const ExceptionClass *builtinExceptionClass(ErrorKind kind);
// The built-in class of that name, or null: "ValueError", "LookupError", ...
const ExceptionClass *builtinExceptionClass(const char *name);
bool isSubclass(const ExceptionClass *cls, const ExceptionClass *of);

// An exception object: a record whose type is exceptionLayout(), with these fields.
enum ExceptionField : std::uint32_t { ExcClass, ExcMessage, ExcArgs, ExcLine, ExcLimit, ExcHttpStatus, ExcFieldCount };
const TypeDesc *exceptionLayout();

inline const ExceptionClass *classOf(const Record *e) { return static_cast<const ExceptionClass *>(e->fields()[ExcClass].p); }
inline const Str *messageOf(const Record *e) { return static_cast<const Str *>(e->fields()[ExcMessage].p); }
// What repr(e) shows between the parentheses: the argument's repr, empty without one.
inline const Str *argsReprOf(const Record *e) { return static_cast<const Str *>(e->fields()[ExcArgs].p); }

extern "C" {
// cls(message): message is str(arg) and argsRepr repr(arg); both null for cls().
Record *hp_exc_new(const ExceptionClass *cls, Str *message,
                                     Str *argsRepr);
// Takes the current call's pending exception into a new object and clears it.
Record *hp_exc_take();
// Whether an `except cls` clause catches e. An exception raised by a limit (the deadline,
// cancellation, the memory cap) is caught by none: see Context::errorIsLimit().
bool hp_exc_match(const Record *e, const ExceptionClass *cls);
// Makes e the pending exception again (`raise e`, a bare `raise`, the end of `finally`).
void hp_exc_raise(const Record *e);
// type(e).__name__
Str *hp_exc_name(const Record *e);
// hotpath.abort(status, description): raises an HTTPException that ends the request with
// that status, as Flask's abort does; a status Flask has no exception for raises
// LookupError, as Werkzeug does.
void hp_abort(std::int64_t status, const Str *description);
}

// What repr() of the context's pending exception shows between its parentheses.
std::string pendingArgsRepr(const Context &context);

// The reason phrase of an HTTP status Werkzeug's abort() knows ("Not Found"), else null.
const char *httpReasonPhrase(int status);

extern "C" {
}

} // namespace hotpath::runtime
