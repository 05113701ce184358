// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "CodeEditor.h"
#include "CompiledView.h"
#include "StateView.h"
#include "FindBar.h"
#include "Highlighter.h"
#include "LatencyChart.h"
#include "PercentileChart.h"
#include "ProfileDialog.h"

#include "hotpath/project/ProjectFiles.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QFileSystemWatcher>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtGui/QClipboard>
#include <QtGui/QCloseEvent>
#include <QtGui/QGuiApplication>
#include <QtGui/QDesktopServices>
#include <QtGui/QKeySequence>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

#include <QtCore/QElapsedTimer>
#include <QtGui/QScreen>
#include <QtNetwork/QNetworkRequest>

#include <algorithm>
#include <array>
#include <utility>

namespace hotpath::ui {

namespace {

// "–" for no requests yet, else as everywhere else.
QString micros(std::int64_t ns) { return ns <= 0 ? QStringLiteral("–") : QString::fromStdString(metrics::formatLatency(ns)); }

QWidget *titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title));
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

MainWindow::MainWindow(session::Session &session, QWidget *parent) : QMainWindow(parent), m_session(session)
{
    buildUi();
    buildFileMenu();
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);
    m_autosave.setInterval(30'000);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosave.start();
    connect(&m_session, &session::Session::problemsChecked, this, &MainWindow::showProblems);
    connect(&m_session, &session::Session::logLine, this, [this](const QString &line) { appendLog({line}); });
    connect(&m_session, &session::Session::logLines, this, &MainWindow::appendLog);
    connect(&m_session, &session::Session::runningChanged, this, [this](bool running) {
        m_runAction->setEnabled(!running);
        m_stopAction->setEnabled(running);
        m_url->setText(running ? QStringLiteral("<a href=\"%1\">%1</a>").arg(m_session.url()) : tr("Stopped"));
        if (running) {
            if (m_bottom->currentIndex() == 0)
                m_bottom->setCurrentIndex(1); // the log, where requests appear; not away from a panel in use
            m_state->setReloadNote({});   // a fresh start: every variable at its initial value
        }
        refreshState();
    });
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::refresh);
    m_tick.start();
    m_checkDelay.setSingleShot(true);
    m_checkDelay.setInterval(300);
    connect(&m_checkDelay, &QTimer::timeout, this, [this] {
        const QString file = currentFile();
        if (CodeEditor *e = editor(file))
            m_session.check(file, e->toPlainText());
    });
    m_viewDelay.setSingleShot(true);
    m_viewDelay.setInterval(400);
    connect(&m_viewDelay, &QTimer::timeout, this, &MainWindow::updateCompiledView);
    connect(&m_session, &session::Session::codeViewsReady, this, [this](const session::CodeViews &views) {
        // Compiles finish in the order they finish: one for a file no longer in front, or for
        // a line the cursor has left, is not what the user is looking at.
        if (views.file != currentFile() || views.line != m_viewsLine)
            return;
        m_compiled->setViews(views);
        if (CodeEditor *e = editor(views.file))
            m_compiled->highlightSourceLine(e->textCursor().blockNumber() + 1);
    });
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::buildUi()
{
    setWindowTitle(QStringLiteral("Hotpath Studio"));
    // 1500x920, or less on a smaller screen (1280x720 and 1366x768 laptops must fit).
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1500, 920);
    resize(std::min(1500, available.width() * 95 / 100), std::min(920, available.height() * 92 / 100));

    // Toolbar: Run/Stop, tier, address.
    QToolBar *tools = addToolBar(tr("Server"));
    tools->setObjectName(QStringLiteral("serverToolbar"));
    tools->setMovable(false);
    m_runAction = tools->addAction(tr("▶ Run"), this, &MainWindow::run);
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runAction->setToolTip(tr("Start the server (F5)"));
    m_stopAction = tools->addAction(tr("■ Stop"), this, &MainWindow::stop);
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setEnabled(false);
    tools->addSeparator();
    tools->addWidget(new QLabel(tr(" Tier ")));
    m_tier = new QComboBox;
    m_tier->addItems({tr("Auto"), tr("Interpreted"), tr("JIT")});
    m_tier->setToolTip(tr("Default tier of requests without an X-Hotpath-Tier header"));
    tools->addWidget(m_tier);
    tools->addWidget(new QLabel(tr("  Address ")));
    m_address = new QLineEdit(QStringLiteral("127.0.0.1:8080"));
    m_address->setMaximumWidth(170);
    tools->addWidget(m_address);
    tools->addSeparator();
    QAction *profileAction = tools->addAction(tr("Profile…"), this, [this] { profile(); });
    profileAction->setToolTip(tr("Load an endpoint in both tiers and compare their latency"));
    QAction *saveAction = tools->addAction(tr("Save"), this, &MainWindow::save);
    saveAction->setToolTip(tr("Save the changed files (Ctrl+S); while running, the server reloads them"));
    QAction *exportAction = tools->addAction(tr("Export…"), this, &MainWindow::exportMetrics);
    exportAction->setToolTip(tr("Save the latency chart as PNG and the numbers as CSV and JSON"));

    // Editing shortcuts that act on the current editor.
    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] { findInEditor(false); });
    auto *replace = new QAction(tr("Replace"), this);
    replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(replace, &QAction::triggered, this, [this] { findInEditor(true); });
    auto *goTo = new QAction(tr("Go to line"), this);
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(goTo, &QAction::triggered, this, [this] {
        CodeEditor *e = editor(currentFile());
        if (!e)
            return;
        bool ok = false;
        const int line = QInputDialog::getInt(this, tr("Go to line"), tr("Line (1–%1):").arg(e->blockCount()),
                                              e->textCursor().blockNumber() + 1, 1, e->blockCount(), 1, &ok);
        if (ok)
            e->goToLine(line);
    });
    auto *zoomIn = new QAction(tr("Zoom in"), this);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(zoomIn, &QAction::triggered, this, [this] {
        for (const auto &[file, e] : m_editorByFile)
            e->zoomIn(1);
    });
    auto *zoomOut = new QAction(tr("Zoom out"), this);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, this, [this] {
        for (const auto &[file, e] : m_editorByFile)
            e->zoomOut(1);
    });
    // Every shortcut in a menu, where people look for it.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({find, replace, goTo});
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({zoomIn, zoomOut});
    view->addSeparator();
    // Alt+1 … Alt+5: the bottom panels (Problems, Log, Try it, Compiled, State), as IDEs do.
    const QStringList panels{tr("Problems"), tr("Log"), tr("Try it"), tr("Compiled"), tr("State")};
    for (int panel = 0; panel < 5; ++panel) {
        auto *show = view->addAction(panels[panel]);
        show->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + panel)));
        connect(show, &QAction::triggered, this, [this, panel] { m_bottom->setCurrentIndex(panel); });
    }
    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addActions({m_runAction, m_stopAction});
    runMenu->addSeparator();
    runMenu->addAction(profileAction);
    addActions({find, replace, goTo, zoomIn, zoomOut});

    // Left: files and endpoints.
    m_files = new QTreeWidget;
    m_files->setHeaderHidden(true);
    connect(m_files, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (CodeEditor *e = editor(item->data(0, Qt::UserRole).toString()))
            m_editors->setCurrentWidget(e);
    });
    connect(m_files, &QTreeWidget::itemClicked, m_files, &QTreeWidget::itemActivated);
    m_endpoints = new QTreeWidget;
    m_endpoints->setHeaderLabels({tr("Method"), tr("Path"), tr("interp p50"), tr("JIT p50"), tr("5xx")});
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_endpoints, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString file = item->data(0, Qt::UserRole).toString();
        if (CodeEditor *e = editor(file)) {
            m_editors->setCurrentWidget(e);
            e->goToLine(item->data(1, Qt::UserRole).toInt());
        }
    });
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(titled(tr("Files"), m_files));
    left->addWidget(titled(tr("Endpoints"), m_endpoints));
    left->setStretchFactor(1, 2);

    // Centre: editors.
    m_editors = new QTabWidget;
    m_editors->setDocumentMode(true);
    // Another file in front: the compiled view follows it (not only the cursor within one).
    connect(m_editors, &QTabWidget::currentChanged, this, [this] { m_viewDelay.start(); });

    // Right: latency.
    auto *latency = new QWidget;
    auto *latencyLayout = new QVBoxLayout(latency);
    latencyLayout->setContentsMargins(4, 4, 4, 4);
    auto *chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Latency"))));
    chooser->addStretch();
    m_chartEndpoint = new QComboBox;
    m_chartEndpoint->setMinimumContentsLength(18);
    chooser->addWidget(m_chartEndpoint);
    auto *pause = new QToolButton;
    m_pause = new QAction(tr("Pause"), this);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the live chart (requests are still recorded)"));
    connect(m_pause, &QAction::toggled, this, &MainWindow::setChartPaused);
    pause->setDefaultAction(m_pause);
    chooser->addWidget(pause);
    auto *clearChart = new QToolButton;
    clearChart->setDefaultAction(new QAction(tr("Clear"), this));
    clearChart->defaultAction()->setToolTip(tr("Start the chart, the summary and the endpoint figures from zero"));
    connect(clearChart->defaultAction(), &QAction::triggered, this, &MainWindow::clearMetrics);
    chooser->addWidget(clearChart);
    latencyLayout->addLayout(chooser);
    m_chart = new LatencyChart;
    m_distribution = new PercentileChart;
    auto *distributionPage = new QWidget;
    auto *distributionLayout = new QVBoxLayout(distributionPage);
    distributionLayout->setContentsMargins(0, 0, 0, 0);
    distributionLayout->addWidget(m_distribution, 1);
    m_profileCaption = new QLabel(tr("Run Profile… to compare the tiers' latency distributions here."));
    m_profileCaption->setWordWrap(true);
    m_profileCaption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    distributionLayout->addWidget(m_profileCaption);
    m_latencyTabs = new QTabWidget;
    m_latencyTabs->setDocumentMode(true);
    m_latencyTabs->addTab(m_chart, tr("Live (last 60 s)"));
    m_latencyTabs->addTab(distributionPage, tr("Distribution (last profile)"));
    latencyLayout->addWidget(m_latencyTabs, 3);
    m_summary = new QTableWidget(2, 8);
    m_summary->setHorizontalHeaderLabels({tr("count"), tr("req/s"), tr("p50"), tr("p90"), tr("p99"), tr("p99.9"), tr("max"), tr("errors")});
    m_summary->setVerticalHeaderLabels({tr("Interpreted"), tr("JIT")});
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setMaximumHeight(95);
    latencyLayout->addWidget(m_summary);
    m_speedup = new QLabel(tr("Run the server and send requests to compare the tiers."));
    m_speedup->setWordWrap(true);
    latencyLayout->addWidget(m_speedup);

    // Bottom: Problems, Log, Try it.
    auto *bottom = m_bottom = new QTabWidget;
    m_problems = new QTreeWidget;
    m_problems->setHeaderLabels({tr("File"), tr("Line"), tr("Problem")});
    m_problems->setRootIsDecorated(false);
    m_problems->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    connect(m_problems, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (CodeEditor *e = editor(item->data(0, Qt::UserRole).toString())) {
            m_editors->setCurrentWidget(e);
            e->goToLine(item->text(1).toInt(), item->data(1, Qt::UserRole).toInt());
        }
    });
    connect(m_problems, &QTreeWidget::itemClicked, m_problems, &QTreeWidget::itemActivated);
    bottom->addTab(m_problems, tr("Problems"));

    auto *logPage = new QWidget;
    auto *logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(2, 2, 2, 2);
    auto *logTools = new QHBoxLayout;
    m_logFilter = new QLineEdit;
    m_logFilter->setPlaceholderText(tr("Filter"));
    auto *clear = new QPushButton(tr("Clear"));
    logTools->addWidget(m_logFilter, 1);
    logTools->addWidget(clear);
    logLayout->addLayout(logTools);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFont(QStringLiteral("DejaVu Sans Mono"), 9));
    logLayout->addWidget(m_log);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_logLines.clear();
        m_log->clear();
    });
    connect(m_logFilter, &QLineEdit::textChanged, this, [this](const QString &filter) {
        m_log->clear();
        for (const QString &line : std::as_const(m_logLines))
            if (filter.isEmpty() || line.contains(filter, Qt::CaseInsensitive))
                m_log->appendPlainText(line);
    });
    bottom->addTab(logPage, tr("Log"));

    auto *tryPage = new QWidget;
    auto *tryLayout = new QHBoxLayout(tryPage);
    auto *request = new QFormLayout;
    m_tryMethod = new QComboBox;
    m_tryMethod->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                           QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_tryPath = new QLineEdit(QStringLiteral("/"));
    m_tryTier = new QComboBox;
    m_tryTier->addItems({tr("server default"), QStringLiteral("interp"), QStringLiteral("jit")});
    m_tryRequestBody = new QPlainTextEdit;
    m_tryRequestBody->setPlaceholderText(tr("Request body (POST, PUT, PATCH, DELETE)"));
    m_tryHeaders = new QLineEdit;
    m_tryHeaders->setPlaceholderText(tr("Name: value; Other: value"));
    m_tryHistory = new QListWidget;
    m_tryHistory->setToolTip(tr("Sent requests: click one to fill the form again"));
    connect(m_tryHistory, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QStringList parts = item->data(Qt::UserRole).toStringList();
        m_tryMethod->setCurrentText(parts.value(0));
        m_tryPath->setText(parts.value(1));
        m_tryTier->setCurrentIndex(parts.value(2).toInt());
        m_tryHeaders->setText(parts.value(3));
        m_tryRequestBody->setPlainText(parts.value(4));
    });
    auto *send = new QPushButton(tr("Send"));
    send->setDefault(true);
    request->addRow(tr("Method"), m_tryMethod);
    request->addRow(tr("Path"), m_tryPath);
    request->addRow(tr("Tier"), m_tryTier);
    request->addRow(tr("Headers"), m_tryHeaders);
    request->addRow(tr("Body"), m_tryRequestBody);
    request->addRow(QString(), send);
    request->addRow(tr("History"), m_tryHistory);
    connect(send, &QPushButton::clicked, this, [this] { sendTry(); });
    connect(m_tryPath, &QLineEdit::returnPressed, this, [this] { sendTry(); });
    auto *response = new QVBoxLayout;
    m_tryStatus = new QLabel(tr("No request sent yet."));
    m_tryResponse = new QPlainTextEdit;
    m_tryResponse->setReadOnly(true);
    m_tryResponse->setFont(QFont(QStringLiteral("DejaVu Sans Mono"), 9));
    response->addWidget(m_tryStatus);
    response->addWidget(m_tryResponse, 1);
    // The form scrolls rather than setting the panel's (and so the window's) minimum height:
    // the studio must fit a 1280x720 screen.
    auto *form = new QWidget;
    form->setLayout(request);
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    tryLayout->addWidget(formScroll, 2);
    tryLayout->addLayout(response, 3);
    bottom->addTab(tryPage, tr("Try it"));
    m_compiled = new CompiledView;
    bottom->addTab(m_compiled, tr("Compiled"));
    m_state = new StateView;
    bottom->addTab(m_state, tr("State"));
    for (int panel = 0; panel < bottom->count(); ++panel)
        bottom->setTabToolTip(panel, tr("Alt+%1").arg(panel + 1));
    connect(bottom, &QTabWidget::currentChanged, this, [this] {
        if (m_bottom->currentWidget() == m_state)
            refreshState();
    });
    connect(m_compiled, &CompiledView::sourceLineClicked, this, [this](int line) {
        if (CodeEditor *e = editor(currentFile()))
            e->goToLine(line);
    });
    m_network = new QNetworkAccessManager(this);

    // Assembly.
    auto *middle = new QSplitter(Qt::Horizontal);
    middle->addWidget(left);
    auto *editorColumn = new QWidget;
    auto *editorLayout = new QVBoxLayout(editorColumn);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editors, 1);
    m_findBar = new FindBar([this]() -> QPlainTextEdit * { return editor(currentFile()); });
    editorLayout->addWidget(m_findBar);
    middle->addWidget(editorColumn);
    middle->addWidget(latency);
    middle->setStretchFactor(0, 2);
    middle->setStretchFactor(1, 5);
    middle->setStretchFactor(2, 4);
    middle->setSizes({330, 640, 560});
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(middle);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({700, 200});
    vertical->setCollapsible(0, false);
    setCentralWidget(vertical);

    m_url = new QLabel(tr("Stopped"));
    m_url->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_url->setOpenExternalLinks(true);
    m_url->setToolTip(tr("Click to open in the browser, right-click to copy"));
    m_url->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_url, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (!m_session.running())
            return;
        QMenu menu;
        menu.addAction(tr("Copy URL"), this, [this] { QGuiApplication::clipboard()->setText(m_session.url()); });
        menu.addAction(tr("Open in browser"), this, [this] { QDesktopServices::openUrl(QUrl(m_session.url())); });
        menu.exec(m_url->mapToGlobal(at));
    });
    m_jit = new QLabel;
    m_rate = new QLabel;
    statusBar()->addWidget(m_url);
    statusBar()->addWidget(m_jit);
    statusBar()->addPermanentWidget(m_rate);
}

