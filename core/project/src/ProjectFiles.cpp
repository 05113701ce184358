// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMap>
#include <QtCore/QTemporaryFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hotpath::project {

namespace {

SaveResult failed(const QString &path, const QString &why) { return {false, QStringLiteral("%1: cannot save: %2").arg(path, why)}; }

QString reasonOf(int error)
{
    switch (error) {
    case EACCES:
    case EPERM: return QStringLiteral("permission denied (is the folder read-only?)");
    case EROFS: return QStringLiteral("the file system is read-only");
    case ENOSPC: return QStringLiteral("the disk is full");
    case EDQUOT: return QStringLiteral("the disk quota is exhausted");
    default: return QString::fromLocal8Bit(std::strerror(error));
    }
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool isValidFileName(const QString &name)
{
    return name.endsWith(QStringLiteral(".py")) && name.size() > 3 && !name.contains(QLatin1Char('/')) && !name.startsWith(QLatin1Char('.'));
}

QByteArray templateFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// POSIX calls rather than QSaveFile: QSaveFile neither syncs the folder after its rename
// nor tells a full disk from a read-only folder, and both matter to a user who must not
// lose an edit.
SaveResult saveAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return failed(path, QStringLiteral("it is a symbolic link (to %1); Hotpath saves only regular files").arg(info.symLinkTarget()));
    if (info.exists() && !info.isFile())
        return failed(path, QStringLiteral("it is not a regular file"));
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    const QByteArray temporary = QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".XXXXXX"));
    QByteArray name = temporary;
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        return failed(path, reasonOf(errno));
    // Keep the file's permissions (mkstemp makes it 0600).
    struct stat old{};
    ::fchmod(fd, ::stat(QFile::encodeName(path).constData(), &old) == 0 ? (old.st_mode & 07777) : 0644);
    if (!writeAll(fd, bytes) || ::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(name.constData());
        return failed(path, reasonOf(error));
    }
    if (::close(fd) != 0 || ::rename(name.constData(), QFile::encodeName(info.absoluteFilePath()).constData()) != 0) {
        const int error = errno;
        ::unlink(name.constData());
        return failed(path, reasonOf(error));
    }
    // The rename is durable only once the folder's entry is on disk. If that fails, the new
    // text is in place but a power cut could still bring the old one back: the user is told
    // (and the editor stays modified), rather than believing it safe.
    const int dirFd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    // EINVAL: a file system that cannot sync a folder (some FUSE and network ones); there is
    // nothing more to be done there.
    if (dirFd < 0 || (::fsync(dirFd) != 0 && errno != EINVAL && errno != ENOTSUP)) {
        const int error = errno;
        if (dirFd >= 0)
            ::close(dirFd);
        return {false, QStringLiteral("%1: saved, but its folder could not be synced to disk (%2), so a power cut could "
                                      "undo the save; save again")
                           .arg(path, reasonOf(error))};
    }
    ::close(dirFd);
    return {true, {}};
}

SaveResult makeEmptyFolder(const QString &dir)
{
    const QFileInfo info(dir);
    if (info.exists() && (!info.isDir() || !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)))
        return {false, QStringLiteral("%1: choose a new or empty folder (nothing is overwritten)").arg(dir)};
    if (!QDir().mkpath(dir))
        return {false, QStringLiteral("%1: the folder cannot be made").arg(dir)};
    return {true, {}};
}

QStringList templateNames() { return {QStringLiteral("empty"), QStringLiteral("hello"), QStringLiteral("json-api")}; }

QString templateTitle(const QString &name)
{
    if (name == QStringLiteral("hello"))
        return QStringLiteral("Hello, World! (a few endpoints and a recursive function)");
    if (name == QStringLiteral("json-api"))
        return QStringLiteral("JSON API (dataclasses in and out)");
    return QStringLiteral("Empty (one endpoint)");
}

