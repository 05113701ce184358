// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in table (Builtins.h) as data: lookup by name and the parsed parameters.
#include "hotpath/lang/Builtins.h"

#include <array>
#include <stdexcept>

namespace hotpath::lang {

namespace {

constexpr bool hasFlag(const char *flags, char flag)
{
    for (const char *p = flags; *p; ++p)
        if (*p == flag)
            return true;
    return false;
}

constexpr std::array<BuiltinInfo, static_cast<std::size_t>(Builtin::Count)> table = {{
    {Builtin::None, BuiltinReceiver::Function, "", "", "", false, false},
#define HOTPATH_BUILTIN_FUNCTION_INFO(id, name, native) {Builtin::id, BuiltinReceiver::Function, name, "", "?", false, false},
    HOTPATH_BUILTIN_FUNCTIONS(HOTPATH_BUILTIN_FUNCTION_INFO)
#undef HOTPATH_BUILTIN_FUNCTION_INFO
#define HOTPATH_BUILTIN_METHOD_INFO(id, receiver, name, params, result, flags, native)                                  \
    {Builtin::id, BuiltinReceiver::receiver, name, params, result, hasFlag(flags, 'm'), hasFlag(flags, 'k')},
    HOTPATH_BUILTIN_METHODS(HOTPATH_BUILTIN_METHOD_INFO)
#undef HOTPATH_BUILTIN_METHOD_INFO
}};

// The table is indexed by id: this holds as long as each row is where its id says.
constexpr bool tableInIdOrder()
{
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(table[i].id) != i)
            return false;
    return true;
}
static_assert(tableInIdOrder());

std::string trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(' ');
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(' ');
    return std::string(text.substr(begin, end - begin + 1));
}

} // namespace

const BuiltinInfo &builtinInfo(Builtin id) { return table.at(static_cast<std::size_t>(id)); }

const BuiltinInfo *findBuiltin(BuiltinReceiver receiver, std::string_view name)
{
    for (const BuiltinInfo &info : table)
        if (info.id != Builtin::None && info.receiver == receiver && name == info.name)
            return &info;
    return nullptr;
}

const char *receiverName(BuiltinReceiver receiver)
{
    switch (receiver) {
    case BuiltinReceiver::Function: return "";
    case BuiltinReceiver::Str: return "str";
    case BuiltinReceiver::List: return "list";
    case BuiltinReceiver::Dict: return "dict";
    case BuiltinReceiver::Set: return "set";
    case BuiltinReceiver::Request: return "Request";
    case BuiltinReceiver::Math: return "math";
    }
    return "";
}

std::string builtinName(Builtin id)
{
    const BuiltinInfo &info = builtinInfo(id);
    if (info.receiver == BuiltinReceiver::Function)
        return info.name;
    return std::string(receiverName(info.receiver)) + "." + info.name;
}

std::vector<std::string> builtinNames(BuiltinReceiver receiver)
{
    std::vector<std::string> names;
    for (const BuiltinInfo &info : table)
        if (info.id != Builtin::None && info.receiver == receiver)
            names.emplace_back(info.name);
    return names;
}

std::vector<BuiltinParameter> builtinParameters(Builtin id)
{
    std::vector<BuiltinParameter> params;
    std::string_view text = builtinInfo(id).parameters;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const auto colon = item.find(':');
        const auto equals = item.find('=');
        if (colon == std::string_view::npos)
            throw std::logic_error("builtin parameter without a type: " + std::string(item));
        BuiltinParameter param;
        param.name = trimmed(item.substr(0, colon));
        param.type = trimmed(item.substr(colon + 1, equals == std::string_view::npos ? std::string_view::npos : equals - colon - 1));
        if (equals != std::string_view::npos)
            param.defaultValue = trimmed(item.substr(equals + 1));
        params.push_back(std::move(param));
    }
    return params;
}

} // namespace hotpath::lang
