// SPDX-License-Identifier: GPL-3.0-or-later
// Hotpath Studio as a user drives it, offscreen: open the sample, see a typing error in
// Problems and fix it, Run, send requests in both tiers from Try it, watch the latency
// chart fill, Stop and find the port free again.
#include "BracketMatcher.h"
#include "CodeEditor.h"
#include "CompiledView.h"
#include "LatencyChart.h"
#include "MainWindow.h"
#include "StateView.h"
#include "PercentileChart.h"
#include "ProfileDialog.h"
#include "tst_studio_projects.h"
#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QJsonArray>
#include <QtCore/QStandardPaths>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtGui/QImage>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QTreeWidget>

using namespace hotpath;

class TestStudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("HotpathTests"));
        QApplication::setApplicationName(QStringLiteral("tst_studio"));
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        // A copy of the sample, so saving in the test never touches the repository.
        for (const QString &name : QDir(QStringLiteral(HOTPATH_SAMPLES_DIR)).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(QStringLiteral(HOTPATH_SAMPLES_DIR)).filePath(name), QDir(m_dir->path()).filePath(name)));
    }

    void editRunTryAndWatch()
    {
        session::Session session;
        ui::MainWindow window(session);
        QVERIFY(window.openProject(m_dir->path()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString hello = QDir(m_dir->path()).absoluteFilePath(QStringLiteral("hello.py"));
        ui::CodeEditor *editor = window.editor(hello);
        QVERIFY(editor);
        QVERIFY(editor->toPlainText().contains(QStringLiteral("Hello, World!")));

        // A type error typed at the end shows up in Problems with its line; undo fixes it.
        QTRY_COMPARE(window.problems()->topLevelItemCount(), 0);
        const QString original = editor->toPlainText();
        const int lines = editor->blockCount();
        QTextCursor cursor = editor->textCursor();
        cursor.movePosition(QTextCursor::End);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("def broken() -> int:"));
        QTest::keyClick(editor, Qt::Key_Return); // auto-indents the body
        QTest::keyClicks(editor, QStringLiteral("return 'text'"));
        QVERIFY(editor->toPlainText().endsWith(QStringLiteral("def broken() -> int:\n    return 'text'")));
        QTRY_VERIFY_WITH_TIMEOUT(window.problems()->topLevelItemCount() > 0, 5000);
        QCOMPARE(window.problems()->topLevelItem(0)->text(1).toInt(), lines + 2);
        QVERIFY2(window.problems()->topLevelItem(0)->text(2).contains(QStringLiteral("int")),
                 qPrintable(window.problems()->topLevelItem(0)->text(2)));
        editor->setPlainText(original);
        QTRY_COMPARE_WITH_TIMEOUT(window.problems()->topLevelItemCount(), 0, 5000);

        // The compiled view follows the cursor into fib.py's recursive function.
        const QString fib = QDir(m_dir->path()).absoluteFilePath(QStringLiteral("fib.py"));
        ui::CodeEditor *fibEditor = window.editor(fib);
        QVERIFY(fibEditor);
        const int defLine = static_cast<int>(fibEditor->toPlainText().left(fibEditor->toPlainText().indexOf(QStringLiteral("def fib_recursive"))).count(QLatin1Char('\n'))) + 1;
        window.showFile(fib, defLine + 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.compiled()->views().function, QStringLiteral("fib_recursive"), 20000);
        QVERIFY(window.compiled()->listing(0)->toPlainText().contains(QStringLiteral("CALL")));
        // Out of every function (the file's first line), then into one: the view follows.
        const QString nbody = QDir(m_dir->path()).absoluteFilePath(QStringLiteral("nbody.py"));
        window.showFile(nbody, 1);
        QTRY_VERIFY_WITH_TIMEOUT(window.compiled()->views().file == nbody && window.compiled()->views().function.isEmpty(), 20000);
        window.showFile(nbody, 30); // inside make_system
        QTRY_COMPARE_WITH_TIMEOUT(window.compiled()->views().function, QStringLiteral("make_system"), 20000);
        window.showFile(nbody, 72); // inside offset_momentum
        QTRY_COMPARE_WITH_TIMEOUT(window.compiled()->views().function, QStringLiteral("offset_momentum"), 20000);
        window.showFile(fib, defLine + 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.compiled()->views().function, QStringLiteral("fib_recursive"), 20000);
        QVERIFY(window.compiled()->listing(1)->toPlainText().contains(QStringLiteral("@hotpath.fib_recursive(")));
        QVERIFY(!window.compiled()->listing(2)->toPlainText().trimmed().isEmpty());
        QVERIFY(!window.compiled()->listing(1)->extraSelections().isEmpty()); // lines of the cursor's source line

        // Run on a free port, then Try it in both tiers.
        window.findChild<QLineEdit *>()->setText(QStringLiteral("127.0.0.1:0"));
        window.run();
        QVERIFY(session.running());
        const QUrl url(session.url());
        QVERIFY(url.port() > 0);
        window.sendTry(QStringLiteral("/fib/20"), QStringLiteral("jit"));
        QTRY_VERIFY_WITH_TIMEOUT(window.tryStatus()->text().contains(QStringLiteral("tier jit")), 20000);
        QVERIFY(window.tryStatus()->text().contains(QStringLiteral("200")));
        QVERIFY(window.tryBody()->toPlainText().trimmed().endsWith(QStringLiteral("6765")));
        window.sendTry(QStringLiteral("/fib/20"), QStringLiteral("interp"));
        QTRY_VERIFY_WITH_TIMEOUT(window.tryStatus()->text().contains(QStringLiteral("tier interp")), 10000);
        auto *history = window.findChild<QListWidget *>();
        QVERIFY(history);
        QTRY_COMPARE(history->count(), 2);
        QCOMPARE(history->item(0)->text(), QStringLiteral("GET /fib/20  →  200 (interp)"));

        // Load both tiers; the chart and the summary fill for each.
        QNetworkAccessManager network;
        int answered = 0;
        for (int k = 0; k < 60; ++k) {
            QNetworkRequest request(url.resolved(QUrl(QStringLiteral("/fib/15"))));
            request.setRawHeader("X-Hotpath-Tier", k % 2 ? "jit" : "interp");
            QNetworkReply *reply = network.get(request);
            connect(reply, &QNetworkReply::finished, reply, [reply, &answered] {
                ++answered;
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 60, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.chart()->pointCount() >= 4, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.summary()->item(0, 0) && window.summary()->item(0, 0)->text().toInt() >= 30, 5000);
        QVERIFY(window.summary()->item(1, 0)->text().toInt() >= 30);
        QVERIFY(window.log()->toPlainText().contains(QStringLiteral("GET /fib/15 200 jit")));
        // The JIT's speed-up over the interpreter and when its compile time pays off.
        QTRY_VERIFY_WITH_TIMEOUT(window.speedup()->text().contains(QStringLiteral("pays for itself after about")), 5000);

        // A short profile run loads both tiers in turn and ends with their summary.
        ui::ProfileDialog *dialog = window.profile();
        QVERIFY(dialog);
        dialog->start(0.6);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->finished(), 30000);
        QVERIFY2(dialog->summary().contains(QStringLiteral("<td>interp</td>")) && dialog->summary().contains(QStringLiteral("<td>jit</td>")),
                 qPrintable(dialog->summary()));
        QVERIFY(dialog->summary().contains(QStringLiteral("the interpreter's requests/s")));
        // Its distribution is plotted, both tiers, on the percentile axis.
        QTRY_VERIFY(window.distribution()->pointCount() > 2 * 60);
        dialog->close();

        // Pause freezes the live chart; Clear starts the figures from zero.
        window.setChartPaused(true);
        const int frozen = window.chart()->pointCount();
        QTest::qWait(400);
        QCOMPARE(window.chart()->pointCount(), frozen);
        window.setChartPaused(false);
        window.clearMetrics();
        QVERIFY2(window.chart()->pointCount() <= 1, qPrintable(QString::number(window.chart()->pointCount()))); // the requests/s point of one tick at most
        QCOMPARE(session.metricsSnapshot().series.empty() ? 0u : session.metricsSnapshot().series.front().tiers[0].count(), 0u);

        // Export: the chart as PNG, the numbers as CSV and JSON.
        const QString base = QDir(m_dir->path()).filePath(QStringLiteral("latency"));
        QVERIFY(window.exportMetricsTo(base));
        QVERIFY(QImage(base + QStringLiteral(".png")).width() > 100);
        QFile csv(base + QStringLiteral(".csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("\"GET /fib/<int:n>\",jit,"));
        QVERIFY(QJsonDocument::fromJson([&] { QFile f(base + QStringLiteral(".json")); f.open(QIODevice::ReadOnly); return f.readAll(); }()).isObject());
        QVERIFY(QImage(base + QStringLiteral("-distribution.png")).width() > 100);
        const QJsonDocument profile = QJsonDocument::fromJson([&] { QFile f(base + QStringLiteral("-profile.json")); f.open(QIODevice::ReadOnly); return f.readAll(); }());
        // One schema (loadgen::profileJson, as `hotpath bench --json` writes it), also kept in
        // the project's .hotpath/last-profile.json, which Export › Profile Report reads.
        QCOMPARE(profile[QStringLiteral("results")].toArray().size(), 2);
        QCOMPARE(profile[QStringLiteral("results")][1][QStringLiteral("tier")].toString(), QStringLiteral("jit"));
        QVERIFY(profile[QStringLiteral("results")][1][QStringLiteral("requests")].toInt() > 0);
        QVERIFY(profile[QStringLiteral("results")][0][QStringLiteral("p50_us")].toDouble() > 0);
        const QString kept = QDir(m_dir->path()).filePath(QStringLiteral(".hotpath/last-profile.json"));
        QCOMPARE(QJsonDocument::fromJson([&] { QFile f(kept); f.open(QIODevice::ReadOnly); return f.readAll(); }()), profile);
        const QString report = QDir(m_dir->path()).filePath(QStringLiteral("report"));
        QVERIFY(window.exportAs(QStringLiteral("report"), report));
        QVERIFY(QDir(report).entryList(QDir::Files).contains(QStringLiteral("distribution.png")));

        // Stop frees the port.
        window.stop();
        QVERIFY(!session.running());
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(url.port()));
        QVERIFY(!probe.waitForConnected(1000));

        // Another project shows nothing of this one: no profile, no log, nothing to export.
        const QString other = QDir(m_dir->path()).filePath(QStringLiteral("other"));
        QVERIFY(project::createProject(other, QStringLiteral("Other"), QStringLiteral("hello")).ok);
        window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);
        QVERIFY(window.openProject(other));
        QCOMPARE(window.distribution()->pointCount(), 0);
        QVERIFY(window.log()->toPlainText().isEmpty());
        QVERIFY(!window.exportMetricsTo(QDir(m_dir->path()).filePath(QStringLiteral("nothing"))));
        QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral("nothing.csv"))));
    }

    // The window fits the small laptop screens people have (1280x720): its minimum size, with
    // every panel in it, leaves room for a title bar and a task bar.
    void windowFitsASmallScreen()
    {
        session::Session session;
        ui::MainWindow window(session);
        QVERIFY(window.openProject(QStringLiteral(HOTPATH_SAMPLES_DIR)));
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(minimum.width() <= 1260 && minimum.height() <= 640,
                 qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    }

    // Under load the Log takes the requests of each tenth of a second in one append, showing
    // at most 500 of them after a line saying how many were left out (one row per request
    // stalled the window for 100-360 ms at a time at 14,000 requests a second).
    void logTakesRequestsInBatches()
    {
        session::Session session;
        ui::MainWindow window(session);
        QVERIFY(window.openProject(QStringLiteral(HOTPATH_SAMPLES_DIR)));
        QStringList lines;
        for (int k = 0; k < 2000; ++k)
            lines << QStringLiteral("GET /fib/%1 200 jit 80 us").arg(k);
        Q_EMIT session.logLines(lines);
        const QString text = window.log()->toPlainText();
        QVERIFY2(text.startsWith(QStringLiteral("… 1500 more requests in the last tenth of a second, not shown\nGET /fib/1500 200")), qPrintable(text.left(200)));
        QVERIFY(text.endsWith(QStringLiteral("GET /fib/1999 200 jit 80 us")));
        QCOMPARE(window.log()->document()->blockCount(), 501);
    }

    // Profile… sends the selected endpoint's method (a POST endpoint gets POSTs), and a run
    // whose requests mostly failed reports that instead of a speed-up.
    void profileSendsTheEndpointsMethodAndSaysWhenRequestsFail()
    {
        // A copy of the sample: a profile run is kept in the project's .hotpath folder.
        QTemporaryDir dir;
        for (const QString &name : QDir(QStringLiteral(HOTPATH_SAMPLES_DIR)).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(QStringLiteral(HOTPATH_SAMPLES_DIR)).filePath(name), dir.filePath(name)));
        session::Session session;
        ui::MainWindow window(session);
        QVERIFY(window.openProject(dir.path()));
        window.findChild<QLineEdit *>()->setText(QStringLiteral("127.0.0.1:0"));
        window.run();
        QVERIFY(session.running());
        const QList<QTreeWidgetItem *> rows = window.endpointList()->findItems(QStringLiteral("/wordcount"), Qt::MatchExactly, 1);
        QCOMPARE(rows.size(), 1);
        window.endpointList()->setCurrentItem(rows.first());
        ui::ProfileDialog *post = window.profile();
        QVERIFY(post);
        post->start(0.3);
        QTRY_VERIFY_WITH_TIMEOUT(post->finished(), 30000);
        QVERIFY2(post->json().find("\"method\":\"POST\"") != std::string::npos, post->json().c_str());
        QVERIFY2(!post->summary().contains(QStringLiteral("failed")), qPrintable(post->summary()));
        post->close();
        ui::ProfileDialog *missing = window.profile(QStringLiteral("/no/such/endpoint"));
        QVERIFY(missing);
        missing->start(0.3);
        QTRY_VERIFY_WITH_TIMEOUT(missing->finished(), 30000);
        QVERIFY2(missing->summary().contains(QStringLiteral("Most interp requests failed")), qPrintable(missing->summary()));
        QVERIFY(!missing->summary().contains(QStringLiteral("the interpreter's requests/s")));
        missing->close();
        window.stop();
    }

    // The menus, in the usual order, hold the shortcuts: F5 and Shift+F5 under Run, Ctrl+G under Edit.
    void menusHoldTheShortcuts()
    {
        session::Session session;
        ui::MainWindow window(session);
        QStringList titles;
        QMap<QString, QStringList> shortcuts;
        for (QAction *menu : window.menuBar()->actions()) {
            titles << menu->text();
            if (menu->menu())
                for (QAction *item : menu->menu()->actions())
                    if (!item->shortcut().isEmpty())
                        shortcuts[menu->text()] << item->shortcut().toString();
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"), QStringLiteral("&Run")}));
        QVERIFY(shortcuts[QStringLiteral("&Run")].contains(QStringLiteral("F5")));
        QVERIFY(shortcuts[QStringLiteral("&Run")].contains(QStringLiteral("Shift+F5")));
        QVERIFY(shortcuts[QStringLiteral("&Edit")].contains(QStringLiteral("Ctrl+G")));
        QVERIFY(shortcuts[QStringLiteral("&View")].contains(QStringLiteral("Alt+5")));
    }

    // The State view shows the running server's module-level store filling up.
    void stateViewShowsTheStoreFillingUp()
    {
        QTemporaryDir dir;
        QFile manifest(QDir(dir.path()).filePath(QStringLiteral("hotpath.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"format": 1, "name": "store", "files": ["app.py"]})");
        manifest.close();
        QFile app(QDir(dir.path()).filePath(QStringLiteral("app.py")));
        QVERIFY(app.open(QIODevice::WriteOnly));
        app.write("from hotpath import get\n\nITEMS: list[str] = []\nhits = 0\n\n\n"
                  "@get(\"/add/<word>\")\ndef add(word: str) -> int:\n    global hits\n    hits += 1\n"
                  "    ITEMS.append(word)\n    return len(ITEMS)\n");
        app.close();
        session::Session session;
        ui::MainWindow window(session);
        QVERIFY(window.openProject(dir.path()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = qobject_cast<QTabWidget *>(window.stateView()->parentWidget()->parentWidget());
        QVERIFY(tabs);
        tabs->setCurrentWidget(window.stateView());
        QTRY_VERIFY(window.stateView()->status().contains(QStringLiteral("Run the server")));
        window.findChild<QLineEdit *>()->setText(QStringLiteral("127.0.0.1:0"));
        window.run();
        QVERIFY(session.running());
        tabs->setCurrentWidget(window.stateView()); // Run shows the log
        for (const char *word : {"/add/tea", "/add/milk", "/add/bread"}) {
            window.sendTry(QString::fromLatin1(word), QStringLiteral("jit"));
            QTRY_VERIFY_WITH_TIMEOUT(window.tryStatus()->text().contains(QStringLiteral("200")), 20000);
            window.tryStatus()->clear();
        }
        QTreeWidget *table = window.stateView()->table();
        QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItem(0)->text(3), QStringLiteral("['tea', 'milk', 'bread']"), 5000);
        QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("ITEMS"));
        QCOMPARE(table->topLevelItem(0)->text(1), QStringLiteral("list[str]"));
        QCOMPARE(table->topLevelItem(0)->text(2), QStringLiteral("3 items"));
        QCOMPARE(table->topLevelItem(1)->text(0), QStringLiteral("hits"));
        QCOMPARE(table->topLevelItem(1)->text(3), QStringLiteral("3"));
        QVERIFY(window.stateView()->status().contains(QStringLiteral("live")));
        QVERIFY(window.stateView()->reloadNote().isEmpty());

        // A saved edit that changes ITEMS's type resets it, keeps hits, and the panel says so.
        const QString path = QDir(dir.path()).absoluteFilePath(QStringLiteral("app.py"));
        ui::CodeEditor *editor = window.editor(path);
        QVERIFY(editor);
        const QString edited = editor->toPlainText()
                                   .replace(QStringLiteral("ITEMS: list[str]"), QStringLiteral("ITEMS: list[int]"))
                                   .replace(QStringLiteral("ITEMS.append(word)"), QStringLiteral("ITEMS.append(len(word))"));
        QTextCursor all(editor->document());
        all.select(QTextCursor::Document);
        all.insertText(edited); // as typing would: the file is modified
        // Unsaved edits show in the tab, the file list and the window title.
        auto *editorTabs = qobject_cast<QTabWidget *>(editor->parentWidget() ? editor->parentWidget()->parentWidget() : nullptr);
        QVERIFY(editorTabs);
        QCOMPARE(editorTabs->tabText(editorTabs->indexOf(editor)), QStringLiteral("app.py •"));
        QVERIFY(window.isWindowModified());
        QVERIFY(window.save());
        QCOMPARE(editorTabs->tabText(editorTabs->indexOf(editor)), QStringLiteral("app.py"));
        QVERIFY(!window.isWindowModified());
        QVERIFY2(window.stateView()->reloadNote().contains(QStringLiteral("ITEMS reset: its type changed from list[str] to list[int]")),
                 qPrintable(window.stateView()->reloadNote()));
        QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItem(0)->text(3), QStringLiteral("[]"), 5000);
        QCOMPARE(table->topLevelItem(1)->text(3), QStringLiteral("3"));
        // A new endpoint shows at once in the Endpoints list and the chart's picker.
        QTextCursor added(editor->document());
        added.movePosition(QTextCursor::End);
        added.insertText(QStringLiteral("\n\n@get(\"/extra\")\ndef extra() -> str:\n    return \"x\"\n"));
        QVERIFY(window.save());
        QVERIFY(!window.endpointList()->findItems(QStringLiteral("/extra"), Qt::MatchExactly, 1).isEmpty());
        QVERIFY(window.chartEndpointPicker()->findData(QStringLiteral("GET /extra")) >= 0);
        // A save that does not compile keeps the previous version serving, and says so.
        QTextCursor end(editor->document());
        end.movePosition(QTextCursor::End);
        end.insertText(QStringLiteral("\ndef broken(:\n"));
        QVERIFY(window.save());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Reload failed")), qPrintable(window.statusBar()->currentMessage()));
        window.stop();
        QTRY_VERIFY(window.stateView()->status().contains(QStringLiteral("Run the server")));
    }

    void bracketsPairAcrossLinesButNotInsideStringsOrComments()
    {
        const QString text = QStringLiteral("f(a[1], {\n 'x)': g(\"(\"), # )\n})");
        const ui::BracketMatch outer = ui::matchBracket(text, 1);
        QCOMPARE(outer.bracket, 1);
        QCOMPARE(outer.partner, text.size() - 1);
        QCOMPARE(ui::matchBracket(text, text.size()).partner, 1); // after the last ')'
        const int brace = text.indexOf(QLatin1Char('{'));
        QCOMPARE(ui::matchBracket(text, brace).partner, text.size() - 2);
        QCOMPARE(ui::matchBracket(QStringLiteral("(]"), 0).partner, -1);
        QCOMPARE(ui::matchBracket(QStringLiteral("abc"), 1).bracket, -1);
        QCOMPARE(ui::matchBracket(QStringLiteral("\"\"\"(\"\"\" ()"), 3).bracket, -1); // inside a triple-quoted string
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Both test classes of the studio in one executable; the kill -9 test's child process is
// this executable too, told what to do by its environment.
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HotpathTests"));
    QApplication::setApplicationName(QStringLiteral("tst_studio"));
    QStandardPaths::setTestModeEnabled(true); // settings and recovery under ~/.qttest, not the user's
    if (const QByteArray project = qgetenv("HOTPATH_TEST_EDITING_STUDIO"); !project.isEmpty())
        return runEditingStudio(QString::fromLocal8Bit(project));
    TestStudio studio;
    TestStudioProjects projects;
    int failed = QTest::qExec(&studio, argc, argv);
    failed += QTest::qExec(&projects, argc, argv);
    return failed;
}

#include "tst_studio.moc"
