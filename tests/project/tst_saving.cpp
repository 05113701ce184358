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

#include <csignal>

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

// The child: holds a project's recovery lock with one buffer kept, until killed.
[[noreturn]] void holdRecovery(const QString &project, const QString &root)
{
    Recovery recovery(project, root);
    if (!recovery.claim())
        std::exit(3);
    recovery.keep(QDir(project).filePath(QStringLiteral("a.py")), QStringLiteral("edited but never saved\n"));
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
        Recovery next(project, root);
        QVERIFY(next.claim());
        const std::vector<RecoveredBuffer> left = next.leftBehind();
        QCOMPARE(left.size(), std::size_t(1));
        QCOMPARE(left[0].file, QDir(project).filePath(QStringLiteral("a.py")));
        QCOMPARE(left[0].text, QStringLiteral("edited but never saved\n"));
        next.forgetAll();
        QVERIFY(next.leftBehind().empty());
    }
};

int main(int argc, char *argv[])
{
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
