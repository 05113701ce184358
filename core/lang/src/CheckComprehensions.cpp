// SPDX-License-Identifier: GPL-3.0-or-later
// Comprehensions and generator expressions. Their targets live in a scope of their own
// (Python 3): each gets a fresh local slot, visible only inside the comprehension, so a
// target may reuse the name of a local of another type and never leaks out.
#include "CheckerImpl.h"

namespace hotpath::lang {


// (name := value): a local of the function, even inside a comprehension.
const Type *Checker::checkNamed(NamedExpr &named)
{
    if (!m_function)
        return fail(named.span, "assignment expressions are not supported in module constants");
    const Type *type = checkValue(*named.value);
    bindName(*named.target, type, named.value->span);
    if (inModuleScope()) // Python would bind a module-level name; bound above, so no follow-on errors
        return fail(named.span, "assignment expressions are not supported in module constants");
    m_namedBindings.emplace_back(named.target->name, named.target->slot);
    if (!isAssignable(type, named.target->type))
        return m_types.errorType(); // reported by bindName; nothing more about it
    coerce(*named.value, named.target->type, "'" + named.target->name + "'"); // e.g. an int into an int | None
    return named.target->type;
}

const Type *Checker::checkComprehension(ComprehensionExpr &comprehension, const Type *expected)
{
    if (!m_function) {
        ModuleScope scope(*this);
        return checkComprehension(comprehension, expected);
    }
    const std::map<std::string, int> outerScope = m_localSlots;
    const std::set<std::string> outerNotNone = m_notNone;
    bool ok = true;
    for (ComprehensionClause &clause : comprehension.clauses) {
        const Type *iterable = checkExpr(*clause.iterable);
        const Type *element = iterElement(iterable, clause.iterable->span, "a comprehension");
        ok = ok && !element->isError();
        std::set<std::string> names;
        collectTargetNames(*clause.target, names);
        for (const std::string &name : names)
            m_localSlots.erase(name); // a fresh variable, even where a local of that name exists
        bindComprehensionTarget(*clause.target, element, clause.iterable->span);
        for (ExprPtr &condition : clause.conditions) {
            // [x for x in xs if x is not None]: what a filter proves holds after it.
            checkCondition(*condition);
            Facts whenTrue, whenFalse;
            conditionFacts(*condition, whenTrue, whenFalse);
            applyFacts(whenTrue);
        }
    }

    const Type *result = m_types.errorType();
    switch (comprehension.form) {
    case ComprehensionForm::List:
    case ComprehensionForm::Generator: {
        const Type *wanted = expected && (expected->is(TypeKind::List) || expected->is(TypeKind::Iterable))
                               ? expected->element : nullptr;
        const Type *element = checkValue(*comprehension.element, wanted);
        if (wanted && element != wanted && isAssignable(element, wanted)) {
            coerce(*comprehension.element, wanted, "a list element");
            element = wanted;
        }
        if (!element->isError())
            result = comprehension.form == ComprehensionForm::List ? m_types.list(element) : m_types.iterable(element);
        break;
    }
    case ComprehensionForm::Dict: {
        const bool dictWanted = expected && expected->is(TypeKind::Dict);
        const Type *wantedKey = dictWanted ? expected->key : nullptr;
        const Type *wanted = dictWanted ? expected->element : nullptr;
        const Type *key = checkValue(*comprehension.element, wantedKey);
        if (wantedKey && key != wantedKey && isAssignable(key, wantedKey)) {
            coerce(*comprehension.element, wantedKey, "a dict key");
            key = wantedKey;
        }
        const Type *value = checkValue(*comprehension.value, wanted);
        if (wanted && value != wanted && isAssignable(value, wanted)) {
            coerce(*comprehension.value, wanted, "a dict value");
            value = wanted;
        }
        result = dictOf(key, value, comprehension.element->span);
        break;
    }
    case ComprehensionForm::Set: {
        const Type *wanted = expected && expected->is(TypeKind::Set) ? expected->element : nullptr;
        const Type *element = checkValue(*comprehension.element, wanted);
        if (wanted && element != wanted && isAssignable(element, wanted)) {
            coerce(*comprehension.element, wanted, "a set element");
            element = wanted;
        }
        result = setOf(element, comprehension.element->span);
        break;
    }
    }
    m_localSlots = outerScope;
    m_notNone = outerNotNone;
    // A walrus in the comprehension bound a name of the function: it outlives the scope.
    for (const auto &[name, slot] : m_namedBindings)
        if (slot >= 0)
            m_localSlots[name] = slot;
    return ok ? result : m_types.errorType();
}

// Binds a comprehension's target: like a for loop's, but never to a global.
void Checker::bindComprehensionTarget(Expr &target, const Type *element, Span valueSpan)
{
    const auto saved = m_globalNames;
    std::set<std::string> names;
    collectTargetNames(target, names);
    for (const std::string &name : names)
        m_globalNames.erase(name);
    bindTarget(target, element, valueSpan);
    m_globalNames = saved;
}

} // namespace hotpath::lang
