// SPDX-License-Identifier: GPL-3.0-or-later
// Calls: user functions, dataclass constructors, built-ins, math and methods.
#include "BuiltinNatives.h"
#include "CompilerImpl.h"

#include <algorithm>
#include <climits>

namespace hotpath::vm {

int FunctionCompiler::native(Native fn, const std::vector<int> &args, const std::vector<bool> &argObjects, int dst,
                             const lang::Type *resultType, const TypeDesc *type)
{
    // Arguments already in consecutive registers (always so for one argument) are passed
    // where they are: natives only read them.
    bool consecutive = !args.empty();
    for (size_t i = 1; i < args.size(); ++i)
        consecutive = consecutive && args[i] == args[0] + static_cast<int>(i);
    int base = args.empty() ? 0 : args[0];
    if (!consecutive && !args.empty()) {
        base = tempBlock(argObjects);
        for (size_t i = 0; i < args.size(); ++i)
            emit(argObjects[i] ? Op::MOVE_OBJ : Op::MOVE, base + static_cast<int>(i), args[i]);
    }
    int out = dst;
    if (out < 0)
        out = resultType && !resultType->is(TypeKind::None) ? temp(resultType) : tempNumber();
    emit(Op::NATIVE, out, static_cast<int>(fn), base);
    emitExtra(static_cast<int>(args.size()), type ? typeConstantDesc(type) : noType,
              resultType && isObject(resultType) ? 1 : 0);
    return out;
}

int FunctionCompiler::call(const CallExpr &e, int dst)
{
    setLine(e.span);
    switch (e.target) {
    case CallTarget::Function: return userCall(e, dst);
    case CallTarget::Record: return recordCall(e, dst);
    case CallTarget::Response: return responseCall(e, dst);
    case CallTarget::Builtin: return builtinCall(e, dst);
    case CallTarget::MathFunction: return mathCall(e, dst);
    case CallTarget::Method: return methodCall(e, dst);
    case CallTarget::Exception: return newException(e, dst);
    case CallTarget::Abort: {
        const int status = expr(*e.boundArgs[0]);
        const int description = e.boundArgs[1] ? expr(*e.boundArgs[1]) : nullObject();
        return native(Native::abort, {status, description}, {false, true}, dst, nullptr);
    }
    case CallTarget::Jsonify: return jsonifyCall(e, dst);
    case CallTarget::Replace: return replaceCall(e, dst);
    default: unsupportedHere(e.span, "this call");
    }
}

// Evaluates a call's bound arguments (or the parameters' defaults) into consecutive
// registers and returns the first.
template<typename Parameters>
int FunctionCompiler::argumentBlock(const CallExpr &e, const Parameters &params)
{
    std::vector<bool> objects;
    for (const auto &param : params)
        objects.push_back(isObject(param.type));
    const int base = objects.empty() ? 0 : tempBlock(objects);
    // Arguments run in the order they are written, as in Python (`f(q=g(), p=h())` calls g
    // first), each into its parameter's register; a method's receiver runs before them all,
    // defaults (constants) after.
    auto written = [&](const Expr *arg) {
        for (size_t j = 0; j < e.args.size(); ++j)
            if (e.args[j].get() == arg)
                return static_cast<int>(j);
        for (size_t k = 0; k < e.keywords.size(); ++k)
            if (e.keywords[k].value.get() == arg)
                return static_cast<int>(e.args.size() + k);
        return arg ? -1 : INT_MAX;
    };
    std::vector<size_t> order(params.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return written(e.boundArgs[a]) < written(e.boundArgs[b]); });
    for (size_t i : order)
        exprInto(e.boundArgs[i] ? *e.boundArgs[i] : *params[i].defaultValue, base + static_cast<int>(i));
    return base;
}

int FunctionCompiler::userCall(const CallExpr &e, int dst)
{
    const FunctionInfo &callee = *e.function;
    if ((callee.method == MethodKind::Static || callee.method == MethodKind::Class) && e.callee->kind == ExprKind::Attribute) {
        // make().twice(3): the object is evaluated first, as Python does, then not passed.
        const Expr &object = *e.callee->as<AttributeExpr>().object;
        if (!(object.kind == ExprKind::Name && object.as<NameExpr>().binding == NameBinding::Record)) {
            const TempMark mark = markTemps();
            expr(object);
            releaseTemps(mark);
        }
    }
    const int base = argumentBlock(e, callee.params);
    const int out = dst >= 0 ? dst : (callee.returnType->is(TypeKind::None) ? tempNumber() : temp(callee.returnType));
    setLine(e.span);
    emit(Op::CALL, out, m_module.functionIndex.at(&callee), base);
    return out;
}

