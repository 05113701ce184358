// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The handler editor: line numbers, current-line highlight, Python indentation (four
// spaces, auto-indent after ':'), bracket matching, and problems as wavy underlines with a tooltip.

#include <QtWidgets/QPlainTextEdit>

#include <vector>

namespace hotpath::ui {

struct EditorProblem
{
    int line = 0;   // 1-based
    int column = 0; // 1-based
    int endColumn = 0;
    QString message;
};

class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);

    void setProblems(std::vector<EditorProblem> problems);
    void goToLine(int line, int column = 1);
    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateSelections();

    QWidget *m_lineNumbers;
    std::vector<EditorProblem> m_problems;
};

} // namespace hotpath::ui
