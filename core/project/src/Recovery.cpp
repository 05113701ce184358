// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/Recovery.h"

#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QStandardPaths>

#include <algorithm>

namespace hotpath::project {

namespace {

// A buffer's entry is named by a hash of the file's path: any path, one flat folder.
QString entryName(const QString &file)
{
    return QString::fromLatin1(QCryptographicHash::hash(file.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

Recovery::Recovery(const QString &project, const QString &root)
{
    const QString base = root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery") : root;
    const QString canonical = QFileInfo(project).absoluteFilePath();
    m_folder = base + QLatin1Char('/') + entryName(canonical);
}

Recovery::~Recovery() = default;

bool Recovery::claim()
{
    if (!QDir().mkpath(m_folder))
        return false;
    m_lock = std::make_unique<QLockFile>(m_folder + QStringLiteral("/session.lock"));
    // A lock left by a process that no longer runs is stale at once, whatever its age.
    m_lock->setStaleLockTime(0);
    return m_lock->tryLock(0);
}

std::vector<RecoveredBuffer> Recovery::leftBehind() const
{
    std::vector<RecoveredBuffer> buffers;
    if (!claimed())
        return buffers;
    const QDir dir(m_folder);
    for (const QString &index : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile meta(dir.filePath(index));
        QFile text(dir.filePath(QFileInfo(index).completeBaseName() + QStringLiteral(".txt")));
        if (!meta.open(QIODevice::ReadOnly) || !text.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(meta.readAll()).object();
        RecoveredBuffer buffer{object.value(QStringLiteral("file")).toString(), QString::fromUtf8(text.readAll()),
                               QDateTime::fromString(object.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs)};
        // A buffer equal to the file on disk holds nothing to recover.
        QFile onDisk(buffer.file);
        if (!buffer.file.isEmpty() && !(onDisk.open(QIODevice::ReadOnly) && QString::fromUtf8(onDisk.readAll()) == buffer.text))
            buffers.push_back(std::move(buffer));
    }
    std::sort(buffers.begin(), buffers.end(), [](const auto &a, const auto &b) { return a.savedAt > b.savedAt; });
    return buffers;
}

// The text first, then its index: an index always names a complete text.
void Recovery::keep(const QString &file, const QString &text)
{
    if (!claimed())
        return;
    const QString name = entryName(file);
    const QJsonObject meta{{QStringLiteral("file"), file}, {QStringLiteral("saved"), QDateTime::currentDateTime().toString(Qt::ISODateWithMs)}};
    if (saveAtomically(m_folder + QLatin1Char('/') + name + QStringLiteral(".txt"), text.toUtf8()).ok)
        saveAtomically(m_folder + QLatin1Char('/') + name + QStringLiteral(".json"), QJsonDocument(meta).toJson(QJsonDocument::Compact));
}

void Recovery::forget(const QString &file)
{
    if (!claimed())
        return;
    const QString name = entryName(file);
    QFile::remove(m_folder + QLatin1Char('/') + name + QStringLiteral(".json"));
    QFile::remove(m_folder + QLatin1Char('/') + name + QStringLiteral(".txt"));
}

void Recovery::forgetAll()
{
    if (!claimed())
        return;
    const QDir dir(m_folder);
    for (const QString &entry : dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.txt")}, QDir::Files))
        QFile::remove(dir.filePath(entry));
}

} // namespace hotpath::project
