// SPDX-License-Identifier: GPL-3.0-or-later
// Project archives: a gzip-compressed POSIX tar (pax) written and read with libarchive,
// which knows the format's corners (long names, pax headers) better than anything we
// would write. Entries sit at the archive's root: hotpath.json and the handler files.
#include "Archive.h"

#include "LoadedProject.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

namespace hotpath::exporting {

namespace {

// What one archive may hold: far above any real project, far below a decompression bomb.
constexpr qint64 maxEntryBytes = 16LL << 20;
constexpr qint64 maxTotalBytes = 64LL << 20;
constexpr int maxEntries = 1000;

struct ArchiveDeleter
{
    void operator()(archive *a) const { archive_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

QString archiveError(archive *a) { return QString::fromLocal8Bit(archive_error_string(a) ? archive_error_string(a) : "unknown error"); }

// A path a project may hold: relative, no '..', no empty or '.' components.
bool isSafeRelative(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) || path.contains(QChar(0)))
        return false;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (part == QStringLiteral("..") || part == QStringLiteral("."))
            return false;
    return true;
}

} // namespace

Result writeArchive(const LoadedProject &project, const QString &outFile)
{
    Result result;
    if (QFileInfo::exists(outFile)) {
        result.error = QStringLiteral("%1: already exists; choose a new file name (nothing is overwritten)").arg(outFile);
        return result;
    }
    QSaveFile out(outFile);
    if (!out.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("%1: cannot write: %2").arg(outFile, out.errorString());
        return result;
    }
    ArchivePtr writer(archive_write_new());
    archive_write_add_filter_gzip(writer.get());
    archive_write_set_format_pax_restricted(writer.get());
    // libarchive writes through callbacks into the QSaveFile, so a failed export leaves no
    // half-written archive behind.
    auto write = [](archive *, void *file, const void *data, size_t size) -> la_ssize_t {
        return static_cast<QSaveFile *>(file)->write(static_cast<const char *>(data), static_cast<qint64>(size));
    };
    if (archive_write_open2(writer.get(), &out, nullptr, write, nullptr, nullptr) != ARCHIVE_OK) {
        result.error = QStringLiteral("%1: %2").arg(outFile, archiveError(writer.get()));
        return result;
    }
    QList<QPair<QString, QByteArray>> entries{{QStringLiteral("hotpath.json"), project.manifestBytes}};
    entries += project.files;
    for (const auto &[name, bytes] : entries) {
        std::unique_ptr<archive_entry, void (*)(archive_entry *)> entry(archive_entry_new(), archive_entry_free);
        const QByteArray path = name.toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), QDateTime::currentSecsSinceEpoch(), 0);
        archive_entry_set_size(entry.get(), bytes.size());
        if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK
            || archive_write_data(writer.get(), bytes.constData(), static_cast<size_t>(bytes.size())) != bytes.size()) {
            result.error = QStringLiteral("%1: %2").arg(outFile, archiveError(writer.get()));
            return result;
        }
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK || !out.commit()) {
        result.error = QStringLiteral("%1: cannot write: %2").arg(outFile, archiveError(writer.get()));
        return result;
    }
    result.ok = true;
    result.written << QFileInfo(outFile).absoluteFilePath();
    return result;
}

Result importArchive(const QString &archivePath, const QString &outDir)
{
    Result result;
    ArchivePtr reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_all(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(archivePath).constData(), 1 << 16) != ARCHIVE_OK) {
        result.error = QStringLiteral("%1: cannot open the archive: %2").arg(archivePath, archiveError(reader.get()));
        return result;
    }
    // Everything is read and checked before anything is written.
    QList<QPair<QString, QByteArray>> files;
    int entries = 0;
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.get(), &entry)) == ARCHIVE_OK) {
        const char *utf8 = archive_entry_pathname_utf8(entry);
        QString name = utf8 ? QString::fromUtf8(utf8) : QString::fromLocal8Bit(archive_entry_pathname(entry));
        const auto refuse = [&](const QString &why) {
            result.error = QStringLiteral("%1: refused: entry '%2' %3").arg(archivePath, name, why);
            return result;
        };
        if (name.startsWith(QStringLiteral("./")))
            name.remove(0, 2);
        if (!isSafeRelative(name))
            return refuse(QStringLiteral("has an absolute path or a '..' component"));
        const mode_t type = archive_entry_filetype(entry);
        if (type == AE_IFDIR)
            continue;
        if (type != AE_IFREG || archive_entry_hardlink(entry))
            return refuse(QStringLiteral("is a link or special file; a project archive holds only files and folders"));
        if (++entries > maxEntries)
            return refuse(QStringLiteral("is past the limit of %1 entries").arg(maxEntries));
        const la_int64_t size = archive_entry_size(entry);
        if (size > maxEntryBytes)
            return refuse(QStringLiteral("is %1 bytes, over the limit of %2").arg(size).arg(maxEntryBytes));
        QByteArray bytes;
        bytes.reserve(static_cast<qsizetype>(std::max<la_int64_t>(0, size)));
        char buffer[1 << 16];
        la_ssize_t n = 0;
        while ((n = archive_read_data(reader.get(), buffer, sizeof buffer)) > 0) {
            bytes.append(buffer, n);
            if (bytes.size() > maxEntryBytes)
                return refuse(QStringLiteral("unpacks to more than %1 bytes").arg(maxEntryBytes));
        }
        if (n < 0) {
            result.error = QStringLiteral("%1: %2").arg(archivePath, archiveError(reader.get()));
            return result;
        }
        qint64 unpacked = 0;
        for (const auto &file : files)
            unpacked += file.second.size();
        if (unpacked + bytes.size() > maxTotalBytes)
            return refuse(QStringLiteral("takes the archive past %1 bytes unpacked").arg(maxTotalBytes));
        for (const auto &file : files)
            if (file.first == name)
                return refuse(QStringLiteral("appears twice"));
        files.append({name, bytes});
    }
    if (status != ARCHIVE_EOF) {
        result.error = QStringLiteral("%1: not a readable archive: %2").arg(archivePath, archiveError(reader.get()));
        return result;
    }
    const auto manifest = std::find_if(files.begin(), files.end(), [](const auto &f) { return f.first == QStringLiteral("hotpath.json"); });
    if (manifest == files.end()) {
        result.error = QStringLiteral("%1: not a Hotpath project archive: no hotpath.json at its root").arg(archivePath);
        return result;
    }
    const project::ManifestResult read = project::parseManifest(manifest->second, archivePath + QStringLiteral(":hotpath.json"));
    if (!read.manifest) {
        result.error = read.error;
        return result;
    }
    for (const QString &listed : read.manifest->files)
        if (std::none_of(files.begin(), files.end(), [&](const auto &f) { return f.first == listed; })) {
            result.error = QStringLiteral("%1: hotpath.json lists '%2', which the archive does not hold").arg(archivePath, listed);
            return result;
        }
    if (!makeEmptyFolder(outDir, result.error))
        return result;
    for (const auto &[name, bytes] : files)
        if (!writeInto(outDir, name, bytes, result))
            return result;
    result.ok = true;
    return result;
}

} // namespace hotpath::exporting
