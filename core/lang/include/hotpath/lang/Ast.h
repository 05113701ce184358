// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The syntax tree of a handler module. It is Python's tree restricted to the subset:
// nodes for constructs Hotpath does not support are never built (the parser reports
// them by name instead). Nodes own their children through unique_ptr; every node has
// the byte span it came from so later stages report exact positions.
//
// The checker annotates the tree in place (expression types, what a name or call
// resolved to), so the bytecode compiler and the JIT read one typed tree and can never
// disagree about what the source meant.

#include "hotpath/lang/Builtins.h"
#include "hotpath/support/SourceFile.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hotpath::lang {

using support::Span;
class Type;
struct FunctionInfo;
struct RecordInfo;
struct ExceptionInfo;
struct LambdaExpr;

enum class ExprKind : std::uint8_t {
    IntLiteral, FloatLiteral, BoolLiteral, StrLiteral, NoneLiteral, FString,
    Name, Attribute, Call, Subscript, Slice, Unary, Binary, BoolOp, Compare, IfExp,
    ListLiteral, DictLiteral, TupleLiteral, SetLiteral, Comprehension, Lambda, Named, Invalid,
    Ellipsis, // `...`: meaningful only in an annotation, tuple[T, ...]
};

struct Expr
{
    explicit Expr(ExprKind k, Span s) : kind(k), span(s) {}
    virtual ~Expr() = default;
    Expr(const Expr &) = delete;
    Expr &operator=(const Expr &) = delete;

    template<typename T> T &as() { return static_cast<T &>(*this); }
    template<typename T> const T &as() const { return static_cast<const T &>(*this); }

    ExprKind kind;
    Span span;
    const Type *type = nullptr; // set by the checker
    // Set by the checker where an int value flows into a float slot (PEP 484's numeric
    // tower): evaluate as int, then convert.
    bool widenToFloat = false;
    // Set by the checker where a T (or None) flows into a T | None slot: evaluate, widen,
    // then wrap (a scalar is boxed; None is the null pointer).
    bool wrapOptional = false;
};
using ExprPtr = std::unique_ptr<Expr>;

struct IntLiteral : Expr
{
    IntLiteral(Span s, std::int64_t v) : Expr(ExprKind::IntLiteral, s), value(v) {}
    std::int64_t value;
};

struct FloatLiteral : Expr
{
    FloatLiteral(Span s, double v) : Expr(ExprKind::FloatLiteral, s), value(v) {}
    double value;
};

struct BoolLiteral : Expr
{
    BoolLiteral(Span s, bool v) : Expr(ExprKind::BoolLiteral, s), value(v) {}
    bool value;
};

struct StrLiteral : Expr
{
    StrLiteral(Span s, std::string v) : Expr(ExprKind::StrLiteral, s), value(std::move(v)) {}
    std::string value;
};

struct NoneLiteral : Expr
{
    explicit NoneLiteral(Span s) : Expr(ExprKind::NoneLiteral, s) {}
};

struct EllipsisExpr : Expr
{
    explicit EllipsisExpr(Span s) : Expr(ExprKind::Ellipsis, s) {}
};

struct FStringExpr;

// One piece of an f-string: literal text, or a `{value!conversion:spec}` field whose
// spec may itself contain fields (`{x:>{width}}`).
struct FStringPart
{
    Span span;
    std::string literal;                // when value is null
    ExprPtr value;                      // the field's expression
    char conversion = 0;                // 0, 'r', 's' or 'a'
    std::unique_ptr<FStringExpr> spec;  // null when the field has no ':'
};

struct FStringExpr : Expr
{
    explicit FStringExpr(Span s) : Expr(ExprKind::FString, s) {}
    std::vector<FStringPart> parts;
    // The spec as literal text when it has no nested fields (the checker validates it).
    bool isConstantSpec() const;
    std::string constantText() const;
};

enum class NameBinding : std::uint8_t { Unresolved, Local, Constant, Function, Builtin, Module, Record, TypeName };

struct NameExpr : Expr
{
    NameExpr(Span s, std::string n) : Expr(ExprKind::Name, s), name(std::move(n)) {}
    std::string name;
    NameBinding binding = NameBinding::Unresolved;
    int slot = -1; // Local: index into the function's locals; Constant: index of the constant
    // A local of type T | None read where the checker has proved it is not None: the
    // expression's type is T and the compiler reads the value inside.
    bool narrowed = false;
};

