// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/support/FormatSpec.h"

#include "hotpath/support/Text.h"

namespace hotpath::support {

namespace {

bool isAlign(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads a run of decimal digits; Python rejects widths beyond Py_ssize_t.
bool readNumber(std::string_view text, size_t &i, std::int64_t &out)
{
    const size_t begin = i;
    std::int64_t value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (value > (INT64_MAX - 9) / 10)
            return false;
        value = value * 10 + (text[i] - '0');
        ++i;
    }
    if (i == begin)
        return true;
    out = value;
    return true;
}

} // namespace

bool FormatSpec::empty() const
{
    return align == 0 && sign == 0 && !alternate && !zeroPad && !noNegativeZero && width < 0 && grouping == 0
        && precision < 0 && type == 0;
}

std::optional<FormatSpec> parseFormatSpec(std::string_view text, std::string &error)
{
    FormatSpec spec;
    size_t i = 0;
    // [[fill]align]: the fill is any code point, recognised by the align after it.
    size_t afterFirst = 0;
    if (!text.empty()) {
        const char32_t first = decodeUtf8(text, afterFirst);
        if (afterFirst < text.size() && isAlign(text[afterFirst])) {
            spec.fill = first;
            spec.align = text[afterFirst];
            i = afterFirst + 1;
        } else if (isAlign(text[0])) {
            spec.align = text[0];
            i = 1;
        }
    }
    if (i < text.size() && (text[i] == '+' || text[i] == '-' || text[i] == ' '))
        spec.sign = text[i++];
    if (i < text.size() && text[i] == 'z') {
        spec.noNegativeZero = true;
        ++i;
    }
    if (i < text.size() && text[i] == '#') {
        spec.alternate = true;
        ++i;
    }
    if (i < text.size() && text[i] == '0') {
        spec.zeroPad = true;
        ++i;
    }
    if (!readNumber(text, i, spec.width)) {
        error = "Too many decimal digits in format string";
        return std::nullopt;
    }
    if (i < text.size() && (text[i] == ',' || text[i] == '_'))
        spec.grouping = text[i++];
    if (i < text.size() && text[i] == '.') {
        ++i;
        spec.precision = 0;
        const size_t digits = i;
        if (!readNumber(text, i, spec.precision)) {
            error = "Too many decimal digits in format string";
            return std::nullopt;
        }
        if (i == digits) {
            error = "Format specifier missing precision";
            return std::nullopt;
        }
    }
    if (i < text.size())
        spec.type = text[i++];
    if (i != text.size()) {
        error = "Invalid format specifier '" + std::string(text) + "'"; // the caller adds " for object of type ..."
        return std::nullopt;
    }
    return spec;
}

} // namespace hotpath::support
