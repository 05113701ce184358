// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A project read into memory (its manifest and the files it lists), and writing files
// into the export's folder: what every exporter starts from and ends with.

#include "hotpath/export/Export.h"
#include "hotpath/project/Manifest.h"
#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QList>
#include <QtCore/QPair>

namespace hotpath::exporting {

struct LoadedProject
{
    project::Manifest manifest;
    QByteArray manifestBytes;                     // hotpath.json as it is on disk (or as made for a single file)
    QList<QPair<QString, QByteArray>> files;      // relative path -> contents, in the manifest's order
};

// A folder with hotpath.json, or one .py file (given a manifest of its own).
std::optional<LoadedProject> readProject(const QString &target, QString &error);

// core/project's rule for where output goes (new or empty folder), with Result's error.
bool makeEmptyFolder(const QString &dir, QString &error);

// Writes `bytes` to dir/relative (making folders) with project::saveAtomically; appends to result.written.
bool writeInto(const QString &dir, const QString &relative, const QByteArray &bytes, Result &result);

// A template from the resources with @NAME@-style placeholders filled in, its SPDX line
// (Hotpath's licence, not the user's) left out.
QByteArray fillTemplate(const QString &resource, const QMap<QString, QString> &values);

} // namespace hotpath::exporting
