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
        const QStringList expected = {path + QStringLiteral(":2:9: error: lambda is supported as the key= of sorted(), min(), max() and list.sort() in Hotpath handlers"),
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

    void runPrintsLikePython()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("p.py"),
                                       "def show(n: int, name: str, xs: list[float]) -> str:\n"
                                       "    print('start', n)\n"
                                       "    return f'{name}: {sum(xs) / len(xs):.2f} over {len(xs)}'\n");
        const Run run = hotpath({QStringLiteral("run"), path, QStringLiteral("show"), QStringLiteral("3"),
                                 QStringLiteral("avg"), QStringLiteral("[1.5, 2, 4]")});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("start 3\navg: 2.50 over 3\n"));
    }

    void runtimeErrorsNameFileLineAndPythonError()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("e.py"),
                                       "def f(d: dict[str, int]) -> int:\n    print('before')\n    return d['missing']\n");
        const Run run = hotpath({QStringLiteral("run"), path, QStringLiteral("f"), QStringLiteral("{\"a\": 1}")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QStringLiteral("before\n"));
        QCOMPARE(run.err, path + QStringLiteral(":3: KeyError: 'missing'\n"));
    }

    void runRejectsBadArguments()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("a.py"), "def f(n: int) -> int:\n    return n\n");
        const Run bad = hotpath({QStringLiteral("run"), path, QStringLiteral("f"), QStringLiteral("x1")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("parameter 'n' (int): invalid literal for int() with base 10: 'x1'")),
                 qPrintable(bad.err));
        const Run missing = hotpath({QStringLiteral("run"), path, QStringLiteral("g")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("no function 'g'")));
        const Run tier = hotpath({QStringLiteral("run"), QStringLiteral("--tier"), QStringLiteral("fast"), path,
                                  QStringLiteral("f"), QStringLiteral("1")});
        QCOMPARE(tier.exitCode, 2);
        QVERIFY2(tier.err.contains(QStringLiteral("--tier must be interp or jit")), qPrintable(tier.err));
        const Run opt = hotpath({QStringLiteral("run"), QStringLiteral("--opt"), QStringLiteral("4"), path,
                                 QStringLiteral("f"), QStringLiteral("1")});
        QCOMPARE(opt.exitCode, 2);
        QVERIFY2(opt.err.contains(QStringLiteral("--opt must be 0, 1, 2 or 3")), qPrintable(opt.err));
    }

    // Both tiers, and every JIT level, stop a runaway loop at the deadline.
    void runTimesOutInEveryTier_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("interp") << QStringList{QStringLiteral("--tier"), QStringLiteral("interp")};
        QTest::newRow("jit -O0") << QStringList{QStringLiteral("--tier"), QStringLiteral("jit"), QStringLiteral("--opt"), QStringLiteral("0")};
        QTest::newRow("jit -O2") << QStringList{QStringLiteral("--tier"), QStringLiteral("jit")};
    }

    void runTimesOutInEveryTier()
    {
        QFETCH(QStringList, options);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("t.py"), "def spin() -> int:\n    while True:\n        pass\n");
        const Run timeout = hotpath(QStringList{QStringLiteral("run"), path, QStringLiteral("spin"), QStringLiteral("--timeout"),
                                                QStringLiteral("0.2")} + options);
        QCOMPARE(timeout.exitCode, 1);
        QVERIFY2(timeout.err.contains(QStringLiteral(":3: TimeoutError:")), qPrintable(timeout.err));
    }

    void runDefaultsToTheJit()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("f.py"),
                                       "def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n");
        const Run run = hotpath({QStringLiteral("run"), path, QStringLiteral("fib"), QStringLiteral("25")});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, QStringLiteral("75025\n"));
        QVERIFY(!hotpath({QStringLiteral("run"), QStringLiteral("--help")}).out.contains(QStringLiteral("default: interp")));
    }

    void dumpShowsIrAndNativeCodeWithSourceLines()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("d.py"),
                                       "def total(n: int) -> int:\n    s = 0\n    for i in range(n):\n        s += i * i\n    return s\n");
        const Run ir = hotpath({QStringLiteral("dump"), path, QStringLiteral("total"), QStringLiteral("--ir")});
        QCOMPARE(ir.exitCode, 0);
        QVERIFY2(ir.out.contains(QStringLiteral("@hotpath.total(")), qPrintable(ir.out));
        QVERIFY2(ir.out.contains(QStringLiteral("; line 4: s += i * i")), qPrintable(ir.out));
        QVERIFY2(ir.out.contains(QStringLiteral("llvm.smul.with.overflow.i64")), qPrintable(ir.out));
        const Run opt = hotpath({QStringLiteral("dump"), path, QStringLiteral("total"), QStringLiteral("--ir-opt")});
        QCOMPARE(opt.exitCode, 0);
        QVERIFY2(!opt.out.contains(QStringLiteral("alloca")), qPrintable(opt.out)); // registers promoted to SSA
        const Run assembly = hotpath({QStringLiteral("dump"), path, QStringLiteral("total"), QStringLiteral("--asm")});
        QCOMPARE(assembly.exitCode, 0);
        QVERIFY2(assembly.out.contains(QStringLiteral("bytes of x86-64")), qPrintable(assembly.out));
        QVERIFY2(assembly.out.contains(QStringLiteral("# line 4: s += i * i")), qPrintable(assembly.out));
        QVERIFY2(assembly.out.contains(QStringLiteral("ret")), qPrintable(assembly.out));
    }

    void dumpListsBytecodeWithLines()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("d.py"), "def add(a: int, b: int) -> int:\n    return a + b\n");
        const Run run = hotpath({QStringLiteral("dump"), path, QStringLiteral("add"), QStringLiteral("--bytecode")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("line 2    ADD_I           r2, r0(a), r1(b)")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("RETURN")));
    }

    // A generator expression given to sum() or any() runs inside the consumer: no list is
    // built for it, in the listing as in the running code.
    void generatorExpressionsBuildNoList()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("g.py"),
                                       "def total(xs: list[int]) -> int:\n"
                                       "    return sum(x * x for x in xs if x > 2)\n"
                                       "def has(xs: list[int]) -> bool:\n"
                                       "    return any(x > 9 for x in xs)\n"
                                       "def squares(xs: list[int]) -> list[int]:\n"
                                       "    return [x * x for x in xs]\n");
        for (const char *function : {"total", "has"}) {
            const Run run = hotpath({QStringLiteral("dump"), path, QString::fromLatin1(function), QStringLiteral("--bytecode")});
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(!run.out.contains(QStringLiteral("NEW_LIST")), qPrintable(run.out));
            QVERIFY2(run.out.contains(QStringLiteral("LOOP")) || run.out.contains(QStringLiteral("FOR_RANGE")), qPrintable(run.out));
        }
        // The comprehension does build one, which the listing shows the check can see.
        const Run squares = hotpath({QStringLiteral("dump"), path, QStringLiteral("squares"), QStringLiteral("--bytecode")});
        QVERIFY2(squares.out.contains(QStringLiteral("NEW_LIST")), qPrintable(squares.out));
        const Run run = hotpath({QStringLiteral("run"), path, QStringLiteral("total"), QStringLiteral("[1, 3, 4]")});
        QCOMPARE(run.out, QStringLiteral("25\n"));
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
