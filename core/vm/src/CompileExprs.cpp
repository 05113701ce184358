// SPDX-License-Identifier: GPL-3.0-or-later
// Expressions. expr() returns the register holding the value: a local's own register
// when the expression is just that local, else `dst` or a fresh temporary.
#include "CompilerImpl.h"

#include <algorithm>

#include <cmath>

namespace hotpath::vm {

namespace {

Op intOp(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return Op::ADD_I;
    case BinaryOp::Sub: return Op::SUB_I;
    case BinaryOp::Mul: return Op::MUL_I;
    case BinaryOp::FloorDiv: return Op::FLOORDIV_I;
    case BinaryOp::Mod: return Op::MOD_I;
    case BinaryOp::Pow: return Op::POW_I;
    case BinaryOp::Div: return Op::DIV_I;
    case BinaryOp::LShift: return Op::LSHIFT_I;
    case BinaryOp::RShift: return Op::RSHIFT_I;
    case BinaryOp::BitAnd: return Op::AND_I;
    case BinaryOp::BitOr: return Op::OR_I;
    case BinaryOp::BitXor: return Op::XOR_I;
    }
    return Op::NOP;
}

Op floatOp(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return Op::ADD_F;
    case BinaryOp::Sub: return Op::SUB_F;
    case BinaryOp::Mul: return Op::MUL_F;
    case BinaryOp::Div: return Op::DIV_F;
    case BinaryOp::FloorDiv: return Op::FLOORDIV_F;
    case BinaryOp::Mod: return Op::MOD_F;
    case BinaryOp::Pow: return Op::POW_F;
    default: return Op::NOP;
    }
}

} // namespace

int FunctionCompiler::exprInto(const Expr &e, int dst)
{
    // Expressions built in several steps would see a half-written destination if it is
    // also one of their operands; they go through a temporary.
    const bool multiStep = e.kind == ExprKind::FString || e.kind == ExprKind::IfExp || e.kind == ExprKind::BoolOp
        || e.kind == ExprKind::Compare || e.widenToFloat;
    // A wrapped value (T into T | None) is an object whatever T is.
    const bool object = e.wrapOptional || isObject(valueType(e));
    const int r = multiStep ? expr(e) : expr(e, dst);
    if (r != dst)
        emit(object ? Op::MOVE_OBJ : Op::MOVE, dst, r);
    return dst;
}

// Applies the checker's int -> float widening of `e` to the value in `reg`.
int FunctionCompiler::widen(const Expr &e, int reg, int dst)
{
    if (!e.widenToFloat)
        return reg;
    const int out = dst >= 0 ? dst : tempNumber();
    emit(Op::I2F, out, reg);
    return out;
}

int FunctionCompiler::expr(const Expr &e, int dst)
{
    return e.wrapOptional ? wrapOptional(e, dst) : exprCore(e, dst);
}

int FunctionCompiler::noneInto(int dst)
{
    if (dst >= 0 && !m_registers[static_cast<size_t>(dst)].object) {
        // A None-typed temporary (print(None)): zero bits, never released.
        emit(Op::LOAD_K, dst, intConstant(0));
        return dst;
    }
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::LOAD_K_OBJ, out, constant(Slot{0}, m_module.noneDesc()));
    return out;
}

// A T (or None) where the checker expects T | None: None is null, an object is itself,
// and a number goes into a box.
// The value in `reg`, of scalar or object type `type`, as a T | None in an object register.
int FunctionCompiler::wrapRegister(int reg, const lang::Type *type, int dst)
{
    if (isObject(type)) {
        if (dst >= 0)
            move(dst, reg, type);
        return dst >= 0 ? dst : reg;
    }
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_TUPLE, out, typeConstantDesc(m_module.boxDesc(m_module.desc(type))), reg);
    return out;
}

int FunctionCompiler::wrapOptional(const Expr &e, int dst)
{
    const lang::Type *type = valueType(e);
    if (type->is(TypeKind::None))
        return noneInto(dst);
    if (isObject(type))
        return exprCore(e, dst);
    const int value = exprCore(e, -1);
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_TUPLE, out, typeConstantDesc(m_module.boxDesc(m_module.desc(type))), value);
    return out;
}

