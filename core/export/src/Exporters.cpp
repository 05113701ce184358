// SPDX-License-Identifier: GPL-3.0-or-later
// The export formats other than the archive and the report: a deployable server folder,
// the Flask version of the project, and the OpenAPI document.
#include "Archive.h"
#include "LoadedProject.h"
#include "Report.h"

#include "hotpath/server/OpenApi.h"
#include "hotpath/server/Version.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>

namespace hotpath::exporting {

namespace {

// A DNS-1123 label for Kubernetes objects, image and unit names: lower case letters,
// digits and '-', starting with a letter, at most 63 characters.
QString slugOf(const QString &name)
{
    QString slug = name.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    slug.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (slug.isEmpty() || !slug.front().isLetter())
        slug.prepend(QStringLiteral("hotpath-"));
    slug.truncate(63);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug;
}

// The project's name as it may appear in a unit file, Markdown or a comment: one line.
QString displayName(const QString &name)
{
    QString clean;
    for (const QChar c : name)
        clean += c.isPrint() ? c : QLatin1Char(' ');
    return clean.simplified();
}

QMap<QString, QString> placeholders(const project::Manifest &manifest)
{
    const int port = manifest.server.port > 0 ? manifest.server.port : 8080;
    return {{QStringLiteral("NAME"), displayName(manifest.name)},
            {QStringLiteral("SLUG"), slugOf(manifest.name)},
            {QStringLiteral("PORT"), QString::number(port)},
            {QStringLiteral("THREADS"), QString::number(manifest.server.threads)}};
}

bool writeProjectInto(const QString &dir, const LoadedProject &project, Result &result)
{
    if (!writeInto(dir, QStringLiteral("hotpath.json"), project.manifestBytes, result))
        return false;
    for (const auto &[name, bytes] : project.files)
        if (!writeInto(dir, name, bytes, result))
            return false;
    return true;
}

Result exportServer(const LoadedProject &project, const QString &out)
{
    Result result;
    if (!makeEmptyFolder(out, result.error) || !writeProjectInto(QDir(out).filePath(QStringLiteral("app")), project, result))
        return result;
    const QMap<QString, QString> values = placeholders(project.manifest);
    for (const auto &[resource, name] : {std::pair{"Dockerfile.in", "Dockerfile"}, std::pair{"kubernetes.yaml.in", "kubernetes.yaml"},
                                         std::pair{"hotpath.service.in", "hotpath.service"}, std::pair{"README.md.in", "README.md"}})
        if (!writeInto(out, QString::fromLatin1(name), fillTemplate(QStringLiteral(":/export/server/") + QString::fromLatin1(resource), values), result))
            return result;
    result.ok = true;
    return result;
}

Result exportFlask(const LoadedProject &project, const QString &out)
{
    Result result;
    if (!makeEmptyFolder(out, result.error) || !writeProjectInto(QDir(out).filePath(QStringLiteral("project")), project, result))
        return result;
    const QMap<QString, QString> values = placeholders(project.manifest);
    for (const char *shim : {"__init__.py", "flask_app.py"}) {
        QFile file(QStringLiteral(":/export/python/hotpath/") + QString::fromLatin1(shim));
        if (!file.open(QIODevice::ReadOnly) || !writeInto(out, QStringLiteral("hotpath/") + QString::fromLatin1(shim), file.readAll(), result))
            return result;
    }
    if (!writeInto(out, QStringLiteral("app.py"), fillTemplate(QStringLiteral(":/export/flask/app.py.in"), values), result)
        || !writeInto(out, QStringLiteral("README.md"), fillTemplate(QStringLiteral(":/export/flask/README.md.in"), values), result))
        return result;
    result.ok = true;
    return result;
}

Result exportOpenApi(const QString &target, const QString &out)
{
    Result result;
    if (QFileInfo::exists(out)) {
        result.error = QStringLiteral("%1: already exists; choose a new file name (nothing is overwritten)").arg(out);
        return result;
    }
    server::BuildOptions options;
    options.compileJit = false; // the document needs the checker's types, not machine code
    QStringList errors;
    const std::shared_ptr<server::Version> version = server::Version::build(target, options, nullptr, errors);
    if (!version) {
        result.error = errors.join(QLatin1Char('\n'));
        return result;
    }
    QSaveFile file(out);
    const QByteArray document = server::openApiDocument(*version);
    if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() || !file.commit()) {
        result.error = QStringLiteral("%1: cannot write: %2").arg(out, file.errorString());
        return result;
    }
    result.ok = true;
    result.written << QFileInfo(out).absoluteFilePath();
    return result;
}

} // namespace

std::optional<Format> formatNamed(const QString &name)
{
    const QStringList names = formatNames();
    const qsizetype index = names.indexOf(name);
    return index < 0 ? std::nullopt : std::optional(static_cast<Format>(index));
}

QStringList formatNames()
{
    return {QStringLiteral("archive"), QStringLiteral("server"), QStringLiteral("flask"), QStringLiteral("openapi"), QStringLiteral("report")};
}

Result exportProject(const QString &target, Format format, const QString &out, const ReportInputs &report)
{
    Result result;
    const std::optional<LoadedProject> project = readProject(target, result.error);
    if (!project)
        return result;
    switch (format) {
    case Format::Archive: return writeArchive(*project, out);
    case Format::Server: return exportServer(*project, out);
    case Format::Flask: return exportFlask(*project, out);
    case Format::OpenApi: return exportOpenApi(target, out);
    case Format::Report: return writeReport(target, project->manifest, out, report);
    }
    return result;
}

} // namespace hotpath::exporting
