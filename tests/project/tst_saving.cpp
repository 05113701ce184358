// SPDX-License-Identifier: GPL-3.0-or-later
// Saving never loses data: a process killed with SIGKILL in the middle of 1,000 saves
// leaves each file whole (old or new version, never a mix); a read-only folder, a full
// disk and a symbolic link give a clear error and leave the file as it was; new projects
// from every template check clean; files are added, renamed and removed with the manifest;
// the recovery folder survives a killed studio and is offered exactly once.
#include "hotpath/project/Manifest.h"
#include "hotpath/project/Merge.h"
#include "hotpath/project/ProjectChecker.h"
#include "hotpath/project/ProjectFiles.h"
#include "hotpath/project/Recovery.h"

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <map>
#include <vector>

using namespace hotpath::project;

namespace {

// Two versions of different sizes, each recognisable as a whole.
QByteArray version(char letter, int size) { return QByteArray(size, letter) + "\nend of version " + letter + '\n'; }
const QByteArray oldVersion = version('a', 300'000);
const QByteArray newVersion = version('b', 200'000);

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// The child: saves the two versions in turn, forever, into the files given.
[[noreturn]] void saveLoop(const QStringList &files)
{
    std::printf("saving\n");
    std::fflush(stdout);
    for (int k = 0;; ++k)
        for (const QString &file : files)
            saveAtomically(file, k % 2 ? oldVersion : newVersion);
}

// The child: one save of the new version, its result on stdout (run with the syscall shim).
[[noreturn]] void saveOnce(const QString &file)
{
    const SaveResult result = saveAtomically(file, newVersion);
    std::printf("%s\n", result.ok ? "saved" : qPrintable(result.error));
    std::fflush(stdout);
    std::exit(result.ok ? 0 : 1);
}

struct ShimRun
{
    QString output;
    QStringList calls; // "write PATH N", "fsync PATH", "rename FROM TO", "open PATH"
    bool ok = false;
};

// Saves `file` once in a child process with the syscall shim preloaded, failing the call
// `fail` names ("fsync:1"), and returns what the child said and the calls it made.
ShimRun saveWithShim(const QString &file, const QString &fail = {})
{
    const QString folder = QFileInfo(file).canonicalPath();
    QTemporaryDir logs;
    const QString log = logs.filePath(QStringLiteral("calls.log"));
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOTPATH_TEST_SAVE_ONCE"), file);
    environment.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(HOTPATH_SYSCALL_SHIM));
    environment.insert(QStringLiteral("HOTPATH_SHIM_DIR"), folder);
    environment.insert(QStringLiteral("HOTPATH_SHIM_LOG"), log);
    if (!fail.isEmpty())
        environment.insert(QStringLiteral("HOTPATH_SHIM_FAIL"), fail);
    // An ASan build wants its runtime first; the shim only forwards calls.
    environment.insert(QStringLiteral("ASAN_OPTIONS"), environment.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    child.waitForFinished(30000);
    ShimRun run;
    run.output = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
    run.ok = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
    QFile calls(log);
    if (calls.open(QIODevice::ReadOnly))
        run.calls = QString::fromLocal8Bit(calls.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return run;
}

// The child: holds a project's recovery lock with one buffer kept, until killed.
[[noreturn]] void holdRecovery(const QString &project, const QString &root)
{
    Recovery recovery(project, root);
    if (!recovery.claim())
        std::exit(3);
    recovery.keep(QDir(project).filePath(QStringLiteral("a.py")), QStringLiteral("edited but never saved\n"));
    recovery.keep(QDir(project).filePath(QStringLiteral("gone.py")), QStringLiteral("edits of a file deleted later\n"));
    recovery.keep(QDir(project).filePath(QStringLiteral("same.py")), QStringLiteral("as on disk\n"));
    std::printf("holding\n");
    std::fflush(stdout);
    for (;;)
        ::pause();
}

bool canMount()
{
    if (::geteuid() != 0)
        return false;
    QTemporaryDir probe;
    if (::mount("tmpfs", QFile::encodeName(probe.path()).constData(), "tmpfs", 0, "size=64k") != 0)
        return false;
    ::umount(QFile::encodeName(probe.path()).constData());
    return true;
}

} // namespace

class TestSaving : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What a save asks of the kernel, in order: the new text written to a temporary file in
    // the same folder, that file synced, renamed over the old one, then the folder synced.
    void aSaveSyncsItsFileBeforeTheRenameAndTheFolderAfter()
    {
        QTemporaryDir dir;
        const QString target = QDir(QDir(dir.path()).canonicalPath()).filePath(QStringLiteral("a.py"));
        QVERIFY(saveAtomically(target, oldVersion).ok);
        const ShimRun run = saveWithShim(target);
        QVERIFY2(run.ok, qPrintable(run.output));
        QVERIFY2(!run.calls.isEmpty(), "the shim recorded nothing: was it preloaded?");
        const QString temporary = run.calls.first().section(QLatin1Char(' '), 1, 1);
        QVERIFY2(run.calls.first().startsWith(QStringLiteral("write ")), qPrintable(run.calls.join(QLatin1Char('\n'))));
        QVERIFY(QFileInfo(temporary).fileName().startsWith(QStringLiteral(".a.py.")));
        QCOMPARE(QFileInfo(temporary).path(), QFileInfo(target).path());
        int k = 0;
        qsizetype written = 0;
        while (k < run.calls.size() && run.calls[k].startsWith(QStringLiteral("write ") + temporary + QLatin1Char(' ')))
            written += run.calls[k++].section(QLatin1Char(' '), 2, 2).toLongLong();
        QCOMPARE(written, newVersion.size());
        const QStringList rest = run.calls.mid(k);
        const QString folder = QFileInfo(target).path();
        QCOMPARE(rest, (QStringList{QStringLiteral("fsync ") + temporary, QStringLiteral("rename ") + temporary + QLatin1Char(' ') + target,
                                    QStringLiteral("open ") + folder, QStringLiteral("fsync ") + folder}));
        QCOMPARE(readAll(target), newVersion);
    }

    // When the kernel refuses a write, the file's sync or the rename, the save fails naming
    // why, the old file is untouched and no temporary file is left; when only the folder's
    // sync fails, the new text is in place but the user is told the save is not yet safe.
    void refusedCallsKeepTheOldFile_data()
    {
        QTest::addColumn<QString>("fail");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("newInPlace");
        QTest::newRow("write") << QStringLiteral("write:1") << QStringLiteral("cannot save: Input/output error") << false;
        QTest::newRow("fsync of the file") << QStringLiteral("fsync:1") << QStringLiteral("cannot save: Input/output error") << false;
        QTest::newRow("rename") << QStringLiteral("rename:1") << QStringLiteral("cannot save: Input/output error") << false;
        QTest::newRow("fsync of the folder") << QStringLiteral("fsync:2")
                                             << QStringLiteral("saved, but its folder could not be synced to disk (Input/output error)") << true;
    }
    void refusedCallsKeepTheOldFile()
    {
        QFETCH(QString, fail);
        QFETCH(QString, message);
        QFETCH(bool, newInPlace);
        QTemporaryDir dir;
        const QString target = QDir(QDir(dir.path()).canonicalPath()).filePath(QStringLiteral("a.py"));
        QVERIFY(saveAtomically(target, oldVersion).ok);
        const ShimRun run = saveWithShim(target, fail);
        QVERIFY(!run.ok);
        QVERIFY2(run.output.startsWith(target + QStringLiteral(": ")) && run.output.contains(message), qPrintable(run.output));
        QVERIFY2(run.calls.join(QLatin1Char('\n')).contains(QStringLiteral(" failed")), "the shim did not fail the call");
        QCOMPARE(readAll(target), newInPlace ? newVersion : oldVersion);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("a.py")});
    }

