// SPDX-License-Identifier: GPL-3.0-or-later
#include "CompiledView.h"

#include "Theme.h"

#include <QtGui/QMouseEvent>
#include <QtGui/QTextBlock>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

namespace hotpath::ui {

CompiledView::CompiledView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_stats = new QLabel(tr("Put the cursor in a function to see its compiled code."));
    layout->addWidget(m_stats);
    auto *split = new QSplitter(Qt::Horizontal);
    const char *titles[] = {"Interpreter bytecode", "LLVM IR (optimised)", "x86-64 (JIT)"};
    for (int k = 0; k < 3; ++k) {
        auto *box = new QWidget;
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(1);
        boxLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr(titles[k]))));
        m_listings[k] = new QPlainTextEdit;
        m_listings[k]->setReadOnly(true);
        m_listings[k]->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_listings[k]->setFont(QFont(QStringLiteral("DejaVu Sans Mono"), 8));
        m_listings[k]->viewport()->installEventFilter(this);
        boxLayout->addWidget(m_listings[k]);
        split->addWidget(box);
    }
    layout->addWidget(split, 1);
}

const jit::CodeView &CompiledView::viewOf(int which) const
{
    return which == 0 ? m_views.bytecode : which == 1 ? m_views.ir : m_views.assembly;
}

void CompiledView::setViews(const session::CodeViews &views)
{
    m_views = views;
    m_stats->setText(views.error.isEmpty() ? views.stats : views.error);
    for (int k = 0; k < 3; ++k) {
        QString text;
        for (const jit::CodeLine &line : viewOf(k))
            text += QString::fromStdString(line.text) + QLatin1Char('\n');
        m_listings[k]->setPlainText(views.error.isEmpty() ? text : QString());
    }
}

void CompiledView::highlightSourceLine(int line)
{
    const bool dark = isDark();
    const QColor mark = dark ? QColor(0x3a, 0x55, 0x7a) : QColor(0xd6, 0xe8, 0xff);
    for (int k = 0; k < 3; ++k) {
        QList<QTextEdit::ExtraSelection> selections;
        const jit::CodeView &view = viewOf(k);
        int first = -1;
        for (int row = 0; row < static_cast<int>(view.size()); ++row) {
            if (view[static_cast<std::size_t>(row)].sourceLine != line)
                continue;
            QTextEdit::ExtraSelection s;
            s.format.setBackground(mark);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.cursor = QTextCursor(m_listings[k]->document()->findBlockByNumber(row));
            selections << s;
            if (first < 0)
                first = row;
        }
        m_listings[k]->setExtraSelections(selections);
        if (first >= 0) {
            QTextCursor cursor(m_listings[k]->document()->findBlockByNumber(first));
            m_listings[k]->setTextCursor(cursor);
            m_listings[k]->centerCursor();
        }
    }
}

// A click on a listing line moves the editor to the source line it came from.
bool CompiledView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease)
        for (int k = 0; k < 3; ++k)
            if (watched == m_listings[k]->viewport()) {
                const int row = m_listings[k]->cursorForPosition(static_cast<QMouseEvent *>(event)->position().toPoint()).blockNumber();
                const jit::CodeView &view = viewOf(k);
                if (row >= 0 && row < static_cast<int>(view.size()) && view[static_cast<std::size_t>(row)].sourceLine > 0)
                    Q_EMIT sourceLineClicked(view[static_cast<std::size_t>(row)].sourceLine);
            }
    return QWidget::eventFilter(watched, event);
}

} // namespace hotpath::ui
