// SPDX-License-Identifier: GPL-3.0-or-later
// Module level: imports, records, function signatures and constants.
#include "CheckerImpl.h"

#include "hotpath/lang/Parser.h"
#include "hotpath/support/Text.h"

#include <algorithm>

namespace hotpath::lang {

namespace {

const std::vector<std::string> &mathFunctions()
{
    static const std::vector<std::string> names = builtinNames(BuiltinReceiver::Math);
    return names;
}

const std::vector<std::string> &mathConstants()
{
    static const std::vector<std::string> names = {"pi", "e", "inf", "nan"};
    return names;
}

const std::vector<std::string> &hotpathMembers()
{
    static const std::vector<std::string> names = {"route", "get", "post", "Request", "Response", "abort", "jsonify", "errorhandler"};
    return names;
}

bool contains(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string joinNames(const std::vector<std::string> &names)
{
    std::string text;
    for (const std::string &name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

} // namespace

std::unique_ptr<Program> checkFile(support::SourceFile file, support::DiagnosticSink &sink)
{
    auto program = std::make_unique<Program>(std::move(file));
    program->module = parseFile(program->file, sink);
    Checker checker(*program, sink);
    checker.run();
    sink.sortByPosition();
    return program;
}

void Checker::run()
{
    for (const std::string &name : m_program.module.rejectedNames)
        m_poisoned.insert(name);
    const Block &body = m_program.module.body;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i]->kind == StmtKind::FunctionDef)
            m_regionEnd[&body[i]->as<FunctionDef>()] = i + 1 < body.size() ? body[i + 1]->span.begin : UINT32_MAX;
    }
    declareBuiltinExceptions();
    collectDeclarations();
    // Records and constants in source order, as Python runs them: a field default or a
    // constant may use the constants above it.
    for (StmtPtr &stmt : m_program.module.body) {
        if (stmt->kind == StmtKind::Assign || stmt->kind == StmtKind::AnnAssign)
            checkConstant(*stmt);
        else if (stmt->kind == StmtKind::ClassDef && stmt->as<ClassDef>().info)
            resolveRecord(*stmt->as<ClassDef>().info);
    }
    rejectRecursiveRecords();
    for (auto &function : m_program.functions)
        resolveSignature(*function);
    for (auto &function : m_program.functions)
        checkFunctionBody(*function);
    for (auto &function : m_program.functions)
        checkDecorators(*function);
    analyseState();
}

// Walks the module's top level once, binding every name before any body is checked,
// so functions can call each other in any order.
void Checker::collectDeclarations()
{
    for (StmtPtr &stmt : m_program.module.body) {
        switch (stmt->kind) {
        case StmtKind::Import: checkImport(stmt->as<ImportStmt>()); break;
        case StmtKind::ImportFrom: checkImportFrom(stmt->as<ImportFromStmt>()); break;
        case StmtKind::ClassDef:
            if (isExceptionClassDef(stmt->as<ClassDef>()))
                declareExceptionClass(stmt->as<ClassDef>());
            else
                declareRecord(stmt->as<ClassDef>());
            break;
        case StmtKind::FunctionDef: declareFunction(stmt->as<FunctionDef>()); break;
        case StmtKind::Assign:
        case StmtKind::AnnAssign: break; // constants are checked in order, after signatures
        case StmtKind::Global: break;    // legal at module level in Python, and meaningless
        case StmtKind::Expr:
            if (stmt->as<ExprStmt>().expr->kind == ExprKind::StrLiteral)
                break; // a docstring
            [[fallthrough]];
        default:
            error(stmt->span, "statements at module level are not supported in Hotpath handlers; "
                              "move this into a function");
        }
    }
}

void Checker::declareGlobal(const std::string &name, GlobalSymbol symbol)
{
    auto existing = m_globals.find(name);
    if (existing != m_globals.end()) {
        error(symbol.span, "'" + name + "' is already defined on line " + std::to_string(lineOf(existing->second.span)));
        return;
    }
    m_globals.emplace(name, std::move(symbol));
}

void Checker::checkImport(const ImportStmt &stmt)
{
    for (const ImportName &name : stmt.names) {
        if (name.name == "math") {
            declareGlobal(name.alias.empty() ? name.name : name.alias, {GlobalSymbol::Kind::MathModule, name.span});
        } else if (name.name == "hotpath" || name.name == "dataclasses") {
            error(name.span, "write 'from " + name.name + " import ...' to use " + name.name + " in Hotpath handlers");
        } else {
            error(name.span, "module '" + name.name + "' is not available in Hotpath handlers "
                             "(available: math, dataclasses, typing, hotpath)");
            m_poisoned.insert(name.alias.empty() ? name.name.substr(0, name.name.find('.')) : name.alias);
        }
    }
}

void Checker::checkImportFrom(const ImportFromStmt &stmt)
{
    const std::string &module = stmt.module;
    for (const ImportName &name : stmt.names)
        m_poisoned.insert(name.alias.empty() ? name.name : name.alias); // un-poisoned below when it binds
    if (module == "typing") {
        // Optional and Union annotate; the rest of typing either has a built-in spelling
        // (List -> list) that the annotation's message points to, or is not supported.
        static const std::vector<std::string> known = {"Optional", "Union", "List", "Dict", "Tuple", "Set", "Any",
                                                       "TypeAlias"};
        for (const ImportName &name : stmt.names) {
            if (!contains(known, name.name)) {
                error(name.span, "typing." + name.name + " is not available in Hotpath handlers (available: Optional, "
                                 "Union)");
                continue;
            }
            GlobalSymbol symbol{GlobalSymbol::Kind::TypingMember, name.span};
            symbol.member = name.name;
            const std::string bound = name.alias.empty() ? name.name : name.alias;
            declareGlobal(bound, symbol);
            m_poisoned.erase(bound);
        }
        return;
    }
    if (module != "math" && module != "dataclasses" && module != "hotpath") {
        error(stmt.moduleSpan, "module '" + module + "' is not available in Hotpath handlers "
                               "(available: math, dataclasses, typing, hotpath)");
        return;
    }
    for (const ImportName &name : stmt.names) {
        const std::string bound = name.alias.empty() ? name.name : name.alias;
        if (module == "math") {
            if (!contains(mathFunctions(), name.name) && !contains(mathConstants(), name.name)) {
                error(name.span, "math." + name.name + " is not available in Hotpath handlers (available: "
                                     + joinNames(mathFunctions()) + ", " + joinNames(mathConstants()) + ")");
                continue;
            }
            GlobalSymbol symbol{GlobalSymbol::Kind::MathMember, name.span};
            symbol.member = name.name;
            declareGlobal(bound, symbol);
            m_poisoned.erase(bound);
        } else if (module == "dataclasses") {
            if (name.name != "dataclass" && name.name != "field" && name.name != "replace") {
                error(name.span, "dataclasses." + name.name + " is not supported in Hotpath handlers "
                                 "(dataclass, field and replace are)"
                                 + std::string(name.name == "asdict" ? "; an endpoint returns the object itself, which is "
                                                                       "answered as the same JSON object" : ""));
                continue;
            }
            GlobalSymbol symbol{GlobalSymbol::Kind::Dataclass, name.span};
            symbol.member = name.name;
            declareGlobal(bound, symbol);
            m_poisoned.erase(bound);
        } else {
            if (!contains(hotpathMembers(), name.name)) {
                std::string message = "module 'hotpath' has no member '" + name.name + "'";
                if (auto hint = support::closestMatch(name.name, hotpathMembers()))
                    message += "; did you mean '" + *hint + "'?";
                error(name.span, message);
                continue;
            }
            GlobalSymbol symbol{GlobalSymbol::Kind::HotpathMember, name.span};
            symbol.member = name.name;
            declareGlobal(bound, symbol);
            m_poisoned.erase(bound);
        }
    }
}

// class_def must be a field-only @dataclass: annotated fields with optional defaults,
// a docstring and `pass` are all it may hold.
void Checker::declareRecord(ClassDef &cls)
{
    bool isDataclass = false;
    for (const ExprPtr &decorator : cls.decorators) {
        const GlobalSymbol *symbol = decorator->kind == ExprKind::Name ? lookupGlobal(decorator->as<NameExpr>().name) : nullptr;
        if (symbol && symbol->kind == GlobalSymbol::Kind::Dataclass && symbol->member == "dataclass")
            isDataclass = true;
        else if (decorator->kind == ExprKind::Name && decorator->as<NameExpr>().name == "dataclass")
            error(decorator->span, "name 'dataclass' is not defined; add 'from dataclasses import dataclass'");
        else
            error(decorator->span, "this class decorator is not supported in Hotpath handlers (only @dataclass is)");
    }
    if (!isDataclass && cls.decorators.empty())
        error(cls.nameSpan, "classes other than @dataclass classes and exception classes are not supported in Hotpath handlers; "
                            "add @dataclass");
    if (!cls.bases.empty())
        error(cls.bases.front()->span, "class inheritance is not supported in Hotpath handlers");

    auto record = std::make_unique<RecordInfo>();
    record->name = cls.name;
    record->span = cls.nameSpan;
    record->decl = &cls;
    record->type = m_types.record(record.get());
    cls.info = record.get();
    GlobalSymbol symbol{GlobalSymbol::Kind::Record, cls.nameSpan};
    symbol.record = record.get();
    declareGlobal(cls.name, symbol);
    declareMethods(*record, cls);
    m_program.records.push_back(std::move(record));
}

void Checker::resolveRecord(RecordInfo &record)
{
    bool sawDefault = false;
    for (const StmtPtr &stmt : record.decl->body) {
        if (stmt->kind == StmtKind::Pass || stmt->kind == StmtKind::FunctionDef)
            continue;
        if (stmt->kind == StmtKind::Expr && stmt->as<ExprStmt>().expr->kind == ExprKind::StrLiteral)
            continue;
        if (stmt->kind != StmtKind::AnnAssign) {
            error(stmt->span, "only annotated fields (name: type) and methods are supported in a dataclass in Hotpath handlers");
            continue;
        }
        auto &field = stmt->as<AnnAssignStmt>();
        const std::string &name = field.target->as<NameExpr>().name;
        if (record.fieldIndex(name) >= 0) {
            error(field.target->span, "duplicate field '" + name + "' in dataclass '" + record.name + "'");
            continue;
        }
        FieldInfo info{name, resolveType(field.annotation.get(), field.target->span), field.target->span, nullptr};
        if (info.type->is(TypeKind::Record) && info.type->record == &record)
            error(field.annotation->span, "a dataclass cannot contain itself directly; use list[" + record.name + "]");
        if (field.value)
            info.factory = resolveFieldCall(const_cast<AnnAssignStmt &>(field), info.type);
        if (field.value && info.factory) {
            sawDefault = true;
            info.defaultValue = field.value.get();
        } else if (field.value) {
            sawDefault = true;
            const TypeKind kind = info.type->kind;
            if (info.type->isMutableList() || kind == TypeKind::Dict || kind == TypeKind::Record || kind == TypeKind::Set) {
                error(field.value->span, "mutable default values are not allowed for dataclass fields (Python raises "
                                         "ValueError); use field(default_factory=" + pythonClassName(info.type) + ")");
            } else {
                m_inConstant = true;
                m_constantEnd = record.decl->span.begin;
                checkExpr(*field.value, info.type);
                coerce(*field.value, info.type, "the default of field '" + name + "'");
                m_inConstant = false;
            }
            info.defaultValue = field.value.get();
        } else if (sawDefault) {
            error(field.target->span, "non-default argument '" + name + "' follows default argument");
        }
        record.fields.push_back(std::move(info));
    }
}

// x: T = field(default=v) is x: T = v; field(default_factory=list) (dict, set or a
// dataclass) makes a new value for each object: the call is replaced by the expression
// that makes it ([], {}, set(), Address()), evaluated where a default is needed. True for
// a factory.
bool Checker::resolveFieldCall(AnnAssignStmt &field, const Type *type)
{
    if (field.value->kind != ExprKind::Call)
        return false;
    auto &call = field.value->as<CallExpr>();
    if (call.callee->kind != ExprKind::Name)
        return false;
    const GlobalSymbol *symbol = lookupGlobal(call.callee->as<NameExpr>().name);
    if (!symbol || symbol->kind != GlobalSymbol::Kind::Dataclass || symbol->member != "field")
        return false;
    if (!call.args.empty() || call.keywords.size() != 1
        || (call.keywords.front().name != "default" && call.keywords.front().name != "default_factory")) {
        error(call.span, "field() takes default= or default_factory= in Hotpath handlers");
        field.value = std::make_unique<InvalidExpr>(call.span);
        field.value->type = m_types.errorType();
        return true;
    }
    KeywordArgument &keyword = call.keywords.front();
    if (keyword.name == "default") {
        field.value = std::move(keyword.value);
        return false;
    }
    const Span at = keyword.value->span;
    const std::string factory = keyword.value->kind == ExprKind::Name ? keyword.value->as<NameExpr>().name : std::string();
    ExprPtr made;
    if (factory == "list" && type->isMutableList())
        made = std::make_unique<ListExpr>(at);
    else if (factory == "dict" && type->is(TypeKind::Dict))
        made = std::make_unique<DictExpr>(at);
    else if ((factory == "set" && type->is(TypeKind::Set)) || (type->is(TypeKind::Record) && factory == type->record->name))
        made = std::make_unique<CallExpr>(at, std::make_unique<NameExpr>(at, factory));
    if (!made) {
        error(at, "default_factory must make a " + type->name() + ": " + (type->is(TypeKind::Record) ? type->record->name : pythonClassName(type)));
        field.value = std::make_unique<InvalidExpr>(call.span);
        field.value->type = m_types.errorType();
        return true;
    }
    field.value = std::move(made);
    checkExpr(*field.value, type);
    coerce(*field.value, type, "the default_factory of field '" + field.target->as<NameExpr>().name + "'");
    return true;
}

void Checker::declareFunction(FunctionDef &def)
{
    auto function = std::make_unique<FunctionInfo>();
    function->name = def.name;
    function->decl = &def;
    def.info = function.get();
    GlobalSymbol symbol{GlobalSymbol::Kind::Function, def.nameSpan};
    symbol.function = function.get();
    declareGlobal(def.name, symbol);
    m_program.functions.push_back(std::move(function));
}

void Checker::resolveSignature(FunctionInfo &function)
{
    const FunctionDef &def = *function.decl;
    m_signatureOwner = function.owner;
    for (const Parameter &param : def.params) {
        if (resolveMethodReceiver(function, param, &param == &def.params.front()))
            continue;
        ParamInfo info{param.name, m_types.errorType(), param.span, param.defaultValue.get()};
        if (!param.annotation)
            error(param.span, "parameter '" + param.name + "' of '" + def.name + "' needs a type annotation, e.g. "
                                  + param.name + ": int");
        else
            info.type = resolveType(param.annotation.get(), param.span);
        if (param.defaultValue) {
            const TypeKind kind = info.type->kind;
            if (info.type->isMutableList() || kind == TypeKind::Dict || kind == TypeKind::Record) {
                error(param.defaultValue->span, "a default value of type " + info.type->name() + " would be shared between "
                                                "calls in Python; pass it explicitly instead");
            } else {
                m_inConstant = true;
                m_constantEnd = def.span.begin;
                checkExpr(*param.defaultValue, info.type);
                coerce(*param.defaultValue, info.type, "the default of parameter '" + param.name + "'");
                m_inConstant = false;
            }
        }
        function.params.push_back(std::move(info));
    }
    if (!def.returns) {
        error(def.nameSpan, "function '" + def.name + "' needs a return type annotation, e.g. -> int (or -> None)");
        function.returnType = m_types.errorType();
    } else if (def.returns->kind == ExprKind::NoneLiteral) {
        function.returnType = m_types.noneType();
    } else {
        function.returnType = resolveType(def.returns.get(), def.nameSpan);
    }
    m_signatureOwner = nullptr;
    if (function.owner)
        checkMethodSignature(function);
}

// A module constant: NAME = expression, bound once, from literals, earlier constants,
// operators and built-in calls only.
namespace {

bool reaches(const Type *type, const RecordInfo *target, std::set<const RecordInfo *> &seen)
{
    if (!type)
        return false;
    if (type->is(TypeKind::Record)) {
        if (type->record == target)
            return true;
        if (!seen.insert(type->record).second)
            return false;
        for (const FieldInfo &field : type->record->fields)
            if (reaches(field.type, target, seen))
                return true;
        return false;
    }
    if (type->element && reaches(type->element, target, seen))
        return true;
    for (const Type *item : type->items)
        if (reaches(item, target, seen))
            return true;
    return false;
}

} // namespace

// A dataclass that holds itself, directly or through others (a tree Node with children),
// would need cycle-safe freeing and printing that Hotpath does not have yet.
void Checker::rejectRecursiveRecords()
{
    for (const auto &record : m_program.records) {
        for (const FieldInfo &field : record->fields) {
            std::set<const RecordInfo *> seen;
            if (reaches(field.type, record.get(), seen)) {
                error(field.span, "'" + record->name + "' holds a '" + record->name + "' through field '" + field.name
                                      + "': recursive dataclasses are not supported in Hotpath handlers yet");
                break;
            }
        }
    }
}

// Whether a module-level value is a type rather than a value: a generic (list[int],
// dict[str, Todo], Optional[str]), a union with None, or the name of a type.
bool Checker::looksLikeType(const Expr &value) const
{
    if (value.kind == ExprKind::Subscript) {
        const Expr &object = *value.as<SubscriptExpr>().object;
        if (object.kind != ExprKind::Name)
            return false;
        static const std::set<std::string> generics = {"list", "dict", "set", "tuple", "Optional", "Union"};
        return generics.count(object.as<NameExpr>().name) != 0;
    }
    if (value.kind == ExprKind::Binary && value.as<BinaryExpr>().op == BinaryOp::BitOr) {
        const auto &either = value.as<BinaryExpr>();
        return either.left->kind == ExprKind::NoneLiteral || either.right->kind == ExprKind::NoneLiteral
            ? looksLikeType(either.left->kind == ExprKind::NoneLiteral ? *either.right : *either.left)
                  || either.left->kind == ExprKind::Name || either.right->kind == ExprKind::Name
            : false;
    }
    if (value.kind == ExprKind::Name) {
        const std::string &name = value.as<NameExpr>().name;
        if (name == "int" || name == "float" || name == "str" || name == "bool")
            return true;
        const GlobalSymbol *symbol = lookupGlobal(name);
        return symbol && (symbol->kind == GlobalSymbol::Kind::Record || symbol->kind == GlobalSymbol::Kind::TypeAlias);
    }
    return false;
}

void Checker::checkConstant(Stmt &stmt)
{
    Expr *target = nullptr;
    Expr *value = nullptr;
    const Type *annotated = nullptr;
    // Matrix = list[list[float]], UserId = int, Maybe = str | None: a type alias. So is
    // anything annotated `: TypeAlias`.
    const bool typeAliasAnnotation = stmt.kind == StmtKind::AnnAssign
        && stmt.as<AnnAssignStmt>().annotation->kind == ExprKind::Name
        && stmt.as<AnnAssignStmt>().annotation->as<NameExpr>().name == "TypeAlias";
    if (stmt.kind == StmtKind::Assign) {
        target = stmt.as<AssignStmt>().target.get();
        value = stmt.as<AssignStmt>().value.get();
    } else {
        auto &ann = stmt.as<AnnAssignStmt>();
        target = ann.target.get();
        value = ann.value.get();
        if (!typeAliasAnnotation)
            annotated = resolveType(ann.annotation.get(), ann.target->span);
        if (!value) {
            error(stmt.span, "a module constant needs a value");
            return;
        }
    }
    if (target->kind != ExprKind::Name) {
        error(target->span, "only a name can be bound at module level in Hotpath handlers");
        return;
    }
    auto &name = target->as<NameExpr>();
    if (typeAliasAnnotation || (stmt.kind == StmtKind::Assign && looksLikeType(*value))) {
        const Type *aliased = resolveType(value, name.span);
        GlobalSymbol symbol{GlobalSymbol::Kind::TypeAlias, name.span};
        symbol.aliased = aliased;
        declareGlobal(name.name, symbol);
        return;
    }
    m_inConstant = true;
    m_constantEnd = stmt.span.begin;
    m_targetName = name.name;
    const Type *type = checkValue(*value, annotated);
    m_targetName.clear();
    m_inConstant = false;
    if (annotated) {
        coerce(*value, annotated, "constant '" + name.name + "'");
        type = annotated;
    }
    if (m_globals.count(name.name)) {
        const GlobalSymbol &existing = m_globals.at(name.name);
        error(name.span, existing.kind == GlobalSymbol::Kind::Constant
                             ? "module constant '" + name.name + "' is already bound on line "
                                   + std::to_string(lineOf(existing.span)) + "; module constants are bound once"
                             : "'" + name.name + "' is already defined on line " + std::to_string(lineOf(existing.span)));
        return;
    }
    name.binding = NameBinding::Constant;
    name.slot = static_cast<int>(m_program.constants.size());
    name.type = type;
    GlobalSymbol symbol{GlobalSymbol::Kind::Constant, name.span};
    symbol.index = name.slot;
    m_globals.emplace(name.name, symbol);
    m_program.constants.push_back({name.name, type, name.span, value});
}

// annotation: int | float | bool | str | None | list[T] | dict[str, T] | tuple[T, ...]
//           | Request | Response | a dataclass defined above
const Type *Checker::resolveType(const Expr *annotation, Span ownerSpan)
{
    if (!annotation)
        return m_types.errorType();
    if (annotation->kind == ExprKind::NoneLiteral)
        return fail(annotation->span, "a value that is always None has no use; annotate it as Optional[T] or T | None");
    if (annotation->kind == ExprKind::StrLiteral) {
        // "Todo", Optional["Todo"]: a forward reference, as Python writes one before the
        // class is defined. Its text is parsed in place, so errors point into the quotes.
        const std::string &text = m_program.file.text();
        const Offset begin = annotation->span.begin, end = annotation->span.end;
        const bool plain = end >= begin + 2 && (text[begin] == '"' || text[begin] == '\'')
                           && text[end - 1] == text[begin] && annotation->as<StrLiteral>().value.size() == end - begin - 2;
        if (!plain)
            return fail(annotation->span, "write a string annotation as a plain quoted type, e.g. \"Todo\"");
        ExprPtr parsed = Parser::parseAnnotationText(m_program.file, m_sink, begin + 1, end - 1);
        if (!parsed)
            return m_types.errorType();
        const bool wasForward = m_forwardReference;
        m_forwardReference = true; // a quoted name may come later in the file
        const Type *type = resolveType(parsed.get(), ownerSpan);
        m_forwardReference = wasForward;
        m_parsedAnnotations.push_back(std::move(parsed));
        return type;
    }
    if (annotation->kind == ExprKind::Binary && annotation->as<BinaryExpr>().op == BinaryOp::BitOr) {
        // T | None (PEP 604), in either order.
        const auto &either = annotation->as<BinaryExpr>();
        const bool leftNone = either.left->kind == ExprKind::NoneLiteral;
        const bool rightNone = either.right->kind == ExprKind::NoneLiteral;
        if (leftNone == rightNone)
            return fail(annotation->span, "unions other than T | None are not supported in Hotpath handlers");
        const Type *type = resolveType(leftNone ? either.right.get() : either.left.get(), ownerSpan);
        return m_types.optional(type);
    }
    if (annotation->kind == ExprKind::Name) {
        const std::string &name = annotation->as<NameExpr>().name;
        if (name == "int") return m_types.intType();
        if (name == "float") return m_types.floatType();
        if (name == "bool") return m_types.boolType();
        if (name == "str") return m_types.strType();
        if (name == "list" || name == "dict" || name == "tuple")
            return fail(annotation->span, "'" + name + "' needs its element types, e.g. "
                                              + (name == "list" ? "list[int]" : name == "dict" ? "dict[str, int]" : "tuple[int, str]"));
        if (name == "List" || name == "Dict" || name == "Tuple")
            return fail(annotation->span, "use the built-in '" + support::closestMatch(name, {"list", "dict", "tuple"}).value_or("list")
                                              + "[...]' instead of typing." + name);
        if (name == "Any" || name == "frozenset")
            return fail(annotation->span, name + " is not supported in Hotpath handlers");
        if (name == "set")
            return fail(annotation->span, "'set' needs its element type, e.g. set[int]");
        if (name == "Optional" || name == "Union")
            return fail(annotation->span, name + " needs a type: " + name + (name == "Optional" ? "[int]" : "[int, None]"));
        if (const GlobalSymbol *symbol = lookupGlobal(name)) {
            if (symbol->kind == GlobalSymbol::Kind::TypeAlias)
                return symbol->aliased;
            if (symbol->kind == GlobalSymbol::Kind::Record) {
                if (symbol->record == m_signatureOwner && !m_forwardReference)
                    return fail(annotation->span, "'" + name + "' is not defined yet while its class body runs (Python "
                                                      "evaluates a method's annotations then); quote it: \"" + name + "\"");
                if (symbol->span.begin > ownerSpan.begin && !m_function && !m_forwardReference)
                    return fail(annotation->span, "'" + name + "' is used before its class definition on line "
                                                      + std::to_string(lineOf(symbol->span))
                                                      + "; Python evaluates annotations when the definition runs, so "
                                                        "move the class above");
                return symbol->record->type;
            }
            if (symbol->kind == GlobalSymbol::Kind::Exception)
                return symbol->exception->type;
            if (symbol->kind == GlobalSymbol::Kind::HotpathMember && symbol->member == "Request")
                return m_types.requestType();
            if (symbol->kind == GlobalSymbol::Kind::HotpathMember && symbol->member == "Response")
                return m_types.responseType();
        }
        if (name == "Request" || name == "Response")
            return fail(annotation->span, "name '" + name + "' is not defined; add 'from hotpath import " + name + "'");
        if (const ExceptionInfo *cls = exceptionClassNamed(name))
            return cls->type;
        std::vector<std::string> candidates = {"int", "float", "bool", "str", "list", "dict", "tuple"};
        for (const auto &record : m_program.records)
            candidates.push_back(record->name);
        std::string message = "unknown type '" + name + "'";
        // Other languages' spellings of the built-in types.
        static const std::map<std::string, std::string> aliases = {
            {"string", "str"}, {"String", "str"}, {"integer", "int"}, {"long", "int"}, {"double", "float"},
            {"boolean", "bool"}, {"Boolean", "bool"}, {"array", "list"}, {"map", "dict"}, {"void", "None"}};
        if (auto alias = aliases.find(name); alias != aliases.end())
            message += "; did you mean '" + alias->second + "'?";
        else if (auto hint = support::closestMatch(name, candidates))
            message += "; did you mean '" + *hint + "'?";
        return fail(annotation->span, message);
    }
    if (annotation->kind == ExprKind::Subscript) {
        const auto &subscript = annotation->as<SubscriptExpr>();
        if (subscript.object->kind != ExprKind::Name)
            return fail(annotation->span, "invalid type annotation");
        const std::string &name = subscript.object->as<NameExpr>().name;
        std::vector<const Expr *> args;
        if (subscript.index->kind == ExprKind::TupleLiteral) {
            for (const ExprPtr &item : subscript.index->as<TupleExpr>().elements)
                args.push_back(item.get());
        } else {
            args.push_back(subscript.index.get());
        }
        if (name == "list") {
            if (args.size() != 1)
                return fail(annotation->span, "list takes one element type, e.g. list[int]");
            const Type *element = resolveType(args[0], ownerSpan);
            return element->isError() ? element : m_types.list(element);
        }
        if (name == "dict") {
            if (args.size() != 2)
                return fail(annotation->span, "dict takes a key and a value type, e.g. dict[str, int]");
            const Type *key = resolveType(args[0], ownerSpan);
            const Type *value = resolveType(args[1], ownerSpan);
            return dictOf(key, value, args[0]->span);
        }
        if (name == "tuple") {
            if (args.size() == 2 && args[1]->kind == ExprKind::Ellipsis) {
                // tuple[T, ...]: any number of Ts.
                const Type *element = resolveType(args[0], ownerSpan);
                return element->isError() ? element : m_types.tupleOf(element);
            }
            std::vector<const Type *> items;
            for (const Expr *arg : args) {
                if (arg->kind == ExprKind::Ellipsis)
                    return fail(arg->span, "'...' comes second and alone: tuple[int, ...] is a tuple of any number of ints");
                if (arg->kind == ExprKind::Invalid)
                    return m_types.errorType();
                items.push_back(resolveType(arg, ownerSpan));
                if (items.back()->isError())
                    return items.back();
            }
            return m_types.tuple(items);
        }
        if (name == "Optional" || name == "Union") {
            const GlobalSymbol *symbol = lookupGlobal(name);
            if (!symbol || symbol->kind != GlobalSymbol::Kind::TypingMember)
                return fail(subscript.object->span, "name '" + name + "' is not defined; add 'from typing import " + name + "'");
            if (name == "Optional") {
                if (args.size() != 1)
                    return fail(annotation->span, "Optional takes one type, e.g. Optional[int]");
                return m_types.optional(resolveType(args[0], ownerSpan));
            }
            // Union[T, None]: the only union Hotpath has.
            const Expr *other = nullptr;
            bool hasNone = false;
            for (const Expr *arg : args) {
                if (arg->kind == ExprKind::NoneLiteral)
                    hasNone = true;
                else if (!other)
                    other = arg;
                else
                    other = annotation; // a second type
            }
            if (!hasNone || !other || other == annotation)
                return fail(annotation->span, "unions other than Union[T, None] are not supported in Hotpath handlers");
            return m_types.optional(resolveType(other, ownerSpan));
        }
        if (name == "set") {
            if (args.size() != 1)
                return fail(annotation->span, "set takes one element type, e.g. set[int]");
            return setOf(resolveType(args[0], ownerSpan), args[0]->span);
        }
        if (name == "frozenset")
            return fail(annotation->span, name + " is not supported in Hotpath handlers");
        if (name == "List" || name == "Dict" || name == "Tuple")
            return fail(annotation->span, "use the built-in '" + std::string(name == "List" ? "list" : name == "Dict" ? "dict" : "tuple")
                                              + "[...]' instead of typing." + name);
        return fail(annotation->span, "'" + name + "' is not a generic type (use list[...], dict[str, ...] or tuple[...])");
    }
    if (annotation->kind == ExprKind::Invalid)
        return m_types.errorType();
    return fail(annotation->span, "invalid type annotation");
}

std::vector<std::string> Checker::visibleNames() const
{
    std::vector<std::string> names;
    for (const auto &[name, slot] : m_localSlots)
        names.push_back(name);
    for (const auto &[name, symbol] : m_globals)
        names.push_back(name);
    for (const std::string &builtin : builtinNames(BuiltinReceiver::Function))
        names.push_back(builtin);
    return names;
}

std::string Checker::hintFor(const std::string &word, const std::vector<std::string> &candidates) const
{
    if (auto match = support::closestMatch(word, candidates))
        return "; did you mean '" + *match + "'?";
    return {};
}

std::optional<int> Checker::lookupLocal(const std::string &name) const
{
    auto it = m_localSlots.find(name);
    if (it == m_localSlots.end())
        return std::nullopt;
    return it->second;
}

const GlobalSymbol *Checker::lookupGlobal(const std::string &name) const
{
    auto it = m_globals.find(name);
    return it == m_globals.end() ? nullptr : &it->second;
}

} // namespace hotpath::lang
