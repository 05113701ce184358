// SPDX-License-Identifier: GPL-3.0-or-later
// dispatch() on its own: a request's deadline counts from its arrival, so one that waited
// for a handler thread past it is answered 504 without running the handler; a cancelled
// one answers 499.
#include "hotpath/server/Dispatch.h"
#include "hotpath/server/Version.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <atomic>

using namespace hotpath;
using Clock = std::chrono::steady_clock;

class TestDispatch : public QObject
{
    Q_OBJECT

    std::shared_ptr<server::Version> build(QTemporaryDir &dir)
    {
        const QString path = dir.filePath(QStringLiteral("app.py"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return nullptr;
        file.write("from hotpath import get\n\n"
                   "RUNS: dict[str, int] = {'n': 0}\n\n"
                   "@get('/run')\n"
                   "def run() -> int:\n"
                   "    RUNS['n'] = RUNS['n'] + 1\n"
                   "    return RUNS['n']\n\n"
                   "@get('/spin')\n"
                   "def spin() -> int:\n"
                   "    n = 0\n"
                   "    while True:\n"
                   "        n += 1\n"
                   "    return n\n");
        file.close();
        QStringList errors;
        return server::Version::build(path, {}, nullptr, errors);
    }

    static server::HttpResponse get(const server::Version &version, const char *path, Clock::time_point since,
                                    const std::atomic<bool> *cancelled = nullptr)
    {
        server::HttpRequest request;
        request.method = "GET";
        request.path = path;
        request.headers.emplace_back("X-Hotpath-Tier", "interp");
        server::DispatchOptions options;
        options.limits.timeout = std::chrono::seconds(2);
        options.limits.since = since;
        return server::dispatch(version, request, options, cancelled);
    }

private Q_SLOTS:
    void theDeadlineCountsTheWaitForAThread()
    {
        QTemporaryDir dir;
        const auto version = build(dir);
        QVERIFY(version);
        QCOMPARE(get(*version, "/run", Clock::now()).body, std::string("1"));
        const server::HttpResponse late = get(*version, "/run", Clock::now() - std::chrono::seconds(3));
        QCOMPARE(late.status, 504);
        QVERIFY2(late.body.find("waited for a handler thread past its 2000 ms deadline") != std::string::npos, late.body.c_str());
        QVERIFY(!late.handled);
        QCOMPARE(get(*version, "/run", Clock::now()).body, std::string("2")); // the late one never ran
        // Arrived 1.9 s ago: the loop has 0.1 s left, not 2 s.
        const auto started = Clock::now();
        const server::HttpResponse spun = get(*version, "/spin", started - std::chrono::milliseconds(1900));
        QCOMPARE(spun.status, 504);
        QVERIFY2(spun.body.find("ran longer than its 2000 ms deadline") != std::string::npos, spun.body.c_str());
        qInfo("a loop that arrived 1.9 s before it started stopped after %lld ms",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count()));
    }

    void aCancelledHandlerAnswers499()
    {
        QTemporaryDir dir;
        const auto version = build(dir);
        QVERIFY(version);
        std::atomic<bool> cancelled{true};
        const server::HttpResponse gone = get(*version, "/spin", Clock::now(), &cancelled);
        QCOMPARE(gone.status, 499);
        QVERIFY2(gone.failure.find("the client closed the connection") != std::string::npos, gone.failure.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