bool MainWindow::openProject(const QString &target)
{
    // Reopening the same project (after adding a file, say) keeps the recovery lock.
    const bool sameProject = m_recovery && QFileInfo(target).absoluteFilePath() == QFileInfo(m_session.target()).absoluteFilePath();
    if (!sameProject && !m_editorByFile.empty() && !confirmDiscardOrSave(tr("opening another project")))
        return false;
    QString error;
    if (!m_session.open(target, &error)) {
        reportFailure(tr("Open project"), error);
        return false;
    }
    if (!sameProject) {
        stop();
        // Nothing of the previous project's shows in this one: its profile run, log and figures.
        m_lastProfile.clear();
        m_lastProfileJson.clear();
        m_lastProfilePath.clear();
        m_distribution->setDistributions({}, {});
        m_profileCaption->setText(tr("Run Profile… to compare the tiers' latency distributions here."));
        m_log->clear();
        for (int row = 0; row < m_summary->rowCount(); ++row)
            for (int column = 0; column < m_summary->columnCount(); ++column)
                if (QTableWidgetItem *item = m_summary->item(row, column))
                    item->setText({});
        m_speedup->setText(tr("Run the server and send requests to compare the tiers."));
    }
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    for (const auto &[file, e] : m_editorByFile)
        e->deleteLater();
    // The folder too: two copies of a project have the same name. [*] shows unsaved edits.
    const QFileInfo opened(target);
    QString where = QDir::toNativeSeparators(opened.absoluteFilePath());
    if (const QString home = QDir::homePath(); where.startsWith(home + QLatin1Char('/')))
        where = QStringLiteral("~") + where.mid(home.size());
    setWindowTitle(QStringLiteral("%1 (%2)[*] — Hotpath Studio").arg(m_session.projectName(), where));
    setWindowModified(false);
    m_editors->clear();
    m_editorByFile.clear();
    m_files->clear();
    for (const QString &file : m_session.files()) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            addEditor(file, QString::fromUtf8(f.readAll()));
        // A listed file that is gone or unreadable gets an editor only if recovery has its
        // edits (offerRecovery).
    }
    fillEndpoints();
    if (!m_session.files().isEmpty())
        m_watcher->addPaths(m_session.files());
    rememberRecent(QFileInfo(target).absoluteFilePath());
    if (!sameProject) {
        m_recovery = std::make_unique<project::Recovery>(QFileInfo(target).absoluteFilePath());
        offerRecovery();
    }
    return true;
}

