// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's project commands and the safety of edits, offscreen: a new project from a
// template, recent projects, files added, renamed and removed, Save As, export, a file
// changed by another program, a save that fails (the edit stays), and a studio killed with
// SIGKILL whose unsaved edits in two files are offered back and restored.
#include "tst_studio_projects.h"

#include "CodeEditor.h"
#include "FindBar.h"
#include "MainWindow.h"

#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QTreeWidget>

#include <atomic>
#include <csignal>
#include <thread>

using namespace hotpath;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// An edit as typing makes it: through the document, so it is undoable and marks it changed.
void typeAtEnd(ui::CodeEditor *editor, const QString &text)
{
    if (!editor)
        qFatal("no editor to type in");
    QTextCursor cursor = editor->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    editor->setTextCursor(cursor);
}

} // namespace

// The child side of the kill -9 test: a studio with edits in two files, autosaved, waiting.
int runEditingStudio(const QString &project)
{
    session::Session session;
    ui::MainWindow window(session);
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);
    if (!window.openProject(project))
        return 3;
    for (const char *name : {"hello.py", "api.py"})
        typeAtEnd(window.editor(QDir(project).absoluteFilePath(QString::fromLatin1(name))), QStringLiteral("\n# unsaved edit in %1\n").arg(QString::fromLatin1(name)));
    window.autosaveNow();
    std::printf("edited\n");
    std::fflush(stdout);
    return QApplication::exec();
}

void TestStudioProjects::newProjectFilesRecentAndSaveAs()
{
    QTemporaryDir dir;
    session::Session session;
    ui::MainWindow window(session);
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);
    const QString project = dir.filePath(QStringLiteral("shop"));
    QVERIFY(window.newProject(project, QStringLiteral("Shop"), QStringLiteral("json-api")));
    QCOMPARE(window.windowTitle(), QStringLiteral("Shop (%1)[*] — Hotpath Studio").arg(QFileInfo(project).absoluteFilePath()));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.editor(QDir(project).absoluteFilePath(QStringLiteral("api.py"))));
    QCOMPARE(window.recentProjects().value(0), QFileInfo(project).absoluteFilePath());

    QVERIFY(window.addFile(QStringLiteral("extra.py")));
    QVERIFY(window.editor(QDir(project).absoluteFilePath(QStringLiteral("extra.py"))));
    QVERIFY(window.renameFile(QStringLiteral("extra.py"), QStringLiteral("more.py")));
    QVERIFY(window.editor(QDir(project).absoluteFilePath(QStringLiteral("more.py"))));
    QVERIFY(window.removeFile(QStringLiteral("more.py")));
    QVERIFY(!window.editor(QDir(project).absoluteFilePath(QStringLiteral("more.py"))));

    // Save As carries the unsaved edit into the copy and opens it; the original keeps its file.
    ui::CodeEditor *api = window.editor(QDir(project).absoluteFilePath(QStringLiteral("api.py")));
    typeAtEnd(api, QStringLiteral("\n# edited before Save As\n"));
    const QString copy = dir.filePath(QStringLiteral("shop-copy"));
    QVERIFY(window.saveAs(copy));
    QVERIFY(readAll(QDir(copy).filePath(QStringLiteral("api.py"))).contains("# edited before Save As"));
    QVERIFY(!readAll(QDir(project).filePath(QStringLiteral("api.py"))).contains("# edited before Save As"));
    QVERIFY(window.editor(QDir(copy).absoluteFilePath(QStringLiteral("api.py"))));
    QCOMPARE(window.recentProjects().value(0), QFileInfo(copy).absoluteFilePath());
    QCOMPARE(window.recentProjects().value(1), QFileInfo(project).absoluteFilePath());

    // Export from the studio writes what the CLI writes.
    QVERIFY(window.exportAs(QStringLiteral("server"), dir.filePath(QStringLiteral("deploy"))));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("deploy/kubernetes.yaml"))));
    QVERIFY(!window.exportAs(QStringLiteral("server"), dir.filePath(QStringLiteral("deploy")))); // never over it
    QVERIFY(window.closeProject());
    QCOMPARE(window.windowTitle(), QStringLiteral("Hotpath Studio"));
}

