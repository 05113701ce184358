// SPDX-License-Identifier: GPL-3.0-or-later
// JSON in and out, with Python's json module as the specification (see Json.h).
//
// Parsing goes through a small document tree first: a type mismatch must quote the
// offending JSON value in Python's repr ("got list [1, 2]"), which needs the value, and
// bodies are small next to the cap on a request body.
#include "hotpath/runtime/Json.h"

#include "hotpath/runtime/Context.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/support/Text.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace hotpath::runtime {

namespace {

// ---- parsing --------------------------------------------------------------------------

struct Member;

struct Node
{
    enum class Type { Null, Bool, Int, Float, String, Array, Object } type = Type::Null;
    bool boolean = false;
    std::int64_t integer = 0;
    double number = 0;
    std::string text;
    std::vector<Node> items;
    std::vector<Member> members; // in order; a repeated key keeps the last value
};

// A named struct, not std::pair: a pair of an incomplete Node is ill-formed (libc++ and
// clang reject it), a vector of an incomplete struct is not.
struct Member
{
    std::string first; // the key
    Node second;       // the value
};

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    bool parse(Node &root)
    {
        skipSpace();
        if (!value(root, 0))
            return false;
        skipSpace();
        if (m_at != m_text.size())
            return fail("Extra data", m_at);
        return true;
    }

    const std::string &error() const { return m_error; }

private:
    static constexpr int maxNesting = 200;

    // json.loads' messages: "Expecting value: line 1 column 5 (char 4)"; columns and
    // offsets count code points.
    bool fail(const char *what, std::size_t at)
    {
        std::size_t line = 1, column = 1, chars = 0, i = 0;
        while (i < at && i < m_text.size()) {
            const char c = m_text[i];
            support::decodeUtf8(m_text, i);
            ++chars;
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        m_error = std::string(what) + ": line " + std::to_string(line) + " column " + std::to_string(column) + " (char "
            + std::to_string(chars) + ")";
        return false;
    }

    void skipSpace()
    {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' || m_text[m_at] == '\n' || m_text[m_at] == '\r'))
            ++m_at;
    }

    bool literal(std::string_view word)
    {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    bool value(Node &node, int depth)
    {
        if (depth > maxNesting)
            return fail("Nesting too deep", m_at);
        if (m_at >= m_text.size())
            return fail("Expecting value", m_at);
        const char c = m_text[m_at];
        if (c == '{')
            return object(node, depth);
        if (c == '[')
            return array(node, depth);
        if (c == '"') {
            node.type = Node::Type::String;
            return string(node.text);
        }
        if (literal("null")) {
            node.type = Node::Type::Null;
            return true;
        }
        if (literal("true") || literal("false")) {
            node.type = Node::Type::Bool;
            node.boolean = c == 't';
            return true;
        }
        if (literal("NaN")) {
            node.type = Node::Type::Float;
            node.number = std::nan("");
            return true;
        }
        if (literal("Infinity") || literal("-Infinity")) {
            node.type = Node::Type::Float;
            node.number = c == '-' ? -INFINITY : INFINITY;
            return true;
        }
        return number(node);
    }

    bool number(Node &node)
    {
        const std::size_t start = m_at;
        std::size_t i = m_at;
        if (i < m_text.size() && m_text[i] == '-')
            ++i;
        if (i >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[i])))
            return fail("Expecting value", start);
        if (m_text[i] == '0')
            ++i;
        else
            while (i < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[i])))
                ++i;
        bool isFloat = false;
        if (i + 1 < m_text.size() && m_text[i] == '.' && std::isdigit(static_cast<unsigned char>(m_text[i + 1]))) {
            isFloat = true;
            i += 2;
            while (i < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[i])))
                ++i;
        }
        if (i < m_text.size() && (m_text[i] == 'e' || m_text[i] == 'E')) {
            std::size_t j = i + 1;
            if (j < m_text.size() && (m_text[j] == '+' || m_text[j] == '-'))
                ++j;
            if (j < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[j]))) {
                isFloat = true;
                i = j;
                while (i < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[i])))
                    ++i;
            }
        }
        const char *first = m_text.data() + start;
        const char *last = m_text.data() + i;
        m_at = i;
        if (!isFloat) {
            node.type = Node::Type::Int;
            if (std::from_chars(first, last, node.integer).ec == std::errc())
                return true;
            // Python's ints have no bound; Hotpath's do.
            m_error = "integer out of the 64-bit range: " + std::string(first, last);
            return false;
        }
        node.type = Node::Type::Float;
        // Out of range, from_chars leaves the value alone; strtod gives what float() does:
        // -1e400 is -inf, 1e-400 is 0.0 and -1e-400 is -0.0.
        if (std::from_chars(first, last, node.number).ec != std::errc())
            node.number = std::strtod(std::string(first, last).c_str(), nullptr);
        return true;
    }

    bool hex4(std::size_t at, std::uint32_t &out)
    {
        if (at + 4 > m_text.size())
            return false;
        out = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = m_text[at + k];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    bool string(std::string &out)
    {
        const std::size_t start = m_at;
        ++m_at;
        while (true) {
            if (m_at >= m_text.size())
                return fail("Unterminated string starting at", start);
            const char c = m_text[m_at];
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("Invalid control character at", m_at);
            if (c != '\\') {
                out += c;
                ++m_at;
                continue;
            }
            const std::size_t escape = m_at;
            if (m_at + 1 >= m_text.size())
                return fail("Unterminated string starting at", start);
            const char e = m_text[m_at + 1];
            m_at += 2;
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(m_at, cp))
                    return fail("Invalid \\uXXXX escape", escape);
                m_at += 4;
                std::uint32_t low = 0;
                if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(m_at, 2) == "\\u" && hex4(m_at + 2, low) && low >= 0xDC00
                    && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    m_at += 6;
                }
                support::appendUtf8(out, cp);
                break;
            }
            default: return fail("Invalid \\escape", escape);
            }
        }
    }

    bool array(Node &node, int depth)
    {
        node.type = Node::Type::Array;
        ++m_at;
        skipSpace();
        if (m_at < m_text.size() && m_text[m_at] == ']') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            node.items.emplace_back();
            if (!value(node.items.back(), depth + 1))
                return false;
            skipSpace();
            if (m_at < m_text.size() && m_text[m_at] == ']') {
                ++m_at;
                return true;
            }
            if (m_at >= m_text.size() || m_text[m_at] != ',')
                return fail("Expecting ',' delimiter", m_at);
            ++m_at;
        }
    }

    bool object(Node &node, int depth)
    {
        node.type = Node::Type::Object;
        ++m_at;
        skipSpace();
        if (m_at < m_text.size() && m_text[m_at] == '}') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_at >= m_text.size() || m_text[m_at] != '"')
                return fail("Expecting property name enclosed in double quotes", m_at);
            std::string key;
            if (!string(key))
                return false;
            skipSpace();
            if (m_at >= m_text.size() || m_text[m_at] != ':')
                return fail("Expecting ':' delimiter", m_at);
            ++m_at;
            skipSpace();
            Node item;
            if (!value(item, depth + 1))
                return false;
            bool replaced = false;
            for (auto &member : node.members)
                if (member.first == key) {
                    member.second = std::move(item);
                    replaced = true;
                    break;
                }
            if (!replaced)
                node.members.push_back({std::move(key), std::move(item)});
            skipSpace();
            if (m_at < m_text.size() && m_text[m_at] == '}') {
                ++m_at;
                return true;
            }
            if (m_at >= m_text.size() || m_text[m_at] != ',')
                return fail("Expecting ',' delimiter", m_at);
            ++m_at;
        }
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    std::string m_error;
};

