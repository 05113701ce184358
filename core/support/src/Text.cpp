// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/support/Text.h"

#include <algorithm>

namespace hotpath::support {

char32_t decodeUtf8(std::string_view text, size_t &i)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + static_cast<size_t>(length) > text.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k < length; ++k) {
        const unsigned char c = byte(i + static_cast<size_t>(k));
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    // Surrogates are accepted (WTF-8): Python strings may hold lone surrogates
    // (chr(0xD800)), and they must survive a round trip through the runtime.
    if (cp < minimum[length] || cp > 0x10FFFF) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<size_t>(length);
    return cp;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t countCodePoints(std::string_view text)
{
    size_t count = 0;
    for (size_t i = 0; i < text.size();) {
        decodeUtf8(text, i);
        ++count;
    }
    return count;
}

bool isValidUtf8(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const size_t before = i;
        const char32_t cp = decodeUtf8(text, i);
        if (cp == 0xFFFD && i - before == 1) // a real U+FFFD takes three bytes
            return false;
    }
    return true;
}

std::string decodeUtf8Replacing(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
    for (size_t i = 0; i < bytes.size();) {
        const unsigned char lead = byte(i);
        if (lead < 0x80) {
            out += static_cast<char>(lead);
            ++i;
            continue;
        }
        // Table 3-7 of the Unicode standard: the range of the second byte depends on the
        // lead (no overlongs, no surrogates, nothing above U+10FFFF); later ones are 80..BF.
        int length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        }
        size_t end = i + 1;
        for (int k = 1; k < length && end < bytes.size(); ++k, ++end) {
            const unsigned char c = byte(end);
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF))
                break;
        }
        if (length > 0 && end - i == static_cast<size_t>(length)) {
            out.append(bytes.substr(i, static_cast<size_t>(length)));
        } else {
            appendUtf8(out, 0xFFFD); // the lead and the continuations that fitted: one U+FFFD
        }
        i = std::max(end, i + 1);
    }
    return out;
}

size_t findSurrogate(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const size_t at = i;
        const char32_t cp = decodeUtf8(text, i);
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return at;
    }
    return std::string_view::npos;
}

// Optimal string alignment distance: Levenshtein plus adjacent swaps as one edit,
// because "emial" for "email" is one slip of the fingers, not two.
size_t editDistance(std::string_view a, std::string_view b)
{
    const size_t width = b.size() + 1;
    std::vector<size_t> d((a.size() + 1) * width);
    auto at = [&](size_t i, size_t j) -> size_t & { return d[i * width + j]; };
    for (size_t i = 0; i <= a.size(); ++i)
        at(i, 0) = i;
    for (size_t j = 0; j <= b.size(); ++j)
        at(0, j) = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string> &candidates)
{
    // A third of the word's length (at least one edit, at most three) separates typos
    // from unrelated names in practice; ties go to the first candidate.
    const size_t limit = std::clamp<size_t>(word.size() / 3, 1, 3);
    std::optional<std::string> best;
    size_t bestDistance = limit + 1;
    for (const std::string &candidate : candidates) {
        if (candidate == word)
            continue;
        const size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

} // namespace hotpath::support
