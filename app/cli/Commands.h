// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Each `hotpath` subcommand is one function taking its own arguments (argv after the
// command name) and returning the process exit code.

#include <QtCore/QStringList>

namespace hotpath::cli {

// Exit codes shared by every command, so scripts can tell the cases apart.
enum ExitCode : int {
    ExitOk = 0,
    ExitErrors = 1, // the input has errors (diagnostics were printed)
    ExitUsage = 2,  // the command line itself is wrong
};

int runCheck(const QStringList &arguments);
int runRun(const QStringList &arguments);
int runDump(const QStringList &arguments);
int runServe(const QStringList &arguments);
int runBench(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runImport(const QStringList &arguments);

} // namespace hotpath::cli
