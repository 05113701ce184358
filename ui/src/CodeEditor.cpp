// SPDX-License-Identifier: GPL-3.0-or-later
#include "CodeEditor.h"

#include "BracketMatcher.h"
#include "Theme.h"

#include <QtGui/QPainter>
#include <QtGui/QTextBlock>
#include <QtWidgets/QToolTip>

namespace hotpath::ui {

namespace {

class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    CodeEditor *m_editor;
};

} // namespace

CodeEditor::CodeEditor(QWidget *parent) : QPlainTextEdit(parent), m_lineNumbers(new LineNumberArea(this))
{
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setStyleHint(QFont::Monospace);
    font.setPointSize(10);
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    updateSelections();
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 16 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void CodeEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const QPalette &p = palette();
    painter.fillRect(event->rect(), p.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            bool problem = false;
            for (const EditorProblem &pr : m_problems)
                problem = problem || pr.line == line;
            if (problem) {
                painter.setBrush(QColor(220, 50, 47));
                painter.setPen(Qt::NoPen);
                painter.drawEllipse(QPointF(6, top + height / 2.0), 3.5, 3.5);
            }
            painter.setPen(block.blockNumber() == current ? p.color(QPalette::Text) : p.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumbers->width() - 6, height, Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Tab && !(event->modifiers() & Qt::ControlModifier)) {
        textCursor().insertText(QStringLiteral("    "));
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        // Keep the line's indentation, one level more after a ':'.
        const QString line = textCursor().block().text().left(textCursor().positionInBlock());
        QString indent;
        for (QChar c : line) {
            if (c != QLatin1Char(' '))
                break;
            indent += c;
        }
        if (line.trimmed().endsWith(QLatin1Char(':')))
            indent += QStringLiteral("    ");
        textCursor().insertText(QLatin1Char('\n') + indent);
        ensureCursorVisible();
        return;
    }
    if (event->key() == Qt::Key_Slash && (event->modifiers() & Qt::ControlModifier)) {
        // Toggle a comment on the current line.
        QTextCursor cursor = textCursor();
        cursor.movePosition(QTextCursor::StartOfBlock);
        const QString text = cursor.block().text();
        int indent = 0;
        while (indent < text.size() && text.at(indent) == QLatin1Char(' '))
            ++indent;
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, indent);
        if (text.trimmed().startsWith(QStringLiteral("# "))) {
            cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, 2);
            cursor.removeSelectedText();
        } else {
            cursor.insertText(QStringLiteral("# "));
        }
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        const int line = cursor.blockNumber() + 1;
        const int column = cursor.positionInBlock() + 1;
        for (const EditorProblem &p : m_problems)
            if (p.line == line && column >= p.column && column <= std::max(p.endColumn, p.column + 1)) {
                QToolTip::showText(help->globalPos(), p.message, viewport());
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::setProblems(std::vector<EditorProblem> problems)
{
    m_problems = std::move(problems);
    updateSelections();
    m_lineNumbers->update();
}

void CodeEditor::goToLine(int line, int column)
{
    QTextCursor cursor(document()->findBlockByNumber(std::max(0, line - 1)));
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, column - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

// The current line and the problems: setExtraSelections replaces the whole list.
void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection current;
    const bool dark = isDark();
    current.format.setBackground(dark ? QColor(255, 255, 255, 18) : QColor(0, 0, 0, 12));
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections << current;
    // The bracket next to the cursor and its partner; an unmatched one in red.
    const BracketMatch brackets = matchBracket(toPlainText(), textCursor().position());
    for (int at : {brackets.bracket, brackets.partner}) {
        if (at < 0)
            continue;
        QTextEdit::ExtraSelection s;
        const bool matched = brackets.partner >= 0;
        s.format.setBackground(matched ? (dark ? QColor(0x3d, 0x7e, 0xd6, 110) : QColor(0x3d, 0x7e, 0xd6, 70)) : QColor(220, 50, 47, 90));
        s.format.setFontWeight(QFont::Bold);
        s.cursor = QTextCursor(document());
        s.cursor.setPosition(at);
        s.cursor.setPosition(at + 1, QTextCursor::KeepAnchor);
        selections << s;
    }
    for (const EditorProblem &p : m_problems) {
        QTextEdit::ExtraSelection s;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(QColor(220, 50, 47));
        s.format.setToolTip(p.message);
        QTextCursor cursor(document()->findBlockByNumber(std::max(0, p.line - 1)));
        const int length = cursor.block().length() - 1;
        const int from = std::min(std::max(0, p.column - 1), std::max(0, length - 1));
        const int to = std::min(std::max(from + 1, p.endColumn - 1), std::max(from + 1, length));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, from);
        cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, to - from);
        s.cursor = cursor;
        selections << s;
    }
    setExtraSelections(selections);
}

} // namespace hotpath::ui
