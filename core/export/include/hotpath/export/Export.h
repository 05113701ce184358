// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Taking a project elsewhere: one .tar.gz to share (and import again), a deployable
// server folder (Docker, Kubernetes, systemd), the same endpoints on Flask, an OpenAPI
// document, and a report of the last profile run. `hotpath export` and the studio's
// File → Export both come here. QtCore and libarchive; no widgets.

#include <QtCore/QByteArray>
#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace hotpath::exporting {

enum class Format { Archive, Server, Flask, OpenApi, Report };

std::optional<Format> formatNamed(const QString &name); // "archive", "server", ...
QStringList formatNames();

struct Result
{
    bool ok = false;
    QString error;       // what went wrong, naming the file
    QStringList written; // files written, absolute
};

struct ReportInputs
{
    QString profileJson;           // a profile run's JSON file; default PROJECT/.hotpath/last-profile.json
    QMap<QString, QByteArray> png; // chart images to include ("latency.png" -> bytes), from the studio
};

// `project` is a folder with hotpath.json or a single .py file. `out` is a file for
// archive and openapi, a folder (made if missing, must be empty if present) otherwise.
Result exportProject(const QString &project, Format format, const QString &out, const ReportInputs &report = {});

// Unpacks a project archive into `outDir` (made if missing, must be empty): regular
// files and folders only, no absolute paths, no '..', no links, bounded sizes; nothing is
// written unless the whole archive passes and holds a manifest that reads.
Result importArchive(const QString &archive, const QString &outDir);

} // namespace hotpath::exporting
