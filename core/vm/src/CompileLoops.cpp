// SPDX-License-Identifier: GPL-3.0-or-later
// for loops. Every iterable the language allows compiles to an Iterator: code that
// initialises its state once, and a `next` step that either jumps out or produces the
// next element. enumerate() and zip() wrap other iterators, so `for i, (k, v) in
// enumerate(d.items())` runs without building a single tuple.
#include "CompilerImpl.h"

namespace hotpath::vm {

namespace {

struct RangeIterator : FunctionCompiler::Iterator
{
    int current = -1, stop = -1, step = -1;
    bool positiveConstantStep = false;

    int next(FunctionCompiler &fc, Element &out) override
    {
        const int value = preferredRegister >= 0 ? preferredRegister : fc.tempNumber();
        fc.emit(Op::FOR_RANGE, current, stop, step);
        const int exit = fc.here();
        fc.emitExtra(value); // B and C: the exit target, patched by the caller
        out.reg = value;
        out.type = fc.m_module.program.types.intType();
        return exit;
    }
};

// Lists (and tuples turned into lists): an index checked against the live length
// every step, as CPython's list iterator does.
struct ListIterator : FunctionCompiler::Iterator
{
    int list = -1, index = -1;
    const lang::Type *element = nullptr;
    bool reversed = false;

    int next(FunctionCompiler &fc, Element &out) override
    {
        const int more = fc.tempNumber();
        if (reversed) {
            // index counts down from len - 1; stop below zero or past a shrunk list.
            const int zero = fc.tempNumber();
            fc.emit(Op::LOAD_K, zero, fc.intConstant(0));
            fc.emit(Op::GE_I, more, index, zero);
        } else {
            const int length = fc.tempNumber();
            fc.emit(Op::LEN, length, list, fc.typeConstantDesc(fc.m_module.listDesc(fc.m_module.desc(element))));
            fc.emit(Op::LT_I, more, index, length);
        }
        const int exit = fc.emitJump(Op::JUMP_IF_NOT, more);
        const int value = fc.temp(element);
        fc.emit(Op::LIST_ITEM, value, list, index);
        const int one = fc.tempNumber();
        fc.emit(Op::LOAD_K, one, fc.intConstant(1));
        fc.emit(reversed ? Op::SUB_I : Op::ADD_I, index, index, one);
        out.reg = value;
        out.type = element;
        return exit;
    }
};

struct StrIterator : FunctionCompiler::Iterator
{
    int text = -1, position = -1;

    int next(FunctionCompiler &fc, Element &out) override
    {
        const int more = fc.tempNumber();
        const int ch = fc.tempObject();
        fc.emit(Op::STR_NEXT, more, text, position);
        fc.emitExtra(ch);
        const int exit = fc.emitJump(Op::JUMP_IF_NOT, more);
        out.reg = ch;
        out.type = fc.m_module.program.types.strType();
        return exit;
    }
};

struct DictIterator : FunctionCompiler::Iterator
{
    int dict = -1, position = -1, size = -1;
    enum class Yield { Keys, Values, Items } yield = Yield::Keys;
    const lang::Type *keyType = nullptr, *valueType = nullptr;

    int next(FunctionCompiler &fc, Element &out) override
    {
        const int more = fc.tempNumber();
        const int key = fc.temp(keyType);
        const int value = fc.temp(valueType);
        fc.emit(Op::DICT_NEXT, more, dict, position);
        fc.emitExtra(key, value, size);
        const int exit = fc.emitJump(Op::JUMP_IF_NOT, more);
        switch (yield) {
        case Yield::Keys: out = {key, {}, keyType}; break;
        case Yield::Values: out = {value, {}, valueType}; break;
        case Yield::Items: out = {-1, {{key, {}, keyType}, {value, {}, valueType}}, elementType}; break;
        }
        return exit;
    }
};

struct EnumerateIterator : FunctionCompiler::Iterator
{
    std::unique_ptr<FunctionCompiler::Iterator> inner;
    int counter = -1;

