// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Static types of the handler language. Types are interned by a TypeContext, so two
// types are equal exactly when their pointers are equal. `Error` is the type of an
// expression that already produced a diagnostic: every rule accepts it silently, which
// is what keeps one mistake from cascading into a dozen messages.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hotpath::lang {

struct RecordInfo;
struct ExceptionInfo;

enum class TypeKind : unsigned char {
    Int, Float, Bool, Str, None, List, Dict, Tuple, Record, Request, Response,
    Iterable, // range(), d.items(), enumerate(), zip(), reversed(): usable only where iterated
    Optional, // T | None: element is T (never None or Optional itself)
    Set,      // set[T]: element is T, a hashable type
    Exception, // an exception object of a class (built-in or the program's) or a subclass
    Error,
};

class Type
{
public:
    TypeKind kind;
    const Type *element = nullptr;  // List element, Dict value, Iterable element, Optional's T
    const Type *key = nullptr;      // Dict key: a hashable type
    // A List that is a tuple[T, ...]: any number of Ts, laid out as a list that nothing
    // changes. It reads as a list (index, slice, iterate, len, in) and prints, compares and
    // hashes as a tuple.
    bool tupleOf = false;
    std::vector<const Type *> items; // Tuple
    const RecordInfo *record = nullptr;
    const ExceptionInfo *exception = nullptr;

    bool is(TypeKind k) const { return kind == k; }
    bool isError() const { return kind == TypeKind::Error; }
    bool isNumeric() const { return kind == TypeKind::Int || kind == TypeKind::Float || kind == TypeKind::Bool; }
    bool isIntLike() const { return kind == TypeKind::Int || kind == TypeKind::Bool; }
    bool isOptional() const { return kind == TypeKind::Optional; }
    bool isMutableList() const { return kind == TypeKind::List && !tupleOf; }
    std::string name() const; // as Python spells it: list[int], dict[str, float], Point
};

// The first part of `type` (itself, an element, key, item or dataclass field, searched
// depth-first) for which `match` is true, or null.
const Type *findPart(const Type *type, const std::function<bool(const Type *)> &match);

class TypeContext
{
public:
    TypeContext();
    TypeContext(const TypeContext &) = delete;
    TypeContext &operator=(const TypeContext &) = delete;

    const Type *intType() const { return m_int; }
    const Type *floatType() const { return m_float; }
    const Type *boolType() const { return m_bool; }
    const Type *strType() const { return m_str; }
    const Type *noneType() const { return m_none; }
    const Type *requestType() const { return m_request; }
    const Type *responseType() const { return m_response; }
    const Type *errorType() const { return m_error; }

    const Type *list(const Type *element);
    const Type *tupleOf(const Type *element); // tuple[T, ...]
    const Type *dict(const Type *key, const Type *value);
    const Type *iterable(const Type *element);
    // T | None; None stays None, an Optional stays as it is.
    const Type *optional(const Type *type);
    const Type *set(const Type *element);
    const Type *tuple(const std::vector<const Type *> &items);
    const Type *record(const RecordInfo *record);
    const Type *exception(const ExceptionInfo *exception);

private:
    Type *make(TypeKind kind);

    std::vector<std::unique_ptr<Type>> m_types;
    std::map<const Type *, const Type *> m_lists, m_tupleOfs, m_iterables, m_optionals, m_sets;
    std::map<std::pair<const Type *, const Type *>, const Type *> m_dicts;
    std::map<std::vector<const Type *>, const Type *> m_tuples;
    std::map<const RecordInfo *, const Type *> m_records;
    std::map<const ExceptionInfo *, const Type *> m_exceptions;
    const Type *m_int, *m_float, *m_bool, *m_str, *m_none, *m_request, *m_response, *m_error;
};

} // namespace hotpath::lang
