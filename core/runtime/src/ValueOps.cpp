// SPDX-License-Identifier: GPL-3.0-or-later
// Operations on values of any type (equality, ordering, truthiness, len, str/repr) and
// the conversions int(), float() with CPython's error messages.
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/runtime/Unicode.h"
#include "hotpath/support/Text.h"

#include <charconv>
#include <cstring>
#include <cmath>

namespace hotpath::runtime {

namespace {

// Python's int() and float() accept decimal digits of any script; they read as ASCII.
std::string asciiDigits(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const char32_t cp = support::decodeUtf8(text, i);
        const int digit = cp >= 0x80 ? decimalValue(cp) : -1;
        if (digit >= 0)
            out += static_cast<char>('0' + digit);
        else
            out.append(text.substr(start, i - start));
    }
    return out;
}

std::string_view trimSpace(std::string_view text)
{
    auto spaceAt = [&](size_t at) {
        size_t i = at;
        return isSpace(support::decodeUtf8(text, i));
    };
    while (!text.empty() && spaceAt(0)) {
        size_t i = 0;
        support::decodeUtf8(text, i);
        text.remove_prefix(i);
    }
    while (!text.empty()) {
        size_t start = text.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
            --start;
        if (!spaceAt(start))
            break;
        text.remove_suffix(text.size() - start);
    }
    return text;
}

// Removes single underscores between digits; false if underscores are misplaced.
bool stripUnderscores(std::string_view text, std::string &out, bool (*isDigitChar)(char))
{
    out.clear();
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
            if (i == 0 || i + 1 >= text.size() || !isDigitChar(text[i - 1]) || !isDigitChar(text[i + 1]))
                return false;
            continue;
        }
        out += text[i];
    }
    return true;
}

} // namespace

extern "C" {

bool hp_equal(Slot a, Slot b, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int:
    case Kind::Bool: return a.i == b.i;
    case Kind::Float: return a.f == b.f;
    case Kind::None: return true;
    case Kind::Exception: return a.p == b.p; // as in Python: by identity
    case Kind::Optional:
        if (!a.p || !b.p)
            return !a.p && !b.p;
        return hp_equal(unwrapOptional(a, type), unwrapOptional(b, type), type->element);
    case Kind::Set: {
        auto *x = static_cast<Set *>(a.p);
        auto *y = static_cast<Set *>(b.p);
        return x->used == y->used && hp_set_is_subset(x, y);
    }
    case Kind::Str: return hp_str_equal(static_cast<Str *>(a.p), static_cast<Str *>(b.p));
    case Kind::List: {
        const auto *x = static_cast<List *>(a.p);
        const auto *y = static_cast<List *>(b.p);
        if (x->size != y->size)
            return false;
        for (std::int64_t i = 0; i < x->size; ++i)
            if (!hp_equal(x->items[i], y->items[i], type->element))
                return false;
        return true;
    }
    case Kind::Tuple:
    case Kind::Record: {
        const auto *x = static_cast<Tuple *>(a.p);
        const auto *y = static_cast<Tuple *>(b.p);
        for (std::uint32_t i = 0; i < type->count; ++i)
            if (!hp_equal(x->items()[i], y->items()[i], type->items[i]))
                return false;
        return true;
    }
    case Kind::Dict: {
        const auto *x = static_cast<Dict *>(a.p);
        auto *y = static_cast<Dict *>(b.p);
        if (x->size != y->size)
            return false;
        for (std::int64_t i = 0; i < x->used; ++i) {
            const DictEntry &entry = x->entries[i];
            if (!entry.live())
                continue;
            Slot other{0};
            if (!hp_dict_lookup(y, entry.key, &other) || !hp_equal(entry.value, other, type->element))
                return false;
        }
        return true;
    }
    }
    return false;
}

