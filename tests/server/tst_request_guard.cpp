// SPDX-License-Identifier: GPL-3.0-or-later
// The request guard on its own: each malformed request gets the status the issue and
// RFC 9112 call for, well-formed ones (pipelined, chunked, fed a byte at a time) pass,
// and the verdict does not depend on how the bytes are split into reads.
#include "hotpath/server/RequestGuard.h"

#include <QtTest/QtTest>

using namespace hotpath::server;

namespace {

GuardVerdict run(const std::string &bytes, GuardLimits limits = {})
{
    RequestGuard guard(limits);
    return guard.feed(bytes);
}

GuardVerdict runByteByByte(const std::string &bytes, GuardLimits limits = {})
{
    RequestGuard guard(limits);
    for (const char c : bytes)
        guard.feed(std::string_view(&c, 1));
    return guard.verdict();
}

// A literal with its NUL bytes: the length comes from the array, not from strlen.
template <std::size_t N>
QByteArray literal(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

const std::string okGet = "GET / HTTP/1.1\r\nHost: localhost:8080\r\n\r\n";

} // namespace

class TestRequestGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejects_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray host = "Host: localhost\r\n";
        QTest::newRow("1 MiB request line") << QByteArray("GET /" + QByteArray(1 << 20, 'a') + " HTTP/1.1\r\n\r\n") << 414;
        QByteArray headers = "GET / HTTP/1.1\r\n" + host;
        for (int k = 0; k < 10000; ++k)
            headers += "X-Header: value\r\n";
        QTest::newRow("10,000 headers") << QByteArray(headers + "\r\n") << 431;
        QTest::newRow("body over the limit") << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 104857600\r\n\r\n") << 413;
        QTest::newRow("Content-Length 2^63") << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 9223372036854775808\r\n\r\n") << 400;
        QTest::newRow("negative Content-Length") << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n") << 400;
        QTest::newRow("duplicate Content-Length") << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 1\r\nContent-Length: 1\r\n\r\nx") << 400;
        QTest::newRow("Content-Length and chunked")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("xchunked") << QByteArray("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: xchunked\r\n\r\n") << 400;
        QTest::newRow("gzip, chunked") << QByteArray("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n") << 400;
        QTest::newRow("chunk size -1") << QByteArray("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n-1\r\n") << 400;
        QTest::newRow("chunks over the limit")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n100000\r\n" + QByteArray(0x100000, 'x') + "\r\n1\r\n") << 413;
        QTest::newRow("chunk without CRLF") << QByteArray("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n1\r\nxy") << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: localhost\n\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\rHost: localhost\r\n\r\n") << 400;
        QTest::newRow("NUL byte") << literal("GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n") << 400;
        QTest::newRow("missing Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\n" + host + host + "\r\n") << 400;
        QTest::newRow("foreign Host on loopback") << QByteArray("GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n") << 421;
        QTest::newRow("garbage") << literal("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03") << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n" + host + "\r\n") << 505;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\n" + host + "Bad : x\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\n" + host + "X: a\r\n b\r\n\r\n") << 400;
        QTest::newRow("cross-site POST") << QByteArray("POST / HTTP/1.1\r\nHost: localhost:8080\r\nOrigin: http://evil.example\r\n\r\n") << 403;
        QTest::newRow("same host, other port")
            << QByteArray("DELETE / HTTP/1.1\r\nHost: localhost:8080\r\nOrigin: http://localhost:3000\r\n\r\n") << 403;
        QTest::newRow("opaque origin") << QByteArray("PUT / HTTP/1.1\r\nHost: localhost:8080\r\nOrigin: null\r\n\r\n") << 403;
        QTest::newRow("second request broken")
            << QByteArray(QByteArray::fromStdString(okGet) + "GET / HTTP/1.1\r\nContent-Length: x\r\n" + host + "\r\n") << 400;
    }

    void rejects()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const GuardVerdict whole = run(request.toStdString());
        QVERIFY2(whole.status == status, (std::to_string(whole.status) + " " + whole.message).c_str());
        QVERIFY(!whole.message.empty());
        if (request.size() < 100'000)
            QCOMPARE(runByteByByte(request.toStdString()).status, status);
        // The answer is a complete HTTP response with a JSON body that closes the connection.
        const std::string response = rejectionResponse(whole);
        QVERIFY(response.rfind("HTTP/1.1 " + std::to_string(status) + ' ', 0) == 0);
        QVERIFY(response.find("Connection: close\r\n") != std::string::npos);
        QVERIFY(response.find("\r\n\r\n{\"error\":") != std::string::npos);
    }

    void accepts_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("requests");
        QTest::newRow("GET") << QByteArray::fromStdString(okGet) << 1;
        QTest::newRow("HTTP/1.0 with Host") << QByteArray("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n") << 1;
        QTest::newRow("leading empty line") << QByteArray("\r\n" + QByteArray::fromStdString(okGet)) << 1;
        QTest::newRow("pipelined") << QByteArray::fromStdString(okGet + okGet + okGet) << 3;
        QTest::newRow("body") << QByteArray("POST /echo HTTP/1.1\r\nHost: [::1]:80\r\nContent-Length: 5\r\n\r\nhello" + QByteArray::fromStdString(okGet)) << 2;
        QTest::newRow("chunked with extension and trailer")
            << QByteArray("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: Chunked\r\n\r\n5;x=1\r\nhello\r\n0\r\nX-T: 1\r\n\r\n") << 1;
        QTest::newRow("same-origin POST") << QByteArray("POST / HTTP/1.1\r\nHost: localhost:8080\r\nOrigin: http://LOCALHOST:8080\r\n\r\n") << 1;
        QTest::newRow("default port origin") << QByteArray("POST / HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\n\r\n") << 1;
        QTest::newRow("cross-site GET is fine") << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\nOrigin: http://evil.example\r\n\r\n") << 1;
        QTest::newRow("body of exactly the limit") << QByteArray("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1048576\r\n\r\n" + QByteArray(1 << 20, 'x')) << 1;
    }

    void accepts()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, requests);
        RequestGuard whole;
        QVERIFY2(!whole.feed(request.toStdString()).rejected(), whole.verdict().message.c_str());
        QCOMPARE(whole.requestsSeen(), static_cast<std::uint64_t>(requests));
        QVERIFY(whole.idle());
        if (request.size() < 100'000) {
            RequestGuard bytewise;
            for (const char c : request)
                QVERIFY2(!bytewise.feed(std::string_view(&c, 1)).rejected(), bytewise.verdict().message.c_str());
            QCOMPARE(bytewise.requestsSeen(), static_cast<std::uint64_t>(requests));
        }
    }

    void partialRequestIsNotIdle()
    {
        RequestGuard guard;
        QVERIFY(guard.idle());
        guard.feed("GET / HT");
        QVERIFY(!guard.idle());
        guard.feed("TP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY(guard.idle());
    }

    void limitsAreConfigurable()
    {
        GuardLimits limits;
        limits.maxHeadBytes = 2048;
        limits.maxBodyBytes = 10;
        limits.loopbackOnly = false;
        QCOMPARE(run("GET /" + std::string(3000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", limits).status, 414);
        QCOMPARE(run("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits).status, 413);
        QCOMPARE(run("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", limits).status, 0); // any Host when not on loopback
        QCOMPARE(run("GET / HTTP/1.0\r\n\r\n", limits).status, 0);                   // HTTP/1.0 may omit it there
    }
};

QTEST_APPLESS_MAIN(TestRequestGuard)
#include "tst_request_guard.moc"
