// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindBar.h"

#include <QtGui/QKeyEvent>
#include <QtGui/QTextDocument>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace hotpath::ui {

FindBar::FindBar(std::function<QPlainTextEdit *()> editor, QWidget *parent) : QWidget(parent), m_editor(std::move(editor))
{
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(4, 2, 4, 2);
    rows->setSpacing(2);
    auto *findRow = new QHBoxLayout;
    m_find = new QLineEdit;
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_matchCase = new QCheckBox(tr("Match case"));
    m_count = new QLabel;
    m_count->setMinimumWidth(90);
    auto *previous = new QPushButton(tr("Previous"));
    auto *next = new QPushButton(tr("Next"));
    auto *close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_count);
    findRow->addWidget(m_matchCase);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(close);
    rows->addLayout(findRow);

    m_replaceRow = new QWidget;
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    m_replace = new QLineEdit;
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *replace = new QPushButton(tr("Replace"));
    auto *replaceAllButton = new QPushButton(tr("Replace all"));
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(replace);
    replaceRow->addWidget(replaceAllButton);
    rows->addWidget(m_replaceRow);

    connect(m_find, &QLineEdit::textEdited, this, [this] {
        // Search from where the current match starts, so typing extends it in place.
        if (QPlainTextEdit *e = m_editor()) {
            QTextCursor cursor = e->textCursor();
            cursor.setPosition(cursor.selectionStart());
            e->setTextCursor(cursor);
        }
        findNext();
    });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(m_matchCase, &QCheckBox::toggled, this, &FindBar::updateCount);
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(replace, &QPushButton::clicked, this, &FindBar::replaceOne);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceOne);
    connect(replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    hide();
}

void FindBar::open(bool withReplace)
{
    if (QPlainTextEdit *e = m_editor()) {
        const QString selected = e->textCursor().selectedText();
        if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
            m_find->setText(selected);
    }
    m_replaceRow->setVisible(withReplace);
    show();
    m_find->setFocus();
    m_find->selectAll();
    updateCount();
}

void FindBar::setFindText(const QString &text)
{
    m_find->setText(text);
    updateCount();
}

void FindBar::setReplaceText(const QString &text) { m_replace->setText(text); }

bool FindBar::findNext(bool backwards)
{
    QPlainTextEdit *e = m_editor();
    const QString text = m_find->text();
    updateCount();
    if (!e || text.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_matchCase->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (e->find(text, flags))
        return true;
    // Wrap around once.
    QTextCursor cursor = e->textCursor();
    cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    e->setTextCursor(cursor);
    return e->find(text, flags);
}

int FindBar::matchCount() const
{
    QPlainTextEdit *e = m_editor();
    if (!e || m_find->text().isEmpty())
        return 0;
    const auto sensitivity = m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return static_cast<int>(e->toPlainText().count(m_find->text(), sensitivity));
}

void FindBar::updateCount()
{
    const int n = matchCount();
    m_count->setText(m_find->text().isEmpty() ? QString() : n ? tr("%n match(es)", nullptr, n) : tr("no matches"));
}

// Replaces the selected match (if the selection is one) and moves to the next.
void FindBar::replaceOne()
{
    QPlainTextEdit *e = m_editor();
    if (!e)
        return;
    QTextCursor cursor = e->textCursor();
    const auto sensitivity = m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (cursor.hasSelection() && cursor.selectedText().compare(m_find->text(), sensitivity) == 0)
        cursor.insertText(m_replace->text());
    findNext();
}

int FindBar::replaceAll()
{
    QPlainTextEdit *e = m_editor();
    const QString text = m_find->text();
    if (!e || text.isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_matchCase->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextCursor edit(e->document());
    edit.beginEditBlock(); // one undo step for the whole replacement
    int count = 0;
    QTextCursor found = e->document()->find(text, 0, flags);
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = e->document()->find(text, found, flags);
    }
    edit.endEditBlock();
    updateCount();
    m_count->setText(tr("%n replaced", nullptr, count));
    return count;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (QPlainTextEdit *e = m_editor())
            e->setFocus();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() & Qt::ShiftModifier) {
        findNext(true);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace hotpath::ui