// The Endpoints list and the chart's picker, from the session's endpoints; the picker keeps
// its choice when that endpoint is still there.
void MainWindow::fillEndpoints()
{
    const QString chosen = m_chartEndpoint->currentData().toString();
    m_endpoints->clear();
    m_chartEndpoint->clear();
    m_chartEndpoint->addItem(tr("All endpoints"), QString());
    for (const session::EndpointRow &row : m_session.endpoints()) {
        auto *item = new QTreeWidgetItem(m_endpoints, {row.methods, row.path, QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("0")});
        item->setData(0, Qt::UserRole, row.file);
        item->setData(1, Qt::UserRole, row.line);
        item->setData(2, Qt::UserRole, row.seriesName);
        item->setToolTip(1, QStringLiteral("%1() in %2:%3").arg(row.function, QFileInfo(row.file).fileName()).arg(row.line));
        m_chartEndpoint->addItem(row.seriesName, row.seriesName);
    }
    if (const int again = m_chartEndpoint->findData(chosen); again >= 0)
        m_chartEndpoint->setCurrentIndex(again);
}

CodeEditor *MainWindow::addEditor(const QString &file, const QString &text)
{
    auto *e = new CodeEditor;
    new Highlighter(e->document());
    e->setPlainText(text);
    e->document()->setModified(false);
    m_savedText[file] = e->toPlainText();
    m_editorByFile[file] = e;
    m_editors->addTab(e, QFileInfo(file).fileName());
    connect(e, &QPlainTextEdit::textChanged, this, [this] { m_checkDelay.start(); });
    connect(e, &QPlainTextEdit::cursorPositionChanged, this, [this] { m_viewDelay.start(); });
    connect(e->document(), &QTextDocument::modificationChanged, this, [this] { markUnsaved(); });
    auto *item = new QTreeWidgetItem(m_files, {QFileInfo(file).fileName()});
    item->setData(0, Qt::UserRole, file);
    m_session.check(file, e->toPlainText());
    return e;
}

