// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The project manifest, `hotpath.json`. It is versioned ("format": 1) so that a newer
// Hotpath can change it and an older one refuses clearly instead of misreading it.
// Every problem names the field it is about; reading never throws.

#include <QtCore/QString>
#include <QtCore/QByteArray>
#include <QtCore/QStringList>

#include <optional>

namespace hotpath::project {

inline constexpr int currentManifestFormat = 1;

enum class DefaultTier { Auto, Interpreter, Jit };

// What the server enforces; docs/projects.md gives each one's reason and range.
struct ServerLimits
{
    int timeoutMs = 2000;                 // handler deadline (504 after)
    qint64 memoryBytes = 256LL << 20;     // live heap per call (MemoryError above)
    qint64 maxBodyBytes = 1 << 20;        // 413 above, from Content-Length
    qint64 maxHeaderBytes = 64 * 1024;    // request line + headers, 431 above
    int requestTimeoutMs = 10'000;        // a request must arrive whole within this (408)
    int idleTimeoutMs = 30'000;           // idle keep-alive connections are closed after this
    int maxConnections = 1000;            // more are answered 503 and closed
};

// Cross-origin requests from browser pages (CORS): off unless origins are listed.
struct CorsSettings
{
    QStringList origins;  // "https://app.example.com", or "*" for any
    QStringList headers = {QStringLiteral("Content-Type")}; // request headers a page may send
    int maxAgeSeconds = 600; // how long a browser may reuse a preflight's answer
};

struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;
    DefaultTier tier = DefaultTier::Auto;
    int threads = 1; // socket threads: one reads and writes for every connection; handlers run elsewhere
    int handlerThreads = 0; // 0: one per core
    int opt = 2; // JIT optimisation level 0-3
    ServerLimits limits;
    CorsSettings cors;
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
// The manifest as JSON (every field, defaults included, in a stable order).
QByteArray writeManifest(const Manifest &manifest);

} // namespace hotpath::project