int FunctionCompiler::recordCall(const CallExpr &e, int dst)
{
    return newRecord(*e.record, argumentBlock(e, e.record->fields), dst);
}

// replace(obj, x=1): the new values, else the object's own fields, into a new object.
int FunctionCompiler::replaceCall(const CallExpr &e, int dst)
{
    const RecordInfo &record = *e.record;
    const int source = expr(*e.args.front());
    std::vector<bool> objects;
    for (const FieldInfo &field : record.fields)
        objects.push_back(isObject(field.type));
    const int base = objects.empty() ? 0 : tempBlock(objects);
    // The new values in the order they are written, as Python evaluates them; then the rest.
    for (const KeywordArgument &keyword : e.keywords)
        for (size_t k = 0; k < record.fields.size(); ++k)
            if (e.boundArgs[k] == keyword.value.get())
                exprInto(*e.boundArgs[k], base + static_cast<int>(k));
    for (size_t k = 0; k < record.fields.size(); ++k)
        if (!e.boundArgs[k])
            emit(objects[k] ? Op::GET_ITEM_OBJ : Op::GET_ITEM, base + static_cast<int>(k), source, static_cast<int>(k));
    return newRecord(record, base, dst);
}

int FunctionCompiler::newRecord(const RecordInfo &record, int base, int dst)
{
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_RECORD, out, typeConstant(record.type), base);
    if (record.postInit) {
        // __post_init__(self) runs on the new object before anything sees it.
        const int self = tempObject();
        emit(Op::MOVE_OBJ, self, out);
        emit(Op::CALL, tempNumber(), m_module.functionIndex.at(record.postInit), self);
    }
    return out;
}

int FunctionCompiler::responseCall(const CallExpr &e, int dst)
{
    // Response(body, status, content_type, headers): the arguments in the record's order.
    static_assert(ResponseBody == 0 && ResponseStatus == 1 && ResponseContentType == 2 && ResponseHeaders == 3);
    const int base = tempBlock({true, false, true, true});
    exprInto(*e.boundArgs[ResponseBody], base + ResponseBody);
    if (e.boundArgs[ResponseStatus])
        exprInto(*e.boundArgs[ResponseStatus], base + ResponseStatus);
    else
        emit(Op::LOAD_K, base + ResponseStatus, intConstant(200));
    if (e.boundArgs[ResponseContentType])
        exprInto(*e.boundArgs[ResponseContentType], base + ResponseContentType);
    else
        emit(Op::LOAD_K_OBJ, base + ResponseContentType, strConstant("text/plain"));
    if (e.boundArgs[ResponseHeaders])
        exprInto(*e.boundArgs[ResponseHeaders], base + ResponseHeaders);
    return newResponse(base, !e.boundArgs[ResponseHeaders], e.type, dst);
}

// The Response record from its fields in registers base..base+3; with noHeaders, the
// headers are a new empty dict.
int FunctionCompiler::newResponse(int base, bool noHeaders, const lang::Type *type, int dst)
{
    if (noHeaders) {
        const TypeDesc *response = m_module.desc(type);
        emit(Op::NEW_DICT, base + ResponseHeaders, typeConstantDesc(response->items[ResponseHeaders]), 0);
        emitExtra(0);
    }
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_RECORD, out, typeConstant(type), base);
    return out;
}

// jsonify(value): Response(json text, 200, "application/json", {}).
int FunctionCompiler::jsonifyCall(const CallExpr &e, int dst)
{
    const Expr &value = *e.args.front();
    const int reg = expr(value);
    const int base = tempBlock({true, false, true, true});
    native(Native::to_json, {reg}, {isObject(value.type)}, base + ResponseBody, m_module.program.types.strType(),
           m_module.desc(value.type));
    emit(Op::LOAD_K, base + ResponseStatus, intConstant(200));
    emit(Op::LOAD_K_OBJ, base + ResponseContentType, strConstant("application/json"));
    return newResponse(base, true, e.type, dst);
}

