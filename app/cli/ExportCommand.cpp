// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath export PROJECT --format F --out PATH` and `hotpath import ARCHIVE --out DIR`.
#include "Commands.h"

#include "hotpath/export/Export.h"

#include <QtCore/QCommandLineParser>

#include <cstdio>

namespace hotpath::cli {

namespace {

int report(const char *command, const exporting::Result &result)
{
    if (!result.ok) {
        std::fprintf(stderr, "hotpath %s: %s\n", command, qPrintable(result.error));
        return ExitErrors;
    }
    for (const QString &file : result.written)
        std::printf("%s\n", qPrintable(file));
    return ExitOk;
}

} // namespace

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a project (a folder with hotpath.json, or one .py file):\n"
        "  archive  one .tar.gz of the project, which 'hotpath import' opens again\n"
        "  server   a folder to deploy: the project, a Dockerfile, Kubernetes manifests, a systemd unit, a README\n"
        "  flask    app.py and a pure-Python shim serving the same endpoints with Flask under CPython\n"
        "  openapi  an OpenAPI 3.1 document of the endpoints (the server also answers it at /openapi.json)\n"
        "  report   the last profile run (studio or 'hotpath bench PROJECT') as HTML, SVG, CSV and JSON\n"
        "Nothing is overwritten: OUT must be a new file, or a new or empty folder. Prints the files written."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("archive, server, flask, openapi or report."), QStringLiteral("F"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The file (archive, openapi) or folder to write."), QStringLiteral("PATH"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("report: the profile run's JSON (default PROJECT/.hotpath/last-profile.json)."),
                                     QStringLiteral("FILE"));
    parser.addOptions({format, out, profile});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project folder or .py file."), QStringLiteral("PROJECT"));
    if (int exit = ExitOk; !parseCommandLine(parser, "export", arguments, exit))
        return exit;
    const std::optional<exporting::Format> chosen = exporting::formatNamed(parser.value(format));
    if (parser.positionalArguments().size() != 1 || !chosen || !parser.isSet(out)) {
        std::fprintf(stderr, "hotpath export: expected PROJECT --format %s --out PATH\n", qPrintable(exporting::formatNames().join(QLatin1Char('|'))));
        return ExitUsage;
    }
    exporting::ReportInputs inputs;
    inputs.profileJson = parser.value(profile);
    return report("export", exporting::exportProject(parser.positionalArguments().first(), *chosen, parser.value(out), inputs));
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Unpack a project archive (from 'hotpath export --format archive') into a new or empty folder.\n"
        "Archives with absolute paths, '..' components, links or special files are refused, and then\n"
        "nothing is written."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The folder to unpack into."), QStringLiteral("DIR"));
    parser.addOption(out);
    parser.addPositionalArgument(QStringLiteral("archive"), QStringLiteral("A .tar.gz project archive."), QStringLiteral("ARCHIVE"));
    if (int exit = ExitOk; !parseCommandLine(parser, "import", arguments, exit))
        return exit;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(out)) {
        std::fprintf(stderr, "hotpath import: expected ARCHIVE --out DIR\n");
        return ExitUsage;
    }
    return report("import", exporting::importArchive(parser.positionalArguments().first(), parser.value(out)));
}

} // namespace hotpath::cli
