// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadedProject.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

namespace hotpath::exporting {

std::optional<LoadedProject> readProject(const QString &target, QString &error)
{
    LoadedProject project;
    const QFileInfo info(target);
    if (info.isFile() && target.endsWith(QStringLiteral(".py"))) {
        project.manifest.name = info.completeBaseName();
        project.manifest.files = {info.fileName()};
        project.manifestBytes = project::writeManifest(project.manifest);
        QFile file(target);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: cannot read: %2").arg(target, file.errorString());
            return std::nullopt;
        }
        project.files.append({info.fileName(), file.readAll()});
        return project;
    }
    if (!info.isDir()) {
        error = QStringLiteral("%1: not a project folder or .py file").arg(target);
        return std::nullopt;
    }
    const project::ManifestResult manifest = project::readManifest(target);
    if (!manifest.manifest) {
        error = manifest.error;
        return std::nullopt;
    }
    project.manifest = *manifest.manifest;
    QFile manifestFile(QDir(target).filePath(QStringLiteral("hotpath.json")));
    if (manifestFile.open(QIODevice::ReadOnly))
        project.manifestBytes = manifestFile.readAll();
    for (const QString &name : project.manifest.files) {
        QFile file(QDir(target).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: cannot read: %2").arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        project.files.append({name, file.readAll()});
    }
    return project;
}

bool makeEmptyFolder(const QString &dir, QString &error)
{
    const project::SaveResult made = project::makeEmptyFolder(dir);
    error = made.error;
    return made.ok;
}

bool writeInto(const QString &dir, const QString &relative, const QByteArray &bytes, Result &result)
{
    const QString path = QDir(dir).absoluteFilePath(relative);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        result.error = QStringLiteral("%1: cannot make the folder").arg(QFileInfo(path).absolutePath());
        return false;
    }
    if (const project::SaveResult saved = project::saveAtomically(path, bytes); !saved.ok) {
        result.error = saved.error;
        return false;
    }
    result.written << path;
    return true;
}

QByteArray fillTemplate(const QString &resource, const QMap<QString, QString> &values)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing resource %s", qPrintable(resource)); // a build error, not a user's
    QByteArray text = file.readAll();
    if (const qsizetype end = text.indexOf('\n'); end >= 0 && text.left(end).contains("SPDX-License-Identifier"))
        text.remove(0, end + 1);
    for (auto it = values.begin(); it != values.end(); ++it)
        text.replace(QByteArray('@' + it.key().toUtf8() + '@'), it.value().toUtf8());
    return text;
}

} // namespace hotpath::exporting