void TestStudioProjects::changesOnDiskAndFailedSaves()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p"));
    QVERIFY(project::createProject(project, QStringLiteral("P"), QStringLiteral("hello")).ok);
    const QString hello = QDir(project).absoluteFilePath(QStringLiteral("hello.py"));
    session::Session session;
    ui::MainWindow window(session);
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);
    QVERIFY(window.openProject(project));
    ui::CodeEditor *editor = window.editor(hello);

    // Another program changes the file: an editor without edits follows it.
    const QByteArray changed = readAll(hello) + "\n# changed by another program\n";
    QVERIFY(project::saveAtomically(hello, changed).ok);
    QTRY_COMPARE_WITH_TIMEOUT(editor->toPlainText().toUtf8(), changed, 5000);
    QVERIFY(!editor->document()->isModified());

    // With edits, "keep mine" (the No answer) keeps them; the next change on disk asks again.
    typeAtEnd(editor, QStringLiteral("\n# mine\n"));
    QVERIFY(project::saveAtomically(hello, changed + "# theirs\n").ok);
    QTest::qWait(500);
    QVERIFY(editor->toPlainText().contains(QStringLiteral("# mine")));
    QVERIFY(editor->document()->isModified());

    // Edits and a change on disk to different lines merge (when the user says so).
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::Yes);
    QVERIFY(window.save());
    QTextCursor top(editor->document());
    top.insertText(QStringLiteral("# mine at the top\n"));
    const QByteArray theirs = readAll(hello) + "# theirs at the end\n";
    QVERIFY(project::saveAtomically(hello, theirs).ok);
    QTRY_VERIFY_WITH_TIMEOUT(editor->toPlainText().contains(QStringLiteral("# theirs at the end")), 5000);
    QVERIFY(editor->toPlainText().startsWith(QStringLiteral("# mine at the top\n")));
    QVERIFY(editor->document()->isModified());
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);

    // A save that cannot happen (the file became a symbolic link) says why and keeps the edit.
    QVERIFY(QFile::remove(hello));
    QVERIFY(project::saveAtomically(dir.filePath(QStringLiteral("elsewhere.py")), "x = 1\n").ok);
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere.py")), hello));
    QVERIFY(!window.save());
    QVERIFY(editor->document()->isModified());
    QVERIFY(editor->toPlainText().contains(QStringLiteral("# mine at the top")));
    QVERIFY(window.log()->toPlainText().contains(QStringLiteral("symbolic link")));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("elsewhere.py"))), QByteArray("x = 1\n"));
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No); // discard at close
    QVERIFY(window.closeProject());
}

void TestStudioProjects::killedStudioOffersItsUnsavedEditsBack()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p"));
    QVERIFY(project::createProject(project, QStringLiteral("P"), QStringLiteral("hello")).ok);
    QVERIFY(project::addFile(project, QStringLiteral("api.py")).ok);
    const QByteArray helloOnDisk = readAll(QDir(project).filePath(QStringLiteral("hello.py")));

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOTPATH_TEST_EDITING_STUDIO"), project);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForReadyRead(30000));
    QVERIFY(child.readAllStandardOutput().contains("edited"));
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(readAll(QDir(project).filePath(QStringLiteral("hello.py"))), helloOnDisk); // nothing was saved
    // While the studio is down, api.py is deleted (or renamed away): its edits are offered too.
    QVERIFY(QFile::remove(QDir(project).filePath(QStringLiteral("api.py"))));

    session::Session session;
    ui::MainWindow window(session);
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::Yes);
    QVERIFY(window.openProject(project));
    QCOMPARE(window.recoveryOffers(), 1);
    for (const char *name : {"hello.py", "api.py"}) {
        ui::CodeEditor *editor = window.editor(QDir(project).absoluteFilePath(QString::fromLatin1(name)));
        QVERIFY2(editor, name);
        QVERIFY(editor->toPlainText().contains(QStringLiteral("# unsaved edit in %1").arg(QString::fromLatin1(name))));
        QVERIFY(editor->document()->isModified());
    }
    QVERIFY(window.save());
    QVERIFY(readAll(QDir(project).filePath(QStringLiteral("api.py"))).contains("# unsaved edit in api.py")); // back at its path
    QVERIFY(readAll(QDir(project).filePath(QStringLiteral("hello.py"))).contains("# unsaved edit in hello.py"));
    QVERIFY(window.closeProject());
    // Saved, so nothing is offered again.
    ui::MainWindow again(session);
    again.setPromptAnswer(ui::MainWindow::PromptAnswer::Yes);
    QVERIFY(again.openProject(project));
    QCOMPARE(again.recoveryOffers(), 0);
}