int FunctionCompiler::printCall(const CallExpr &e)
{
    const lang::Type *str = m_module.program.types.strType();
    int sep = -1, end = -1;
    for (const KeywordArgument &keyword : e.keywords) {
        if (keyword.name == "sep")
            sep = expr(*keyword.value);
        else
            end = expr(*keyword.value);
    }
    if (sep < 0) {
        sep = tempObject();
        emit(Op::LOAD_K_OBJ, sep, strConstant(" "));
    }
    if (end < 0) {
        end = tempObject();
        emit(Op::LOAD_K_OBJ, end, strConstant("\n"));
    }
    // Python evaluates every argument before printing any of them.
    std::vector<int> values;
    for (const ExprPtr &arg : e.args) {
        const int value = temp(arg->type);
        exprInto(*arg, value);
        values.push_back(value);
    }
    for (size_t i = 0; i < e.args.size(); ++i) {
        if (i)
            emit(Op::PRINT, sep, typeConstant(str), 0);
        emit(Op::PRINT, values[i], typeConstant(e.args[i]->type), 0);
    }
    emit(Op::PRINT, end, typeConstant(str), 1);
    return tempNumber();
}

// Collects any iterable into a new list (sorted(), min(), max() and sum() work on lists).
int FunctionCompiler::materialize(const Expr &iterable, const lang::Type *elementType, const lang::Type *resultType)
{
    const TypeDesc *result = resultType ? m_module.desc(resultType) : m_module.listDesc(m_module.desc(elementType));
    const bool sameKind = iterable.type->is(TypeKind::List) && iterable.type->tupleOf == (resultType && resultType->tupleOf);
    if (iterable.kind == ExprKind::Comprehension && iterable.type->is(TypeKind::List) && sameKind)
        return expr(iterable); // a new list already, that nothing else refers to
    if (iterable.type->is(TypeKind::List)) // a list from a tuple[T, ...] or the other way: a copy of the other kind
        return native(sameKind ? Native::list_copy : Native::list_copy_as, {expr(iterable)}, {true}, -1,
                      resultType ? resultType : iterable.type, sameKind ? nullptr : result);
    const int list = tempObject();
    emit(Op::NEW_LIST, list, typeConstantDesc(result), 0);
    emitExtra(0);
    forEachElement(iterable, [&](const Element &element) { emit(Op::LIST_APPEND, list, elementValue(element, -1)); });
    return list;
}

int FunctionCompiler::reduceCall(const CallExpr &e, Builtin fn, int dst)
{
    const lang::Type *element = e.type;
    if (fn == Builtin::Sum) {
        const lang::Type *itemType = elementTypeOf(e.boundArgs[0]->type);
        const int acc = tempNumber();
        if (e.boundArgs[1]) {
            const int start = expr(*e.boundArgs[1]);
            if (e.type->is(TypeKind::Float) && e.boundArgs[1]->type->isIntLike())
                emit(Op::I2F, acc, start);
            else
                emit(Op::MOVE, acc, start);
        } else {
            emit(Op::LOAD_K, acc, e.type->is(TypeKind::Float) ? floatConstant(0.0) : intConstant(0));
        }
        forEachElement(*e.boundArgs[0], [&](const Element &item) {
            arithmetic(BinaryOp::Add, e.type, acc, e.type, elementValue(item, -1), itemType, acc);
        });
        if (dst >= 0) {
            emit(Op::MOVE, dst, acc);
            return dst;
        }
        return acc;
    }
    // min / max / sorted over one iterable.
    const Expr &iterable = *e.args[0];
    const lang::Type *itemType = fn == Builtin::Sorted ? e.type->element : element;
    // sorted() sorts a copy; min() and max() only read, so a list is used as it is.
    const int list = fn != Builtin::Sorted && iterable.type->is(TypeKind::List) ? expr(iterable) : materialize(iterable, itemType);
    if (fn == Builtin::Sorted) {
        int reverse = -1;
        if (e.boundArgs.size() > 2 && e.boundArgs[2])
            reverse = expr(*e.boundArgs[2]);
        else {
            reverse = tempNumber();
            emit(Op::LOAD_K, reverse, intConstant(0));
        }
        sortList(list, itemType, e.key, reverse);
        if (dst >= 0) {
            move(dst, list, e.type);
            return dst;
        }
        return list;
    }
    return native(nativeOf(fn), {list}, {true}, dst, e.type);
}

