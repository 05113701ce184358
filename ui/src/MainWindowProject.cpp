// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's project and file commands (the File menu) and what keeps edits safe:
// autosave to the recovery folder, restore after a crash, files changed on disk.
#include "MainWindow.h"

#include "CodeEditor.h"
#include "PercentileChart.h"

#include "hotpath/export/Export.h"
#include "hotpath/project/Merge.h"
#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QFileSystemWatcher>
#include <QtCore/QSettings>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeWidget>

#include <algorithm>

namespace hotpath::ui {

namespace {

constexpr int maxRecent = 10;
const QString recentKey = QStringLiteral("recent/projects");

} // namespace

void MainWindow::buildFileMenu()
{
    // First in the bar, before the Edit, View and Run menus buildUi() made.
    auto *file = new QMenu(tr("&File"), this);
    menuBar()->insertMenu(menuBar()->actions().isEmpty() ? nullptr : menuBar()->actions().constFirst(), file);
    file->addAction(tr("&New Project…"), this, [this] {
        bool ok = false;
        QStringList titles;
        for (const QString &name : project::templateNames())
            titles << project::templateTitle(name);
        const QString title = QInputDialog::getItem(this, tr("New project"), tr("Start from:"), titles, 1, false, &ok);
        if (!ok)
            return;
        const QString dir = QFileDialog::getSaveFileName(this, tr("New project folder"), QDir::homePath() + QStringLiteral("/hotpath-project"));
        if (!dir.isEmpty())
            newProject(dir, QFileInfo(dir).fileName(), project::templateNames().value(static_cast<int>(titles.indexOf(title))));
    })->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open Project…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open project folder (with hotpath.json)"), projectDir());
        if (!dir.isEmpty())
            openProject(dir);
    })->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        m_recentMenu->clear();
        for (const QString &target : recentProjects())
            m_recentMenu->addAction(target, this, [this, target] { openProject(target); });
        if (m_recentMenu->isEmpty())
            m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    });
    file->addSeparator();
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save Project &As…"), this, [this] {
        const QString dir = QFileDialog::getSaveFileName(this, tr("Save the project as a new folder"), projectDir() + QStringLiteral("-copy"));
        if (!dir.isEmpty())
            saveAs(dir);
    })->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("&Close Project"), this, &MainWindow::closeProject)->setShortcut(QKeySequence::Close);
    file->addSeparator();
    file->addAction(tr("New &File…"), this, [this] {
        const QString name = QInputDialog::getText(this, tr("New handler file"), tr("File name (.py):"), QLineEdit::Normal, QStringLiteral("handlers.py"));
        if (!name.isEmpty())
            addFile(name);
    });
    file->addAction(tr("Re&name File…"), this, [this] {
        const QString from = QFileInfo(currentFile()).fileName();
        const QString to = QInputDialog::getText(this, tr("Rename %1").arg(from), tr("New name (.py):"), QLineEdit::Normal, from);
        if (!to.isEmpty() && to != from)
            renameFile(from, to);
    });
    file->addAction(tr("&Remove File from Project"), this, [this] {
        const QString name = QFileInfo(currentFile()).fileName();
        if (!name.isEmpty() && ask(tr("Remove %1").arg(name), tr("Remove %1 from the project? The file stays on disk.").arg(name)))
            removeFile(name);
    });
    file->addSeparator();
    file->addAction(tr("&Import Archive…"), this, [this] {
        const QString archive = QFileDialog::getOpenFileName(this, tr("Import a project archive"), QDir::homePath(), tr("Project archives (*.tar.gz *.tgz)"));
        if (archive.isEmpty())
            return;
        const QString dir = QFileDialog::getSaveFileName(this, tr("Unpack into a new folder"), QFileInfo(archive).absolutePath() + QLatin1Char('/')
                                                                                                      + QFileInfo(archive).baseName());
        if (!dir.isEmpty())
            importArchive(archive, dir);
    });
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    const QList<std::pair<QString, QString>> formats{
        {QStringLiteral("archive"), tr("Project &Archive (.tar.gz)…")}, {QStringLiteral("server"), tr("Deployable &Server (Docker, Kubernetes, systemd)…")},
        {QStringLiteral("flask"), tr("&Flask App…")},                    {QStringLiteral("openapi"), tr("&OpenAPI Document…")},
        {QStringLiteral("report"), tr("Profile &Report (HTML)…")}};
    for (const auto &[format, title] : formats)
        exportMenu->addAction(title, this, [this, format = format] {
            const bool isFile = format == QStringLiteral("archive") || format == QStringLiteral("openapi");
            const QString suggested = projectDir() + (format == QStringLiteral("archive") ? QStringLiteral(".tar.gz")
                                                      : format == QStringLiteral("openapi") ? QStringLiteral("-openapi.json")
                                                                                            : QLatin1Char('-') + format);
            const QString out = isFile ? QFileDialog::getSaveFileName(this, tr("Export to file"), suggested)
                                       : QFileDialog::getSaveFileName(this, tr("Export into a new folder"), suggested);
            if (!out.isEmpty())
                exportAs(format, out);
        });
    exportMenu->addSeparator();
    exportMenu->addAction(tr("Latency &Chart and Numbers…"), this, &MainWindow::exportMetrics);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);
}

