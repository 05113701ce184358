// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Format.h"

#include "hotpath/runtime/Exceptions.h"

#include "hotpath/runtime/Heap.h"
#include "hotpath/support/Text.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace hotpath::runtime {

namespace {

// Shortest round-trip digits and decimal exponent: value = 0.d1d2d3... * 10^(exponent+1),
// i.e. exponent is the position of the first digit as in scientific notation.
struct Digits
{
    std::string digits;
    int exponent = 0;
};

Digits shortestDigits(double magnitude)
{
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific);
    const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
    const size_t e = text.find('e');
    Digits d;
    for (char c : text.substr(0, e))
        if (c != '.')
            d.digits += c;
    std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), d.exponent);
    while (d.digits.size() > 1 && d.digits.back() == '0')
        d.digits.pop_back();
    return d;
}

void appendExponent(std::string &out, int exponent, char letter)
{
    out += letter;
    out += exponent < 0 ? '-' : '+';
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10)
        out += '0';
    out += std::to_string(magnitude);
}

} // namespace

// repr(float): CPython's 'r' mode. Fixed notation for 1e-4 <= |x| < 1e16, else
// scientific with at least two exponent digits; integral values keep ".0".
void appendFloatRepr(std::string &out, double value)
{
    if (std::isnan(value)) {
        out += "nan";
        return;
    }
    if (std::signbit(value))
        out += '-';
    const double magnitude = std::fabs(value);
    if (std::isinf(magnitude)) {
        out += "inf";
        return;
    }
    if (magnitude == 0) {
        out += "0.0";
        return;
    }
    const Digits d = shortestDigits(magnitude);
    const int n = static_cast<int>(d.digits.size());
    if (d.exponent >= -4 && d.exponent < 16) {
        if (d.exponent < 0) {
            out += "0.";
            out.append(static_cast<size_t>(-d.exponent - 1), '0');
            out += d.digits;
        } else if (n <= d.exponent + 1) {
            out += d.digits;
            out.append(static_cast<size_t>(d.exponent + 1 - n), '0');
            out += ".0";
        } else {
            out.append(d.digits, 0, static_cast<size_t>(d.exponent + 1));
            out += '.';
            out.append(d.digits, static_cast<size_t>(d.exponent + 1));
        }
        return;
    }
    out += d.digits[0];
    if (n > 1) {
        out += '.';
        out.append(d.digits, 1);
    }
    appendExponent(out, d.exponent, 'e');
}

void appendIntDecimal(std::string &out, std::int64_t value)
{
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

namespace {

// Python's str.isprintable() for the characters repr() leaves alone. Unicode's full
// category tables are not linked in; these are the non-printable ranges that occur in
// practice (controls, separators, format characters, private use, non-characters).
bool isPrintable(char32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD)
        return false;
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)
        || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB))
        return false;
    if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F || cp == 0x180E)
        return false;
    if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xD7FC && cp <= 0xDFFF)
        || (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x200E || cp == 0x200F)
        return false;
    return true;
}

void appendHexEscape(std::string &out, char32_t cp)
{
    static const char hex[] = "0123456789abcdef";
    int width = 2;
    if (cp < 0x100) {
        out += "\\x";
    } else if (cp < 0x10000) {
        out += "\\u";
        width = 4;
    } else {
        out += "\\U";
        width = 8;
    }
    for (int shift = (width - 1) * 4; shift >= 0; shift -= 4)
        out += hex[(cp >> shift) & 0xF];
}

} // namespace

