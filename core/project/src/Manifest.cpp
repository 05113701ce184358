// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/Manifest.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace hotpath::project {

namespace {

ManifestResult failure(const QString &path, const QString &message)
{
    return {std::nullopt, path + QStringLiteral(": error: ") + message};
}

QString fieldError(const QString &field, const QString &message)
{
    return QStringLiteral("field '%1': %2").arg(field, message);
}

} // namespace

ManifestResult readManifest(const QString &projectDir)
{
    const QString path = QDir(projectDir).filePath(QStringLiteral("hotpath.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, QStringLiteral("cannot open the project manifest: %1").arg(file.errorString()));
    return parseManifest(file.readAll(), path);
}

ManifestResult parseManifest(const QByteArray &json, const QString &displayPath)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(displayPath, QStringLiteral("not valid JSON at byte %1: %2")
                                        .arg(parseError.offset)
                                        .arg(parseError.errorString()));
    if (!document.isObject())
        return failure(displayPath, QStringLiteral("the manifest must be a JSON object"));
    const QJsonObject root = document.object();
    Manifest manifest;

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isDouble() || format.toDouble() != static_cast<double>(format.toInt()))
        return failure(displayPath, fieldError(QStringLiteral("format"), QStringLiteral("must be the integer %1")
                                                                             .arg(currentManifestFormat)));
    manifest.format = format.toInt();
    if (manifest.format > currentManifestFormat)
        return failure(displayPath, fieldError(QStringLiteral("format"),
                                               QStringLiteral("format %1 is newer than this Hotpath reads (%2); "
                                                              "update Hotpath")
                                                   .arg(manifest.format)
                                                   .arg(currentManifestFormat)));
    if (manifest.format < 1)
        return failure(displayPath, fieldError(QStringLiteral("format"), QStringLiteral("must be at least 1")));

    const QJsonValue name = root.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return failure(displayPath, fieldError(QStringLiteral("name"), QStringLiteral("must be a non-empty string")));
    manifest.name = name.toString();

    const QJsonValue files = root.value(QStringLiteral("files"));
    if (!files.isArray())
        return failure(displayPath, fieldError(QStringLiteral("files"),
                                               QStringLiteral("must be a list of .py file names")));
    const QJsonArray fileList = files.toArray();
    for (qsizetype i = 0; i < fileList.size(); ++i) {
        const QString field = QStringLiteral("files[%1]").arg(i);
        const QString file = fileList.at(i).toString();
        if (!fileList.at(i).isString() || !file.endsWith(QStringLiteral(".py")))
            return failure(displayPath, fieldError(field, QStringLiteral("must be the name of a .py file")));
        if (QDir::isAbsolutePath(file) || file.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return failure(displayPath, fieldError(field, QStringLiteral("must be a path inside the project folder")));
        if (manifest.files.contains(file))
            return failure(displayPath, fieldError(field, QStringLiteral("'%1' is listed twice").arg(file)));
        manifest.files.append(file);
    }

    const QJsonValue server = root.value(QStringLiteral("server"));
    if (!server.isUndefined()) {
        if (!server.isObject())
            return failure(displayPath, fieldError(QStringLiteral("server"), QStringLiteral("must be an object")));
        const QJsonObject settings = server.toObject();
        if (settings.contains(QStringLiteral("host"))) {
            if (!settings.value(QStringLiteral("host")).isString())
                return failure(displayPath, fieldError(QStringLiteral("server.host"), QStringLiteral("must be a string")));
            manifest.server.host = settings.value(QStringLiteral("host")).toString();
        }
        if (settings.contains(QStringLiteral("port"))) {
            const QJsonValue port = settings.value(QStringLiteral("port"));
            if (!port.isDouble() || port.toDouble() != port.toInt() || port.toInt() < 0 || port.toInt() > 65535)
                return failure(displayPath, fieldError(QStringLiteral("server.port"),
                                                       QStringLiteral("must be an integer from 0 to 65535")));
            manifest.server.port = port.toInt();
        }
        if (settings.contains(QStringLiteral("tier"))) {
            const QString tier = settings.value(QStringLiteral("tier")).toString();
            if (tier == QStringLiteral("auto"))
                manifest.server.tier = DefaultTier::Auto;
            else if (tier == QStringLiteral("interp"))
                manifest.server.tier = DefaultTier::Interpreter;
            else if (tier == QStringLiteral("jit"))
                manifest.server.tier = DefaultTier::Jit;
            else
                return failure(displayPath, fieldError(QStringLiteral("server.tier"),
                                                       QStringLiteral("must be \"auto\", \"interp\" or \"jit\"")));
        }
    }
    return {manifest, {}};
}

} // namespace hotpath::project
