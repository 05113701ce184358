// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writing project files so that no edit is ever lost: atomic saves (the old file stays
// whole until the new one is complete and synced, the folder is synced after the rename),
// clear errors for what cannot be saved (read-only folder, full disk, a symbolic link),
// new projects from templates, and adding, renaming and removing a project's files.

#include "hotpath/project/Manifest.h"

#include <QtCore/QByteArray>
#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace hotpath::project {

struct SaveResult
{
    bool ok = false;
    QString error; // "app.py: cannot save: the folder is read-only"
};

// Writes `bytes` to `path` through a temporary file in the same folder, fsyncs it,
// renames it over `path` and fsyncs the folder. A symbolic link is refused (saving
// through it would replace the link, or write outside the project).
SaveResult saveAtomically(const QString &path, const QByteArray &bytes);

// Makes `dir` if missing; refuses one that exists and holds anything (nothing is ever
// written over): where new projects, copies, exports and imports go.
SaveResult makeEmptyFolder(const QString &dir);

// The templates a new project can start from: "empty", "hello", "json-api".
QStringList templateNames();
QString templateTitle(const QString &name);

// Makes `dir` (new or empty) a project named `name` from a template.
SaveResult createProject(const QString &dir, const QString &name, const QString &templateName);

// Adds a new handler file to the project (and its manifest), renames or removes one.
SaveResult addFile(const QString &projectDir, const QString &fileName);
SaveResult renameFile(const QString &projectDir, const QString &from, const QString &to);
SaveResult removeFile(const QString &projectDir, const QString &fileName);

// Copies the project (its manifest and listed files, with the given contents for files
// the editor holds) into a new or empty folder: Save As.
SaveResult copyProject(const QString &fromDir, const QString &toDir, const QMap<QString, QByteArray> &edited = {});

} // namespace hotpath::project