struct AttributeExpr : Expr
{
    AttributeExpr(Span s, ExprPtr o, std::string n, Span ns)
        : Expr(ExprKind::Attribute, s), object(std::move(o)), name(std::move(n)), nameSpan(ns) {}
    ExprPtr object;
    std::string name;
    Span nameSpan;
    int fieldIndex = -1; // record field, set by the checker
    bool narrowed = false; // a T | None field proved not None here: typed T, read inside
    // type(e).__name__ of an exception e (the object is the call type(e)).
    bool exceptionName = false;
    // obj.prop of a @property: a call of this function with the object.
    const FunctionInfo *property = nullptr;
};

struct KeywordArgument
{
    std::string name;
    Span nameSpan;
    ExprPtr value;
};

// What a call resolved to; set by the checker.
enum class CallTarget : std::uint8_t {
    Unresolved, Function, Builtin, Method, Record, Response, MathFunction, TypeConversion,
    Exception, // ValueError("message"), NotFound(): a new exception object
    Abort,     // hotpath.abort(status, description): ends the request with that status
    Jsonify,   // hotpath.jsonify(value): a JSON Response
    Replace,   // dataclasses.replace(obj, field=value): boundArgs per field, null to copy
};

struct CallExpr : Expr
{
    CallExpr(Span s, ExprPtr c) : Expr(ExprKind::Call, s), callee(std::move(c)) {}
    ExprPtr callee;
    std::vector<ExprPtr> args;
    std::vector<KeywordArgument> keywords;

    CallTarget target = CallTarget::Unresolved;
    Builtin builtin = Builtin::None;     // Builtin, Method, MathFunction: which one (Builtins.h)
    const FunctionInfo *function = nullptr;
    const RecordInfo *record = nullptr;
    const ExceptionInfo *exception = nullptr;
    // Arguments in parameter order after binding keywords and defaults; null entries
    // take the parameter's default value.
    std::vector<Expr *> boundArgs;
    // sorted(), min(), max(), list.sort(): the key function (a LambdaExpr) and default=.
    LambdaExpr *key = nullptr;
    Expr *defaultValue = nullptr;
};

struct SubscriptExpr : Expr
{
    SubscriptExpr(Span s, ExprPtr o, ExprPtr i) : Expr(ExprKind::Subscript, s), object(std::move(o)), index(std::move(i)) {}
    ExprPtr object;
    ExprPtr index;
};

struct SliceExpr : Expr
{
    SliceExpr(Span s, ExprPtr o) : Expr(ExprKind::Slice, s), object(std::move(o)) {}
    ExprPtr object;
    ExprPtr lower, upper, step; // each may be null
};

enum class UnaryOp : std::uint8_t { Negate, Plus, Invert, Not };

struct UnaryExpr : Expr
{
    UnaryExpr(Span s, UnaryOp o, ExprPtr e) : Expr(ExprKind::Unary, s), op(o), operand(std::move(e)) {}
    UnaryOp op;
    ExprPtr operand;
};

enum class BinaryOp : std::uint8_t {
    Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor,
};
const char *binaryOpSpelling(BinaryOp op);

struct BinaryExpr : Expr
{
    BinaryExpr(Span s, BinaryOp o, ExprPtr l, ExprPtr r, Span os)
        : Expr(ExprKind::Binary, s), op(o), left(std::move(l)), right(std::move(r)), opSpan(os) {}
    BinaryOp op;
    ExprPtr left, right;
    Span opSpan;
};

struct BoolOpExpr : Expr
{
    BoolOpExpr(Span s, bool a, ExprPtr l, ExprPtr r)
        : Expr(ExprKind::BoolOp, s), isAnd(a), left(std::move(l)), right(std::move(r)) {}
    bool isAnd;
    ExprPtr left, right;
    // Set by the checker. truthOnly: the result is only tested for truth (an if or while
    // condition), so the sides may differ in type and the value is a bool. unwrapLeft:
    // `x or default` with x a T | None and a T default is a T.
    bool truthOnly = false;
    bool unwrapLeft = false;
};

enum class CompareOp : std::uint8_t { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, In, NotIn, Is, IsNot };
const char *compareOpSpelling(CompareOp op);

// `a < b < c` keeps every operand once: ops[i] compares operands[i] and operands[i+1].
struct CompareExpr : Expr
{
    explicit CompareExpr(Span s) : Expr(ExprKind::Compare, s) {}
    std::vector<CompareOp> ops;
    std::vector<Span> opSpans;
    std::vector<ExprPtr> operands;
    // Per comparison, set by the checker: the T | None both sides are compared as when
    // one of them is optional (the other is wrapped); null otherwise.
    std::vector<const Type *> optionalTypes;
};

struct IfExpr : Expr
{
    IfExpr(Span s, ExprPtr c, ExprPtr t, ExprPtr e)
        : Expr(ExprKind::IfExp, s), condition(std::move(c)), then(std::move(t)), otherwise(std::move(e)) {}
    ExprPtr condition, then, otherwise;
};

