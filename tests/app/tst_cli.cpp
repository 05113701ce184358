// SPDX-License-Identifier: GPL-3.0-or-later
// The `hotpath` command line as a user runs it: a real process, real files.
#include <QtTest/QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run hotpath(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(HOTPATH_CLI), arguments);
    if (!process.waitForFinished(60000))
        qFatal("hotpath did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = QDir(dir.path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
    return path;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionIsPrinted()
    {
        const Run run = hotpath({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QRegularExpression(QStringLiteral("^hotpath \\d+\\.\\d+\\.\\d+\\n$")).match(run.out).hasMatch());
    }

    void helpListsCommands()
    {
        const Run run = hotpath({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("check FILE.py|PROJECT")));
        QVERIFY(run.out.contains(QStringLiteral("Exit status")));
        const Run checkHelp = hotpath({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(checkHelp.exitCode, 0);
        QVERIFY(checkHelp.out.contains(QStringLiteral("--brief")));
        QVERIFY(checkHelp.out.contains(QStringLiteral("file:line:col: error: message")));
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(hotpath({}).exitCode, 2);
        QCOMPARE(hotpath({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(hotpath({QStringLiteral("check")}).exitCode, 2);
        QCOMPARE(hotpath({QStringLiteral("check"), QStringLiteral("--nope"), QStringLiteral("x.py")}).exitCode, 2);
    }

    void samplesAreClean()
    {
        const Run run = hotpath({QStringLiteral("check"), QStringLiteral(HOTPATH_SAMPLES_DIR)});
        QCOMPARE(run.out, QString());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(QStringLiteral("no errors")));
    }

    void errorsUseCompilerConventionWithContext()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.py"),
                                       "def f(n: int) -> int:\n    total = n\n    return totl\n");
        const Run run = hotpath({QStringLiteral("check"), path});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.at(0), path + QStringLiteral(":3:12: error: name 'totl' is not defined; did you mean 'total'?"));
        QCOMPARE(lines.at(1), QStringLiteral("        return totl"));
        QCOMPARE(lines.at(2), QStringLiteral("               ^~~~"));
        QVERIFY(run.err.contains(QStringLiteral("1 error in 1 file")));
    }

    void briefPrintsOneLinePerError()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("two.py"),
                                       "def f() -> int:\n    x = lambda: 1\n    return 'a'\n");
        const Run run = hotpath({QStringLiteral("check"), QStringLiteral("--brief"), path});
        QCOMPARE(run.exitCode, 1);
        const QStringList expected = {path + QStringLiteral(":2:9: error: lambda is not supported in Hotpath handlers"),
                                      path + QStringLiteral(":3:12: error: expected int for the return value of 'f', got str"),
                                      QString()};
        QCOMPARE(run.out.split(QLatin1Char('\n')), expected);
    }

    void severalFilesAndMissingOnes()
    {
        QTemporaryDir dir;
        const QString good = writeFile(dir, QStringLiteral("good.py"), "def f() -> int:\n    return 1\n");
        const Run run = hotpath({QStringLiteral("check"), good, dir.filePath(QStringLiteral("missing.py"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QStringLiteral("missing.py: error: no such file or directory")));
    }

    void brokenManifestIsReportedNotCrashing()
    {
        QTemporaryDir dir;
        writeFile(dir, QStringLiteral("hotpath.json"), R"({"format": 1, "name": "x", "files": [3]})");
        const Run run = hotpath({QStringLiteral("check"), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("hotpath.json: error: field 'files[0]': must be the name of a .py file")),
                 qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
