// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Syntax colours from Hotpath's own lexer (KSyntaxHighlighting exists only for Qt 5 in
// Debian 12): keywords, built-ins and types, decorators, strings and f-strings, numbers,
// comments. Colours follow the palette, so light and dark themes both read well.

#include <QtGui/QSyntaxHighlighter>
#include <QtGui/QTextCharFormat>

namespace hotpath::ui {

class Highlighter : public QSyntaxHighlighter
{
public:
    explicit Highlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightCode(const QString &text, int from, int to);

    QTextCharFormat m_keyword, m_builtin, m_string, m_number, m_comment, m_decorator, m_definition;
};

} // namespace hotpath::ui