// Lines for the Log, in one append per batch: a busy server sends thousands a second. Past
// 500 in one batch (a tenth of a second), only the last 500 are shown, after a line saying
// how many were left out; all are kept for the filter, up to 5,000.
void MainWindow::appendLog(const QStringList &lines)
{
    m_logLines << lines;
    if (m_logLines.size() > 5000)
        m_logLines.erase(m_logLines.begin(), m_logLines.begin() + (m_logLines.size() - 5000));
    QStringList shown;
    for (const QString &line : lines)
        if (m_logFilter->text().isEmpty() || line.contains(m_logFilter->text(), Qt::CaseInsensitive))
            shown << line;
    constexpr qsizetype mostPerBatch = 500;
    if (shown.size() > mostPerBatch) {
        const qsizetype skipped = shown.size() - mostPerBatch;
        shown.erase(shown.begin(), shown.begin() + skipped);
        shown.prepend(tr("… %1 more requests in the last tenth of a second, not shown").arg(skipped));
    }
    if (!shown.isEmpty())
        m_log->appendPlainText(shown.join(QLatin1Char('\n')));
}

// A file with unsaved edits shows "•" after its name, in its tab and the file list, and the
// window title gets "*".
void MainWindow::markUnsaved()
{
    bool any = false;
    for (const auto &[file, e] : m_editorByFile) {
        const bool modified = e->document()->isModified();
        any = any || modified;
        const QString name = QFileInfo(file).fileName() + (modified ? QStringLiteral(" •") : QString());
        if (const int tab = m_editors->indexOf(e); tab >= 0)
            m_editors->setTabText(tab, name);
        for (int row = 0; row < m_files->topLevelItemCount(); ++row)
            if (QTreeWidgetItem *item = m_files->topLevelItem(row); item->data(0, Qt::UserRole).toString() == file)
                item->setText(0, name);
    }
    setWindowModified(any);
}

