// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath`: check, run and serve Hotpath handler projects from the command line.

#include "Commands.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstdio>

namespace {

const char *const usageText =
    "Usage: hotpath [--help] [--version] <command> [arguments]\n"
    "\n"
    "Write, check and serve HTTP endpoint handlers in a statically typed subset of Python.\n"
    "\n"
    "Commands:\n"
    "  check FILE.py|PROJECT...   Check handler files or project folders and print\n"
    "                             diagnostics as file:line:col: error: message\n"
    "  run FILE.py FUNC [ARG...]  Call FUNC and print its result (--tier jit|interp,\n"
    "                             --opt N, --timeout S, --stats)\n"
    "  dump FILE.py FUNC --bytecode|--ir|--ir-opt|--asm\n"
    "                             Print a compiled view of FUNC\n"
    "  serve PROJECT|FILE.py      Serve the endpoints over HTTP (--host, --port,\n"
    "                             --tier auto|interp|jit, --threads N, --watch)\n"
    "  bench URL|PROJECT          Load an endpoint and compare the tiers' latency\n"
    "                             (--path, --connections, --duration, --rate, --tier)\n"
    "  export PROJECT --format F --out PATH\n"
    "                             archive, server (Docker, Kubernetes, systemd), flask,\n"
    "                             openapi or report\n"
    "  import ARCHIVE --out DIR   Unpack a project archive\n"
    "\n"
    "Options:\n"
    "  -h, --help      Show this help, or a command's help with 'hotpath COMMAND --help'\n"
    "  -v, --version   Show the version\n"
    "\n"
    "Exit status: 0 success, 1 the input has errors, 2 the command line is wrong.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hotpath"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTPATH_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();

    if (arguments.isEmpty()) {
        std::fputs(usageText, stderr);
        return hotpath::cli::ExitUsage;
    }
    const QString command = arguments.takeFirst();
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") || command == QStringLiteral("help")) {
        std::fputs(usageText, stdout);
        return hotpath::cli::ExitOk;
    }
    if (command == QStringLiteral("-v") || command == QStringLiteral("--version")) {
        std::printf("hotpath %s\n", HOTPATH_VERSION);
        return hotpath::cli::ExitOk;
    }
    if (command == QStringLiteral("check"))
        return hotpath::cli::runCheck(arguments);
    if (command == QStringLiteral("run"))
        return hotpath::cli::runRun(arguments);
    if (command == QStringLiteral("dump"))
        return hotpath::cli::runDump(arguments);
    if (command == QStringLiteral("serve"))
        return hotpath::cli::runServe(arguments);
    if (command == QStringLiteral("bench"))
        return hotpath::cli::runBench(arguments);
    if (command == QStringLiteral("export"))
        return hotpath::cli::runExport(arguments);
    if (command == QStringLiteral("import"))
        return hotpath::cli::runImport(arguments);

    std::fprintf(stderr, "hotpath: unknown command '%s'\n\n%s", qPrintable(command), usageText);
    return hotpath::cli::ExitUsage;
}
