// SPDX-License-Identifier: GPL-3.0-or-later
// Key functions and defaults of sorted(), min(), max() and list.sort(). A key's body is
// compiled in place with its parameter in its own local slot, so it runs once per element
// and reads the enclosing function's variables as they are at that moment.
#include "CompilerImpl.h"

namespace hotpath::vm {

// key(item), with the lambda's parameter bound to the value in `item`.
int FunctionCompiler::applyKey(const LambdaExpr &key, int item, const lang::Type *itemType)
{
    const int param = key.params.front().slot;
    move(param, item, itemType);
    m_assigned.insert(param);
    return expr(*key.body);
}

// A new list of key(x) for each x of `list` (a list register), in order.
int FunctionCompiler::keysOf(int list, const lang::Type *itemType, const LambdaExpr &key)
{
    const int keys = tempObject();
    emit(Op::NEW_LIST, keys, typeConstantDesc(m_module.listDesc(m_module.desc(key.type))), 0);
    emitExtra(0);
    const TypeDesc *listType = m_module.listDesc(m_module.desc(itemType));
    const int index = tempNumber();
    emit(Op::LOAD_K, index, intConstant(0));
    const int top = here();
    const int length = tempNumber();
    emit(Op::LEN, length, list, typeConstantDesc(listType));
    const int more = tempNumber();
    emit(Op::LT_I, more, index, length);
    const int exit = emitJump(Op::JUMP_IF_NOT, more);
    const int item = temp(itemType);
    emit(Op::LIST_ITEM, item, list, index);
    emit(Op::LIST_APPEND, keys, applyKey(key, item, itemType));
    const int one = tempNumber();
    emit(Op::LOAD_K, one, intConstant(1));
    emit(Op::ADD_I, index, index, one);
    patchJump(emitJump(Op::LOOP), top);
    patchJump(exit, here());
    return keys;
}

// Sorts the list in `list` in place, by `key` when there is one.
void FunctionCompiler::sortList(int list, const lang::Type *itemType, const LambdaExpr *key, int reverse)
{
    if (!key) {
        native(Native::list_sort, {list, reverse}, {true, false}, -1, nullptr);
        return;
    }
    const int keys = keysOf(list, itemType, *key);
    native(Native::list_sort_keyed, {list, keys, reverse}, {true, true, false}, -1, nullptr);
}

// min()/max() by comparing as the loop goes: with key= (compare keys, keep the first of
// equals, as CPython does) or default= (the result for no elements).
int FunctionCompiler::bestOf(const CallExpr &e, int dst)
{
    const bool wantMax = e.builtin == Builtin::Max;
    // The elements' type: the result's, unless default=None made the result T | None.
    const lang::Type *itemType = e.type;
    if (e.args.size() == 1)
        itemType = elementTypeOf(e.args[0]->type);
    const bool wrapped = e.type != itemType;
    const lang::Type *keyType = e.key ? e.key->type : itemType;
    const int out = dst >= 0 ? dst : temp(e.type);
    // Python evaluates the default before it looks at any element.
    int fallback = -1;
    if (e.defaultValue)
        fallback = expr(*e.defaultValue);
    const int have = tempNumber();
    emit(Op::LOAD_K, have, intConstant(0));
    const int best = temp(itemType);
    const int bestKey = e.key ? temp(keyType) : best;
    auto consider = [&](int value) {
        const int key = e.key ? applyKey(*e.key, value, itemType) : value;
        const int first = emitJump(Op::JUMP_IF_NOT, have);
        const int better = tempNumber();
        compareOne(wantMax ? CompareOp::Greater : CompareOp::Less, key, keyType, bestKey, keyType, better);
        const int skip = emitJump(Op::JUMP_IF_NOT, better);
        patchJump(first, here());
        move(best, value, itemType);
        if (e.key)
            move(bestKey, key, keyType);
        emit(Op::LOAD_K, have, intConstant(1));
        patchJump(skip, here());
    };
    if (e.args.size() == 1)
        forEachElement(*e.args[0], [&](const Element &element) { consider(elementValue(element, -1)); });
    else
        for (const ExprPtr &arg : e.args)
            consider(expr(*arg));
    const int found = emitJump(Op::JUMP_IF, have);
    if (fallback >= 0) {
        move(out, fallback, e.type);
    } else {
        const int which = tempNumber();
        emit(Op::LOAD_K, which, intConstant(wantMax ? 1 : 0));
        native(Native::empty_sequence, {which}, {false}, -1, nullptr);
    }
    const int end = emitJump(Op::JUMP);
    patchJump(found, here());
    if (wrapped)
        wrapRegister(best, itemType, out);
    else
        move(out, best, e.type);
    patchJump(end, here());
    return out;
}

} // namespace hotpath::vm
