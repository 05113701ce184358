// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath serve` as a user runs it: a real process on a free port, spoken to over
// real sockets with plain HTTP/1.1.
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

#include "ServedProcess.h"

#include <atomic>
#include <thread>

namespace {

using namespace served;

const QByteArray interp = "interp";
const QByteArray jit = "jit";

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every sample endpoint answers the same in both tiers, and says which tier ran.
    void samplesAnswerIdenticallyInBothTiers()
    {
        Served server({QStringLiteral(HOTPATH_SAMPLES_DIR)});
        QVERIFY2(server.port, server.errors().constData());
        const QList<QPair<QByteArray, QByteArray>> gets{
            {"GET", "/"},
            {"GET", "/hello/Hotpath"},
            {"GET", "/greet?name=Ann&times=2&shout=true"},
            {"GET", "/echo"},
            {"GET", "/fib/20"},
            {"GET", "/fib_iter/50"},
            {"GET", "/mandelbrot?size=24"},
            {"GET", "/mandelbrot/count?size=40"},
            {"GET", "/nbody/100"},
            {"GET", "/nbody/system"},
            {"GET", "/slugify?title=Hello%20World%21"},
            {"GET", "/caesar?text=abc&shift=3"},
            {"GET", "/primes/50"},
            {"GET", "/sort?count=8&seed=3"},
            {"GET", "/median?count=7"},
            {"GET", "/todos"},
            {"GET", "/todos/1"},
            {"GET", "/todos?q=docs"},
        };
        for (const auto &[method, path] : gets) {
            const Reply a = request(server.port, method, path, {{"X-Hotpath-Tier", interp}});
            const Reply b = request(server.port, method, path, {{"X-Hotpath-Tier", jit}});
            QVERIFY2(a.status == 200, (path + " -> " + QByteArray::number(a.status) + " " + a.body).constData());
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.body, a.body);
            QCOMPARE(a.headers.value("x-hotpath-tier"), interp);
            QCOMPARE(b.headers.value("x-hotpath-tier"), jit);
            QVERIFY(a.headers.value("server-timing").startsWith("handler;dur="));
        }
        const QByteArray orders = R"([{"item":"pen","quantity":3,"price":1.25},{"item":"ink","quantity":1,"price":9.5}])";
        const Reply a = request(server.port, "POST", "/orders/summary", {{"X-Hotpath-Tier", interp}}, orders);
        const Reply b = request(server.port, "POST", "/orders/summary", {{"X-Hotpath-Tier", jit}}, orders);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, QByteArray(R"({"orders":2,"units":4,"total":13.25,"largest":"ink"})"));
        QCOMPARE(b.body, a.body);
        QCOMPARE(a.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(request(server.port, "GET", "/hello/x").headers.value("content-type"), QByteArray("text/plain; charset=utf-8"));
        QCOMPARE_CLEAN_STOP(server);
    }

    void failuresAreJsonWithTheRightStatus()
    {
        Served server({QStringLiteral(HOTPATH_SAMPLES_DIR), QStringLiteral("--timeout"), QStringLiteral("0.3")});
        QVERIFY2(server.port, server.errors().constData());
        Reply r = request(server.port, "GET", "/greet?times=many");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"error\":\"BadRequest\",\"message\":\"query parameter 'times': expected int, got 'many'\"}"));
        r = request(server.port, "GET", "/caesar?shift=3");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"error\":\"BadRequest\",\"message\":\"missing query parameter 'text' (str)\"}"));
        r = request(server.port, "GET", "/nowhere");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray(R"({"error":"NotFound","message":"no endpoint for GET /nowhere"})"));
        r = request(server.port, "DELETE", "/fib/3");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.value("allow"), QByteArray("GET, HEAD, OPTIONS"));
        r = request(server.port, "GET", "/fib/3", {{"X-Hotpath-Tier", "fast"}});
        QCOMPARE(r.status, 400);
        // The deadline counts from a request's arrival, waiting for the JIT's code included:
        // the first JIT request waits until lists.py is compiled (long under the sanitizers).
        QTRY_COMPARE_WITH_TIMEOUT(request(server.port, "GET", "/median?count=3", {{"X-Hotpath-Tier", jit}}).status, 200, 30000);
        for (const QByteArray &tier : {interp, jit}) {
            r = request(server.port, "GET", "/median?count=0", {{"X-Hotpath-Tier", tier}});
            QCOMPARE(r.status, 500);
            QCOMPARE(r.body, QByteArray(R"({"error":"AssertionError","message":"count must be positive","file":"lists.py","line":69})"));
            r = request(server.port, "GET", "/fib/95", {{"X-Hotpath-Tier", tier}});
            QCOMPARE(r.status, 504);
            QVERIFY2(r.body.startsWith("{\"error\":\"TimeoutError\",\"message\":\"the handler ran longer than its 300 ms deadline"), r.body.constData());
            r = request(server.port, "POST", "/orders/summary", {{"X-Hotpath-Tier", tier}}, R"([{"item":"pen","quantity":"3","price":1}])");
            QCOMPARE(r.status, 400);
            QCOMPARE(r.body, QByteArray("{\"error\":\"ValueError\",\"message\":\"$[0].quantity: expected int, got str '3'\",\"file\":\"lists.py\",\"line\":79}"));
        }
        r = request(server.port, "POST", "/wordcount", {}, QByteArray(2 << 20, 'a'));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.body, QByteArray(R"({"error":"PayloadTooLarge","message":"the request body has 2097152 bytes; the limit is 1048576"})"));
        // Bound to loopback, a foreign Host (DNS rebinding) is refused.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), server.port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n");
        QByteArray raw;
        while (socket.waitForReadyRead(5000))
            raw += socket.readAll();
        QVERIFY2(raw.startsWith("HTTP/1.1 421"), raw.constData());
        QVERIFY(raw.endsWith(R"({"error":"MisdirectedRequest","message":"this server answers only to localhost, 127.0.0.1 and [::1], not 'evil.example:80'"})"));
        // The server keeps serving after all of that.
        QCOMPARE(request(server.port, "GET", "/").body, QByteArray("Hello, World!"));
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("GET /median 500 interp"), 5000);
        QCOMPARE_CLEAN_STOP(server);
    }

    void metricsCountRequestsPerEndpointAndTier()
    {
        Served server({QStringLiteral(HOTPATH_SAMPLES_DIR)});
        QVERIFY2(server.port, server.errors().constData());
        for (int k = 0; k < 5; ++k)
            QCOMPARE(request(server.port, "GET", "/fib/10", {{"X-Hotpath-Tier", interp}}).status, 200);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(request(server.port, "GET", "/fib/10", {{"X-Hotpath-Tier", jit}}).status, 200);
        const Reply health = request(server.port, "GET", "/healthz");
        QCOMPARE(health.status, 200);
        // Every file's JIT code is ready soon after start.
        QTRY_COMPARE_WITH_TIMEOUT(request(server.port, "GET", "/healthz").body, QByteArray(R"({"status":"ok","jit":"ready"})"), 20000);
        const Reply metrics = request(server.port, "GET", "/metrics");
        QCOMPARE(metrics.status, 200);
        const QByteArray text = metrics.body;
        QVERIFY2(text.contains("hotpath_requests_total{endpoint=\"GET /fib/<int:n>\",tier=\"interp\",status=\"200\"} 5\n"), text.constData());
        QVERIFY(text.contains("hotpath_requests_total{endpoint=\"GET /fib/<int:n>\",tier=\"jit\",status=\"200\"} 3\n"));
        QVERIFY(text.contains("hotpath_request_duration_seconds_count{endpoint=\"GET /fib/<int:n>\",tier=\"interp\"} 5\n"));
        QVERIFY(text.contains("hotpath_request_duration_seconds_bucket{endpoint=\"GET /fib/<int:n>\",tier=\"jit\",le=\"+Inf\"} 3\n"));
        QCOMPARE_CLEAN_STOP(server);
    }

    // Saving a file while clients hammer the server: no request fails, new requests see
    // the new code, and a broken save leaves the last good version serving.
    void hotReloadUnderLoadDropsNothing()
    {
        QTemporaryDir dir;
        writeFile(dir.path(), QStringLiteral("hotpath.json"), R"({"format": 1, "name": "reload", "files": ["app.py"]})");
        writeFile(dir.path(), QStringLiteral("app.py"),
                  "from hotpath import get\n\n@get(\"/v\")\ndef v() -> str:\n    return \"one\"\n");
        Served server({dir.path(), QStringLiteral("--watch"), QStringLiteral("--quiet")});
        QVERIFY2(server.port, server.errors().constData());
        std::atomic<bool> running{true};
        std::atomic<int> failures{0}, answered{0};
        std::atomic<bool> sawTwo{false};
        std::vector<std::thread> clients;
        for (int c = 0; c < 3; ++c)
            clients.emplace_back([&] {
                while (running) {
                    const Reply r = request(server.port, "GET", "/v");
                    if (r.status != 200 || (r.body != "one" && r.body != "two" && r.body != "three"))
                        ++failures;
                    if (r.body == "two")
                        sawTwo = true;
                    ++answered;
                }
            });
        QTest::qWait(300);
        writeFile(dir.path(), QStringLiteral("app.py"), "from hotpath import get\n\n@get(\"/v\")\ndef v() -> str:\n    return \"two\"\n");
        QTRY_VERIFY_WITH_TIMEOUT(sawTwo.load(), 10000);
        writeFile(dir.path(), QStringLiteral("app.py"), "from hotpath import get\n\n@get(\"/v\")\ndef v() -> str:\n    return 2\n");
        QTest::qWait(600);
        QCOMPARE(request(server.port, "GET", "/v").body, QByteArray("two")); // the broken save did not replace it
        writeFile(dir.path(), QStringLiteral("app.py"), "from hotpath import get\n\n@get(\"/v\")\ndef v() -> str:\n    return \"three\"\n");
        QTRY_COMPARE_WITH_TIMEOUT(request(server.port, "GET", "/v").body, QByteArray("three"), 10000);
        running = false;
        for (std::thread &client : clients)
            client.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(answered.load() > 30);
        QCOMPARE_CLEAN_STOP(server);
    }

    // The repo's shim serves the same files under Flask with the same answers.
    void flaskShimAnswersLikeHotpath()
    {
        FlaskShim flask(QStringLiteral(HOTPATH_SAMPLES_DIR), "/");
        if (!flask.port)
            QSKIP("python3-flask is not installed, or the shim did not start");
        const quint16 flaskPort = flask.port;
        Served server({QStringLiteral(HOTPATH_SAMPLES_DIR)});
        QVERIFY2(server.port, server.errors().constData());
        const QList<QPair<QByteArray, QByteArray>> cases{
            {"GET", "/hello/Hotpath"}, {"GET", "/greet?name=Ann&times=2&shout=yes"}, {"GET", "/fib/20"},
            {"GET", "/mandelbrot/count?size=40"}, {"GET", "/nbody/system"}, {"GET", "/sort?count=8&seed=3&descending=true"},
            {"GET", "/median?count=6"}, {"GET", "/median?count=0"}, {"GET", "/greet?times=x"}, {"GET", "/caesar"},
            {"GET", "/nowhere"}, {"DELETE", "/fib/3"}, {"GET", "/slugify?title=Hello%20World%21"},
            {"GET", "/todos"}, {"GET", "/todos/9"}, {"PATCH", "/todos/9"},
        };
        for (const auto &[method, path] : cases) {
            const Reply ours = request(server.port, method, path);
            const Reply theirs = request(flaskPort, method, path);
            QVERIFY2(ours.status == theirs.status, (path + ": " + QByteArray::number(ours.status) + " vs Flask " + QByteArray::number(theirs.status)).constData());
            QVERIFY2(ours.body == theirs.body, (path + ":\n  hotpath " + ours.body + "\n  flask   " + theirs.body).constData());
        }
        const QByteArray text = "the cat and the hat";
        QCOMPARE(request(server.port, "POST", "/wordcount", {}, text).body, request(flaskPort, "POST", "/wordcount", {}, text).body);
        QCOMPARE_CLEAN_STOP(server);
    }

    // What `hotpath export` writes runs: the server folder's app with `hotpath serve` (which
    // also describes itself at /openapi.json), the Flask folder with python3, the archive
    // through `hotpath import`; all answer as the original does.
    void exportedProjectsServe()
    {
        QTemporaryDir dir;
        auto exportAs = [&](const QString &format, const QString &out) {
            QProcess cli;
            cli.start(QStringLiteral(HOTPATH_CLI), {QStringLiteral("export"), QStringLiteral(HOTPATH_SAMPLES_DIR), QStringLiteral("--format"), format,
                                                    QStringLiteral("--out"), dir.filePath(out)});
            return cli.waitForFinished(60000) && cli.exitCode() == 0 ? cli.readAllStandardOutput() : "failed: " + cli.readAllStandardError();
        };
        QVERIFY(exportAs(QStringLiteral("server"), QStringLiteral("deploy")).contains("kubernetes.yaml"));
        QVERIFY(exportAs(QStringLiteral("archive"), QStringLiteral("p.tar.gz")).contains("p.tar.gz"));
        QCOMPARE(QProcess::execute(QStringLiteral(HOTPATH_CLI), {QStringLiteral("import"), dir.filePath(QStringLiteral("p.tar.gz")), QStringLiteral("--out"),
                                                                 dir.filePath(QStringLiteral("imported"))}),
                 0);
        Served deployed({dir.filePath(QStringLiteral("deploy/app"))});
        QVERIFY2(deployed.port, deployed.errors().constData());
        Served imported({dir.filePath(QStringLiteral("imported"))});
        QVERIFY2(imported.port, imported.errors().constData());
        const Reply fib = request(deployed.port, "GET", "/fib/20");
        QCOMPARE(fib.status, 200);
        QCOMPARE(fib.body, QByteArray("6765"));
        QCOMPARE(request(imported.port, "GET", "/fib/20").body, fib.body);
        const Reply openapi = request(deployed.port, "GET", "/openapi.json");
        QCOMPARE(openapi.status, 200);
        QVERIFY(QJsonDocument::fromJson(openapi.body)[QStringLiteral("paths")].toObject().contains(QStringLiteral("/fib/{n}")));

        if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import flask")}) == 0) {
            QVERIFY(exportAs(QStringLiteral("flask"), QStringLiteral("flask")).contains("app.py"));
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            const quint16 flaskPort = probe.serverPort();
            probe.close();
            QProcess flask;
            flask.setWorkingDirectory(dir.filePath(QStringLiteral("flask")));
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
            flask.setProcessEnvironment(environment);
            flask.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import app; app.app.run(port=%1)").arg(flaskPort)});
            QTRY_VERIFY_WITH_TIMEOUT(request(flaskPort, "GET", "/").status == 200, 20000);
            for (const QByteArray path : {"/fib/20", "/hello/Ann", "/median?count=0", "/nowhere"}) {
                const Reply ours = request(deployed.port, "GET", path), theirs = request(flaskPort, "GET", path);
                QVERIFY2(ours.status == theirs.status && ours.body == theirs.body, (path + ": " + ours.body + " vs " + theirs.body).constData());
            }
            flask.terminate();
            flask.waitForFinished(5000);
        }
        QCOMPARE_CLEAN_STOP(deployed);
        QCOMPARE_CLEAN_STOP(imported);
    }

    // `hotpath bench` serves the project itself, loads both tiers and reports JSON.
    // ... and keeps the run with the project, which `hotpath export --format report` reads.
    void benchComparesTiersAsJson()
    {
        QTemporaryDir dir; // a copy: profiling writes .hotpath/ into the project
        const QDir samples(QStringLiteral(HOTPATH_SAMPLES_DIR));
        for (const QString &name : samples.entryList(QDir::Files))
            QVERIFY(QFile::copy(samples.filePath(name), dir.filePath(name)));
        QProcess bench;
        bench.start(QStringLiteral(HOTPATH_CLI), {QStringLiteral("bench"), dir.path(), QStringLiteral("--path"),
                                                   QStringLiteral("/fib/15"), QStringLiteral("--requests"), QStringLiteral("300"),
                                                   QStringLiteral("--connections"), QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY(bench.waitForFinished(120000));
        QVERIFY2(bench.exitCode() == 0, bench.readAllStandardError().constData());
        const QByteArray printed = bench.readAllStandardOutput();
        QFile kept(dir.filePath(QStringLiteral(".hotpath/last-profile.json")));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), printed);
        QProcess report;
        report.start(QStringLiteral(HOTPATH_CLI), {QStringLiteral("export"), dir.path(), QStringLiteral("--format"), QStringLiteral("report"),
                                                    QStringLiteral("--out"), dir.filePath(QStringLiteral("report"))});
        QVERIFY(report.waitForFinished(60000));
        QVERIFY2(report.exitCode() == 0, report.readAllStandardError().constData());
        QFile html(dir.filePath(QStringLiteral("report/report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains("/fib/15"));
        const QJsonDocument document = QJsonDocument::fromJson(printed);
        QVERIFY(document.isObject());
        const QJsonArray results = document.object().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].toObject().value(QStringLiteral("tier")).toString(), QStringLiteral("interp"));
        QCOMPARE(results[1].toObject().value(QStringLiteral("tier")).toString(), QStringLiteral("jit"));
        for (const QJsonValue &r : results) {
            const QJsonObject o = r.toObject();
            QVERIFY(o.value(QStringLiteral("requests")).toInt() >= 300);
            QCOMPARE(o.value(QStringLiteral("non_2xx")).toInt(), 0);
            QCOMPARE(o.value(QStringLiteral("socket_errors")).toInt(), 0);
            QVERIFY(o.value(QStringLiteral("p50_us")).toDouble() > 0);
            QVERIFY(o.value(QStringLiteral("p99_us")).toDouble() >= o.value(QStringLiteral("p50_us")).toDouble());
        }
        QVERIFY(document.object().value(QStringLiteral("jit_speedup")).toDouble() > 0);
    }

    void singleFileServesWithDefaultsAndReportsErrors()
    {
        QTemporaryDir dir;
        const QString good = writeFile(dir.path(), QStringLiteral("one.py"),
                                       "from hotpath import get\n\n@get(\"/sq/<int:n>\")\ndef sq(n: int) -> int:\n    return n * n\n");
        Served server({good});
        QVERIFY2(server.port, server.errors().constData());
        QCOMPARE(request(server.port, "GET", "/sq/12").body, QByteArray("144"));
        QCOMPARE_CLEAN_STOP(server);
        QVERIFY(server.log().contains("Shutting down"));

        const QString bad = writeFile(dir.path(), QStringLiteral("bad.py"), "def f() -> int:\n    return 'x'\n");
        QProcess process;
        process.start(QStringLiteral(HOTPATH_CLI), {QStringLiteral("serve"), bad, QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(process.readAllStandardError().contains("bad.py:2:"), "the error names the file and line");
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
