// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/project/Manifest.h"

#include <QtTest/QtTest>

using namespace hotpath::project;

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAFullManifest()
    {
        const auto result = parseManifest(R"({"format": 1, "name": "Demo", "files": ["a.py", "sub/b.py"],
            "server": {"host": "0.0.0.0", "port": 9000, "tier": "jit"}})", QStringLiteral("hotpath.json"));
        QVERIFY2(result.manifest, qPrintable(result.error));
        QCOMPARE(result.manifest->name, QStringLiteral("Demo"));
        QCOMPARE(result.manifest->files, (QStringList{QStringLiteral("a.py"), QStringLiteral("sub/b.py")}));
        QCOMPARE(result.manifest->server.host, QStringLiteral("0.0.0.0"));
        QCOMPARE(result.manifest->server.port, 9000);
        QCOMPARE(result.manifest->server.tier, DefaultTier::Jit);
    }

    void serverSettingsHaveDefaults()
    {
        const auto result = parseManifest(R"({"format": 1, "name": "x", "files": []})", QStringLiteral("hotpath.json"));
        QVERIFY(result.manifest);
        QCOMPARE(result.manifest->server.port, 8080);
        QCOMPARE(result.manifest->server.tier, DefaultTier::Auto);
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << "{" << "hotpath.json: error: not valid JSON at byte 1: unterminated object";
        QTest::newRow("array") << "[]" << "hotpath.json: error: the manifest must be a JSON object";
        QTest::newRow("no format") << R"({"name": "x", "files": []})" << "hotpath.json: error: field 'format': must be the integer 1";
        QTest::newRow("newer format") << R"({"format": 2, "name": "x", "files": []})"
                                      << "hotpath.json: error: field 'format': format 2 is newer than this Hotpath reads (1); update Hotpath";
        QTest::newRow("empty name") << R"({"format": 1, "name": " ", "files": []})" << "hotpath.json: error: field 'name': must be a non-empty string";
        QTest::newRow("files not list") << R"({"format": 1, "name": "x", "files": "a.py"})"
                                        << "hotpath.json: error: field 'files': must be a list of .py file names";
        QTest::newRow("not py") << R"({"format": 1, "name": "x", "files": ["a.py", "b.txt"]})"
                                << "hotpath.json: error: field 'files[1]': must be the name of a .py file";
        QTest::newRow("escapes") << R"({"format": 1, "name": "x", "files": ["../a.py"]})"
                                 << "hotpath.json: error: field 'files[0]': must be a path inside the project folder";
        QTest::newRow("absolute") << R"({"format": 1, "name": "x", "files": ["/etc/a.py"]})"
                                  << "hotpath.json: error: field 'files[0]': must be a path inside the project folder";
        QTest::newRow("twice") << R"({"format": 1, "name": "x", "files": ["a.py", "a.py"]})"
                               << "hotpath.json: error: field 'files[1]': 'a.py' is listed twice";
        QTest::newRow("bad port") << R"({"format": 1, "name": "x", "files": [], "server": {"port": 70000}})"
                                  << "hotpath.json: error: field 'server.port': must be an integer from 0 to 65535";
        QTest::newRow("bad tier") << R"({"format": 1, "name": "x", "files": [], "server": {"tier": "fast"}})"
                                  << "hotpath.json: error: field 'server.tier': must be \"auto\", \"interp\" or \"jit\"";
        QTest::newRow("threads") << R"({"format": 1, "name": "x", "files": [], "server": {"threads": 0}})"
                                 << "hotpath.json: error: field 'server.threads': must be an integer from 1 to 64";
        QTest::newRow("opt") << R"({"format": 1, "name": "x", "files": [], "server": {"opt": 2.5}})"
                             << "hotpath.json: error: field 'server.opt': must be an integer from 0 to 3";
        QTest::newRow("limits not object") << R"({"format": 1, "name": "x", "files": [], "server": {"limits": 5}})"
                                           << "hotpath.json: error: field 'server.limits': must be an object";
        QTest::newRow("header limit") << R"({"format": 1, "name": "x", "files": [], "server": {"limits": {"max_header_bytes": 10}}})"
                                      << "hotpath.json: error: field 'server.limits.max_header_bytes': must be an integer from 1024 to 16777216";
        QTest::newRow("timeout string") << R"({"format": 1, "name": "x", "files": [], "server": {"limits": {"timeout_ms": "2s"}}})"
                                        << "hotpath.json: error: field 'server.limits.timeout_ms': must be an integer from 1 to 3600000";
        QTest::newRow("cors origin with path") << R"({"format": 1, "name": "x", "files": [], "server": {"cors": {"origins": ["http://a.com/app"]}}})"
                                               << "hotpath.json: error: field 'server.cors.origins[0]': must be an origin such as "
                                                  "\"https://app.example.com\" (scheme and host, no path), or \"*\"";
        QTest::newRow("cors origins string") << R"({"format": 1, "name": "x", "files": [], "server": {"cors": {"origins": "*"}}})"
                                             << "hotpath.json: error: field 'server.cors.origins': must be a list of strings";
        QTest::newRow("cors header") << R"({"format": 1, "name": "x", "files": [], "server": {"cors": {"headers": ["X Y"]}}})"
                                     << "hotpath.json: error: field 'server.cors.headers[0]': must be a header name";
    }
    void errorsNameTheField()
    {
        QFETCH(QString, json);
        QFETCH(QString, error);
        const auto result = parseManifest(json.toUtf8(), QStringLiteral("hotpath.json"));
        QVERIFY(!result.manifest);
        QCOMPARE(result.error, error);
    }

    void limitsAreReadAndWrittenBack()
    {
        const auto result = parseManifest(R"({"format": 1, "name": "x", "files": ["a.py"], "server": {"threads": 4, "opt": 3,
            "limits": {"timeout_ms": 500, "max_body_bytes": 4096, "max_connections": 7, "idle_timeout_ms": 900}}})",
                                          QStringLiteral("hotpath.json"));
        QVERIFY2(result.manifest, qPrintable(result.error));
        const ServerSettings &server = result.manifest->server;
        QCOMPARE(server.threads, 4);
        QCOMPARE(server.opt, 3);
        QCOMPARE(server.limits.timeoutMs, 500);
        QCOMPARE(server.limits.maxBodyBytes, 4096);
        QCOMPARE(server.limits.maxConnections, 7);
        QCOMPARE(server.limits.idleTimeoutMs, 900);
        QCOMPARE(server.limits.maxHeaderBytes, 64 * 1024); // the default where absent
        // Written and read again, the manifest is the same.
        const QByteArray written = writeManifest(*result.manifest);
        const auto again = parseManifest(written, QStringLiteral("hotpath.json"));
        QVERIFY2(again.manifest, qPrintable(again.error));
        QCOMPARE(writeManifest(*again.manifest), written);
        QCOMPARE(again.manifest->files, QStringList{QStringLiteral("a.py")});
        QCOMPARE(again.manifest->server.limits.idleTimeoutMs, 900);
        QVERIFY(again.manifest->server.cors.origins.isEmpty()); // CORS is off unless asked for
        const auto cors = parseManifest(R"({"format": 1, "name": "x", "files": [], "server": {"cors": {
            "origins": ["http://localhost:5173", "https://app.example.com"], "headers": ["Content-Type", "Authorization"], "max_age": 60}}})",
                                        QStringLiteral("hotpath.json"));
        QVERIFY2(cors.manifest, qPrintable(cors.error));
        QCOMPARE(cors.manifest->server.cors.origins.size(), 2);
        QCOMPARE(cors.manifest->server.cors.headers.last(), QStringLiteral("Authorization"));
        QCOMPARE(cors.manifest->server.cors.maxAgeSeconds, 60);
        const auto corsAgain = parseManifest(writeManifest(*cors.manifest), QStringLiteral("hotpath.json"));
        QVERIFY2(corsAgain.manifest, qPrintable(corsAgain.error));
        QCOMPARE(corsAgain.manifest->server.cors.origins, cors.manifest->server.cors.origins);
    }

    void missingManifestIsAnError()
    {
        QTemporaryDir dir;
        const auto result = readManifest(dir.path());
        QVERIFY(!result.manifest);
        QVERIFY(result.error.contains(QStringLiteral("cannot open the project manifest")));
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