// Python's type(value).__name__ and repr(value) for a decoded JSON value.
const char *pythonTypeName(const Node &node)
{
    switch (node.type) {
    case Node::Type::Null: return "NoneType";
    case Node::Type::Bool: return "bool";
    case Node::Type::Int: return "int";
    case Node::Type::Float: return "float";
    case Node::Type::String: return "str";
    case Node::Type::Array: return "list";
    case Node::Type::Object: return "dict";
    }
    return "object";
}

void appendPythonRepr(std::string &out, const Node &node)
{
    switch (node.type) {
    case Node::Type::Null: out += "None"; break;
    case Node::Type::Bool: out += node.boolean ? "True" : "False"; break;
    case Node::Type::Int: appendIntDecimal(out, node.integer); break;
    case Node::Type::Float: appendFloatRepr(out, node.number); break;
    case Node::Type::String: appendStrRepr(out, node.text); break;
    case Node::Type::Array:
        out += '[';
        for (std::size_t k = 0; k < node.items.size(); ++k) {
            if (k)
                out += ", ";
            appendPythonRepr(out, node.items[k]);
        }
        out += ']';
        break;
    case Node::Type::Object:
        out += '{';
        for (std::size_t k = 0; k < node.members.size(); ++k) {
            if (k)
                out += ", ";
            appendStrRepr(out, node.members[k].first);
            out += ": ";
            appendPythonRepr(out, node.members[k].second);
        }
        out += '}';
        break;
    }
}