int FunctionCompiler::builtinCall(const CallExpr &e, const int dst)
{
    const Builtin fn = e.builtin;
    const lang::Type *strT = m_module.program.types.strType();
    auto arg = [&](size_t i) -> const Expr & { return *e.args[i]; };
    auto argType = [&](size_t i) { return e.args[i]->type; };
    if (fn == Builtin::Print)
        return printCall(e);
    if (fn == Builtin::Any || fn == Builtin::All)
        return anyAll(e, dst);
    if (fn == Builtin::Next)
        return nextOf(e, dst);
    if (fn == Builtin::Dict)
        return dictFromPairs(e, dst);
    if (fn == Builtin::Pow) {
        const Expr &base = *e.boundArgs[0], &exponent = *e.boundArgs[1];
        if (e.boundArgs[2])
            return native(Native::pow_mod, {expr(base), expr(exponent), expr(*e.boundArgs[2])}, {false, false, false}, dst,
                          e.type);
        const int l = expr(base);
        return arithmetic(BinaryOp::Pow, e.type, l, valueType(base), expr(exponent), valueType(exponent), dst);
    }
    if (fn == Builtin::SetOf) {
        // set(a_set) copies it as CPython does (the table as it is); anything else adds
        // its elements in order.
        int set = -1;
        if (!e.args.empty() && argType(0)->is(TypeKind::Set)) {
            set = native(Native::set_copy, {expr(arg(0))}, {true}, -1, e.type);
        } else {
            set = newSet(e.type);
            if (!e.args.empty())
                forEachElement(arg(0), [&](const Element &element) {
                    native(Native::set_add, {set, elementValue(element, -1)}, {true, isObject(element.type)}, -1, nullptr);
                });
        }
        if (dst >= 0) {
            move(dst, set, e.type);
            return dst;
        }
        return set;
    }
    if (fn == Builtin::TupleOf) {
        const int out = dst >= 0 ? dst : tempObject();
        if (e.args.empty()) {
            emit(Op::NEW_LIST, out, typeConstant(e.type), 0);
            emitExtra(0);
            return out;
        }
        move(out, materialize(arg(0), e.type->element, e.type), e.type);
        return out;
    }
    if (fn == Builtin::List) {
        if (e.args.empty()) {
            const int out = dst >= 0 ? dst : tempObject();
            emit(Op::NEW_LIST, out, typeConstant(e.type), 0);
            emitExtra(0);
            return out;
        }
        const int list = materialize(arg(0), e.type->element);
        if (dst >= 0) {
            move(dst, list, e.type);
            return dst;
        }
        return list;
    }
    if ((fn == Builtin::Min || fn == Builtin::Max) && (e.key || e.defaultValue))
        return bestOf(e, dst);
    if (fn == Builtin::Sum || fn == Builtin::Sorted || ((fn == Builtin::Min || fn == Builtin::Max) && e.args.size() == 1))
        return reduceCall(e, fn, dst);
    if (fn == Builtin::Min || fn == Builtin::Max) {
        // Several arguments: compare pairwise, keeping the first of equals (as Python).
        const lang::Type *type = e.type;
        const int out = temp(type);
        exprInto(arg(0), out);
        for (size_t i = 1; i < e.args.size(); ++i) {
            const int candidate = expr(arg(i));
            const int better = tempNumber();
            compareOne(fn == Builtin::Min ? CompareOp::Less : CompareOp::Greater, candidate, type, out, type, better);
            const int skip = emitJump(Op::JUMP_IF_NOT, better);
            move(out, candidate, type);
            patchJump(skip, here());
        }
        if (dst >= 0) {
            move(dst, out, type);
            return dst;
        }
        return out;
    }
    if (fn == Builtin::Len) {
        const int value = expr(arg(0));
        const int out = dst >= 0 ? dst : tempNumber();
        emit(Op::LEN, out, value, typeConstant(argType(0)));
        return out;
    }
    if (fn == Builtin::Str || fn == Builtin::Repr) {
        if (e.args.empty()) {
            const int out = dst >= 0 ? dst : tempObject();
            emit(Op::LOAD_K_OBJ, out, strConstant(""));
            return out;
        }
        return native(nativeOf(fn), {expr(arg(0))}, {isObject(argType(0))}, dst, strT,
                      m_module.desc(argType(0)));
    }
    if (fn == Builtin::Bool) {
        const int out = dst >= 0 ? dst : tempNumber();
        if (e.args.empty()) {
            emit(Op::LOAD_K, out, intConstant(0));
            return out;
        }
        const int value = expr(arg(0));
        if (argType(0)->isIntLike()) {
            emit(Op::NE_IK, out, value, intConstant(0));
            return out;
        }
        emit(Op::TRUTHY, out, value, typeConstant(argType(0)));
        return out;
    }
    if (fn == Builtin::Int) {
        const int out = dst >= 0 ? dst : tempNumber();
        if (e.args.empty()) {
            emit(Op::LOAD_K, out, intConstant(0));
            return out;
        }
        const int value = expr(arg(0));
        if (argType(0)->isIntLike()) {
            emit(Op::MOVE, out, value);
            return out;
        }
        if (argType(0)->is(TypeKind::Float))
            return native(Native::int_from_float, {value}, {false}, out, e.type);
        int base = -1;
        if (e.args.size() > 1)
            base = expr(arg(1));
        else {
            base = tempNumber();
            emit(Op::LOAD_K, base, intConstant(10));
        }
        return native(Native::int_from_str, {value, base}, {true, false}, out, e.type);
    }
    if (fn == Builtin::Float) {
        const int out = dst >= 0 ? dst : tempNumber();
        if (e.args.empty()) {
            emit(Op::LOAD_K, out, floatConstant(0.0));
            return out;
        }
        const int value = expr(arg(0));
        if (argType(0)->is(TypeKind::Float))
            emit(Op::MOVE, out, value);
        else if (argType(0)->isIntLike())
            emit(Op::I2F, out, value);
        else
            native(Native::float_from_str, {value}, {true}, out, e.type);
        return out;
    }
    if (fn == Builtin::Abs) {
        const int value = expr(arg(0));
        const int out = dst >= 0 ? dst : tempNumber();
        emit(argType(0)->is(TypeKind::Float) ? Op::ABS_F : Op::ABS_I, out, value);
        return out;
    }
    if (fn == Builtin::Round) {
        const int value = expr(*e.boundArgs[0]);
        const bool isFloat = e.boundArgs[0]->type->is(TypeKind::Float);
        if (!e.boundArgs[1]) {
            if (!isFloat)
                return value;
            return native(Native::round_float, {value}, {false}, dst, e.type);
        }
        const int digits = expr(*e.boundArgs[1]);
        return native(isFloat ? Native::round_float_digits : Native::round_int_digits, {value, digits}, {false, false}, dst, e.type);
    }
    if (fn == Builtin::Divmod) {
        const bool ints = argType(0)->isIntLike() && argType(1)->isIntLike();
        int a = expr(arg(0)), b = expr(arg(1));
        if (!ints) {
            if (argType(0)->isIntLike()) { const int t = tempNumber(); emit(Op::I2F, t, a); a = t; }
            if (argType(1)->isIntLike()) { const int t = tempNumber(); emit(Op::I2F, t, b); b = t; }
        }
        return native(ints ? Native::divmod_int : Native::divmod_float, {a, b}, {false, false}, dst, e.type, m_module.desc(e.type));
    }
    if (fn == Builtin::Ord)
        return native(nativeOf(fn), {expr(arg(0))}, {true}, dst, e.type);
    if (fn == Builtin::Chr)
        return native(nativeOf(fn), {expr(arg(0))}, {false}, dst, e.type);
    unsupportedHere(e.span, lang::builtinName(fn) + "() in this position");
}

