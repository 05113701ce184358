// SPDX-License-Identifier: GPL-3.0-or-later
// Export and import: the archive round-trips byte for byte and refuses path traversal;
// the server folder's manifests parse as Kubernetes requires; the OpenAPI document holds
// every route; the report of a profile run is a self-contained page; nothing is ever
// overwritten.
#include "hotpath/export/Export.h"
#include "hotpath/loadgen/ProfileJson.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <archive.h>
#include <archive_entry.h>

using namespace hotpath;

// An entry of a hand-made archive, as an attacker would make it.
struct Entry
{
    QByteArray path;
    QByteArray contents = {};
    mode_t type = AE_IFREG;
    QByteArray link = {}; // symlink target or hardlink source
};
Q_DECLARE_METATYPE(Entry)

namespace {


QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeHostileArchive(const QString &file, const QList<Entry> &entries)
{
    archive *writer = archive_write_new();
    archive_write_add_filter_gzip(writer);
    archive_write_set_format_pax_restricted(writer);
    QVERIFY(archive_write_open_filename(writer, QFile::encodeName(file).constData()) == ARCHIVE_OK);
    for (const Entry &e : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.path.constData());
        archive_entry_set_filetype(entry, e.type);
        archive_entry_set_perm(entry, 0644);
        if (e.type == AE_IFLNK)
            archive_entry_set_symlink(entry, e.link.constData());
        else if (!e.link.isEmpty())
            archive_entry_set_hardlink(entry, e.link.constData());
        archive_entry_set_size(entry, e.type == AE_IFREG && e.link.isEmpty() ? e.contents.size() : 0);
        archive_write_header(writer, entry);
        if (e.type == AE_IFREG && e.link.isEmpty())
            archive_write_data(writer, e.contents.constData(), static_cast<size_t>(e.contents.size()));
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
}

const QByteArray goodManifest = R"({"format": 1, "name": "x", "files": ["a.py"]})";

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void archiveRoundTripsByteForByte()
    {
        QTemporaryDir dir;
        const QString archive = dir.filePath(QStringLiteral("p.tar.gz"));
        const exporting::Result exported = exporting::exportProject(QStringLiteral(HOTPATH_SAMPLES_DIR), exporting::Format::Archive, archive);
        QVERIFY2(exported.ok, qPrintable(exported.error));
        const QString out = dir.filePath(QStringLiteral("imported"));
        const exporting::Result imported = exporting::importArchive(archive, out);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        const QDir samples(QStringLiteral(HOTPATH_SAMPLES_DIR));
        QStringList names = samples.entryList({QStringLiteral("*.py"), QStringLiteral("hotpath.json")}, QDir::Files);
        QCOMPARE(QDir(out).entryList(QDir::Files), names);
        for (const QString &name : names)
            QVERIFY2(readAll(QDir(out).filePath(name)) == readAll(samples.filePath(name)), qPrintable(name));
        // Never over an existing file or into a folder with something in it.
        QVERIFY(!exporting::exportProject(QStringLiteral(HOTPATH_SAMPLES_DIR), exporting::Format::Archive, archive).ok);
        const exporting::Result again = exporting::importArchive(archive, out);
        QVERIFY(!again.ok);
        QVERIFY2(again.error.contains(QStringLiteral("new or empty folder")), qPrintable(again.error));
    }

    void importRefusesWhatCouldEscape_data()
    {
        QTest::addColumn<QList<Entry>>("entries");
        QTest::addColumn<QString>("why");
        const Entry manifest{"hotpath.json", goodManifest};
        const Entry code{"a.py", "x = 1\n"};
        QTest::newRow("absolute path") << QList<Entry>{manifest, code, {"/tmp/hotpath-owned.py", "x"}} << QStringLiteral("absolute path");
        QTest::newRow("dot-dot") << QList<Entry>{manifest, code, {"sub/../../escape.py", "x"}} << QStringLiteral("'..'");
        QTest::newRow("symlink out") << QList<Entry>{manifest, code, {"link.py", {}, AE_IFLNK, "/etc/passwd"}} << QStringLiteral("link");
        QTest::newRow("hardlink") << QList<Entry>{manifest, code, {"hard.py", {}, AE_IFREG, "/etc/passwd"}} << QStringLiteral("link");
        QTest::newRow("device") << QList<Entry>{manifest, code, {"dev", {}, AE_IFCHR}} << QStringLiteral("special");
        QTest::newRow("no manifest") << QList<Entry>{code} << QStringLiteral("no hotpath.json");
        QTest::newRow("listed file missing") << QList<Entry>{manifest} << QStringLiteral("does not hold");
        QTest::newRow("bad manifest") << QList<Entry>{{"hotpath.json", "{\"format\": 9}"}, code} << QStringLiteral("field 'format'");
    }

