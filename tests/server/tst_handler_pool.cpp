// SPDX-License-Identifier: GPL-3.0-or-later
// The handler pool on its own: jobs run on its threads, long-running jobs make it add
// threads so waiting jobs still run, spare threads leave when idle, the queue has a bound,
// and stop() drops what waits but lets what runs finish. Run by the tsan preset too.

#include "HandlerPool.h"

#include <QtTest/QtTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>

using hotpath::server::HandlerPool;
using namespace std::chrono_literals;

namespace {

// A gate jobs wait at until the test opens it.
class Gate
{
public:
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_open; });
    }
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

} // namespace

class TestHandlerPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsJobsOnItsThreadsWithSlots()
    {
        HandlerPool::Options options;
        options.threads = 2;
        HandlerPool pool(options);
        std::atomic<int> done{0};
        std::mutex mutex;
        std::set<int> seen;
        for (int k = 0; k < 200; ++k)
            QVERIFY(pool.submit([&](int slot) {
                {
                    std::lock_guard lock(mutex);
                    seen.insert(slot);
                }
                done.fetch_add(1);
            }));
        QTRY_COMPARE(done.load(), 200);
        std::lock_guard lock(mutex);
        for (const int slot : seen)
            QVERIFY(slot >= 0 && slot < options.maxThreads);
    }

    // Two threads held by jobs that never end on their own: the pool adds threads, so the
    // quick jobs behind them still run; once the long jobs end, the extra threads leave.
    void longJobsDoNotStarveWaitingOnes()
    {
        HandlerPool::Options options;
        options.threads = 2;
        options.maxThreads = 8;
        options.spareIdle = 200ms;
        HandlerPool pool(options);
        Gate gate;
        std::atomic<int> longStarted{0};
        for (int k = 0; k < 4; ++k)
            QVERIFY(pool.submit([&](int) {
                longStarted.fetch_add(1);
                gate.wait();
            }));
        std::atomic<int> quickDone{0};
        for (int k = 0; k < 10; ++k)
            QVERIFY(pool.submit([&](int) { quickDone.fetch_add(1); }));
        // The four long jobs and the ten quick ones all run while the gate is still shut.
        QTRY_COMPARE(longStarted.load(), 4);
        QTRY_COMPARE(quickDone.load(), 10);
        const HandlerPool::Load busy = pool.load();
        QCOMPARE(busy.busy, 4);
        QVERIFY2(busy.threads >= 5 && busy.threads <= options.maxThreads, QByteArray::number(busy.threads).constData());
        gate.open();
        QTRY_COMPARE(pool.load().busy, 0);
        QTRY_COMPARE(pool.load().threads, options.threads);
    }

    // The cap holds: with every thread held, jobs wait rather than adding threads past it.
    void threadsStopAtTheCap()
    {
        HandlerPool::Options options;
        options.threads = 1;
        options.maxThreads = 3;
        HandlerPool pool(options);
        Gate gate;
        std::atomic<int> started{0};
        for (int k = 0; k < 6; ++k)
            QVERIFY(pool.submit([&](int) {
                started.fetch_add(1);
                gate.wait();
            }));
        QTRY_COMPARE(started.load(), 3);
        QTest::qWait(50);
        QCOMPARE(started.load(), 3);
        QCOMPARE(pool.load().threads, 3);
        QCOMPARE(pool.load().queued, std::size_t(3));
        gate.open();
        QTRY_COMPARE(started.load(), 6);
    }

    void aFullQueueRefuses()
    {
        HandlerPool::Options options;
        options.threads = 1;
        options.maxThreads = 1;
        options.maxQueued = 3;
        HandlerPool pool(options);
        Gate gate;
        std::atomic<int> started{0};
        QVERIFY(pool.submit([&](int) {
            started.fetch_add(1);
            gate.wait();
        }));
        QTRY_COMPARE(started.load(), 1);
        for (int k = 0; k < 3; ++k)
            QVERIFY(pool.submit([](int) {}));
        QVERIFY(!pool.submit([](int) {}));
        gate.open();
        QTRY_COMPARE(pool.load().queued, std::size_t(0));
        QVERIFY(pool.submit([](int) {}));
    }

    void stopFinishesRunningJobsAndDropsWaitingOnes()
    {
        HandlerPool::Options options;
        options.threads = 1;
        options.maxThreads = 1;
        auto pool = std::make_unique<HandlerPool>(options);
        Gate gate;
        std::atomic<int> started{0}, finished{0}, waitingRan{0};
        QVERIFY(pool->submit([&](int) {
            started.fetch_add(1);
            gate.wait();
            finished.fetch_add(1);
        }));
        QTRY_COMPARE(started.load(), 1);
        auto shared = std::make_shared<int>(7);
        QVERIFY(pool->submit([&, shared](int) { waitingRan.fetch_add(1); }));
        std::thread opener([&] {
            std::this_thread::sleep_for(50ms);
            gate.open();
        });
        pool->stop();
        opener.join();
        QCOMPARE(finished.load(), 1);
        QCOMPARE(waitingRan.load(), 0);
        QCOMPARE(shared.use_count(), 1L); // the dropped job's captures are released
        QVERIFY(!pool->submit([](int) {}));
        pool.reset(); // a second stop (the destructor's) is harmless
    }
};

QTEST_GUILESS_MAIN(TestHandlerPool)
#include "tst_handler_pool.moc"
