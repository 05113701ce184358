// SPDX-License-Identifier: GPL-3.0-or-later
// Histograms within their promised error, merging and subtracting snapshots, shards
// written by many threads at once, and the Prometheus text.
#include "hotpath/metrics/Metrics.h"
#include "hotpath/metrics/Rolling.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

using namespace hotpath::metrics;

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every value from 1 ns to a minute lands in a bucket whose midpoint is within 1%.
    void bucketsKeepOnePercent()
    {
        std::mt19937_64 random(7);
        for (int k = 0; k < 200000; ++k) {
            const auto ns = static_cast<std::int64_t>(std::exp(std::uniform_real_distribution<double>(0, std::log(6e10))(random)));
            const int bucket = HistogramSnapshot::bucketOf(ns);
            QVERIFY(HistogramSnapshot::lowestOf(bucket) <= ns && ns <= HistogramSnapshot::highestOf(bucket));
            const double middle = static_cast<double>(HistogramSnapshot::lowestOf(bucket) + HistogramSnapshot::highestOf(bucket)) / 2;
            QVERIFY2(std::fabs(middle - static_cast<double>(ns)) <= 0.01 * static_cast<double>(ns) + 0.5, qPrintable(QString::number(ns)));
        }
    }

    void percentilesOfAKnownDistribution()
    {
        Histogram h;
        for (std::int64_t us = 1; us <= 1000; ++us)
            h.record(us * 1000);
        const HistogramSnapshot s = h.snapshot();
        QCOMPARE(s.count(), std::uint64_t(1000));
        QVERIFY(std::abs(s.percentileNs(50) - 500000) <= 5000);
        QVERIFY(std::abs(s.percentileNs(99) - 990000) <= 9900);
        QCOMPARE(s.maxNs(), std::int64_t(1000000));
        QCOMPARE(s.countAtOrBelow(100000), std::uint64_t(100));
        HistogramSnapshot later = h.snapshot();
        later.merge(s);
        QCOMPARE(later.count(), std::uint64_t(2000));
        later.subtract(s);
        QCOMPARE(later.count(), std::uint64_t(1000));
    }

    // Exact answers where each value has a bucket of its own (below 256 ns every nanosecond
    // does): the percentile is the value at rank ceil(p/100 * n), the nearest-rank method,
    // counting from 1; p0 is the smallest and p100 the largest.
    void percentilesAreExactWhereBucketsAre()
    {
        QCOMPARE(HistogramSnapshot().percentileNs(50), std::int64_t(0)); // no samples
        Histogram one;
        one.record(7);
        for (const double p : {0.0, 1.0, 50.0, 99.9, 100.0})
            QCOMPARE(one.snapshot().percentileNs(p), std::int64_t(7));
        Histogram two;
        two.record(20);
        two.record(10);
        const HistogramSnapshot s = two.snapshot();
        QCOMPARE(s.percentileNs(0), std::int64_t(10));
        QCOMPARE(s.percentileNs(50), std::int64_t(10)); // rank 1 of 2, not the second value
        QCOMPARE(s.percentileNs(50.1), std::int64_t(20));
        QCOMPARE(s.percentileNs(100), std::int64_t(20));
        Histogram ten;
        for (std::int64_t ns = 1; ns <= 10; ++ns)
            ten.record(ns * 10);
        const HistogramSnapshot t = ten.snapshot();
        QCOMPARE(t.percentileNs(10), std::int64_t(10));
        QCOMPARE(t.percentileNs(11), std::int64_t(20));
        QCOMPARE(t.percentileNs(90), std::int64_t(90));
        QCOMPARE(t.percentileNs(99), std::int64_t(100));
        // Above 256 ns a value is known to its bucket: p50 of {1000, 2000} ns is 1000's bucket
        // (1000-1003 ns, its midpoint 1001), never 2000's.
        Histogram wide;
        wide.record(1000);
        wide.record(2000);
        QCOMPARE(wide.snapshot().percentileNs(50), std::int64_t(1001));
        QCOMPARE(wide.snapshot().percentileNs(100), std::int64_t(2000)); // capped at the maximum seen
    }

    // Against a sorted array of random samples: every percentile is the midpoint of the bucket
    // of the sample at its nearest rank (capped at the largest sample), so within 1/128.
    void percentilesAgreeWithSortedSamples()
    {
        std::mt19937_64 random(11);
        for (int round = 0; round < 50; ++round) {
            const int n = 1 + static_cast<int>(random() % 2000);
            std::vector<std::int64_t> samples;
            Histogram h;
            for (int k = 0; k < n; ++k) {
                const auto ns = static_cast<std::int64_t>(std::exp(std::uniform_real_distribution<double>(0, std::log(1e10))(random)));
                samples.push_back(ns);
                h.record(ns);
            }
            std::sort(samples.begin(), samples.end());
            const HistogramSnapshot s = h.snapshot();
            for (const double p : {0.0, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 100.0}) {
                const auto rank = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(p / 100.0 * n)));
                const std::int64_t expected = samples[rank - 1];
                const int bucket = HistogramSnapshot::bucketOf(expected);
                const std::int64_t middle = (HistogramSnapshot::lowestOf(bucket) + HistogramSnapshot::highestOf(bucket)) / 2;
                QVERIFY2(s.percentileNs(p) == std::min(middle, samples.back()),
                         qPrintable(QStringLiteral("n %1 p%2: %3, expected %4 (sample %5)")
                                        .arg(n).arg(p).arg(s.percentileNs(p)).arg(std::min(middle, samples.back())).arg(expected)));
            }
        }
    }

    void shardsTakeWritersWithoutLocks()
    {
        Registry registry(4);
        Series *series = registry.series("GET /x");
        QCOMPARE(registry.series("GET /x"), series);
        std::vector<std::thread> writers;
        for (int t = 0; t < 4; ++t)
            writers.emplace_back([series, t] {
                for (int k = 0; k < 25000; ++k)
                    series->record(t, k % 2 ? Tier::Jit : Tier::Interp, k % 100 == 0 ? 500 : 200, 1000, 2000);
            });
        for (std::thread &w : writers)
            w.join();
        const Snapshot snapshot = registry.snapshot();
        QCOMPARE(snapshot.series.size(), std::size_t(1));
        const TierSnapshot &interp = snapshot.series[0].tiers[0];
        QCOMPARE(interp.count() + snapshot.series[0].tiers[1].count(), std::uint64_t(100000));
        QCOMPARE(interp.errors(), std::uint64_t(1000));
        const std::string text = snapshot.prometheus();
        QVERIFY(text.find("hotpath_requests_total{endpoint=\"GET /x\",tier=\"interp\",status=\"500\"} 1000\n") != std::string::npos);
        QVERIFY(text.find("hotpath_handler_duration_seconds_count{endpoint=\"GET /x\",tier=\"jit\"} 50000\n") != std::string::npos);
        QVERIFY(snapshot.csv().find("\"GET /x\",interp,50000,1000,") != std::string::npos);
        QVERIFY(snapshot.json().find("\"interp\":{\"count\":50000,\"errors\":1000") != std::string::npos);
    }

    // Label values in the Prometheus text escape backslash, double quote and newline, as the
    // exposition format requires (an endpoint path may hold any of them).
    void prometheusLabelsAreEscaped()
    {
        Registry registry(1);
        registry.series("GET /a\\b\"c\nd")->record(0, Tier::Interp, 200, 1000, 2000);
        const std::string text = registry.snapshot().prometheus();
        QVERIFY2(text.find("hotpath_requests_total{endpoint=\"GET /a\\\\b\\\"c\\nd\",tier=\"interp\",status=\"200\"} 1\n") != std::string::npos,
                 text.c_str());
    }

    // Each tick holds the requests answered since the last one, and old points roll off.
    void rollingSeriesHoldsIntervals()
    {
        Registry registry(1);
        Series *series = registry.series("GET /y");
        RollingSeries rolling(registry, 3);
        for (int k = 0; k < 10; ++k)
            series->record(0, Tier::Jit, 200, 1000, 100000); // 100 us
        rolling.tick();
        for (int k = 0; k < 4; ++k)
            series->record(0, Tier::Jit, 200, 1000, 2000000); // 2 ms
        rolling.tick();
        std::vector<Point> points = rolling.points("GET /y", Tier::Jit);
        QCOMPARE(points.size(), std::size_t(2));
        QCOMPARE(points[0].count, std::uint64_t(10));
        QVERIFY(std::fabs(points[0].p50Us - 100) <= 1);
        QCOMPARE(points[1].count, std::uint64_t(4));
        QVERIFY(std::fabs(points[1].p99Us - 2000) <= 20);
        QCOMPARE(rolling.points("", Tier::Jit).back().count, std::uint64_t(4));
        QCOMPARE(rolling.points("GET /y", Tier::Interp).back().count, std::uint64_t(0));
        rolling.tick();
        rolling.tick();
        points = rolling.points("GET /y", Tier::Jit);
        QCOMPARE(points.size(), std::size_t(3));
        QCOMPARE(points.back().count, std::uint64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
