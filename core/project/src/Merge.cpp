// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/Merge.h"

#include <QtCore/QStringList>

#include <algorithm>
#include <vector>

namespace hotpath::project {

namespace {

// One change from base to a version: base lines [from, to) become `lines`.
struct Hunk
{
    qsizetype from = 0;
    qsizetype to = 0;
    QStringList lines;
};

// The hunks turning `base` into `version`, from a longest common subsequence of lines
// (after the common prefix and suffix, so the table covers only the changed middle).
std::optional<std::vector<Hunk>> diff(const QStringList &base, const QStringList &version)
{
    qsizetype prefix = 0;
    while (prefix < base.size() && prefix < version.size() && base[prefix] == version[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < base.size() - prefix && suffix < version.size() - prefix
           && base[base.size() - 1 - suffix] == version[version.size() - 1 - suffix])
        ++suffix;
    const qsizetype n = base.size() - prefix - suffix, m = version.size() - prefix - suffix;
    if (n * m > 4'000'000)
        return std::nullopt; // too large a change to merge line by line: let the user choose
    std::vector<std::vector<int>> lcs(static_cast<std::size_t>(n + 1), std::vector<int>(static_cast<std::size_t>(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = base[prefix + i] == version[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<Hunk> hunks;
    qsizetype i = 0, j = 0;
    Hunk open{-1, -1, {}};
    auto flush = [&] {
        if (open.from >= 0)
            hunks.push_back(open);
        open = {-1, -1, {}};
    };
    while (i < n || j < m) {
        if (i < n && j < m && base[prefix + i] == version[prefix + j]) {
            flush();
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            if (open.from < 0)
                open = {prefix + i, prefix + i, {}};
            open.lines << version[prefix + j++];
        } else {
            if (open.from < 0)
                open = {prefix + i, prefix + i, {}};
            open.to = prefix + ++i;
        }
    }
    flush();
    return hunks;
}

} // namespace

std::optional<QString> mergeLines(const QString &base, const QString &mine, const QString &theirs)
{
    if (mine == theirs)
        return mine;
    const QStringList baseLines = base.split(QLatin1Char('\n'));
    const auto ours = diff(baseLines, mine.split(QLatin1Char('\n')));
    const auto other = diff(baseLines, theirs.split(QLatin1Char('\n')));
    if (!ours || !other)
        return std::nullopt;
    // Every hunk of both sides, in base order; two that touch the same base lines (or
    // insert at the same point) conflict unless they are the same change.
    std::vector<Hunk> all(ours->begin(), ours->end());
    for (const Hunk &h : *other) {
        bool same = false;
        for (const Hunk &o : *ours) {
            if (o.from == h.from && o.to == h.to && o.lines == h.lines) {
                same = true;
                break;
            }
            const bool overlap = h.from < o.to && o.from < h.to;
            const bool samePoint = h.from == o.from || (h.from == h.to && (h.from == o.to)) || (o.from == o.to && o.from == h.to);
            if (overlap || samePoint)
                return std::nullopt;
        }
        if (!same)
            all.push_back(h);
    }
    std::sort(all.begin(), all.end(), [](const Hunk &a, const Hunk &b) { return a.from < b.from; });
    QStringList merged;
    qsizetype at = 0;
    for (const Hunk &h : all) {
        for (; at < h.from; ++at)
            merged << baseLines[at];
        merged << h.lines;
        at = h.to;
    }
    for (; at < baseLines.size(); ++at)
        merged << baseLines[at];
    return merged.join(QLatin1Char('\n'));
}

} // namespace hotpath::project
