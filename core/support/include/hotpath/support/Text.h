// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text helpers shared by the front end and the runtime. Strings are UTF-8 everywhere;
// these functions never throw and treat malformed bytes as single code points so a bad
// file still gets positions that make sense.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotpath::support {

// Decodes the code point at text[i] and advances i past it. Malformed input yields
// U+FFFD and advances by one byte.
char32_t decodeUtf8(std::string_view text, size_t &i);
void appendUtf8(std::string &out, char32_t codePoint);
size_t countCodePoints(std::string_view text);
bool isValidUtf8(std::string_view text);
// Bytes as CPython's bytes.decode("utf-8", "replace") reads them: each maximal ill-formed
// subsequence (Unicode's "maximal subpart") becomes one U+FFFD; surrogates are ill-formed.
std::string decodeUtf8Replacing(std::string_view bytes);
// The offset of the first surrogate code point (which UTF-8 cannot carry), or npos.
size_t findSurrogate(std::string_view text);

// Levenshtein distance, for "did you mean" hints.
size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string> &candidates);

} // namespace hotpath::support
