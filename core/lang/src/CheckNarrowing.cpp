// SPDX-License-Identifier: GPL-3.0-or-later
// Narrowing T | None to T, flow-sensitively, as mypy does: `if x is not None:`, `if x:`,
// `x is not None and x > 0`, `y if x is None else x`, an early `return` or `continue`,
// `assert x is not None`, and an assignment of a T. Only locals are narrowed; a local
// assigned anywhere in a loop loses what is known about it when the loop begins.
#include "CheckerImpl.h"

namespace hotpath::lang {

namespace {

// The local slot `e` reads, when it is a T | None local.
int optionalLocal(const Expr &e, const FunctionInfo *function)
{
    if (!function || e.kind != ExprKind::Name)
        return -1;
    const auto &name = e.as<NameExpr>();
    if (name.binding != NameBinding::Local || name.slot < 0)
        return -1;
    return function->locals[static_cast<size_t>(name.slot)].type->isOptional() ? name.slot : -1;
}

void keepCommon(Checker::Facts &into, const Checker::Facts &other)
{
    for (auto it = into.begin(); it != into.end();) {
        auto found = other.find(it->first);
        if (found == other.end() || found->second != it->second)
            it = into.erase(it);
        else
            ++it;
    }
}

void addAll(Checker::Facts &into, const Checker::Facts &other)
{
    for (const auto &[slot, notNone] : other)
        into[slot] = notNone;
}

} // namespace

void Checker::conditionFacts(const Expr &condition, Facts &whenTrue, Facts &whenFalse) const
{
    switch (condition.kind) {
    case ExprKind::Name:
        // `if x:` — a T | None that is truthy is not None.
        if (int slot = optionalLocal(condition, m_function); slot >= 0)
            whenTrue[slot] = true;
        return;
    case ExprKind::Compare: {
        const auto &compare = condition.as<CompareExpr>();
        if (compare.ops.size() != 1 || (compare.ops[0] != CompareOp::Is && compare.ops[0] != CompareOp::IsNot))
            return;
        const Expr &left = *compare.operands[0], &right = *compare.operands[1];
        const int slot = right.kind == ExprKind::NoneLiteral ? optionalLocal(left, m_function)
                       : left.kind == ExprKind::NoneLiteral  ? optionalLocal(right, m_function)
                                                             : -1;
        if (slot < 0)
            return;
        const bool isNot = compare.ops[0] == CompareOp::IsNot;
        whenTrue[slot] = isNot;
        whenFalse[slot] = !isNot;
        return;
    }
    case ExprKind::Unary:
        if (condition.as<UnaryExpr>().op == UnaryOp::Not)
            conditionFacts(*condition.as<UnaryExpr>().operand, whenFalse, whenTrue);
        return;
    case ExprKind::BoolOp: {
        const auto &op = condition.as<BoolOpExpr>();
        Facts leftTrue, leftFalse, rightTrue, rightFalse;
        conditionFacts(*op.left, leftTrue, leftFalse);
        conditionFacts(*op.right, rightTrue, rightFalse);
        if (op.isAnd) {
            // Both held, or one of them failed.
            addAll(whenTrue, leftTrue);
            addAll(whenTrue, rightTrue);
            keepCommon(leftFalse, rightFalse);
            addAll(whenFalse, leftFalse);
        } else {
            addAll(whenFalse, leftFalse);
            addAll(whenFalse, rightFalse);
            keepCommon(leftTrue, rightTrue);
            addAll(whenTrue, leftTrue);
        }
        return;
    }
    default: return;
    }
}

void Checker::applyFacts(const Facts &facts)
{
    for (const auto &[slot, notNone] : facts) {
        if (notNone)
            m_notNone.insert(slot);
        else
            m_notNone.erase(slot);
    }
}

void Checker::noteAssignment(int slot, const Type *valueType)
{
    if (!m_function || slot < 0 || !m_function->locals[static_cast<size_t>(slot)].type->isOptional())
        return;
    if (!valueType->is(TypeKind::None) && !valueType->isOptional() && !valueType->isError())
        m_notNone.insert(slot);
    else
        m_notNone.erase(slot);
}

void Checker::forgetAssignedIn(const Block &body)
{
    std::set<std::string> names;
    collectAssignedNames(body, names);
    for (const std::string &name : names)
        if (auto slot = lookupLocal(name))
            m_notNone.erase(*slot);
}

// Whether control never falls out of the end of `block` (it returns, breaks or continues).
bool Checker::leavesBlock(const Block &block) const
{
    if (block.empty())
        return false;
    if (alwaysReturns(block))
        return true;
    const Stmt &last = *block.back();
    if (last.kind == StmtKind::Break || last.kind == StmtKind::Continue)
        return true;
    if (last.kind == StmtKind::If) {
        const auto &branch = last.as<IfStmt>();
        return !branch.orelse.empty() && leavesBlock(branch.body) && leavesBlock(branch.orelse);
    }
    return false;
}

void Checker::checkIf(IfStmt &branch)
{
    checkCondition(*branch.condition);
    Facts whenTrue, whenFalse;
    conditionFacts(*branch.condition, whenTrue, whenFalse);
    const std::set<int> before = m_notNone;
    applyFacts(whenTrue);
    checkBlock(branch.body);
    const std::set<int> afterBody = m_notNone;
    m_notNone = before;
    applyFacts(whenFalse);
    checkBlock(branch.orelse);
    const std::set<int> afterElse = m_notNone;
    const bool bodyLeaves = leavesBlock(branch.body), elseLeaves = leavesBlock(branch.orelse);
    if (bodyLeaves && !elseLeaves) {
        m_notNone = afterElse;
    } else if (elseLeaves && !bodyLeaves) {
        m_notNone = afterBody;
    } else {
        m_notNone.clear();
        for (int slot : afterBody)
            if (afterElse.count(slot))
                m_notNone.insert(slot);
    }
}

void Checker::checkWhile(WhileStmt &loop)
{
    forgetAssignedIn(loop.body);
    checkCondition(*loop.condition);
    Facts whenTrue, whenFalse;
    conditionFacts(*loop.condition, whenTrue, whenFalse);
    const std::set<int> before = m_notNone;
    applyFacts(whenTrue);
    ++m_loopDepth;
    checkBlock(loop.body);
    --m_loopDepth;
    m_notNone = before;
    std::function<bool(const Block &)> breaks = [&](const Block &block) {
        for (const StmtPtr &stmt : block) {
            if (stmt->kind == StmtKind::Break)
                return true;
            if (stmt->kind == StmtKind::If && (breaks(stmt->as<IfStmt>().body) || breaks(stmt->as<IfStmt>().orelse)))
                return true;
        }
        return false;
    };
    if (!breaks(loop.body))
        applyFacts(whenFalse); // the loop ends only when its condition is false
}

} // namespace hotpath::lang
