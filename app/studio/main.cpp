// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath-studio [PROJECT|FILE.py]`: the desktop studio. Opens the given project, or the
// bundled sample on first start.
#include "MainWindow.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtWidgets/QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Hotpath Studio"));
    QApplication::setOrganizationName(QStringLiteral("Hotpath"));
    QApplication::setApplicationVersion(QStringLiteral(HOTPATH_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Edit, run and profile Hotpath endpoints."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project folder or .py file (default: the bundled sample)."));
    parser.process(app);
    QString target = parser.positionalArguments().value(0);
    if (target.isEmpty())
        target = QStringLiteral(HOTPATH_SAMPLE_PROJECT);
    hotpath::session::Session session;
    hotpath::ui::MainWindow window(session);
    if (!window.openProject(QDir(target).absolutePath()))
        return 1;
    window.show();
    return QApplication::exec();
}
