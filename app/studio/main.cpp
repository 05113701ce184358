// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath-studio [PROJECT|FILE.py]`: the desktop studio. Opens the given project, or the
// bundled sample on first start; --profile PATH starts a profile run at once.
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "Theme.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QScreen>
#include <QtWidgets/QApplication>

// The bundled sample: in the source tree when run from a build, else the installed copy
// (share/hotpath/samples/hello), which is read-only: the user gets a copy of it to edit.
QString sampleProject()
{
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/hotpath/samples/hello");
    QString sample = QStringLiteral(HOTPATH_SAMPLE_PROJECT);
    if (!QFileInfo::exists(sample) && QFileInfo::exists(installed))
        sample = QDir(installed).canonicalPath();
    if (QFileInfo(sample).isWritable())
        return sample;
    const QString copy = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/samples/hello");
    if (!QFileInfo::exists(copy)) {
        QDir().mkpath(copy);
        for (const QString &name : QDir(sample).entryList(QDir::Files))
            QFile::copy(QDir(sample).filePath(name), QDir(copy).filePath(name));
    }
    return copy;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Hotpath Studio"));
    QApplication::setOrganizationName(QStringLiteral("Hotpath"));
    QApplication::setApplicationVersion(QStringLiteral(HOTPATH_VERSION));
    // Lets the desktop match the window to io.hotpath.Studio.desktop (its icon and name).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.hotpath.Studio"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Edit, run and profile Hotpath endpoints."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project folder or .py file (default: the bundled sample)."));
    const QCommandLineOption run(QStringLiteral("run"), QStringLiteral("Start the server at once, as Run (F5) does."));
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("host:port to serve on (default 127.0.0.1:8080)."),
                                     QStringLiteral("host:port"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QStringLiteral("light, dark, or system (default): the palette when the desktop gives none."),
                                   QStringLiteral("theme"), QStringLiteral("system"));
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Show FILE at LINE with its compiled code (as file:line)."),
                                  QStringLiteral("file:line"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Run the server and profile PATH in both tiers (3 s each); the results fill the latency panel."),
                                     QStringLiteral("path"));
    parser.addOption(profile);
    parser.addOption(run);
    parser.addOption(address);
    parser.addOption(open);
    parser.addOption(theme);
    parser.process(app);
    if (parser.value(theme) == QStringLiteral("dark") || parser.value(theme) == QStringLiteral("light"))
        hotpath::ui::applyTheme(parser.value(theme) == QStringLiteral("dark"));
    QString target = parser.positionalArguments().value(0);
    if (target.isEmpty())
        target = sampleProject();
    hotpath::session::Session session;
    hotpath::ui::MainWindow window(session);
    if (!window.openProject(QDir(target).absolutePath()))
        return 1;
    if (parser.isSet(address))
        window.setAddress(parser.value(address));
    // First start: most of the screen (showMaximized needs a window manager to honour it).
    if (!QSettings().contains(QStringLiteral("window/geometry")))
        window.resize(window.screen()->availableGeometry().size() * 0.96);
    window.show();
    if (parser.isSet(run))
        window.run();
    if (parser.isSet(profile))
        if (hotpath::ui::ProfileDialog *dialog = window.profile(parser.value(profile))) {
            // The latency panel shows the results; the dialog only needs to be seen while it runs.
            QObject::connect(dialog, &hotpath::ui::ProfileDialog::runFinished, dialog, &QDialog::close, Qt::QueuedConnection);
            dialog->start(3);
        }
    if (parser.isSet(open)) {
        const QString where = parser.value(open);
        const QString file = where.section(QLatin1Char(':'), 0, 0);
        const QString path = QFileInfo(file).isAbsolute() ? file : QDir(target).absoluteFilePath(file);
        window.showFile(QFileInfo(path).absoluteFilePath(), where.section(QLatin1Char(':'), 1, 1).toInt());
        window.showCompiled();
    }
    return QApplication::exec();
}