QString MainWindow::projectDir() const
{
    const QFileInfo target(m_session.target());
    return target.isDir() ? target.absoluteFilePath() : target.absolutePath();
}

bool MainWindow::ask(const QString &title, const QString &text)
{
    if (m_promptAnswer != PromptAnswer::Ask)
        return m_promptAnswer == PromptAnswer::Yes;
    return QMessageBox::question(this, title, text) == QMessageBox::Yes;
}

// Errors of saving and exporting go to the log and the status bar, and to a dialog that
// does not block (the edit stays in its editor, still marked changed).
void MainWindow::reportFailure(const QString &title, const QString &error)
{
    m_log->appendPlainText(error);
    statusBar()->showMessage(error, 15000);
    if (m_promptAnswer != PromptAnswer::Ask)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title, error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// Before the project goes away (open another, close, quit): save, discard or stay.
bool MainWindow::confirmDiscardOrSave(const QString &why)
{
    QStringList changed;
    for (const auto &[file, e] : m_editorByFile)
        if (e->document()->isModified())
            changed << QFileInfo(file).fileName();
    if (changed.isEmpty())
        return true;
    QMessageBox::StandardButton answer = QMessageBox::Discard;
    if (m_promptAnswer == PromptAnswer::Ask)
        answer = QMessageBox::question(this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them before %2?").arg(changed.join(QStringLiteral(", ")), why),
                                       QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    else
        answer = m_promptAnswer == PromptAnswer::Yes ? QMessageBox::Save : QMessageBox::Discard;
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
        return false;
    if (answer == QMessageBox::Discard && m_recovery)
        m_recovery->forgetAll();
    return true;
}

bool MainWindow::newProject(const QString &dir, const QString &name, const QString &templateName)
{
    if (const project::SaveResult made = project::createProject(dir, name, templateName); !made.ok) {
        reportFailure(tr("New project"), made.error);
        return false;
    }
    return openProject(dir);
}

bool MainWindow::saveAs(const QString &dir)
{
    QMap<QString, QByteArray> edited;
    for (const auto &[file, e] : m_editorByFile)
        edited.insert(file, e->toPlainText().toUtf8());
    if (const project::SaveResult copied = project::copyProject(projectDir(), dir, edited); !copied.ok) {
        reportFailure(tr("Save As"), copied.error);
        return false;
    }
    // The edits now live in the copy; the original keeps what was last saved there.
    for (const auto &[file, e] : m_editorByFile)
        e->document()->setModified(false);
    if (m_recovery)
        m_recovery->forgetAll();
    return openProject(dir);
}

bool MainWindow::closeProject()
{
    if (!confirmDiscardOrSave(tr("closing the project")))
        return false;
    stop();
    m_recovery.reset();
    m_watcher->removePaths(m_watcher->files());
    m_editors->clear();
    for (const auto &[file, e] : m_editorByFile)
        e->deleteLater();
    m_editorByFile.clear();
    m_files->clear();
    m_endpoints->clear();
    m_problems->clear();
    setWindowTitle(QStringLiteral("Hotpath Studio"));
    return true;
}

bool MainWindow::importArchive(const QString &archive, const QString &dir)
{
    const exporting::Result imported = exporting::importArchive(archive, dir);
    if (!imported.ok) {
        reportFailure(tr("Import"), imported.error);
        return false;
    }
    return openProject(dir);
}

bool MainWindow::exportAs(const QString &format, const QString &out)
{
    const std::optional<exporting::Format> chosen = exporting::formatNamed(format);
    if (!chosen)
        return false;
    exporting::ReportInputs inputs;
    if (*chosen == exporting::Format::Report && !m_lastProfile.empty()) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        m_distribution->grab().save(&buffer, "PNG");
        inputs.png.insert(QStringLiteral("distribution.png"), png);
    }
    const exporting::Result result = exporting::exportProject(m_session.target(), *chosen, out, inputs);
    if (!result.ok) {
        reportFailure(tr("Export"), result.error);
        return false;
    }
    m_log->appendPlainText(result.written.size() == 1 ? tr("Exported %1 to %2").arg(format, out)
                                                      : tr("Exported %1 to %2 (%3 files)").arg(format, out).arg(result.written.size()));
    statusBar()->showMessage(tr("Exported to %1").arg(out), 8000);
    return true;
}

// Saves, changes the project's files and manifest, and opens the project again; false
// (after saying why) when the change could not be made.
bool MainWindow::changeProjectFiles(const QString &title, const std::function<project::SaveResult()> &change)
{
    if (!save())
        return false;
    if (const project::SaveResult changed = change(); !changed.ok) {
        reportFailure(title, changed.error);
        return false;
    }
    return openProject(m_session.target());
}

bool MainWindow::addFile(const QString &name)
{
    if (!changeProjectFiles(tr("New file"), [&] { return project::addFile(projectDir(), name); }))
        return false;
    showFile(QDir(projectDir()).absoluteFilePath(name));
    return true;
}

bool MainWindow::renameFile(const QString &from, const QString &to)
{
    return changeProjectFiles(tr("Rename"), [&] { return project::renameFile(projectDir(), from, to); });
}

bool MainWindow::removeFile(const QString &name)
{
    return changeProjectFiles(tr("Remove file"), [&] { return project::removeFile(projectDir(), name); });
}

QStringList MainWindow::recentProjects() const { return QSettings().value(recentKey).toStringList(); }

void MainWindow::rememberRecent(const QString &target)
{
    QStringList recent = recentProjects();
    recent.removeAll(target);
    recent.prepend(target);
    while (recent.size() > maxRecent)
        recent.removeLast();
    QSettings().setValue(recentKey, recent);
}

void MainWindow::autosaveNow()
{
    if (!m_recovery)
        return;
    for (const auto &[file, e] : m_editorByFile) {
        if (e->document()->isModified())
            m_recovery->keep(file, e->toPlainText());
        else
            m_recovery->forget(file);
    }
}

// A studio that did not close normally left its autosaved buffers; offer them back.
void MainWindow::offerRecovery()
{
    if (!m_recovery || !m_recovery->claim())
        return;
    const std::vector<project::RecoveredBuffer> buffers = m_recovery->leftBehind();
    std::vector<project::RecoveredBuffer> ours;
    QStringList names;
    const QString folder = projectDir() + QLatin1Char('/');
    for (const project::RecoveredBuffer &buffer : buffers) {
        // Edits to a file deleted, renamed or made unreadable while the studio was down are
        // offered too: restoring puts them back at the old path when saved.
        const bool open = editor(buffer.file) != nullptr;
        if (!open && !buffer.file.startsWith(folder))
            continue;
        if (std::any_of(ours.begin(), ours.end(), [&](const auto &kept) { return kept.file == buffer.file; }))
            continue; // the newest copy only
        ours.push_back(buffer);
        const QString where = open ? QString() : QFileInfo::exists(buffer.file) ? tr(", the file cannot be read now") : tr(", the file is no longer on disk");
        names << QStringLiteral("%1 (%2%3)").arg(QFileInfo(buffer.file).fileName(), buffer.savedAt.toString(QStringLiteral("HH:mm:ss")), where);
    }
    if (ours.empty())
        return;
    ++m_recoveryOffers;
    if (!ask(tr("Restore unsaved edits"), tr("Hotpath Studio did not close normally last time. These files have edits that were never saved:\n\n%1\n\n"
                                            "Restore them? (They stay unsaved until you save.)")
                                             .arg(names.join(QLatin1Char('\n'))))) {
        m_recovery->forgetAll();
        return;
    }
    for (const project::RecoveredBuffer &buffer : ours) {
        CodeEditor *e = editor(buffer.file);
        if (!e) {
            // Nothing on disk to go back to: the file's saved state is empty, so the restored
            // text is an unsaved edit and Save writes it back at its old path.
            e = addEditor(buffer.file, QString());
            m_log->appendPlainText(tr("%1 is not on disk (or cannot be read); its edits are restored and Save writes them there")
                                       .arg(buffer.file));
        }
        QTextCursor cursor(e->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(buffer.text); // an edit, so undo goes back to the file on disk
        e->document()->setModified(true);
        m_log->appendPlainText(tr("Restored unsaved edits of %1 from %2").arg(buffer.file, buffer.savedAt.toString(Qt::ISODate)));
    }
}

// Another program changed a file: an editor without edits follows it; one with edits
// asks. The studio's own saves land here too and change nothing (the text is the same).
void MainWindow::fileChangedOnDisk(const QString &file)
{
    if (QFileInfo::exists(file) && !m_watcher->files().contains(file))
        m_watcher->addPath(file); // an atomic replace ends the watch on the old inode
    CodeEditor *e = editor(file);
    QFile disk(file);
    if (!e || !disk.open(QIODevice::ReadOnly))
        return;
    const QString text = QString::fromUtf8(disk.readAll());
    if (text == e->toPlainText())
        return;
    const QString name = QFileInfo(file).fileName();
    auto replaceText = [e](const QString &with) {
        const int position = e->textCursor().position();
        QTextCursor cursor(e->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(with); // an edit: undo brings back what was there
        cursor.setPosition(std::min(position, static_cast<int>(with.size())));
        e->setTextCursor(cursor);
    };
    if (e->document()->isModified()) {
        // Both changed: different lines merge; the same lines are the user's call.
        if (const std::optional<QString> merged = project::mergeLines(m_savedText[file], e->toPlainText(), text)) {
            if (!ask(tr("%1 changed on disk").arg(name),
                     tr("%1 was changed by another program while you have unsaved edits in it. The changes touch different lines.\n\n"
                        "Merge them (the other program's changes with your edits on top, still unsaved)? No keeps only your version.")
                         .arg(file)))
                return;
            replaceText(*merged);
            m_savedText[file] = text;
            m_log->appendPlainText(tr("Merged the changes on disk into %1 (your edits are kept, unsaved)").arg(file));
            return;
        }
        if (!ask(tr("%1 changed on disk").arg(name),
                 tr("%1 was changed by another program, and your unsaved edits touch the same lines.\n\nReload it from disk (your edits "
                    "are lost; undo brings them back), or keep your version (saving will overwrite the other program's)?\n\nYes reloads, "
                    "No keeps yours.")
                     .arg(file)))
            return;
    }
    replaceText(text);
    e->document()->setModified(false);
    m_savedText[file] = text;
    if (m_recovery)
        m_recovery->forget(file);
    m_log->appendPlainText(tr("Reloaded %1: it changed on disk").arg(file));
}

} // namespace hotpath::ui