int FunctionCompiler::exprCore(const Expr &e, int dst)
{
    switch (e.kind) {
    case ExprKind::IntLiteral: {
        const int out = dst >= 0 ? dst : tempNumber();
        if (e.widenToFloat) {
            emit(Op::LOAD_K, out, floatConstant(static_cast<double>(e.as<IntLiteral>().value)));
            return out;
        }
        emit(Op::LOAD_K, out, intConstant(e.as<IntLiteral>().value));
        return out;
    }
    case ExprKind::FloatLiteral: {
        const int out = dst >= 0 ? dst : tempNumber();
        emit(Op::LOAD_K, out, floatConstant(e.as<FloatLiteral>().value));
        return out;
    }
    case ExprKind::BoolLiteral: {
        const int out = dst >= 0 ? dst : tempNumber();
        emit(Op::LOAD_K, out, intConstant(e.as<BoolLiteral>().value ? 1 : 0));
        return out;
    }
    case ExprKind::StrLiteral: {
        const int out = dst >= 0 ? dst : tempObject();
        emit(Op::LOAD_K_OBJ, out, strConstant(e.as<StrLiteral>().value));
        return out;
    }
    case ExprKind::Name: return widen(e, name(e.as<NameExpr>(), e.widenToFloat ? -1 : dst), dst);
    case ExprKind::Binary: return widen(e, binary(e.as<BinaryExpr>(), e.widenToFloat ? -1 : dst), dst);
    case ExprKind::Unary: return widen(e, unary(e.as<UnaryExpr>(), e.widenToFloat ? -1 : dst), dst);
    case ExprKind::Compare: return compare(e.as<CompareExpr>(), dst);
    case ExprKind::BoolOp: return widen(e, boolOp(e.as<BoolOpExpr>(), -1), dst);
    case ExprKind::IfExp: return widen(e, ifExp(e.as<IfExpr>(), -1), dst);
    case ExprKind::Call: return widen(e, call(e.as<CallExpr>(), e.widenToFloat ? -1 : dst), dst);
    case ExprKind::Subscript: return widen(e, subscript(e.as<SubscriptExpr>(), e.widenToFloat ? -1 : dst), dst);
    case ExprKind::Slice: return slice(e.as<SliceExpr>(), dst);
    case ExprKind::Attribute: return widen(e, attribute(e.as<AttributeExpr>(), e.widenToFloat ? -1 : dst), dst);
    case ExprKind::FString: return fstring(e.as<FStringExpr>(), dst);
    case ExprKind::ListLiteral: return listLiteral(e.as<ListExpr>(), dst);
    case ExprKind::DictLiteral: return dictLiteral(e.as<DictExpr>(), dst);
    case ExprKind::TupleLiteral: return tupleLiteral(e.as<TupleExpr>(), dst);
    case ExprKind::Comprehension: return comprehension(e.as<ComprehensionExpr>(), dst);
    case ExprKind::NoneLiteral: return noneInto(dst);
    case ExprKind::Named: {
        // Never "certainly assigned": it may sit behind an `and` that skipped it, so later
        // reads keep their unbound check.
        const auto &named = e.as<NamedExpr>();
        exprInto(*named.value, named.target->slot);
        if (dst >= 0) {
            move(dst, named.target->slot, named.target->type);
            return dst;
        }
        return named.target->slot;
    }
    case ExprKind::SetLiteral: {
        // Built in a temporary, then moved: `s = {s_old_value...}` reads the old set.
        const auto &elements = e.as<SetExpr>().elements;
        int set = newSet(e.type);
        for (const ExprPtr &element : elements)
            native(Native::set_add, {set, expr(*element)}, {true, isObject(valueType(*element))}, -1, nullptr);
        if (elements.size() > 2 && std::all_of(elements.begin(), elements.end(), [](const ExprPtr &x) { return isConstantValue(*x); })) {
            // CPython makes a literal of three or more constants a frozenset constant (which
            // its constant merging rebuilds from its own iteration order) and merges that
            // into a new set; each step can lay the table out differently, so here too.
            const int constant = native(Native::set_reinserted, {set}, {true}, -1, e.type);
            const int merged = newSet(e.type);
            native(Native::set_update, {merged, constant}, {true, true}, -1, nullptr);
            set = merged;
        }
        if (dst >= 0) {
            move(dst, set, e.type);
            return dst;
        }
        return set;
    }
    default: unsupportedHere(e.span, "this expression");
    }
}