    // A power cut at any point of a save, replayed from the calls it made: writes not yet
    // synced are lost, and the folder may hold its last synced entries or the newer ones.
    // In every such state the file is the old text or the new one, whole.
    void everyCrashStateHoldsTheOldOrTheNewFile()
    {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).canonicalPath();
        const QString target = QDir(folder).filePath(QStringLiteral("a.py"));
        QVERIFY(saveAtomically(target, oldVersion).ok);
        const ShimRun run = saveWithShim(target);
        QVERIFY2(run.ok && !run.calls.isEmpty(), qPrintable(run.output));
        struct Inode
        {
            QByteArray synced, pending;
        };
        std::vector<Inode> inodes{{oldVersion, oldVersion}};
        std::map<QString, std::size_t> entries{{target, 0}}; // as the process sees the folder
        std::map<QString, std::size_t> syncedEntries = entries; // as the disk surely has it
        qsizetype written = 0;
        for (qsizetype k = 0; k <= run.calls.size(); ++k) {
            for (const auto *folderState : {&syncedEntries, &entries}) {
                const auto found = folderState->find(target);
                QVERIFY2(found != folderState->end(), qPrintable(QStringLiteral("a.py is gone after %1 calls").arg(k)));
                const QByteArray &text = inodes[found->second].synced;
                QVERIFY2(text == oldVersion || text == newVersion,
                         qPrintable(QStringLiteral("a power cut after %1 calls (%2) leaves %3 bytes that are neither version")
                                        .arg(k).arg(k ? run.calls[k - 1] : QStringLiteral("none")).arg(text.size())));
            }
            if (k == run.calls.size())
                break;
            const QStringList call = run.calls[k].split(QLatin1Char(' '));
            if (call[0] == QStringLiteral("write")) {
                if (!entries.count(call[1])) {
                    entries[call[1]] = inodes.size();
                    inodes.push_back({});
                }
                const qsizetype n = call[2].toLongLong();
                inodes[entries[call[1]]].pending += newVersion.mid(written, n);
                written += n;
            } else if (call[0] == QStringLiteral("fsync") && call[1] == folder) {
                syncedEntries = entries;
            } else if (call[0] == QStringLiteral("fsync")) {
                Inode &inode = inodes[entries.at(call[1])];
                inode.synced = inode.pending;
            } else if (call[0] == QStringLiteral("rename")) {
                entries[call[2]] = entries.at(call[1]);
                entries.erase(call[1]);
            }
        }
    }

    void killedMidSaveLeavesEveryFileWhole()
    {
        QTemporaryDir dir;
        QStringList files;
        for (int k = 0; k < 4; ++k) {
            files << dir.filePath(QStringLiteral("f%1.py").arg(k));
            QVERIFY(saveAtomically(files.back(), oldVersion).ok);
        }
        int rounds = 0, sawOld = 0, sawNew = 0;
        for (; rounds < 12; ++rounds) {
            QProcess child;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("HOTPATH_TEST_SAVE_LOOP"), files.join(QLatin1Char(':')));
            child.setProcessEnvironment(environment);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(child.waitForReadyRead(10000));
            // 1,000 saves take a few hundred ms here: kill somewhere inside them.
            QTest::qWait(static_cast<int>(QRandomGenerator::global()->bounded(20, 300)));
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            for (const QString &file : files) {
                const QByteArray contents = readAll(file);
                QVERIFY2(contents == oldVersion || contents == newVersion,
                         qPrintable(QStringLiteral("%1 is neither version (%2 bytes)").arg(file).arg(contents.size())));
                (contents == oldVersion ? sawOld : sawNew) += 1;
            }
        }
        qInfo("%d kills, files found whole: %d old, %d new", rounds, sawOld, sawNew);
    }

    void symbolicLinkIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.py"));
        QVERIFY(saveAtomically(target, "x = 1\n").ok);
        const QString link = dir.filePath(QStringLiteral("link.py"));
        QVERIFY(QFile::link(target, link));
        const SaveResult result = saveAtomically(link, "x = 2\n");
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("symbolic link")), qPrintable(result.error));
        QCOMPARE(readAll(target), QByteArray("x = 1\n"));
        QVERIFY(QFileInfo(link).isSymLink());
    }

    void readOnlyFolderGivesAClearError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.py"));
        QVERIFY(saveAtomically(file, "x = 1\n").ok);
        const QByteArray path = QFile::encodeName(dir.path());
        bool mounted = false;
        if (::geteuid() == 0) {
            // Permissions do not stop root: remount the folder read-only instead.
            if (!canMount())
                QSKIP("running as root without mount(2): a read-only folder cannot be made");
            QVERIFY(::mount(path.constData(), path.constData(), nullptr, MS_BIND, nullptr) == 0);
            QVERIFY(::mount(nullptr, path.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) == 0);
            mounted = true;
        } else {
            QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        const SaveResult result = saveAtomically(file, "x = 2\n");
        if (mounted)
            ::umount(path.constData());
        else
            QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("read-only")) || result.error.contains(QStringLiteral("permission denied")), qPrintable(result.error));
        QVERIFY(result.error.startsWith(file));
        QCOMPARE(readAll(file), QByteArray("x = 1\n"));
    }

    void fullDiskGivesAClearErrorAndKeepsTheOldFile()
    {
        if (!canMount())
            QSKIP("needs root and mount(2) for a small tmpfs");
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.path());
        QVERIFY(::mount("tmpfs", path.constData(), "tmpfs", 0, "size=64k") == 0);
        const QString file = dir.filePath(QStringLiteral("a.py"));
        const SaveResult first = saveAtomically(file, QByteArray(20'000, 'a'));
        const SaveResult second = saveAtomically(file, QByteArray(100'000, 'b'));
        const QByteArray contents = readAll(file);
        const QStringList leftovers = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        ::umount(path.constData());
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(!second.ok);
        QVERIFY2(second.error.contains(QStringLiteral("disk is full")), qPrintable(second.error));
        QCOMPARE(contents, QByteArray(20'000, 'a'));
        QCOMPARE(leftovers, QStringList{QStringLiteral("a.py")}); // the half-written temporary is gone
    }

    void templatesMakeProjectsThatCheckClean()
    {
        for (const QString &name : templateNames()) {
            QTemporaryDir dir;
            const QString project = dir.filePath(QStringLiteral("p"));
            const SaveResult made = createProject(project, QStringLiteral("Demo"), name);
            QVERIFY2(made.ok, qPrintable(made.error));
            CheckReport report;
            checkTarget(project, report);
            QVERIFY2(report.errorCount() == 0, qPrintable(name + QStringLiteral(": ") + report.projectErrors.join(QLatin1Char('\n'))));
            QVERIFY(!readManifest(project).manifest->files.isEmpty());
            QVERIFY(!createProject(project, QStringLiteral("Again"), name).ok); // never over a project
        }
    }

    void filesAreAddedRenamedAndRemovedWithTheManifest()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        QVERIFY(createProject(project, QStringLiteral("Demo"), QStringLiteral("empty")).ok);
        QVERIFY(addFile(project, QStringLiteral("extra.py")).ok);
        QCOMPARE(readManifest(project).manifest->files, (QStringList{QStringLiteral("app.py"), QStringLiteral("extra.py")}));
        CheckReport report;
        checkTarget(project, report);
        QCOMPARE(report.errorCount(), 0);
        QVERIFY(!addFile(project, QStringLiteral("extra.py")).ok);
        QVERIFY(!addFile(project, QStringLiteral("../evil.py")).ok);
        QVERIFY(renameFile(project, QStringLiteral("extra.py"), QStringLiteral("more.py")).ok);
        QVERIFY(QFileInfo::exists(QDir(project).filePath(QStringLiteral("more.py"))));
        QVERIFY(removeFile(project, QStringLiteral("more.py")).ok);
        QCOMPARE(readManifest(project).manifest->files, QStringList{QStringLiteral("app.py")});
        QVERIFY(QFileInfo::exists(QDir(project).filePath(QStringLiteral("more.py")))); // removed from the project, not deleted
        // Save As copies with the editor's text.
        const QString copy = dir.filePath(QStringLiteral("copy"));
        QVERIFY(copyProject(project, copy, {{QDir(project).absoluteFilePath(QStringLiteral("app.py")), "edited\n"}}).ok);
        QCOMPARE(readAll(QDir(copy).filePath(QStringLiteral("app.py"))), QByteArray("edited\n"));
    }

    void changesToDifferentLinesMerge()
    {
        const QString base = QStringLiteral("a\nb\nc\nd\ne\n");
        auto merged = [](const QString &b, const QString &mine, const QString &theirs) {
            return mergeLines(b, mine, theirs).value_or(QStringLiteral("<conflict>"));
        };
        QCOMPARE(merged(base, QStringLiteral("A\nb\nc\nd\ne\n"), QStringLiteral("a\nb\nc\nd\nE\n")), QStringLiteral("A\nb\nc\nd\nE\n"));
        QCOMPARE(merged(base, QStringLiteral("a\nb\nmine\nc\nd\ne\n"), QStringLiteral("a\nd\ne\n")), QStringLiteral("<conflict>")); // an insertion where the other side deleted
        QCOMPARE(merged(base, QStringLiteral("a\nB\nc\nd\ne\n"), QStringLiteral("a\nb\nc\nd\ne\nf\n")), QStringLiteral("a\nB\nc\nd\ne\nf\n"));
        QCOMPARE(merged(base, QStringLiteral("a\nX\nc\nd\ne\n"), QStringLiteral("a\nY\nc\nd\ne\n")), QStringLiteral("<conflict>")); // the same line
        QCOMPARE(merged(base, QStringLiteral("a\nX\nc\nd\ne\n"), QStringLiteral("a\nX\nc\nd\ne\n")), QStringLiteral("a\nX\nc\nd\ne\n"));
        QCOMPARE(merged(base, base + QStringLiteral("mine\n"), base + QStringLiteral("theirs\n")), QStringLiteral("<conflict>")); // both append
    }

    void recoveryOutlivesAKilledStudioAndIsOfferedOnce()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p"));
        QVERIFY(createProject(project, QStringLiteral("Demo"), QStringLiteral("empty")).ok);
        QVERIFY(renameFile(project, QStringLiteral("app.py"), QStringLiteral("a.py")).ok);
        const QString root = dir.filePath(QStringLiteral("recovery"));
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOTPATH_TEST_HOLD_RECOVERY"), project + QLatin1Char(':') + root);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForReadyRead(10000));
        {
            Recovery second(project, root);
            QVERIFY2(!second.claim(), "a running studio's buffers are not offered to another");
            QVERIFY(second.leftBehind().empty());
        }
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        // Meanwhile gone.py was deleted (it never existed here) and same.py saved as edited:
        // the first still has edits to offer, the second has none.
        QVERIFY(saveAtomically(QDir(project).filePath(QStringLiteral("same.py")), "as on disk\n").ok);
        Recovery next(project, root);
        QVERIFY(next.claim());
        std::vector<RecoveredBuffer> left = next.leftBehind();
        std::sort(left.begin(), left.end(), [](const auto &a, const auto &b) { return a.file < b.file; });
        QCOMPARE(left.size(), std::size_t(2));
        QCOMPARE(left[0].file, QDir(project).filePath(QStringLiteral("a.py")));
        QCOMPARE(left[0].text, QStringLiteral("edited but never saved\n"));
        QCOMPARE(left[1].file, QDir(project).filePath(QStringLiteral("gone.py")));
        QCOMPARE(left[1].text, QStringLiteral("edits of a file deleted later\n"));
        next.forgetAll();
        QVERIFY(next.leftBehind().empty());
    }
};

int main(int argc, char *argv[])
{
    if (const QByteArray file = qgetenv("HOTPATH_TEST_SAVE_ONCE"); !file.isEmpty())
        saveOnce(QString::fromLocal8Bit(file));
    if (const QByteArray files = qgetenv("HOTPATH_TEST_SAVE_LOOP"); !files.isEmpty())
        saveLoop(QString::fromLocal8Bit(files).split(QLatin1Char(':')));
    if (const QByteArray hold = qgetenv("HOTPATH_TEST_HOLD_RECOVERY"); !hold.isEmpty()) {
        const QStringList parts = QString::fromLocal8Bit(hold).split(QLatin1Char(':'));
        holdRecovery(parts.value(0), parts.value(1));
    }
    QCoreApplication app(argc, argv);
    TestSaving test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_saving.moc"