    int next(FunctionCompiler &fc, Element &out) override
    {
        Element item;
        const int exit = inner->next(fc, item);
        const int index = fc.tempNumber();
        fc.emit(Op::MOVE, index, counter);
        const int one = fc.tempNumber();
        fc.emit(Op::LOAD_K, one, fc.intConstant(1));
        fc.emit(Op::ADD_I, counter, counter, one);
        out = {-1, {{index, {}, fc.m_module.program.types.intType()}, item}, elementType};
        return exit;
    }
};

struct ZipIterator : FunctionCompiler::Iterator
{
    std::vector<std::unique_ptr<FunctionCompiler::Iterator>> inners;

    int next(FunctionCompiler &fc, Element &out) override
    {
        // Each exhausted iterator jumps to its own exit; they all meet at a shared one.
        std::vector<int> exits;
        out = {-1, {}, elementType};
        for (auto &inner : inners) {
            Element item;
            exits.push_back(inner->next(fc, item));
            out.parts.push_back(item);
        }
        const int proceed = fc.emitJump(Op::JUMP);
        for (int at : exits)
            fc.patchJump(at, fc.here());
        const int exit = fc.emitJump(Op::JUMP);
        fc.patchJump(proceed, fc.here());
        return exit;
    }
};

} // namespace

std::unique_ptr<FunctionCompiler::Iterator> FunctionCompiler::makeIterator(const Expr &iterable)
{
    auto it = makeIteratorFor(iterable);
    const lang::Type *type = iterable.type;
    it->elementType = elementTypeOf(type);
    return it;
}

std::unique_ptr<FunctionCompiler::Iterator> FunctionCompiler::makeIteratorFor(const Expr &iterable)
{
    const lang::Type *type = iterable.type;
    if (isGenerator(iterable)) {
        // A generator the consumer steps through itself (a for loop, enumerate, zip):
        // its elements are collected first. Consumers that take each element once go
        // through forEachElement instead and build nothing.
        auto it = std::make_unique<ListIterator>();
        it->list = materialize(iterable, type->element);
        it->element = type->element;
        it->index = tempNumber();
        emit(Op::LOAD_K, it->index, intConstant(0));
        return it;
    }
    if (iterable.kind == ExprKind::Call) {
        const auto &call = iterable.as<CallExpr>();
        if (call.builtin == Builtin::Range) {
            auto it = std::make_unique<RangeIterator>();
            it->current = tempNumber();
            it->stop = tempNumber();
            it->step = tempNumber();
            if (call.args.size() == 1) {
                emit(Op::LOAD_K, it->current, intConstant(0));
                exprInto(*call.args[0], it->stop);
            } else {
                exprInto(*call.args[0], it->current);
                exprInto(*call.args[1], it->stop);
            }
            if (call.args.size() == 3) {
                exprInto(*call.args[2], it->step);
                const Expr &step = *call.args[2];
                it->positiveConstantStep = step.kind == ExprKind::IntLiteral && step.as<IntLiteral>().value > 0;
                if (step.kind != ExprKind::IntLiteral)
                    emit(Op::RANGE_CHECK, it->step);
            } else {
                emit(Op::LOAD_K, it->step, intConstant(1));
                it->positiveConstantStep = true;
            }
            return it;
        }
        if (call.builtin == Builtin::Enumerate) {
            auto it = std::make_unique<EnumerateIterator>();
            it->inner = makeIterator(*call.boundArgs[0]);
            it->counter = tempNumber();
            if (call.boundArgs[1])
                exprInto(*call.boundArgs[1], it->counter);
            else
                emit(Op::LOAD_K, it->counter, intConstant(0));
            return it;
        }
        if (call.builtin == Builtin::Zip) {
            auto it = std::make_unique<ZipIterator>();
            for (const ExprPtr &arg : call.args)
                it->inners.push_back(makeIterator(*arg));
            return it;
        }
        if (call.builtin == Builtin::Reversed) {
            const Expr &inner = *call.args[0];
            const lang::Type *element = type->element;
            // reversed(x): iterate a list copy backwards (x may be a str, range, tuple,
            // list or dict view).
            const int list = inner.type->is(TypeKind::List) ? expr(inner) : materialize(inner, element);
            auto it = std::make_unique<ListIterator>();
            it->list = tempObject();
            emit(Op::MOVE_OBJ, it->list, list); // `list` is always a list here, whatever `inner` was
            it->index = tempNumber();
            it->element = element;
            it->reversed = true;
            emit(Op::LEN, it->index, it->list, typeConstantDesc(m_module.listDesc(m_module.desc(element))));
            const int one = tempNumber();
            emit(Op::LOAD_K, one, intConstant(1));
            emit(Op::SUB_I, it->index, it->index, one);
            return it;
        }
        if (call.builtin == Builtin::DictKeys || call.builtin == Builtin::DictValues || call.builtin == Builtin::DictItems) {
            const Expr &receiver = *call.callee->as<AttributeExpr>().object;
            auto it = std::make_unique<DictIterator>();
            it->dict = tempObject();
            exprInto(receiver, it->dict);
            it->position = tempNumber();
            emit(Op::LOAD_K, it->position, intConstant(0));
            it->size = tempNumber();
            emit(Op::LEN, it->size, it->dict, typeConstant(receiver.type));
            it->keyType = receiver.type->key;
            it->valueType = receiver.type->element;
            it->yield = call.builtin == Builtin::DictKeys     ? DictIterator::Yield::Keys
                      : call.builtin == Builtin::DictValues ? DictIterator::Yield::Values
                                                            : DictIterator::Yield::Items;
            return it;
        }
    }
    if (type->is(TypeKind::List) || type->is(TypeKind::Tuple)) {
        auto it = std::make_unique<ListIterator>();
        it->list = tempObject();
        it->element = type->is(TypeKind::List) ? type->element : type->items.front();
        if (type->is(TypeKind::Tuple))
            native(Native::tuple_to_list, {expr(iterable)}, {true}, it->list, type,
                   m_module.listDesc(m_module.desc(type->items.front())));
        else
            exprInto(iterable, it->list); // holds a reference: rebinding the name mid-loop is harmless
        it->index = tempNumber();
        emit(Op::LOAD_K, it->index, intConstant(0));
        return it;
    }
    if (type->is(TypeKind::Set)) {
        // A set is walked through a list of its elements in table order (CPython's).
        auto it = std::make_unique<ListIterator>();
        const TypeDesc *listType = m_module.listDesc(m_module.desc(type->element));
        it->list = native(Native::set_to_list, {expr(iterable)}, {true}, -1, type, listType);
        it->element = type->element;
        it->index = tempNumber();
        emit(Op::LOAD_K, it->index, intConstant(0));
        return it;
    }
    if (type->is(TypeKind::Str)) {
        auto it = std::make_unique<StrIterator>();
        it->text = tempObject();
        exprInto(iterable, it->text);
        it->position = tempNumber();
        emit(Op::LOAD_K, it->position, intConstant(0));
        return it;
    }
    if (type->is(TypeKind::Dict)) {
        auto it = std::make_unique<DictIterator>();
        it->dict = tempObject();
        exprInto(iterable, it->dict);
        it->position = tempNumber();
        emit(Op::LOAD_K, it->position, intConstant(0));
        it->size = tempNumber();
        emit(Op::LEN, it->size, it->dict, typeConstant(type));
        it->keyType = type->key;
        it->valueType = type->element;
        it->yield = DictIterator::Yield::Keys;
        return it;
    }
    unsupportedHere(iterable.span, "iterating this value");
}

// A produced element as one register: builds the tuple when it came in parts.
int FunctionCompiler::elementValue(const Element &element, int dst)
{
    if (element.parts.empty()) {
        if (dst >= 0) {
            move(dst, element.reg, element.type);
            return dst;
        }
        return element.reg;
    }
    // Built from its parts: every iterator gives a structured element the checker's tuple type.
    std::vector<bool> objects;
    std::vector<int> regs;
    for (const Element &part : element.parts) {
        objects.push_back(isObject(part.type));
        regs.push_back(elementValue(part, -1));
    }
    const int base = tempBlock(objects);
    for (size_t i = 0; i < regs.size(); ++i)
        emit(objects[i] ? Op::MOVE_OBJ : Op::MOVE, base + static_cast<int>(i), regs[i]);
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_TUPLE, out, typeConstant(element.type), base);
    return out;
}

