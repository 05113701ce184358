// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/Manifest.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <type_traits>

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
        QString error;
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
        // Integers within a range: every problem names the field.
        auto integer = [&](const QJsonObject &object, const QString &key, const QString &field, qint64 low, qint64 high, auto &into) -> bool {
            if (!object.contains(key))
                return true;
            const QJsonValue value = object.value(key);
            const double number = value.toDouble();
            if (!value.isDouble() || number != static_cast<double>(static_cast<qint64>(number)) || number < static_cast<double>(low)
                || number > static_cast<double>(high)) {
                error = fieldError(field, QStringLiteral("must be an integer from %1 to %2").arg(low).arg(high));
                return false;
            }
            into = static_cast<std::remove_reference_t<decltype(into)>>(number);
            return true;
        };
        if (!integer(settings, QStringLiteral("threads"), QStringLiteral("server.threads"), 1, 64, manifest.server.threads)
            || !integer(settings, QStringLiteral("handler_threads"), QStringLiteral("server.handler_threads"), 1, 64,
                        manifest.server.handlerThreads)
            || !integer(settings, QStringLiteral("opt"), QStringLiteral("server.opt"), 0, 3, manifest.server.opt))
            return failure(displayPath, error);
        const QJsonValue limits = settings.value(QStringLiteral("limits"));
        if (!limits.isUndefined()) {
            if (!limits.isObject())
                return failure(displayPath, fieldError(QStringLiteral("server.limits"), QStringLiteral("must be an object")));
            const QJsonObject l = limits.toObject();
            ServerLimits &into = manifest.server.limits;
            if (!integer(l, QStringLiteral("timeout_ms"), QStringLiteral("server.limits.timeout_ms"), 1, 3'600'000, into.timeoutMs)
                || !integer(l, QStringLiteral("memory_bytes"), QStringLiteral("server.limits.memory_bytes"), 1 << 20, 64LL << 30, into.memoryBytes)
                || !integer(l, QStringLiteral("max_body_bytes"), QStringLiteral("server.limits.max_body_bytes"), 0, 1LL << 32, into.maxBodyBytes)
                || !integer(l, QStringLiteral("max_header_bytes"), QStringLiteral("server.limits.max_header_bytes"), 1024, 1 << 24, into.maxHeaderBytes)
                || !integer(l, QStringLiteral("request_timeout_ms"), QStringLiteral("server.limits.request_timeout_ms"), 100, 3'600'000,
                            into.requestTimeoutMs)
                || !integer(l, QStringLiteral("idle_timeout_ms"), QStringLiteral("server.limits.idle_timeout_ms"), 100, 3'600'000, into.idleTimeoutMs)
                || !integer(l, QStringLiteral("max_connections"), QStringLiteral("server.limits.max_connections"), 1, 1'000'000, into.maxConnections))
                return failure(displayPath, error);
        }
        const QJsonValue cors = settings.value(QStringLiteral("cors"));
        if (!cors.isUndefined()) {
            if (!cors.isObject())
                return failure(displayPath, fieldError(QStringLiteral("server.cors"), QStringLiteral("must be an object")));
            const QJsonObject c = cors.toObject();
            // A list of strings, each checked by `valid`.
            auto strings = [&](const QString &key, QStringList &into, const auto &valid, const QString &what) -> bool {
                if (!c.contains(key))
                    return true;
                const QJsonValue value = c.value(key);
                if (!value.isArray()) {
                    error = fieldError(QStringLiteral("server.cors.") + key, QStringLiteral("must be a list of strings"));
                    return false;
                }
                into.clear();
                const QJsonArray items = value.toArray();
                for (qsizetype i = 0; i < items.size(); ++i) {
                    const QString item = items.at(i).toString();
                    if (!items.at(i).isString() || !valid(item)) {
                        error = fieldError(QStringLiteral("server.cors.%1[%2]").arg(key).arg(i), what);
                        return false;
                    }
                    into << item;
                }
                return true;
            };
            auto isOrigin = [](const QString &o) {
                return o == QStringLiteral("*")
                    || ((o.startsWith(QStringLiteral("http://")) || o.startsWith(QStringLiteral("https://"))) && !o.endsWith(QLatin1Char('/'))
                        && o.indexOf(QLatin1Char('/'), o.indexOf(QStringLiteral("//")) + 2) < 0);
            };
            auto isToken = [](const QString &h) {
                return !h.isEmpty() && std::all_of(h.begin(), h.end(), [](QChar ch) { return ch.isLetterOrNumber() || ch == QLatin1Char('-'); });
            };
            CorsSettings &into = manifest.server.cors;
            if (!strings(QStringLiteral("origins"), into.origins, isOrigin,
                         QStringLiteral("must be an origin such as \"https://app.example.com\" (scheme and host, no path), or \"*\""))
                || !strings(QStringLiteral("headers"), into.headers, isToken, QStringLiteral("must be a header name"))
                || !integer(c, QStringLiteral("max_age"), QStringLiteral("server.cors.max_age"), 0, 86'400, into.maxAgeSeconds))
                return failure(displayPath, error);
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

QByteArray writeManifest(const Manifest &manifest)
{
    const ServerSettings &server = manifest.server;
    const ServerLimits &limits = server.limits;
    const QJsonObject limitsJson{
        {QStringLiteral("timeout_ms"), limits.timeoutMs},
        {QStringLiteral("memory_bytes"), limits.memoryBytes},
        {QStringLiteral("max_body_bytes"), limits.maxBodyBytes},
        {QStringLiteral("max_header_bytes"), limits.maxHeaderBytes},
        {QStringLiteral("request_timeout_ms"), limits.requestTimeoutMs},
        {QStringLiteral("idle_timeout_ms"), limits.idleTimeoutMs},
        {QStringLiteral("max_connections"), limits.maxConnections},
    };
    const QString tier = server.tier == DefaultTier::Jit           ? QStringLiteral("jit")
                         : server.tier == DefaultTier::Interpreter ? QStringLiteral("interp")
                                                                   : QStringLiteral("auto");
    const QJsonObject corsJson{
        {QStringLiteral("origins"), QJsonArray::fromStringList(server.cors.origins)},
        {QStringLiteral("headers"), QJsonArray::fromStringList(server.cors.headers)},
        {QStringLiteral("max_age"), server.cors.maxAgeSeconds},
    };
    QJsonObject serverJson{
        {QStringLiteral("host"), server.host}, {QStringLiteral("port"), server.port},       {QStringLiteral("tier"), tier},
        {QStringLiteral("threads"), server.threads}, {QStringLiteral("opt"), server.opt}, {QStringLiteral("limits"), limitsJson},
        {QStringLiteral("cors"), corsJson},
    };
    if (server.handlerThreads > 0)
        serverJson.insert(QStringLiteral("handler_threads"), server.handlerThreads);
    const QJsonObject root{
        {QStringLiteral("format"), manifest.format},
        {QStringLiteral("name"), manifest.name},
        {QStringLiteral("files"), QJsonArray::fromStringList(manifest.files)},
        {QStringLiteral("server"), serverJson},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace hotpath::project
