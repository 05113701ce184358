// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/lang/Types.h"

#include "hotpath/lang/Program.h"

#include <algorithm>

namespace hotpath::lang {

std::string Type::name() const
{
    switch (kind) {
    case TypeKind::Int: return "int";
    case TypeKind::Float: return "float";
    case TypeKind::Bool: return "bool";
    case TypeKind::Str: return "str";
    case TypeKind::None: return "None";
    case TypeKind::List: return tupleOf ? "tuple[" + element->name() + ", ...]" : "list[" + element->name() + "]";
    case TypeKind::Dict: return "dict[" + key->name() + ", " + element->name() + "]";
    case TypeKind::Iterable: return "iterable of " + element->name();
    case TypeKind::Optional: return element->name() + " | None";
    case TypeKind::Set: return "set[" + element->name() + "]";
    case TypeKind::Record: return record->name;
    case TypeKind::Exception: return exception->name;
    case TypeKind::Request: return "Request";
    case TypeKind::Response: return "Response";
    case TypeKind::Error: return "<error>";
    case TypeKind::Tuple: {
        std::string text = "tuple[";
        for (size_t i = 0; i < items.size(); ++i)
            text += (i ? ", " : "") + items[i]->name();
        return text + (items.empty() ? "()]" : "]");
    }
    }
    return "?";
}

namespace {

const Type *findPartOnce(const Type *type, const std::function<bool(const Type *)> &match,
                         std::vector<const Type *> &seen)
{
    if (!type || std::find(seen.begin(), seen.end(), type) != seen.end())
        return nullptr; // records may refer to themselves
    seen.push_back(type);
    if (match(type))
        return type;
    for (const Type *part : {type->key, type->element})
        if (const Type *found = findPartOnce(part, match, seen))
            return found;
    for (const Type *item : type->items)
        if (const Type *found = findPartOnce(item, match, seen))
            return found;
    if (type->is(TypeKind::Record) && type->record)
        for (const FieldInfo &field : type->record->fields)
            if (const Type *found = findPartOnce(field.type, match, seen))
                return found;
    return nullptr;
}

} // namespace

const Type *findPart(const Type *type, const std::function<bool(const Type *)> &match)
{
    std::vector<const Type *> seen;
    return findPartOnce(type, match, seen);
}

TypeContext::TypeContext()
    : m_int(make(TypeKind::Int)), m_float(make(TypeKind::Float)), m_bool(make(TypeKind::Bool)),
      m_str(make(TypeKind::Str)), m_none(make(TypeKind::None)), m_request(make(TypeKind::Request)),
      m_response(make(TypeKind::Response)), m_error(make(TypeKind::Error))
{
}

Type *TypeContext::make(TypeKind kind)
{
    auto type = std::make_unique<Type>();
    type->kind = kind;
    m_types.push_back(std::move(type));
    return m_types.back().get();
}

namespace {
template<typename Key, typename Make>
const Type *intern(std::map<Key, const Type *> &table, const Key &key, Make make)
{
    auto it = table.find(key);
    if (it != table.end())
        return it->second;
    const Type *type = make();
    table.emplace(key, type);
    return type;
}
} // namespace

const Type *TypeContext::list(const Type *element)
{
    return intern(m_lists, element, [&] {
        Type *t = make(TypeKind::List);
        t->element = element;
        return t;
    });
}

const Type *TypeContext::tupleOf(const Type *element)
{
    return intern(m_tupleOfs, element, [&] {
        Type *t = make(TypeKind::List);
        t->element = element;
        t->tupleOf = true;
        return t;
    });
}

const Type *TypeContext::dict(const Type *key, const Type *value)
{
    return intern(m_dicts, std::pair{key, value}, [&] {
        Type *t = make(TypeKind::Dict);
        t->key = key;
        t->element = value;
        return t;
    });
}

const Type *TypeContext::optional(const Type *type)
{
    if (type->is(TypeKind::None) || type->isOptional() || type->isError())
        return type;
    return intern(m_optionals, type, [&] {
        Type *t = make(TypeKind::Optional);
        t->element = type;
        return t;
    });
}

const Type *TypeContext::set(const Type *element)
{
    return intern(m_sets, element, [&] {
        Type *t = make(TypeKind::Set);
        t->element = element;
        return t;
    });
}

const Type *TypeContext::iterable(const Type *element)
{
    return intern(m_iterables, element, [&] {
        Type *t = make(TypeKind::Iterable);
        t->element = element;
        return t;
    });
}

const Type *TypeContext::tuple(const std::vector<const Type *> &items)
{
    return intern(m_tuples, items, [&] {
        Type *t = make(TypeKind::Tuple);
        t->items = items;
        return t;
    });
}

const Type *TypeContext::record(const RecordInfo *info)
{
    return intern(m_records, info, [&] {
        Type *t = make(TypeKind::Record);
        t->record = info;
        return t;
    });
}

const Type *TypeContext::exception(const ExceptionInfo *info)
{
    return intern(m_exceptions, info, [&] {
        Type *t = make(TypeKind::Exception);
        t->exception = info;
        return t;
    });
}

bool ExceptionInfo::isSubclassOf(const ExceptionInfo *other) const
{
    for (const ExceptionInfo *cls = this; cls; cls = cls->base)
        if (cls == other)
            return true;
    return false;
}

const ExceptionInfo *Program::findException(const std::string &name) const
{
    for (const auto &cls : exceptions)
        if (cls->name == name)
            return cls.get();
    return nullptr;
}

int RecordInfo::fieldIndex(const std::string &field) const
{
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == field)
            return static_cast<int>(i);
    }
    return -1;
}

const FunctionInfo *RecordInfo::findMethod(const std::string &name) const
{
    for (const FunctionInfo *method : methods)
        if (method->memberName == name)
            return method;
    return nullptr;
}

int FunctionInfo::paramIndex(const std::string &param) const
{
    for (size_t i = 0; i < params.size(); ++i) {
        if (params[i].name == param)
            return static_cast<int>(i);
    }
    return -1;
}

const FunctionInfo *Program::findFunction(const std::string &name) const
{
    for (const auto &function : functions) {
        if (function->name == name)
            return function.get();
    }
    return nullptr;
}

} // namespace hotpath::lang