void appendStrRepr(std::string &out, std::string_view text)
{
    const bool hasSingle = text.find('\'') != std::string_view::npos;
    const bool hasDouble = text.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    out += quote;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const char32_t cp = support::decodeUtf8(text, i);
        if (cp == static_cast<char32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (!isPrintable(cp)) {
            appendHexEscape(out, cp);
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    out += quote;
}

void appendRepr(std::string &out, Slot value, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int: appendIntDecimal(out, value.i); return;
    case Kind::Float: appendFloatRepr(out, value.f); return;
    case Kind::Bool: out += value.i ? "True" : "False"; return;
    case Kind::None: out += "None"; return;
    case Kind::Optional:
        if (!value.p)
            out += "None";
        else
            appendRepr(out, unwrapOptional(value, type), type->element);
        return;
    case Kind::Exception: {
        const auto *e = static_cast<const Record *>(value.p);
        out += classOf(e)->name;
        out += '(';
        out.append(view(argsReprOf(e)));
        out += ')';
        return;
    }
    case Kind::Set: {
        const auto *set = static_cast<const Set *>(value.p);
        if (set->used == 0) {
            out += "set()";
            return;
        }
        out += '{';
        bool first = true;
        for (std::int64_t k = 0; k <= set->mask; ++k) {
            if (set->table[k].state != 1)
                continue;
            if (!first)
                out += ", ";
            first = false;
            appendRepr(out, set->table[k].key, type->element);
        }
        out += '}';
        return;
    }
    case Kind::Str: appendStrRepr(out, view(static_cast<Str *>(value.p))); return;
    case Kind::List: {
        const auto *list = static_cast<List *>(value.p);
        out += type->tupleOf ? '(' : '[';
        for (std::int64_t i = 0; i < list->size; ++i) {
            if (i)
                out += ", ";
            appendRepr(out, list->items[i], type->element);
        }
        if (type->tupleOf && list->size == 1)
            out += ','; // (1,)
        out += type->tupleOf ? ')' : ']';
        return;
    }
    case Kind::Tuple: {
        const auto *tuple = static_cast<Tuple *>(value.p);
        out += '(';
        for (std::uint32_t i = 0; i < type->count; ++i) {
            if (i)
                out += ", ";
            appendRepr(out, tuple->items()[i], type->items[i]);
        }
        out += type->count == 1 ? ",)" : ")";
        return;
    }
    case Kind::Record: {
        const auto *record = static_cast<Record *>(value.p);
        out += type->name;
        out += '(';
        for (std::uint32_t i = 0; i < type->count; ++i) {
            if (i)
                out += ", ";
            out += type->fieldNames[i];
            out += '=';
            appendRepr(out, record->fields()[i], type->items[i]);
        }
        out += ')';
        return;
    }
    case Kind::Dict: {
        const auto *dict = static_cast<Dict *>(value.p);
        out += '{';
        bool first = true;
        for (std::int64_t i = 0; i < dict->used; ++i) {
            const DictEntry &entry = dict->entries[i];
            if (!entry.live())
                continue;
            if (!first)
                out += ", ";
            first = false;
            appendRepr(out, entry.key, type->key);
            out += ": ";
            appendRepr(out, entry.value, type->element);
        }
        out += '}';
        return;
    }
    }
}

void appendStr(std::string &out, Slot value, const TypeDesc *type)
{
    if (type->kind == Kind::Optional && value.p)
        appendStr(out, unwrapOptional(value, type), type->element);
    else if (type->kind == Kind::Str)
        out.append(view(static_cast<Str *>(value.p)));
    else if (type->kind == Kind::Exception)
        out.append(view(messageOf(static_cast<const Record *>(value.p))));
    else
        appendRepr(out, value, type);
}

// ---- format() ------------------------------------------------------------------------

namespace {

std::string groupDigits(std::string_view digits, char separator, int every)
{
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % every == 0)
            out += separator;
        out += digits[static_cast<size_t>(i)];
    }
    return out;
}

// Pads `body` (already including sign and prefix) to the spec's width.
void pad(std::string &out, const support::FormatSpec &spec, std::string_view sign, std::string_view body,
         char defaultAlign)
{
    const std::int64_t length = static_cast<std::int64_t>(support::countCodePoints(sign) + support::countCodePoints(body));
    const std::int64_t padding = spec.width > length ? spec.width - length : 0;
    char align = spec.align ? spec.align : defaultAlign;
    std::string fill;
    support::appendUtf8(fill, spec.fill);
    auto repeat = [&](std::int64_t n) {
        for (std::int64_t i = 0; i < n; ++i)
            out += fill;
    };
    switch (align) {
    case '<': out += sign; out += body; repeat(padding); break;
    case '^': repeat(padding / 2); out += sign; out += body; repeat(padding - padding / 2); break;
    case '=': out += sign; repeat(padding); out += body; break;
    default: repeat(padding); out += sign; out += body; break;
    }
}

std::string signOf(bool negative, const support::FormatSpec &spec)
{
    if (negative)
        return "-";
    if (spec.sign == '+')
        return "+";
    if (spec.sign == ' ')
        return " ";
    return "";
}