void FunctionCompiler::bindElement(const Expr &target, const Element &element)
{
    if (target.kind == ExprKind::TupleLiteral && element.parts.empty() && element.type->is(TypeKind::List)) {
        // Unpacking a list: its length checked first, then item by item.
        const auto &names = target.as<TupleExpr>().elements;
        const lang::Type *itemType = element.type->element;
        const int count = tempNumber();
        emit(Op::LOAD_K, count, intConstant(static_cast<std::int64_t>(names.size())));
        native(Native::list_unpack, {element.reg, count}, {true, false}, -1, nullptr);
        for (size_t i = 0; i < names.size(); ++i) {
            const int index = tempNumber();
            emit(Op::LOAD_K, index, intConstant(static_cast<std::int64_t>(i)));
            const int item = temp(itemType);
            emit(isObject(itemType) ? Op::LIST_GET_OBJ : Op::LIST_GET, item, element.reg, index);
            bindElement(*names[i], Element{item, {}, itemType});
        }
        return;
    }
    if (target.kind == ExprKind::TupleLiteral) {
        const auto &tuple = target.as<TupleExpr>();
        for (size_t i = 0; i < tuple.elements.size(); ++i) {
            const Expr &part = *tuple.elements[i];
            if (!element.parts.empty()) {
                bindElement(part, element.parts[i]);
                continue;
            }
            // A real tuple value: read item i.
            const lang::Type *itemType = element.type->items[i];
            const int reg = temp(itemType);
            emit(isObject(itemType) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, reg, element.reg, static_cast<int>(i));
            bindElement(part, Element{reg, {}, itemType});
        }
        return;
    }
    if (target.kind == ExprKind::Name && target.as<NameExpr>().binding == NameBinding::Local) {
        elementValue(element, target.as<NameExpr>().slot);
        return;
    }
    storeTo(target, elementValue(element, -1));
}

