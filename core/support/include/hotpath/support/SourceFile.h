// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A source file is kept as UTF-8 bytes and every position in the front end is a byte
// offset into it: offsets are cheap to store in tokens and AST nodes and exact. Only
// when a position is shown to a person is it turned into a 1-based line and a 1-based
// column counted in Unicode code points, which is what editors and Python show.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotpath::support {

using Offset = std::uint32_t;

// A half-open byte range [begin, end) in one SourceFile.
struct Span
{
    Offset begin = 0;
    Offset end = 0;

    static Span cover(Span a, Span b) { return {a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end}; }
};

struct LineColumn
{
    int line = 1;   // 1-based
    int column = 1; // 1-based, in code points
};

class SourceFile
{
public:
    SourceFile(std::string path, std::string text);

    const std::string &path() const { return m_path; }
    const std::string &text() const { return m_text; }

    LineColumn lineColumn(Offset offset) const;
    std::string_view lineText(int line) const; // without the line break
    int lineCount() const { return static_cast<int>(m_lineStarts.size()); }
    Offset lineStart(int line) const { return m_lineStarts[static_cast<size_t>(line - 1)]; }

private:
    std::string m_path;
    std::string m_text;
    std::vector<Offset> m_lineStarts;
};

} // namespace hotpath::support
