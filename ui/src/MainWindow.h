// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hotpath Studio's window: files and endpoints on the left, one editor per file in the
// middle, live latency on the right, Problems / Log / Try it below, Run and Stop above.
// Everything it knows about projects, checking and serving comes through the Session.

#include "hotpath/loadgen/LoadGenerator.h"
#include "hotpath/project/ProjectFiles.h"
#include "hotpath/project/Recovery.h"
#include "hotpath/session/Session.h"

#include <QtCore/QTimer>
#include <QtWidgets/QMainWindow>

#include <functional>
#include <map>
#include <memory>

class QComboBox;
class QFileSystemWatcher;
class QMenu;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace hotpath::ui {

class CodeEditor;
class CompiledView;
class StateView;
class FindBar;
class LatencyChart;
class PercentileChart;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(session::Session &session, QWidget *parent = nullptr);

    bool openProject(const QString &target);
    void setAddress(const QString &hostPort);
    // Brings `file`'s editor to the front, the cursor at `line` (when given).
    void showFile(const QString &file, int line = 0);
    void showCompiled();

    // For tests and scripting: the parts a user looks at.
    CodeEditor *editor(const QString &file) const;
    QTreeWidget *problems() const { return m_problems; }
    QTreeWidget *endpointList() const { return m_endpoints; }
    QComboBox *chartEndpointPicker() const { return m_chartEndpoint; }
    QPlainTextEdit *log() const { return m_log; }
    LatencyChart *chart() const { return m_chart; }
    PercentileChart *distribution() const { return m_distribution; }
    void setChartPaused(bool paused);
    void clearMetrics();
    QTableWidget *summary() const { return m_summary; }
    QLabel *tryStatus() const { return m_tryStatus; }
    QPlainTextEdit *tryBody() const { return m_tryResponse; }
    CompiledView *compiled() const { return m_compiled; }
    StateView *stateView() const { return m_state; }
    FindBar *findBar() const { return m_findBar; }
    QLabel *speedup() const { return m_speedup; }

    // Projects and files (File menu). Each returns false, after telling the user why,
    // when it did nothing.
    bool newProject(const QString &dir, const QString &name, const QString &templateName);
    bool saveAs(const QString &dir);
    bool closeProject();
    bool importArchive(const QString &archive, const QString &dir);
    bool exportAs(const QString &format, const QString &out);
    bool addFile(const QString &name);
    bool renameFile(const QString &from, const QString &to);
    bool removeFile(const QString &name);
    QStringList recentProjects() const;

    // Keeping edits safe: autosave to the recovery folder (every 30 s), restore after a
    // crash, notice files changed by another program.
    void autosaveNow();
    void setAutosaveInterval(int ms) { m_autosave.setInterval(ms); }
    int recoveryOffers() const { return m_recoveryOffers; }
    // What prompts answer without asking (tests, scripted runs): Ask shows the dialog.
    enum class PromptAnswer { Ask, Yes, No };
    void setPromptAnswer(PromptAnswer answer) { m_promptAnswer = answer; }

public Q_SLOTS:
    void run();
    void stop();
    bool save();
    void sendTry(const QString &path = {}, const QString &tier = {});
    // Opens the profile dialog for `path`, else the selected endpoint's path (or Try it's).
    class ProfileDialog *profile(const QString &path = {});
    void exportMetrics();
    bool exportMetricsTo(const QString &base); // base.png, base.csv, base.json

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildFileMenu();
    bool confirmDiscardOrSave(const QString &why);
    bool ask(const QString &title, const QString &text);
    void offerRecovery();
    // An editor tab and file-list row for `file`, holding `text` as its saved state.
    CodeEditor *addEditor(const QString &file, const QString &text);
    void markUnsaved();
    void appendLog(const QStringList &lines);
    void fillEndpoints();
    void fileChangedOnDisk(const QString &file);
    void rememberRecent(const QString &target);
    void reportFailure(const QString &title, const QString &error);
    bool changeProjectFiles(const QString &title, const std::function<project::SaveResult()> &change);
    QString projectDir() const;
    void refresh();
    void refreshState();
    void showProfile(const class ProfileDialog &dialog);
    void showProblems(const QString &file, const std::vector<session::Problem> &problems);
    void updateCompiledView();
    void findInEditor(bool replace);
    QString currentFile() const;

    session::Session &m_session;
    QTabWidget *m_editors = nullptr;
    std::map<QString, CodeEditor *> m_editorByFile;
    std::map<QString, QString> m_savedText; // what each file held when last loaded or saved (a merge's base)
    std::map<QString, std::vector<session::Problem>> m_problemsByFile;
    QTreeWidget *m_files = nullptr;
    QTreeWidget *m_endpoints = nullptr;
    QTabWidget *m_bottom = nullptr;
    QTreeWidget *m_problems = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLineEdit *m_logFilter = nullptr;
    QStringList m_logLines;
    LatencyChart *m_chart = nullptr;
    PercentileChart *m_distribution = nullptr;
    QTabWidget *m_latencyTabs = nullptr;
    QAction *m_pause = nullptr;
    QLabel *m_profileCaption = nullptr;
    std::vector<std::pair<std::string, loadgen::LoadResult>> m_lastProfile;
    QString m_lastProfilePath;
    std::string m_lastProfileJson; // loadgen::profileJson of the last run
    QComboBox *m_chartEndpoint = nullptr;
    QTableWidget *m_summary = nullptr;
    QLabel *m_speedup = nullptr;
    QComboBox *m_tier = nullptr;
    QLineEdit *m_address = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_jit = nullptr;
    bool m_reloadFailed = false; // the last reload kept the previous version serving
    QLabel *m_rate = nullptr;
    QComboBox *m_tryMethod = nullptr;
    QLineEdit *m_tryPath = nullptr;
    QComboBox *m_tryTier = nullptr;
    QPlainTextEdit *m_tryRequestBody = nullptr;
    QLineEdit *m_tryHeaders = nullptr;
    QListWidget *m_tryHistory = nullptr;
    QLabel *m_tryStatus = nullptr;
    QPlainTextEdit *m_tryResponse = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    CompiledView *m_compiled = nullptr;
    StateView *m_state = nullptr;
    int m_stateTicks = 0;
    QString m_viewsKey; // file and text the compiled view was made from
    int m_viewsLine = 0; // the cursor's line when the last compiled view was asked for
    FindBar *m_findBar = nullptr;
    QTimer m_autosave;
    std::unique_ptr<project::Recovery> m_recovery;
    QFileSystemWatcher *m_watcher = nullptr;
    QMenu *m_recentMenu = nullptr;
    int m_recoveryOffers = 0;
    PromptAnswer m_promptAnswer = PromptAnswer::Ask;
    QTimer m_tick;
    QTimer m_checkDelay;
    QTimer m_viewDelay;
};

} // namespace hotpath::ui
