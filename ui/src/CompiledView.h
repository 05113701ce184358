// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The compiled view, as Compiler Explorer shows it: the function under the cursor as the
// interpreter's bytecode, LLVM IR after optimisation and x86-64, side by side. Lines that
// come from the source line under the cursor are highlighted in each listing; clicking a
// listing line asks to move the cursor to its source line.

#include "hotpath/session/Session.h"

#include <QtWidgets/QWidget>

class QLabel;
class QPlainTextEdit;

namespace hotpath::ui {

class CompiledView : public QWidget
{
    Q_OBJECT

public:
    explicit CompiledView(QWidget *parent = nullptr);

    void setViews(const session::CodeViews &views);
    void highlightSourceLine(int line);
    const session::CodeViews &views() const { return m_views; }
    QPlainTextEdit *listing(int which) const { return m_listings[which]; } // 0 bytecode, 1 IR, 2 asm

Q_SIGNALS:
    void sourceLineClicked(int line);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const jit::CodeView &viewOf(int which) const;

    session::CodeViews m_views;
    QLabel *m_stats;
    QPlainTextEdit *m_listings[3];
};

} // namespace hotpath::ui