SaveResult createProject(const QString &dir, const QString &name, const QString &templateName)
{
    if (!templateNames().contains(templateName))
        return failed(dir, QStringLiteral("there is no template '%1'").arg(templateName));
    if (name.trimmed().isEmpty())
        return failed(dir, QStringLiteral("the project needs a name"));
    if (SaveResult made = makeEmptyFolder(dir); !made.ok)
        return made;
    const QDir source(QStringLiteral(":/templates/") + templateName);
    Manifest manifest;
    manifest.name = name.trimmed();
    for (const QString &file : source.entryList(QDir::Files, QDir::Name)) {
        if (SaveResult saved = saveAtomically(QDir(dir).filePath(file), templateFile(source.filePath(file))); !saved.ok)
            return saved;
        manifest.files << file;
    }
    return saveAtomically(QDir(dir).filePath(QStringLiteral("hotpath.json")), writeManifest(manifest));
}

SaveResult addFile(const QString &projectDir, const QString &fileName)
{
    const QString manifestPath = QDir(projectDir).filePath(QStringLiteral("hotpath.json"));
    if (!isValidFileName(fileName))
        return failed(fileName, QStringLiteral("a handler file is a name ending in .py, with no folder"));
    ManifestResult read = readManifest(projectDir);
    if (!read.manifest)
        return {false, read.error};
    if (read.manifest->files.contains(fileName) || QFileInfo::exists(QDir(projectDir).filePath(fileName)))
        return failed(fileName, QStringLiteral("a file of that name is already there"));
    const QByteArray starter = "from hotpath import get\n\n\n@get(\"/" + fileName.chopped(3).toUtf8() + "\")\ndef " +
                               fileName.chopped(3).toUtf8().replace('-', '_') + "() -> str:\n    return \"ok\"\n";
    if (SaveResult saved = saveAtomically(QDir(projectDir).filePath(fileName), starter); !saved.ok)
        return saved;
    read.manifest->files << fileName;
    return saveAtomically(manifestPath, writeManifest(*read.manifest));
}

SaveResult renameFile(const QString &projectDir, const QString &from, const QString &to)
{
    if (!isValidFileName(to))
        return failed(to, QStringLiteral("a handler file is a name ending in .py, with no folder"));
    ManifestResult read = readManifest(projectDir);
    if (!read.manifest)
        return {false, read.error};
    const qsizetype index = read.manifest->files.indexOf(from);
    if (index < 0)
        return failed(from, QStringLiteral("the project does not list it"));
    if (QFileInfo::exists(QDir(projectDir).filePath(to)))
        return failed(to, QStringLiteral("a file of that name is already there"));
    if (!QFile::rename(QDir(projectDir).filePath(from), QDir(projectDir).filePath(to)))
        return failed(from, QStringLiteral("it cannot be renamed"));
    read.manifest->files[index] = to;
    return saveAtomically(QDir(projectDir).filePath(QStringLiteral("hotpath.json")), writeManifest(*read.manifest));
}

// The file itself goes to the bin only in the sense that it stays on disk: removing it
// from the project never deletes what the user wrote.
SaveResult removeFile(const QString &projectDir, const QString &fileName)
{
    ManifestResult read = readManifest(projectDir);
    if (!read.manifest)
        return {false, read.error};
    if (!read.manifest->files.removeOne(fileName))
        return failed(fileName, QStringLiteral("the project does not list it"));
    return saveAtomically(QDir(projectDir).filePath(QStringLiteral("hotpath.json")), writeManifest(*read.manifest));
}

SaveResult copyProject(const QString &fromDir, const QString &toDir, const QMap<QString, QByteArray> &edited)
{
    const ManifestResult read = readManifest(fromDir);
    if (!read.manifest)
        return {false, read.error};
    if (SaveResult made = makeEmptyFolder(toDir); !made.ok)
        return made;
    for (const QString &file : read.manifest->files) {
        QByteArray bytes = edited.value(QDir(fromDir).absoluteFilePath(file));
        if (!edited.contains(QDir(fromDir).absoluteFilePath(file))) {
            QFile in(QDir(fromDir).filePath(file));
            if (!in.open(QIODevice::ReadOnly))
                return failed(in.fileName(), in.errorString());
            bytes = in.readAll();
        }
        const QString target = QDir(toDir).filePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (SaveResult saved = saveAtomically(target, bytes); !saved.ok)
            return saved;
    }
    return saveAtomically(QDir(toDir).filePath(QStringLiteral("hotpath.json")), writeManifest(*read.manifest));
}

} // namespace hotpath::project