std::int64_t hp_compare(Slot a, Slot b, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int:
    case Kind::Bool: return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    case Kind::Float: return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
    case Kind::Str: return hp_str_compare(static_cast<Str *>(a.p), static_cast<Str *>(b.p));
    case Kind::List: {
        const auto *x = static_cast<List *>(a.p);
        const auto *y = static_cast<List *>(b.p);
        for (std::int64_t i = 0; i < x->size && i < y->size; ++i)
            if (!hp_equal(x->items[i], y->items[i], type->element))
                return hp_compare(x->items[i], y->items[i], type->element);
        return x->size < y->size ? -1 : x->size > y->size ? 1 : 0;
    }
    case Kind::Tuple: {
        const auto *x = static_cast<Tuple *>(a.p);
        const auto *y = static_cast<Tuple *>(b.p);
        for (std::uint32_t i = 0; i < type->count; ++i)
            if (!hp_equal(x->items()[i], y->items()[i], type->items[i]))
                return hp_compare(x->items()[i], y->items()[i], type->items[i]);
        return 0;
    }
    default: return 0; // the checker rejects ordering of other types
    }
}

bool hp_truthy(Slot value, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int:
    case Kind::Bool: return value.i != 0;
    case Kind::Float: return value.f != 0;
    case Kind::None: return false;
    case Kind::Optional: return value.p && hp_truthy(unwrapOptional(value, type), type->element);
    case Kind::Set: return static_cast<Set *>(value.p)->used != 0;
    case Kind::Str: return static_cast<Str *>(value.p)->length != 0;
    case Kind::List: return static_cast<List *>(value.p)->size != 0;
    case Kind::Dict: return static_cast<Dict *>(value.p)->size != 0;
    case Kind::Tuple: return type->count != 0;
    case Kind::Record:
    case Kind::Exception: return true;
    }
    return true;
}

void *hp_box(Slot value, const TypeDesc *optional)
{
    if (!optional->boxesScalar())
        return value.p;
    Tuple *box = newTuple(optional->items[0]);
    if (box)
        box->items()[0] = value;
    return box;
}

std::int64_t hp_len(Slot value, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Str: return static_cast<Str *>(value.p)->codePoints;
    case Kind::List: return static_cast<List *>(value.p)->size;
    case Kind::Dict: return static_cast<Dict *>(value.p)->size;
    case Kind::Set: return static_cast<Set *>(value.p)->used;
    case Kind::Tuple: return type->count;
    default: return 0;
    }
}

Str *hp_to_str(Slot value, const TypeDesc *type)
{
    if (type->kind == Kind::Str) {
        retain(value.p);
        return static_cast<Str *>(value.p);
    }
    if (type->kind == Kind::Int) { // the common case, without a std::string in between
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value.i).ptr;
        const auto length = static_cast<std::int64_t>(end - buffer);
        // Spare room: `str(i) + ","` then appends in place without a reallocation.
        Str *s = newStrWithCapacity(length + 16);
        if (!s)
            return nullptr;
        std::memcpy(s->data(), buffer, static_cast<size_t>(length));
        s->length = length;
        s->codePoints = length;
        s->data()[length] = '\0';
        return s;
    }
    std::string text;
    appendStr(text, value, type);
    return newStr(text);
}

Str *hp_to_repr(Slot value, const TypeDesc *type)
{
    std::string text;
    appendRepr(text, value, type);
    return newStr(text);
}

