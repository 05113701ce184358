// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoint declarations: @route/@get/@post, Flask-style path converters, parameter
// sources and response kinds. The server serves exactly what is recorded here.
#include "CheckerImpl.h"

#include "hotpath/support/Text.h"

#include <algorithm>

namespace hotpath::lang {


namespace {

const std::vector<std::string> &httpMethods()
{
    static const std::vector<std::string> methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
    return methods;
}

struct PathVariable
{
    std::string converter;
    std::string name;
    size_t offset; // in the path text
};

} // namespace

void Checker::checkDecorators(FunctionInfo &function)
{
    FunctionDef &def = *function.decl;
    if (function.owner)
        return; // a method's decorators are its kind (CheckMethods.cpp)
    for (ExprPtr &decorator : def.decorators) {
        Expr *callee = decorator.get();
        if (decorator->kind == ExprKind::Call)
            callee = decorator->as<CallExpr>().callee.get();
        const GlobalSymbol *symbol = callee->kind == ExprKind::Name ? lookupGlobal(callee->as<NameExpr>().name) : nullptr;
        if (symbol && symbol->kind == GlobalSymbol::Kind::HotpathMember && symbol->member == "errorhandler") {
            if (decorator->kind != ExprKind::Call)
                error(decorator->span, "@errorhandler needs an exception class: @errorhandler(NotFound)");
            else
                checkErrorHandler(function, decorator->as<CallExpr>());
            continue;
        }
        const bool endpoint = symbol && symbol->kind == GlobalSymbol::Kind::HotpathMember
            && (symbol->member == "route" || symbol->member == "get" || symbol->member == "post");
        if (!endpoint) {
            if (callee->kind == ExprKind::Name && !symbol
                && (callee->as<NameExpr>().name == "route" || callee->as<NameExpr>().name == "get"
                    || callee->as<NameExpr>().name == "post"))
                error(callee->span, "name '" + callee->as<NameExpr>().name + "' is not defined; add 'from hotpath import "
                                        + callee->as<NameExpr>().name + "'");
            else if (callee->kind == ExprKind::Attribute && callee->as<AttributeExpr>().name == "route")
                error(decorator->span, "Flask's @app.route is written @route(...) in Hotpath handlers "
                                       "(from hotpath import route)");
            else
                error(decorator->span, "this decorator is not supported in Hotpath handlers "
                                       "(use @route, @get, @post or @errorhandler)");
            continue;
        }
        if (decorator->kind != ExprKind::Call) {
            error(decorator->span, "@" + symbol->member + " needs a path: @" + symbol->member + "(\"/path\")");
            continue;
        }
        if (function.endpoint) {
            error(decorator->span, "'" + function.name + "' already has an endpoint decorator; use one "
                                   "@route(..., methods=[...]) for several methods");
            continue;
        }
        checkEndpoint(function, decorator->as<CallExpr>(), symbol->member);
    }
}

void Checker::checkEndpoint(FunctionInfo &function, CallExpr &decorator, const std::string &kind)
{
    auto endpoint = std::make_unique<EndpointInfo>();
    endpoint->span = decorator.span;
    endpoint->function = &function;
    const std::string owner = "@" + kind + "()";

    // Arguments: (path) for get/post, (path, methods=[...]) for route.
    Expr *pathExpr = decorator.args.empty() ? nullptr : decorator.args[0].get();
    Expr *methodsExpr = nullptr;
    for (KeywordArgument &keyword : decorator.keywords) {
        if (keyword.name == "methods" && kind == "route")
            methodsExpr = keyword.value.get();
        else if (keyword.name == "path" && !pathExpr)
            pathExpr = keyword.value.get();
        else {
            error(keyword.nameSpan, owner + " got an unexpected keyword argument '" + keyword.name + "'"
                                        + hintFor(keyword.name, kind == "route" ? std::vector<std::string>{"path", "methods"}
                                                                                : std::vector<std::string>{"path"}));
            return;
        }
    }
    if (decorator.args.size() > 1) {
        error(decorator.args[1]->span, kind == "route" ? "pass the methods by keyword: methods=[\"GET\", \"POST\"]"
                                                      : owner + " takes only the path");
        return;
    }
    if (!pathExpr) {
        error(decorator.span, owner + " needs a path, e.g. @" + kind + "(\"/hello\")");
        return;
    }
    if (pathExpr->kind != ExprKind::StrLiteral) {
        error(pathExpr->span, "the endpoint path must be a string literal");
        return;
    }
    const std::string path = pathExpr->as<StrLiteral>().value;
    const Offset pathBegin = pathExpr->span.begin + 1; // after the quote (exact for plain literals)
    auto pathSpan = [&](size_t offset, size_t length) {
        return Span{pathBegin + static_cast<Offset>(offset), pathBegin + static_cast<Offset>(offset + length)};
    };
    if (path.empty() || path[0] != '/') {
        error(pathExpr->span, "the endpoint path must start with '/'");
        return;
    }

    if (kind == "get")
        endpoint->methods = {"GET"};
    else if (kind == "post")
        endpoint->methods = {"POST"};
    else if (!methodsExpr)
        endpoint->methods = {"GET"};
    else if (methodsExpr->kind != ExprKind::ListLiteral || methodsExpr->as<ListExpr>().elements.empty()) {
        error(methodsExpr->span, "methods must be a non-empty list of strings, e.g. methods=[\"GET\", \"POST\"]");
        return;
    } else {
        for (ExprPtr &item : methodsExpr->as<ListExpr>().elements) {
            if (item->kind != ExprKind::StrLiteral) {
                error(item->span, "an HTTP method must be a string literal such as \"GET\"");
                return;
            }
            std::string method = item->as<StrLiteral>().value;
            std::transform(method.begin(), method.end(), method.begin(), ::toupper);
            if (std::find(httpMethods().begin(), httpMethods().end(), method) == httpMethods().end()) {
                error(item->span, "unknown HTTP method '" + item->as<StrLiteral>().value + "'"
                                      + hintFor(method, httpMethods()));
                return;
            }
            if (std::find(endpoint->methods.begin(), endpoint->methods.end(), method) != endpoint->methods.end()) {
                error(item->span, "HTTP method " + method + " is listed twice");
                return;
            }
            endpoint->methods.push_back(method);
        }
    }

    // Path variables: <name> or <converter:name>.
    std::vector<PathVariable> variables;
    std::string routeKey;
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '>') {
            error(pathSpan(i, 1), "'>' without a matching '<' in the endpoint path");
            return;
        }
        if (path[i] != '<') {
            routeKey += path[i];
            continue;
        }
        const size_t close = path.find('>', i);
        if (close == std::string::npos) {
            error(pathSpan(i, 1), "unclosed '<' in the endpoint path");
            return;
        }
        const std::string inside = path.substr(i + 1, close - i - 1);
        const size_t colon = inside.find(':');
        PathVariable variable{colon == std::string::npos ? "str" : inside.substr(0, colon),
                              colon == std::string::npos ? inside : inside.substr(colon + 1), i};
        static const std::vector<std::string> converters = {"int", "float", "str", "path"};
        if (std::find(converters.begin(), converters.end(), variable.converter) == converters.end()) {
            error(pathSpan(i + 1, variable.converter.size()),
                  "unknown path converter '" + variable.converter + "' (available: int, float, str, path)");
            return;
        }
        const bool validName = !variable.name.empty()
            && (std::isalpha(static_cast<unsigned char>(variable.name[0])) || variable.name[0] == '_')
            && std::all_of(variable.name.begin(), variable.name.end(),
                           [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
        if (!validName) {
            error(pathSpan(i, close - i + 1), "'" + path.substr(i, close - i + 1) + "' must name a parameter, e.g. <int:n>");
            return;
        }
        for (const PathVariable &other : variables) {
            if (other.name == variable.name) {
                error(pathSpan(i, close - i + 1), "path parameter '" + variable.name + "' appears twice");
                return;
            }
        }
        routeKey += "<" + (variable.converter == "str" ? std::string("str") : variable.converter) + ">";
        variables.push_back(variable);
        i = close;
    }
    endpoint->path = path;
    endpoint->routeKey = routeKey;

    // Every path variable is a parameter of the matching type.
    for (const PathVariable &variable : variables) {
        const int index = function.paramIndex(variable.name);
        const Span at = pathSpan(variable.offset, variable.converter.size() + variable.name.size() + 3);
        if (index < 0) {
            error(at, "path parameter '" + variable.name + "' is not a parameter of '" + function.name + "'");
            return;
        }
        const Type *type = function.params[static_cast<size_t>(index)].type;
        const Type *wanted = variable.converter == "int" ? m_types.intType()
                           : variable.converter == "float" ? m_types.floatType() : m_types.strType();
        if (!type->isError() && type != wanted) {
            error(at,
                  "path parameter <" + variable.converter + ":" + variable.name + "> gives " + withArticle(wanted)
                      + ", so parameter '" + variable.name + "' must be " + wanted->name() + ", not " + type->name());
            return;
        }
        EndpointParam param{variable.name, ParamSource::Path, wanted, index, true, variable.converter};
        endpoint->params.push_back(param);
    }
    // The other parameters come from the query string, or receive the request.
    bool sawRequest = false;
    for (size_t i = 0; i < function.params.size(); ++i) {
        const ParamInfo &param = function.params[i];
        if (std::any_of(variables.begin(), variables.end(), [&](const PathVariable &v) { return v.name == param.name; }))
            continue;
        if (param.type->is(TypeKind::Request)) {
            if (sawRequest) {
                error(param.span, "an endpoint takes at most one Request parameter");
                return;
            }
            sawRequest = true;
            endpoint->params.push_back({param.name, ParamSource::Request, param.type, static_cast<int>(i), true, {}});
            continue;
        }
        // int, float, bool or str, or one of them | None (None when the query leaves it out).
        const Type *scalar = param.type->isOptional() ? param.type->element : param.type;
        if (!param.type->isError() && !scalar->is(TypeKind::Int) && !scalar->is(TypeKind::Float)
            && !scalar->is(TypeKind::Bool) && !scalar->is(TypeKind::Str)) {
            error(param.span, "query parameter '" + param.name + "' must be int, float, bool or str, or Optional of "
                                  "one (got " + param.type->name() + "); take a Request and use req.json(...) for "
                                  "structured input");
            return;
        }
        endpoint->params.push_back({param.name, ParamSource::Query, param.type, static_cast<int>(i),
                                    param.defaultValue == nullptr && !param.type->isOptional(), {}});
    }

    if (!resolveAnswer(function, endpoint->response, endpoint->tuple))
        return;
    collectLiteralStatuses(function.decl->body, *endpoint);

    for (const auto &other : m_program.endpoints) {
        if (other->routeKey != endpoint->routeKey)
            continue;
        for (const std::string &method : endpoint->methods) {
            if (std::find(other->methods.begin(), other->methods.end(), method) != other->methods.end()) {
                error(decorator.span, method + " " + path + " is already served by '" + other->function->name
                                          + "' (line " + std::to_string(lineOf(other->span)) + ")");
                return;
            }
        }
    }
    function.endpoint = endpoint.get();
    m_program.endpoints.push_back(std::move(endpoint));
}

namespace {

const IntLiteral *literalStatus(const Expr *e)
{
    return e && e->kind == ExprKind::IntLiteral ? &e->as<IntLiteral>() : nullptr;
}

} // namespace

void Checker::collectLiteralStatuses(const Block &block, EndpointInfo &endpoint) const
{
    for (const StmtPtr &stmt : block) {
        switch (stmt->kind) {
        case StmtKind::Return: {
            const Expr *value = stmt->as<ReturnStmt>().value.get();
            if (endpoint.tuple != TupleAnswer::None && endpoint.tuple != TupleAnswer::Headers && value && value->kind == ExprKind::TupleLiteral && value->as<TupleExpr>().elements.size() >= 2)
                if (const IntLiteral *status = literalStatus(value->as<TupleExpr>().elements[1].get()))
                    endpoint.answerStatuses.insert(static_cast<int>(status->value));
            break;
        }
        case StmtKind::Expr: {
            const Expr &e = *stmt->as<ExprStmt>().expr;
            if (e.kind == ExprKind::Call && e.as<CallExpr>().target == CallTarget::Abort && !e.as<CallExpr>().args.empty())
                if (const IntLiteral *status = literalStatus(e.as<CallExpr>().args.front().get()))
                    endpoint.abortStatuses.insert(static_cast<int>(status->value));
            break;
        }
        case StmtKind::If:
            collectLiteralStatuses(stmt->as<IfStmt>().body, endpoint);
            collectLiteralStatuses(stmt->as<IfStmt>().orelse, endpoint);
            break;
        case StmtKind::While: collectLiteralStatuses(stmt->as<WhileStmt>().body, endpoint); break;
        case StmtKind::For: collectLiteralStatuses(stmt->as<ForStmt>().body, endpoint); break;
        case StmtKind::Try: {
            const auto &attempt = stmt->as<TryStmt>();
            collectLiteralStatuses(attempt.body, endpoint);
            for (const ExceptHandler &handler : attempt.handlers)
                collectLiteralStatuses(handler.body, endpoint);
            collectLiteralStatuses(attempt.orelse, endpoint);
            collectLiteralStatuses(attempt.finalbody, endpoint);
            break;
        }
        default: break;
        }
    }
}

bool Checker::resolveAnswer(const FunctionInfo &function, ResponseKind &response, TupleAnswer &tuple)
{
    const Type *returns = function.returnType;
    const char *what = function.isErrorHandler ? "error handler" : "endpoint";
    if (returns->is(TypeKind::None)) {
        error(function.decl->nameSpan, std::string(what) + " '" + function.name + "' must return a value: str, a JSON type "
                                       "(int, float, bool, list, dict, tuple, dataclass), Response, or one of them with a "
                                       "status: (body, 404)");
        return false;
    }
    // A tuple of (body, int), (body, int, dict[str, str]) or (body, dict[str, str]) is a
    // body with its status and headers, as Flask reads it; a handler answers a JSON array
    // with a list.
    const Type *body = returns;
    const Span at = function.decl->returns ? function.decl->returns->span : function.decl->nameSpan;
    const Type *headerType = m_types.dict(m_types.strType(), m_types.strType());
    if (returns->is(TypeKind::Tuple) && (returns->items.size() == 2 || returns->items.size() == 3)
        && returns->items[1]->is(TypeKind::Int)) {
        const Type *headers = returns->items.size() == 3 ? returns->items[2] : nullptr;
        if (headers && headers != headerType) {
            error(at, "the third item of a (body, status, headers) answer must be dict[str, str], not " + headers->name());
            return false;
        }
        tuple = headers ? TupleAnswer::StatusHeaders : TupleAnswer::Status;
        body = returns->items[0];
    } else if (returns->is(TypeKind::Tuple) && returns->items.size() == 2 && returns->items[1] == headerType) {
        tuple = TupleAnswer::Headers;
        body = returns->items[0];
    }
    response = body->is(TypeKind::Str) ? ResponseKind::Text : body->is(TypeKind::Response) ? ResponseKind::Response : ResponseKind::Json;
    if (response == ResponseKind::Json) {
        // What json.dumps raises TypeError for under Flask too.
        if (std::string why = jsonProblem(body); !why.empty()) {
            error(at, why);
            return false;
        }
    }
    return true;
}

// @errorhandler(NotFound) above `def f(e: NotFound) -> ...`: one parameter that takes the
// class, and a result answered as an endpoint's.
void Checker::checkErrorHandler(FunctionInfo &function, CallExpr &decorator)
{
    function.isErrorHandler = true;
    ErrorHandlerInfo handler;
    handler.function = &function;
    handler.span = decorator.span;
    if (decorator.args.size() != 1 || !decorator.keywords.empty() || decorator.args.front()->kind != ExprKind::Name) {
        error(decorator.span, "@errorhandler takes one exception class: @errorhandler(NotFound) (a status such as "
                              "@errorhandler(404) is not supported in Hotpath handlers)");
        return;
    }
    const auto &name = decorator.args.front()->as<NameExpr>();
    handler.exception = exceptionClassNamed(name.name);
    if (!handler.exception) {
        if (lookupLocal(name.name) || lookupGlobal(name.name) || isPoisoned(name.name))
            error(name.span, "'" + name.name + "' is not an exception class");
        else
            error(name.span, "name '" + name.name + "' is not defined"
                                 + (exceptionNameLike(name.name) ? "; did you mean '" + *exceptionNameLike(name.name) + "'?" : std::string()));
        return;
    }
    if (function.endpoint) {
        error(decorator.span, "'" + function.name + "' is an endpoint; an error handler is a function of its own");
        return;
    }
    if (function.params.size() != 1 || !function.params.front().type->is(TypeKind::Exception)
        || !handler.exception->isSubclassOf(function.params.front().type->exception)) {
        error(function.decl->nameSpan, "error handler '" + function.name + "' takes one parameter, the exception: (e: "
                                           + handler.exception->name + ")");
        return;
    }
    for (const ErrorHandlerInfo &other : m_program.errorHandlers)
        if (other.exception == handler.exception) {
            error(decorator.span, handler.exception->name + " already has an error handler, '" + other.function->name + "' (line "
                                      + std::to_string(lineOf(other.span)) + ")");
            return;
        }
    if (!resolveAnswer(function, handler.response, handler.tuple))
        return;
    m_program.errorHandlers.push_back(handler);
}

std::string Checker::jsonProblem(const Type *type) const
{
    if (findPart(type, [](const Type *t) { return t->is(TypeKind::Set); }))
        return "a set is not JSON serializable; return a list, e.g. sorted(s)";
    if (const Type *exception = findPart(type, [](const Type *t) { return t->is(TypeKind::Exception); }))
        return "an exception (" + exception->name() + ") is not JSON serializable; return its message, str(e)";
    if (const Type *response = findPart(type, [](const Type *t) { return t->is(TypeKind::Response) || t->is(TypeKind::Request); }))
        return "a " + response->name() + " is not JSON serializable";
    if (const Type *dict = findPart(type, [](const Type *t) {
            return t->is(TypeKind::Dict) && findPart(t->key, [](const Type *k) { return k->is(TypeKind::Tuple); });
        }))
        return "JSON object keys must be str, int, float, bool or None, so " + dict->name()
             + " cannot be returned as JSON; join the tuple into a str key";
    return {};
}

} // namespace hotpath::lang
