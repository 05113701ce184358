// SPDX-License-Identifier: GPL-3.0-or-later
// str operations with Python's semantics: code-point indexing (O(1) for ASCII text),
// slicing, searching, splitting and case mapping.
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/runtime/Slicing.h"
#include "hotpath/runtime/Unicode.h"
#include "hotpath/support/Text.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace hotpath::runtime {

namespace {

// Byte offset of code point `index` (0 <= index <= codePoints).
std::int64_t byteOffset(const Str *s, std::int64_t index)
{
    if (s->ascii)
        return index;
    std::int64_t offset = 0;
    for (std::int64_t n = 0; n < index; ++n) {
        ++offset;
        while (offset < s->length && (static_cast<unsigned char>(s->data()[offset]) & 0xC0) == 0x80)
            ++offset;
    }
    return offset;
}

std::vector<char32_t> codePointsOf(std::string_view text)
{
    std::vector<char32_t> out;
    for (size_t i = 0; i < text.size();)
        out.push_back(support::decodeUtf8(text, i));
    return out;
}

Str *fromCodePoints(const std::vector<char32_t> &cps)
{
    std::string text;
    for (char32_t cp : cps)
        support::appendUtf8(text, cp);
    return newStr(text);
}

} // namespace

namespace {

// ASCII text (the common case for handlers) maps byte by byte, without decoding.
Str *asciiCase(Str *s, CaseMapping mapping)
{
    Str *out = newStrWithCapacity(s->length);
    if (!out)
        return nullptr;
    bool previousLetter = false;
    for (std::int64_t i = 0; i < s->length; ++i) {
        char c = s->data()[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool upper = mapping == CaseMapping::Upper || (mapping == CaseMapping::Title && !previousLetter);
        if (letter)
            c = upper ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
        previousLetter = letter;
        out->data()[i] = c;
    }
    out->length = s->length;
    out->codePoints = s->length;
    out->ascii = true;
    out->data()[out->length] = '\0';
    return out;
}

} // namespace

extern "C" {

Str *hp_str_concat(Str *a, Str *b)
{
    Str *s = newStrWithCapacity(a->length + b->length);
    if (!s)
        return nullptr;
    std::memcpy(s->data(), a->data(), static_cast<size_t>(a->length));
    std::memcpy(s->data() + a->length, b->data(), static_cast<size_t>(b->length));
    s->length = a->length + b->length;
    s->codePoints = a->codePoints + b->codePoints;
    s->ascii = a->ascii && b->ascii;
    s->data()[s->length] = '\0';
    return s;
}

// `s = s + x` in a loop is amortised O(1) per append, as in CPython: when the left
// string has no other reference it grows in place, geometrically.
Str *hp_str_append(Str *a, Str *b)
{
    if (countOf(a) != 1 || a == b) {
        Str *s = hp_str_concat(a, b);
        release(a);
        return s;
    }
    const std::int64_t needed = a->length + b->length;
    if (needed > a->capacity) {
        const std::int64_t capacity = std::max(needed, a->capacity + a->capacity / 2 + 16);
        const std::int64_t header = static_cast<std::int64_t>(sizeof(Str));
        auto *grown = static_cast<Str *>(heapReallocate(a, header + a->capacity + 1, header + capacity + 1));
        if (!grown) {
            release(a);
            return nullptr;
        }
        a = grown;
        a->capacity = capacity;
    }
    std::memcpy(a->data() + a->length, b->data(), static_cast<size_t>(b->length));
    a->length = needed;
    a->codePoints += b->codePoints;
    a->ascii = a->ascii && b->ascii;
    a->hash = 0;
    a->data()[a->length] = '\0';
    return a;
}

Str *hp_str_repeat(Str *s, std::int64_t n)
{
    if (n <= 0 || s->length == 0)
        return newStr("");
    if (s->length > INT64_MAX / n) {
        raiseOnCurrent(ErrorKind::MemoryError, "");
        return nullptr;
    }
    Str *out = newStrWithCapacity(s->length * n);
    if (!out)
        return nullptr;
    for (std::int64_t i = 0; i < n; ++i)
        std::memcpy(out->data() + i * s->length, s->data(), static_cast<size_t>(s->length));
    out->length = s->length * n;
    out->codePoints = s->codePoints * n;
    out->ascii = s->ascii;
    out->data()[out->length] = '\0';
    return out;
}

Str *hp_str_index(Str *s, std::int64_t i)
{
    if (i < 0)
        i += s->codePoints;
    if (i < 0 || i >= s->codePoints) {
        raiseOnCurrent(ErrorKind::IndexError, "string index out of range");
        return nullptr;
    }
    const std::int64_t begin = byteOffset(s, i);
    std::int64_t end = begin + 1;
    while (end < s->length && (static_cast<unsigned char>(s->data()[end]) & 0xC0) == 0x80)
        ++end;
    return newStr(std::string_view(s->data() + begin, static_cast<size_t>(end - begin)));
}

Str *hp_str_slice(Str *s, std::int64_t lower, std::int64_t upper, std::int64_t step, std::uint32_t present)
{
    SliceBounds bounds;
    if (!adjustSlice(s->codePoints, lower, upper, step, present, bounds))
        return nullptr;
    if (bounds.step == 1) {
        const std::int64_t begin = byteOffset(s, bounds.start);
        const std::int64_t end = byteOffset(s, bounds.start + bounds.length);
        return newStr(std::string_view(s->data() + begin, static_cast<size_t>(end - begin)));
    }
    if (s->ascii) {
        Str *out = newStrWithCapacity(bounds.length);
        if (!out)
            return nullptr;
        for (std::int64_t k = 0; k < bounds.length; ++k)
            out->data()[k] = s->data()[bounds.start + k * bounds.step];
        out->length = bounds.length;
        finishStr(out);
        return out;
    }
    const std::vector<char32_t> cps = codePointsOf(view(s));
    std::vector<char32_t> picked;
    for (std::int64_t k = 0; k < bounds.length; ++k)
        picked.push_back(cps[static_cast<size_t>(bounds.start + k * bounds.step)]);
    return fromCodePoints(picked);
}

// UTF-8 byte order is code point order, so memcmp compares as Python does.
std::int64_t hp_str_compare(Str *a, Str *b)
{
    const int c = std::memcmp(a->data(), b->data(), static_cast<size_t>(std::min(a->length, b->length)));
    if (c != 0)
        return c;
    return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

bool hp_str_equal(Str *a, Str *b)
{
    return a == b || (a->length == b->length && std::memcmp(a->data(), b->data(), static_cast<size_t>(a->length)) == 0);
}

bool hp_str_contains(Str *haystack, Str *needle) { return view(haystack).find(view(needle)) != std::string_view::npos; }

std::uint64_t hp_str_hash(Str *s)
{
    if (s->hash)
        return s->hash;
    // FNV-1a: simple and good enough for short keys; never 0 so 0 means "not computed".
    std::uint64_t h = 1469598103934665603ull;
    for (std::int64_t i = 0; i < s->length; ++i) {
        h ^= static_cast<unsigned char>(s->data()[i]);
        h *= 1099511628211ull;
    }
    h ^= h >> 29;
    s->hash = h ? h : 1;
    return s->hash;
}

List *hp_str_split(Str *s, Str *separator, std::int64_t maxsplit, const TypeDesc *listType)
{
    List *out = newList(listType, 0, 4);
    if (!out)
        return nullptr;
    const std::string_view text = view(s);
    auto push = [&](std::string_view part) {
        Slot slot;
        slot.p = newStr(part);
        if (!slot.p)
            return false;
        hp_list_append(out, slot);
        release(slot.p);
        return true;
    };
    if (separator) {
        const std::string_view sep = view(separator);
        if (sep.empty()) {
            release(out);
            raiseOnCurrent(ErrorKind::ValueError, "empty separator");
            return nullptr;
        }
        size_t start = 0;
        for (std::int64_t splits = 0; maxsplit < 0 || splits < maxsplit; ++splits) {
            const size_t at = text.find(sep, start);
            if (at == std::string_view::npos)
                break;
            if (!push(text.substr(start, at - start)))
                return nullptr;
            start = at + sep.size();
        }
        push(text.substr(start));
        return out;
    }
    // Runs of whitespace separate words; leading and trailing whitespace is dropped.
    if (s->ascii && maxsplit < 0) {
        const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f'); };
        size_t at = 0;
        while (at < text.size()) {
            while (at < text.size() && space(text[at]))
                ++at;
            size_t end = at;
            while (end < text.size() && !space(text[end]))
                ++end;
            if (end > at && !push(text.substr(at, end - at)))
                return nullptr;
            at = end;
        }
        return out;
    }
    size_t i = 0;
    std::int64_t splits = 0;
    auto spaceAt = [&](size_t at, size_t &next) {
        next = at;
        return isSpace(support::decodeUtf8(text, next));
    };
    size_t next = 0;
    while (i < text.size()) {
        while (i < text.size() && spaceAt(i, next))
            i = next;
        if (i >= text.size())
            break;
        if (maxsplit >= 0 && splits >= maxsplit) {
            size_t end = text.size();
            while (end > i) {
                size_t before = end - 1;
                while (before > i && (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80)
                    --before;
                size_t after = before;
                if (!isSpace(support::decodeUtf8(text, after)))
                    break;
                end = before;
            }
            push(text.substr(i, end - i));
            break;
        }
        size_t j = i;
        while (j < text.size() && !spaceAt(j, next))
            j = next;
        if (!push(text.substr(i, j - i)))
            return nullptr;
        ++splits;
        i = j;
    }
    return out;
}

Str *hp_str_join(Str *separator, List *items)
{
    std::int64_t total = 0;
    for (std::int64_t i = 0; i < items->size; ++i)
        total += static_cast<Str *>(items->items[i].p)->length + (i ? separator->length : 0);
    Str *out = newStrWithCapacity(total);
    if (!out)
        return nullptr;
    char *at = out->data();
    for (std::int64_t i = 0; i < items->size; ++i) {
        if (i) {
            std::memcpy(at, separator->data(), static_cast<size_t>(separator->length));
            at += separator->length;
        }
        const Str *item = static_cast<Str *>(items->items[i].p);
        std::memcpy(at, item->data(), static_cast<size_t>(item->length));
        at += item->length;
    }
    out->length = total;
    finishStr(out);
    return out;
}

Str *hp_str_strip(Str *s, Str *chars, std::int64_t which)
{
    if (s->ascii && (!chars || chars->ascii)) {
        const std::string_view text = view(s);
        const std::string_view set = chars ? view(chars) : std::string_view(" \t\n\r\v\f\x1c\x1d\x1e\x1f", 10);
        size_t begin = 0, end = text.size();
        if (which & 1)
            while (begin < end && set.find(text[begin]) != std::string_view::npos)
                ++begin;
        if (which & 2)
            while (end > begin && set.find(text[end - 1]) != std::string_view::npos)
                --end;
        if (begin == 0 && end == text.size()) {
            retain(s);
            return s;
        }
        return newStr(text.substr(begin, end - begin));
    }
    const std::vector<char32_t> cps = codePointsOf(view(s));
    const std::vector<char32_t> set = chars ? codePointsOf(view(chars)) : std::vector<char32_t>{};
    auto strip = [&](char32_t cp) {
        return chars ? std::find(set.begin(), set.end(), cp) != set.end() : isSpace(cp);
    };
    size_t begin = 0, end = cps.size();
    if (which & 1)
        while (begin < end && strip(cps[begin]))
            ++begin;
    if (which & 2)
        while (end > begin && strip(cps[end - 1]))
            --end;
    return fromCodePoints(std::vector<char32_t>(cps.begin() + static_cast<long>(begin), cps.begin() + static_cast<long>(end)));
}

Str *hp_str_upper(Str *s) { return s->ascii ? asciiCase(s, CaseMapping::Upper) : newStr(mapCase(view(s), CaseMapping::Upper)); }
Str *hp_str_lower(Str *s) { return s->ascii ? asciiCase(s, CaseMapping::Lower) : newStr(mapCase(view(s), CaseMapping::Lower)); }
Str *hp_str_title(Str *s) { return s->ascii ? asciiCase(s, CaseMapping::Title) : newStr(mapCase(view(s), CaseMapping::Title)); }

bool hp_str_startswith(Str *s, Str *prefix) { return view(s).substr(0, static_cast<size_t>(prefix->length)) == view(prefix); }

bool hp_str_endswith(Str *s, Str *suffix)
{
    return s->length >= suffix->length && view(s).substr(static_cast<size_t>(s->length - suffix->length)) == view(suffix);
}

// find/rfind in code points, with Python's clamping of start and end.
std::int64_t hp_str_find(Str *s, Str *sub, std::int64_t start, std::int64_t end, bool reverse)
{
    const std::int64_t n = s->codePoints;
    if (start < 0)
        start = std::max<std::int64_t>(0, start + n);
    if (end < 0)
        end = std::max<std::int64_t>(0, end + n);
    end = std::min(end, n);
    if (start > end || start > n)
        return -1;
    const std::int64_t byteStart = byteOffset(s, start);
    const std::int64_t byteEnd = byteOffset(s, end);
    const std::string_view window = view(s).substr(static_cast<size_t>(byteStart), static_cast<size_t>(byteEnd - byteStart));
    const size_t at = reverse ? window.rfind(view(sub)) : window.find(view(sub));
    if (at == std::string_view::npos)
        return -1;
    return start + static_cast<std::int64_t>(support::countCodePoints(window.substr(0, at)));
}

Str *hp_str_replace(Str *s, Str *old, Str *replacement, std::int64_t count)
{
    const std::string_view text = view(s);
    const std::string_view from = view(old);
    std::string out;
    if (from.empty()) {
        // Python inserts the replacement between every code point and at both ends.
        std::int64_t done = 0;
        size_t i = 0;
        while (i <= text.size()) {
            if (count < 0 || done < count) {
                out += view(replacement);
                ++done;
            }
            if (i == text.size())
                break;
            const size_t at = i;
            support::decodeUtf8(text, i);
            out.append(text.substr(at, i - at));
        }
        return newStr(out);
    }
    size_t start = 0;
    for (std::int64_t done = 0; count < 0 || done < count; ++done) {
        const size_t at = text.find(from, start);
        if (at == std::string_view::npos)
            break;
        out.append(text.substr(start, at - start));
        out += view(replacement);
        start = at + from.size();
    }
    out.append(text.substr(start));
    return newStr(out);
}

std::int64_t hp_str_count(Str *s, Str *sub)
{
    const std::string_view text = view(s);
    const std::string_view needle = view(sub);
    if (needle.empty())
        return s->codePoints + 1;
    std::int64_t count = 0;
    for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size()))
        ++count;
    return count;
}

bool hp_str_isdigit(Str *s)
{
    const std::vector<char32_t> cps = codePointsOf(view(s));
    return !cps.empty() && std::all_of(cps.begin(), cps.end(), isDigit);
}

bool hp_str_isalpha(Str *s)
{
    const std::vector<char32_t> cps = codePointsOf(view(s));
    return !cps.empty() && std::all_of(cps.begin(), cps.end(), isAlpha);
}

bool hp_str_isspace(Str *s)
{
    const std::vector<char32_t> cps = codePointsOf(view(s));
    return !cps.empty() && std::all_of(cps.begin(), cps.end(), isSpace);
}

Str *hp_str_zfill(Str *s, std::int64_t width)
{
    if (width <= s->codePoints)
        return newStr(view(s));
    std::string out;
    std::string_view text = view(s);
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        out += text[0];
        text.remove_prefix(1);
    }
    out.append(static_cast<size_t>(width - s->codePoints), '0');
    out.append(text);
    return newStr(out);
}

std::int64_t hp_str_ord(Str *s)
{
    if (s->codePoints != 1) {
        raiseOnCurrent(ErrorKind::TypeError, "ord() expected a character, but string of length " + std::to_string(s->codePoints)
                                        + " found");
        return 0;
    }
    size_t i = 0;
    return support::decodeUtf8(view(s), i);
}

Str *hp_str_chr(std::int64_t code)
{
    if (code < 0 || code > 0x10FFFF) {
        raiseOnCurrent(ErrorKind::ValueError, "chr() arg not in range(0x110000)");
        return nullptr;
    }
    std::string out;
    support::appendUtf8(out, static_cast<char32_t>(code));
    return newStr(out);
}

} // extern "C"

} // namespace hotpath::runtime
