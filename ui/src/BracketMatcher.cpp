// SPDX-License-Identifier: GPL-3.0-or-later
#include "BracketMatcher.h"

#include <vector>

namespace hotpath::ui {

namespace {

// One flag per character: true where the character is code (not string or comment).
std::vector<bool> codeMask(const QString &text)
{
    std::vector<bool> code(static_cast<std::size_t>(text.size()), true);
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('#')) {
            while (i < n && text[i] != QLatin1Char('\n'))
                code[static_cast<std::size_t>(i++)] = false;
            continue;
        }
        if (c != QLatin1Char('"') && c != QLatin1Char('\'')) {
            ++i;
            continue;
        }
        const bool triple = i + 2 < n && text[i + 1] == c && text[i + 2] == c;
        const qsizetype quoteLength = triple ? 3 : 1;
        for (qsizetype k = 0; k < quoteLength; ++k)
            code[static_cast<std::size_t>(i++)] = false;
        while (i < n) {
            if (text[i] == QLatin1Char('\\') && i + 1 < n) {
                code[static_cast<std::size_t>(i++)] = false;
                code[static_cast<std::size_t>(i++)] = false;
                continue;
            }
            if (!triple && text[i] == QLatin1Char('\n'))
                break; // an unterminated string ends with its line
            if (text[i] == c && (!triple || (i + 2 < n && text[i + 1] == c && text[i + 2] == c))) {
                for (qsizetype k = 0; k < quoteLength; ++k)
                    code[static_cast<std::size_t>(i++)] = false;
                break;
            }
            code[static_cast<std::size_t>(i++)] = false;
        }
    }
    return code;
}

QChar partnerOf(QChar c)
{
    switch (c.unicode()) {
    case '(': return QLatin1Char(')');
    case '[': return QLatin1Char(']');
    case '{': return QLatin1Char('}');
    case ')': return QLatin1Char('(');
    case ']': return QLatin1Char('[');
    case '}': return QLatin1Char('{');
    default: return {};
    }
}

bool isOpening(QChar c) { return c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'); }

} // namespace

BracketMatch matchBracket(const QString &text, int cursor)
{
    BracketMatch match;
    const std::vector<bool> code = codeMask(text);
    for (int at : {cursor, cursor - 1})
        if (at >= 0 && at < text.size() && code[static_cast<std::size_t>(at)] && !partnerOf(text[at]).isNull()) {
            match.bracket = at;
            break;
        }
    if (match.bracket < 0)
        return match;
    const QChar open = text[match.bracket];
    const QChar close = partnerOf(open);
    const int step = isOpening(open) ? 1 : -1;
    int depth = 0;
    for (int i = match.bracket; i >= 0 && i < text.size(); i += step) {
        if (!code[static_cast<std::size_t>(i)])
            continue;
        if (text[i] == open)
            ++depth;
        else if (text[i] == close && --depth == 0) {
            match.partner = i;
            break;
        }
    }
    return match;
}

} // namespace hotpath::ui
