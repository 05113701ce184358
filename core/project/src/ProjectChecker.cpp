// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/ProjectChecker.h"

#include "hotpath/project/Manifest.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

namespace hotpath::project {

int CheckReport::errorCount() const
{
    int count = static_cast<int>(projectErrors.size());
    for (const auto &file : files)
        count += file->diagnostics.errorCount() + (file->readError.isEmpty() ? 0 : 1);
    return count;
}

std::unique_ptr<CheckedFile> checkHandlerFile(const QString &path, const QString &displayPath)
{
    auto checked = std::make_unique<CheckedFile>();
    checked->path = displayPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        checked->readError = displayPath + QStringLiteral(": error: cannot read the file: ") + file.errorString();
        return checked;
    }
    // Handler files are small; a cap keeps a stray multi-gigabyte argument from
    // exhausting memory before the checker can say anything useful.
    constexpr qint64 maxSourceBytes = 16 * 1024 * 1024;
    if (file.size() > maxSourceBytes) {
        checked->readError = displayPath + QStringLiteral(": error: the file is larger than 16 MiB");
        return checked;
    }
    const QByteArray bytes = file.readAll();
    support::SourceFile source(displayPath.toStdString(), bytes.toStdString());
    checked->program = lang::checkFile(std::move(source), checked->diagnostics);
    return checked;
}

namespace {

void checkProject(const QString &dir, CheckReport &report)
{
    const ManifestResult result = readManifest(dir);
    if (!result.manifest) {
        report.projectErrors.append(result.error);
        return;
    }
    const size_t first = report.files.size();
    for (const QString &name : result.manifest->files) {
        const QString path = QDir(dir).filePath(name);
        if (!QFileInfo::exists(path)) {
            report.projectErrors.append(QDir(dir).filePath(QStringLiteral("hotpath.json"))
                                        + QStringLiteral(": error: listed file '%1' does not exist").arg(name));
            continue;
        }
        report.files.push_back(checkHandlerFile(path, QDir::cleanPath(path)));
    }
    // Endpoints are unique across the whole project, not just within a file.
    for (size_t i = first; i < report.files.size(); ++i) {
        CheckedFile &file = *report.files[i];
        if (!file.program)
            continue;
        for (const auto &endpoint : file.program->endpoints) {
            for (size_t j = first; j < i; ++j) {
                const CheckedFile &earlier = *report.files[j];
                if (!earlier.program)
                    continue;
                for (const auto &other : earlier.program->endpoints) {
                    if (other->routeKey != endpoint->routeKey)
                        continue;
                    for (const std::string &method : endpoint->methods) {
                        if (std::find(other->methods.begin(), other->methods.end(), method) == other->methods.end())
                            continue;
                        const int line = earlier.program->file.lineColumn(other->span.begin).line;
                        file.diagnostics.error(endpoint->span, method + " " + endpoint->path + " is already served by '"
                                                                   + other->function->name + "' ("
                                                                   + earlier.path.toStdString() + ":"
                                                                   + std::to_string(line) + ")");
                    }
                }
            }
        }
    }
}

} // namespace

void checkTarget(const QString &target, CheckReport &report)
{
    const QFileInfo info(target);
    if (info.isDir()) {
        if (!QFileInfo::exists(QDir(target).filePath(QStringLiteral("hotpath.json")))) {
            report.projectErrors.append(target + QStringLiteral(": error: not a Hotpath project (no hotpath.json)"));
            return;
        }
        checkProject(target, report);
        return;
    }
    if (!info.exists()) {
        report.projectErrors.append(target + QStringLiteral(": error: no such file or directory"));
        return;
    }
    report.files.push_back(checkHandlerFile(target, target));
}

} // namespace hotpath::project
