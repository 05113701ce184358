// SPDX-License-Identifier: GPL-3.0-or-later
// Calls: user functions, dataclass constructors, Response, built-ins, math and methods.
// Argument binding follows Python's rules and words its errors as CPython does.
#include "CheckerImpl.h"

#include "hotpath/support/Text.h"

#include <algorithm>
#include <set>

namespace hotpath::lang {

namespace {

bool isOneOf(const std::string &name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char *n) { return name == n; });
}

std::string plural(size_t n, const char *word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// Python built-ins that exist but are outside the subset, so they get a precise message.
bool isUnsupportedPythonBuiltin(const std::string &name)
{
    return isOneOf(name, {"list", "dict", "set", "tuple", "frozenset", "isinstance", "type", "input", "open", "map",
                          "filter", "any", "all", "iter", "next", "hash", "id", "format", "getattr", "setattr",
                          "hasattr", "eval", "exec", "compile", "vars", "dir", "globals", "locals", "bytes",
                          "bytearray", "complex", "hex", "oct", "bin", "pow", "callable", "super", "object",
                          "slice", "memoryview", "issubclass", "classmethod", "staticmethod", "property",
                          "breakpoint", "help", "ascii", "aiter", "anext"});
}

} // namespace

bool Checker::bindArguments(CallExpr &call, const Signature &sig)
{
    const size_t count = sig.names.size();
    std::vector<Expr *> bound(count, nullptr);
    bool ok = true;
    if (call.args.size() > count) {
        const size_t required = static_cast<size_t>(std::count(sig.optional.begin(), sig.optional.end(), false));
        const std::string takes = required == count ? plural(count, "positional argument")
                                                    : "from " + std::to_string(required) + " to "
                                                          + plural(count, "positional argument");
        error(call.args[count]->span, sig.owner + " takes " + takes + " but " + std::to_string(call.args.size())
                                          + (call.args.size() == 1 ? " was" : " were") + " given");
        ok = false;
    }
    for (size_t i = 0; i < std::min(count, call.args.size()); ++i)
        bound[i] = call.args[i].get();
    for (KeywordArgument &keyword : call.keywords) {
        auto it = std::find(sig.names.begin(), sig.names.end(), keyword.name);
        const auto index = static_cast<size_t>(it - sig.names.begin());
        if (it == sig.names.end() || index < sig.positionalOnly) {
            std::vector<std::string> candidates(sig.names.begin() + static_cast<long>(sig.positionalOnly), sig.names.end());
            error(keyword.nameSpan, sig.owner + " got an unexpected keyword argument '" + keyword.name + "'"
                                        + hintFor(keyword.name, candidates));
            checkExpr(*keyword.value);
            ok = false;
            continue;
        }
        if (bound[index]) {
            error(keyword.nameSpan, sig.owner + " got multiple values for argument '" + keyword.name + "'");
            ok = false;
            continue;
        }
        bound[index] = keyword.value.get();
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < count; ++i)
        if (!bound[i] && !sig.optional[i])
            missing.push_back("'" + sig.names[i] + "'");
    if (!missing.empty()) {
        std::string list;
        for (size_t i = 0; i < missing.size(); ++i)
            list += (i == 0 ? "" : i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") + missing[i];
        error(call.span, sig.owner + " missing " + plural(missing.size(), "required positional argument") + ": " + list);
        ok = false;
    }
    for (size_t i = 0; i < count; ++i) {
        if (!bound[i] || !sig.types[i])
            continue;
        checkValue(*bound[i], sig.types[i]);
        ok = coerce(*bound[i], sig.types[i], "argument '" + sig.names[i] + "' of " + sig.owner) && ok;
    }
    for (size_t i = count; i < call.args.size(); ++i)
        checkExpr(*call.args[i]);
    call.boundArgs = bound;
    return ok;
}

bool Checker::expectArgCount(CallExpr &call, const std::string &owner, size_t min, size_t max)
{
    if (!call.keywords.empty()) {
        error(call.keywords.front().nameSpan, owner + " takes no keyword arguments");
        return false;
    }
    const size_t n = call.args.size();
    if (n >= min && n <= max)
        return true;
    // CPython's wording: "len() takes exactly one argument (2 given)" for one-argument
    // built-ins, "divmod expected 2 arguments, got 1" for the others.
    const Span at = n > max ? call.args[max]->span : call.span;
    if (min == 1 && max == 1) {
        error(at, owner + " takes exactly one argument (" + std::to_string(n) + " given)");
    } else {
        const std::string bare = owner.substr(0, owner.size() - 2);
        const std::string expected = min == max ? plural(min, "argument")
                                   : n < min    ? "at least " + plural(min, "argument")
                                                : "at most " + plural(max, "argument");
        error(at, bare + " expected " + expected + ", got " + std::to_string(n));
    }
    for (ExprPtr &arg : call.args)
        checkExpr(*arg);
    return false;
}

const Type *Checker::checkCall(CallExpr &call, const Type *expected)
{
    Expr &callee = *call.callee;
    if (callee.kind == ExprKind::Name) {
        auto &name = callee.as<NameExpr>();
        if (m_function && lookupLocal(name.name)) {
            const Type *type = checkName(name);
            for (ExprPtr &arg : call.args)
                checkExpr(*arg);
            if (type->isError())
                return type;
            return fail(callee.span, "'" + pythonClassName(type) + "' object is not callable");
        }
        if (const GlobalSymbol *symbol = lookupGlobal(name.name)) {
            switch (symbol->kind) {
            case GlobalSymbol::Kind::Function:
                name.binding = NameBinding::Function;
                return checkUserCall(call, *symbol->function);
            case GlobalSymbol::Kind::Record:
                name.binding = NameBinding::Record;
                return checkRecordCall(call, *symbol->record);
            case GlobalSymbol::Kind::MathMember:
                name.binding = NameBinding::Module;
                return checkMathCall(call, symbol->member);
            case GlobalSymbol::Kind::HotpathMember:
                if (symbol->member == "Response")
                    return checkResponseCall(call);
                if (symbol->member == "Request")
                    return fail(callee.span, "Request objects are made by the server; take one as a parameter "
                                             "(req: Request)");
                return fail(callee.span, symbol->member + "() is a decorator: write @" + symbol->member
                                             + "(\"/path\") above a function");
            case GlobalSymbol::Kind::Constant:
                return fail(callee.span, "'" + m_program.constants[static_cast<size_t>(symbol->index)].type->name()
                                             + "' object is not callable");
            case GlobalSymbol::Kind::Dataclass:
                return fail(callee.span, "dataclass is a decorator: write @dataclass above a class");
            case GlobalSymbol::Kind::MathModule:
                return fail(callee.span, "'module' object is not callable");
            }
        }
        static const char *const builtins[] = {"len", "range", "str", "repr", "int", "float", "bool", "abs", "min",
                                               "max", "sum", "round", "divmod", "ord", "chr", "enumerate", "zip",
                                               "reversed", "sorted", "print"};
        for (const char *builtin : builtins) {
            if (name.name == builtin) {
                name.binding = NameBinding::Builtin;
                return checkBuiltinCall(call, name.name, expected);
            }
        }
        if (isUnsupportedPythonBuiltin(name.name)) {
            for (ExprPtr &arg : call.args)
                checkExpr(*arg);
            return fail(callee.span, "the built-in " + name.name + "() is not supported in Hotpath handlers");
        }
        checkName(name); // reports "not defined" with a hint
        for (ExprPtr &arg : call.args)
            checkExpr(*arg);
        return m_types.errorType();
    }
    if (callee.kind == ExprKind::Attribute) {
        auto &attribute = callee.as<AttributeExpr>();
        if (attribute.object->kind == ExprKind::Name) {
            auto &object = attribute.object->as<NameExpr>();
            const GlobalSymbol *symbol = lookupGlobal(object.name);
            if (symbol && symbol->kind == GlobalSymbol::Kind::MathModule && !(m_function && lookupLocal(object.name))) {
                object.binding = NameBinding::Module;
                static const std::vector<std::string> functions = {"sqrt", "sin", "cos", "tan", "atan2", "exp", "log",
                                                                   "log10", "floor", "ceil", "fabs", "pow", "isnan",
                                                                   "isinf"};
                if (std::find(functions.begin(), functions.end(), attribute.name) == functions.end()) {
                    for (ExprPtr &arg : call.args)
                        checkExpr(*arg);
                    return fail(attribute.nameSpan, "math." + attribute.name + " is not available in Hotpath handlers"
                                                        + hintFor(attribute.name, functions));
                }
                return checkMathCall(call, attribute.name);
            }
        }
        return checkMethodCall(call, attribute);
    }
    checkExpr(callee);
    for (ExprPtr &arg : call.args)
        checkExpr(*arg);
    if (callee.type->isError())
        return callee.type;
    return fail(callee.span, "'" + callee.type->name() + "' object is not callable");
}

namespace {

// A call signature from a function's parameters or a record's fields.
template<typename Parameters>
Checker::Signature signatureOf(const std::string &name, const Parameters &params)
{
    Checker::Signature sig;
    sig.owner = name + "()";
    for (const auto &param : params) {
        sig.names.push_back(param.name);
        sig.types.push_back(param.type);
        sig.optional.push_back(param.defaultValue != nullptr);
    }
    return sig;
}

} // namespace

const Type *Checker::checkUserCall(CallExpr &call, FunctionInfo &function)
{
    if (m_inConstant)
        return fail(call.span, "a module constant cannot call '" + function.name + "'; module constants may only use "
                               "literals, other constants, operators and built-in calls");
    call.target = CallTarget::Function;
    call.function = &function;
    if (m_function)
        m_function->callees.insert(&function);
    bindArguments(call, signatureOf(function.name, function.params));
    return function.returnType ? function.returnType : m_types.errorType();
}

const Type *Checker::checkRecordCall(CallExpr &call, RecordInfo &record)
{
    call.target = CallTarget::Record;
    call.record = &record;
    bindArguments(call, signatureOf(record.name, record.fields));
    return record.type;
}

const Type *Checker::checkResponseCall(CallExpr &call)
{
    Signature sig;
    sig.owner = "Response()";
    sig.names = {"body", "status", "content_type", "headers"};
    sig.types = {m_types.strType(), m_types.intType(), m_types.strType(), m_types.dict(m_types.strType())};
    sig.optional = {false, true, true, true};
    call.target = CallTarget::Response;
    bindArguments(call, sig);
    return m_types.responseType();
}

const Type *Checker::checkMathCall(CallExpr &call, const std::string &name)
{
    call.target = CallTarget::MathFunction;
    call.targetName = name;
    const std::string owner = "math." + name + "()";
    const bool binary = name == "atan2" || name == "pow";
    const size_t max = binary || name == "log" ? 2 : 1;
    if (!expectArgCount(call, owner, binary ? 2 : 1, max))
        return m_types.errorType();
    for (ExprPtr &arg : call.args) {
        const Type *type = checkValue(*arg, m_types.floatType());
        if (!type->isError() && !type->isNumeric())
            error(arg->span, "must be real number, not " + type->name());
        else if (type->is(TypeKind::Int) && name != "floor" && name != "ceil")
            coerce(*arg, m_types.floatType(), owner);
    }
    if (name == "floor" || name == "ceil")
        return m_types.intType();
    if (name == "isnan" || name == "isinf")
        return m_types.boolType();
    return m_types.floatType();
}

const Type *Checker::checkBuiltinCall(CallExpr &call, const std::string &name, const Type *expected)
{
    call.target = CallTarget::Builtin;
    call.targetName = name;
    const std::string owner = name + "()";
    auto arg = [&](size_t i) -> Expr & { return *call.args[i]; };

    if (name == "print") {
        for (KeywordArgument &keyword : call.keywords) {
            if (keyword.name != "sep" && keyword.name != "end") {
                error(keyword.nameSpan, "print() got an unexpected keyword argument '" + keyword.name + "'"
                                            + (keyword.name == "file" || keyword.name == "flush"
                                                   ? " (Hotpath handlers print to the server log)" : ""));
                continue;
            }
            const Type *type = checkValue(*keyword.value);
            if (!type->isError() && !type->is(TypeKind::Str))
                error(keyword.value->span, keyword.name + " must be a str, not " + type->name());
        }
        for (ExprPtr &value : call.args)
            checkValue(*value);
        return m_types.noneType();
    }
    if (name == "sorted") {
        Signature sig{owner, {"iterable", "reverse"}, {nullptr, m_types.boolType()}, {false, true}, 1};
        for (KeywordArgument &keyword : call.keywords)
            if (keyword.name == "key")
                return fail(keyword.nameSpan, "sorted(key=...) is not supported in Hotpath handlers");
        if (!bindArguments(call, sig) || !call.boundArgs[0])
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "sorted()");
        if (element->isError())
            return element;
        if (!checkComparable(CompareOp::Less, element, element, call.boundArgs[0]->span))
            return m_types.errorType();
        return m_types.list(element);
    }
    if (name == "enumerate") {
        Signature sig{owner, {"iterable", "start"}, {nullptr, m_types.intType()}, {false, true}, 0};
        if (!bindArguments(call, sig) || !call.boundArgs[0])
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "enumerate()");
        return element->isError() ? element : m_types.iterable(m_types.tuple({m_types.intType(), element}));
    }
    if (name == "sum") {
        Signature sig{owner, {"iterable", "start"}, {nullptr, nullptr}, {false, true}, 1};
        if (!bindArguments(call, sig) || !call.boundArgs[0])
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "sum()");
        if (element->isError())
            return element;
        if (!element->isNumeric())
            return fail(call.boundArgs[0]->span, "sum() adds numbers; this iterates over " + element->name()
                                                     + (element->is(TypeKind::Str) ? " (use ''.join(...) for strings)" : ""));
        const Type *result = element->is(TypeKind::Float) ? m_types.floatType() : m_types.intType();
        if (Expr *start = call.boundArgs[1]) {
            const Type *type = checkValue(*start);
            if (type->is(TypeKind::Float))
                result = m_types.floatType();
            else if (!type->isError() && !type->isNumeric())
                error(start->span, "sum() start must be a number, not " + type->name());
        }
        return result;
    }
    if (name == "min" || name == "max") {
        for (KeywordArgument &keyword : call.keywords)
            return fail(keyword.nameSpan, owner + " got an unexpected keyword argument '" + keyword.name + "'"
                                              + (keyword.name == "key" || keyword.name == "default"
                                                     ? " (not supported in Hotpath handlers)" : ""));
        if (call.args.empty())
            return fail(call.span, owner + " expected at least 1 argument, got 0");
        if (call.args.size() == 1) {
            const Type *element = iterElement(checkExpr(arg(0)), arg(0).span, owner.c_str());
            if (!element->isError())
                checkComparable(CompareOp::Less, element, element, arg(0).span);
            return element;
        }
        const Type *first = checkValue(arg(0), expected);
        for (size_t i = 1; i < call.args.size(); ++i) {
            const Type *type = checkValue(arg(i), expected);
            if (!unify(first, type)) {
                if (expected && isAssignable(first, expected) && isAssignable(type, expected))
                    continue;
                return fail(arg(i).span, "all arguments of " + owner + " must have one type in Hotpath handlers, "
                                         "because Python returns one of them (got " + first->name() + " and "
                                             + type->name() + ")");
            }
        }
        if (expected && first != expected && isAssignable(first, expected)) {
            for (ExprPtr &value : call.args)
                coerce(*value, expected, owner);
            return expected;
        }
        if (!first->isError())
            checkComparable(CompareOp::Less, first, first, arg(0).span);
        return first;
    }
    if (name == "zip") {
        if (!call.keywords.empty())
            return fail(call.keywords.front().nameSpan, "zip() got an unexpected keyword argument '"
                                                            + call.keywords.front().name + "'");
        if (call.args.empty())
            return fail(call.span, "zip() needs at least one iterable in Hotpath handlers");
        std::vector<const Type *> items;
        for (ExprPtr &value : call.args) {
            const Type *element = iterElement(checkExpr(*value), value->span, "zip()");
            if (element->isError())
                return element;
            items.push_back(element);
        }
        return m_types.iterable(m_types.tuple(items));
    }
    if (name == "reversed") {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkExpr(arg(0));
        if (type->is(TypeKind::Iterable)) {
            const auto *source = arg(0).kind == ExprKind::Call ? &arg(0).as<CallExpr>() : nullptr;
            const bool reversible = source
                && ((source->target == CallTarget::Builtin && source->targetName == "range")
                    || (source->target == CallTarget::Method
                        && isOneOf(source->targetName, {"dict.keys", "dict.values", "dict.items"})));
            if (!reversible)
                return fail(arg(0).span, "'" + (source ? source->targetName : std::string("iterator"))
                                             + "' object is not reversible");
        } else if (type->is(TypeKind::Dict) || type->is(TypeKind::Int) || type->is(TypeKind::Float)) {
            return fail(arg(0).span, "'" + type->name() + "' object is not reversible");
        }
        const Type *element = iterElement(type, arg(0).span, "reversed()");
        return element->isError() ? element : m_types.iterable(element);
    }
    if (name == "range") {
        if (!expectArgCount(call, owner, 1, 3))
            return m_types.errorType();
        for (ExprPtr &value : call.args) {
            const Type *type = checkValue(*value);
            if (!type->isError() && !type->isIntLike())
                error(value->span, "'" + type->name() + "' object cannot be interpreted as an integer");
        }
        if (call.args.size() == 3 && arg(2).kind == ExprKind::IntLiteral && arg(2).as<IntLiteral>().value == 0)
            error(arg(2).span, "range() arg 3 must not be zero");
        return m_types.iterable(m_types.intType());
    }
    if (name == "len") {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkExpr(arg(0));
        if (type->isError() || type->is(TypeKind::Str) || type->is(TypeKind::List) || type->is(TypeKind::Dict)
            || type->is(TypeKind::Tuple))
            return m_types.intType();
        return fail(arg(0).span, "object of type '" + type->name() + "' has no len()");
    }
    if (name == "str" || name == "repr" || name == "bool") {
        if (!expectArgCount(call, owner, name == "repr" ? 1 : 0, 1))
            return m_types.errorType();
        if (!call.args.empty())
            checkValue(arg(0));
        return name == "bool" ? m_types.boolType() : m_types.strType();
    }
    if (name == "int" || name == "float") {
        if (!expectArgCount(call, owner, 0, name == "int" ? 2 : 1))
            return m_types.errorType();
        if (!call.args.empty()) {
            const Type *type = checkValue(arg(0));
            if (!type->isError() && !type->isNumeric() && !type->is(TypeKind::Str))
                error(arg(0).span, name + "() argument must be a string or a real number, not '" + type->name() + "'");
            if (call.args.size() == 2) {
                const Type *base = checkValue(arg(1));
                if (!type->isError() && !type->is(TypeKind::Str))
                    error(arg(0).span, "int() can't convert non-string with explicit base");
                if (!base->isError() && !base->isIntLike())
                    error(arg(1).span, "'" + base->name() + "' object cannot be interpreted as an integer");
            }
        }
        return name == "int" ? m_types.intType() : m_types.floatType();
    }
    if (name == "abs") {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkValue(arg(0));
        if (type->isError())
            return type;
        if (!type->isNumeric())
            return fail(arg(0).span, "bad operand type for abs(): '" + type->name() + "'");
        return type->is(TypeKind::Float) ? type : m_types.intType();
    }
    if (name == "round") {
        Signature sig{owner, {"number", "ndigits"}, {nullptr, m_types.intType()}, {false, true}, 0};
        if (!bindArguments(call, sig) || !call.boundArgs[0])
            return m_types.errorType();
        const Type *type = checkValue(*call.boundArgs[0]);
        if (type->isError())
            return type;
        if (!type->isNumeric())
            return fail(call.boundArgs[0]->span, "type " + type->name() + " doesn't define __round__ method");
        if (type->isIntLike())
            return m_types.intType();
        return call.boundArgs[1] ? m_types.floatType() : m_types.intType();
    }
    if (name == "divmod") {
        if (!expectArgCount(call, owner, 2, 2))
            return m_types.errorType();
        const Type *a = checkValue(arg(0));
        const Type *b = checkValue(arg(1));
        if (a->isError() || b->isError())
            return m_types.errorType();
        if (!a->isNumeric() || !b->isNumeric())
            return fail(call.span, "unsupported operand type(s) for divmod(): '" + a->name() + "' and '" + b->name() + "'");
        const Type *part = a->isIntLike() && b->isIntLike() ? m_types.intType() : m_types.floatType();
        return m_types.tuple({part, part});
    }
    if (name == "ord" || name == "chr") {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkValue(arg(0));
        const bool ord = name == "ord";
        if (!type->isError() && (ord ? !type->is(TypeKind::Str) : !type->isIntLike()))
            error(arg(0).span, ord ? "ord() expected string of length 1, but " + type->name() + " found"
                                   : "'" + type->name() + "' object cannot be interpreted as an integer");
        return ord ? m_types.intType() : m_types.strType();
    }
    return fail(call.span, "unknown built-in " + owner);
}

