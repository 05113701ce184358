// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks handler files alone or as a project. A project adds rules across its files:
// an endpoint (method + path) may be declared once in the whole project.

#include "hotpath/lang/Checker.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>
#include <vector>

namespace hotpath::project {

struct CheckedFile
{
    QString path;
    std::unique_ptr<lang::Program> program; // null when the file could not be read
    support::DiagnosticSink diagnostics;
    QString readError;
};

struct CheckReport
{
    std::vector<std::unique_ptr<CheckedFile>> files;
    QStringList projectErrors; // manifest problems, "file:line:col: error: ..." formatted
    int errorCount() const;
};

// Checks one .py file.
std::unique_ptr<CheckedFile> checkHandlerFile(const QString &path, const QString &displayPath);

// `target` is a .py file or a project folder holding hotpath.json.
void checkTarget(const QString &target, CheckReport &report);

} // namespace hotpath::project
