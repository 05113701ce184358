// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A checked program: the typed syntax tree of one handler file plus the tables the
// checker built from it (records, functions with their locals, module constants and
// HTTP endpoints). It is what the bytecode compiler, the JIT and the server consume;
// nothing downstream re-derives types or re-reads the source.

#include "hotpath/lang/Ast.h"
#include "hotpath/lang/Types.h"
#include "hotpath/support/SourceFile.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace hotpath::lang {

struct FieldInfo
{
    std::string name;
    const Type *type = nullptr;
    Span span;
    const Expr *defaultValue = nullptr;
    // field(default_factory=...): defaultValue makes a new value each time it is evaluated
    // ([], {}, set(), Address()), so it is no module constant.
    bool factory = false;
};

struct RecordInfo
{
    std::string name;
    Span span;
    const ClassDef *decl = nullptr;
    std::vector<FieldInfo> fields;
    const Type *type = nullptr;
    // Functions defined in the class body: methods, static and class methods, properties.
    // __post_init__ runs after every construction (a call of the class, Request.json).
    std::vector<struct FunctionInfo *> methods;
    const struct FunctionInfo *postInit = nullptr;

    int fieldIndex(const std::string &field) const;
    const struct FunctionInfo *findMethod(const std::string &name) const;
};

// An exception class: one of CPython's built-in ones, or the program's own
// (`class NotFound(Exception): pass`), which names its base.
struct ExceptionInfo
{
    std::string name;
    const ExceptionInfo *base = nullptr; // null for BaseException
    bool builtin = false;
    Span span;                           // the program's classes: the class name
    const Type *type = nullptr;

    bool isSubclassOf(const ExceptionInfo *other) const;
};

struct ParamInfo
{
    std::string name;
    const Type *type = nullptr;
    Span span;
    const Expr *defaultValue = nullptr;
};

struct LocalInfo
{
    std::string name;
    const Type *type = nullptr;
    Span declaredAt;
};

// How a function touches module state (module-level lists, dicts, records, and names a
// function rebinds with `global`), including everything it calls. The server runs Write
// endpoints one at a time and Read endpoints alongside each other (core/runtime/README.md).
enum class StateAccess : unsigned char { None, Read, Write };

enum class ParamSource : unsigned char { Path, Query, Request };
enum class ResponseKind : unsigned char { Text, Json, Response };
// A returned tuple as Flask reads it: (body, status), (body, status, headers), (body, headers).
enum class TupleAnswer : unsigned char { None, Status, StatusHeaders, Headers };

struct EndpointParam
{
    std::string name;
    ParamSource source = ParamSource::Query;
    const Type *type = nullptr;
    int paramIndex = 0;
    bool required = true;
    std::string converter; // Path: int, float, str or path
};

struct EndpointInfo
{
    std::vector<std::string> methods; // upper case
    std::string path;                 // as written: /fib/<int:n>
    std::string routeKey;             // variable names erased: /fib/<int>, for duplicate detection
    Span span;                        // the decorator
    const struct FunctionInfo *function = nullptr;
    std::vector<EndpointParam> params;
    // How the body is answered; with a tuple, the body is item 0 of the tuple the handler
    // returns, as Flask takes `return body, 404` and `return body, 201, {"Location": ...}`.
    ResponseKind response = ResponseKind::Json;
    TupleAnswer tuple = TupleAnswer::None;
    // Statuses written as literals in the handler's body, for OpenAPI: the status of
    // `return body, 201` (answers) and of `abort(404, ...)` (errors).
    std::set<int> answerStatuses, abortStatuses;
};

// @errorhandler(NotFound) def not_found(e: NotFound) -> tuple[dict[str, str], int]: the
// answer of any endpoint of the file that raises a NotFound (or a subclass) no handler of
// a nearer class takes, as Flask's app.errorhandler.
struct ErrorHandlerInfo
{
    const ExceptionInfo *exception = nullptr;
    const struct FunctionInfo *function = nullptr;
    Span span; // the decorator
    ResponseKind response = ResponseKind::Json;
    TupleAnswer tuple = TupleAnswer::None;
};

// What a function defined in a class body is. A method's and a property's first parameter
// is `self`, the instance; a class method's `cls` is not a parameter at all: inside, the
// name stands for the class (cls(...) constructs one).
enum class MethodKind : unsigned char { None, Instance, Static, Class, Property };

struct FunctionInfo
{
    std::string name; // Point.norm for a method
    FunctionDef *decl = nullptr; // the checker annotates its body in place
    std::vector<ParamInfo> params;
    const Type *returnType = nullptr;
    std::vector<LocalInfo> locals; // parameters first, in order
    const EndpointInfo *endpoint = nullptr;
    bool isErrorHandler = false;
    const RecordInfo *owner = nullptr; // the class whose body defines it
    MethodKind method = MethodKind::None;
    std::string memberName;            // norm, for Point.norm
    std::string classParam;            // a class method's `cls`

    // What the body does itself, recorded while it is checked; stateAccess adds callees.
    std::set<int> constantsUsed;     // module-level names read or written
    std::set<int> constantsRebound;  // names assigned after `global`
    std::set<const Type *> typesMutated; // receivers of append/pop/..., item and field assignment
    std::set<const FunctionInfo *> callees;
    StateAccess stateAccess = StateAccess::None;

    int paramIndex(const std::string &param) const;
};

struct ConstantInfo
{
    std::string name;
    const Type *type = nullptr;
    Span span;
    const Expr *value = nullptr;
    // Module state rather than a constant: a function rebinds it with `global`, or its
    // value can change in place (list, dict, dataclass, or a tuple holding one) and some
    // function mutates a value of a type it reaches. State lives in the program's
    // ModuleState and survives reloads; constants are immortal.
    bool isState = false;
};

struct Program
{
    explicit Program(support::SourceFile f) : file(std::move(f)) {}

    support::SourceFile file;
    Module module;
    TypeContext types;
    std::vector<std::unique_ptr<RecordInfo>> records;
    // Built-in exception classes first (in an order where a base precedes its subclasses),
    // then the program's, in source order.
    std::vector<std::unique_ptr<ExceptionInfo>> exceptions;
    const ExceptionInfo *findException(const std::string &name) const;
    std::vector<std::unique_ptr<FunctionInfo>> functions;
    std::vector<std::unique_ptr<EndpointInfo>> endpoints;
    std::vector<ErrorHandlerInfo> errorHandlers;
    std::vector<ConstantInfo> constants;
    // The locals of module-level code: the targets of comprehensions and the parameters of
    // key lambdas in module constants, which the constant initialiser keeps in registers.
    FunctionInfo moduleScope;

    const FunctionInfo *findFunction(const std::string &name) const;
};

} // namespace hotpath::lang
