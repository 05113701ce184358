// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Unicode properties Python's str methods need. Hotpath links no Unicode database;
// these cover ASCII exactly and the Latin, Greek and Cyrillic scripts (plus common
// letters and digits of other scripts) as CPython does. docs/language.md states the limit.

#include <string>
#include <string_view>

namespace hotpath::runtime {

bool isSpace(char32_t cp);
bool isDigit(char32_t cp);
bool isAlpha(char32_t cp);
// The value of a Unicode decimal digit (category Nd) in the common scripts, or -1.
int decimalValue(char32_t cp);

enum class CaseMapping { Upper, Lower, Title };
std::string mapCase(std::string_view text, CaseMapping mapping);

} // namespace hotpath::runtime