int FunctionCompiler::name(const NameExpr &e, int dst)
{
    switch (e.binding) {
    case NameBinding::Local: {
        // A T | None local is null when it holds None, so its "assigned" is a flag, as a
        // number's is.
        const lang::Type *declared = m_info ? m_info->locals[static_cast<size_t>(e.slot)].type : e.type;
        if (m_info && !m_assigned.count(e.slot)) {
            if (isObject(declared) && !declared->isOptional())
                emit(Op::CHECK_BOUND, e.slot, strConstant(e.name));
            else if (m_flagRegister.count(e.slot))
                emit(Op::CHECK_BOUND_NUM, m_flagRegister.at(e.slot), strConstant(e.name));
            else
                m_needsFlag.insert(e.slot);
        }
        if (e.narrowed && !isObject(e.type)) {
            // Proved not None: the number inside the box.
            const int out = dst >= 0 ? dst : tempNumber();
            emit(Op::GET_ITEM, out, e.slot, 0);
            return out;
        }
        if (dst >= 0 && dst != e.slot)
            move(dst, e.slot, declared);
        return dst >= 0 ? dst : e.slot;
    }
    case NameBinding::Constant: {
        if (m_initialiser) { // constant k lives in a register of its own
            const int reg = m_constantBase + e.slot;
            if (dst >= 0 && dst != reg)
                move(dst, reg, e.type);
            return dst >= 0 ? dst : reg;
        }
        const int out = dst >= 0 ? dst : temp(e.type);
        const ConstantInfo &info = m_module.program.constants[static_cast<size_t>(e.slot)];
        if (info.isState) {
            emit(isObject(e.type) ? Op::LOAD_STATE_OBJ : Op::LOAD_STATE, out, e.slot);
            return out;
        }
        // A number constant bound to a literal is that literal: load it directly, so
        // `x * LCG_MUL` becomes a constant-operand instruction.
        const Expr *value = info.value;
        if (value->kind == ExprKind::IntLiteral && e.type->is(TypeKind::Int)) {
            emit(Op::LOAD_K, out, intConstant(value->as<IntLiteral>().value));
            return out;
        }
        if (value->kind == ExprKind::FloatLiteral && e.type->is(TypeKind::Float)) {
            emit(Op::LOAD_K, out, floatConstant(value->as<FloatLiteral>().value));
            return out;
        }
        emit(isObject(e.type) ? Op::LOAD_GLOBAL_OBJ : Op::LOAD_GLOBAL, out, e.slot);
        return out;
    }
    case NameBinding::Module: { // a math constant imported by name
        const int out = dst >= 0 ? dst : tempNumber();
        const std::string &n = e.name;
        double v = n == "pi" ? M_PI : n == "e" ? M_E : n == "inf" ? INFINITY : NAN;
        emit(Op::LOAD_K, out, floatConstant(v));
        return out;
    }
    default: unsupportedHere(e.span, "this name");
    }
}

// What CPython's compiler folds into a constant: literals, signs and arithmetic of
// numeric literals, tuples of constants.
bool FunctionCompiler::isConstantValue(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::IntLiteral:
    case ExprKind::FloatLiteral:
    case ExprKind::StrLiteral:
    case ExprKind::BoolLiteral:
    case ExprKind::NoneLiteral: return true;
    case ExprKind::Unary: return e.as<UnaryExpr>().op != UnaryOp::Not && isConstantValue(*e.as<UnaryExpr>().operand);
    case ExprKind::Binary:
        return e.type && e.type->isNumeric() && isConstantValue(*e.as<BinaryExpr>().left)
            && isConstantValue(*e.as<BinaryExpr>().right);
    case ExprKind::TupleLiteral: {
        const auto &items = e.as<TupleExpr>().elements;
        return std::all_of(items.begin(), items.end(), [](const ExprPtr &x) { return isConstantValue(*x); });
    }
    default: return false;
    }
}

int FunctionCompiler::newSet(const lang::Type *type)
{
    return native(Native::set_new, {}, {}, -1, type, m_module.desc(type));
}

