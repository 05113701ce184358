// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Each `hotpath` subcommand is one function taking its own arguments (argv after the
// command name) and returning the process exit code.

#include <QtCore/QStringList>

class QCommandLineParser;

namespace hotpath::cli {

// Exit codes shared by every command, so scripts can tell the cases apart.
enum ExitCode : int {
    ExitOk = 0,
    ExitErrors = 1, // the input has errors (diagnostics were printed)
    ExitUsage = 2,  // the command line itself is wrong
};

// Parses `arguments` (argv after the command name) for `hotpath COMMAND`: prints the
// error or the help and returns false with the exit code to end with, else true.
bool parseCommandLine(QCommandLineParser &parser, const char *command, const QStringList &arguments, int &exitCode);

int runCheck(const QStringList &arguments);
int runRun(const QStringList &arguments);
int runDump(const QStringList &arguments);
int runServe(const QStringList &arguments);
int runBench(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runImport(const QStringList &arguments);

} // namespace hotpath::cli
