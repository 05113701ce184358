// SPDX-License-Identifier: GPL-3.0-or-later
// Key functions: the key= of sorted(), min(), max() and list.sort(), a lambda or a named
// function (key=len, key=str.lower, key=score_of). A named one becomes the lambda it
// stands for, so the compiler sees one form: a body evaluated in place per element, with
// the parameter in a fresh local slot and the enclosing function's variables read as they
// are when the body runs (Python's late binding).
#include "CheckerImpl.h"

namespace hotpath::lang {

namespace {

// A parameter name no source can spell, for the lambdas built from named keys.
const char *const keyParameter = "key argument";

ExprPtr keyArgument(Span at) { return std::make_unique<NameExpr>(at, keyParameter); }

} // namespace

LambdaExpr *Checker::keyFunction(ExprPtr &key, const Type *element, const std::string &owner)
{
    if (key->kind != ExprKind::Lambda) {
        // key=f → lambda x: f(x); key=str.lower → lambda x: x.lower()
        const Span at = key->span;
        auto lambda = std::make_unique<LambdaExpr>(at);
        lambda->params.push_back({keyParameter, at, -1});
        const GlobalSymbol *owned = key->kind == ExprKind::Attribute && key->as<AttributeExpr>().object->kind == ExprKind::Name
            ? lookupGlobal(key->as<AttributeExpr>().object->as<NameExpr>().name) : nullptr;
        const bool ofConstant = owned && owned->kind == GlobalSymbol::Kind::Constant; // key=SCORES.get
        if (key->kind == ExprKind::Attribute && key->as<AttributeExpr>().object->kind == ExprKind::Name
            && !lookupLocal(key->as<AttributeExpr>().object->as<NameExpr>().name) && !ofConstant) {
            // str.lower, list.count, ...: a method called on the element.
            auto &method = key->as<AttributeExpr>();
            const std::string &typeName = method.object->as<NameExpr>().name;
            if (typeName != "str" && typeName != "list" && typeName != "dict") {
                fail(at, owner + " key must be a lambda or a function, e.g. key=len or key=lambda x: x[1]");
                return nullptr;
            }
            auto call = std::make_unique<CallExpr>(at, std::make_unique<AttributeExpr>(at, keyArgument(at), method.name,
                                                                                       method.nameSpan));
            lambda->body = std::move(call);
        } else if (key->kind == ExprKind::Attribute && key->as<AttributeExpr>().object->kind == ExprKind::Name) {
            // key=scores.get: the method of a local, called with the element. For a dict's
            // get it is scores[x]: the idiom ranks a dict's own keys, where get never
            // returns None and an int | None key would not be orderable.
            auto &method = key->as<AttributeExpr>();
            auto object = std::make_unique<NameExpr>(method.object->span, method.object->as<NameExpr>().name);
            const auto slot = lookupLocal(object->name);
            const GlobalSymbol *global = slot ? nullptr : lookupGlobal(object->name);
            const Type *objectType = slot ? m_function->locals[static_cast<size_t>(*slot)].type
                              : global && global->kind == GlobalSymbol::Kind::Constant
                                  ? m_program.constants[static_cast<size_t>(global->index)].type
                                  : nullptr;
            if (method.name == "get" && objectType && objectType->is(TypeKind::Dict)) {
                lambda->body = std::make_unique<SubscriptExpr>(at, std::move(object), keyArgument(at));
            } else {
                auto call = std::make_unique<CallExpr>(at, std::make_unique<AttributeExpr>(at, std::move(object), method.name,
                                                                                           method.nameSpan));
                call->args.push_back(keyArgument(at));
                lambda->body = std::move(call);
            }
        } else if (key->kind == ExprKind::Name) {
            auto call = std::make_unique<CallExpr>(at, std::move(key));
            call->args.push_back(keyArgument(at));
            lambda->body = std::move(call);
        } else {
            checkExpr(*key);
            fail(at, owner + " key must be a lambda or a function, e.g. key=len or key=lambda x: x[1]");
            return nullptr;
        }
        key = std::move(lambda);
    }
    auto &lambda = key->as<LambdaExpr>();
    if (lambda.params.size() != 1) {
        fail(lambda.span, owner + " calls its key with one argument, but this lambda takes "
                              + std::to_string(lambda.params.size()));
        return nullptr;
    }
    if (!m_function) {
        ModuleScope scope(*this);
        return keyFunction(key, element, owner);
    }
    // The parameter is the lambda's own, as a comprehension's target is.
    const auto outerScope = m_localSlots;
    const auto outerNotNone = m_notNone;
    LambdaExpr::Param &param = lambda.params.front();
    param.slot = static_cast<int>(m_function->locals.size());
    m_localSlots[param.name] = param.slot;
    m_function->locals.push_back({param.name, element, param.span});
    const Type *type = checkValue(*lambda.body);
    m_localSlots = outerScope;
    m_notNone = outerNotNone;
    lambda.type = type;
    if (type->isError())
        return nullptr;
    if (!checkComparable(CompareOp::Less, type, type, lambda.body->span))
        return nullptr;
    return &lambda;
}

} // namespace hotpath::lang
