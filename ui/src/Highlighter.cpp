// SPDX-License-Identifier: GPL-3.0-or-later
#include "Highlighter.h"

#include "Theme.h"

#include "hotpath/lang/Lexer.h"

#include <QtCore/QSet>
#include <QtGui/QPalette>

namespace hotpath::ui {

namespace {

using lang::TokenKind;

bool isKeyword(TokenKind kind) { return kind >= TokenKind::KwFalse && kind <= TokenKind::KwYield; }

const QSet<QString> &builtins()
{
    static const QSet<QString> names{
        QStringLiteral("int"),    QStringLiteral("float"),   QStringLiteral("str"),      QStringLiteral("bool"),
        QStringLiteral("list"),   QStringLiteral("dict"),    QStringLiteral("tuple"),    QStringLiteral("len"),
        QStringLiteral("range"),  QStringLiteral("print"),   QStringLiteral("abs"),      QStringLiteral("min"),
        QStringLiteral("max"),    QStringLiteral("sum"),     QStringLiteral("round"),    QStringLiteral("sorted"),
        QStringLiteral("enumerate"), QStringLiteral("zip"),  QStringLiteral("reversed"), QStringLiteral("repr"),
        QStringLiteral("ord"),    QStringLiteral("chr"),     QStringLiteral("divmod"),   QStringLiteral("Request"),
        QStringLiteral("Response"), QStringLiteral("math"),  QStringLiteral("dataclass"),
    };
    return names;
}

// Triple-quoted strings span lines: the block state says which one is open.
enum BlockState { Code = 0, InTripleDouble = 1, InTripleSingle = 2 };

} // namespace

Highlighter::Highlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    const bool dark = isDark();
    m_keyword.setForeground(dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x8e, 0x24, 0xaa));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_builtin.setForeground(dark ? QColor(0x56, 0xb6, 0xc2) : QColor(0x00, 0x79, 0x8b));
    m_string.setForeground(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x3a, 0x7d, 0x1f));
    m_number.setForeground(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0xb3, 0x5c, 0x00));
    m_comment.setForeground(dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x80, 0x80, 0x80));
    m_comment.setFontItalic(true);
    m_decorator.setForeground(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x9c, 0x6a, 0x00));
    m_definition.setForeground(dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x1c, 0x5f, 0xb8));
}

void Highlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Code);
    int at = 0;
    const int previous = previousBlockState();
    if (previous == InTripleDouble || previous == InTripleSingle) {
        const QString quote = previous == InTripleDouble ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
        const int end = static_cast<int>(text.indexOf(quote));
        if (end < 0) {
            setFormat(0, static_cast<int>(text.size()), m_string);
            setCurrentBlockState(previous);
            return;
        }
        setFormat(0, end + 3, m_string);
        at = end + 3;
    }
    // A triple quote opened and not closed on this line continues on the next.
    for (int i = at; i + 2 < text.size(); ++i) {
        const QString three = text.mid(i, 3);
        if (three != QStringLiteral("\"\"\"") && three != QStringLiteral("'''"))
            continue;
        const int end = static_cast<int>(text.indexOf(three, i + 3));
        if (end < 0) {
            highlightCode(text, at, i);
            setFormat(i, static_cast<int>(text.size()) - i, m_string);
            setCurrentBlockState(three.at(0) == QLatin1Char('"') ? InTripleDouble : InTripleSingle);
            return;
        }
        i = end + 2;
    }
    highlightCode(text, at, static_cast<int>(text.size()));
}

void Highlighter::highlightCode(const QString &text, int from, int to)
{
    const QString part = text.mid(from, to - from);
    const std::string utf8 = part.toStdString();
    // Byte offsets of the lexer to UTF-16 positions in the block.
    std::vector<int> position(utf8.size() + 1, 0);
    {
        int index = 0;
        std::size_t byte = 0;
        for (QChar c : part) {
            const int width = c.isHighSurrogate() ? 4 : c.isLowSurrogate() ? 0 : c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 ? 2 : 3;
            for (int k = 0; k < width && byte < utf8.size(); ++k)
                position[byte++] = index;
            ++index;
        }
        while (byte <= utf8.size())
            position[byte++] = index;
    }
    support::DiagnosticSink sink;
    const support::SourceFile file("block", utf8);
    const std::vector<lang::Token> tokens = lang::Lexer(file, sink, lang::LexMode::Expression).tokenize();
    int covered = 0; // end of the last token, in the part
    TokenKind before = TokenKind::EndOfFile;
    for (const lang::Token &token : tokens) {
        if (token.kind == TokenKind::EndOfFile)
            break;
        const int begin = position[std::min<std::size_t>(token.span.begin, utf8.size())];
        const int end = position[std::min<std::size_t>(token.span.end, utf8.size())];
        covered = std::max(covered, end);
        const QTextCharFormat *format = nullptr;
        if (isKeyword(token.kind))
            format = &m_keyword;
        else if (token.kind == TokenKind::String || token.kind == TokenKind::FString || token.kind == TokenKind::Bytes)
            format = &m_string;
        else if (token.kind == TokenKind::Int || token.kind == TokenKind::Float || token.kind == TokenKind::Imaginary)
            format = &m_number;
        else if (token.kind == TokenKind::Name) {
            const QString name = QString::fromStdString(token.text);
            if (before == TokenKind::At)
                format = &m_decorator;
            else if (before == TokenKind::KwDef || before == TokenKind::KwClass)
                format = &m_definition;
            else if (builtins().contains(name))
                format = &m_builtin;
        } else if (token.kind == TokenKind::At)
            format = &m_decorator;
        if (format)
            setFormat(from + begin, end - begin, *format);
        before = token.kind;
    }
    // The lexer skips comments: whatever follows the last token from a '#' is one.
    const int hash = static_cast<int>(part.indexOf(QLatin1Char('#'), covered));
    if (hash >= 0)
        setFormat(from + hash, static_cast<int>(part.size()) - hash, m_comment);
}

} // namespace hotpath::ui