int FunctionCompiler::binary(const BinaryExpr &e, int dst)
{
    const lang::Type *type = e.type;
    const lang::Type *leftType = e.left->type;
    const lang::Type *rightType = e.right->type;
    if (type->is(TypeKind::Set)) {
        const Native fn = e.op == BinaryOp::BitOr ? Native::set_union
                        : e.op == BinaryOp::BitAnd ? Native::set_intersection
                        : e.op == BinaryOp::Sub    ? Native::set_difference
                                                   : Native::set_symmetric_difference;
        const int l = expr(*e.left);
        return native(fn, {l, expr(*e.right)}, {true, true}, dst, type);
    }
    if (type->is(TypeKind::Str) && e.op == BinaryOp::Add) {
        const int l = expr(*e.left);
        const int r = expr(*e.right);
        if (l >= m_firstTemp && e.left->kind != ExprKind::Name) {
            // The left operand is a fresh temporary (a call, another +): append to it in
            // place, as CPython does for `str(i) + ","`.
            emit(Op::STR_APPEND, l, r);
            if (dst >= 0) {
                move(dst, l, type);
                return dst;
            }
            return l;
        }
        const int out = dst >= 0 ? dst : tempObject();
        emit(Op::STR_ADD, out, l, r);
        return out;
    }
    if (type->is(TypeKind::Str) || type->is(TypeKind::List)) {
        const bool leftIsSeq = !leftType->isIntLike();
        const int seq = expr(leftIsSeq ? *e.left : *e.right);
        const int other = expr(leftIsSeq ? *e.right : *e.left);
        if (e.op == BinaryOp::Mul)
            return native(type->is(TypeKind::Str) ? Native::str_repeat : Native::list_repeat, {seq, other}, {true, false}, dst, type);
        return native(Native::list_concat, {seq, other}, {true, true}, dst, type);
    }
    if (type->is(TypeKind::Tuple)) {
        // Tuple concatenation: read both tuples' items into a new one.
        const int l = expr(*e.left);
        const int r = expr(*e.right);
        std::vector<bool> objects;
        for (const lang::Type *item : type->items)
            objects.push_back(isObject(item));
        const int base = tempBlock(objects);
        size_t k = 0;
        for (size_t i = 0; i < leftType->items.size(); ++i, ++k)
            emit(isObject(leftType->items[i]) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, base + static_cast<int>(k), l, static_cast<int>(i));
        for (size_t i = 0; i < rightType->items.size(); ++i, ++k)
            emit(isObject(rightType->items[i]) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, base + static_cast<int>(k), r, static_cast<int>(i));
        const int out = dst >= 0 ? dst : tempObject();
        emit(Op::NEW_TUPLE, out, typeConstant(type), base);
        return out;
    }
    const int l = expr(*e.left);
    const int r = expr(*e.right);
    return arithmetic(e.op, type, l, leftType, r, rightType, dst);
}

// Numeric operators: ints and bools as int64, floats as double; mixed operands are
// converted to float first, as Python does.
int FunctionCompiler::arithmetic(BinaryOp op, const lang::Type *resultType, int left, const lang::Type *leftType,
                                 int right, const lang::Type *rightType, int dst)
{
    const int out = dst >= 0 ? dst : tempNumber();
    const bool ints = leftType->isIntLike() && rightType->isIntLike();
    if (ints && !(op == BinaryOp::Pow && resultType->is(TypeKind::Float))) {
        emit(intOp(op), out, left, right);
        foldConstantOperand();
        return out;
    }
    int l = left, r = right;
    if (leftType->isIntLike()) {
        l = tempNumber();
        emit(Op::I2F, l, left);
    }
    if (rightType->isIntLike()) {
        r = tempNumber();
        emit(Op::I2F, r, right);
    }
    emit(floatOp(op), out, l, r);
    return out;
}

// `x + 1`, `n < 2`: when the right operand was just loaded from an int constant into a
// temporary, use the instruction's constant form and drop the now dead load.
void FunctionCompiler::foldConstantOperand()
{
    static const std::map<Op, Op> constantForms = {
        {Op::ADD_I, Op::ADD_IK}, {Op::SUB_I, Op::SUB_IK}, {Op::MUL_I, Op::MUL_IK},
        {Op::MOD_I, Op::MOD_IK}, {Op::FLOORDIV_I, Op::FLOORDIV_IK}, {Op::EQ_I, Op::EQ_IK},
        {Op::NE_I, Op::NE_IK}, {Op::LT_I, Op::LT_IK}, {Op::LE_I, Op::LE_IK},
        {Op::GT_I, Op::GT_IK}, {Op::GE_I, Op::GE_IK}, {Op::LIST_SET, Op::LIST_SET_K}};
    if (m_pendingFlag >= 0 || m_function.code.size() < 2)
        return;
    Instr &last = m_function.code.back();
    const Instr &load = m_function.code[m_function.code.size() - 2];
    const auto form = constantForms.find(last.op);
    if (form == constantForms.end() || load.op != Op::LOAD_K || load.a != last.c || last.c < m_firstTemp
        || last.b == last.c || last.a == last.c || m_function.constants[load.b].type)
        return;
    last.op = form->second;
    last.c = load.b;
    // Nothing can jump between the load and its use: both come from one expression.
    m_function.code.erase(m_function.code.end() - 2);
    m_function.lines.erase(m_function.lines.end() - 2);
    m_handlerOf.erase(m_handlerOf.end() - 2);
}

