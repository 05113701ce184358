// SPDX-License-Identifier: GPL-3.0-or-later
// Module state: `global` declarations, which module-level names are state rather than
// constants, and how each function touches state (read, or write), through its callees.
// A module-level name is state when a function rebinds it, or when its value can change
// in place (a list, dict or dataclass, or a tuple holding one) and some function changes
// a value of a type it reaches; everything else stays an immortal constant.
#include "CheckerImpl.h"

#include <algorithm>

namespace hotpath::lang {

namespace {

// Every type a value of `type` can reach: the only types whose mutation can change state.
void collectReachableTypes(const Type *type, std::set<const Type *> &out)
{
    if (!type || !out.insert(type).second)
        return;
    collectReachableTypes(type->element, out);
    for (const Type *item : type->items)
        collectReachableTypes(item, out);
    if (type->is(TypeKind::Record) && type->record)
        for (const FieldInfo &field : type->record->fields)
            collectReachableTypes(field.type, out);
}

const char *symbolKindName(GlobalSymbol::Kind kind)
{
    switch (kind) {
    case GlobalSymbol::Kind::Function: return "a function";
    case GlobalSymbol::Kind::Record:
    case GlobalSymbol::Kind::Exception: return "a class";
    case GlobalSymbol::Kind::MathModule: return "a module";
    default: return "an imported name";
    }
}

} // namespace

// Python makes a name global for the whole body, wherever the statement stands.
void Checker::collectGlobalDeclarations(const Block &block)
{
    for (const StmtPtr &stmt : block) {
        switch (stmt->kind) {
        case StmtKind::Global:
            for (const GlobalStmt::Name &name : stmt->as<GlobalStmt>().names)
                m_globalNames.emplace(name.name, name.span);
            break;
        case StmtKind::If:
            collectGlobalDeclarations(stmt->as<IfStmt>().body);
            collectGlobalDeclarations(stmt->as<IfStmt>().orelse);
            break;
        case StmtKind::While: collectGlobalDeclarations(stmt->as<WhileStmt>().body); break;
        case StmtKind::Try: {
            const auto &attempt = stmt->as<TryStmt>();
            collectGlobalDeclarations(attempt.body);
            for (const ExceptHandler &handler : attempt.handlers)
                collectGlobalDeclarations(handler.body);
            collectGlobalDeclarations(attempt.orelse);
            collectGlobalDeclarations(attempt.finalbody);
            break;
        }
        case StmtKind::For: collectGlobalDeclarations(stmt->as<ForStmt>().body); break;
        default: break;
        }
    }
}

void Checker::checkGlobal(const GlobalStmt &stmt)
{
    for (const GlobalStmt::Name &name : stmt.names) {
        m_globalsPassed.insert(name.name);
        if (m_function->paramIndex(name.name) >= 0) {
            error(name.span, "name '" + name.name + "' is parameter and global");
            continue;
        }
        const GlobalSymbol *symbol = lookupGlobal(name.name);
        if (!symbol) {
            const bool quiet = isPoisoned(name.name);
            m_poisoned.insert(name.name); // its uses are this error's, not new ones
            if (!quiet)
                error(name.span, "'" + name.name + "' is not defined at module level; declare it there with its type and "
                                 "first value, e.g. " + name.name + ": int = 0 (Hotpath does not create module-level "
                                 "names from inside functions)");
            continue;
        }
        if (symbol->kind != GlobalSymbol::Kind::Constant)
            error(name.span, "'" + name.name + "' is " + symbolKindName(symbol->kind)
                                 + ", not a module-level variable; only variables can be declared global");
    }
}

// `name = value` after `global name`: rebinds the module-level variable.
void Checker::bindGlobal(NameExpr &name, const Type *type, Span valueSpan)
{
    const GlobalSymbol *symbol = lookupGlobal(name.name);
    name.type = m_types.errorType();
    if (!symbol || symbol->kind != GlobalSymbol::Kind::Constant)
        return; // checkGlobal said why
    if (!m_globalsPassed.count(name.name))
        error(name.span, "name '" + name.name + "' is assigned to before global declaration");
    const ConstantInfo &variable = m_program.constants[static_cast<size_t>(symbol->index)];
    if (!type->isError() && !variable.type->isError() && !isAssignable(type, variable.type))
        error(valueSpan, "cannot assign " + type->name() + " to '" + name.name + "', which is "
                             + withArticle(variable.type) + " (module level, line " + std::to_string(lineOf(variable.span)) + ")");
    name.binding = NameBinding::Constant;
    name.slot = symbol->index;
    name.type = variable.type;
    m_function->constantsUsed.insert(symbol->index);
    m_function->constantsRebound.insert(symbol->index);
}

std::string Checker::globalHint(const std::string &name) const
{
    const GlobalSymbol *symbol = lookupGlobal(name);
    if (!symbol || symbol->kind != GlobalSymbol::Kind::Constant)
        return {};
    return "; assigning '" + name + "' in the function makes it local there: add 'global " + name
        + "' at the start of the function to change the module-level variable (line " + std::to_string(lineOf(symbol->span)) + ")";
}

void Checker::noteMutation(const Type *container)
{
    if (m_function && container && !container->isError())
        m_function->typesMutated.insert(container);
}

// Decides which module-level names are state and how each function touches it. A
// function writes state when it rebinds a global or mutates a value of a type that state
// can reach (a local list[str] counts when a module-level list[str] exists: the checker
// does not follow aliases, so it assumes the worst); it reads state when it names a state
// variable. Both flow from callee to caller.
void Checker::analyseState()
{
    // Only lists, dicts and dataclasses are ever mutated in place, so a name whose type
    // reaches none of the mutated types (a tuple of strs, or a list no function changes)
    // stays a constant: immortal, read without counting.
    std::set<int> rebound;
    std::set<const Type *> mutated;
    for (const auto &function : m_program.functions) {
        rebound.insert(function->constantsRebound.begin(), function->constantsRebound.end());
        mutated.insert(function->typesMutated.begin(), function->typesMutated.end());
    }
    std::set<const Type *> stateTypes;
    for (size_t k = 0; k < m_program.constants.size(); ++k) {
        ConstantInfo &constant = m_program.constants[k];
        std::set<const Type *> reachable;
        if (constant.type)
            collectReachableTypes(constant.type, reachable);
        const bool changed = std::any_of(reachable.begin(), reachable.end(), [&](const Type *t) { return mutated.count(t) > 0; });
        constant.isState = rebound.count(static_cast<int>(k)) || changed;
        if (constant.isState)
            stateTypes.insert(reachable.begin(), reachable.end());
    }

    struct Effect
    {
        bool reads = false;
        bool writes = false;
    };
    std::map<const FunctionInfo *, Effect> effects;
    for (const auto &function : m_program.functions) {
        Effect &effect = effects[function.get()];
        for (int index : function->constantsUsed)
            effect.reads = effect.reads || m_program.constants[static_cast<size_t>(index)].isState;
        effect.writes = !function->constantsRebound.empty();
        for (const Type *type : function->typesMutated)
            effect.writes = effect.writes || stateTypes.count(type);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto &function : m_program.functions) {
            Effect &effect = effects[function.get()];
            for (const FunctionInfo *callee : function->callees) {
                const Effect &other = effects[callee];
                if ((other.reads && !effect.reads) || (other.writes && !effect.writes)) {
                    effect.reads = effect.reads || other.reads;
                    effect.writes = effect.writes || other.writes;
                    changed = true;
                }
            }
        }
    }
    for (const auto &function : m_program.functions) {
        const Effect &effect = effects[function.get()];
        function->stateAccess = !effect.reads ? StateAccess::None : effect.writes ? StateAccess::Write : StateAccess::Read;
    }
    // An error handler runs under the lock of the endpoint whose error it answers, which may
    // be a reader's: it may not touch module state itself.
    for (const ErrorHandlerInfo &handler : m_program.errorHandlers)
        if (handler.function->stateAccess != StateAccess::None)
            error(handler.function->decl->nameSpan, "error handler '" + handler.function->name + "' uses module state; an error "
                                                    "handler answers from the exception alone");
}

} // namespace hotpath::lang
