// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/support/SourceFile.h"

#include "hotpath/support/Text.h"

#include <algorithm>

namespace hotpath::support {

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text))
{
    m_lineStarts.push_back(0);
    for (size_t i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '\n')
            m_lineStarts.push_back(static_cast<Offset>(i + 1));
    }
}

LineColumn SourceFile::lineColumn(Offset offset) const
{
    offset = std::min<Offset>(offset, static_cast<Offset>(m_text.size()));
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<int>(it - m_lineStarts.begin());
    const Offset start = m_lineStarts[static_cast<size_t>(line - 1)];
    const std::string_view prefix(m_text.data() + start, offset - start);
    return {line, static_cast<int>(countCodePoints(prefix)) + 1};
}

std::string_view SourceFile::lineText(int line) const
{
    if (line < 1 || line > lineCount())
        return {};
    const Offset start = lineStart(line);
    Offset end = line < lineCount() ? lineStart(line + 1) : static_cast<Offset>(m_text.size());
    while (end > start && (m_text[end - 1] == '\n' || m_text[end - 1] == '\r'))
        --end;
    return std::string_view(m_text).substr(start, end - start);
}

} // namespace hotpath::support
