// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A checked program: the typed syntax tree of one handler file plus the tables the
// checker built from it (records, functions with their locals, module constants and
// HTTP endpoints). It is what the bytecode compiler, the JIT and the server consume;
// nothing downstream re-derives types or re-reads the source.

#include "hotpath/lang/Ast.h"
#include "hotpath/lang/Types.h"
#include "hotpath/support/SourceFile.h"

#include <memory>
#include <string>
#include <vector>

namespace hotpath::lang {

struct FieldInfo
{
    std::string name;
    const Type *type = nullptr;
    Span span;
    const Expr *defaultValue = nullptr;
};

struct RecordInfo
{
    std::string name;
    Span span;
    const ClassDef *decl = nullptr;
    std::vector<FieldInfo> fields;
    const Type *type = nullptr;

    int fieldIndex(const std::string &field) const;
};

struct ParamInfo
{
    std::string name;
    const Type *type = nullptr;
    Span span;
    const Expr *defaultValue = nullptr;
};

struct LocalInfo
{
    std::string name;
    const Type *type = nullptr;
    Span declaredAt;
};

enum class ParamSource : unsigned char { Path, Query, Request };
enum class ResponseKind : unsigned char { Text, Json, Response };

struct EndpointParam
{
    std::string name;
    ParamSource source = ParamSource::Query;
    const Type *type = nullptr;
    int paramIndex = 0;
    bool required = true;
    std::string converter; // Path: int, float, str or path
};

struct EndpointInfo
{
    std::vector<std::string> methods; // upper case
    std::string path;                 // as written: /fib/<int:n>
    std::string routeKey;             // variable names erased: /fib/<int>, for duplicate detection
    Span span;                        // the decorator
    const struct FunctionInfo *function = nullptr;
    std::vector<EndpointParam> params;
    ResponseKind response = ResponseKind::Json;
};

struct FunctionInfo
{
    std::string name;
    FunctionDef *decl = nullptr; // the checker annotates its body in place
    std::vector<ParamInfo> params;
    const Type *returnType = nullptr;
    std::vector<LocalInfo> locals; // parameters first, in order
    const EndpointInfo *endpoint = nullptr;

    int paramIndex(const std::string &param) const;
};

struct ConstantInfo
{
    std::string name;
    const Type *type = nullptr;
    Span span;
    const Expr *value = nullptr;
};

struct Program
{
    explicit Program(support::SourceFile f) : file(std::move(f)) {}

    support::SourceFile file;
    Module module;
    TypeContext types;
    std::vector<std::unique_ptr<RecordInfo>> records;
    std::vector<std::unique_ptr<FunctionInfo>> functions;
    std::vector<std::unique_ptr<EndpointInfo>> endpoints;
    std::vector<ConstantInfo> constants;

    const FunctionInfo *findFunction(const std::string &name) const;
};

} // namespace hotpath::lang
