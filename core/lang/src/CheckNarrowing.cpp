// SPDX-License-Identifier: GPL-3.0-or-later
// Narrowing T | None to T, flow-sensitively, as mypy does: `if x is not None:`, `if x:`,
// `x is not None and x > 0`, `y if x is None else x`, an early `return` or `continue`,
// `assert x is not None`, and an assignment of a T. Locals and fields of locals
// (`user.email`, `order.customer.email`) are narrowed. A local assigned anywhere in a loop
// loses what is known about it when the loop begins. What is known about fields is
// forgotten at every call of a handler function, every store into a field and every loop
// entry, so an alias can never change a field behind a narrowed read.
#include "CheckerImpl.h"

namespace hotpath::lang {

namespace {

// The key of what `e` reads, when it is a T | None local or field of a local; empty else.
std::string optionalKey(const Expr &e, const FunctionInfo *function)
{
    const std::string key = Checker::narrowKey(e);
    if (key.empty())
        return {};
    if (e.kind == ExprKind::Name)
        return function && function->locals[static_cast<size_t>(e.as<NameExpr>().slot)].type->isOptional() ? key : std::string();
    const auto &attribute = e.as<AttributeExpr>();
    const Type *object = attribute.object->type;
    if (!object || !object->is(TypeKind::Record))
        return {};
    return object->record->fields[static_cast<size_t>(attribute.fieldIndex)].type->isOptional() ? key : std::string();
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

std::string Checker::narrowKey(const Expr &e)
{
    if (e.kind == ExprKind::Name) {
        const auto &name = e.as<NameExpr>();
        return name.binding == NameBinding::Local && name.slot >= 0 ? "L" + std::to_string(name.slot) : std::string();
    }
    if (e.kind == ExprKind::Attribute) {
        const auto &attribute = e.as<AttributeExpr>();
        if (attribute.fieldIndex < 0)
            return {};
        const std::string object = narrowKey(*attribute.object);
        return object.empty() ? std::string() : object + "." + std::to_string(attribute.fieldIndex);
    }
    return {};
}

void Checker::forgetFields()
{
    for (auto it = m_notNone.begin(); it != m_notNone.end();)
        it = it->find('.') != std::string::npos ? m_notNone.erase(it) : std::next(it);
}

void Checker::conditionFacts(const Expr &condition, Facts &whenTrue, Facts &whenFalse) const
{
    switch (condition.kind) {
    case ExprKind::Named:
        // `if (m := d.get(k)):` says what `m` is.
        conditionFacts(*condition.as<NamedExpr>().target, whenTrue, whenFalse);
        return;
    case ExprKind::Name:
    case ExprKind::Attribute:
        // `if x:` — a T | None that is truthy is not None.
        if (std::string key = optionalKey(condition, m_function); !key.empty())
            whenTrue[key] = true;
        return;
    case ExprKind::Compare: {
        const auto &compare = condition.as<CompareExpr>();
        // `is None`, and `== None` too (None equals only None in Hotpath's types).
        const CompareOp op = compare.ops.size() == 1 ? compare.ops[0] : CompareOp::In;
        if (op != CompareOp::Is && op != CompareOp::IsNot && op != CompareOp::Equal && op != CompareOp::NotEqual)
            return;
        auto unwrapNamed = [](const Expr &e) -> const Expr & {
            return e.kind == ExprKind::Named ? *e.as<NamedExpr>().target : e;
        };
        const Expr &left = unwrapNamed(*compare.operands[0]), &right = unwrapNamed(*compare.operands[1]);
        const std::string key = right.kind == ExprKind::NoneLiteral ? optionalKey(left, m_function)
                              : left.kind == ExprKind::NoneLiteral  ? optionalKey(right, m_function)
                                                                    : std::string();
        if (key.empty())
            return;
        const bool isNot = op == CompareOp::IsNot || op == CompareOp::NotEqual;
        whenTrue[key] = isNot;
        whenFalse[key] = !isNot;
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
    for (const auto &[key, notNone] : facts) {
        if (notNone)
            m_notNone.insert(key);
        else
            m_notNone.erase(key);
    }
}

void Checker::noteAssignment(const std::string &key, const Type *declared, const Type *valueType)
{
    if (key.empty())
        return;
    // Whatever was known about the old value's fields is about another object now.
    const std::string prefix = key + ".";
    for (auto it = m_notNone.lower_bound(prefix); it != m_notNone.end() && it->rfind(prefix, 0) == 0;)
        it = m_notNone.erase(it);
    if (!declared->isOptional())
        return;
    if (!valueType->is(TypeKind::None) && !valueType->isOptional() && !valueType->isError())
        m_notNone.insert(key);
    else
        m_notNone.erase(key);
}

namespace {

// Every `name := ...` inside an expression.
void collectWalrusTargets(const Expr *e, std::set<std::string> &names)
{
    if (!e)
        return;
    auto all = [&](const std::vector<ExprPtr> &items) {
        for (const ExprPtr &item : items)
            collectWalrusTargets(item.get(), names);
    };
    switch (e->kind) {
    case ExprKind::Named:
        names.insert(e->as<NamedExpr>().target->name);
        collectWalrusTargets(e->as<NamedExpr>().value.get(), names);
        return;
    case ExprKind::Attribute: collectWalrusTargets(e->as<AttributeExpr>().object.get(), names); return;
    case ExprKind::Call:
        collectWalrusTargets(e->as<CallExpr>().callee.get(), names);
        all(e->as<CallExpr>().args);
        for (const KeywordArgument &keyword : e->as<CallExpr>().keywords)
            collectWalrusTargets(keyword.value.get(), names);
        return;
    case ExprKind::Subscript:
        collectWalrusTargets(e->as<SubscriptExpr>().object.get(), names);
        collectWalrusTargets(e->as<SubscriptExpr>().index.get(), names);
        return;
    case ExprKind::Slice: {
        const auto &slice = e->as<SliceExpr>();
        for (const Expr *part : {slice.object.get(), slice.lower.get(), slice.upper.get(), slice.step.get()})
            collectWalrusTargets(part, names);
        return;
    }
    case ExprKind::Unary: collectWalrusTargets(e->as<UnaryExpr>().operand.get(), names); return;
    case ExprKind::Binary:
        collectWalrusTargets(e->as<BinaryExpr>().left.get(), names);
        collectWalrusTargets(e->as<BinaryExpr>().right.get(), names);
        return;
    case ExprKind::BoolOp:
        collectWalrusTargets(e->as<BoolOpExpr>().left.get(), names);
        collectWalrusTargets(e->as<BoolOpExpr>().right.get(), names);
        return;
    case ExprKind::Compare: all(e->as<CompareExpr>().operands); return;
    case ExprKind::IfExp:
        for (const Expr *part : {e->as<IfExpr>().condition.get(), e->as<IfExpr>().then.get(), e->as<IfExpr>().otherwise.get()})
            collectWalrusTargets(part, names);
        return;
    case ExprKind::ListLiteral: all(e->as<ListExpr>().elements); return;
    case ExprKind::TupleLiteral: all(e->as<TupleExpr>().elements); return;
    case ExprKind::SetLiteral: all(e->as<SetExpr>().elements); return;
    case ExprKind::DictLiteral:
        all(e->as<DictExpr>().keys);
        all(e->as<DictExpr>().values);
        return;
    case ExprKind::Comprehension: {
        const auto &c = e->as<ComprehensionExpr>();
        collectWalrusTargets(c.element.get(), names);
        collectWalrusTargets(c.value.get(), names);
        for (const ComprehensionClause &clause : c.clauses) {
            collectWalrusTargets(clause.iterable.get(), names);
            all(clause.conditions);
        }
        return;
    }
    case ExprKind::FString:
        for (const FStringPart &part : e->as<FStringExpr>().parts)
            collectWalrusTargets(part.value.get(), names);
        return;
    case ExprKind::Lambda: collectWalrusTargets(e->as<LambdaExpr>().body.get(), names); return;
    default: return;
    }
}

// The names a block rebinds in a way that may leave them None: plain and annotated
// assignments, loop targets, walrus targets. (`x += 1` never makes x None.)
void collectRebound(const Block &block, std::set<std::string> &names)
{
    auto addTarget = [&](const Expr &target) { collectTargetNames(target, names); };
    for (const StmtPtr &stmt : block) {
        switch (stmt->kind) {
        case StmtKind::Assign:
            addTarget(*stmt->as<AssignStmt>().target);
            collectWalrusTargets(stmt->as<AssignStmt>().value.get(), names);
            break;
        case StmtKind::AnnAssign:
            addTarget(*stmt->as<AnnAssignStmt>().target);
            collectWalrusTargets(stmt->as<AnnAssignStmt>().value.get(), names);
            break;
        case StmtKind::AugAssign: collectWalrusTargets(stmt->as<AugAssignStmt>().value.get(), names); break;
        case StmtKind::Expr: collectWalrusTargets(stmt->as<ExprStmt>().expr.get(), names); break;
        case StmtKind::Return: collectWalrusTargets(stmt->as<ReturnStmt>().value.get(), names); break;
        case StmtKind::Assert: collectWalrusTargets(stmt->as<AssertStmt>().test.get(), names); break;
        case StmtKind::For:
            addTarget(*stmt->as<ForStmt>().target);
            collectWalrusTargets(stmt->as<ForStmt>().iterable.get(), names);
            collectRebound(stmt->as<ForStmt>().body, names);
            break;
        case StmtKind::While:
            collectWalrusTargets(stmt->as<WhileStmt>().condition.get(), names);
            collectRebound(stmt->as<WhileStmt>().body, names);
            break;
        case StmtKind::If:
            collectWalrusTargets(stmt->as<IfStmt>().condition.get(), names);
            collectRebound(stmt->as<IfStmt>().body, names);
            collectRebound(stmt->as<IfStmt>().orelse, names);
            break;
        case StmtKind::Try: {
            const auto &attempt = stmt->as<TryStmt>();
            collectRebound(attempt.body, names);
            for (const ExceptHandler &handler : attempt.handlers)
                collectRebound(handler.body, names);
            collectRebound(attempt.orelse, names);
            collectRebound(attempt.finalbody, names);
            break;
        }
        default: break;
        }
    }
}

} // namespace

void Checker::forgetAssignedIn(const Block &body, const Expr *condition)
{
    std::set<std::string> names;
    collectRebound(body, names);
    collectWalrusTargets(condition, names);
    for (const std::string &name : names)
        if (auto slot = lookupLocal(name))
            m_notNone.erase("L" + std::to_string(*slot));
    forgetFields();
}

// Whether control never falls out of the end of `block` (it returns, breaks or continues).
bool Checker::leavesBlock(const Block &block) const
{
    if (block.empty())
        return false;
    if (alwaysReturns(block))
        return true;
    const Stmt &last = *block.back();
    if (last.kind == StmtKind::Break || last.kind == StmtKind::Continue || last.kind == StmtKind::Raise)
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
    const std::set<std::string> before = m_notNone;
    applyFacts(whenTrue);
    checkBlock(branch.body);
    const std::set<std::string> afterBody = m_notNone;
    m_notNone = before;
    applyFacts(whenFalse);
    checkBlock(branch.orelse);
    const std::set<std::string> afterElse = m_notNone;
    const bool bodyLeaves = leavesBlock(branch.body), elseLeaves = leavesBlock(branch.orelse);
    if (bodyLeaves && !elseLeaves) {
        m_notNone = afterElse;
    } else if (elseLeaves && !bodyLeaves) {
        m_notNone = afterBody;
    } else {
        m_notNone.clear();
        for (const std::string &key : afterBody)
            if (afterElse.count(key))
                m_notNone.insert(key);
    }
}

void Checker::checkWhile(WhileStmt &loop)
{
    forgetAssignedIn(loop.body, loop.condition.get());
    checkCondition(*loop.condition);
    Facts whenTrue, whenFalse;
    conditionFacts(*loop.condition, whenTrue, whenFalse);
    const std::set<std::string> before = m_notNone;
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