// Numbers with '0' before the width pad with zeros after the sign, and separators
// extend into that padding as CPython does.
void padNumber(std::string &out, support::FormatSpec spec, const std::string &sign, const std::string &prefix,
               std::string integer, const std::string &rest, char separator, int every)
{
    if (spec.zeroPad && !spec.align) {
        const std::int64_t target = spec.width - static_cast<std::int64_t>(sign.size() + prefix.size() + rest.size());
        std::string grouped = separator ? groupDigits(integer, separator, every) : integer;
        while (static_cast<std::int64_t>(grouped.size()) < target) {
            integer.insert(integer.begin(), '0');
            grouped = separator ? groupDigits(integer, separator, every) : integer;
        }
        out += sign;
        out += prefix;
        out += grouped;
        out += rest;
        return;
    }
    const std::string body = prefix + (separator ? groupDigits(integer, separator, every) : integer) + rest;
    pad(out, spec, sign, body, '>');
}

void formatFloat(std::string &out, double value, support::FormatSpec spec)
{
    char type = spec.type;
    const bool upper = type == 'E' || type == 'F' || type == 'G';
    if (type == '%')
        value *= 100;
    bool negative = std::signbit(value) && !std::isnan(value);
    std::string body;
    if (std::isnan(value) || std::isinf(value)) {
        body = std::isnan(value) ? "nan" : "inf";
        if (upper)
            for (char &c : body)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (type == '%')
            body += '%';
        padNumber(out, spec, signOf(negative, spec), "", "", body, 0, 3);
        return;
    }
    const double magnitude = std::fabs(value);
    char buffer[1200];
    auto fixed = [&](int precision) {
        auto r = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::fixed, precision);
        return std::string(buffer, r.ptr);
    };
    auto scientific = [&](int precision) {
        auto r = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific, precision);
        return std::string(buffer, r.ptr);
    };
    const int precision = spec.precision >= 0 ? static_cast<int>(std::min<std::int64_t>(spec.precision, 1000)) : -1;
    if (type == 'f' || type == 'F' || type == '%') {
        body = fixed(precision < 0 ? 6 : precision);
        if (spec.alternate && body.find('.') == std::string::npos)
            body += '.';
    } else if (type == 'e' || type == 'E') {
        body = scientific(precision < 0 ? 6 : precision);
        if (spec.alternate && body.find('.') == std::string::npos)
            body.insert(1, ".");
    } else if (type == 'g' || type == 'G' || (type == 0 && precision >= 0)) {
        const int p = precision < 0 ? 6 : (precision == 0 ? 1 : precision);
        const std::string sci = scientific(p - 1);
        const int exponent = std::stoi(sci.substr(sci.find('e') + 1));
        // With no presentation type, Python switches to exponent notation one digit
        // earlier than 'g' does (exp >= p - 1), so the fixed form keeps a ".0".
        const int limit = type == 0 ? p - 1 : p;
        if (exponent >= -4 && exponent < limit) {
            body = fixed(p - 1 - exponent);
        } else {
            body = sci;
        }
        if (!spec.alternate) {
            const size_t e = body.find('e');
            std::string mantissa = body.substr(0, e);
            const std::string tail = e == std::string::npos ? "" : body.substr(e);
            if (mantissa.find('.') != std::string::npos) {
                while (mantissa.back() == '0')
                    mantissa.pop_back();
                if (mantissa.back() == '.')
                    mantissa.pop_back();
            }
            body = mantissa + tail;
        }
        if (type == 0 && body.find_first_of(".e") == std::string::npos && !std::isinf(value))
            body += ".0";
    } else {
        // No type and no precision: str(x), then width, sign and grouping.
        std::string repr;
        appendFloatRepr(repr, magnitude);
        body = repr;
    }
    if (upper)
        for (char &c : body)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (spec.noNegativeZero && negative && body.find_first_not_of("0.eE+-%") == std::string::npos)
        negative = false;
    if (type == '%')
        body += '%';
    // Split into integer digits and the rest, for grouping and zero padding.
    const size_t firstNonDigit = body.find_first_not_of("0123456789");
    const std::string integer = body.substr(0, firstNonDigit);
    const std::string rest = firstNonDigit == std::string::npos ? "" : body.substr(firstNonDigit);
    padNumber(out, spec, signOf(negative, spec), "", integer, rest, spec.grouping, 3);
}

