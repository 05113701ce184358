// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every built-in function, method and math function of the handler language, declared
// once. The checker finds a call's entry here and records its id on the CallExpr; the
// bytecode compiler switches on that id and takes the native that implements it from
// the same declaration (vm expands the last column as a vm::Native, so a name that does
// not exist there fails to compile). Adding a built-in is one line here, its checking
// rule if the signature cannot say it, and its native.
//
// Parameters are written as Python writes them, "sep: str = None, maxsplit: int = -1",
// with these types: str, int, bool, float; T is a list's element or a dict's value; K is
// a dict's key; `iterable`, `key` (a key function) and `type` are checked by hand. A default makes a parameter
// optional and is what the compiler passes when the call leaves it out. Results: str,
// int, bool, float, None, T, list[str], set[T], iter[K], iter[T], iter[K, T] (the items
// of a dict), or `?` when the checker works it out.
//
// Flags: m = mutates its receiver (module state analysis), k = takes keyword arguments.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotpath::lang {

// X(id, name, native): the functions every module sees without an import.
#define HOTPATH_BUILTIN_FUNCTIONS(X)                                                                          \
    X(Print, "print", Count) X(Len, "len", Count) X(Range, "range", Count) X(Str, "str", to_str)             \
    X(Repr, "repr", to_repr) X(Int, "int", Count) X(Float, "float", Count) X(Bool, "bool", Count)             \
    X(Abs, "abs", Count) X(Min, "min", list_min) X(Max, "max", list_max) X(Sum, "sum", Count)                 \
    X(Round, "round", Count) X(Divmod, "divmod", Count) X(Ord, "ord", ord) X(Chr, "chr", chr)                 \
    X(Enumerate, "enumerate", Count) X(Zip, "zip", Count) X(Reversed, "reversed", Count)                     \
    X(Sorted, "sorted", list_sort) X(Any, "any", Count) X(All, "all", Count) X(List, "list", Count)             \
    X(Dict, "dict", Count) X(SetOf, "set", Count) X(Pow, "pow", pow_mod) X(Next, "next", Count)                 \
    X(TupleOf, "tuple", Count)