// While handlers loop until their deadline or allocate up to their cap, the studio's
// event loop keeps turning: the longest gap between two 5 ms timer ticks is measured
// (the figure is in docs/reliability.md) and must stay far below a visible freeze.
void TestStudioProjects::eventLoopKeepsTurningDuringRunawayHandlers()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p"));
    QVERIFY(project::createProject(project, QStringLiteral("P"), QStringLiteral("empty")).ok);
    QVERIFY(project::saveAtomically(QDir(project).filePath(QStringLiteral("hotpath.json")),
                                    R"({"format": 1, "name": "P", "files": ["app.py"], "server": {"limits": {"timeout_ms": 500}}})").ok);
    QVERIFY(project::saveAtomically(QDir(project).filePath(QStringLiteral("app.py")), R"(from hotpath import get


@get("/")
def index() -> str:
    return "ok"


@get("/spin")
def spin() -> int:
    n = 0
    while True:
        n += 1
    return n


@get("/huge")
def huge() -> int:
    s = "x"
    while True:
        s = s + s
    return len(s)
)").ok);
    session::Session session;
    ui::MainWindow window(session);
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);
    QVERIFY(window.openProject(project));
    window.show();
    window.setAddress(QStringLiteral("127.0.0.1:0"));
    window.run();
    QVERIFY(session.running());
    const QUrl url(session.url());
    std::atomic<int> answered{0};
    std::thread storm([&] {
        for (int k = 0; k < 12; ++k)
            for (const char *path : {"/spin", "/huge"}) {
                QTcpSocket socket;
                socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(url.port()));
                if (!socket.waitForConnected(5000))
                    continue;
                socket.write(QByteArray("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + (k % 2 ? "jit" : "interp")
                             + "\r\nConnection: close\r\n\r\n");
                // The answer (its head is enough); QtHttpServer keeps the connection open.
                if (socket.waitForReadyRead(20000))
                    ++answered;
            }
    });
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, longest = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, clock.elapsed() - last);
        last = clock.elapsed();
    });
    tick.start(5);
    QTRY_VERIFY_WITH_TIMEOUT(answered.load() == 24, 60000);
    storm.join();
    qInfo("24 runaway requests (500 ms deadline: endless loops, strings doubled to the memory cap): the GUI event loop's longest stall was %lld ms",
          longest);
    QVERIFY2(longest < 1000, qPrintable(QStringLiteral("the GUI froze for %1 ms").arg(longest)));
    window.stop();
}

// Ctrl+F and Ctrl+H open the find bar under the editors: matches are counted, Next wraps
// around, Replace all is one undo step.
void TestStudioProjects::findBarFindsAndReplaces()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p"));
    QVERIFY(project::createProject(project, QStringLiteral("P"), QStringLiteral("hello")).ok);
    session::Session session;
    ui::MainWindow window(session);
    window.setPromptAnswer(ui::MainWindow::PromptAnswer::No);
    QVERIFY(window.openProject(project));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CodeEditor *editor = window.editor(QDir(project).absoluteFilePath(QStringLiteral("hello.py")));
    window.showFile(QDir(project).absoluteFilePath(QStringLiteral("hello.py")), 1);
    QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
    ui::FindBar *bar = window.findBar();
    QVERIFY(bar->isVisible());
    bar->setFindText(QStringLiteral("Hello"));
    const int count = bar->matchCount();
    QVERIFY(count >= 4);
    QVERIFY(bar->findNext());
    QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("Hello"));
    for (int k = 0; k < count; ++k) // around the end and back to the start
        QVERIFY(bar->findNext());
    bar->setReplaceText(QStringLiteral("Howdy"));
    if (const QString shots = qEnvironmentVariable("HOTPATH_SCREENSHOT_DIR"); !shots.isEmpty()) // to look at it
        window.grab().save(QDir(shots).filePath(QStringLiteral("find-bar.png")));
    QCOMPARE(bar->replaceAll(), count);
    QVERIFY(!editor->toPlainText().contains(QStringLiteral("hello"), Qt::CaseInsensitive));
    QCOMPARE(bar->matchCount(), 0);
    editor->undo(); // one step brings every occurrence back
    QCOMPARE(static_cast<int>(editor->toPlainText().count(QStringLiteral("hello"), Qt::CaseInsensitive)), count); // Match case is off
    QTest::keyClick(bar, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
}