int FunctionCompiler::unary(const UnaryExpr &e, int dst)
{
    if (e.op == UnaryOp::Not) {
        const int test = condition(*e.operand);
        const int out = dst >= 0 ? dst : tempNumber();
        emit(Op::NOT, out, test);
        return out;
    }
    const int value = expr(*e.operand);
    const bool isFloat = e.operand->type->is(TypeKind::Float);
    const int out = dst >= 0 ? dst : tempNumber();
    switch (e.op) {
    case UnaryOp::Negate: emit(isFloat ? Op::NEG_F : Op::NEG_I, out, value); break;
    case UnaryOp::Invert: emit(Op::INVERT_I, out, value); break;
    case UnaryOp::Plus: emit(Op::MOVE, out, value); break;
    default: break;
    }
    return out;
}

int FunctionCompiler::compareOne(CompareOp op, int left, const lang::Type *leftType, int right,
                                 const lang::Type *rightType, int dst, bool rightReused)
{
    const int out = dst;
    if (op == CompareOp::In || op == CompareOp::NotIn) {
        const lang::Type *container = rightType;
        if (container->is(TypeKind::Set)) {
            native(Native::set_contains, {right, left}, {true, isObject(container->element)}, out,
                   m_module.program.types.boolType());
            if (op == CompareOp::NotIn)
                emit(Op::NOT, out, out);
            return out;
        }
        Native fn = container->is(TypeKind::Str) ? Native::str_contains
                  : container->is(TypeKind::List) ? Native::list_contains
                  : container->is(TypeKind::Dict) ? Native::dict_contains : Native::tuple_contains;
        int needle = left;
        if (container->is(TypeKind::List) && container->element->is(TypeKind::Float) && leftType->isIntLike()) {
            needle = tempNumber();
            emit(Op::I2F, needle, left);
        }
        // A dict's key is coerced to the dict's key type (1 to 1.0, 2 to a boxed int | None).
        const bool needleIsObject = container->is(TypeKind::Dict) ? isObject(container->key) : isObject(leftType);
        native(fn, {right, needle}, {true, needleIsObject}, out, m_module.program.types.boolType(),
               container->is(TypeKind::Tuple) ? m_module.desc(container) : nullptr);
        if (op == CompareOp::NotIn)
            emit(Op::NOT, out, out);
        return out;
    }
    if (leftType->is(TypeKind::Set) && rightType->is(TypeKind::Set) && op != CompareOp::Equal && op != CompareOp::NotEqual) {
        // Subset orderings: a <= b, a < b; a >= b is b <= a.
        const bool swap = op == CompareOp::Greater || op == CompareOp::GreaterEqual;
        const bool strict = op == CompareOp::Less || op == CompareOp::Greater;
        return native(strict ? Native::set_lt : Native::set_le, {swap ? right : left, swap ? left : right}, {true, true}, out,
                      m_module.program.types.boolType());
    }
    const bool numeric = leftType->isNumeric() && rightType->isNumeric();
    if (numeric && leftType->isIntLike() != rightType->isIntLike()) {
        // int against float: exact, never by converting the int (2**63 - 1 != 2.0**63).
        static const CompareOp flipped[] = {CompareOp::Equal, CompareOp::NotEqual, CompareOp::Greater,
                                            CompareOp::GreaterEqual, CompareOp::Less, CompareOp::LessEqual};
        const bool swap = !leftType->isIntLike();
        emit(Op::CMP_IF, out, swap ? right : left, swap ? left : right);
        emitExtra(static_cast<int>(swap ? flipped[static_cast<int>(op)] : op));
        return out;
    }
    if (numeric) {
        const bool ints = leftType->isIntLike() && rightType->isIntLike();
        int l = left, r = right;
        if (!ints && leftType->isIntLike()) {
            l = tempNumber();
            emit(Op::I2F, l, left);
        }
        if (!ints && rightType->isIntLike()) {
            r = tempNumber();
            emit(Op::I2F, r, right);
        }
        static const Op intOps[] = {Op::EQ_I, Op::NE_I, Op::LT_I, Op::LE_I, Op::GT_I, Op::GE_I};
        static const Op floatOps[] = {Op::EQ_F, Op::NE_F, Op::LT_F, Op::LE_F, Op::GT_F, Op::GE_F};
        emit((ints ? intOps : floatOps)[static_cast<int>(op)], out, l, r);
        if (ints && !rightReused)
            foldConstantOperand();
        return out;
    }
    emit(Op::COMPARE, out, left, right);
    emitExtra(typeConstant(leftType), static_cast<int>(op));
    return out;
}