// X(id, receiver, name, parameters, result, flags, native): methods, and the functions of
// the math module (receiver Math).
#define HOTPATH_BUILTIN_METHODS(X)                                                                              \
    X(StrSplit, Str, "split", "sep: str = None, maxsplit: int = -1", "list[str]", "k", str_split)              \
    X(StrJoin, Str, "join", "iterable: iterable", "str", "", str_join)                                          \
    X(StrStrip, Str, "strip", "chars: str = None", "str", "", str_strip)                                        \
    X(StrLstrip, Str, "lstrip", "chars: str = None", "str", "", str_strip)                                      \
    X(StrRstrip, Str, "rstrip", "chars: str = None", "str", "", str_strip)                                      \
    X(StrUpper, Str, "upper", "", "str", "", str_upper)                                                         \
    X(StrLower, Str, "lower", "", "str", "", str_lower)                                                         \
    X(StrTitle, Str, "title", "", "str", "", str_title)                                                         \
    X(StrStartswith, Str, "startswith", "prefix: str", "bool", "", str_startswith)                              \
    X(StrEndswith, Str, "endswith", "suffix: str", "bool", "", str_endswith)                                    \
    X(StrFind, Str, "find", "sub: str, start: int = 0, end: int = 9223372036854775807", "int", "", str_find)   \
    X(StrRfind, Str, "rfind", "sub: str, start: int = 0, end: int = 9223372036854775807", "int", "", str_rfind) \
    X(StrReplace, Str, "replace", "old: str, new: str, count: int = -1", "str", "", str_replace)              \
    X(StrCount, Str, "count", "sub: str", "int", "", str_count)                                                 \
    X(StrIsdigit, Str, "isdigit", "", "bool", "", str_isdigit)                                                  \
    X(StrIsalpha, Str, "isalpha", "", "bool", "", str_isalpha)                                                  \
    X(StrIsspace, Str, "isspace", "", "bool", "", str_isspace)                                                  \
    X(StrZfill, Str, "zfill", "width: int", "str", "", str_zfill)                                               \
    X(ListAppend, List, "append", "object: T", "None", "m", Count)                                              \
    X(ListPop, List, "pop", "index: int = -1", "T", "m", list_pop)                                              \
    X(ListInsert, List, "insert", "index: int, object: T", "None", "m", list_insert)                           \
    X(ListExtend, List, "extend", "iterable: iterable", "None", "m", list_extend)                               \
    X(ListIndex, List, "index", "value: T", "int", "", list_index)                                              \
    X(ListCount, List, "count", "value: T", "int", "", list_count)                                              \
    X(ListReverse, List, "reverse", "", "None", "m", list_reverse)                                              \
    X(ListSort, List, "sort", "key: key = None, reverse: bool = 0", "None", "mk", list_sort)                   \
    X(ListClear, List, "clear", "", "None", "m", list_clear)                                                    \
    X(DictGet, Dict, "get", "key: K, default: T = absent", "?", "", dict_get_default)                           \
    X(DictKeys, Dict, "keys", "", "iter[K]", "", Count)                                                         \
    X(DictValues, Dict, "values", "", "iter[T]", "", Count)                                                     \
    X(DictItems, Dict, "items", "", "iter[K, T]", "", Count)                                                    \
    X(DictPop, Dict, "pop", "key: K, default: T = absent", "T", "m", dict_pop)                                  \
    X(DictSetdefault, Dict, "setdefault", "key: K, default: T", "T", "m", dict_setdefault)                      \
    X(DictClear, Dict, "clear", "", "None", "m", dict_clear)                                                    \
    X(SetAdd, Set, "add", "elem: T", "None", "m", set_add)                                                      \
    X(SetRemove, Set, "remove", "elem: T", "None", "m", set_remove)                                             \
    X(SetDiscard, Set, "discard", "elem: T", "None", "m", set_discard)                                          \
    X(SetPop, Set, "pop", "", "T", "m", set_pop)                                                                \
    X(SetClear, Set, "clear", "", "None", "m", set_clear)                                                       \
    X(SetUpdate, Set, "update", "iterable: iterable", "None", "m", Count)                                       \
    X(SetCopy, Set, "copy", "", "set[T]", "", set_copy)                                                         \
    X(SetUnion, Set, "union", "other: iterable", "set[T]", "", set_union)                                       \
    X(SetIntersection, Set, "intersection", "other: iterable", "set[T]", "", set_intersection)                  \
    X(SetDifference, Set, "difference", "other: iterable", "set[T]", "", set_difference)                        \
    X(SetSymmetricDifference, Set, "symmetric_difference", "other: iterable", "set[T]", "", set_symmetric_difference) \
    X(SetIssubset, Set, "issubset", "other: iterable", "bool", "", set_le)                                      \
    X(SetIssuperset, Set, "issuperset", "other: iterable", "bool", "", Count)                                   \
    X(SetIsdisjoint, Set, "isdisjoint", "other: iterable", "bool", "", set_isdisjoint)                          \
    X(RequestQuery, Request, "query", "name: str, default: str", "str", "k", dict_get_default)                 \
    X(RequestHeader, Request, "header", "name: str, default: str", "str", "k", dict_get_default)               \
    X(RequestJson, Request, "json", "type: type", "?", "", json_parse)                                          \
    X(MathSqrt, Math, "sqrt", "x: float", "float", "", math_sqrt)                                               \
    X(MathSin, Math, "sin", "x: float", "float", "", math_sin)                                                  \
    X(MathCos, Math, "cos", "x: float", "float", "", math_cos)                                                  \
    X(MathTan, Math, "tan", "x: float", "float", "", math_tan)                                                  \
    X(MathAtan2, Math, "atan2", "y: float, x: float", "float", "", math_atan2)                                  \
    X(MathExp, Math, "exp", "x: float", "float", "", math_exp)                                                  \
    X(MathLog, Math, "log", "x: float, base: float = absent", "float", "", math_log)                            \
    X(MathLog10, Math, "log10", "x: float", "float", "", math_log10)                                            \
    X(MathFloor, Math, "floor", "x: float", "int", "", math_floor)                                              \
    X(MathCeil, Math, "ceil", "x: float", "int", "", math_ceil)                                                 \
    X(MathFabs, Math, "fabs", "x: float", "float", "", math_fabs)                                               \
    X(MathPow, Math, "pow", "x: float, y: float", "float", "", math_pow)                                        \
    X(MathIsnan, Math, "isnan", "x: float", "bool", "", math_isnan)                                             \
    X(MathIsinf, Math, "isinf", "x: float", "bool", "", math_isinf)

enum class Builtin : std::uint16_t {
    None,
#define HOTPATH_BUILTIN_FUNCTION_ID(id, name, native) id,
    HOTPATH_BUILTIN_FUNCTIONS(HOTPATH_BUILTIN_FUNCTION_ID)
#undef HOTPATH_BUILTIN_FUNCTION_ID
#define HOTPATH_BUILTIN_METHOD_ID(id, receiver, name, params, result, flags, native) id,
    HOTPATH_BUILTIN_METHODS(HOTPATH_BUILTIN_METHOD_ID)
#undef HOTPATH_BUILTIN_METHOD_ID
        Count
};

// What a method is called on; Function for the built-in functions.
enum class BuiltinReceiver : std::uint8_t { Function, Str, List, Dict, Set, Request, Math };

struct BuiltinInfo
{
    Builtin id;
    BuiltinReceiver receiver;
    const char *name;       // "split"
    const char *parameters; // "sep: str = None, maxsplit: int = -1"; empty for functions
    const char *result;
    bool mutates;
    bool keywords;
};

const BuiltinInfo &builtinInfo(Builtin id);
// The function (receiver Function) or method by name; null when there is none.
const BuiltinInfo *findBuiltin(BuiltinReceiver receiver, std::string_view name);
// "len", "str.split", "math.sqrt": how messages and listings name it.
std::string builtinName(Builtin id);
const char *receiverName(BuiltinReceiver receiver);
// Every function or method of one receiver, for "did you mean" hints.
std::vector<std::string> builtinNames(BuiltinReceiver receiver);

// One parameter of a method's declaration, parsed.
struct BuiltinParameter
{
    std::string name;
    std::string type;         // as written: "str", "T", "iterable", ...
    std::string defaultValue; // as written; empty when required; "absent" when leaving it out changes what runs
};
std::vector<BuiltinParameter> builtinParameters(Builtin id);

} // namespace hotpath::lang