// A set method given a list, range, str or generator instead of a set, done as CPython
// does it for such an argument (each element in turn), so the result's layout matches.
int FunctionCompiler::setWithIterable(const CallExpr &e, int receiver, int dst)
{
    const Expr &items = *e.boundArgs[0];
    const lang::Type *setType = e.callee->as<AttributeExpr>().object->type;
    const bool elementObject = isObject(setType->element);
    const lang::Type *boolT = m_module.program.types.boolType();
    auto eachItem = [&](const std::function<void(int)> &body) {
        forEachElement(items, [&](const Element &element) { body(elementValue(element, -1)); });
    };
    switch (e.builtin) {
    case Builtin::SetUnion:
    case Builtin::SetDifference: {
        const bool union_ = e.builtin == Builtin::SetUnion;
        const int result = native(Native::set_copy, {receiver}, {true}, -1, setType);
        eachItem([&](int item) {
            native(union_ ? Native::set_add : Native::set_discard, {result, item}, {true, elementObject}, -1, nullptr);
        });
        if (!union_)
            native(Native::set_purge, {result}, {true}, -1, nullptr);
        return dst >= 0 ? (move(dst, result, setType), dst) : result;
    }
    case Builtin::SetSymmetricDifference: {
        const int other = newSet(setType);
        eachItem([&](int item) { native(Native::set_add, {other, item}, {true, elementObject}, -1, nullptr); });
        return native(Native::set_symmetric_difference, {receiver, other}, {true, true}, dst, setType);
    }
    case Builtin::SetIntersection:
    case Builtin::SetIssubset: {
        const int result = newSet(setType);
        eachItem([&](int item) {
            const int found = native(Native::set_contains, {receiver, item}, {true, elementObject}, -1, boolT);
            const int skip = emitJump(Op::JUMP_IF_NOT, found);
            native(Native::set_add, {result, item}, {true, elementObject}, -1, nullptr);
            patchJump(skip, here());
        });
        if (e.builtin == Builtin::SetIntersection)
            return dst >= 0 ? (move(dst, result, setType), dst) : result;
        // issubset: every element of the receiver is among the items.
        const int mine = tempNumber(), common = tempNumber();
        emit(Op::LEN, mine, receiver, typeConstant(setType));
        emit(Op::LEN, common, result, typeConstant(setType));
        const int out = dst >= 0 ? dst : tempNumber();
        emit(Op::EQ_I, out, mine, common);
        return out;
    }
    default: {
        // issuperset (all items in the receiver: False at the first missing one) and
        // isdisjoint (none of them: False at the first one found).
        const bool superset = e.builtin == Builtin::SetIssuperset;
        auto contains = [&](const Element &element) {
            return native(Native::set_contains, {receiver, elementValue(element, -1)}, {true, elementObject}, -1, boolT);
        };
        return firstDecides(items, contains, !superset, !superset, dst);
    }
    }
}

