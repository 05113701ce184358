// SPDX-License-Identifier: GPL-3.0-or-later
// Exceptions: the built-in classes, the program's own, try/except/else/finally and raise.
#include "CheckerImpl.h"

#include "hotpath/support/Text.h"

namespace hotpath::lang {

namespace {

// CPython's built-in classes Hotpath raises or lets programs name, each after its base.
// The runtime keeps the same hierarchy (core/runtime/src/Exceptions.cpp).
struct BuiltinClass
{
    const char *name;
    const char *base;
};
constexpr BuiltinClass builtinClasses[] = {
    {"BaseException", nullptr},       {"Exception", "BaseException"},      {"ArithmeticError", "Exception"},
    {"ZeroDivisionError", "ArithmeticError"}, {"OverflowError", "ArithmeticError"}, {"LookupError", "Exception"},
    {"IndexError", "LookupError"},    {"KeyError", "LookupError"},         {"ValueError", "Exception"},
    {"TypeError", "Exception"},       {"AssertionError", "Exception"},     {"RuntimeError", "Exception"},
    {"RecursionError", "RuntimeError"}, {"NotImplementedError", "RuntimeError"}, {"NameError", "Exception"},
    {"UnboundLocalError", "NameError"}, {"TimeoutError", "Exception"},     {"MemoryError", "Exception"},
};

bool isDocstringOrPass(const Stmt &stmt)
{
    if (stmt.kind == StmtKind::Pass)
        return true;
    if (stmt.kind != StmtKind::Expr)
        return false;
    const ExprKind kind = stmt.as<ExprStmt>().expr->kind;
    return kind == ExprKind::StrLiteral || kind == ExprKind::Ellipsis;
}

} // namespace

void Checker::declareBuiltinExceptions()
{
    for (const BuiltinClass &entry : builtinClasses) {
        auto cls = std::make_unique<ExceptionInfo>();
        cls->name = entry.name;
        cls->builtin = true;
        cls->base = entry.base ? m_program.findException(entry.base) : nullptr;
        cls->type = m_types.exception(cls.get());
        m_program.exceptions.push_back(std::move(cls));
    }
}

const ExceptionInfo *Checker::exceptionClassNamed(const std::string &name) const
{
    if (m_function && lookupLocal(name))
        return nullptr;
    if (const GlobalSymbol *symbol = lookupGlobal(name))
        return symbol->kind == GlobalSymbol::Kind::Exception ? symbol->exception : nullptr;
    const ExceptionInfo *cls = m_program.findException(name);
    return cls && cls->builtin ? cls : nullptr;
}

// A class without decorators whose bases are exception classes, or one base that is not
// defined but close to an exception class's name (a typo: reported, and taken as meant).
bool Checker::isExceptionClassDef(const ClassDef &cls) const
{
    if (cls.bases.empty() || !cls.decorators.empty())
        return false;
    for (const ExprPtr &base : cls.bases)
        if (base->kind != ExprKind::Name)
            return false;
    const std::string &first = cls.bases.front()->as<NameExpr>().name;
    if (exceptionClassNamed(first))
        return true;
    return cls.bases.size() == 1 && !lookupGlobal(first) && exceptionNameLike(first);
}

std::optional<std::string> Checker::exceptionNameLike(const std::string &name) const
{
    std::vector<std::string> names;
    for (const auto &cls : m_program.exceptions)
        names.push_back(cls->name);
    return support::closestMatch(name, names);
}

// class NotFound(Exception): pass — a class with a body of `pass` or a docstring, whose
// base is a built-in exception class or one of the program's defined above it.
void Checker::declareExceptionClass(ClassDef &cls)
{
    const auto &baseName = cls.bases.front()->as<NameExpr>();
    auto info = std::make_unique<ExceptionInfo>();
    info->name = cls.name;
    info->span = cls.nameSpan;
    info->base = exceptionClassNamed(baseName.name);
    if (!info->base) {
        const std::string meant = exceptionNameLike(baseName.name).value_or("Exception");
        error(baseName.span, "name '" + baseName.name + "' is not defined; did you mean '" + meant + "'?");
        info->base = m_program.findException(meant);
    }
    if (cls.bases.size() > 1)
        error(cls.bases[1]->span, "an exception class has one base class in Hotpath handlers; derive " + cls.name + " from "
                                      + baseName.name + " alone (catch the others by their own classes)");
    info->type = m_types.exception(info.get());
    for (const StmtPtr &stmt : cls.body) {
        if (isDocstringOrPass(*stmt))
            continue;
        error(stmt->span, "exception classes in Hotpath handlers have no body of their own: write 'pass' (their "
                          "message is the argument they are raised with; fields and methods are not supported)");
        break;
    }
    GlobalSymbol symbol{GlobalSymbol::Kind::Exception, cls.nameSpan};
    symbol.exception = info.get();
    declareGlobal(cls.name, symbol);
    m_program.exceptions.push_back(std::move(info));
}

// ValueError("message"), NotFound(), KeyError(key): at most one argument, whose str()
// is the message.
const Type *Checker::checkExceptionCall(CallExpr &call, const ExceptionInfo &cls)
{
    call.target = CallTarget::Exception;
    call.exception = &cls;
    for (KeywordArgument &keyword : call.keywords) {
        checkExpr(*keyword.value);
        error(keyword.nameSpan, cls.name + "() takes no keyword arguments");
    }
    for (size_t i = 0; i < call.args.size(); ++i) {
        const Type *type = checkValue(*call.args[i]);
        if (i == 1) {
            error(call.args[i]->span, cls.name + "() takes at most one argument in Hotpath handlers (its message); "
                                                 "format several values into one string: " + cls.name + "(f\"...\")");
            break;
        }
        if (type->is(TypeKind::Request) || type->is(TypeKind::Response) || type->is(TypeKind::Exception))
            error(call.args[i]->span, "the argument of " + cls.name + "() must be a value that prints, such as a str");
    }
    return cls.type;
}

// The classes an `except` clause names: one class or a parenthesised tuple of them.
void Checker::resolveExceptClasses(ExceptHandler &handler)
{
    std::vector<const Expr *> names;
    if (handler.type->kind == ExprKind::TupleLiteral) {
        for (const ExprPtr &item : handler.type->as<TupleExpr>().elements)
            names.push_back(item.get());
    } else {
        names.push_back(handler.type.get());
    }
    for (const Expr *name : names) {
        if (name->kind != ExprKind::Name) {
            error(name->span, "an except clause names exception classes: except ValueError, or except (KeyError, "
                              "IndexError)");
            continue;
        }
        const std::string &text = name->as<NameExpr>().name;
        if (const ExceptionInfo *cls = exceptionClassNamed(text)) {
            handler.classes.push_back(cls);
            continue;
        }
        if (isPoisoned(text))
            continue;
        std::vector<std::string> candidates;
        for (const auto &cls : m_program.exceptions)
            candidates.push_back(cls->name);
        const bool known = lookupLocal(text) || lookupGlobal(text) || findBuiltin(BuiltinReceiver::Function, text);
        error(name->span, (known ? "'" + text + "' is not an exception class"
                                 : "name '" + text + "' is not defined")
                              + hintFor(text, candidates));
    }
}

// The nearest class both derive from, as the type of `except (A, B) as e`.
static const ExceptionInfo *commonBase(const ExceptionInfo *a, const ExceptionInfo *b)
{
    for (const ExceptionInfo *cls = a; cls; cls = cls->base)
        if (b->isSubclassOf(cls))
            return cls;
    return a;
}

void Checker::checkTry(TryStmt &stmt)
{
    // Narrowing: a handler or the code after the statement may start from any point of
    // the body, so what the body assigns is forgotten (conservative, and sound).
    const std::set<std::string> before = m_notNone;
    checkBlock(stmt.body);
    m_notNone = before;
    forgetAssignedIn(stmt.body);
    const std::set<std::string> atHandlers = m_notNone;
    for (ExceptHandler &handler : stmt.handlers) {
        m_notNone = atHandlers;
        if (handler.type)
            resolveExceptClasses(handler);
        std::optional<int> shadowed;
        if (!handler.name.empty()) {
            const ExceptionInfo *cls = nullptr;
            for (const ExceptionInfo *each : handler.classes)
                cls = cls ? commonBase(cls, each) : each;
            const Type *type = cls ? cls->type : m_types.errorType();
            if (isDeclaredGlobal(handler.name))
                error(handler.nameSpan, "'" + handler.name + "' is declared global; name the exception otherwise");
            // The name lives for the handler only (Python deletes it at the end), so each
            // handler has a local of its own and two handlers may catch different classes.
            shadowed = lookupLocal(handler.name);
            if (shadowed)
                error(handler.nameSpan, "'" + handler.name + "' already names a local here; Python deletes the name of "
                                        "an except block's exception at the block's end, so name the exception otherwise");
            handler.slot = static_cast<int>(m_function->locals.size());
            m_localSlots[handler.name] = handler.slot;
            m_function->locals.push_back({handler.name, type, handler.nameSpan});
        }
        ++m_exceptDepth;
        checkBlock(handler.body);
        --m_exceptDepth;
        if (!handler.name.empty()) {
            if (shadowed)
                m_localSlots[handler.name] = *shadowed;
            else
                m_localSlots.erase(handler.name);
        }
    }
    m_notNone = atHandlers;
    checkBlock(stmt.orelse);
    m_notNone = atHandlers;
    forgetAssignedIn(stmt.orelse);
    for (ExceptHandler &handler : stmt.handlers)
        forgetAssignedIn(handler.body);
    checkBlock(stmt.finalbody);
}

void Checker::checkRaise(RaiseStmt &stmt)
{
    if (!stmt.exception) {
        if (m_exceptDepth == 0)
            error(stmt.span, "a bare 'raise' re-raises the exception being handled, so it belongs in an 'except' block");
        return;
    }
    Expr &exception = *stmt.exception;
    if (exception.kind == ExprKind::Name && exceptionClassNamed(exception.as<NameExpr>().name)) {
        // raise NotFound: Python calls the class with no argument.
        auto call = std::make_unique<CallExpr>(exception.span, std::move(stmt.exception));
        checkExceptionCall(*call, *exceptionClassNamed(call->callee->as<NameExpr>().name));
        call->type = call->exception->type;
        stmt.exception = std::move(call);
    } else {
        const Type *type = checkValue(exception);
        if (!type->isError() && !type->is(TypeKind::Exception))
            error(exception.span, "exceptions must derive from BaseException; this is " + withArticle(type));
    }
    if (stmt.cause) {
        Expr &cause = *stmt.cause;
        if (cause.kind == ExprKind::NoneLiteral)
            return;
        if (cause.kind == ExprKind::Name && exceptionClassNamed(cause.as<NameExpr>().name))
            return;
        const Type *type = checkValue(cause);
        if (!type->isError() && !type->is(TypeKind::Exception))
            error(cause.span, "exception causes must derive from BaseException; this is " + withArticle(type));
    }
}

} // namespace hotpath::lang