// a < b < c evaluates b once and stops at the first false comparison.
int FunctionCompiler::compare(const CompareExpr &e, int dst)
{
    if (e.ops.size() == 1 && (e.ops[0] == CompareOp::Is || e.ops[0] == CompareOp::IsNot))
        return isNone(e, dst);
    const int out = tempNumber();
    std::vector<int> exits;
    int left = expr(*e.operands[0]);
    for (size_t i = 0; i < e.ops.size(); ++i) {
        const int right = expr(*e.operands[i + 1]);
        // In a chain the right operand is the next comparison's left one: keep its load.
        if (const lang::Type *optional = e.optionalTypes.size() > i ? e.optionalTypes[i] : nullptr)
            compareOne(e.ops[i], left, optional, right, optional, out, true); // both sides wrapped
        else
            compareOne(e.ops[i], left, e.operands[i]->type, right, e.operands[i + 1]->type, out, i + 1 < e.ops.size());
        if (i + 1 < e.ops.size())
            exits.push_back(emitJump(Op::JUMP_IF_NOT, out));
        left = right;
    }
    for (int at : exits)
        patchJump(at, here());
    if (dst >= 0 && dst != out) {
        emit(Op::MOVE, dst, out);
        return dst;
    }
    return out;
}

// `x is None`, `x is not None` (the checker allows `is` with None only): a null test.
int FunctionCompiler::isNone(const CompareExpr &e, int dst)
{
    const bool negate = e.ops[0] == CompareOp::IsNot;
    const Expr &value = e.operands[0]->kind == ExprKind::NoneLiteral ? *e.operands[1] : *e.operands[0];
    const int out = dst >= 0 ? dst : tempNumber();
    if (value.kind == ExprKind::NoneLiteral) {
        emit(Op::LOAD_K, out, intConstant(negate ? 0 : 1)); // None is None
        return out;
    }
    const int reg = expr(value);
    if (!isObject(value.type) || !(value.type->isOptional() || value.wrapOptional)) {
        // A value of a type that is never None.
        emit(Op::LOAD_K, out, intConstant(negate ? 1 : 0));
        return out;
    }
    emit(negate ? Op::NE_IK : Op::EQ_IK, out, reg, intConstant(0));
    return out;
}

int FunctionCompiler::truthy(int reg, const lang::Type *type)
{
    if (type->isIntLike())
        return reg;
    const int out = tempNumber();
    emit(Op::TRUTHY, out, reg, typeConstant(type));
    return out;
}

int FunctionCompiler::condition(const Expr &e) { return truthy(expr(e), e.type); }

int FunctionCompiler::boolOp(const BoolOpExpr &e, int dst)
{
    (void)dst;
    const lang::Type *type = e.type;
    if (e.truthOnly) {
        // Only its truth is used: each side tested in its own type.
        const int out = tempNumber();
        emit(Op::MOVE, out, condition(*e.left));
        const int skip = emitJump(e.isAnd ? Op::JUMP_IF_NOT : Op::JUMP_IF, out);
        emit(Op::MOVE, out, condition(*e.right));
        patchJump(skip, here());
        return out;
    }
    if (e.unwrapLeft) {
        // x or default, x a T | None: x's value when x is truthy (so not None).
        const lang::Type *optional = e.left->type;
        const int out = temp(type);
        const int left = expr(*e.left);
        const int skip = emitJump(Op::JUMP_IF_NOT, truthy(left, optional));
        if (isObject(type))
            move(out, left, type);
        else
            emit(Op::GET_ITEM, out, left, 0);
        const int end = emitJump(Op::JUMP);
        patchJump(skip, here());
        move(out, expr(*e.right), type);
        patchJump(end, here());
        return out;
    }
    const int out = temp(type);
    move(out, expr(*e.left), type);
    const int test = truthy(out, type);
    const int skip = emitJump(e.isAnd ? Op::JUMP_IF_NOT : Op::JUMP_IF, test);
    move(out, expr(*e.right), type);
    patchJump(skip, here());
    return out;
}

