// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Unicode.h"

#include "hotpath/support/Text.h"

#include <vector>

namespace hotpath::runtime {

bool isSpace(char32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 || cp == 0xA0
        || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
        || cp == 0x205F || cp == 0x3000;
}

bool isDigit(char32_t cp)
{
    return (cp >= '0' && cp <= '9') || cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x660 && cp <= 0x669)
        || (cp >= 0x6F0 && cp <= 0x6F9) || (cp >= 0x966 && cp <= 0x96F) || (cp >= 0x2070 && cp <= 0x2079 && cp != 0x2071
                                                                             && cp != 0x2072 && cp != 0x2073)
        || (cp >= 0x2080 && cp <= 0x2089) || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool isAlpha(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
        || (cp >= 0x370 && cp <= 0x3FF && cp != 0x375 && cp != 0x37E && cp != 0x384 && cp != 0x385 && cp != 0x387)
        || (cp >= 0x400 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x52F) || (cp >= 0x5D0 && cp <= 0x5EA)
        || (cp >= 0x620 && cp <= 0x64A) || (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0x3041 && cp <= 0x30FF)
        || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

int decimalValue(char32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return static_cast<int>(cp - '0');
    static const char32_t zeros[] = {0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
                                     0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10};
    for (char32_t zero : zeros)
        if (cp >= zero && cp < zero + 10)
            return static_cast<int>(cp - zero);
    return -1;
}

namespace {

// Simple one-to-one mappings for the scripts above.
char32_t toUpper(char32_t cp)
{
    if (cp >= 'a' && cp <= 'z')
        return cp - 32;
    if (cp < 0x80)
        return cp;
    if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7))
        return cp - 32;
    if (cp == 0xFF)
        return 0x178;
    if (cp == 0xB5)
        return 0x39C;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
        const bool oddUpperRange = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (oddUpperRange)
            return (cp % 2 == 0) ? cp - 1 : cp;
        return (cp % 2 == 1) ? cp - 1 : cp;
    }
    if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2)
        return cp - 32;
    if (cp == 0x3C2)
        return 0x3A3;
    if (cp >= 0x3AC && cp <= 0x3AF)
        return cp == 0x3AC ? 0x386 : cp - 37;
    if (cp >= 0x430 && cp <= 0x44F)
        return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F)
        return cp - 80;
    return cp;
}

char32_t toLower(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp < 0x80)
        return cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    if (cp == 0x178)
        return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
        const bool oddUpperRange = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (oddUpperRange)
            return (cp % 2 == 1) ? cp + 1 : cp;
        return (cp % 2 == 0) ? cp + 1 : cp;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        return cp + 32;
    if (cp == 0x386)
        return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A)
        return cp + 37;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    return cp;
}

// Roman numerals and circled letters have case too.
char32_t toUpperExtra(char32_t cp)
{
    if (cp >= 0x2170 && cp <= 0x217F)
        return cp - 16;
    if (cp >= 0x24D0 && cp <= 0x24E9)
        return cp - 26;
    if (cp >= 0xFF41 && cp <= 0xFF5A)
        return cp - 32;
    if (cp == 0x131)
        return 'I';
    return toUpper(cp);
}

char32_t toLowerExtra(char32_t cp)
{
    if (cp >= 0x2160 && cp <= 0x216F)
        return cp + 16;
    if (cp >= 0x24B6 && cp <= 0x24CF)
        return cp + 26;
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return cp + 32;
    return toLower(cp);
}

// Letters with three forms (Ǆ ǅ ǆ): index 0 upper, 1 title, 2 lower.
int digraphIndex(char32_t cp, char32_t &base)
{
    static const char32_t bases[] = {0x1C4, 0x1C7, 0x1CA, 0x1F1};
    for (char32_t b : bases)
        if (cp >= b && cp < b + 3) {
            base = b;
            return static_cast<int>(cp - b);
        }
    return -1;
}

bool isCased(char32_t cp)
{
    char32_t base = 0;
    return toUpperExtra(cp) != cp || toLowerExtra(cp) != cp || cp == 0xDF || cp == 0x131 || digraphIndex(cp, base) >= 0
        || (cp >= 0xFB00 && cp <= 0xFB06);
}

// Python's full case mappings that produce several characters.
const char *specialUpper(char32_t cp, bool title)
{
    switch (cp) {
    case 0xDF: return title ? "Ss" : "SS";
    case 0xFB00: return title ? "Ff" : "FF";
    case 0xFB01: return title ? "Fi" : "FI";
    case 0xFB02: return title ? "Fl" : "FL";
    case 0xFB03: return title ? "Ffi" : "FFI";
    case 0xFB04: return title ? "Ffl" : "FFL";
    case 0x149: return "\xCA\xBCN";
    default: return nullptr;
    }
}

} // namespace

std::string mapCase(std::string_view text, CaseMapping mapping)
{
    std::vector<char32_t> cps;
    for (size_t i = 0; i < text.size();)
        cps.push_back(support::decodeUtf8(text, i));
    std::string out;
    out.reserve(text.size());
    bool previousCased = false;
    for (size_t k = 0; k < cps.size(); ++k) {
        const char32_t cp = cps[k];
        const bool title = mapping == CaseMapping::Title;
        const bool upper = mapping == CaseMapping::Upper || (title && !previousCased);
        if (title)
            previousCased = isCased(cp);
        char32_t base = 0;
        if (const int form = digraphIndex(cp, base); form >= 0) {
            support::appendUtf8(out, base + (upper ? (title ? 1 : 0) : 2));
            continue;
        }
        if (upper) {
            if (const char *special = specialUpper(cp, title)) {
                out += special;
                continue;
            }
            support::appendUtf8(out, toUpperExtra(cp));
            continue;
        }
        if (cp == 0x130) { // İ lowers to i + combining dot above
            out += "i\xCC\x87";
            continue;
        }
        if (cp == 0x3A3) {
            // Σ at the end of a word is final sigma: a cased letter before, none after.
            bool before = false, after = false;
            for (size_t j = k; j-- > 0;)
                if (isCased(cps[j])) {
                    before = true;
                    break;
                } else if (cps[j] != 0x27 && cps[j] != 0x2019) {
                    break;
                }
            for (size_t j = k + 1; j < cps.size(); ++j)
                if (isCased(cps[j])) {
                    after = true;
                    break;
                } else if (cps[j] != 0x27 && cps[j] != 0x2019) {
                    break;
                }
            support::appendUtf8(out, before && !after ? 0x3C2 : 0x3C3);
            continue;
        }
        support::appendUtf8(out, toLowerExtra(cp));
    }
    return out;
}

} // namespace hotpath::runtime
