// SPDX-License-Identifier: GPL-3.0-or-later
// Comprehensions and generator expressions. A comprehension is its clauses' loops nested
// around one append (or dict store); a generator expression is the same loops around
// whatever its consumer does with each element, so sum(x * x for x in xs) adds as it goes
// and any(...) stops at the first true element, without building a list.
#include "CompilerImpl.h"

namespace hotpath::vm {

void FunctionCompiler::forEachElement(const Expr &iterable, const ElementBody &body)
{
    m_consumerExits.emplace_back();
    eachElement(iterable, body);
    for (int at : m_consumerExits.back())
        patchJump(at, here());
    m_consumerExits.pop_back();
}

// forEachElement's loops, without a consumer of their own: a generator nested in a
// generator's clause leaves its consumer's exits alone.
void FunctionCompiler::eachElement(const Expr &iterable, const ElementBody &body)
{
    if (isGenerator(iterable)) {
        const auto &generator = iterable.as<ComprehensionExpr>();
        runClauses(generator, 0, [&] {
            const int value = expr(*generator.element);
            body(Element{value, {}, valueType(*generator.element)});
        });
        return;
    }
    const LoopJumps jumps = loopOver(iterable, nullptr, body);
    patchJump(jumps.exit, here());
}

// Clause `clause` and the ones after it: a loop binding its target, its conditions
// skipping to the next element, then the next clause inside, or `innermost`.
void FunctionCompiler::runClauses(const ComprehensionExpr &e, size_t clause, const std::function<void()> &innermost)
{
    if (clause == e.clauses.size()) {
        innermost();
        return;
    }
    const ComprehensionClause &c = e.clauses[clause];
    auto step = [&](const Element &element) {
        bindElement(*c.target, element);
        markAssigned(*c.target);
        std::vector<int> skips;
        for (const ExprPtr &condition : c.conditions)
            skips.push_back(emitJump(Op::JUMP_IF_NOT, this->condition(*condition)));
        runClauses(e, clause + 1, innermost);
        for (int at : skips)
            patchJump(at, here()); // falls through to the loop's next step
    };
    if (isGenerator(*c.iterable)) {
        // for x in (y for y in ...): the inner generator's elements, one at a time.
        eachElement(*c.iterable, step);
        return;
    }
    const LoopJumps jumps = loopOver(*c.iterable, c.target.get(), step);
    patchJump(jumps.exit, here());
}

// A bool decided by the first element whose test gives `stopOn`: then the result is
// stopOn (any: True at the first true element), else !stopOn once the elements run out.
// `invert` flips the result (isdisjoint: False at the first common element).
int FunctionCompiler::firstDecides(const Expr &items, const std::function<int(const Element &)> &test, bool stopOn,
                                   bool invert, int dst)
{
    // In a temporary until the end: the elements may read the variable being assigned.
    const int out = tempNumber();
    emit(Op::LOAD_K, out, intConstant(stopOn != invert ? 0 : 1));
    forEachElement(items, [&](const Element &element) {
        const int keepGoing = emitJump(stopOn ? Op::JUMP_IF_NOT : Op::JUMP_IF, test(element));
        emit(Op::LOAD_K, out, intConstant(stopOn != invert ? 1 : 0));
        m_consumerExits.back().push_back(emitJump(Op::JUMP));
        patchJump(keepGoing, here());
    });
    if (dst >= 0) {
        emit(Op::MOVE, dst, out);
        return dst;
    }
    return out;
}

// any() and all(): stop at the first element that decides.
int FunctionCompiler::anyAll(const CallExpr &e, int dst)
{
    return firstDecides(
        *e.args[0], [&](const Element &element) { return truthy(elementValue(element, -1), element.type); },
        e.builtin == Builtin::Any, false, dst);
}

// next(iterable, default): the first element (a generator stops there), else the default.
int FunctionCompiler::nextOf(const CallExpr &e, int dst)
{
    const lang::Type *itemType = elementTypeOf(e.args[0]->type);
    const int out = temp(e.type);
    exprInto(*e.defaultValue, out); // Python evaluates the default first
    forEachElement(*e.args[0], [&](const Element &element) {
        const int value = elementValue(element, -1);
        if (e.type != itemType)
            wrapRegister(value, itemType, out); // into a T | None
        else
            move(out, value, itemType);
        m_consumerExits.back().push_back(emitJump(Op::JUMP));
    });
    if (dst >= 0) {
        move(dst, out, e.type);
        return dst;
    }
    return out;
}

// dict(pairs): each element a (key, value) tuple, as from zip() or a generator.
int FunctionCompiler::dictFromPairs(const CallExpr &e, int dst)
{
    const int out = dst >= 0 ? dst : tempObject();
    const int result = tempObject();
    emit(Op::NEW_DICT, result, typeConstant(e.type), 0);
    emitExtra(0);
    if (!e.args.empty()) {
        forEachElement(*e.args[0], [&](const Element &element) {
            int key = -1, value = -1;
            if (!element.parts.empty()) {
                key = elementValue(element.parts[0], -1);
                value = elementValue(element.parts[1], -1);
            } else {
                const lang::Type *keyType = element.type->items[0], *valueType = element.type->items[1];
                key = temp(keyType);
                emit(isObject(keyType) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, key, element.reg, 0);
                value = temp(valueType);
                emit(isObject(valueType) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, value, element.reg, 1);
            }
            emit(Op::DICT_SET, result, key, value);
        });
    }
    move(out, result, e.type);
    return out;
}

int FunctionCompiler::comprehension(const ComprehensionExpr &e, int dst)
{
    const int out = dst >= 0 ? dst : tempObject();
    // Built in a temporary: the target may be a name the clauses read.
    const int result = tempObject();
    switch (e.form) {
    case ComprehensionForm::List:
        emit(Op::NEW_LIST, result, typeConstant(e.type), 0);
        emitExtra(0);
        runClauses(e, 0, [&] { emit(Op::LIST_APPEND, result, expr(*e.element)); });
        break;
    case ComprehensionForm::Dict:
        emit(Op::NEW_DICT, result, typeConstant(e.type), 0);
        emitExtra(0);
        runClauses(e, 0, [&] {
            // Python evaluates the key first, then the value.
            const int key = expr(*e.element);
            const int value = expr(*e.value);
            emit(Op::DICT_SET, result, key, value);
        });
        break;
    case ComprehensionForm::Set: {
        const int set = newSet(e.type);
        emit(Op::MOVE_OBJ, result, set);
        runClauses(e, 0, [&] {
            native(Native::set_add, {result, expr(*e.element)}, {true, isObject(valueType(*e.element))}, -1, nullptr);
        });
        break;
    }
    default: unsupportedHere(e.span, "this comprehension here");
    }
    move(out, result, e.type);
    return out;
}

} // namespace hotpath::vm
