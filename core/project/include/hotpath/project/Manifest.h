// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The project manifest, `hotpath.json`. It is versioned ("format": 1) so that a newer
// Hotpath can change it and an older one refuses clearly instead of misreading it.
// Every problem names the field it is about; reading never throws.

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace hotpath::project {

inline constexpr int currentManifestFormat = 1;

enum class DefaultTier { Auto, Interpreter, Jit };

struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;
    DefaultTier tier = DefaultTier::Auto;
};

struct Manifest
{
    int format = currentManifestFormat;
    QString name;
    QStringList files; // relative to the project folder
    ServerSettings server;
};

struct ManifestResult
{
    std::optional<Manifest> manifest;
    QString error; // "dir/hotpath.json: error: field 'files[1]': ..." when manifest is empty
};

ManifestResult readManifest(const QString &projectDir);
ManifestResult parseManifest(const QByteArray &json, const QString &displayPath);

} // namespace hotpath::project
