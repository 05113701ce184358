// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Find and replace in the current editor, as a bar under the editors (Ctrl+F finds,
// Ctrl+H also replaces, Esc closes): matches as you type, Enter / Shift+Enter for the next
// and previous match (wrapping), the number of matches, Match case, Replace and Replace
// all (one undo step).

#include <QtWidgets/QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace hotpath::ui {

class FindBar : public QWidget
{
    Q_OBJECT

public:
    // `editor` gives the editor to search (the current tab's), or null.
    explicit FindBar(std::function<QPlainTextEdit *()> editor, QWidget *parent = nullptr);

    void open(bool withReplace);
    bool findNext(bool backwards = false);
    int replaceAll();
    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    int matchCount() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void replaceOne();
    void updateCount();

    std::function<QPlainTextEdit *()> m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_matchCase;
    QLabel *m_count;
    QWidget *m_replaceRow;
};

} // namespace hotpath::ui