class Converter
{
public:
    // A field(default_factory=...) left out of the body: a new empty list, dict or set, or
    // a record made from {} (its own defaults).
    bool makeEmpty(const TypeDesc *type, const std::string &where, Slot &out)
    {
        switch (type->kind) {
        case Kind::List: out.p = newList(type, 0); break;
        case Kind::Dict: out.p = newDict(type); break;
        case Kind::Set: out.p = newSet(type); break;
        case Kind::Record: {
            Node empty;
            empty.type = Node::Type::Object;
            return convert(empty, type, where, out);
        }
        default: out.i = 0; return true;
        }
        return out.p != nullptr;
    }

    // Builds a value of `type` from `node`; false (ValueError raised) when it does not fit.
    bool convert(const Node &node, const TypeDesc *type, const std::string &where, Slot &out)
    {
        switch (type->kind) {
        case Kind::Bool:
            if (node.type != Node::Type::Bool)
                return mismatch(node, "bool", where);
            out.i = node.boolean;
            return true;
        case Kind::Int:
            if (node.type != Node::Type::Int)
                return mismatch(node, "int", where);
            out.i = node.integer;
            return true;
        case Kind::Float:
            if (node.type == Node::Type::Int)
                out.f = static_cast<double>(node.integer);
            else if (node.type == Node::Type::Float)
                out.f = node.number;
            else
                return mismatch(node, "float", where);
            return true;
        case Kind::Str:
            if (node.type != Node::Type::String)
                return mismatch(node, "str", where);
            out.p = newStr(node.text);
            return out.p != nullptr;
        case Kind::List: {
            if (node.type != Node::Type::Array)
                return mismatch(node, "list", where);
            List *list = newList(type, 0, static_cast<std::int64_t>(node.items.size()));
            if (!list)
                return false;
            out.p = list;
            for (std::size_t k = 0; k < node.items.size(); ++k) {
                Slot item{0};
                if (!convert(node.items[k], type->element, where + "[" + std::to_string(k) + "]", item)) {
                    releaseSlot(item, type->element);
                    return false;
                }
                hp_list_append(list, item);
                releaseSlot(item, type->element);
            }
            return true;
        }
        case Kind::Dict: {
            if (node.type != Node::Type::Object || type->key->kind != Kind::Str) // the checker allows str keys only
                return mismatch(node, "object", where);
            Dict *dict = newDict(type);
            if (!dict)
                return false;
            out.p = dict;
            for (const auto &[key, item] : node.members) {
                Slot value{0};
                if (!convert(item, type->element, where + "." + key, value)) {
                    releaseSlot(value, type->element);
                    return false;
                }
                Str *name = newStr(key);
                if (!name) {
                    releaseSlot(value, type->element);
                    return false;
                }
                hp_dict_set(dict, Slot{.p = name}, value);
                release(name);
                releaseSlot(value, type->element);
            }
            return true;
        }
        case Kind::Tuple: {
            if (node.type != Node::Type::Array || node.items.size() != type->count)
                return mismatch(node, "array of " + std::to_string(type->count), where);
            Tuple *tuple = newTuple(type);
            if (!tuple)
                return false;
            out.p = tuple;
            for (std::uint32_t k = 0; k < type->count; ++k)
                if (!convert(node.items[k], type->items[k], where + "[" + std::to_string(k) + "]", tuple->items()[k]))
                    return false;
            return true;
        }
        case Kind::Record: {
            if (node.type != Node::Type::Object)
                return mismatch(node, std::string(type->name) + " object", where);
            Tuple *record = newTuple(type);
            if (!record)
                return false;
            record->kind = ObjectKind::Record;
            out.p = record;
            for (std::uint32_t k = 0; k < type->count; ++k) {
                const Node *field = nullptr;
                for (const auto &member : node.members)
                    if (member.first == type->fieldNames[k])
                        field = &member.second;
                if (field) {
                    if (!convert(*field, type->items[k], where + "." + type->fieldNames[k], record->items()[k]))
                        return false;
                } else if (type->defaults && type->defaults[k]) {
                    record->items()[k] = *type->defaults[k];
                    retainSlot(record->items()[k], type->items[k]);
                } else if (type->factories && type->factories[k]) {
                    if (!makeEmpty(type->items[k], where + "." + type->fieldNames[k], record->items()[k]))
                        return false;
                } else if (type->items[k]->kind == Kind::Optional) {
                    record->items()[k].p = nullptr; // a partial update leaves an Optional field out: None
                } else {
                    raiseOnCurrent(ErrorKind::ValueError, where + ": missing field '" + type->fieldNames[k] + "' for " + type->name);
                    return false;
                }
            }
            return true;
        }
        case Kind::Optional: {
            if (node.type == Node::Type::Null) {
                out.p = nullptr;
                return true;
            }
            Slot inner{0};
            if (!convert(node, type->element, where, inner)) {
                releaseSlot(inner, type->element);
                return false;
            }
            out.p = hp_box(inner, type);
            return out.p != nullptr;
        }
        case Kind::None:
        case Kind::Set:
        case Kind::Exception: break;
        }
        raiseOnCurrent(ErrorKind::ValueError, where + ": this type cannot be read from JSON");
        return false;
    }

private:
    bool mismatch(const Node &node, const std::string &expected, const std::string &where)
    {
        std::string message = where + ": expected " + expected + ", got " + pythonTypeName(node) + " ";
        appendPythonRepr(message, node);
        raiseOnCurrent(ErrorKind::ValueError, std::move(message));
        return false;
    }
};

} // namespace

