// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>

class TestStudioProjects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newProjectFilesRecentAndSaveAs();
    void changesOnDiskAndFailedSaves();
    void killedStudioOffersItsUnsavedEditsBack();
    void eventLoopKeepsTurningDuringRunawayHandlers();
    void findBarFindsAndReplaces();
};

// The child process of the kill -9 test (tst_studio runs it when asked by environment).
int runEditingStudio(const QString &project);
