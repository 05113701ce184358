// SPDX-License-Identifier: GPL-3.0-or-later
// Function bodies: locals typed by their first assignment, control flow, returns.
#include "CheckerImpl.h"

#include <algorithm>

namespace hotpath::lang {

namespace {

bool containsBreak(const Block &block)
{
    for (const StmtPtr &stmt : block) {
        if (stmt->kind == StmtKind::Break)
            return true;
        if (stmt->kind == StmtKind::If) {
            const auto &branch = stmt->as<IfStmt>();
            if (containsBreak(branch.body) || containsBreak(branch.orelse))
                return true;
        }
        if (stmt->kind == StmtKind::Try) {
            const auto &attempt = stmt->as<TryStmt>();
            if (containsBreak(attempt.body) || containsBreak(attempt.orelse) || containsBreak(attempt.finalbody))
                return true;
            for (const ExceptHandler &handler : attempt.handlers)
                if (containsBreak(handler.body))
                    return true;
        }
    }
    return false;
}

} // namespace

void Checker::checkFunctionBody(FunctionInfo &function)
{
    m_function = &function;
    m_localSlots.clear();
    m_namedBindings.clear();
    m_retypedAfterLoop.clear();
    m_notNone.clear();
    m_assignedNames.clear();
    m_loopDepth = 0;
    for (const ParamInfo &param : function.params) {
        m_localSlots[param.name] = static_cast<int>(function.locals.size());
        function.locals.push_back({param.name, param.type, param.span});
        m_assignedNames.insert(param.name);
    }
    collectAssignedNames(function.decl->body, m_assignedNames);
    m_globalNames.clear();
    m_globalsPassed.clear();
    collectGlobalDeclarations(function.decl->body);
    for (const auto &[name, span] : m_globalNames)
        m_assignedNames.erase(name);
    // A syntax error inside the function dropped part of its body; whether it returns
    // on every path is then unknowable, and claiming it does not would be a cascade.
    const Offset regionBegin = function.decl->span.begin;
    const Offset regionEnd = m_regionEnd.count(function.decl) ? m_regionEnd.at(function.decl) : UINT32_MAX;
    const bool bodyIncomplete = std::any_of(m_sink.diagnostics().begin(), m_sink.diagnostics().end(),
                                            [&](const support::Diagnostic &d) {
                                                return d.span.begin >= regionBegin && d.span.begin <= regionEnd;
                                            });
    checkBlock(function.decl->body);

    const Type *returns = function.returnType;
    if (!bodyIncomplete && !returns->isError() && !returns->is(TypeKind::None) && !returns->isOptional()
        && !alwaysReturns(function.decl->body))
        error(function.decl->nameSpan, "function '" + function.name + "' must return " + withArticle(returns)
                                           + " on every path, but it can reach its end without a return");
    m_function = nullptr;
    m_globalNames.clear();
}

// Python decides which names are local by looking at the whole function body.
void collectTargetNames(const Expr &target, std::set<std::string> &names)
{
    if (target.kind == ExprKind::Name)
        names.insert(target.as<NameExpr>().name);
    else if (target.kind == ExprKind::TupleLiteral)
        for (const ExprPtr &element : target.as<TupleExpr>().elements)
            collectTargetNames(*element, names);
}

void Checker::collectAssignedNames(const Block &block, std::set<std::string> &names) const
{
    auto addTarget = [&](const Expr &target) { collectTargetNames(target, names); };
    for (const StmtPtr &stmt : block) {
        switch (stmt->kind) {
        case StmtKind::Assign: addTarget(*stmt->as<AssignStmt>().target); break;
        case StmtKind::AnnAssign: addTarget(*stmt->as<AnnAssignStmt>().target); break;
        case StmtKind::AugAssign: addTarget(*stmt->as<AugAssignStmt>().target); break;
        case StmtKind::For:
            addTarget(*stmt->as<ForStmt>().target);
            collectAssignedNames(stmt->as<ForStmt>().body, names);
            break;
        case StmtKind::While: collectAssignedNames(stmt->as<WhileStmt>().body, names); break;
        case StmtKind::If:
            collectAssignedNames(stmt->as<IfStmt>().body, names);
            collectAssignedNames(stmt->as<IfStmt>().orelse, names);
            break;
        case StmtKind::Try: {
            const auto &attempt = stmt->as<TryStmt>();
            collectAssignedNames(attempt.body, names);
            for (const ExceptHandler &handler : attempt.handlers) {
                if (!handler.name.empty())
                    names.insert(handler.name);
                collectAssignedNames(handler.body, names);
            }
            collectAssignedNames(attempt.orelse, names);
            collectAssignedNames(attempt.finalbody, names);
            break;
        }
        default: break;
        }
    }
}

bool Checker::alwaysReturns(const Block &block) const
{
    for (const StmtPtr &stmt : block) {
        switch (stmt->kind) {
        case StmtKind::Return:
        case StmtKind::Raise: return true;
        case StmtKind::Expr: {
            // abort(...) raises: nothing after it runs.
            const Expr &e = *stmt->as<ExprStmt>().expr;
            if (e.kind == ExprKind::Call && e.as<CallExpr>().target == CallTarget::Abort)
                return true;
            break;
        }
        case StmtKind::Try: {
            // Never falls out of its end: every way through it returns or raises, or the
            // finally block does.
            const auto &attempt = stmt->as<TryStmt>();
            if (alwaysReturns(attempt.finalbody))
                return true;
            bool all = alwaysReturns(attempt.body) || alwaysReturns(attempt.orelse);
            for (const ExceptHandler &handler : attempt.handlers)
                all = all && alwaysReturns(handler.body);
            if (all)
                return true;
            break;
        }
        case StmtKind::If: {
            const auto &branch = stmt->as<IfStmt>();
            if (!branch.orelse.empty() && alwaysReturns(branch.body) && alwaysReturns(branch.orelse))
                return true;
            break;
        }
        case StmtKind::While: {
            // `while True:` without a break only leaves through return (or an error).
            const auto &loop = stmt->as<WhileStmt>();
            if (loop.condition->kind == ExprKind::BoolLiteral && loop.condition->as<BoolLiteral>().value
                && !containsBreak(loop.body))
                return true;
            break;
        }
        case StmtKind::Assert: {
            const auto &assertion = stmt->as<AssertStmt>();
            if (assertion.test->kind == ExprKind::BoolLiteral && !assertion.test->as<BoolLiteral>().value)
                return true;
            break;
        }
        default: break;
        }
    }
    return false;
}

void Checker::checkBlock(Block &block)
{
    for (StmtPtr &stmt : block)
        checkStatement(*stmt);
}

void Checker::checkStatement(Stmt &stmt)
{
    switch (stmt.kind) {
    case StmtKind::Expr: {
        Expr &expr = *stmt.as<ExprStmt>().expr;
        if (expr.kind == ExprKind::StrLiteral)
            return; // docstring or a no-op string
        checkExpr(expr);
        return;
    }
    case StmtKind::Assign: checkAssign(stmt.as<AssignStmt>()); return;
    case StmtKind::AnnAssign: checkAnnAssign(stmt.as<AnnAssignStmt>()); return;
    case StmtKind::AugAssign: checkAugAssign(stmt.as<AugAssignStmt>()); return;
    case StmtKind::If: checkIf(stmt.as<IfStmt>()); return;
    case StmtKind::While: checkWhile(stmt.as<WhileStmt>()); return;
    case StmtKind::For: checkFor(stmt.as<ForStmt>()); return;
    case StmtKind::Break:
    case StmtKind::Continue:
        if (m_loopDepth == 0)
            error(stmt.span, stmt.kind == StmtKind::Break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    case StmtKind::Pass: return;
    case StmtKind::Global: checkGlobal(stmt.as<GlobalStmt>()); return;
    case StmtKind::Try: checkTry(stmt.as<TryStmt>()); return;
    case StmtKind::Raise: checkRaise(stmt.as<RaiseStmt>()); return;
    case StmtKind::Return: {
        auto &ret = stmt.as<ReturnStmt>();
        const Type *expected = m_function->returnType;
        if (!ret.value) {
            if (!expected->isError() && !expected->is(TypeKind::None))
                error(stmt.span, "'" + m_function->name + "' must return " + withArticle(expected));
            return;
        }
        if (expected->is(TypeKind::None)) {
            checkExpr(*ret.value);
            error(ret.value->span, "'" + m_function->name + "' is declared -> None, so it cannot return a value");
            return;
        }
        checkValue(*ret.value, expected);
        coerce(*ret.value, expected, "the return value of '" + m_function->name + "'");
        return;
    }
    case StmtKind::Assert: {
        auto &assertion = stmt.as<AssertStmt>();
        checkCondition(*assertion.test);
        if (assertion.message)
            checkValue(*assertion.message);
        Facts whenTrue, whenFalse;
        conditionFacts(*assertion.test, whenTrue, whenFalse);
        applyFacts(whenTrue); // past the assert, its test held
        return;
    }
    case StmtKind::FunctionDef:
    case StmtKind::ClassDef:
    case StmtKind::Import:
    case StmtKind::ImportFrom:
        error(stmt.span, "imports and definitions belong at module level in Hotpath handlers");
        return;
    }
}

void Checker::checkAssign(AssignStmt &stmt)
{
    Expr &target = *stmt.target;
    const Type *expected = nullptr;
    // An existing variable, field or element gives the value's expected type, which is
    // what lets `xs = []` re-initialise a list[int] variable.
    if (target.kind == ExprKind::Name) {
        if (auto slot = lookupLocal(target.as<NameExpr>().name))
            expected = m_function->locals[static_cast<size_t>(*slot)].type;
        else if (const GlobalSymbol *symbol = lookupGlobal(target.as<NameExpr>().name);
                 symbol && symbol->kind == GlobalSymbol::Kind::Constant && isDeclaredGlobal(target.as<NameExpr>().name))
            expected = m_program.constants[static_cast<size_t>(symbol->index)].type;
    } else if (target.kind == ExprKind::Attribute || target.kind == ExprKind::Subscript) {
        expected = checkStoreTarget(target);
    }
    m_targetName = target.kind == ExprKind::Name ? target.as<NameExpr>().name : std::string();
    const Type *value = checkValue(*stmt.value, expected);
    m_targetName.clear();
    noteFieldStore(target, value);
    if (target.kind == ExprKind::Name && expected && isAssignable(value, expected))
        coerce(*stmt.value, expected, "'" + target.as<NameExpr>().name + "'");
    if (target.kind == ExprKind::Attribute || target.kind == ExprKind::Subscript) {
        noteMutation(target.kind == ExprKind::Attribute ? target.as<AttributeExpr>().object->type
                                                        : target.as<SubscriptExpr>().object->type);
        if (target.kind == ExprKind::Subscript) {
            const Type *container = target.as<SubscriptExpr>().object->type;
            if (container && container->is(TypeKind::Str))
                error(target.span, "'str' object does not support item assignment");
            else if (container && (container->is(TypeKind::Tuple) || container->tupleOf))
                error(target.span, "'tuple' object does not support item assignment");
        }
        if (target.kind == ExprKind::Attribute && target.as<AttributeExpr>().object->type
            && target.as<AttributeExpr>().object->type->is(TypeKind::Request))
            error(target.span, "Request attributes are read-only");
        if (!expected->isError()) {
            std::string context;
            if (target.kind == ExprKind::Attribute) {
                const Type *owner = target.as<AttributeExpr>().object->type;
                context = "field '" + target.as<AttributeExpr>().name + "'"
                    + (owner && owner->is(TypeKind::Record) ? " of " + owner->record->name : std::string());
            } else {
                const Type *owner = target.as<SubscriptExpr>().object->type;
                context = owner && owner->is(TypeKind::Dict) ? "a value of " + owner->name()
                                                             : "an element of " + (owner ? owner->name() : std::string("the list"));
            }
            coerce(*stmt.value, expected, context);
        }
        return;
    }
    bindTarget(target, value, stmt.value->span);
}

void Checker::checkAnnAssign(AnnAssignStmt &stmt)
{
    auto &name = stmt.target->as<NameExpr>();
    if (isDeclaredGlobal(name.name)) {
        error(name.span, "annotated name '" + name.name + "' can't be global");
        return;
    }
    const Type *declared = resolveType(stmt.annotation.get(), name.span);
    if (!stmt.value) {
        error(stmt.span, "an annotated variable needs a value in Hotpath handlers: " + name.name + ": "
                             + declared->name() + " = ...");
        return;
    }
    if (auto slot = lookupLocal(name.name)) {
        const LocalInfo &local = m_function->locals[static_cast<size_t>(*slot)];
        if (local.type != declared && !declared->isError() && !local.type->isError())
            error(stmt.annotation->span, "'" + name.name + "' is already " + withArticle(local.type) + " (line "
                                             + std::to_string(lineOf(local.declaredAt)) + "); it cannot be re-declared as "
                                             + declared->name());
    }
    checkValue(*stmt.value, declared);
    coerce(*stmt.value, declared, "'" + name.name + "'");
    bindName(name, declared, stmt.value->span);
}

// After a store into a field: a store may go through an alias of any narrowed field, so
// all are forgotten, except this one when it now holds a T.
void Checker::noteFieldStore(const Expr &target, const Type *valueType)
{
    if (target.kind != ExprKind::Attribute)
        return;
    forgetFields();
    const auto &attribute = target.as<AttributeExpr>();
    if (attribute.fieldIndex >= 0 && attribute.object->type && attribute.object->type->is(TypeKind::Record))
        noteAssignment(narrowKey(target),
                       attribute.object->type->record->fields[static_cast<size_t>(attribute.fieldIndex)].type, valueType);
}

// A field or element being stored into: its declared type, never a narrowed one (a
// store of None into a narrowed `user.email` is fine, and the value must be wrapped).
const Type *Checker::checkStoreTarget(Expr &target)
{
    const Type *type = checkExpr(target);
    if (target.kind == ExprKind::Attribute && target.as<AttributeExpr>().property) {
        const FunctionInfo &property = *target.as<AttributeExpr>().property;
        return fail(target.as<AttributeExpr>().nameSpan, "property '" + property.memberName + "' of '" + property.owner->name
                                                             + "' object has no setter");
    }
    if (target.kind == ExprKind::Attribute && target.as<AttributeExpr>().narrowed) {
        auto &attribute = target.as<AttributeExpr>();
        attribute.narrowed = false;
        attribute.type = m_types.optional(type);
        type = attribute.type;
    }
    return type;
}

void Checker::checkAugAssign(AugAssignStmt &stmt)
{
    Expr &target = *stmt.target;
    if (target.kind != ExprKind::Name && target.kind != ExprKind::Attribute && target.kind != ExprKind::Subscript) {
        // CPython's own words for each kind of target that cannot be augmented.
        std::string what = "expression";
        switch (target.kind) {
        case ExprKind::TupleLiteral: what = "tuple"; break;
        case ExprKind::ListLiteral: what = "list"; break;
        case ExprKind::Call: what = "function call"; break;
        case ExprKind::NoneLiteral: what = "None"; break;
        case ExprKind::BoolLiteral: what = target.as<BoolLiteral>().value ? "True" : "False"; break;
        case ExprKind::FString: what = "f-string expression"; break;
        case ExprKind::IntLiteral:
        case ExprKind::FloatLiteral:
        case ExprKind::StrLiteral: what = "literal"; break;
        default: break;
        }
        if (target.kind != ExprKind::Invalid)
            error(target.span, "'" + what + "' is an illegal expression for augmented assignment");
        checkExpr(*stmt.value);
        return;
    }
    if (target.kind == ExprKind::Name) {
        auto &name = target.as<NameExpr>();
        if (!lookupLocal(name.name) && !isDeclaredGlobal(name.name)) {
            if (!isPoisoned(name.name))
                error(name.span, "local variable '" + name.name + "' is referenced before assignment" + globalHint(name.name));
            checkExpr(*stmt.value);
            bindName(name, m_types.errorType(), stmt.value->span); // later uses stay quiet
            return;
        }
    }
    const Type *current = notNone(target, checkExpr(target));
    if (target.kind == ExprKind::Attribute && target.as<AttributeExpr>().property) {
        const FunctionInfo &property = *target.as<AttributeExpr>().property;
        checkExpr(*stmt.value);
        error(target.as<AttributeExpr>().nameSpan, "property '" + property.memberName + "' of '" + property.owner->name
                                                       + "' object has no setter");
        return;
    }
    const Type *value = checkValue(*stmt.value, current->is(TypeKind::List) ? current : nullptr);
    if (target.kind == ExprKind::Attribute)
        noteMutation(target.as<AttributeExpr>().object->type);
    else if (target.kind == ExprKind::Subscript)
        noteMutation(target.as<SubscriptExpr>().object->type);
    else if (current->is(TypeKind::List))
        noteMutation(current); // xs += ys extends xs in place
    if (target.kind == ExprKind::Name && target.as<NameExpr>().binding == NameBinding::Constant)
        m_function->constantsRebound.insert(target.as<NameExpr>().slot);
    if (current->isError() || value->isError())
        return;
    if (current->is(TypeKind::Str) && target.kind == ExprKind::Subscript)
        error(target.span, "'str' object does not support item assignment");
    if (current->tupleOf || (target.kind == ExprKind::Subscript && target.as<SubscriptExpr>().object->type
                             && target.as<SubscriptExpr>().object->type->tupleOf)) {
        // Python makes a new tuple for t += u; Hotpath's += extends a list in place.
        error(target.span, target.kind == ExprKind::Subscript ? "'tuple' object does not support item assignment"
                                                              : std::string(binaryOpSpelling(stmt.op)) + "= on a tuple is "
                                                                "not supported in Hotpath handlers; write t = t "
                                                                + binaryOpSpelling(stmt.op) + " u");
        return;
    }
    const Type *result = binaryResult(stmt.op, current, value, *stmt.value, stmt.opSpan);
    if (result->isError())
        return;
    // `xs += other` on a list extends in place in Python, so any iterable of the element
    // type would do there; Hotpath accepts another list of the same type.
    if (result != current && !(current->is(TypeKind::Float) && result->is(TypeKind::Int)))
        error(stmt.opSpan, "'" + std::string(binaryOpSpelling(stmt.op)) + "=' would change the type of the target from "
                               + current->name() + " to " + result->name());
}

void Checker::checkFor(ForStmt &stmt)
{
    const Type *iterable = checkExpr(*stmt.iterable);
    const Type *element = iterElement(iterable, stmt.iterable->span, "a for loop");
    forgetAssignedIn(stmt.body);
    // A loop variable whose name a local of another type already has (`for _ in ...`
    // twice, over ints, then strs) is a new variable for this loop. After the loop the
    // name may hold either, so reading it before another assignment is an error.
    std::vector<std::pair<std::string, int>> retyped;
    retypeLoopTarget(*stmt.target, element, retyped);
    bindTarget(*stmt.target, element, stmt.iterable->span);
    const std::set<std::string> before = m_notNone;
    ++m_loopDepth;
    checkBlock(stmt.body);
    --m_loopDepth;
    m_notNone = before; // the body may run zero times
    forgetAssignedIn(stmt.body);
    for (const auto &[name, oldSlot] : retyped) {
        m_localSlots[name] = oldSlot;
        m_retypedAfterLoop[name] = lineOf(stmt.span);
    }
}

void Checker::retypeLoopTarget(const Expr &target, const Type *element, std::vector<std::pair<std::string, int>> &retyped)
{
    if (target.kind == ExprKind::TupleLiteral) {
        const auto &items = target.as<TupleExpr>().elements;
        if (element->is(TypeKind::Tuple) && element->items.size() == items.size())
            for (size_t i = 0; i < items.size(); ++i)
                retypeLoopTarget(*items[i], element->items[i], retyped);
        return;
    }
    if (target.kind != ExprKind::Name || element->isError() || isDeclaredGlobal(target.as<NameExpr>().name))
        return;
    const std::string &name = target.as<NameExpr>().name;
    const auto slot = lookupLocal(name);
    if (!slot || *slot < static_cast<int>(m_function->params.size()))
        return;
    const Type *existing = m_function->locals[static_cast<size_t>(*slot)].type;
    if (existing->isError() || isAssignable(element, existing))
        return;
    retyped.emplace_back(name, *slot);
    m_localSlots.erase(name); // bindTarget makes the loop's own variable
}

// Binds a name or a tuple of names (unpacking) to a value of the given type.
void Checker::bindTarget(Expr &target, const Type *valueType, Span valueSpan)
{
    if (target.kind == ExprKind::Name) {
        bindName(target.as<NameExpr>(), valueType, valueSpan);
        return;
    }
    if (target.kind == ExprKind::TupleLiteral) {
        auto &tuple = target.as<TupleExpr>();
        target.type = valueType;
        if (valueType->isError()) {
            for (ExprPtr &element : tuple.elements)
                if (element->kind == ExprKind::Name)
                    bindName(element->as<NameExpr>(), valueType, valueSpan);
            return;
        }
        if (valueType->is(TypeKind::List)) {
            // k, v = line.split("=", 1): the length is checked when it runs (ValueError).
            for (ExprPtr &element : tuple.elements)
                bindTarget(*element, valueType->element, valueSpan);
            return;
        }
        if (!valueType->is(TypeKind::Tuple) || valueType->items.size() != tuple.elements.size()) {
            if (!valueType->is(TypeKind::Tuple))
                error(valueSpan, "cannot unpack " + withArticle(valueType) + " into " + std::to_string(tuple.elements.size())
                                     + " names; only tuples and lists can be unpacked in Hotpath handlers");
            else
                error(valueSpan, valueType->items.size() > tuple.elements.size()
                                     ? "too many values to unpack (expected " + std::to_string(tuple.elements.size()) + ")"
                                     : "not enough values to unpack (expected " + std::to_string(tuple.elements.size())
                                           + ", got " + std::to_string(valueType->items.size()) + ")");
            for (ExprPtr &element : tuple.elements) // bound, but quiet from here on
                bindTarget(*element, m_types.errorType(), valueSpan);
            return;
        }
        for (size_t i = 0; i < tuple.elements.size(); ++i)
            bindTarget(*tuple.elements[i], valueType->items[i], valueSpan);
        return;
    }
    if (target.kind == ExprKind::Attribute || target.kind == ExprKind::Subscript) {
        const Type *slot = checkStoreTarget(target);
        noteFieldStore(target, valueType);
        noteMutation(target.kind == ExprKind::Attribute ? target.as<AttributeExpr>().object->type
                                                        : target.as<SubscriptExpr>().object->type);
        if (!slot->isError() && !valueType->isError() && !isAssignable(valueType, slot))
            error(valueSpan, "cannot assign " + valueType->name() + " to a target of type " + slot->name());
        return;
    }
    switch (target.kind) {
    case ExprKind::Call: error(target.span, "cannot assign to function call"); break;
    case ExprKind::IntLiteral:
    case ExprKind::FloatLiteral:
    case ExprKind::StrLiteral:
    case ExprKind::BoolLiteral:
    case ExprKind::NoneLiteral:
    case ExprKind::FString: error(target.span, "cannot assign to literal"); break;
    case ExprKind::Invalid: break;
    default: error(target.span, "cannot assign to expression"); break;
    }
}

void Checker::bindName(NameExpr &name, const Type *type, Span valueSpan)
{
    if (isDeclaredGlobal(name.name)) {
        bindGlobal(name, type, valueSpan);
        return;
    }
    auto slot = lookupLocal(name.name);
    if (!slot) {
        if (type->is(TypeKind::None)) {
            error(valueSpan, "'" + name.name + "' needs an annotation: None alone does not say what else it may "
                             "hold, e.g. " + name.name + ": Optional[int] = None");
            type = m_types.errorType();
        }
        if (type->is(TypeKind::Iterable)) {
            error(valueSpan, "this " + type->name() + " can only be iterated; use it directly in a for loop "
                             "(Hotpath does not store it in a variable)");
            type = m_types.errorType();
        }
        slot = static_cast<int>(m_function->locals.size());
        m_localSlots[name.name] = *slot;
        m_function->locals.push_back({name.name, type, name.span});
    }
    LocalInfo &local = m_function->locals[static_cast<size_t>(*slot)];
    if (local.type->isError() && !type->isError())
        local.type = type;
    if (!isAssignable(type, local.type) && !type->isError())
        error(valueSpan, "cannot assign " + type->name() + " to '" + name.name + "', which is " + withArticle(local.type)
                             + " (since line " + std::to_string(lineOf(local.declaredAt)) + ")");
    name.binding = NameBinding::Local;
    name.slot = *slot;
    name.type = local.type;
    noteAssignment("L" + std::to_string(*slot), local.type, type);
    m_retypedAfterLoop.erase(name.name);
}

} // namespace hotpath::lang
