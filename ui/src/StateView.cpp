// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateView.h"

#include <algorithm>

#include <QtGui/QFontDatabase>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

namespace hotpath::ui {

StateView::StateView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_reloadNote = new QLabel;
    m_reloadNote->setWordWrap(true);
    m_reloadNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reloadNote->setStyleSheet(QStringLiteral("QLabel { border-left: 3px solid #d08000; padding-left: 6px; }"));
    m_reloadNote->hide();
    layout->addWidget(m_reloadNote);
    m_table = new QTreeWidget;
    m_table->setHeaderLabels({tr("Variable"), tr("Type"), tr("Size"), tr("Value")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    setVariables({}, false, false);
}

void StateView::setVariables(const std::vector<server::StateVariable> &variables, bool running, bool busy)
{
    if (!running)
        m_status->setText(tr("Run the server (F5) to see its module-level state: the lists, dicts and dataclasses "
                             "handlers change, and the names they rebind with global."));
    else if (variables.empty() && !busy)
        m_status->setText(tr("This project keeps no module-level state: every request starts from nothing, and "
                             "endpoints run fully in parallel."));
    else
        m_status->setText(tr("Module-level state of the running server, live. Endpoints that change it run one at a "
                             "time; those that only read it run together.")
                          + (busy ? tr(" (A handler is changing it: these rows may be a moment old.)") : QString()));
    const bool manyFiles = std::any_of(variables.begin(), variables.end(),
                                       [&](const server::StateVariable &v) { return v.file != variables.front().file; });
    // Rows are updated in place, so selection and scrolling survive the refresh.
    if (!busy || variables.size() >= static_cast<std::size_t>(m_table->topLevelItemCount())) {
        while (m_table->topLevelItemCount() > static_cast<int>(variables.size()))
            delete m_table->takeTopLevelItem(m_table->topLevelItemCount() - 1);
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        for (std::size_t k = 0; k < variables.size(); ++k) {
            QTreeWidgetItem *item = m_table->topLevelItem(static_cast<int>(k));
            if (!item) {
                item = new QTreeWidgetItem(m_table);
                item->setFont(3, mono);
            }
            const server::StateVariable &v = variables[k];
            item->setText(0, manyFiles ? v.file + QStringLiteral(": ") + v.name : v.name);
            item->setText(1, v.type);
            const bool sized = v.type.startsWith(QLatin1String("list[")) || v.type.startsWith(QLatin1String("dict["));
            item->setText(2, sized ? v.summary : QString());
            item->setText(3, v.preview);
            item->setToolTip(3, v.preview);
        }
    }
    for (int c = 0; c < 3; ++c)
        m_table->resizeColumnToContents(c);
}

QString StateView::status() const { return m_status->text(); }

void StateView::setReloadNote(const QStringList &lines)
{
    m_reloadNote->setText(lines.isEmpty() ? QString() : tr("The last reload:\n") + lines.join(QLatin1Char('\n')));
    m_reloadNote->setVisible(!lines.isEmpty());
}

QString StateView::reloadNote() const { return m_reloadNote->text(); }

} // namespace hotpath::ui