    void importRefusesWhatCouldEscape()
    {
        QFETCH(QList<Entry>, entries);
        QFETCH(QString, why);
        QTemporaryDir dir;
        const QString archive = dir.filePath(QStringLiteral("evil.tar.gz"));
        writeHostileArchive(archive, entries);
        const QString out = dir.filePath(QStringLiteral("out"));
        const exporting::Result result = exporting::importArchive(archive, out);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(why), qPrintable(result.error));
        QVERIFY2(!QFileInfo::exists(out), "nothing is written when the archive is refused");
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/hotpath-owned.py")));
    }

    void serverFolderHoldsTheProjectAndValidManifests()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("deploy"));
        const exporting::Result result = exporting::exportProject(QStringLiteral(HOTPATH_SAMPLES_DIR), exporting::Format::Server, out);
        QVERIFY2(result.ok, qPrintable(result.error));
        for (const char *name : {"Dockerfile", "kubernetes.yaml", "hotpath.service", "README.md", "app/hotpath.json", "app/hello.py"})
            QVERIFY2(QFileInfo::exists(QDir(out).filePath(QString::fromLatin1(name))), name);
        const QByteArray dockerfile = readAll(QDir(out).filePath(QStringLiteral("Dockerfile")));
        QVERIFY(dockerfile.contains("FROM debian:12-slim"));
        QVERIFY(dockerfile.contains("\"hotpath\", \"serve\", \"/app\", \"--host\", \"0.0.0.0\""));
        QVERIFY(!dockerfile.contains('@')); // every placeholder filled
        QVERIFY(!dockerfile.contains("SPDX"));
        // The Kubernetes objects parse as YAML and carry what the API server requires.
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import sys, yaml
docs = list(yaml.safe_load_all(open(sys.argv[1])))
d = next(x for x in docs if x['kind'] == 'Deployment')
s = next(x for x in docs if x['kind'] == 'Service')
assert d['apiVersion'] == 'apps/v1' and s['apiVersion'] == 'v1'
labels = d['spec']['selector']['matchLabels']
assert all(d['spec']['template']['metadata']['labels'][k] == v for k, v in labels.items())
c = d['spec']['template']['spec']['containers'][0]
assert c['name'] and c['image']
assert c['readinessProbe']['httpGet']['path'] == '/healthz' and c['livenessProbe']['httpGet']['path'] == '/healthz'
a = d['spec']['template']['metadata']['annotations']
assert a['prometheus.io/scrape'] == 'true' and a['prometheus.io/path'] == '/metrics'
assert isinstance(c['ports'][0]['containerPort'], int)
assert s['spec']['selector'] == labels and s['spec']['ports'][0]['port']
print(d['metadata']['name'])
)"),
                                                         QDir(out).filePath(QStringLiteral("kubernetes.yaml"))});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QCOMPARE(python.readAllStandardOutput().trimmed(), QByteArray("hotpath-samples"));
    }

    void openApiDescribesEveryRoute()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("openapi.json"));
        const exporting::Result result = exporting::exportProject(QStringLiteral(HOTPATH_SAMPLES_DIR), exporting::Format::OpenApi, out);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QJsonObject document = QJsonDocument::fromJson(readAll(out)).object();
        QCOMPARE(document[QStringLiteral("openapi")].toString(), QStringLiteral("3.1.0"));
        QCOMPARE(document[QStringLiteral("info")][QStringLiteral("title")].toString(), QStringLiteral("Hotpath samples"));
        const QJsonObject paths = document[QStringLiteral("paths")].toObject();
        QCOMPARE(paths.size(), 19);
        QVERIFY(paths[QStringLiteral("/echo")].toObject().contains(QStringLiteral("post")));
        // A (body, status, headers) answer lists its literal status; abort()'s are errors.
        const QJsonObject todos = paths[QStringLiteral("/todos")].toObject();
        QVERIFY(todos[QStringLiteral("post")][QStringLiteral("responses")].toObject().contains(QStringLiteral("201")));
        QVERIFY(!todos[QStringLiteral("post")][QStringLiteral("responses")].toObject().contains(QStringLiteral("200")));
        const QJsonObject todo = paths[QStringLiteral("/todos/{todo_id}")].toObject();
        QCOMPARE(todo.keys(), (QStringList{QStringLiteral("delete"), QStringLiteral("get"), QStringLiteral("patch")}));
        const QJsonObject fib = paths[QStringLiteral("/fib/{n}")][QStringLiteral("get")].toObject();
        QCOMPARE(fib[QStringLiteral("parameters")][0][QStringLiteral("in")].toString(), QStringLiteral("path"));
        QCOMPARE(fib[QStringLiteral("parameters")][0][QStringLiteral("schema")][QStringLiteral("type")].toString(), QStringLiteral("integer"));
        QCOMPARE(fib[QStringLiteral("responses")][QStringLiteral("200")][QStringLiteral("content")][QStringLiteral("application/json")]
                    [QStringLiteral("schema")][QStringLiteral("type")].toString(),
                 QStringLiteral("integer"));
        // Every $ref points at a schema that is there.
        const QJsonObject schemas = document[QStringLiteral("components")][QStringLiteral("schemas")].toObject();
        const QByteArray text = readAll(out);
        for (const QRegularExpressionMatch &m : QRegularExpression(QStringLiteral("#/components/schemas/(\\w+)")).globalMatch(QString::fromUtf8(text)))
            QVERIFY2(schemas.contains(m.captured(1)), qPrintable(m.captured(1)));
        QVERIFY(schemas.contains(QStringLiteral("Summary")));
    }

    void reportIsOneSelfContainedPage()
    {
        QTemporaryDir dir;
        loadgen::LoadOptions options;
        options.path = "/fib/20";
        loadgen::TierResults runs;
        for (const auto &[tier, base] : {std::pair{"interp", 4000}, std::pair{"jit", 500}}) {
            metrics::Histogram histogram;
            for (int k = 0; k < 5000; ++k)
                histogram.record(static_cast<std::int64_t>(base + k % 97) * 1000);
            loadgen::LoadResult result;
            result.requests = 5000;
            result.seconds = 1;
            result.latency = histogram.snapshot();
            runs.emplace_back(tier, result);
        }
        const QString profile = dir.filePath(QStringLiteral("run.json"));
        QFile file(profile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(loadgen::profileJson(options, runs)));
        file.close();
        exporting::ReportInputs inputs;
        inputs.profileJson = profile;
        inputs.png.insert(QStringLiteral("latency.png"), QByteArray("\x89PNG fake", 9));
        const QString out = dir.filePath(QStringLiteral("report"));
        const exporting::Result result = exporting::exportProject(QStringLiteral(HOTPATH_SAMPLES_DIR), exporting::Format::Report, out, inputs);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QByteArray html = readAll(QDir(out).filePath(QStringLiteral("report.html")));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<svg") && html.contains("<polyline"));
        QVERIFY(html.contains("/fib/20"));
        QVERIFY(html.contains("Interpreted") && html.contains("JIT"));
        QVERIFY(!html.contains("src=\"http")); // nothing fetched from elsewhere
        QVERIFY(readAll(QDir(out).filePath(QStringLiteral("profile.csv"))).startsWith("tier,requests,"));
        QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("latency.png"))));
        // Without a profile run there is nothing to report, and it says how to make one.
        QTemporaryDir fresh; // a project never profiled
        QVERIFY(QFile::copy(QStringLiteral(HOTPATH_SAMPLES_DIR "/hello.py"), fresh.filePath(QStringLiteral("hello.py"))));
        const exporting::Result none = exporting::exportProject(fresh.filePath(QStringLiteral("hello.py")), exporting::Format::Report,
                                                                dir.filePath(QStringLiteral("r2")));
        QVERIFY(!none.ok);
        QVERIFY2(none.error.contains(QStringLiteral("no profile run to report")) && none.error.contains(QStringLiteral("hotpath bench")),
                 qPrintable(none.error));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("r2"))));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
