// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP/1.1 as clients speak it, byte for byte, against the real `hotpath serve` process in
// both tiers: large bodies, HEAD, Expect: 100-continue, Connection: close and HTTP/1.0,
// query strings with '+', targets starting with "//", JSON numbers out of double range,
// bodies that are not UTF-8, Date and 204 framing (issue 18's defects 1-8 and part of 9).
#include "ServedProcess.h"

#include <QtCore/QTemporaryDir>

#include <poll.h>

#include <chrono>
#include <thread>

using namespace served;

namespace {

using Clock = std::chrono::steady_clock;

const char *app = R"(from hotpath import Request, Response, get, post


@get("/")
def index() -> str:
    return "root"


@get("/req")
def req_handler() -> str:
    return "req"


@post("/echo")
def echo(request: Request) -> str:
    return str(len(request.body))


@get("/search")
def search(q: str, n: int = 1) -> str:
    return f"{q!r} {n}"


@get("/raw")
def raw(request: Request) -> str:
    return repr(request.query("q", "-"))


@post("/floats")
def floats(request: Request) -> str:
    return repr(request.json(list[float]))


@get("/empty")
def empty() -> Response:
    return Response("", 204)


@get("/items/")
def items() -> list[int]:
    return [1, 2]


@get("/files/<path:name>/")
def files(name: str) -> str:
    return name


@post("/text")
def text(request: Request) -> str:
    return f"{len(request.body)} {request.body.count(chr(65533))}"


@post("/text/list")
def text_list(request: Request) -> list[str]:
    return [request.body]


@post("/json/text")
def json_text(request: Request) -> str:
    return request.json(str)


@post("/json/list")
def json_list(request: Request) -> list[str]:
    return [request.json(str)]


@get("/header")
def header(name: str, value: str) -> Response:
    return Response("h", headers={name: value})


@get("/typed")
def typed(value: str) -> Response:
    return Response("c", content_type=value)


@get("/status/<int:code>")
def status(code: int) -> Response:
    return Response("s", status=code)


@get("/page")
def page() -> Response:
    return Response("<p>hi</p>", headers={"Content-Type": "text/html; charset=utf-8", "Connection": "close"})


@get("/slow")
def slow() -> int:
    n = 0
    for i in range(30000000):
        n += i % 7
    return n
)";

// What the server sent on one connection until it closed it, or until `wait` passed
// with nothing more: the raw bytes, and whether the server closed.
struct Exchange
{
    QByteArray bytes;
    bool closed = false;
    std::chrono::milliseconds took{0};
};

Exchange exchange(quint16 port, const QByteArray &request, std::chrono::milliseconds wait = std::chrono::milliseconds(1500))
{
    Exchange out;
    const int fd = connectTo(port);
    if (fd < 0)
        return out;
    const auto started = Clock::now();
    for (qsizetype sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.constData() + sent, static_cast<size_t>(request.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += n;
    }
    char buffer[65536];
    while (true) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0)
            break;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            out.closed = true;
            break;
        }
        out.bytes.append(buffer, n);
    }
    out.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    ::close(fd);
    return out;
}

QByteArray get(const QByteArray &target, const QByteArray &tier, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier + "\r\n" + extra + "\r\n";
}

