// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A log-linear latency histogram in the manner of HdrHistogram: values in nanoseconds,
// exact below 256 ns, then 128 linear sub-buckets per power of two, so any recorded value
// is known to within 1/128 (0.8%) from 1 ns to 2^39 ns (about 9 minutes). Recording is one
// relaxed atomic increment (no lock); a snapshot is a plain copy that readers merge,
// subtract and query without disturbing writers.

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace hotpath::metrics {

// A latency as people read it, the same in the CLI, the studio and reports: "511 µs",
// "1.04 ms", "12.3 ms" (three significant figures or whole microseconds). `ascii` writes
// "us" for terminals that may not be UTF-8.
std::string formatLatency(std::int64_t ns, bool ascii = false);

class HistogramSnapshot
{
public:
    static constexpr int bucketCount = 256 + 31 * 128;

    std::uint64_t count() const { return m_count; }
    std::int64_t maxNs() const { return m_max; }
    double sumNs() const { return m_sum; }
    double meanNs() const { return m_count ? m_sum / static_cast<double>(m_count) : 0; }
    // The value at percentile p (0..100), as the midpoint of its bucket; 0 when empty.
    std::int64_t percentileNs(double p) const;
    // Requests at or below `ns` (for cumulative Prometheus buckets).
    std::uint64_t countAtOrBelow(std::int64_t ns) const;

    void merge(const HistogramSnapshot &other);
    void subtract(const HistogramSnapshot &earlier); // counts since `earlier`

    static int bucketOf(std::int64_t ns);
    static std::int64_t lowestOf(int bucket);
    static std::int64_t highestOf(int bucket);

private:
    friend class Histogram;
    std::vector<std::uint64_t> m_counts = std::vector<std::uint64_t>(bucketCount, 0);
    std::uint64_t m_count = 0;
    std::int64_t m_max = 0;
    double m_sum = 0;
};

class Histogram
{
public:
    void record(std::int64_t ns);
    HistogramSnapshot snapshot() const;

private:
    std::array<std::atomic<std::uint64_t>, HistogramSnapshot::bucketCount> m_counts{};
    std::atomic<std::uint64_t> m_count{0};
    std::atomic<std::int64_t> m_max{0};
    std::atomic<std::uint64_t> m_sumNs{0};
};

} // namespace hotpath::metrics
