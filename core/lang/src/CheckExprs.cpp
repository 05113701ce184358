// SPDX-License-Identifier: GPL-3.0-or-later
// Expressions: names, operators, literals, subscripts and f-strings.
#include "CheckerImpl.h"

#include "hotpath/support/Text.h"

#include <algorithm>

namespace hotpath::lang {

namespace {


bool isNegativeIntConstant(const Expr &expr)
{
    if (expr.kind == ExprKind::IntLiteral)
        return expr.as<IntLiteral>().value < 0;
    if (expr.kind == ExprKind::Unary && expr.as<UnaryExpr>().op == UnaryOp::Negate)
        return expr.as<UnaryExpr>().operand->kind == ExprKind::IntLiteral
            && expr.as<UnaryExpr>().operand->as<IntLiteral>().value > 0;
    return false;
}

std::optional<std::int64_t> intConstant(const Expr &expr)
{
    if (expr.kind == ExprKind::IntLiteral)
        return expr.as<IntLiteral>().value;
    if (expr.kind == ExprKind::Unary && expr.as<UnaryExpr>().op == UnaryOp::Negate
        && expr.as<UnaryExpr>().operand->kind == ExprKind::IntLiteral)
        return -expr.as<UnaryExpr>().operand->as<IntLiteral>().value;
    return std::nullopt;
}


} // namespace

// Python names the type of a value by its class: list, dict, tuple, not list[int].
std::string pythonClassName(const Type *type)
{
    switch (type->kind) {
    case TypeKind::List: return type->tupleOf ? "tuple" : "list";
    case TypeKind::Dict: return "dict";
    case TypeKind::Tuple: return "tuple";
    case TypeKind::Set: return "set";
    default: return type->name();
    }
}

std::string withArticle(const Type *type)
{
    const std::string name = type->name();
    const bool vowel = !name.empty() && std::string_view("aeiouAEIOU").find(name[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + name;
}

bool Checker::isAssignable(const Type *from, const Type *to) const
{
    if (from == to || from->isError() || to->isError() || (from->is(TypeKind::Int) && to->is(TypeKind::Float)))
        return true;
    // An exception of a subclass is one of its base: all have the same run-time shape.
    if (from->is(TypeKind::Exception) && to->is(TypeKind::Exception))
        return from->exception->isSubclassOf(to->exception);
    // T | None takes None, and anything T takes.
    return to->isOptional() && (from->is(TypeKind::None) || isAssignable(from, to->element));
}

bool Checker::coerce(Expr &expr, const Type *target, const std::string &context)
{
    const Type *type = expr.type;
    if (!type || !target || type == target || type->isError() || target->isError())
        return true;
    if (type->is(TypeKind::Int) && target->is(TypeKind::Float)) {
        expr.widenToFloat = true;
        return true;
    }
    if (type->is(TypeKind::Exception) && isAssignable(type, target))
        return true;
    if (target->isOptional() && isAssignable(type, target)) {
        expr.widenToFloat = type->is(TypeKind::Int) && target->element->is(TypeKind::Float);
        expr.wrapOptional = true;
        return true;
    }
    if (type->isOptional() && isAssignable(type->element, target)) {
        error(expr.span, mayBeNone(expr) + " (expected " + target->name() + " for " + context + ")");
        return false;
    }
    if (expr.kind == ExprKind::TupleLiteral && target->tupleOf && type->is(TypeKind::Tuple)) {
        // (1, 2) where a tuple[int, ...] is wanted: built as one.
        auto &tuple = expr.as<TupleExpr>();
        bool fits = true;
        for (size_t i = 0; i < tuple.elements.size() && fits; ++i)
            fits = tuple.elements[i]->type == target->element || coerce(*tuple.elements[i], target->element, context);
        if (fits)
            expr.type = target;
        return fits;
    }
    if (expr.kind == ExprKind::TupleLiteral && target->is(TypeKind::Tuple) && type->is(TypeKind::Tuple)
        && type->items.size() == target->items.size()) {
        // A tuple written out is built item by item, so each item may widen: ("b", None)
        // as a tuple[str, str | None].
        auto &tuple = expr.as<TupleExpr>();
        bool fits = true;
        for (size_t i = 0; i < tuple.elements.size() && fits; ++i)
            fits = tuple.elements[i]->type == target->items[i] || coerce(*tuple.elements[i], target->items[i], context);
        if (fits)
            expr.type = target;
        return fits;
    }
    error(expr.span, "expected " + target->name() + " for " + context + ", got " + type->name());
    return false;
}

// unify() for two expressions whose values meet in one place: where the common type is
// T | None, the sides that are not get wrapped.
const Type *Checker::unifyBoth(Expr &a, Expr &b)
{
    const Type *same = unify(a.type, b.type);
    if (same && (same->isOptional() || same->is(TypeKind::Tuple))) {
        coerce(a, same, "a value");
        coerce(b, same, "a value");
    }
    return same;
}

// A condition: its value is only tested for truth.
const Type *Checker::checkCondition(Expr &condition)
{
    m_truthOnly = true;
    const Type *type = checkValue(condition);
    m_truthOnly = false;
    return type;
}

std::string Checker::mayBeNone(const Expr &expr) const
{
    const std::string text = m_program.file.text().substr(expr.span.begin, expr.span.end - expr.span.begin);
    if (expr.kind == ExprKind::Name || expr.kind == ExprKind::Attribute)
        return "'" + text + "' may be None here; check '" + text + " is not None' first";
    if (expr.kind == ExprKind::Call && expr.as<CallExpr>().builtin == Builtin::DictGet)
        return "d.get(key) is None when the key is missing; pass a default, d.get(key, default), or check the "
               "result is not None";
    return "this value may be None; check that it is not None first";
}

const Type *Checker::notNone(Expr &expr, const Type *type)
{
    if (!type->isOptional())
        return type;
    error(expr.span, mayBeNone(expr));
    expr.type = m_types.errorType();
    return expr.type;
}

const Type *Checker::unify(const Type *a, const Type *b)
{
    // None and T, or T | None and either, make T | None.
    if (a != b && !a->isError() && !b->isError()) {
        const Type *inner = a->is(TypeKind::None) ? b : b->is(TypeKind::None) ? a : nullptr;
        if (inner && !inner->is(TypeKind::None))
            return m_types.optional(inner->isOptional() ? inner->element : inner);
        if (a->isOptional() && (b == a->element))
            return a;
        if (b->isOptional() && (a == b->element))
            return b;
        if (a->is(TypeKind::Tuple) && b->is(TypeKind::Tuple) && a->items.size() == b->items.size()) {
            // Item by item: ("a", "x") and ("b", None) make tuple[str, str | None].
            std::vector<const Type *> items;
            for (size_t i = 0; i < a->items.size(); ++i) {
                const Type *item = unify(a->items[i], b->items[i]);
                if (!item || item->isError())
                    return nullptr;
                items.push_back(item);
            }
            return m_types.tuple(items);
        }
    }
    if (a == b || b->isError())
        return a;
    if (a->isError())
        return b;
    return nullptr;
}

const Type *Checker::checkValue(Expr &expr, const Type *expected)
{
    const Type *type = checkExpr(expr, expected);
    if (type->is(TypeKind::None) && expr.kind == ExprKind::Call && expr.as<CallExpr>().target == CallTarget::Abort) {
        error(expr.span, "abort() raises, so it has no value to use; write it as a statement: 'if todo is None: "
                         "abort(404)'");
        expr.type = m_types.errorType();
    } else if (type->is(TypeKind::None) && expr.kind != ExprKind::NoneLiteral) {
        error(expr.span, "this call returns None, so it has no value to use");
        expr.type = m_types.errorType();
    } else if (type->is(TypeKind::Iterable) && expr.kind == ExprKind::Comprehension) {
        error(expr.span, "a generator expression is consumed where it is written: pass it to sum(), min(), max(), "
                         "any(), all(), sorted(), list() or str.join(), or write a list comprehension [...]");
        expr.type = m_types.errorType();
    } else if (type->is(TypeKind::Iterable)) {
        error(expr.span, "this " + type->name() + " can only be iterated: use it in a for loop, or pass it to "
                         "sorted(), sum(), min(), max(), enumerate(), zip() or reversed()");
        expr.type = m_types.errorType();
    }
    return expr.type;
}

const Type *Checker::checkExpr(Expr &expr, const Type *expected)
{
    // Only `and`, `or` and `not` pass "only tested for truth" on to their operands.
    const bool truthOnly = m_truthOnly;
    m_truthOnly = false;
    if (truthOnly && (expr.kind == ExprKind::BoolOp
                      || (expr.kind == ExprKind::Unary && expr.as<UnaryExpr>().op == UnaryOp::Not)))
        m_truthOnly = true;
    const Type *type = m_types.errorType();
    switch (expr.kind) {
    case ExprKind::IntLiteral: type = m_types.intType(); break;
    case ExprKind::FloatLiteral: type = m_types.floatType(); break;
    case ExprKind::BoolLiteral: type = m_types.boolType(); break;
    case ExprKind::StrLiteral: type = m_types.strType(); break;
    case ExprKind::NoneLiteral: type = m_types.noneType(); break;
    case ExprKind::Ellipsis: type = fail(expr.span, "'...' (Ellipsis) is not supported in Hotpath handlers"); break;
    case ExprKind::FString: type = checkFString(expr.as<FStringExpr>()); break;
    case ExprKind::Name: type = checkName(expr.as<NameExpr>()); break;
    case ExprKind::Attribute: type = checkAttribute(expr.as<AttributeExpr>()); break;
    case ExprKind::Call: type = checkCall(expr.as<CallExpr>(), expected); break;
    case ExprKind::Subscript: type = checkSubscript(expr.as<SubscriptExpr>()); break;
    case ExprKind::Slice: type = checkSlice(expr.as<SliceExpr>()); break;
    case ExprKind::Unary: type = checkUnary(expr.as<UnaryExpr>()); break;
    case ExprKind::Binary: type = checkBinary(expr.as<BinaryExpr>()); break;
    case ExprKind::BoolOp: type = checkBoolOp(expr.as<BoolOpExpr>(), expected); break;
    case ExprKind::Compare: type = checkCompare(expr.as<CompareExpr>()); break;
    case ExprKind::IfExp: type = checkIfExp(expr.as<IfExpr>(), expected); break;
    case ExprKind::ListLiteral: type = checkList(expr.as<ListExpr>(), expected); break;
    case ExprKind::DictLiteral: type = checkDict(expr.as<DictExpr>(), expected); break;
    case ExprKind::TupleLiteral: type = checkTuple(expr.as<TupleExpr>(), expected); break;
    case ExprKind::SetLiteral: type = checkSetLiteral(expr.as<SetExpr>(), expected); break;
    case ExprKind::Comprehension: type = checkComprehension(expr.as<ComprehensionExpr>(), expected); break;
    case ExprKind::Named: type = checkNamed(expr.as<NamedExpr>()); break;
    case ExprKind::Lambda:
        type = fail(expr.span, "lambda is supported as the key= of sorted(), min(), max() and list.sort() in Hotpath "
                               "handlers");
        break;
    case ExprKind::Invalid: break;
    }
    expr.type = type;
    return type;
}

const Type *Checker::checkName(NameExpr &name)
{
    if (m_function) {
        if (auto retyped = m_retypedAfterLoop.find(name.name); retyped != m_retypedAfterLoop.end())
            return fail(name.span, "'" + name.name + "' was a loop variable of another type in the loop on line "
                                       + std::to_string(retyped->second) + ", so here it may hold either; assign it "
                                       "first, or use another name for one of them");
        if (auto slot = lookupLocal(name.name)) {
            name.binding = NameBinding::Local;
            name.slot = *slot;
            const Type *type = m_function->locals[static_cast<size_t>(*slot)].type;
            name.narrowed = type->isOptional() && m_notNone.count("L" + std::to_string(*slot));
            return name.narrowed ? type->element : type;
        }
        if (m_assignedNames.count(name.name) && !isPoisoned(name.name))
            return fail(name.span, "local variable '" + name.name + "' is referenced before assignment" + globalHint(name.name));
    }
    if (const GlobalSymbol *symbol = lookupGlobal(name.name)) {
        switch (symbol->kind) {
        case GlobalSymbol::Kind::Constant:
            if (m_inConstant && symbol->span.begin >= m_constantEnd && (!m_function || inModuleScope()))
                break;
            name.binding = NameBinding::Constant;
            name.slot = symbol->index;
            if (m_function) {
                if (isDeclaredGlobal(name.name) && !m_globalsPassed.count(name.name))
                    error(name.span, "name '" + name.name + "' is used prior to global declaration");
                m_function->constantsUsed.insert(symbol->index);
            }
            return m_program.constants[static_cast<size_t>(symbol->index)].type;
        case GlobalSymbol::Kind::Function:
            return fail(name.span, "'" + name.name + "' is a function; functions are not values in Hotpath handlers, "
                                   "call it: " + name.name + "(...)");
        case GlobalSymbol::Kind::Record:
            return fail(name.span, "'" + name.name + "' is a class; construct a value with " + name.name + "(...)");
        case GlobalSymbol::Kind::Exception:
            return fail(name.span, "'" + name.name + "' is an exception class; raise it, catch it, or make one with "
                                       + name.name + "(\"message\")");
        case GlobalSymbol::Kind::MathModule:
            return fail(name.span, "'" + name.name + "' is a module; use one of its members, e.g. math.sqrt(x)");
        case GlobalSymbol::Kind::MathMember:
            if (symbol->member == "pi" || symbol->member == "e" || symbol->member == "inf" || symbol->member == "nan") {
                name.binding = NameBinding::Module;
                return m_types.floatType();
            }
            return fail(name.span, "'" + name.name + "' is a function; call it");
        case GlobalSymbol::Kind::Dataclass:
        case GlobalSymbol::Kind::HotpathMember:
            return fail(name.span, "'" + name.name + "' cannot be used as a value");
        case GlobalSymbol::Kind::TypingMember:
        case GlobalSymbol::Kind::TypeAlias:
            return fail(name.span, "'" + name.name + "' is a type; use it in annotations");
        }
    }
    if (findBuiltin(BuiltinReceiver::Function, name.name))
        return fail(name.span, "'" + name.name + "' is a built-in function; call it: " + name.name + "(...)");
    if (exceptionClassNamed(name.name))
        return fail(name.span, "'" + name.name + "' is an exception class; raise it, catch it, or make one with "
                                   + name.name + "(\"message\")");
    if (isPoisoned(name.name))
        return m_types.errorType();
    if (m_inConstant) {
        // A module constant bound further down: Python runs the module top to bottom.
        for (const StmtPtr &stmt : m_program.module.body) {
            const Expr *target = stmt->kind == StmtKind::Assign      ? stmt->as<AssignStmt>().target.get()
                               : stmt->kind == StmtKind::AnnAssign ? stmt->as<AnnAssignStmt>().target.get() : nullptr;
            if (target && target->kind == ExprKind::Name && target->as<NameExpr>().name == name.name
                && stmt->span.begin >= m_constantEnd)
                return fail(name.span, "name '" + name.name + "' is not defined yet: it is bound on line "
                                           + std::to_string(lineOf(stmt->span)) + ", below; bind it before it is used");
        }
    }
    std::string message = "name '" + name.name + "' is not defined";
    static const std::vector<std::string> hotpath = {"route", "get", "post", "Request", "Response"};
    if (std::find(hotpath.begin(), hotpath.end(), name.name) != hotpath.end())
        return fail(name.span, message + "; add 'from hotpath import " + name.name + "'");
    if (findBuiltin(BuiltinReceiver::Math, name.name) || name.name == "pi" || name.name == "inf")
        return fail(name.span, message + "; add 'from math import " + name.name + "' or write math." + name.name);
    if (name.name == "true" || name.name == "false" || name.name == "null" || name.name == "none")
        return fail(name.span, message + "; did you mean '"
                                   + (name.name == "true" ? "True" : name.name == "false" ? "False" : "None") + "'?");
    return fail(name.span, message + hintFor(name.name, visibleNames()));
}

const Type *Checker::checkAttribute(AttributeExpr &attribute)
{
    Expr &object = *attribute.object;
    if (attribute.name == "__name__" && object.kind == ExprKind::Call) {
        // type(e).__name__: the one use of type() Hotpath has, naming an exception's class.
        auto &call = object.as<CallExpr>();
        if (call.callee->kind == ExprKind::Name && call.callee->as<NameExpr>().name == "type" && call.args.size() == 1
            && call.keywords.empty() && !(m_function && lookupLocal("type")) && !lookupGlobal("type")) {
            const Type *type = checkValue(*call.args.front());
            if (type->isError())
                return type;
            if (!type->is(TypeKind::Exception))
                return fail(object.span, "type(x).__name__ is supported for exceptions only; this is " + withArticle(type));
            object.type = type;
            attribute.exceptionName = true;
            return m_types.strType();
        }
    }
    if (object.kind == ExprKind::Name) {
        const GlobalSymbol *symbol = lookupGlobal(object.as<NameExpr>().name);
        const bool shadowed = m_function && lookupLocal(object.as<NameExpr>().name);
        if (symbol && symbol->kind == GlobalSymbol::Kind::MathModule && !shadowed) {
            object.as<NameExpr>().binding = NameBinding::Module;
            std::vector<std::string> members = builtinNames(BuiltinReceiver::Math);
            members.insert(members.end(), {"pi", "e", "inf", "nan"});
            const std::string &member = attribute.name;
            if (member == "pi" || member == "e" || member == "inf" || member == "nan")
                return m_types.floatType();
            if (std::find(members.begin(), members.end(), member) != members.end())
                return fail(attribute.span, "math." + member + " is a function; call it: math." + member + "(...)");
            return fail(attribute.nameSpan, "math." + member + " is not available in Hotpath handlers"
                                                + hintFor(member, members));
        }
    }
    const Type *type = notNone(object, checkValue(object));
    if (type->isError())
        return type;
    if (type->is(TypeKind::Record)) {
        const RecordInfo &record = *type->record;
        const int index = record.fieldIndex(attribute.name);
        if (const FunctionInfo *member = index < 0 ? record.findMethod(attribute.name) : nullptr) {
            if (member->method != MethodKind::Property)
                return fail(attribute.nameSpan, "'" + attribute.name + "' is a method; methods are not values in Hotpath "
                                                "handlers, call it: ." + attribute.name + "(...)");
            if (m_inConstant)
                return fail(attribute.span, "a module constant cannot read the property '" + member->name + "'");
            attribute.property = member;
            forgetFields();
            if (m_function)
                m_function->callees.insert(member);
            return member->returnType ? member->returnType : m_types.errorType();
        }
        if (index < 0) {
            std::vector<std::string> fields;
            for (const FieldInfo &field : record.fields)
                fields.push_back(field.name);
            return fail(attribute.nameSpan, "'" + record.name + "' object has no attribute '" + attribute.name + "'"
                                                + hintFor(attribute.name, fields));
        }
        attribute.fieldIndex = index;
        const Type *field = record.fields[static_cast<size_t>(index)].type;
        if (field->isOptional()) {
            const std::string key = narrowKey(attribute);
            attribute.narrowed = !key.empty() && m_notNone.count(key);
            if (attribute.narrowed)
                return field->element;
        }
        return field;
    }
    if (type->is(TypeKind::Request)) {
        if (attribute.name == "method" || attribute.name == "path" || attribute.name == "body")
            return m_types.strType();
        if (attribute.name == "query" || attribute.name == "header" || attribute.name == "json")
            return fail(attribute.span, "Request." + attribute.name + " is a method; call it");
        return fail(attribute.nameSpan, "'Request' object has no attribute '" + attribute.name + "'"
                                            + hintFor(attribute.name, {"method", "path", "body", "query", "header", "json"}));
    }
    if (type->is(TypeKind::Response)) {
        if (attribute.name == "body" || attribute.name == "content_type")
            return m_types.strType();
        if (attribute.name == "status")
            return m_types.intType();
        if (attribute.name == "headers")
            return m_types.dict(m_types.strType(), m_types.strType());
        return fail(attribute.nameSpan, "'Response' object has no attribute '" + attribute.name + "'");
    }
    static const std::vector<std::string> strMethods = {"split", "join", "strip", "lstrip", "rstrip", "upper", "lower",
                                                        "title", "startswith", "endswith", "find", "rfind", "replace",
                                                        "count", "isdigit", "isalpha", "isspace", "zfill"};
    static const std::vector<std::string> listMethods = {"append", "pop", "insert", "extend", "index", "count",
                                                         "reverse", "sort"};
    static const std::vector<std::string> dictMethods = {"get", "keys", "values", "items", "pop", "setdefault"};
    const std::vector<std::string> *methods = type->is(TypeKind::Str)    ? &strMethods
                                            : type->is(TypeKind::List) ? &listMethods
                                            : type->is(TypeKind::Dict) ? &dictMethods : nullptr;
    if (methods && std::find(methods->begin(), methods->end(), attribute.name) != methods->end())
        return fail(attribute.nameSpan, "'" + attribute.name + "' is a method; methods are not values in Hotpath "
                                        "handlers, call it: ." + attribute.name + "(...)");
    return fail(attribute.nameSpan, "'" + pythonClassName(type) + "' object has no attribute '" + attribute.name + "'"
                                        + (methods ? hintFor(attribute.name, *methods) : std::string()));
}

const Type *Checker::checkSubscript(SubscriptExpr &subscript)
{
    const Type *container = notNone(*subscript.object, checkValue(*subscript.object));
    if (subscript.index->kind == ExprKind::TupleLiteral && !subscript.index->as<TupleExpr>().parenthesized
        && !container->isError() && !container->is(TypeKind::Dict))
        return fail(subscript.index->span, "multiple indices are not supported in Hotpath handlers");
    const Type *index = checkValue(*subscript.index, container->is(TypeKind::Dict) ? container->key : nullptr);
    if (container->isError())
        return container;
    auto requireInt = [&](const char *what) {
        if (!index->isError() && !index->isIntLike())
            error(subscript.index->span, std::string(what) + " indices must be integers, not " + pythonClassName(index));
    };
    switch (container->kind) {
    case TypeKind::Str: requireInt("string"); return m_types.strType();
    case TypeKind::List: requireInt(container->tupleOf ? "tuple" : "list"); return container->element;
    case TypeKind::Dict:
        if (!index->isError() && !isAssignable(index, container->key))
            error(subscript.index->span, "the keys of " + container->name() + " are " + container->key->name()
                                             + ", so the key cannot be " + withArticle(index));
        else
            coerce(*subscript.index, container->key, "a dict key");
        return container->element;
    case TypeKind::Tuple: {
        auto constant = intConstant(*subscript.index);
        if (!constant)
            return fail(subscript.index->span, "a tuple can only be indexed with an integer literal in Hotpath handlers; "
                                               "unpack it instead: a, b = t");
        const auto size = static_cast<std::int64_t>(container->items.size());
        const std::int64_t at = *constant < 0 ? *constant + size : *constant;
        if (at < 0 || at >= size)
            return fail(subscript.index->span, "tuple index out of range");
        return container->items[static_cast<size_t>(at)];
    }
    default:
        return fail(subscript.span, "'" + pythonClassName(container) + "' object is not subscriptable");
    }
}

const Type *Checker::checkSlice(SliceExpr &slice)
{
    const Type *container = notNone(*slice.object, checkValue(*slice.object));
    for (ExprPtr *bound : {&slice.lower, &slice.upper, &slice.step}) {
        if (!*bound)
            continue;
        const Type *type = checkValue(**bound);
        if (!type->isError() && !type->isIntLike())
            error((*bound)->span, "slice indices must be integers, not " + pythonClassName(type));
    }
    if (container->isError() || container->is(TypeKind::Str) || container->is(TypeKind::List))
        return container;
    if (container->is(TypeKind::Tuple))
        return fail(slice.span, "slicing a tuple is not supported in Hotpath handlers");
    return fail(slice.span, "'" + pythonClassName(container) + "' object is not subscriptable");
}

const Type *Checker::checkUnary(UnaryExpr &unary)
{
    if (unary.op == UnaryOp::Not) {
        checkCondition(*unary.operand);
        return m_types.boolType();
    }
    const Type *operand = notNone(*unary.operand, checkValue(*unary.operand));
    if (operand->isError())
        return operand;
    const char *spelling = unary.op == UnaryOp::Negate ? "-" : unary.op == UnaryOp::Plus ? "+" : "~";
    if (operand->is(TypeKind::Float) && unary.op != UnaryOp::Invert)
        return operand;
    if (operand->isIntLike())
        return m_types.intType();
    return fail(unary.span, std::string("bad operand type for unary ") + spelling + ": '" + pythonClassName(operand) + "'");
}

const Type *Checker::checkBinary(BinaryExpr &binary)
{
    const Type *left = notNone(*binary.left, checkValue(*binary.left));
    const Type *right = notNone(*binary.right, checkValue(*binary.right, left->is(TypeKind::List) ? left : nullptr));
    return binaryResult(binary.op, left, right, *binary.right, binary.opSpan);
}

const Type *Checker::binaryResult(BinaryOp op, const Type *left, const Type *right, const Expr &rightExpr, Span at)
{
    if (left->isError() || right->isError())
        return m_types.errorType();
    const auto unsupportedOperands = [&] {
        return fail(at, std::string("unsupported operand type(s) for ") + binaryOpSpelling(op) + ": '"
                            + pythonClassName(left) + "' and '" + pythonClassName(right) + "'");
    };
    if (left->isNumeric() && right->isNumeric()) {
        const bool ints = left->isIntLike() && right->isIntLike();
        switch (op) {
        case BinaryOp::Div: return m_types.floatType();
        case BinaryOp::Pow:
            if (ints)
                return isNegativeIntConstant(rightExpr) ? m_types.floatType() : m_types.intType();
            return m_types.floatType();
        case BinaryOp::BitAnd:
        case BinaryOp::BitOr:
        case BinaryOp::BitXor:
            if (left->is(TypeKind::Bool) && right->is(TypeKind::Bool))
                return m_types.boolType();
            [[fallthrough]];
        case BinaryOp::LShift:
        case BinaryOp::RShift:
            if (!ints)
                return unsupportedOperands();
            return m_types.intType();
        default: return ints ? m_types.intType() : m_types.floatType();
        }
    }
    if (left->is(TypeKind::Set) || right->is(TypeKind::Set)) {
        // | & - ^ of two sets of one element type.
        const bool setOp = op == BinaryOp::BitOr || op == BinaryOp::BitAnd || op == BinaryOp::Sub || op == BinaryOp::BitXor;
        if (setOp && left == right)
            return left;
        return fail(at, std::string("unsupported operand type(s) for ") + binaryOpSpelling(op) + ": '" + left->name()
                            + "' and '" + right->name() + "'");
    }
    if (left->is(TypeKind::Str) && right->is(TypeKind::Str) && op == BinaryOp::Add)
        return left;
    if (op == BinaryOp::Mod && left->is(TypeKind::Str))
        return fail(at, "printf-style '%' formatting is not supported in Hotpath handlers; use an f-string");
    if (op == BinaryOp::Mul && ((left->is(TypeKind::Str) || left->is(TypeKind::List)) && right->isIntLike()))
        return left;
    if (op == BinaryOp::Mul && ((right->is(TypeKind::Str) || right->is(TypeKind::List)) && left->isIntLike()))
        return right;
    if (op == BinaryOp::Add && left->is(TypeKind::List) && left == right)
        return left;
    if (op == BinaryOp::Add && left->is(TypeKind::List) && right->is(TypeKind::List))
        return fail(at, "cannot concatenate " + left->name() + " and " + right->name());
    if (op == BinaryOp::Add && left->is(TypeKind::Tuple) && right->is(TypeKind::Tuple)) {
        std::vector<const Type *> items = left->items;
        items.insert(items.end(), right->items.begin(), right->items.end());
        return m_types.tuple(items);
    }
    if (op == BinaryOp::Add && (left->is(TypeKind::Str) || right->is(TypeKind::Str)))
        return fail(at, "unsupported operand type(s) for +: '" + pythonClassName(left) + "' and '" + pythonClassName(right)
                            + "'; convert with str(...) or use an f-string");
    return unsupportedOperands();
}

const Type *Checker::checkBoolOp(BoolOpExpr &op, const Type *expected)
{
    const bool truthOnly = m_truthOnly;
    const Type *left = checkValue(*op.left, expected);
    // The right side runs only when the left one was true (and) or false (or).
    Facts whenTrue, whenFalse;
    conditionFacts(*op.left, whenTrue, whenFalse);
    const std::set<std::string> before = m_notNone;
    applyFacts(op.isAnd ? whenTrue : whenFalse);
    m_truthOnly = truthOnly;
    const Type *right = checkValue(*op.right, expected);
    m_notNone = before;
    if (!op.isAnd && left->isOptional() && right->isError())
        return left->element; // `x or <a mistake>`: already reported; x's T keeps later uses quiet
    if (truthOnly && !left->isError() && !right->isError() && left != right) {
        // `while n and len(c) < k:` — only the truth of the result is used.
        op.truthOnly = true;
        return m_types.boolType();
    }
    if (!op.isAnd && left->isOptional() && !right->isError() && !right->isOptional()
        && isAssignable(right, left->element)) {
        // name or "anonymous": a T | None with a T default is a T.
        op.unwrapLeft = true;
        coerce(*op.right, left->element, "'or'");
        return left->element;
    }
    if (const Type *same = unifyBoth(*op.left, *op.right))
        return same;
    if (expected && isAssignable(left, expected) && isAssignable(right, expected)) {
        coerce(*op.left, expected, "'" + std::string(op.isAnd ? "and" : "or") + "'");
        coerce(*op.right, expected, "'" + std::string(op.isAnd ? "and" : "or") + "'");
        return expected;
    }
    return fail(op.span, std::string("both sides of '") + (op.isAnd ? "and" : "or") + "' must have the same type in "
                         "Hotpath handlers, because Python returns one of them (got " + left->name() + " and "
                         + right->name() + ")");
}

const Type *Checker::checkCompare(CompareExpr &compare)
{
    // A tuple written out left of `in` takes its item types from the container, as a
    // display does from an annotation: (1, 2) in a set[tuple[float, int]], (k, None) in a
    // dict keyed by tuple[str, int | None]. So the container is checked first.
    const size_t count = compare.operands.size();
    auto takesContainerType = [&](size_t i) {
        return i + 1 < count && (compare.ops[i] == CompareOp::In || compare.ops[i] == CompareOp::NotIn)
            && compare.operands[i]->kind == ExprKind::TupleLiteral;
    };
    std::vector<const Type *> types(count, nullptr);
    for (size_t i = 0; i < count; ++i)
        if (!takesContainerType(i))
            types[i] = checkValue(*compare.operands[i]);
    for (size_t i = count; i-- > 0;) {
        if (!takesContainerType(i))
            continue;
        const Type *container = types[i + 1];
        const Type *wanted = container->is(TypeKind::Dict) ? container->key
                           : container->is(TypeKind::Set) || container->is(TypeKind::List) ? container->element : nullptr;
        types[i] = checkValue(*compare.operands[i], wanted);
    }
    compare.optionalTypes.assign(compare.ops.size(), nullptr);
    for (size_t i = 0; i < compare.ops.size(); ++i) {
        const CompareOp op = compare.ops[i];
        Expr &left = *compare.operands[i];
        Expr &right = *compare.operands[i + 1];
        if (op == CompareOp::Is || op == CompareOp::IsNot) {
            if (compare.ops.size() > 1) {
                error(compare.opSpans[i], "'" + std::string(compareOpSpelling(op)) + "' cannot be chained with other "
                                          "comparisons in Hotpath handlers");
                break; // once for the chain
            }
            else if (left.kind != ExprKind::NoneLiteral && right.kind != ExprKind::NoneLiteral)
                error(compare.opSpans[i], "'" + std::string(compareOpSpelling(op)) + "' compares with None only in "
                                          "Hotpath handlers; use '" + (op == CompareOp::Is ? "==" : "!=")
                                          + "' to compare values");
            continue;
        }
        if (types[i]->is(TypeKind::Set) && types[i + 1]->is(TypeKind::Set) && op != CompareOp::In
            && op != CompareOp::NotIn) {
            // ==, != and the subset orderings <, <=, >, >= of two sets of one type.
            if (types[i] != types[i + 1])
                error(compare.opSpans[i], "comparing " + types[i]->name() + " with " + types[i + 1]->name()
                                              + " is always " + (op == CompareOp::NotEqual ? "True" : "False"));
            continue;
        }
        if ((op == CompareOp::In || op == CompareOp::NotIn) && types[i + 1]->is(TypeKind::Dict)
            && isAssignable(types[i], types[i + 1]->key)) {
            coerce(left, types[i + 1]->key, "'in'"); // 1 in a dict[float, V]: as its keys are
            continue;
        }
        if ((op == CompareOp::In || op == CompareOp::NotIn) && types[i + 1]->is(TypeKind::Set)) {
            if (!types[i]->isError() && !isAssignable(types[i], types[i + 1]->element))
                error(compare.opSpans[i], withArticle(types[i]) + " is never in " + withArticle(types[i + 1])
                                              + "; the types differ");
            else
                coerce(left, types[i + 1]->element, "'in'");
            continue;
        }
        const bool equality = op == CompareOp::Equal || op == CompareOp::NotEqual;
        if (!types[i]->isError() && !types[i + 1]->isError() && op != CompareOp::In && op != CompareOp::NotIn
            && (types[i]->tupleOf || types[i + 1]->tupleOf) && types[i] != types[i + 1]) {
            // t == (1, 2): the written-out side as a tuple[T, ...] too.
            const size_t literal = types[i]->tupleOf ? i + 1 : i;
            const Type *wanted = types[literal == i ? i + 1 : i];
            if (compare.operands[literal]->kind == ExprKind::TupleLiteral && types[literal]->is(TypeKind::Tuple)) {
                if (coerce(*compare.operands[literal], wanted, "a comparison"))
                    types[literal] = wanted;
                continue;
            }
        }
        if (equality && !types[i]->isError() && !types[i + 1]->isError()
            && (types[i]->isOptional() || types[i + 1]->isOptional() || types[i]->is(TypeKind::None)
                || types[i + 1]->is(TypeKind::None))) {
            // x == 3, x != None: both sides as T | None.
            const Type *common = unify(types[i], types[i + 1]);
            if (common && common->isOptional()) {
                coerce(left, common, "a comparison");
                coerce(right, common, "a comparison");
                compare.optionalTypes[i] = common;
                continue;
            }
        }
        if (!equality && op != CompareOp::In && op != CompareOp::NotIn) {
            notNone(left, types[i]);
            notNone(right, types[i + 1]);
            if (types[i]->isOptional() || types[i + 1]->isOptional())
                continue;
        }
        if ((op == CompareOp::In || op == CompareOp::NotIn) && types[i + 1]->isOptional()) {
            notNone(right, types[i + 1]);
            continue;
        }
        if ((op == CompareOp::In || op == CompareOp::NotIn) && types[i + 1]->is(TypeKind::List)
            && types[i + 1]->element->isOptional() && isAssignable(types[i], types[i + 1]->element)) {
            coerce(left, types[i + 1]->element, "'in'"); // None in xs, 3 in xs: as the elements are
            continue;
        }
        checkComparable(op, types[i], types[i + 1], compare.opSpans[i]);
    }
    return m_types.boolType();
}

namespace {

// list[int] and list[float], dict[int, str] and dict[float, str]: types whose values
// Python may find equal, since 1 == 1.0.
bool sameShapeButNumbers(const Type *a, const Type *b)
{
    if (a == b || (a->isNumeric() && b->isNumeric()))
        return true;
    if (a->kind != b->kind || a->items.size() != b->items.size() || a->record != b->record || a->tupleOf != b->tupleOf)
        return false;
    if ((a->key || b->key) && !(a->key && b->key && sameShapeButNumbers(a->key, b->key)))
        return false;
    if ((a->element || b->element) && !(a->element && b->element && sameShapeButNumbers(a->element, b->element)))
        return false;
    for (size_t i = 0; i < a->items.size(); ++i)
        if (!sameShapeButNumbers(a->items[i], b->items[i]))
            return false;
    return true;
}

} // namespace

bool Checker::checkComparable(CompareOp op, const Type *left, const Type *right, Span at)
{
    if (left->isError() || right->isError())
        return true;
    const std::string spelling = compareOpSpelling(op);
    if (op == CompareOp::In || op == CompareOp::NotIn) {
        switch (right->kind) {
        case TypeKind::Str:
            if (!left->is(TypeKind::Str))
                error(at, "'in <string>' requires string as left operand, not " + pythonClassName(left));
            return true;
        case TypeKind::List:
            if (left != right->element && !(left->isNumeric() && right->element->isNumeric()))
                error(at, withArticle(left) + " is never in " + withArticle(right) + "; the types differ");
            return true;
        case TypeKind::Dict:
            if (!isAssignable(left, right->key))
                error(at, withArticle(left) + " is never a key of " + withArticle(right) + "; the types differ");
            return true;
        case TypeKind::Tuple: return true;
        default:
            error(at, "argument of type '" + pythonClassName(right) + "' is not iterable");
            return false;
        }
    }
    if (op == CompareOp::Equal || op == CompareOp::NotEqual) {
        if (left == right || (left->isNumeric() && right->isNumeric()))
            return true;
        if (sameShapeButNumbers(left, right))
            error(at, "comparing " + left->name() + " with " + right->name() + " using '" + spelling
                          + "' is not supported in Hotpath handlers (Python would compare the numbers by value); "
                            "convert one side first");
        else
            error(at, "comparing " + left->name() + " with " + right->name() + " using '" + spelling
                          + "' is always " + (op == CompareOp::Equal ? "False" : "True") + "; convert one side first");
        return false;
    }
    const auto orderable = [](const Type *type, auto &self) -> bool {
        switch (type->kind) {
        case TypeKind::Int:
        case TypeKind::Float:
        case TypeKind::Bool:
        case TypeKind::Str: return true;
        case TypeKind::List: return self(type->element, self);
        case TypeKind::Tuple:
            for (const Type *item : type->items)
                if (!self(item, self))
                    return false;
            return true;
        default: return false;
        }
    };
    if ((left->isNumeric() && right->isNumeric()) || (left == right && orderable(left, orderable)))
        return true;
    error(at, "'" + spelling + "' not supported between instances of '" + pythonClassName(left) + "' and '"
                  + pythonClassName(right) + "'");
    return false;
}

const Type *Checker::checkIfExp(IfExpr &expr, const Type *expected)
{
    checkCondition(*expr.condition);
    Facts whenTrue, whenFalse;
    conditionFacts(*expr.condition, whenTrue, whenFalse);
    const std::set<std::string> before = m_notNone;
    applyFacts(whenTrue);
    const Type *then = checkValue(*expr.then, expected);
    m_notNone = before;
    applyFacts(whenFalse);
    const Type *otherwise = checkValue(*expr.otherwise, expected);
    m_notNone = before;
    if (const Type *same = unifyBoth(*expr.then, *expr.otherwise))
        return same;
    if (expected && isAssignable(then, expected) && isAssignable(otherwise, expected)) {
        coerce(*expr.then, expected, "a conditional expression");
        coerce(*expr.otherwise, expected, "a conditional expression");
        return expected;
    }
    return fail(expr.span, "the two branches of the conditional expression have different types: " + then->name()
                               + " and " + otherwise->name());
}

const Type *Checker::checkList(ListExpr &list, const Type *expected)
{
    // Where a tuple[T, ...] is wanted, a list display is still a list[T] (and the caller
    // says it does not fit); T still guides its elements.
    if (expected && expected->tupleOf)
        expected = m_types.list(expected->element);
    const Type *element = expected && expected->is(TypeKind::List) ? expected->element : nullptr;
    if (list.elements.empty()) {
        if (element)
            return expected;
        return fail(list.span, "cannot infer the element type of an empty list; annotate the variable, e.g. "
                               + (m_targetName.empty() ? std::string("items") : m_targetName) + ": list[int] = []");
    }
    if (element) {
        // Check against the expected element type; if an element does not fit, the
        // literal has a type of its own and the caller reports the mismatch as a whole.
        std::vector<const Type *> types;
        bool fits = true;
        for (ExprPtr &item : list.elements) {
            types.push_back(checkValue(*item, element));
            fits = fits && isAssignable(types.back(), element);
        }
        if (fits) {
            for (ExprPtr &item : list.elements)
                coerce(*item, element, "a list element");
            return expected;
        }
        return unifyElements(list.elements, types, "list elements", "a list element", &Checker::listOf);
    }
    // The first element's type is what the others are checked against, so [[1], []] and
    // [{"a": 1}, {}] work out the empty ones.
    std::vector<const Type *> types;
    const Type *hint = nullptr;
    for (ExprPtr &item : list.elements) {
        types.push_back(checkValue(*item, hint));
        if (!hint && !types.back()->isError() && !types.back()->is(TypeKind::None))
            hint = types.back();
    }
    return unifyElements(list.elements, types, "list elements", "a list element", &Checker::listOf);
}

// The one type of a display's elements (list items, dict values): equal types, or T and
// None (then T | None, the others wrapped). Wrapped by `make` into the display's type.
const Type *Checker::unifyElements(std::vector<ExprPtr> &elements, const std::vector<const Type *> &types,
                                   const char *what, const char *context, const Type *(Checker::*make)(const Type *))
{
    const Type *common = types[0];
    for (size_t i = 1; i < types.size(); ++i) {
        const Type *next = unify(common, types[i]);
        if (!next) {
            const Type *first = common->isOptional() ? common->element : common;
            return fail(elements[i]->span, std::string(what) + " must all have one type: this is " + types[i]->name()
                                               + ", the first is " + first->name()
                                               + (first->isNumeric() && types[i]->isNumeric()
                                                      ? "; write float literals such as 1.0 to make them all float"
                                                      : ""));
        }
        common = next;
    }
    if (common->isError())
        return common;
    if (common->is(TypeKind::None))
        return fail(elements[0]->span, std::string(what) + " are all None; annotate the variable with their type, e.g. "
                                           "items: list[Optional[int]]");
    if (common->isOptional() || common->is(TypeKind::Tuple))
        for (ExprPtr &element : elements)
            coerce(*element, common, context);
    return (this->*make)(common);
}

const Type *Checker::checkDict(DictExpr &dict, const Type *expected)
{
    const bool wanted = expected && expected->is(TypeKind::Dict);
    const Type *wantedKey = wanted ? expected->key : nullptr;
    const Type *value = wanted ? expected->element : nullptr;
    if (dict.keys.empty()) {
        if (wanted)
            return expected;
        return fail(dict.span, "cannot infer the value type of an empty dict; annotate the variable, e.g. "
                               + (m_targetName.empty() ? std::string("counts") : m_targetName) + ": dict[str, int] = {}");
    }
    std::vector<const Type *> keyTypes, types;
    bool fits = wanted;
    for (size_t i = 0; i < dict.keys.size(); ++i) {
        keyTypes.push_back(checkValue(*dict.keys[i], wantedKey));
        fits = fits && isAssignable(keyTypes.back(), wantedKey);
        const Type *hint = value;
        if (!hint)
            for (const Type *earlier : types)
                if (!earlier->isError() && !earlier->is(TypeKind::None) && !hint)
                    hint = earlier;
        types.push_back(checkValue(*dict.values[i], hint));
        fits = fits && isAssignable(types.back(), value);
    }
    if (fits) {
        for (ExprPtr &key : dict.keys)
            coerce(*key, wantedKey, "a dict key");
        for (ExprPtr &item : dict.values)
            coerce(*item, value, "a dict value");
        return expected;
    }
    const Type *keys = unifyElements(dict.keys, keyTypes, "dict keys", "a dict key", &Checker::listOf);
    const Type *values = unifyElements(dict.values, types, "dict values", "a dict value", &Checker::listOf);
    if (keys->isError() || values->isError())
        return m_types.errorType();
    return dictOf(keys->element, values->element, dict.keys.front()->span);
}

// dict[K, V] for a hashable K, as Python requires of dict keys.
const Type *Checker::dictOf(const Type *key, const Type *value, Span keyAt)
{
    if (key->isError() || value->isError())
        return m_types.errorType();
    if (!isHashable(key))
        return fail(keyAt, "unhashable type: '" + key->name() + "' (dict keys are str, int, float, bool, or tuples "
                           "of those)");
    return m_types.dict(key, value);
}

const Type *Checker::checkSetLiteral(SetExpr &set, const Type *expected)
{
    const Type *wanted = expected && expected->is(TypeKind::Set) ? expected->element : nullptr;
    std::vector<const Type *> types;
    bool fits = wanted != nullptr;
    const Type *hint = wanted;
    for (ExprPtr &item : set.elements) {
        types.push_back(checkValue(*item, hint));
        fits = fits && isAssignable(types.back(), wanted);
        if (!hint && !types.back()->isError() && !types.back()->is(TypeKind::None))
            hint = types.back();
    }
    if (fits) {
        for (ExprPtr &item : set.elements)
            coerce(*item, wanted, "a set element");
        return expected;
    }
    const Type *type = unifyElements(set.elements, types, "set elements", "a set element", &Checker::listOf);
    if (type->isError())
        return type;
    return setOf(type->element, set.elements.front()->span);
}

// set[T] for a hashable T, as Python requires of set elements.
const Type *Checker::setOf(const Type *element, Span at)
{
    if (element->isError())
        return element;
    if (!isHashable(element))
        return fail(at, "unhashable type: '" + element->name() + "'");
    return m_types.set(element);
}

bool Checker::isHashable(const Type *type)
{
    switch (type->kind) {
    case TypeKind::Int:
    case TypeKind::Float:
    case TypeKind::Bool:
    case TypeKind::Str:
    case TypeKind::None: return true;
    case TypeKind::Optional: return isHashable(type->element);
    case TypeKind::List: return type->tupleOf && isHashable(type->element); // tuple[T, ...]
    case TypeKind::Tuple:
        for (const Type *item : type->items)
            if (!isHashable(item))
                return false;
        return true;
    default: return false;
    }
}

const Type *Checker::checkTuple(TupleExpr &tuple, const Type *expected)
{
    const bool matches = expected && expected->is(TypeKind::Tuple) && expected->items.size() == tuple.elements.size();
    // (1, 2, 3) where a tuple[int, ...] is wanted: built as one, if every item fits.
    const bool ofAny = expected && expected->tupleOf;
    bool fitsAny = ofAny;
    std::vector<const Type *> items;
    for (size_t i = 0; i < tuple.elements.size(); ++i) {
        const Type *itemExpected = matches ? expected->items[i] : ofAny ? expected->element : nullptr;
        const Type *type = checkValue(*tuple.elements[i], itemExpected);
        if (itemExpected && type != itemExpected && isAssignable(type, itemExpected)) {
            coerce(*tuple.elements[i], itemExpected, "a tuple item");
            type = itemExpected;
        }
        if (type->isError())
            return type;
        fitsAny = fitsAny && type == expected->element;
        items.push_back(type);
    }
    return fitsAny ? expected : m_types.tuple(items);
}

const Type *Checker::iterElement(const Type *type, Span at, const char *context)
{
    switch (type->kind) {
    case TypeKind::Error: return type;
    case TypeKind::Str: return m_types.strType();
    case TypeKind::List:
    case TypeKind::Set:
    case TypeKind::Iterable: return type->element;
    case TypeKind::Dict: return type->key;
    case TypeKind::Tuple: {
        if (type->items.empty())
            return fail(at, "cannot iterate an empty tuple");
        for (const Type *item : type->items)
            if (item != type->items.front())
                return fail(at, std::string("iterating a tuple whose items have different types is not supported in ")
                                    + context + "; use a list");
        return type->items.front();
    }
    case TypeKind::None: return fail(at, "this call returns None, so there is nothing to iterate");
    case TypeKind::Optional: return fail(at, "this value may be None; check that it is not None first");
    default: return fail(at, "'" + pythonClassName(type) + "' object is not iterable");
    }
}

} // namespace hotpath::lang