int FunctionCompiler::mathCall(const CallExpr &e, int dst)
{
    std::vector<int> args;
    for (const ExprPtr &arg : e.args) {
        int value = expr(*arg);
        if (arg->type->isIntLike() && !arg->widenToFloat) {
            const int t = tempNumber();
            emit(Op::I2F, t, value);
            value = t;
        }
        args.push_back(value);
    }
    const Native fn = e.builtin == Builtin::MathLog && args.size() == 2 ? Native::math_log_base : nativeOf(e.builtin);
    return native(fn, args, std::vector<bool>(args.size(), false), dst, e.type);
}

int FunctionCompiler::methodCall(const CallExpr &e, int dst)
{
    const auto &callee = e.callee->as<AttributeExpr>();
    const lang::Type *receiverType = callee.object->type;
    const int receiver = expr(*callee.object);
    auto bound = [&](size_t i) -> const Expr * { return i < e.boundArgs.size() ? e.boundArgs[i] : nullptr; };
    auto value = [&](size_t i) { return expr(*bound(i)); };
    auto constantInt = [&](std::int64_t v) { const int r = tempNumber(); emit(Op::LOAD_K, r, intConstant(v)); return r; };
    const lang::Type *elem = receiverType->element;
    const bool keyIsObject = receiverType->key && isObject(receiverType->key);
    const lang::Type *strT = m_module.program.types.strType();

    switch (e.builtin) {
    case Builtin::StrJoin: {
        // join reads its argument only: a list needs no copy.
        const int items = bound(0)->type->is(TypeKind::List) ? value(0) : materialize(*bound(0), strT);
        return native(Native::str_join, {receiver, items}, {true, true}, dst, e.type);
    }
    case Builtin::StrStrip:
    case Builtin::StrLstrip:
    case Builtin::StrRstrip: {
        // One native strips either end or both; which is its third argument.
        const int chars = bound(0) ? value(0) : nullObject();
        const int which = constantInt(e.builtin == Builtin::StrLstrip ? 1 : e.builtin == Builtin::StrRstrip ? 2 : 3);
        return native(Native::str_strip, {receiver, chars, which}, {true, true, false}, dst, e.type);
    }
    case Builtin::ListAppend:
        emit(Op::LIST_APPEND, receiver, value(0));
        return tempNumber();
    case Builtin::ListExtend: {
        const int items = bound(0)->type->is(TypeKind::List) ? value(0) : materialize(*bound(0), elem);
        return native(Native::list_extend, {receiver, items}, {true, true}, -1, nullptr);
    }
    case Builtin::ListSort: {
        // sort(*, key=None, reverse=False)
        int reverse = -1;
        if (bound(1)) {
            reverse = value(1);
        } else {
            reverse = tempNumber();
            emit(Op::LOAD_K, reverse, intConstant(0));
        }
        sortList(receiver, elem, e.key, reverse);
        return tempNumber();
    }
    case Builtin::SetUpdate:
        if (bound(0)->type->is(TypeKind::Set)) {
            native(Native::set_update, {receiver, value(0)}, {true, true}, -1, nullptr);
        } else {
            forEachElement(*bound(0), [&](const Element &element) {
                native(Native::set_add, {receiver, elementValue(element, -1)}, {true, isObject(element.type)}, -1, nullptr);
            });
        }
        return tempNumber();
    case Builtin::SetIssuperset:
        if (bound(0)->type->is(TypeKind::Set))
            return native(Native::set_le, {value(0), receiver}, {true, true}, dst, e.type);
        return setWithIterable(e, receiver, dst);
    case Builtin::SetUnion:
    case Builtin::SetIntersection:
    case Builtin::SetDifference:
    case Builtin::SetSymmetricDifference:
    case Builtin::SetIssubset:
    case Builtin::SetIsdisjoint:
        if (!bound(0)->type->is(TypeKind::Set))
            return setWithIterable(e, receiver, dst);
        break;
    case Builtin::DictGet:
        if (bound(1))
            return native(Native::dict_get_default, {receiver, value(0), value(1)}, {true, keyIsObject, isObject(elem)}, dst, e.type);
        return native(Native::dict_get, {receiver, value(0)}, {true, keyIsObject}, dst, e.type, m_module.desc(e.type));
    case Builtin::DictPop:
        if (bound(1))
            return native(Native::dict_pop_default, {receiver, value(0), value(1)}, {true, keyIsObject, isObject(elem)}, dst, e.type);
        return native(Native::dict_pop, {receiver, value(0)}, {true, keyIsObject}, dst, e.type);
    case Builtin::RequestQuery:
    case Builtin::RequestHeader: {
        const bool query = e.builtin == Builtin::RequestQuery;
        const int table = tempObject();
        emit(Op::GET_ITEM_OBJ, table, receiver, query ? RequestQuery : RequestHeaders);
        int key = value(0);
        if (!query)
            key = native(Native::str_lower, {key}, {true}, -1, strT);
        return native(nativeOf(e.builtin), {table, key, value(1)}, {true, true, true}, dst, e.type);
    }
    case Builtin::RequestJson: {
        // The body, parsed straight into the static type the checker gave the call.
        const int body = tempObject();
        emit(Op::GET_ITEM_OBJ, body, receiver, RequestBody);
        const int out = native(Native::json_parse, {body}, {true}, dst, e.type, m_module.desc(e.type));
        if (e.type->is(TypeKind::Record) && e.type->record->postInit) {
            const int self = tempObject();
            emit(Op::MOVE_OBJ, self, out);
            emit(Op::CALL, tempNumber(), m_module.functionIndex.at(e.type->record->postInit), self);
        }
        return out;
    }
    default: break;
    }

    // Everything else: the receiver, then each argument or its declared default.
    const Native fn = nativeOf(e.builtin);
    if (fn == Native::Count)
        unsupportedHere(e.span, lang::builtinName(e.builtin) + "() here");
    std::vector<int> args{receiver};
    std::vector<bool> objects{true};
    const std::vector<lang::BuiltinParameter> params = lang::builtinParameters(e.builtin);
    for (size_t i = 0; i < params.size(); ++i) {
        if (bound(i)) {
            args.push_back(value(i));
            objects.push_back(isObject(bound(i)->type));
        } else if (params[i].defaultValue == "None") {
            // None for an optional str: a null object register.
            args.push_back(nullObject());
            objects.push_back(true);
        } else {
            args.push_back(constantInt(std::stoll(params[i].defaultValue)));
            objects.push_back(false);
        }
    }
    const bool needsType = e.type->is(TypeKind::List); // a native that builds a list must know its element type
    const int out = native(fn, args, objects, e.type->is(TypeKind::None) ? -1 : dst, e.type->is(TypeKind::None) ? nullptr : e.type,
                           needsType ? m_module.desc(e.type) : nullptr);
    return out;
}

} // namespace hotpath::vm
