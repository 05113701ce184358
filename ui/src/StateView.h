// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The State view: the module-level values of the running server (a store filling up, a
// counter counting), one row per state variable with its type, size and value as
// CPython's repr() writes it, refreshed while the server runs.

#include "hotpath/server/Version.h"

#include <QtWidgets/QWidget>

#include <vector>

class QLabel;
class QTreeWidget;

namespace hotpath::ui {

class StateView : public QWidget
{
    Q_OBJECT

public:
    explicit StateView(QWidget *parent = nullptr);

    // The latest snapshot; `busy`: a handler held the state, so the rows may lag.
    void setVariables(const std::vector<server::StateVariable> &variables, bool running, bool busy);
    // What the last reload did to state that the user should know: resets and warnings
    // ("app.py: TODOS reset: the fields of Todo changed ..."); empty hides the note.
    void setReloadNote(const QStringList &lines);
    QString reloadNote() const;
    QTreeWidget *table() const { return m_table; }
    QString status() const;

private:
    QLabel *m_status;
    QLabel *m_reloadNote;
    QTreeWidget *m_table;
};

} // namespace hotpath::ui