void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    static const char hex[] = "0123456789abcdef";
    std::size_t at = 0;
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x80) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
            }
            ++at;
            continue;
        }
        const std::size_t start = at;
        const std::uint32_t cp = support::decodeUtf8(text, at);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            // A lone surrogate is not UTF-8: escape it, as json.dumps does with ensure_ascii.
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(cp >> shift) & 15];
        } else if (cp == 0xFFFD && at - start == 1) {
            out += "\xEF\xBF\xBD"; // a stray byte (no str should hold one): U+FFFD, never broken UTF-8
        } else {
            out.append(text.substr(start, at - start));
        }
    }
    out += '"';
}

namespace {

// An object key as json.dumps writes it: a str as it is; an int, float, bool or None as
// its JSON text, quoted ({1: "a"} gives {"1": "a"}). The checker lets no other key type
// reach a JSON answer.
void appendJsonKey(std::string &out, Slot key, const TypeDesc *type)
{
    if (type->kind == Kind::Str) {
        appendJsonString(out, view(static_cast<const Str *>(key.p)));
        return;
    }
    std::string text;
    appendJson(text, key, type);
    out += '"';
    out += text;
    out += '"';
}

} // namespace

void appendJson(std::string &out, Slot value, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int: appendIntDecimal(out, value.i); return;
    case Kind::Bool: out += value.i ? "true" : "false"; return;
    case Kind::Float:
        if (std::isnan(value.f))
            out += "NaN";
        else if (std::isinf(value.f))
            out += value.f > 0 ? "Infinity" : "-Infinity";
        else
            appendFloatRepr(out, value.f);
        return;
    case Kind::Str: appendJsonString(out, view(static_cast<const Str *>(value.p))); return;
    case Kind::List: {
        const auto *list = static_cast<const List *>(value.p);
        out += '[';
        for (std::int64_t k = 0; k < list->size; ++k) {
            if (k)
                out += ',';
            appendJson(out, list->items[k], type->element);
        }
        out += ']';
        return;
    }
    case Kind::Dict: {
        const auto *dict = static_cast<const Dict *>(value.p);
        out += '{';
        bool first = true;
        for (std::int64_t k = 0; k < dict->used; ++k) {
            const DictEntry &entry = dict->entries[k];
            if (!entry.live())
                continue;
            if (!first)
                out += ',';
            first = false;
            appendJsonKey(out, entry.key, type->key);
            out += ':';
            appendJson(out, entry.value, type->element);
        }
        out += '}';
        return;
    }
    case Kind::Tuple:
    case Kind::Record: {
        const auto *tuple = static_cast<const Tuple *>(value.p);
        const bool record = type->kind == Kind::Record;
        out += record ? '{' : '[';
        for (std::uint32_t k = 0; k < type->count; ++k) {
            if (k)
                out += ',';
            if (record) {
                appendJsonString(out, type->fieldNames[k]);
                out += ':';
            }
            appendJson(out, tuple->items()[k], type->items[k]);
        }
        out += record ? '}' : ']';
        return;
    }
    case Kind::None: out += "null"; return;
    case Kind::Optional:
        if (!value.p)
            out += "null";
        else
            appendJson(out, unwrapOptional(value, type), type->element);
        return;
    case Kind::Set:
    case Kind::Exception: out += "null"; return; // the checker keeps sets and exceptions out of JSON
    }
}

extern "C" Slot hp_json_parse(Str *text, const TypeDesc *type)
{
    // A body that is not JSON or does not fit the type is the client's mistake: the
    // server answers 400 instead of 500 (under Flask it is a ValueError either way).
    if (Context *context = Context::current())
        context->setBlameRequest(true);
    Node root;
    Parser parser(view(text));
    if (!parser.parse(root)) {
        raiseOnCurrent(ErrorKind::ValueError, parser.error());
        return Slot{0};
    }
    Slot out{0};
    const bool fits = Converter().convert(root, type, "$", out);
    if (Context *context = Context::current())
        context->setBlameRequest(false);
    if (!fits) {
        // A partly built value is released whole; its unset slots are zero.
        releaseSlot(out, type);
        return Slot{0};
    }
    return out;
}

} // namespace hotpath::runtime