// One loop over `iterable`: each element is handed to `body`. Returns the jump taken when
// the elements run out (for the caller to patch) and where the next step begins.
FunctionCompiler::LoopJumps FunctionCompiler::loopOver(const Expr &iterable, const Expr *target, const ElementBody &body)
{
    auto iterator = makeIterator(iterable);
    if (target && target->kind == ExprKind::Name && target->as<NameExpr>().binding == NameBinding::Local
        && target->type->is(TypeKind::Int) && !m_flagRegister.count(target->as<NameExpr>().slot))
        iterator->preferredRegister = target->as<NameExpr>().slot;
    int top = here();
    Element element;
    const int exit = iterator->next(*this, element);
    auto *range = dynamic_cast<RangeIterator *>(iterator.get());
    const int bodyStart = here();
    const std::set<int> before = m_assigned;
    body(element);
    m_assigned = before; // the body may run zero times
    if (range) {
        // Range loops test at the bottom too: one instruction per iteration instead of a
        // back-edge plus the header.
        top = here();
        emit(Op::FOR_RANGE_BACK, range->current, range->stop, range->step);
        emitExtra(element.reg, bodyStart & 0xFFFF, bodyStart >> 16);
    } else {
        patchJump(emitJump(Op::LOOP), top);
    }
    return {exit, top};
}

void FunctionCompiler::forStatement(const ForStmt &stmt)
{
    m_loops.push_back({here(), {}, {}});
    const LoopJumps jumps = loopOver(*stmt.iterable, stmt.target.get(), [&](const Element &element) {
        bindElement(*stmt.target, element);
        markAssigned(*stmt.target);
        block(stmt.body);
    });
    closeLoop(jumps.exit, jumps.next);
}

} // namespace hotpath::vm
