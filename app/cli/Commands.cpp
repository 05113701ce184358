// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QtCore/QCommandLineParser>

#include <cstdio>

namespace hotpath::cli {

bool parseCommandLine(QCommandLineParser &parser, const char *command, const QStringList &arguments, int &exitCode)
{
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("hotpath ") + QLatin1String(command));
    if (!parser.parse(argv)) {
        std::fprintf(stderr, "hotpath %s: %s\n", command, qPrintable(parser.errorText()));
        exitCode = ExitUsage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        exitCode = ExitOk;
        return false;
    }
    return true;
}

} // namespace hotpath::cli
