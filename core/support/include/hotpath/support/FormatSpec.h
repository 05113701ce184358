// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Python's format specification mini-language, parsed once and shared: the checker
// validates constant specs at compile time and the runtime formats with the same
// parsed form, so both agree on what a spec means.
//
//   format_spec ::= [[fill]align][sign][z][#][0][width][grouping][.precision][type]

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotpath::support {

struct FormatSpec
{
    char32_t fill = U' ';
    char align = 0;      // 0, '<', '>', '=', '^'
    char sign = 0;       // 0, '+', '-', ' '
    bool alternate = false; // '#'
    bool zeroPad = false;   // '0' before the width
    bool noNegativeZero = false; // 'z'
    std::int64_t width = -1;
    char grouping = 0;   // 0, ',', '_'
    std::int64_t precision = -1;
    char type = 0;       // 0 or the presentation type letter

    bool empty() const;
};

// Parses a spec; on failure returns nullopt and sets `error` to Python's message
// ("Invalid format specifier").
std::optional<FormatSpec> parseFormatSpec(std::string_view text, std::string &error);

} // namespace hotpath::support
