// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/ProjectChecker.h"

#include <QtTest/QtTest>

using namespace hotpath;

namespace {

void write(const QDir &dir, const QString &name, const QByteArray &text)
{
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestProjectChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateEndpointsAcrossFilesAreReported()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        write(dir, QStringLiteral("hotpath.json"), R"({"format": 1, "name": "p", "files": ["a.py", "b.py"]})");
        write(dir, QStringLiteral("a.py"), "from hotpath import get\n@get('/x/<int:n>')\ndef a(n: int) -> int:\n    return n\n");
        write(dir, QStringLiteral("b.py"), "from hotpath import route\n\n@route('/x/<int:m>', methods=['POST', 'GET'])\ndef b(m: int) -> int:\n    return m\n");
        project::CheckReport report;
        project::checkTarget(tmp.path(), report);
        QCOMPARE(report.errorCount(), 1);
        const auto &b = *report.files[1];
        QCOMPARE(b.diagnostics.diagnostics().size(), size_t(1));
        const std::string text = support::formatDiagnostic(b.program->file, b.diagnostics.diagnostics()[0]);
        QVERIFY2(text.find("b.py:3:2: error: GET /x/<int:m> is already served by 'a' (") != std::string::npos, text.c_str());
        QVERIFY2(text.find("a.py:2)") != std::string::npos, text.c_str());
    }

    void missingListedFileIsReported()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        write(dir, QStringLiteral("hotpath.json"), R"({"format": 1, "name": "p", "files": ["gone.py"]})");
        project::CheckReport report;
        project::checkTarget(tmp.path(), report);
        QCOMPARE(report.errorCount(), 1);
        QVERIFY(report.projectErrors.at(0).endsWith(QStringLiteral("listed file 'gone.py' does not exist")));
    }

    void folderWithoutManifestIsNotAProject()
    {
        QTemporaryDir tmp;
        project::CheckReport report;
        project::checkTarget(tmp.path(), report);
        QCOMPARE(report.errorCount(), 1);
        QVERIFY(report.projectErrors.at(0).contains(QStringLiteral("not a Hotpath project")));
    }

    void binaryGarbageDoesNotCrash()
    {
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(static_cast<char>((i * 7919) % 256));
        write(dir, QStringLiteral("g.py"), garbage);
        project::CheckReport report;
        project::checkTarget(dir.filePath(QStringLiteral("g.py")), report);
        QVERIFY(report.errorCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestProjectChecker)
#include "tst_projectchecker.moc"