void MainWindow::setAddress(const QString &hostPort) { m_address->setText(hostPort); }

void MainWindow::showFile(const QString &file, int line)
{
    CodeEditor *e = editor(file);
    if (!e)
        return;
    m_editors->setCurrentWidget(e);
    if (line > 0)
        e->goToLine(line);
}

ProfileDialog *MainWindow::profile(const QString &requestedPath)
{
    if (!m_session.running())
        run();
    if (!m_session.running())
        return nullptr;
    // The selected endpoint's path, with a small example value for each parameter.
    QString path = requestedPath.isEmpty() ? m_tryPath->text() : requestedPath;
    if (QTreeWidgetItem *item = m_endpoints->currentItem(); item && requestedPath.isEmpty()) {
        path = item->text(1);
        path.replace(QRegularExpression(QStringLiteral("<int:[^>]*>")), QStringLiteral("20"));
        path.replace(QRegularExpression(QStringLiteral("<float:[^>]*>")), QStringLiteral("1.5"));
        path.replace(QRegularExpression(QStringLiteral("<[^>]*>")), QStringLiteral("hotpath"));
    }
    auto *dialog = new ProfileDialog(m_session.url(), path, this);
    if (QTreeWidgetItem *item = m_endpoints->currentItem(); item && requestedPath.isEmpty())
        dialog->setRequest(item->text(0).section(QLatin1Char(','), 0, 0)); // "GET,POST": the first
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::runFinished, this, [this, dialog] { showProfile(*dialog); });
    dialog->show();
    return dialog;
}

void MainWindow::findInEditor(bool replace) { m_findBar->open(replace); }

// The latency panel as files: the chart as PNG, the numbers as CSV and JSON.
void MainWindow::exportMetrics()
{
    const QString base = QFileDialog::getSaveFileName(this, tr("Export latency"), QDir(projectDir()).filePath(QStringLiteral("hotpath-latency")),
                                                      tr("Base name (.png, .csv and .json are added)"));
    if (base.isEmpty())
        return;
    exportMetricsTo(base);
}

