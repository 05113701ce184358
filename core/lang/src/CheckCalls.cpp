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
    return isOneOf(name, {"frozenset", "isinstance", "type", "input", "open", "map",
                          "filter", "iter", "hash", "id", "format", "getattr", "setattr",
                          "hasattr", "eval", "exec", "compile", "vars", "dir", "globals", "locals", "bytes",
                          "bytearray", "complex", "hex", "oct", "bin", "callable", "super", "object",
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
        if (m_function && m_function->method == MethodKind::Class && name.name == m_function->classParam) {
            name.binding = NameBinding::Record; // cls(...) in a class method
            return checkRecordCall(call, const_cast<RecordInfo &>(*m_function->owner));
        }
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
            case GlobalSymbol::Kind::Exception:
                name.binding = NameBinding::TypeName;
                return checkExceptionCall(call, *symbol->exception);
            case GlobalSymbol::Kind::MathMember:
                name.binding = NameBinding::Module;
                if (const BuiltinInfo *function = findBuiltin(BuiltinReceiver::Math, symbol->member))
                    return checkMathCall(call, *function);
                return fail(callee.span, "'float' object is not callable");
            case GlobalSymbol::Kind::HotpathMember:
                if (symbol->member == "Response")
                    return checkResponseCall(call);
                if (symbol->member == "abort")
                    return checkAbortCall(call);
                if (symbol->member == "jsonify")
                    return checkJsonifyCall(call);
                if (symbol->member == "Request")
                    return fail(callee.span, "Request objects are made by the server; take one as a parameter "
                                             "(req: Request)");
                return fail(callee.span, symbol->member + "() is a decorator: write @" + symbol->member
                                             + "(\"/path\") above a function");
            case GlobalSymbol::Kind::Constant:
                return fail(callee.span, "'" + m_program.constants[static_cast<size_t>(symbol->index)].type->name()
                                             + "' object is not callable");
            case GlobalSymbol::Kind::Dataclass:
                if (symbol->member == "replace")
                    return checkReplaceCall(call);
                if (symbol->member == "field")
                    return fail(callee.span, "field() gives a dataclass field its default: x: list[int] = "
                                             "field(default_factory=list), in the class body");
                return fail(callee.span, "dataclass is a decorator: write @dataclass above a class");
            case GlobalSymbol::Kind::MathModule:
                return fail(callee.span, "'module' object is not callable");
            case GlobalSymbol::Kind::TypingMember:
            case GlobalSymbol::Kind::TypeAlias:
                for (ExprPtr &arg : call.args)
                    checkExpr(*arg);
                return fail(callee.span, "'" + name.name + "' is a type; use it in annotations");
            }
        }
        if (const ExceptionInfo *cls = exceptionClassNamed(name.name)) {
            name.binding = NameBinding::TypeName;
            return checkExceptionCall(call, *cls);
        }
        if (const BuiltinInfo *builtin = findBuiltin(BuiltinReceiver::Function, name.name)) {
            name.binding = NameBinding::Builtin;
            return checkBuiltinCall(call, builtin->id, expected);
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
            if (const RecordInfo *record = classNamed(object.name)) {
                object.binding = NameBinding::Record;
                return checkClassMemberCall(call, attribute, *record);
            }
            const GlobalSymbol *symbol = lookupGlobal(object.name);
            if (symbol && symbol->kind == GlobalSymbol::Kind::MathModule && !(m_function && lookupLocal(object.name))) {
                object.binding = NameBinding::Module;
                const BuiltinInfo *function = findBuiltin(BuiltinReceiver::Math, attribute.name);
                if (!function) {
                    for (ExprPtr &arg : call.args)
                        checkExpr(*arg);
                    return fail(attribute.nameSpan, "math." + attribute.name + " is not available in Hotpath handlers"
                                                        + hintFor(attribute.name, builtinNames(BuiltinReceiver::Math)));
                }
                return checkMathCall(call, *function);
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
    forgetFields(); // the callee may change any object's fields
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
    sig.types = {m_types.strType(), m_types.intType(), m_types.strType(), m_types.dict(m_types.strType(), m_types.strType())};
    sig.optional = {false, true, true, true};
    call.target = CallTarget::Response;
    bindArguments(call, sig);
    return m_types.responseType();
}

// dataclasses.replace(obj, field=value, ...): a new object of obj's class with those fields
// changed; its __post_init__ runs, as the class's __init__ does in CPython.
const Type *Checker::checkReplaceCall(CallExpr &call)
{
    call.target = CallTarget::Replace;
    if (call.args.size() != 1) {
        for (ExprPtr &arg : call.args)
            checkExpr(*arg);
        return fail(call.span, "replace() takes the object, then the fields to change by name: replace(p, x=1)");
    }
    const Type *type = notNone(*call.args.front(), checkValue(*call.args.front()));
    if (type->isError())
        return type;
    if (!type->is(TypeKind::Record))
        return fail(call.args.front()->span, "replace() should be called on dataclass instances, not " + withArticle(type));
    const RecordInfo &record = *type->record;
    call.record = &record;
    call.boundArgs.assign(record.fields.size(), nullptr);
    for (KeywordArgument &keyword : call.keywords) {
        const int index = record.fieldIndex(keyword.name);
        if (index < 0) {
            checkExpr(*keyword.value);
            error(keyword.nameSpan, record.name + ".__init__() got an unexpected keyword argument '" + keyword.name + "'");
            continue;
        }
        const Type *fieldType = record.fields[static_cast<size_t>(index)].type;
        checkValue(*keyword.value, fieldType);
        coerce(*keyword.value, fieldType, "field '" + keyword.name + "' of " + record.name);
        call.boundArgs[static_cast<size_t>(index)] = keyword.value.get();
    }
    if (record.postInit && m_function)
        m_function->callees.insert(record.postInit);
    return type;
}

// abort(status, description=None), as Flask's: raises, so the statement ends its path.
const Type *Checker::checkAbortCall(CallExpr &call)
{
    Signature sig;
    sig.owner = "abort()";
    sig.names = {"status", "description"};
    sig.types = {m_types.intType(), m_types.optional(m_types.strType())};
    sig.optional = {false, true};
    call.target = CallTarget::Abort;
    bindArguments(call, sig);
    if (!call.args.empty() && call.args.front()->kind == ExprKind::IntLiteral) {
        const std::int64_t status = call.args.front()->as<IntLiteral>().value;
        if (status < 400 || status > 599)
            error(call.args.front()->span, "abort() takes an error status, 400 to 599 (for another status, return "
                                           "a Response or a (body, status) pair)");
    }
    return m_types.noneType();
}

// jsonify(value): a Response whose body is the value as JSON, as Flask's jsonify.
const Type *Checker::checkJsonifyCall(CallExpr &call)
{
    call.target = CallTarget::Jsonify;
    if (!expectArgCount(call, "jsonify()", 1, 1))
        return m_types.responseType();
    const Type *type = checkValue(*call.args.front());
    if (!type->isError())
        if (std::string why = jsonProblem(type); !why.empty())
            error(call.args.front()->span, why);
    return m_types.responseType();
}

const Type *Checker::checkMathCall(CallExpr &call, const BuiltinInfo &function)
{
    call.target = CallTarget::MathFunction;
    call.builtin = function.id;
    const std::string owner = builtinName(function.id) + "()";
    const std::vector<BuiltinParameter> params = builtinParameters(function.id);
    const auto required = static_cast<size_t>(std::count_if(params.begin(), params.end(),
                                                            [](const BuiltinParameter &p) { return p.defaultValue.empty(); }));
    if (!expectArgCount(call, owner, required, params.size()))
        return m_types.errorType();
    const bool toInt = function.id == Builtin::MathFloor || function.id == Builtin::MathCeil;
    for (ExprPtr &arg : call.args) {
        const Type *type = checkValue(*arg, m_types.floatType());
        if (!type->isError() && !type->isNumeric())
            error(arg->span, "must be real number, not " + type->name());
        else if (type->is(TypeKind::Int) && !toInt)
            coerce(*arg, m_types.floatType(), owner);
    }
    return methodResult(function, m_types.floatType());
}

const Type *Checker::checkBuiltinCall(CallExpr &call, Builtin id, const Type *expected)
{
    call.target = CallTarget::Builtin;
    call.builtin = id;
    const std::string name = builtinInfo(id).name;
    const std::string owner = name + "()";
    auto arg = [&](size_t i) -> Expr & { return *call.args[i]; };

    if (id == Builtin::Print) {
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
    if (id == Builtin::Sorted) {
        Signature sig{owner, {"iterable", "key", "reverse"}, {nullptr, nullptr, m_types.boolType()}, {false, true, true}, 1};
        if (!bindArguments(call, sig) || !call.boundArgs[0])
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "sorted()");
        if (element->isError())
            return element;
        if (call.boundArgs[1]) {
            for (KeywordArgument &keyword : call.keywords)
                if (keyword.name == "key" && !(call.key = keyFunction(keyword.value, element, owner)))
                    return m_types.errorType();
        } else if (!checkComparable(CompareOp::Less, element, element, call.boundArgs[0]->span)) {
            return m_types.errorType();
        }
        return m_types.list(element);
    }
    if (id == Builtin::Any || id == Builtin::All) {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(arg(0)), arg(0).span, owner.c_str());
        return element->isError() ? element : m_types.boolType();
    }
    if (id == Builtin::Next) {
        // next(generator, default): the first element, or the default when there is none.
        if (!expectArgCount(call, owner, 1, 2))
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(arg(0)), arg(0).span, owner.c_str());
        if (element->isError())
            return element;
        if (call.args.size() == 1)
            return fail(call.span, "next() without a default raises StopIteration when there is nothing, which "
                                   "Hotpath handlers cannot catch; give a default: next(..., None)");
        const Type *fallback = checkValue(arg(1), element);
        const Type *result = fallback->is(TypeKind::None) ? m_types.optional(element)
                           : isAssignable(fallback, element) ? element
                           : element->isOptional() && fallback == element->element ? element : nullptr;
        if (!result)
            return fail(arg(1).span, "next()'s default must be " + withArticle(element) + " or None in Hotpath handlers, "
                                     "not " + fallback->name());
        coerce(arg(1), result, "next()'s default");
        call.defaultValue = call.args[1].get();
        return result;
    }
    if (id == Builtin::Pow) {
        // pow(a, b) is a ** b; pow(a, b, m) is modular, for ints.
        Signature sig{owner, {"base", "exp", "mod"}, {nullptr, nullptr, nullptr}, {false, false, true}, 3};
        if (!bindArguments(call, sig) || !call.boundArgs[0] || !call.boundArgs[1])
            return m_types.errorType();
        const Type *base = notNone(*call.boundArgs[0], checkValue(*call.boundArgs[0]));
        const Type *exponent = notNone(*call.boundArgs[1], checkValue(*call.boundArgs[1]));
        if (!call.boundArgs[2])
            return binaryResult(BinaryOp::Pow, base, exponent, *call.boundArgs[1], call.span);
        const Type *modulus = checkValue(*call.boundArgs[2]);
        if (base->isError() || exponent->isError() || modulus->isError())
            return m_types.errorType();
        if (!base->isIntLike() || !exponent->isIntLike() || !modulus->isIntLike())
            return fail(call.span, "pow() 3rd argument not allowed unless all arguments are integers");
        return m_types.intType();
    }
    if (id == Builtin::SetOf) {
        if (!expectArgCount(call, owner, 0, 1))
            return m_types.errorType();
        const bool wanted = expected && expected->is(TypeKind::Set);
        if (call.args.empty()) {
            if (wanted)
                return expected;
            return fail(call.span, "cannot infer the element type of an empty set; annotate the variable, e.g. "
                                       + (m_targetName.empty() ? std::string("seen") : m_targetName) + ": set[int] = set()");
        }
        const Type *element = iterElement(checkExpr(arg(0)), arg(0).span, owner.c_str());
        if (element->isError())
            return element;
        return setOf(element, arg(0).span);
    }
    if (id == Builtin::TupleOf) {
        // tuple(iterable): a tuple[T, ...] of its elements, in order.
        if (!expectArgCount(call, owner, 0, 1))
            return m_types.errorType();
        const bool wanted = expected && expected->is(TypeKind::List) && expected->tupleOf;
        if (call.args.empty()) {
            if (wanted)
                return expected;
            return fail(call.span, "cannot infer the element type of an empty tuple; annotate the variable, e.g. "
                                       + (m_targetName.empty() ? std::string("items") : m_targetName)
                                       + ": tuple[int, ...] = tuple()");
        }
        const Type *element = iterElement(checkExpr(arg(0)), arg(0).span, owner.c_str());
        if (element->isError())
            return element;
        return m_types.tupleOf(element);
    }
    if (id == Builtin::List || id == Builtin::Dict) {
        const bool list = id == Builtin::List;
        if (!expectArgCount(call, owner, 0, 1))
            return m_types.errorType();
        const bool wanted = expected && expected->isMutableList() == list && expected->is(list ? TypeKind::List : TypeKind::Dict);
        if (call.args.empty()) {
            if (wanted)
                return expected;
            return fail(call.span, std::string("cannot infer the element type of an empty ") + (list ? "list" : "dict")
                                       + "; annotate the variable, e.g. " + (m_targetName.empty() ? "items" : m_targetName)
                                       + (list ? ": list[int] = []" : ": dict[str, int] = {}"));
        }
        const Type *source = checkExpr(arg(0));
        if (!list && source->is(TypeKind::Dict))
            return fail(arg(0).span, "dict(d) is not supported in Hotpath handlers; copy with "
                                     "{k: v for k, v in d.items()}");
        const Type *element = iterElement(source, arg(0).span, owner.c_str());
        if (element->isError())
            return element;
        if (list)
            return m_types.list(element);
        if (!element->is(TypeKind::Tuple) || element->items.size() != 2)
            return fail(arg(0).span, "dict() needs (key, value) pairs, but this iterates over " + element->name());
        if (wanted && element->items[0] == expected->key && element->items[1] == expected->element)
            return expected;
        return dictOf(element->items[0], element->items[1], arg(0).span);
    }
    if (id == Builtin::Enumerate) {
        Signature sig{owner, {"iterable", "start"}, {nullptr, m_types.intType()}, {false, true}, 0};
        if (!bindArguments(call, sig) || !call.boundArgs[0])
            return m_types.errorType();
        const Type *element = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "enumerate()");
        return element->isError() ? element : m_types.iterable(m_types.tuple({m_types.intType(), element}));
    }
    if (id == Builtin::Sum) {
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
    if (id == Builtin::Min || id == Builtin::Max)
        return checkMinMax(call, id, expected);
    if (id == Builtin::Zip) {
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
    if (id == Builtin::Reversed) {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkExpr(arg(0));
        if (type->is(TypeKind::Iterable)) {
            const auto *source = arg(0).kind == ExprKind::Call ? &arg(0).as<CallExpr>() : nullptr;
            const bool reversible = source
                && (source->builtin == Builtin::Range || source->builtin == Builtin::DictKeys
                    || source->builtin == Builtin::DictValues || source->builtin == Builtin::DictItems);
            if (!reversible)
                return fail(arg(0).span, "'" + (source ? builtinName(source->builtin) : std::string("iterator"))
                                             + "' object is not reversible");
        } else if (type->is(TypeKind::Dict) || type->is(TypeKind::Int) || type->is(TypeKind::Float)) {
            return fail(arg(0).span, "'" + type->name() + "' object is not reversible");
        }
        const Type *element = iterElement(type, arg(0).span, "reversed()");
        return element->isError() ? element : m_types.iterable(element);
    }
    if (id == Builtin::Range) {
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
    if (id == Builtin::Len) {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = notNone(arg(0), checkExpr(arg(0)));
        if (type->isError() || type->is(TypeKind::Str) || type->is(TypeKind::List) || type->is(TypeKind::Dict)
            || type->is(TypeKind::Tuple) || type->is(TypeKind::Set))
            return m_types.intType();
        return fail(arg(0).span, "object of type '" + type->name() + "' has no len()");
    }
    if (id == Builtin::Str || id == Builtin::Repr || id == Builtin::Bool) {
        if (!expectArgCount(call, owner, id == Builtin::Repr ? 1 : 0, 1))
            return m_types.errorType();
        if (!call.args.empty())
            checkValue(arg(0));
        return id == Builtin::Bool ? m_types.boolType() : m_types.strType();
    }
    if (id == Builtin::Int || id == Builtin::Float) {
        if (!expectArgCount(call, owner, 0, id == Builtin::Int ? 2 : 1))
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
        return id == Builtin::Int ? m_types.intType() : m_types.floatType();
    }
    if (id == Builtin::Abs) {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkValue(arg(0));
        if (type->isError())
            return type;
        if (!type->isNumeric())
            return fail(arg(0).span, "bad operand type for abs(): '" + type->name() + "'");
        return type->is(TypeKind::Float) ? type : m_types.intType();
    }
    if (id == Builtin::Round) {
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
    if (id == Builtin::Divmod) {
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
    if (id == Builtin::Ord || id == Builtin::Chr) {
        if (!expectArgCount(call, owner, 1, 1))
            return m_types.errorType();
        const Type *type = checkValue(arg(0));
        const bool ord = id == Builtin::Ord;
        if (!type->isError() && (ord ? !type->is(TypeKind::Str) : !type->isIntLike()))
            error(arg(0).span, ord ? "ord() expected string of length 1, but " + type->name() + " found"
                                   : "'" + type->name() + "' object cannot be interpreted as an integer");
        return ord ? m_types.intType() : m_types.strType();
    }
    return fail(call.span, "unknown built-in " + owner);
}

// min() and max(): of one iterable or of several arguments, with key= and (one iterable
// only) default=.
const Type *Checker::checkMinMax(CallExpr &call, Builtin id, const Type *expected)
{
    const std::string owner = builtinName(id) + "()";
    auto arg = [&](size_t i) -> Expr & { return *call.args[i]; };
    KeywordArgument *key = nullptr;
    for (KeywordArgument &keyword : call.keywords) {
        if (keyword.name == "key") {
            key = &keyword;
        } else if (keyword.name == "default") {
            call.defaultValue = keyword.value.get();
        } else {
            for (ExprPtr &value : call.args)
                checkExpr(*value);
            return fail(keyword.nameSpan, owner + " got an unexpected keyword argument '" + keyword.name + "'");
        }
    }
    if (call.args.empty())
        return fail(call.span, owner + " expected at least 1 argument, got 0");
    if (call.defaultValue && call.args.size() > 1)
        return fail(call.defaultValue->span, "Cannot specify a default for " + owner
                                                 + " with multiple positional arguments");
    const Type *element = nullptr;
    if (call.args.size() == 1) {
        element = iterElement(checkExpr(arg(0)), arg(0).span, owner.c_str());
    } else {
        element = checkValue(arg(0), expected);
        for (size_t i = 1; i < call.args.size(); ++i) {
            const Type *type = checkValue(arg(i), expected);
            if (!unify(element, type)) {
                if (expected && isAssignable(element, expected) && isAssignable(type, expected))
                    continue;
                return fail(arg(i).span, "all arguments of " + owner + " must have one type in Hotpath handlers, "
                                         "because Python returns one of them (got " + element->name() + " and "
                                             + type->name() + ")");
            }
        }
        if (expected && element != expected && isAssignable(element, expected)) {
            for (ExprPtr &value : call.args)
                coerce(*value, expected, owner);
            element = expected;
        }
    }
    if (element->isError())
        return element;
    if (key) {
        if (!(call.key = keyFunction(key->value, element, owner)))
            return m_types.errorType();
    } else if (!checkComparable(CompareOp::Less, element, element, arg(0).span)) {
        return m_types.errorType();
    }
    if (!call.defaultValue)
        return element;
    // max(xs, default=0) is a T; max(xs, default=None) a T | None.
    const Type *fallback = checkValue(*call.defaultValue, element);
    if (fallback->is(TypeKind::None))
        fallback = m_types.optional(element);
    else if (isAssignable(fallback, element))
        fallback = element;
    else
        return fail(call.defaultValue->span, owner + "'s default must be " + withArticle(element) + " or None in Hotpath "
                                                 "handlers, not " + fallback->name());
    coerce(*call.defaultValue, fallback, owner + "'s default");
    return fallback;
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
    if (receiver == TypeKind::Set && (method == "append" || method == "push" || method == "insert"))
        return "; did you mean 'add'?";
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

namespace {

BuiltinReceiver receiverOf(TypeKind kind)
{
    switch (kind) {
    case TypeKind::Str: return BuiltinReceiver::Str;
    case TypeKind::List: return BuiltinReceiver::List;
    case TypeKind::Dict: return BuiltinReceiver::Dict;
    case TypeKind::Set: return BuiltinReceiver::Set;
    case TypeKind::Request: return BuiltinReceiver::Request;
    default: return BuiltinReceiver::Function; // no methods
    }
}

} // namespace

// A type as Builtins.h writes it, for a receiver whose element (list) or value (dict)
// type is `element` and whose key type (dict) is `key`. Null for the kinds checked by
// hand (iterable, type, ?).
const Type *Checker::builtinType(const std::string &spelling, const Type *element, const Type *key)
{
    if (spelling == "K")
        return key;
    if (spelling == "str")
        return m_types.strType();
    if (spelling == "int")
        return m_types.intType();
    if (spelling == "bool")
        return m_types.boolType();
    if (spelling == "float")
        return m_types.floatType();
    if (spelling == "None")
        return m_types.noneType();
    if (spelling == "T")
        return element;
    if (spelling == "list[str]")
        return m_types.list(m_types.strType());
    if (spelling == "set[T]")
        return m_types.set(element);
    if (spelling == "iter[K]")
        return m_types.iterable(key);
    if (spelling == "iter[T]")
        return m_types.iterable(element);
    if (spelling == "iter[K, T]")
        return m_types.iterable(m_types.tuple({key, element}));
    return nullptr;
}

const Type *Checker::methodResult(const BuiltinInfo &method, const Type *element, const Type *key)
{
    return builtinType(method.result, element, key);
}

const Type *Checker::checkMethodCall(CallExpr &call, AttributeExpr &callee)
{
    const Type *receiver = notNone(*callee.object, checkValue(*callee.object));
    callee.type = m_types.errorType();
    if (receiver->isError()) {
        for (ExprPtr &value : call.args)
            checkExpr(*value);
        return receiver;
    }
    const std::string &method = callee.name;
    if (receiver->is(TypeKind::Record))
        if (const FunctionInfo *own = receiver->record->findMethod(method))
            return checkRecordMethodCall(call, callee, *own);
    call.target = CallTarget::Method;
    const Type *element = receiver->element;
    const BuiltinReceiver kind = receiverOf(receiver->kind);
    const BuiltinInfo *found = kind == BuiltinReceiver::Function ? nullptr : findBuiltin(kind, method);
    if (found && receiver->tupleOf && found->id != Builtin::ListIndex && found->id != Builtin::ListCount) {
        for (ExprPtr &value : call.args)
            checkExpr(*value);
        return fail(callee.nameSpan, "'tuple' object has no attribute '" + method + "'; a tuple cannot change "
                                     "(make a list of it: list(t))");
    }

    if (!found) {
        for (ExprPtr &value : call.args)
            checkExpr(*value);
        if (kind == BuiltinReceiver::Function)
            return fail(callee.nameSpan, "'" + pythonClassName(receiver) + "' object has no attribute '" + method + "'");
        const std::string typeName = receiverName(kind);
        if (isUnsupportedPythonMethod(receiver->kind, method))
            return fail(callee.nameSpan, typeName + "." + method + "() is not supported in Hotpath handlers"
                                             + (method == "format" ? "; use an f-string" : ""));
        std::string hint = aliasHint(receiver->kind, method);
        if (hint.empty())
            hint = hintFor(method, builtinNames(kind));
        return fail(callee.nameSpan, receiver->name() + " has no method '" + method + "'" + hint);
    }

    call.builtin = found->id;
    const std::string owner = builtinName(found->id) + "()";
    if (found->mutates)
        noteMutation(receiver);
    if (found->id == Builtin::RequestJson) {
        if (!expectArgCount(call, "Request.json()", 1, 1))
            return m_types.errorType();
        const Type *target = resolveType(call.args[0].get(), call.args[0]->span);
        call.args[0]->type = target;
        if (target->is(TypeKind::Request) || target->is(TypeKind::Response))
            return fail(call.args[0]->span, "Request.json() parses into a dataclass, list, dict or scalar type, not "
                                                + target->name());
        if (const Type *dict = findPart(target, [](const Type *t) { return t->is(TypeKind::Dict) && !t->key->is(TypeKind::Str); }))
            return fail(call.args[0]->span, "JSON object keys are strings, so Request.json() cannot fill "
                                                + dict->name() + "; use dict[str, "
                                                + dict->element->name() + "] and convert the keys");
        // The class itself runs its __post_init__ after Request.json() builds it; classes
        // inside other values would need it run for each (not yet).
        const Type *inner = findPart(target, [&](const Type *t) {
            return t != target && t->is(TypeKind::Record) && t->record->postInit;
        });
        if (inner)
            return fail(call.args[0]->span, "Request.json() can build " + inner->name() + " (it has __post_init__) only as "
                                                "the whole body, not inside " + target->name() + "; read the parts and call "
                                                + inner->name() + "(...)");
        if (target->is(TypeKind::Record) && target->record->postInit && m_function)
            m_function->callees.insert(target->record->postInit);
        return target;
    }

    if (found->id == Builtin::ListSort) {
        if (!call.args.empty())
            return fail(call.args[0]->span, "list.sort() takes no positional arguments");
        bool keyed = false;
        for (KeywordArgument &keyword : call.keywords)
            if (keyword.name == "key") {
                keyed = true;
                if (!(call.key = keyFunction(keyword.value, element, "list.sort()")))
                    return m_types.errorType();
            }
        if (!keyed && !checkComparable(CompareOp::Less, element, element, callee.nameSpan))
            return m_types.errorType();
    }
    if (!found->keywords && !call.keywords.empty()) {
        // Most of these methods take positional arguments only, as in CPython.
        return fail(call.keywords.front().nameSpan, owner + " takes no keyword arguments");
    }
    // d.get(k, None) is d.get(k); d.pop(k, None) of a dict of objects is V | None (for numbers
    // the None would need a box the dict's values do not have).
    if ((found->id == Builtin::DictGet || found->id == Builtin::DictPop) && call.args.size() == 2 && call.keywords.empty()
        && call.args[1]->kind == ExprKind::NoneLiteral) {
        if (found->id == Builtin::DictGet) {
            call.args.pop_back();
        } else if (!element->isOptional() && (element->isNumeric())) {
            for (ExprPtr &arg : call.args)
                checkExpr(*arg);
            return fail(call.args[1]->span, "d.pop(k, None) of a dict of " + element->name() + " values is not supported; "
                                            "check 'k in d' first, or give a default " + element->name());
        } else {
            checkValue(*call.args[0], receiver->key);
            coerce(*call.args[0], receiver->key, "the key of dict.pop()");
            checkExpr(*call.args[1]);
            call.boundArgs = {call.args[0].get(), call.args[1].get()};
            return element->isOptional() ? element : m_types.optional(element);
        }
    }
    Signature sig{owner, {}, {}, {}, 0};
    for (const BuiltinParameter &param : builtinParameters(found->id)) {
        sig.names.push_back(param.name);
        sig.types.push_back(builtinType(param.type, element, receiver->key));
        sig.optional.push_back(!param.defaultValue.empty());
    }
    sig.positionalOnly = found->keywords ? 0 : sig.names.size();
    if (!bindArguments(call, sig))
        return m_types.errorType();
    if (found->id == Builtin::StrJoin && call.boundArgs[0]) {
        const Type *items = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "str.join()");
        if (!items->isError() && !items->is(TypeKind::Str))
            return fail(call.boundArgs[0]->span, "str.join() needs strings, but this iterates over " + items->name()
                                                     + "; convert with str() first");
    }
    if (found->receiver == BuiltinReceiver::Set && sig.names.size() == 1 && !sig.types[0] && call.boundArgs[0]) {
        // update, union, intersection, ...: any iterable of the set's element type.
        const Type *items = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, owner.c_str());
        if (!items->isError() && !isAssignable(items, element))
            return fail(call.boundArgs[0]->span, owner + " of " + withArticle(receiver) + " needs items of type "
                                                     + element->name() + ", not " + items->name());
    }
    if (found->id == Builtin::ListExtend && call.boundArgs[0]) {
        const Type *items = iterElement(checkExpr(*call.boundArgs[0]), call.boundArgs[0]->span, "list.extend()");
        if (!items->isError() && items != element)
            return fail(call.boundArgs[0]->span, "list.extend() of " + withArticle(receiver) + " needs items of type "
                                                     + element->name() + ", not " + items->name());
    }
    if (found->id == Builtin::DictGet)
        return call.boundArgs[1] ? element : m_types.optional(element); // d.get(k) is V | None
    return methodResult(*found, element, receiver->key);
}

} // namespace hotpath::lang