struct ListExpr : Expr
{
    explicit ListExpr(Span s) : Expr(ExprKind::ListLiteral, s) {}
    std::vector<ExprPtr> elements;
};

struct TupleExpr : Expr
{
    explicit TupleExpr(Span s) : Expr(ExprKind::TupleLiteral, s) {}
    std::vector<ExprPtr> elements;
    bool parenthesized = false;
};

struct SetExpr : Expr
{
    explicit SetExpr(Span s) : Expr(ExprKind::SetLiteral, s) {}
    std::vector<ExprPtr> elements;
};

struct DictExpr : Expr
{
    explicit DictExpr(Span s) : Expr(ExprKind::DictLiteral, s) {}
    std::vector<ExprPtr> keys, values;
};

// `for target in iterable if condition ...`: one clause of a comprehension.
struct ComprehensionClause
{
    Span span;
    ExprPtr target; // a Name or a Tuple of Names
    ExprPtr iterable;
    std::vector<ExprPtr> conditions;
};

// [x for ...], {k: v for ...}, {x for ...} and (x for ...). Its targets live in a scope
// of their own, as in Python 3: the checker gives them fresh local slots.
enum class ComprehensionForm : std::uint8_t { List, Dict, Set, Generator };

struct ComprehensionExpr : Expr
{
    ComprehensionExpr(Span s, ComprehensionForm f, ExprPtr e)
        : Expr(ExprKind::Comprehension, s), form(f), element(std::move(e)) {}
    ComprehensionForm form;
    ExprPtr element; // the dict's key for a dict comprehension
    ExprPtr value;   // dict comprehensions only
    std::vector<ComprehensionClause> clauses;
};

// lambda x: x.score — as the key= of sorted(), min(), max() and list.sort(), where its body
// is evaluated in place for each element (so it reads the enclosing function's variables
// as they are when it runs, Python's late binding). The checker also builds one for a
// named key (key=len, key=str.lower, key=score_of).
struct LambdaExpr : Expr
{
    explicit LambdaExpr(Span s) : Expr(ExprKind::Lambda, s) {}
    struct Param
    {
        std::string name;
        Span span;
        int slot = -1; // the local the checker gives it
    };
    std::vector<Param> params;
    ExprPtr body;
};

// (name := value): assigns and is the value. The name is a local of the enclosing
// function, also when the walrus is inside a comprehension (Python's rule).
struct NamedExpr : Expr
{
    NamedExpr(Span s, std::unique_ptr<NameExpr> t, ExprPtr v)
        : Expr(ExprKind::Named, s), target(std::move(t)), value(std::move(v)) {}
    std::unique_ptr<NameExpr> target;
    ExprPtr value;
};

// Stands in for an expression that failed to parse, so the tree stays well formed.
struct InvalidExpr : Expr
{
    explicit InvalidExpr(Span s) : Expr(ExprKind::Invalid, s) {}
};

// ---------------------------------------------------------------------------------------
enum class StmtKind : std::uint8_t {
    Expr, Assign, AnnAssign, AugAssign, If, While, For, Break, Continue, Pass, Return,
    Assert, FunctionDef, ClassDef, Import, ImportFrom, Global, Try, Raise,
};

struct Stmt
{
    Stmt(StmtKind k, Span s) : kind(k), span(s) {}
    virtual ~Stmt() = default;
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    template<typename T> T &as() { return static_cast<T &>(*this); }
    template<typename T> const T &as() const { return static_cast<const T &>(*this); }