// The profile's percentile curves and the live summary describe different requests
// (the load generator's view vs the server's), so the distribution gets a caption of
// its own naming the run.
void MainWindow::showProfile(const ProfileDialog &dialog)
{
    m_lastProfile = dialog.results();
    m_lastProfilePath = dialog.path();
    m_lastProfileJson = dialog.json();
    // Kept with the project, where `hotpath bench` keeps its runs: Export › Profile Report reads it.
    const QString folder = projectDir();
    if (!QDir(folder).mkpath(QStringLiteral(".hotpath")))
        m_log->appendPlainText(tr("Could not make %1/.hotpath to keep the profile run").arg(folder));
    else if (const project::SaveResult saved = project::saveAtomically(QDir(folder).filePath(QStringLiteral(".hotpath/last-profile.json")),
                                                                       QByteArray::fromStdString(m_lastProfileJson));
             !saved.ok)
        m_log->appendPlainText(saved.error);
    metrics::HistogramSnapshot interp, jit;
    for (const auto &[tier, result] : m_lastProfile)
        (tier == "jit" ? jit : interp) = result.latency;
    m_distribution->setDistributions(interp, jit);
    m_profileCaption->setText(tr("<b>%1</b>, measured by the load generator:").arg(m_lastProfilePath.toHtmlEscaped())
                              + dialog.summary());
    m_latencyTabs->setCurrentIndex(1);
}

void MainWindow::setChartPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        refresh();
}

void MainWindow::clearMetrics()
{
    m_session.clearMetrics();
    for (int row = 0; row < 2; ++row)
        for (int column = 0; column < m_summary->columnCount(); ++column)
            if (QTableWidgetItem *item = m_summary->item(row, column))
                item->setText({});
    m_speedup->setText(tr("Cleared. Send requests or run Profile… to compare the tiers."));
    refresh();
}

// base.png and base-distribution.png (the charts as shown), base.csv and base.json (the
// server's figures per endpoint and tier), base-profile.json (the last profile run).
bool MainWindow::exportMetricsTo(const QString &base)
{
    const metrics::Snapshot snapshot = m_session.metricsSnapshot();
    const bool anyRequests = std::any_of(snapshot.series.begin(), snapshot.series.end(), [](const metrics::SeriesSnapshot &series) {
        return series.tiers[0].count() + series.tiers[1].count() > 0;
    });
    if (!anyRequests && m_lastProfile.empty()) {
        // An empty CSV reported as a success would be worse than saying there is nothing yet.
        statusBar()->showMessage(tr("Nothing to export yet: send requests or run Profile… first"), 8000);
        return false;
    }
    bool ok = m_chart->grab().save(base + QStringLiteral(".png"));
    std::vector<std::pair<QString, std::string>> files{{QStringLiteral(".csv"), snapshot.csv()}, {QStringLiteral(".json"), snapshot.json()}};
    if (!m_lastProfile.empty()) {
        ok = ok && m_distribution->grab().save(base + QStringLiteral("-distribution.png"));
        files.emplace_back(QStringLiteral("-profile.json"), m_lastProfileJson);
    }
    for (const auto &[suffix, text] : files) {
        QSaveFile out(base + suffix);
        ok = ok && out.open(QIODevice::WriteOnly) && out.write(QByteArray::fromStdString(text)) >= 0 && out.commit();
    }
    statusBar()->showMessage(ok ? tr("Exported %1.png, .csv and .json").arg(base) : tr("Export failed"), 5000);
    return ok;
}

void MainWindow::showCompiled() { m_bottom->setCurrentWidget(m_compiled); }

CodeEditor *MainWindow::editor(const QString &file) const
{
    auto it = m_editorByFile.find(file);
    return it == m_editorByFile.end() ? nullptr : it->second;
}

QString MainWindow::currentFile() const
{
    for (const auto &[file, e] : m_editorByFile)
        if (e == m_editors->currentWidget())
            return file;
    return {};
}

// The compiled view follows the cursor: a new compile when the text or file changed,
// otherwise only the highlight moves.
void MainWindow::updateCompiledView()
{
    const QString file = currentFile();
    CodeEditor *e = editor(file);
    if (!e)
        return;
    const int line = e->textCursor().blockNumber() + 1;
    const QString key = file + QLatin1Char('\n') + e->toPlainText();
    const QString function = m_compiled->views().function;
    if (key == m_viewsKey && m_compiled->views().file == file) {
        m_compiled->highlightSourceLine(line);
        // Still the same function? Otherwise fall through and compile for the new one. A view
        // with no function (the cursor was outside all of them) is made again once the cursor
        // moves: it may have moved into one.
        bool inside = false;
        for (const jit::CodeLine &l : m_compiled->views().bytecode)
            inside = inside || l.sourceLine == line;
        if (inside || (function.isEmpty() && line == m_viewsLine))
            return;
    }
    m_viewsKey = key;
    m_viewsLine = line;
    m_session.compileViews(file, e->toPlainText(), line);
}

void MainWindow::showProblems(const QString &file, const std::vector<session::Problem> &problems)
{
    m_problemsByFile[file] = problems;
    if (CodeEditor *e = editor(file)) {
        std::vector<EditorProblem> marks;
        for (const session::Problem &p : problems)
            marks.push_back({p.line, p.column, p.endColumn, p.message});
        e->setProblems(std::move(marks));
    }
    m_problems->clear();
    int count = 0;
    for (const auto &[name, list] : m_problemsByFile)
        for (const session::Problem &p : list) {
            auto *item = new QTreeWidgetItem(m_problems, {QFileInfo(name).fileName(), QString::number(p.line), p.message});
            item->setData(0, Qt::UserRole, name);
            item->setData(1, Qt::UserRole, p.column);
            ++count;
        }
    m_bottom->setTabText(0, count ? tr("Problems (%1)").arg(count) : tr("Problems"));
}