namespace {

// Other languages' names for Python's methods: a typo hint cannot find these.
std::string aliasHint(TypeKind receiver, const std::string &method)
{
    static const std::pair<const char *, const char *> listAliases[] = {
        {"push", "append"}, {"add", "append"}, {"push_back", "append"}, {"indexOf", "index"}, {"concat", "extend"}};
    static const std::pair<const char *, const char *> strAliases[] = {
        {"trim", "strip"}, {"toLowerCase", "lower"}, {"toUpperCase", "upper"}, {"startsWith", "startswith"},
        {"endsWith", "endswith"}, {"indexOf", "find"}, {"toLower", "lower"}, {"toUpper", "upper"},
        {"trimStart", "lstrip"}, {"trimEnd", "rstrip"}};
    if (method == "length" || method == "size" || method == "len")
        return "; use len(x)";
    if (method == "contains" || method == "includes" || method == "has")
        return "; use the 'in' operator";
    const auto *begin = receiver == TypeKind::List ? std::begin(listAliases) : std::begin(strAliases);
    const auto *end = receiver == TypeKind::List ? std::end(listAliases) : std::end(strAliases);
    if (receiver == TypeKind::List || receiver == TypeKind::Str) {
        for (const auto *it = begin; it != end; ++it)
            if (method == it->first)
                return std::string("; did you mean '") + it->second + "'?";
    }
    return {};
}

// Real Python methods that Hotpath leaves out, so users get "not supported" rather
// than "no method".
bool isUnsupportedPythonMethod(TypeKind receiver, const std::string &method)
{
    switch (receiver) {
    case TypeKind::Str:
        return isOneOf(method, {"format", "capitalize", "casefold", "center", "encode", "expandtabs", "format_map",
                                "index", "isalnum", "isascii", "isdecimal", "isidentifier", "islower", "isnumeric",
                                "isprintable", "istitle", "isupper", "ljust", "maketrans", "partition", "removeprefix",
                                "removesuffix", "rindex", "rjust", "rpartition", "rsplit", "splitlines", "swapcase",
                                "translate"});
    case TypeKind::List: return isOneOf(method, {"remove", "copy"});
    case TypeKind::Dict: return isOneOf(method, {"update", "copy", "popitem", "fromkeys"});
    default: return false;
    }
}

} // namespace