QByteArray bodyOf(const QByteArray &response) { return response.mid(response.indexOf("\r\n\r\n") + 4); }

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Served> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = writeFile(m_dir.path(), QStringLiteral("app.py"), app);
        m_server = std::make_unique<Served>(QStringList{path, QStringLiteral("--quiet")});
        QVERIFY2(m_server->port, m_server->errors().constData());
    }

    void cleanupTestCase() { QCOMPARE_CLEAN_STOP(*m_server); }

    void tiers_data()
    {
        QTest::addColumn<QByteArray>("tier");
        QTest::newRow("interp") << QByteArray("interp");
        QTest::newRow("jit") << QByteArray("jit");
    }

    // 1. A request larger than 256 KiB (but within max_body_bytes) is served, not left to
    // time out with 408; its 100-continue is answered at once, so curl does not stall.
    void largeBodiesAndExpectContinue_data() { tiers_data(); }
    void largeBodiesAndExpectContinue()
    {
        QFETCH(QByteArray, tier);
        const QByteArray body(300'000, 'a');
        const QByteArray head = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier
                              + "\r\nContent-Length: 300000\r\nConnection: close\r\n\r\n";
        const Exchange whole = exchange(m_server->port, head + body, std::chrono::milliseconds(5000));
        QVERIFY2(whole.bytes.startsWith("HTTP/1.1 200 OK\r\n"), whole.bytes.left(200).constData());
        QCOMPARE(bodyOf(whole.bytes), QByteArray("300000"));

        // Expect: 100-continue: the head alone gets "100 Continue" back, before any body.
        const QByteArray expecting = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier
                                   + "\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n";
        const Exchange interim = exchange(m_server->port, expecting, std::chrono::milliseconds(1000));
        QCOMPARE(interim.bytes, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        QVERIFY(!interim.closed);
    }

    // 2. HEAD gets GET's head without the body (also for 404), so a pipelined GET after
    // it is read correctly; 9. every answer has a Date, and a 204 neither body nor length.
    void headAndFraming_data() { tiers_data(); }
    void headAndFraming()
    {
        QFETCH(QByteArray, tier);
        const QByteArray pipelined = "HEAD /req HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier + "\r\n\r\n"
                                   + "HEAD /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                   + get("/req", tier, "Connection: close\r\n");
        const Exchange e = exchange(m_server->port, pipelined);
        QVERIFY(e.closed);
        QCOMPARE(e.bytes.count("HTTP/1.1 "), 3);
        QVERIFY(e.bytes.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY2(e.bytes.contains("Content-Length: 3\r\n"), e.bytes.constData()); // GET's length, no body
        const qsizetype second = e.bytes.indexOf("HTTP/1.1 404");
        QVERIFY(second > 0 && e.bytes.mid(second - 4, 4) == "\r\n\r\n"); // nothing between the heads
        const qsizetype third = e.bytes.indexOf("HTTP/1.1 200", second);
        QVERIFY(third > second && e.bytes.mid(third - 4, 4) == "\r\n\r\n");
        QVERIFY(e.bytes.endsWith("\r\n\r\nreq"));
        QVERIFY(QRegularExpression(QStringLiteral("\r\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d [A-Z][a-z]{2} \\d{4} "
                                                  "\\d\\d:\\d\\d:\\d\\d GMT\r\n"))
                    .match(QString::fromLatin1(e.bytes))
                    .hasMatch());

        const Exchange noContent = exchange(m_server->port, get("/empty", tier, "Connection: close\r\n"));
        QVERIFY2(noContent.bytes.startsWith("HTTP/1.1 204 No Content\r\n"), noContent.bytes.constData());
        QVERIFY(!noContent.bytes.contains("Content-Length"));
        QVERIFY(noContent.bytes.endsWith("\r\n\r\n"));
    }

    // 4. Connection: close, and HTTP/1.0 without keep-alive, end the connection after the
    // answer, which says so; HTTP/1.0 with keep-alive stays open and says that.
    void connectionClose_data() { tiers_data(); }
    void connectionClose()
    {
        QFETCH(QByteArray, tier);
        const Exchange closing = exchange(m_server->port, get("/", tier, "Connection: close\r\n"), std::chrono::milliseconds(3000));
        QVERIFY(closing.closed);
        QVERIFY(closing.took < std::chrono::milliseconds(2000));
        QVERIFY(closing.bytes.contains("\r\nConnection: close\r\n"));
        QVERIFY(closing.bytes.endsWith("root"));

        const QByteArray old = "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier + "\r\n\r\n";
        const Exchange http10 = exchange(m_server->port, old, std::chrono::milliseconds(3000));
        QVERIFY(http10.closed);
        QVERIFY(http10.bytes.contains("\r\nConnection: close\r\n"));

        const QByteArray kept = "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nX-Hotpath-Tier: " + tier + "\r\n\r\n";
        const Exchange alive = exchange(m_server->port, kept, std::chrono::milliseconds(500));
        QVERIFY(!alive.closed);
        QVERIFY(alive.bytes.contains("\r\nConnection: keep-alive\r\n"));
    }

    // 5. '+' in a query is a space, in typed parameters and req.query; %2B is a '+'.
    // 6. A target starting with "//" is a path, not an authority.
    void targetsAndQueries_data() { tiers_data(); }
    void targetsAndQueries()
    {
        QFETCH(QByteArray, tier);
        const Exchange search = exchange(m_server->port, get("/search?q=python+fast&n=2", tier, "Connection: close\r\n"));
        QCOMPARE(bodyOf(search.bytes), QByteArray("'python fast' 2"));
        const Exchange raw = exchange(m_server->port, get("/raw?q=a+b%2Bc%20d&q=second", tier, "Connection: close\r\n"));
        QCOMPARE(bodyOf(raw.bytes), QByteArray("'a b+c d'"));
        const Exchange encoded = exchange(m_server->port, get("/r%65q", tier, "Connection: close\r\n"));
        QCOMPARE(bodyOf(encoded.bytes), QByteArray("req"));
        for (const QByteArray &target : {QByteArray("//x/req"), QByteArray("//anything/")}) {
            const Exchange e = exchange(m_server->port, get(target, tier, "Connection: close\r\n"));
            QVERIFY2(e.bytes.startsWith("HTTP/1.1 404 Not Found\r\n"), (target + ": " + e.bytes.left(60)).constData());
            QVERIFY(bodyOf(e.bytes).contains("no endpoint for GET " + target));
        }
        const Exchange absolute = exchange(m_server->port, get("http://127.0.0.1/req?x=1", tier, "Connection: close\r\n"));
        QCOMPARE(bodyOf(absolute.bytes), QByteArray("req"));
    }

    // 8. A body that is not UTF-8 reads as bytes.decode("utf-8", "replace") reads it, and
    // no answer carries ill-formed UTF-8: a lone surrogate (from a JSON "\ud800") is
    // escaped in JSON, and a text answer holding one fails as Flask's does.
    void utf8_data() { tiers_data(); }
    void utf8()
    {
        QFETCH(QByteArray, tier);
        auto post = [&](const QByteArray &path, const QByteArray &body) {
            return bodyOf(exchange(m_server->port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier
                                                       + "\r\nContent-Length: " + QByteArray::number(body.size())
                                                       + "\r\nConnection: close\r\n\r\n" + body)
                              .bytes);
        };
        const QByteArray broken("ok \xe2\x82 end|\xed\xa0\x80x|\xf0\x9f\x98\x80|\xf0\x9f\x98|\xc0\xaf|\xff\xfe|caf\xe9|"
                                "\xf4\x90\x80\x80|\xe0\x80\x80");
        QCOMPARE(post("/text", broken), QByteArray("37 17")); // CPython: len 37, 17 replacements
        QCOMPARE(post("/text/list", broken),
                 QByteArray("[\"ok \xef\xbf\xbd end|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx|\xf0\x9f\x98\x80|\xef\xbf\xbd|"
                            "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|caf\xef\xbf\xbd|"
                            "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"]"));
        QCOMPARE(post("/json/list", "\"a\\ud800b\""), QByteArray("[\"a\\ud800b\"]"));
        const QByteArray failed = post("/json/text", "\"a\\ud800b\"");
        QVERIFY2(failed.contains("\"error\":\"UnicodeEncodeError\""), failed.constData());
        QVERIFY(failed.contains("can't encode character '\\\\ud800' in position 1: surrogates not allowed"));
    }

    // 9. A method the server does not implement is 501 naming it; Allow lists HEAD for a GET
    // route; a request line over max_header_bytes is 414 (the URI), not 431.
    void methodsAndLimits_data() { tiers_data(); }
    void methodsAndLimits()
    {
        QFETCH(QByteArray, tier);
        const Exchange brew = exchange(m_server->port, "BREW /req HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier
                                                           + "\r\nConnection: close\r\n\r\n");
        QVERIFY2(brew.bytes.startsWith("HTTP/1.1 501 Not Implemented\r\n"), brew.bytes.left(80).constData());
        QVERIFY(bodyOf(brew.bytes).contains("the method BREW is not implemented by this server"));
        const Exchange post = exchange(m_server->port, "POST /req HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                                                          "Connection: close\r\n\r\n");
        QVERIFY2(post.bytes.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), post.bytes.left(80).constData());
        QVERIFY(post.bytes.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"));
        const Exchange longUrl = exchange(m_server->port, get("/" + QByteArray(70'000, 'a'), tier));
        QVERIFY2(longUrl.bytes.startsWith("HTTP/1.1 414 URI Too Long\r\n"), longUrl.bytes.left(80).constData());
    }

    // Flask's ways: OPTIONS answered for every route with what it allows; a route declared
    // with a trailing slash redirects the path without it (308, query kept).
    void optionsAndSlashes_data() { tiers_data(); }
    void optionsAndSlashes()
    {
        QFETCH(QByteArray, tier);
        const Exchange options = exchange(m_server->port, "OPTIONS /req HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QVERIFY2(options.bytes.startsWith("HTTP/1.1 200 OK\r\n"), options.bytes.left(80).constData());
        QVERIFY(options.bytes.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"));
        QVERIFY(options.bytes.contains("\r\nContent-Length: 0\r\n"));
        const Exchange nowhere = exchange(m_server->port, "OPTIONS /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QVERIFY(nowhere.bytes.startsWith("HTTP/1.1 404 Not Found\r\n"));

        const Exchange moved = exchange(m_server->port, get("/items?page=2&q=a+b", tier, "Connection: close\r\n"));
        QVERIFY2(moved.bytes.startsWith("HTTP/1.1 308 Permanent Redirect\r\n"), moved.bytes.left(80).constData());
        QVERIFY(moved.bytes.contains("\r\nLocation: /items/?page=2&q=a+b\r\n"));
        QCOMPARE(bodyOf(exchange(m_server->port, get("/items/", tier, "Connection: close\r\n")).bytes), QByteArray("[1,2]"));
        // A decoded CR LF in the path goes back into Location percent-encoded, never as a line end.
        const Exchange crlf = exchange(m_server->port, get("/files/a%0D%0AX-Injected:%20yes", tier, "Connection: close\r\n"));
        QVERIFY2(crlf.bytes.contains("\r\nLocation: /files/a%0D%0AX-Injected:%20yes/\r\n"), crlf.bytes.constData());
        QVERIFY(!crlf.bytes.contains("\r\nX-Injected"));
    }

    // `hotpath bench --requests N` counts every answer from a server that closes each
    // connection, and ends (non-zero, saying why) when the server dies under it.
    void benchAgainstClosingAndDyingServers()
    {
        const QString url = QStringLiteral("http://127.0.0.1:%1/req").arg(m_server->port);
        QProcess closing;
        closing.start(QStringLiteral(HOTPATH_CLI), {QStringLiteral("bench"), url, QStringLiteral("--requests"), QStringLiteral("500"),
                                                    QStringLiteral("--connections"), QStringLiteral("4"), QStringLiteral("--tier"),
                                                    QStringLiteral("jit"), QStringLiteral("--header"), QStringLiteral("Connection: close"),
                                                    QStringLiteral("--json")});
        QVERIFY(closing.waitForFinished(60000));
        QCOMPARE(closing.exitCode(), 0);
        const QByteArray json = closing.readAllStandardOutput();
        QVERIFY2(json.contains("\"requests\":500") && json.contains("\"socket_errors\":0"), json.constData());

        QTemporaryDir dir;
        Served doomed({writeFile(dir.path(), QStringLiteral("app.py"), app), QStringLiteral("--quiet")});
        QVERIFY2(doomed.port, doomed.errors().constData());
        QProcess bench;
        bench.start(QStringLiteral(HOTPATH_CLI), {QStringLiteral("bench"), QStringLiteral("http://127.0.0.1:%1/req").arg(doomed.port),
                                                  QStringLiteral("--requests"), QStringLiteral("100000000"), QStringLiteral("--tier"),
                                                  QStringLiteral("jit")});
        QVERIFY(bench.waitForStarted());
        QTest::qWait(1500);
        doomed.stop();
        QVERIFY2(bench.waitForFinished(30000), "hotpath bench still waits for a server that is gone");
        QVERIFY(bench.exitCode() != 0);
        QVERIFY(bench.readAllStandardError().contains("no answer from 127.0.0.1"));
    }

    // CORS from hotpath.json: a listed origin's preflight is answered and its POST passes the
    // cross-origin guard, with the origin named in the answer; others get no CORS headers
    // and their POST stays refused.
    void corsForListedOrigins()
    {
        QTemporaryDir dir;
        writeFile(dir.path(), QStringLiteral("hotpath.json"),
                  "{\"format\": 1, \"name\": \"cors\", \"files\": [\"app.py\"], "
                  "\"server\": {\"cors\": {\"origins\": [\"http://localhost:5173\"]}}}");
        writeFile(dir.path(), QStringLiteral("app.py"), app);
        Served served({dir.path(), QStringLiteral("--quiet")});
        QVERIFY2(served.port, served.errors().constData());
        const Exchange preflight = exchange(served.port, "OPTIONS /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:5173\r\n"
                                                         "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        QVERIFY2(preflight.bytes.startsWith("HTTP/1.1 204 No Content\r\n"), preflight.bytes.constData());
        for (const char *header : {"\r\nAccess-Control-Allow-Origin: http://localhost:5173\r\n", "\r\nAccess-Control-Allow-Methods: POST, OPTIONS\r\n",
                                   "\r\nAccess-Control-Allow-Headers: Content-Type\r\n", "\r\nAccess-Control-Max-Age: 600\r\n", "\r\nVary: Origin\r\n"})
            QVERIFY2(preflight.bytes.contains(header), (QByteArray(header) + " in " + preflight.bytes).constData());
        const QByteArray post = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\nOrigin: ";
        const Exchange allowed = exchange(served.port, post + "http://localhost:5173\r\n\r\nhi");
        QVERIFY2(allowed.bytes.startsWith("HTTP/1.1 200 OK\r\n"), allowed.bytes.constData());
        QVERIFY(allowed.bytes.contains("\r\nAccess-Control-Allow-Origin: http://localhost:5173\r\n"));
        const Exchange refused = exchange(served.port, post + "http://evil.example\r\n\r\nhi");
        QVERIFY2(refused.bytes.startsWith("HTTP/1.1 403 Forbidden\r\n"), refused.bytes.constData());
        const Exchange read = exchange(served.port, "GET /req HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n");
        QVERIFY(read.bytes.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(!read.bytes.contains("Access-Control-Allow-Origin"));
        QCOMPARE_CLEAN_STOP(served);
    }

    // 7. JSON numbers beyond a double's range become what float() makes of them.
    // A handler's Response goes on the wire only if it is one: a CR or LF in a header value,
    // a header name or the content type would end the header and let the rest forge headers
    // or a whole response (response splitting), so it is a 500 ValueError, as Werkzeug refuses
    // it; an interim 1xx status is not an answer either. A Content-Type among the headers is
    // the content type, and Connection: close closes after the answer.
    void responseHeadsAreChecked_data() { tiers_data(); }
    void responseHeadsAreChecked()
    {
        QFETCH(QByteArray, tier);
        const QList<QByteArray> forged{"/header?name=X-A&value=a%0d%0aX-Injected:%20yes", "/header?name=X-A&value=a%0aX-Injected:%20yes",
                                       "/header?name=X-A%0d%0aX-Injected:%201&value=1", "/header?name=Bad%20Name&value=1",
                                       "/header?name=&value=1", "/typed?value=text/html%0d%0aX-Injected:%201",
                                       "/status/100", "/status/101", "/status/199"};
        for (const QByteArray &target : forged) {
            const Exchange e = exchange(m_server->port, get(target, tier, "Connection: close\r\n"));
            QVERIFY2(e.bytes.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), (target + ": " + e.bytes.left(200)).constData());
            QVERIFY2(!e.bytes.contains("\r\nX-Injected"), (target + ": " + e.bytes).constData());
            QVERIFY2(bodyOf(e.bytes).contains("\"error\":\"ValueError\""), (target + ": " + e.bytes).constData());
        }
        const Exchange fine = exchange(m_server->port, get("/header?name=X-Custom&value=a%20b", tier, "Connection: close\r\n"));
        QVERIFY2(fine.bytes.startsWith("HTTP/1.1 200 OK\r\n") && fine.bytes.contains("\r\nX-Custom: a b\r\n"), fine.bytes.constData());
        const Exchange html = exchange(m_server->port, get("/page", tier));
        QVERIFY2(html.bytes.contains("\r\nContent-Type: text/html; charset=utf-8\r\n"), html.bytes.constData());
        QVERIFY2(html.bytes.contains("\r\nConnection: close\r\n") && html.closed, html.bytes.constData());
        QCOMPARE(html.bytes.count("Content-Type"), 1);
    }

    // The built-in paths answer HEAD like GET and other methods with 405 and Allow; a request
    // refused before routing has a Date too.
    void builtInPathsAndRefusals()
    {
        const Exchange head = exchange(m_server->port, "HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QVERIFY2(head.bytes.startsWith("HTTP/1.1 200 OK\r\n") && head.bytes.endsWith("\r\n\r\n"), head.bytes.constData());
        const Exchange post = exchange(m_server->port, "POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        QVERIFY2(post.bytes.startsWith("HTTP/1.1 405 Method Not Allowed\r\n") && post.bytes.contains("\r\nAllow: GET, HEAD, OPTIONS\r\n"),
                 post.bytes.constData());
        const Exchange refused = exchange(m_server->port, "GET / HTTP/1.1\r\n\r\n"); // no Host
        QVERIFY2(refused.bytes.startsWith("HTTP/1.1 400 Bad Request\r\nDate: "), refused.bytes.constData());
    }

    // Requests a connection sent before one the guard refuses are answered first, in order,
    // and their handlers finish; then the refusal, then the connection closes.
    void aRefusalWaitsForTheAnswersBeforeIt()
    {
        const int fd = connectTo(m_server->port);
        const QByteArray slow = get("/slow", "jit");
        QCOMPARE(::send(fd, slow.constData(), static_cast<size_t>(slow.size()), MSG_NOSIGNAL), static_cast<ssize_t>(slow.size()));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const QByteArray bad = "GET /req HTTP/1.1\r\n\r\n"; // no Host: 400
        QCOMPARE(::send(fd, bad.constData(), static_cast<size_t>(bad.size()), MSG_NOSIGNAL), static_cast<ssize_t>(bad.size()));
        QByteArray answers;
        char buffer[4096];
        for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
            answers.append(buffer, n);
        ::close(fd);
        const qsizetype first = answers.indexOf("HTTP/1.1 200 OK\r\n"), second = answers.indexOf("HTTP/1.1 400 Bad Request\r\n");
        QVERIFY2(first == 0 && second > first, answers.constData());
    }

    void jsonNumbersOutOfRange_data() { tiers_data(); }
    void jsonNumbersOutOfRange()
    {
        QFETCH(QByteArray, tier);
        const QByteArray body = "[-1e400, 1e400, 1e-400, -1e-400, 2.5]";
        const QByteArray post = "POST /floats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Hotpath-Tier: " + tier + "\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        QCOMPARE(bodyOf(exchange(m_server->port, post).bytes), QByteArray("[-inf, inf, 0.0, -0.0, 2.5]"));
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