int FunctionCompiler::ifExp(const IfExpr &e, int dst)
{
    (void)dst;
    const lang::Type *type = e.type;
    const int out = temp(type);
    const int test = condition(*e.condition);
    const int otherwise = emitJump(Op::JUMP_IF_NOT, test);
    move(out, expr(*e.then), type);
    const int end = emitJump(Op::JUMP);
    patchJump(otherwise, here());
    move(out, expr(*e.otherwise), type);
    patchJump(end, here());
    return out;
}

int FunctionCompiler::subscript(const SubscriptExpr &e, int dst)
{
    const lang::Type *containerType = e.object->type;
    const int container = expr(*e.object);
    if (containerType->is(TypeKind::Tuple)) {
        std::int64_t index = e.index->kind == ExprKind::IntLiteral ? e.index->as<IntLiteral>().value
                                                                   : -e.index->as<UnaryExpr>().operand->as<IntLiteral>().value;
        if (index < 0)
            index += static_cast<std::int64_t>(containerType->items.size());
        const int out = dst >= 0 ? dst : temp(e.type);
        emit(isObject(e.type) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, out, container, static_cast<int>(index));
        return out;
    }
    const int index = expr(*e.index);
    const int out = dst >= 0 ? dst : temp(e.type);
    if (containerType->is(TypeKind::Str))
        return native(Native::str_index, {container, index}, {true, false}, out, e.type);
    if (containerType->is(TypeKind::Dict)) {
        emit(Op::DICT_GET, out, container, index);
        return out;
    }
    emit(isObject(e.type) ? Op::LIST_GET_OBJ : Op::LIST_GET, out, container, index);
    return out;
}

int FunctionCompiler::slice(const SliceExpr &e, int dst)
{
    const int container = expr(*e.object);
    const int base = tempBlock({true, false, false, false, false});
    move(base, container, e.object->type);
    int present = 0;
    const ExprPtr *parts[] = {&e.lower, &e.upper, &e.step};
    for (int k = 0; k < 3; ++k) {
        if (*parts[k]) {
            expr(**parts[k], base + 1 + k);
            present |= 1 << k;
        }
    }
    emit(Op::LOAD_K, base + 4, intConstant(present));
    const Native fn = e.object->type->is(TypeKind::Str) ? Native::str_slice : Native::list_slice;
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NATIVE, out, static_cast<int>(fn), base);
    emitExtra(5, typeConstant(e.type), 1);
    return out;
}

int FunctionCompiler::attribute(const AttributeExpr &e, int dst)
{
    if (e.property) {
        // obj.prop: a call of the property's function with the object.
        const int base = tempObject();
        exprInto(*e.object, base);
        const lang::Type *type = e.property->returnType;
        const int out = dst >= 0 ? dst : temp(type);
        setLine(e.span);
        emit(Op::CALL, out, m_module.functionIndex.at(e.property), base);
        return out;
    }
    if (e.exceptionName) {
        const int exception = expr(*e.object->as<CallExpr>().args.front());
        const int out = dst >= 0 ? dst : tempObject();
        emit(Op::EXC_NAME, out, exception);
        return out;
    }
    if (e.object->kind == ExprKind::Name && e.object->as<NameExpr>().binding == NameBinding::Module) {
        const int out = dst >= 0 ? dst : tempNumber();
        const std::string &n = e.name;
        const double v = n == "pi" ? M_PI : n == "e" ? M_E : n == "inf" ? INFINITY : NAN;
        emit(Op::LOAD_K, out, floatConstant(v));
        return out;
    }
    int field = e.fieldIndex;
    if (e.object->type->is(TypeKind::Response))
        field = fieldIndex(responseFieldNames, ResponseFieldCount, e.name.c_str());
    else if (e.object->type->is(TypeKind::Request)) // method, path or body: the checker allows no other
        field = fieldIndex(requestFieldNames, RequestFieldCount, e.name.c_str());
    const int object = expr(*e.object);
    if (e.narrowed && !isObject(e.type)) {
        // A T | None field proved not None: the number inside its box.
        const int box = tempObject();
        emit(Op::GET_ITEM_OBJ, box, object, field);
        const int out = dst >= 0 ? dst : tempNumber();
        emit(Op::GET_ITEM, out, box, 0);
        return out;
    }
    const int out = dst >= 0 ? dst : temp(e.type);
    emit(isObject(e.type) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, out, object, field);
    return out;
}