void MainWindow::run()
{
    save();
    const QString address = m_address->text().trimmed();
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    const QString host = colon > 0 ? address.left(colon) : address;
    const int port = colon > 0 ? address.mid(colon + 1).toInt() : 8080;
    const server::TierChoice tier = m_tier->currentIndex() == 1   ? server::TierChoice::Interp
                                    : m_tier->currentIndex() == 2 ? server::TierChoice::Jit
                                                                  : server::TierChoice::Auto;
    QStringList errors;
    m_reloadFailed = false;
    // A new run starts its figures from zero (the server's metrics do): no sentence from before.
    m_speedup->setText(tr("Send requests or run Profile… to compare the tiers."));
    if (!m_session.start(tier, host, port, &errors)) {
        for (const QString &e : errors)
            m_log->appendPlainText(e);
        QMessageBox::warning(this, tr("Run"), tr("The server could not start:\n%1").arg(errors.join(QLatin1Char('\n'))));
    }
}

void MainWindow::stop() { m_session.stop(); }

bool MainWindow::save()
{
    bool changed = false;
    for (const auto &[file, e] : m_editorByFile) {
        if (!e->document()->isModified())
            continue;
        // Atomic: a crash mid-save leaves the old file whole.
        if (const project::SaveResult saved = project::saveAtomically(file, e->toPlainText().toUtf8()); !saved.ok) {
            // The edit stays in the editor (and in the recovery folder), still marked changed.
            autosaveNow();
            reportFailure(tr("Save"), saved.error);
            return false;
        }
        e->document()->setModified(false);
        m_savedText[file] = e->toPlainText();
        if (m_recovery)
            m_recovery->forget(file);
        changed = true;
    }
    if (changed) {
        // A new or renamed endpoint shows at once, in the list, the chart's picker and Profile.
        m_session.refreshEndpoints();
        fillEndpoints();
    }
    if (changed && m_session.running()) {
        const server::ReloadResult result = m_session.reload();
        for (const QString &error : result.errors)
            m_log->appendPlainText(error);
        // A failed reload keeps the previous version serving: the status bar says so until a
        // reload (or Run) succeeds, not "JIT ready" as if the edit were live.
        m_reloadFailed = !result.ok;
        if (!result.ok)
            statusBar()->showMessage(tr("Reload failed: the server still runs the previous version (see Problems and Log)"), 15000);
        // Data the user kept in module state that the reload did not keep: said where it shows.
        if (result.ok)
            m_state->setReloadNote(result.stateLosses);
        if (!result.stateLosses.isEmpty())
            statusBar()->showMessage(tr("The reload reset module state: see the State panel (Alt+5)"), 15000);
    }
    return true;
}

void MainWindow::sendTry(const QString &path, const QString &tier)
{
    if (!m_session.running()) {
        m_tryStatus->setText(tr("The server is not running: press Run (F5)."));
        return;
    }
    if (!path.isEmpty())
        m_tryPath->setText(path);
    if (!tier.isEmpty())
        m_tryTier->setCurrentText(tier);
    QNetworkRequest request(QUrl(m_session.url()).resolved(QUrl(m_tryPath->text().trimmed())));
    for (const QString &header : m_tryHeaders->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon > 0)
            request.setRawHeader(header.left(colon).trimmed().toUtf8(), header.mid(colon + 1).trimmed().toUtf8());
    }
    if (m_tryTier->currentIndex() > 0)
        request.setRawHeader("X-Hotpath-Tier", m_tryTier->currentText().toUtf8());
    const QByteArray method = m_tryMethod->currentText().toUtf8();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const bool withBody = method != "GET" && method != "HEAD" && method != "OPTIONS";
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, withBody ? m_tryRequestBody->toPlainText().toUtf8() : QByteArray());
    m_tryStatus->setText(tr("Sending…"));
    const QStringList form{m_tryMethod->currentText(), m_tryPath->text(), QString::number(m_tryTier->currentIndex()), m_tryHeaders->text(),
                           m_tryRequestBody->toPlainText()};
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer, form] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        auto *sent = new QListWidgetItem(QStringLiteral("%1 %2  →  %3 (%4)")
                                             .arg(form[0], form[1])
                                             .arg(status)
                                             .arg(QString::fromUtf8(reply->rawHeader("X-Hotpath-Tier"))));
        sent->setData(Qt::UserRole, form);
        m_tryHistory->insertItem(0, sent);
        while (m_tryHistory->count() > 50)
            delete m_tryHistory->takeItem(m_tryHistory->count() - 1);
        const QByteArray body = reply->readAll();
        QString text;
        for (const auto &[name, value] : reply->rawHeaderPairs())
            text += QString::fromUtf8(name + ": " + value) + QLatin1Char('\n');
        text += QLatin1Char('\n');
        const QJsonDocument json = QJsonDocument::fromJson(body);
        text += json.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
        m_tryResponse->setPlainText(text);
        m_tryStatus->setText(status ? tr("<b>%1</b>  %2  ·  %3 ms  ·  tier %4")
                                          .arg(status)
                                          .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                                          .arg(static_cast<double>(timer->nsecsElapsed()) / 1e6, 0, 'f', 2)
                                          .arg(QString::fromUtf8(reply->rawHeader("X-Hotpath-Tier")))
                                    : tr("No answer: %1").arg(reply->errorString()));
    });
}