void formatInt(std::string &out, std::int64_t value, const support::FormatSpec &spec)
{
    const char type = spec.type;
    if (type && std::strchr("eEfFgG%", type)) {
        formatFloat(out, static_cast<double>(value), spec);
        return;
    }
    const bool negative = value < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    int base = 10;
    std::string prefix;
    switch (type) {
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'b': base = 2; prefix = "0b"; break;
    default: break;
    }
    if (!spec.alternate)
        prefix.clear();
    char buffer[72];
    auto r = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
    std::string digits(buffer, r.ptr);
    if (type == 'X')
        for (char &c : digits)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    padNumber(out, spec, signOf(negative, spec), prefix, digits, "", spec.grouping, base == 10 ? 3 : 4);
}

void formatStr(std::string &out, std::string_view text, const support::FormatSpec &spec)
{
    std::string_view body = text;
    if (spec.precision >= 0) {
        size_t i = 0;
        for (std::int64_t n = 0; n < spec.precision && i < text.size(); ++n)
            support::decodeUtf8(text, i);
        body = text.substr(0, i);
    }
    pad(out, spec, "", body, '<');
}

} // namespace

void appendFormatted(std::string &out, Slot value, const TypeDesc *type, const support::FormatSpec &spec)
{
    if (spec.empty()) {
        appendStr(out, value, type);
        return;
    }
    if (type->kind == Kind::Optional) {
        if (!value.p) {
            raiseOnCurrent(ErrorKind::TypeError, "unsupported format string passed to NoneType.__format__");
            return;
        }
        appendFormatted(out, unwrapOptional(value, type), type->element, spec);
        return;
    }
    switch (type->kind) {
    case Kind::Int:
    case Kind::Bool: formatInt(out, value.i, spec); return;
    case Kind::Float: formatFloat(out, value.f, spec); return;
    case Kind::Str: formatStr(out, view(static_cast<Str *>(value.p)), spec); return;
    default: {
        std::string text;
        appendStr(text, value, type);
        formatStr(out, text, spec);
        return;
    }
    }
}

// Rounds the exact decimal expansion of the double (at most 1074 fractional digits)
// half to even at `ndigits`, then reads the result back: CPython's algorithm.
double roundFloat(double value, std::int64_t ndigits)
{
    if (!std::isfinite(value) || value == 0)
        return value;
    if (ndigits > 323)
        return value;
    if (ndigits < -308)
        return std::copysign(0.0, value);
    char buffer[1500];
    std::string exact;
    auto r = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::fixed, 1100);
    exact.assign(buffer, r.ptr);
    const size_t point = exact.find('.');
    std::string digits = exact.substr(0, point) + exact.substr(point + 1);
    // Position in `digits` of the last digit kept.
    const std::int64_t keep = static_cast<std::int64_t>(point) + ndigits;
    std::string kept;
    bool roundUp = false;
    if (keep < 0) {
        kept = "0";
    } else {
        kept = digits.substr(0, static_cast<size_t>(std::min<std::int64_t>(keep, static_cast<std::int64_t>(digits.size()))));
        const std::string rest = digits.substr(static_cast<size_t>(std::min<std::int64_t>(keep, static_cast<std::int64_t>(digits.size()))));
        if (!rest.empty() && rest[0] > '5')
            roundUp = true;
        else if (!rest.empty() && rest[0] == '5') {
            const bool exactHalf = rest.find_first_not_of('0', 1) == std::string::npos;
            const char last = kept.empty() ? '0' : kept.back();
            roundUp = !exactHalf || ((last - '0') % 2 == 1);
        }
        if (kept.empty())
            kept = "0";
    }
    if (roundUp) {
        int i = static_cast<int>(kept.size()) - 1;
        while (i >= 0 && kept[static_cast<size_t>(i)] == '9')
            kept[static_cast<size_t>(i--)] = '0';
        if (i < 0)
            kept.insert(kept.begin(), '1');
        else
            ++kept[static_cast<size_t>(i)];
    }
    // kept holds the digits up to position keep; scale by 10^-ndigits.
    std::string text = kept + "e" + std::to_string(-ndigits);
    if (keep < 0)
        text = std::string(roundUp ? "1" : "0") + "e" + std::to_string(-ndigits);
    double result = 0;
    std::from_chars(text.data(), text.data() + text.size(), result);
    return std::copysign(result, value);
}

} // namespace hotpath::runtime