int FunctionCompiler::formatValue(int reg, const lang::Type *type, int specIndex, char conversion, int dst)
{
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::FORMAT, out, reg, typeConstant(type));
    emitExtra(specIndex + 1, conversion == 'r' ? 1 : 0);
    return out;
}

int FunctionCompiler::fstring(const FStringExpr &e, int dst)
{
    const int acc = tempObject();
    emit(Op::LOAD_K_OBJ, acc, strConstant(""));
    for (const FStringPart &part : e.parts) {
        if (!part.value) {
            if (part.literal.empty())
                continue;
            const int lit = tempObject();
            emit(Op::LOAD_K_OBJ, lit, strConstant(part.literal));
            emit(Op::STR_APPEND, acc, lit);
            continue;
        }
        const int value = expr(*part.value);
        int specIndex = -1;
        if (part.spec) {
            std::string error;
            auto spec = support::parseFormatSpec(part.spec->constantText(), error);
            if (!spec->empty()) {
                m_module.module.formatSpecs.push_back(*spec);
                specIndex = static_cast<int>(m_module.module.formatSpecs.size()) - 1;
            }
        }
        const int piece = formatValue(value, part.value->type, specIndex, part.conversion, -1);
        emit(Op::STR_APPEND, acc, piece);
    }
    if (dst >= 0) {
        move(dst, acc, e.type);
        return dst;
    }
    return acc;
}

int FunctionCompiler::listLiteral(const ListExpr &e, int dst) { return newList(e.elements, e.type, dst); }

// A list, or a tuple[T, ...] (laid out as a list), of the values of `elements`.
int FunctionCompiler::newList(const std::vector<ExprPtr> &elements, const lang::Type *type, int dst)
{
    std::vector<bool> objects(elements.size(), isObject(type->element));
    const int base = elements.empty() ? 0 : tempBlock(objects);
    for (size_t i = 0; i < elements.size(); ++i)
        exprInto(*elements[i], base + static_cast<int>(i));
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_LIST, out, typeConstant(type), base);
    emitExtra(static_cast<int>(elements.size()));
    return out;
}

int FunctionCompiler::dictLiteral(const DictExpr &e, int dst)
{
    std::vector<bool> objects;
    for (size_t i = 0; i < e.keys.size(); ++i) {
        objects.push_back(isObject(e.type->key));
        objects.push_back(isObject(e.type->element));
    }
    const int base = e.keys.empty() ? 0 : tempBlock(objects);
    for (size_t i = 0; i < e.keys.size(); ++i) {
        exprInto(*e.keys[i], base + 2 * static_cast<int>(i));
        exprInto(*e.values[i], base + 2 * static_cast<int>(i) + 1);
    }
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_DICT, out, typeConstant(e.type), base);
    emitExtra(static_cast<int>(e.keys.size()));
    return out;
}

int FunctionCompiler::tupleLiteral(const TupleExpr &e, int dst)
{
    if (e.type->tupleOf) // (1, 2, 3) as a tuple[int, ...]
        return newList(e.elements, e.type, dst);
    std::vector<bool> objects;
    for (const lang::Type *item : e.type->items)
        objects.push_back(isObject(item));
    const int base = objects.empty() ? 0 : tempBlock(objects);
    for (size_t i = 0; i < e.elements.size(); ++i)
        exprInto(*e.elements[i], base + static_cast<int>(i));
    const int out = dst >= 0 ? dst : tempObject();
    emit(Op::NEW_TUPLE, out, typeConstant(e.type), base);
    return out;
}

} // namespace hotpath::vm