void MainWindow::refreshState()
{
    m_stateTicks = 0;
    bool busy = false;
    const auto variables = m_session.stateSnapshot(&busy);
    m_state->setVariables(variables, m_session.running(), busy);
}

// 10 times a second: one point per series, the chart, the table, the endpoint list.
void MainWindow::refresh()
{
    m_session.tick();
    m_jit->setText(m_reloadFailed && m_session.running() ? tr("Reload failed: serving the previous version") : m_session.jitStatus());
    m_jit->setStyleSheet(m_reloadFailed && m_session.running() ? QStringLiteral("color: #c62828; font-weight: bold") : QString());
    // The State view twice a second while it is on screen and the server runs.
    if (++m_stateTicks >= 5 && m_bottom->currentWidget() == m_state && m_session.running())
        refreshState();
    const QString series = m_chartEndpoint->currentData().toString();
    const auto interp = m_session.latency(series, metrics::Tier::Interp);
    const auto jit = m_session.latency(series, metrics::Tier::Jit);
    if (!m_pause->isChecked())
        m_chart->setPoints(interp, jit);
    if (!m_session.running())
        return;
    const metrics::Snapshot snapshot = m_session.metricsSnapshot();
    std::array<metrics::TierSnapshot, metrics::tierCount> totals;
    for (const metrics::SeriesSnapshot &s : snapshot.series) {
        if (!series.isEmpty() && QString::fromStdString(s.endpoint) != series)
            continue;
        for (int t = 0; t < metrics::tierCount; ++t) {
            totals[static_cast<std::size_t>(t)].total.merge(s.tiers[static_cast<std::size_t>(t)].total);
            totals[static_cast<std::size_t>(t)].handler.merge(s.tiers[static_cast<std::size_t>(t)].handler);
            for (const auto &[status, count] : s.tiers[static_cast<std::size_t>(t)].statuses)
                totals[static_cast<std::size_t>(t)].statuses[status] += count;
        }
    }
    double rates[2] = {0, 0};
    for (int t = 0; t < metrics::tierCount; ++t) {
        const auto &points = t == 0 ? interp : jit;
        std::uint64_t recent = 0;
        for (std::size_t k = points.size() > 10 ? points.size() - 10 : 0; k < points.size(); ++k)
            recent += points[k].count;
        rates[t] = static_cast<double>(recent);
        const metrics::HistogramSnapshot &h = totals[static_cast<std::size_t>(t)].total;
        const QStringList cells{QString::number(h.count()), QString::number(rates[t], 'f', 0), micros(h.percentileNs(50)),
                                micros(h.percentileNs(90)), micros(h.percentileNs(99)), micros(h.percentileNs(99.9)),
                                micros(h.maxNs()), QString::number(totals[static_cast<std::size_t>(t)].errors())};
        for (int c = 0; c < cells.size(); ++c) {
            QTableWidgetItem *item = m_summary->item(t, c);
            if (!item)
                m_summary->setItem(t, c, item = new QTableWidgetItem);
            item->setText(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    // The tiers compared by their handlers' own time: a request's whole time also holds its
    // wait for a handler thread, which both tiers share under load.
    const auto p50i = totals[0].handler.percentileNs(50), p50j = totals[1].handler.percentileNs(50);
    if (p50i > 0 && p50j > 0) {
        // Break-even: after how many requests the time the JIT saves per request has paid
        // for its compile.
        QString breakEven;
        const double compileNs = m_session.jitCompileMs() * 1e6;
        if (compileNs > 0 && p50i > p50j)
            breakEven = tr(" Its compile time pays for itself after about %1 requests.")
                            .arg(static_cast<qlonglong>(compileNs / static_cast<double>(p50i - p50j)) + 1);
        m_speedup->setText(tr("JIT handlers run at <b>%1x</b> the interpreter's speed (handler time p50 %2 vs %3). %4.%5")
                               .arg(static_cast<double>(p50i) / static_cast<double>(p50j), 0, 'f', 1)
                               .arg(micros(p50j), micros(p50i), m_session.jitStatus(), breakEven));
    }
    m_rate->setText(tr("%1 req/s").arg(rates[0] + rates[1], 0, 'f', 0));
    // Endpoint rows: p50 per tier and errors.
    for (int row = 0; row < m_endpoints->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_endpoints->topLevelItem(row);
        const std::string name = item->data(2, Qt::UserRole).toString().toStdString();
        for (const metrics::SeriesSnapshot &s : snapshot.series)
            if (s.endpoint == name) {
                item->setText(2, micros(s.tiers[0].total.percentileNs(50)));
                item->setText(3, micros(s.tiers[1].total.percentileNs(50)));
                item->setText(4, QString::number(s.tiers[0].errors() + s.tiers[1].errors()));
            }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardOrSave(tr("quitting"))) {
        event->ignore();
        return;
    }
    m_session.stop();
    m_recovery.reset(); // a normal close releases the lock: nothing to offer next time
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace hotpath::ui