const Type *Checker::checkMethodCall(CallExpr &call, AttributeExpr &callee)
{
    const Type *receiver = checkValue(*callee.object);
    callee.type = m_types.errorType();
    if (receiver->isError()) {
        for (ExprPtr &value : call.args)
            checkExpr(*value);
        return receiver;
    }
    const std::string &method = callee.name;
    call.target = CallTarget::Method;
    const Type *intT = m_types.intType();
    const Type *strT = m_types.strType();
    const Type *boolT = m_types.boolType();
    const Type *noneT = m_types.noneType();
    const Type *element = receiver->element;

    // One entry per supported method: parameter names, types and which are optional.
    struct Method
    {
        const char *name;
        std::vector<std::string> params;
        std::vector<const Type *> types;
        std::vector<bool> optional;
        const Type *result;
    };
    std::vector<Method> methods;
    std::string typeName;
    switch (receiver->kind) {
    case TypeKind::Str:
        typeName = "str";
        methods = {
            {"split", {"sep", "maxsplit"}, {strT, intT}, {true, true}, m_types.list(strT)},
            {"join", {"iterable"}, {nullptr}, {false}, strT},
            {"strip", {"chars"}, {strT}, {true}, strT},
            {"lstrip", {"chars"}, {strT}, {true}, strT},
            {"rstrip", {"chars"}, {strT}, {true}, strT},
            {"upper", {}, {}, {}, strT},
            {"lower", {}, {}, {}, strT},
            {"title", {}, {}, {}, strT},
            {"startswith", {"prefix"}, {strT}, {false}, boolT},
            {"endswith", {"suffix"}, {strT}, {false}, boolT},
            {"find", {"sub", "start", "end"}, {strT, intT, intT}, {false, true, true}, intT},
            {"rfind", {"sub", "start", "end"}, {strT, intT, intT}, {false, true, true}, intT},
            {"replace", {"old", "new", "count"}, {strT, strT, intT}, {false, false, true}, strT},
            {"count", {"sub"}, {strT}, {false}, intT},
            {"isdigit", {}, {}, {}, boolT},
            {"isalpha", {}, {}, {}, boolT},
            {"isspace", {}, {}, {}, boolT},
            {"zfill", {"width"}, {intT}, {false}, strT},
        };
        break;
    case TypeKind::List:
        typeName = "list";
        methods = {
            {"append", {"object"}, {element}, {false}, noneT},
            {"pop", {"index"}, {intT}, {true}, element},
            {"insert", {"index", "object"}, {intT, element}, {false, false}, noneT},
            {"extend", {"iterable"}, {nullptr}, {false}, noneT},
            {"index", {"value"}, {element}, {false}, intT},
            {"count", {"value"}, {element}, {false}, intT},
            {"reverse", {}, {}, {}, noneT},
            {"sort", {"reverse"}, {boolT}, {true}, noneT},
            {"clear", {}, {}, {}, noneT},
        };
        break;
    case TypeKind::Dict:
        typeName = "dict";
        methods = {
            {"get", {"key", "default"}, {strT, element}, {false, false}, element},
            {"keys", {}, {}, {}, m_types.iterable(strT)},
            {"values", {}, {}, {}, m_types.iterable(element)},
            {"items", {}, {}, {}, m_types.iterable(m_types.tuple({strT, element}))},
            {"pop", {"key", "default"}, {strT, element}, {false, true}, element},
            {"setdefault", {"key", "default"}, {strT, element}, {false, false}, element},
            {"clear", {}, {}, {}, noneT},
        };
        break;
    case TypeKind::Request:
        typeName = "Request";
        methods = {
            {"query", {"name", "default"}, {strT, strT}, {false, false}, strT},
            {"header", {"name", "default"}, {strT, strT}, {false, false}, strT},
            {"json", {"type"}, {nullptr}, {false}, nullptr},
        };
        break;
    default: break;
    }

    auto found = std::find_if(methods.begin(), methods.end(), [&](const Method &m) { return method == m.name; });
    if (found == methods.end()) {
        for (ExprPtr &value : call.args)
            checkExpr(*value);
        const std::string owner = typeName.empty() ? pythonClassName(receiver) : receiver->name();
        if (typeName.empty())
            return fail(callee.nameSpan, "'" + owner + "' object has no attribute '" + method + "'");
        if (isUnsupportedPythonMethod(receiver->kind, method))
            return fail(callee.nameSpan, typeName + "." + method + "() is not supported in Hotpath handlers"
                                             + (method == "format" ? "; use an f-string" : ""));
        std::vector<std::string> names;
        for (const Method &m : methods)
            names.emplace_back(m.name);
        std::string hint = aliasHint(receiver->kind, method);
        if (hint.empty())
            hint = hintFor(method, names);
        return fail(callee.nameSpan, owner + " has no method '" + method + "'" + hint);
    }

    call.targetName = typeName + "." + method;
    static const std::set<std::string> listMutators = {"append", "pop", "insert", "extend", "reverse", "sort", "clear"};
    static const std::set<std::string> dictMutators = {"pop", "setdefault", "clear"};
    if ((receiver->is(TypeKind::List) && listMutators.count(method)) || (receiver->is(TypeKind::Dict) && dictMutators.count(method)))
        noteMutation(receiver);
    if (receiver->is(TypeKind::Request) && method == "json") {
        if (!expectArgCount(call, "Request.json()", 1, 1))
            return m_types.errorType();
        const Type *target = resolveType(call.args[0].get(), call.args[0]->span);
        call.args[0]->type = target;
        if (target->is(TypeKind::Request) || target->is(TypeKind::Response))
            return fail(call.args[0]->span, "Request.json() parses into a dataclass, list, dict or scalar type, not "
                                                + target->name());
        return target;
    }
    if (receiver->is(TypeKind::Dict) && method == "get" && call.args.size() == 1 && call.keywords.empty()) {
        checkValue(*call.args[0]);
        return fail(call.span, "dict.get() without a default returns None, which has no type in Hotpath handlers; "
                               "pass a default: d.get(key, " + std::string(element->is(TypeKind::Str) ? "\"\"" : element->is(TypeKind::Float) ? "0.0" : element->is(TypeKind::Int) ? "0" : "...") + ")");
    }
    if (receiver->is(TypeKind::List) && method == "sort") {
        for (KeywordArgument &keyword : call.keywords)
            if (keyword.name == "key")
                return fail(keyword.nameSpan, "list.sort(key=...) is not supported in Hotpath handlers");
        if (!call.args.empty())
            return fail(call.args[0]->span, "list.sort() takes no positional arguments");
        if (!checkComparable(CompareOp::Less, element, element, callee.nameSpan))
            return m_types.errorType();
    }
    Signature sig{call.targetName + "()", found->params, found->types, found->optional,
                  receiver->is(TypeKind::List) && method == "sort" ? 0 : found->params.size()};
    if (!receiver->is(TypeKind::Request) && !(receiver->is(TypeKind::Str) && method == "split")
        && !(receiver->is(TypeKind::List) && method == "sort") && !call.keywords.empty()) {
        // Most of these methods take positional arguments only, as in CPython.
        return fail(call.keywords.front().nameSpan, call.targetName + "() takes no keyword arguments");
    }
    if (receiver->is(TypeKind::Request) || (receiver->is(TypeKind::Str) && method == "split"))
        sig.positionalOnly = 0;
    if (!bindArguments(call, sig))
        return m_types.errorType();
    if (method == "join" && receiver->is(TypeKind::Str) && call.boundArgs[0]) {
        const Type *items = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "str.join()");
        if (!items->isError() && !items->is(TypeKind::Str))
            return fail(call.boundArgs[0]->span, "str.join() needs strings, but this iterates over " + items->name()
                                                     + "; convert with str() first");
    }
    if (method == "extend" && receiver->is(TypeKind::List) && call.boundArgs[0]) {
        const Type *items = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "list.extend()");
        if (!items->isError() && items != element)
            return fail(call.boundArgs[0]->span, "list.extend() of " + withArticle(receiver) + " needs items of type "
                                                     + element->name() + ", not " + items->name());
    }
    return found->result;
}

} // namespace hotpath::lang
