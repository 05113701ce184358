// SPDX-License-Identifier: GPL-3.0-or-later
// Table-driven diagnostics: every case in diagnostics.txt is a handler file and the
// exact, complete list of errors (line:col: message) the front end must report for it.
#include "hotpath/lang/Checker.h"

#include <QtTest/QtTest>

using namespace hotpath;

namespace {

struct Case
{
    QString name;
    QString source;
    QStringList expected;
};

QList<Case> readTable(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<Case> cases;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("=== "))) {
            cases.append({line.mid(4).trimmed(), {}, {}});
        } else if (cases.isEmpty()) {
            continue; // the header comment
        } else if (line.startsWith(QStringLiteral("--- "))) {
            cases.last().expected.append(line.mid(4));
        } else if (cases.last().expected.isEmpty()) {
            cases.last().source += line + QLatin1Char('\n');
        }
    }
    return cases;
}

} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableHasEnoughCases()
    {
        QVERIFY(readTable(QStringLiteral(HOTPATH_DIAGNOSTICS_TABLE)).size() >= 60);
    }

    void exactDiagnostics_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("expected");
        QSet<QString> names;
        for (const Case &c : readTable(QStringLiteral(HOTPATH_DIAGNOSTICS_TABLE))) {
            QVERIFY2(!names.contains(c.name), qPrintable(QStringLiteral("duplicate case name ") + c.name));
            names.insert(c.name);
            QVERIFY2(!c.expected.isEmpty(), qPrintable(c.name + QStringLiteral(" expects no error")));
            QTest::newRow(qPrintable(c.name)) << c.source << c.expected;
        }
    }
    void exactDiagnostics()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, expected);
        support::DiagnosticSink sink;
        auto program = lang::checkFile(support::SourceFile("case.py", source.toStdString()), sink);
        QStringList actual;
        for (const support::Diagnostic &d : sink.diagnostics()) {
            if (d.severity != support::Severity::Error)
                continue;
            const auto at = program->file.lineColumn(d.span.begin);
            actual.append(QStringLiteral("%1:%2: %3").arg(at.line).arg(at.column).arg(QString::fromStdString(d.message)));
        }
        QCOMPARE(actual, expected);
    }
};

QTEST_APPLESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