    StmtKind kind;
    Span span;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct ExprStmt : Stmt
{
    ExprStmt(Span s, ExprPtr e) : Stmt(StmtKind::Expr, s), expr(std::move(e)) {}
    ExprPtr expr;
};

struct AssignStmt : Stmt
{
    AssignStmt(Span s, ExprPtr t, ExprPtr v) : Stmt(StmtKind::Assign, s), target(std::move(t)), value(std::move(v)) {}
    ExprPtr target; // Name, Attribute, Subscript or a Tuple of Names (unpacking)
    ExprPtr value;
};

struct AnnAssignStmt : Stmt
{
    AnnAssignStmt(Span s, ExprPtr t, ExprPtr a, ExprPtr v)
        : Stmt(StmtKind::AnnAssign, s), target(std::move(t)), annotation(std::move(a)), value(std::move(v)) {}
    ExprPtr target;
    ExprPtr annotation;
    ExprPtr value; // may be null (only in dataclass bodies)
};

struct AugAssignStmt : Stmt
{
    AugAssignStmt(Span s, ExprPtr t, BinaryOp o, ExprPtr v, Span os)
        : Stmt(StmtKind::AugAssign, s), target(std::move(t)), op(o), value(std::move(v)), opSpan(os) {}
    ExprPtr target;
    BinaryOp op;
    ExprPtr value;
    Span opSpan;
};

struct IfStmt : Stmt
{
    IfStmt(Span s, ExprPtr c) : Stmt(StmtKind::If, s), condition(std::move(c)) {}
    ExprPtr condition;
    Block body, orelse; // `elif` is an IfStmt alone in orelse
};

struct WhileStmt : Stmt
{
    WhileStmt(Span s, ExprPtr c) : Stmt(StmtKind::While, s), condition(std::move(c)) {}
    ExprPtr condition;
    Block body;
};

struct ForStmt : Stmt
{
    ForStmt(Span s, ExprPtr t, ExprPtr i) : Stmt(StmtKind::For, s), target(std::move(t)), iterable(std::move(i)) {}
    ExprPtr target; // a Name or a Tuple of Names
    ExprPtr iterable;
    Block body;
};

struct SimpleStmt : Stmt // break, continue, pass
{
    using Stmt::Stmt;
};

struct ReturnStmt : Stmt
{
    ReturnStmt(Span s, ExprPtr v) : Stmt(StmtKind::Return, s), value(std::move(v)) {}
    ExprPtr value; // may be null
};

struct AssertStmt : Stmt
{
    AssertStmt(Span s, ExprPtr t, ExprPtr m) : Stmt(StmtKind::Assert, s), test(std::move(t)), message(std::move(m)) {}
    ExprPtr test;
    ExprPtr message; // may be null
};

// except E as name: body. The classes are the checker's: empty for a bare `except:`.
struct ExceptHandler
{
    Span span;          // the `except` keyword
    ExprPtr type;       // may be null (bare except); a Name or a Tuple of Names
    std::string name;   // empty without `as`
    Span nameSpan;
    Block body;
    int slot = -1;      // the local `name` binds, set by the checker
    std::vector<const ExceptionInfo *> classes;
};

struct TryStmt : Stmt
{
    explicit TryStmt(Span s) : Stmt(StmtKind::Try, s) {}
    Block body;
    std::vector<ExceptHandler> handlers;
    Block orelse;
    Block finalbody;
};

// raise; raise E; raise E("message"); raise e; raise E(...) from cause.
struct RaiseStmt : Stmt
{
    explicit RaiseStmt(Span s) : Stmt(StmtKind::Raise, s) {}
    ExprPtr exception; // null for a bare raise
    ExprPtr cause;     // may be null; checked, evaluated, not kept (Hotpath prints no chain)
};

struct Parameter
{
    std::string name;
    Span span;
    ExprPtr annotation; // may be null (an error the checker reports)
    ExprPtr defaultValue;
};

struct FunctionDef : Stmt
{
    FunctionDef(Span s, std::string n, Span ns) : Stmt(StmtKind::FunctionDef, s), name(std::move(n)), nameSpan(ns) {}
    std::string name;
    Span nameSpan;
    std::vector<ExprPtr> decorators;
    std::vector<Parameter> params;
    ExprPtr returns; // may be null
    Block body;
    FunctionInfo *info = nullptr; // set by the checker
};

struct ClassDef : Stmt
{
    ClassDef(Span s, std::string n, Span ns) : Stmt(StmtKind::ClassDef, s), name(std::move(n)), nameSpan(ns) {}
    std::string name;
    Span nameSpan;
    std::vector<ExprPtr> decorators;
    std::vector<ExprPtr> bases;
    Block body;
    RecordInfo *info = nullptr; // set by the checker
};

struct ImportName
{
    std::string name;
    Span span;
    std::string alias; // empty when there is no `as`
};

struct ImportStmt : Stmt
{
    explicit ImportStmt(Span s) : Stmt(StmtKind::Import, s) {}
    std::vector<ImportName> names;
};

struct ImportFromStmt : Stmt
{
    ImportFromStmt(Span s, std::string m, Span ms) : Stmt(StmtKind::ImportFrom, s), module(std::move(m)), moduleSpan(ms) {}
    std::string module;
    Span moduleSpan;
    std::vector<ImportName> names;
};

// global a, b: the names are the module's, for this whole function body.
struct GlobalStmt : Stmt
{
    explicit GlobalStmt(Span s) : Stmt(StmtKind::Global, s) {}
    struct Name
    {
        std::string name;
        Span span;
    };
    std::vector<Name> names;
};

struct Module
{
    Block body;
    // Names bound by constructs the parser rejected (a nested def, `global x`, ...). The
    // checker does not report them as undefined: the rejection already explained them.
    std::vector<std::string> rejectedNames;
    bool hasStarImport = false;
};

} // namespace hotpath::lang