// int(text, base): Python's rules for whitespace, sign, underscores and prefixes.
std::int64_t hp_int_from_str(Str *s, std::int64_t base)
{
    const auto invalid = [&] {
        // CPython formats it with %.200R: the repr, cut after 200 characters.
        std::string repr;
        appendStrRepr(repr, view(s));
        std::size_t end = 0;
        for (int characters = 0; characters < 200 && end < repr.size(); ++characters)
            support::decodeUtf8(repr, end);
        raiseOnCurrent(ErrorKind::ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + repr.substr(0, end));
        return std::int64_t{0};
    };
    if (base != 0 && (base < 2 || base > 36)) {
        raiseOnCurrent(ErrorKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
        return 0;
    }
    const std::string normalized = asciiDigits(trimSpace(view(s)));
    std::string_view text = normalized;
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    int radix = static_cast<int>(base);
    if (text.size() >= 2 && text[0] == '0') {
        const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
        const int prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefixed && (base == 0 || base == prefixed)) {
            radix = prefixed;
            text.remove_prefix(2);
            if (!text.empty() && text[0] == '_')
                text.remove_prefix(1);
        }
    }
    if (radix == 0) {
        radix = 10;
        if (text.size() > 1 && text[0] == '0' && text.find_first_not_of("0_") != std::string_view::npos)
            return invalid(); // base 0 forbids leading zeros, as Python does
    }
    std::string digits;
    if (text.empty() || !stripUnderscores(text, digits, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }))
        return invalid();
    std::uint64_t magnitude = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, radix);
    if (result.ptr != digits.data() + digits.size())
        return invalid();
    const std::uint64_t limit = negative ? (1ULL << 63) : (1ULL << 63) - 1;
    if (result.ec == std::errc::result_out_of_range || magnitude > limit) {
        raiseOnCurrent(ErrorKind::OverflowError, "int too large to convert to a 64-bit integer");
        return 0;
    }
    return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
}

double hp_float_from_str(Str *s)
{
    const auto invalid = [&] {
        std::string text = "could not convert string to float: ";
        appendStrRepr(text, view(s));
        raiseOnCurrent(ErrorKind::ValueError, text);
        return 0.0;
    };
    const std::string normalized = asciiDigits(trimSpace(view(s)));
    std::string_view text = normalized;
    std::string body;
    bool negative = false;
    std::string_view unsigned_ = text;
    if (!unsigned_.empty() && (unsigned_[0] == '+' || unsigned_[0] == '-')) {
        negative = unsigned_[0] == '-';
        unsigned_.remove_prefix(1);
    }
    std::string lower(unsigned_);
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "inf" || lower == "infinity")
        return negative ? -INFINITY : INFINITY;
    if (lower == "nan")
        return negative ? -NAN : NAN;
    if (unsigned_.empty() || !stripUnderscores(unsigned_, body, [](char c) { return c >= '0' && c <= '9'; }))
        return invalid();
    if (body.find_first_not_of("0123456789.eE+-") != std::string::npos || body[0] == '+' || body[0] == '-')
        return invalid();
    double value = 0;
    const auto result = std::from_chars(body.data(), body.data() + body.size(), value);
    if (result.ptr != body.data() + body.size()) {
        if (result.ec == std::errc::result_out_of_range)
            value = HUGE_VAL;
        else
            return invalid();
    }
    if (result.ec == std::errc::result_out_of_range) {
        // from_chars reports overflow and underflow alike; Python gives inf or 0.0.
        const size_t e = body.find_first_of("eE");
        const bool tiny = e != std::string::npos && body.find('-', e) != std::string::npos;
        value = tiny ? 0.0 : HUGE_VAL;
    }
    return negative ? -value : value;
}

std::int64_t hp_int_from_float(double value)
{
    if (std::isnan(value)) {
        raiseOnCurrent(ErrorKind::ValueError, "cannot convert float NaN to integer");
        return 0;
    }
    if (std::isinf(value)) {
        raiseOnCurrent(ErrorKind::OverflowError, "cannot convert float infinity to integer");
        return 0;
    }
    const double truncated = std::trunc(value);
    if (truncated >= 9223372036854775808.0 || truncated < -9223372036854775808.0) {
        raiseOnCurrent(ErrorKind::OverflowError, "int too large to convert to a 64-bit integer");
        return 0;
    }
    return static_cast<std::int64_t>(truncated);
}

} // extern "C"

} // namespace hotpath::runtime
