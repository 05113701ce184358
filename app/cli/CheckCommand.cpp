// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath check`: diagnostics in the GCC/clang convention, with the source line and a
// caret under the position so a person can read them too.

#include "Commands.h"

#include "hotpath/project/ProjectChecker.h"
#include "hotpath/support/Text.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

#include <cstdio>
#include <string>

namespace hotpath::cli {

namespace {

void printDiagnostic(const support::SourceFile &file, const support::Diagnostic &diagnostic, bool context)
{
    std::printf("%s\n", support::formatDiagnostic(file, diagnostic).c_str());
    if (!context)
        return;
    const support::LineColumn at = file.lineColumn(diagnostic.span.begin);
    const std::string_view line = file.lineText(at.line);
    if (line.empty())
        return;
    // The caret line repeats tabs so the caret sits under the right character.
    std::string caret;
    size_t i = 0;
    for (int column = 1; column < at.column && i < line.size(); ++column) {
        caret += line[i] == '\t' ? '\t' : ' ';
        support::decodeUtf8(line, i);
    }
    const size_t width = std::max<size_t>(1, support::countCodePoints(
        std::string_view(file.text()).substr(diagnostic.span.begin,
                                             std::min<size_t>(diagnostic.span.end, file.lineStart(at.line) + line.size())
                                                 - std::min<size_t>(diagnostic.span.begin, file.lineStart(at.line) + line.size()))));
    std::printf("    %.*s\n    %s^%s\n", static_cast<int>(line.size()), line.data(), caret.c_str(),
                std::string(width - 1, '~').c_str());
}

} // namespace

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check Hotpath handler files (.py) or project folders (holding hotpath.json).\n"
        "Prints one diagnostic per problem as 'file:line:col: error: message' (columns count\n"
        "Unicode code points from 1), followed by the source line and a caret.\n"
        "Exit status: 0 no errors, 1 errors found, 2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption brief(QStringList{QStringLiteral("q"), QStringLiteral("brief")},
                                   QStringLiteral("Print only the diagnostic lines, without source context."));
    parser.addOption(brief);
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Handler files or project folders."),
                                 QStringLiteral("FILE.py|PROJECT..."));
    if (int exit = ExitOk; !parseCommandLine(parser, "check", arguments, exit))
        return exit;
    const QStringList targets = parser.positionalArguments();
    if (targets.isEmpty()) {
        std::fprintf(stderr, "hotpath check: no files given\n\n%s", qPrintable(parser.helpText()));
        return ExitUsage;
    }

    project::CheckReport report;
    for (const QString &target : targets)
        project::checkTarget(target, report);

    for (const QString &message : report.projectErrors)
        std::printf("%s\n", qPrintable(message));
    for (const auto &file : report.files) {
        if (!file->readError.isEmpty())
            std::printf("%s\n", qPrintable(file->readError));
        if (!file->program)
            continue;
        for (const support::Diagnostic &diagnostic : file->diagnostics.diagnostics())
            printDiagnostic(file->program->file, diagnostic, !parser.isSet(brief));
    }
    const int errors = report.errorCount();
    const auto fileCount = report.files.size();
    if (errors == 0)
        std::fprintf(stderr, "hotpath check: %zu file%s, no errors\n", fileCount, fileCount == 1 ? "" : "s");
    else
        std::fprintf(stderr, "hotpath check: %d error%s in %zu file%s\n", errors, errors == 1 ? "" : "s", fileCount,
                     fileCount == 1 ? "" : "s");
    return errors == 0 ? ExitOk : ExitErrors;
}

} // namespace hotpath::cli
