// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/metrics/Histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>

namespace hotpath::metrics {

std::string formatLatency(std::int64_t ns, bool ascii)
{
    char buffer[32];
    const double ms = static_cast<double>(ns) / 1e6;
    if (ns >= 10'000'000)
        std::snprintf(buffer, sizeof buffer, "%.1f ms", ms);
    else if (ns >= 1'000'000)
        std::snprintf(buffer, sizeof buffer, "%.2f ms", ms);
    else
        std::snprintf(buffer, sizeof buffer, ascii ? "%.0f us" : "%.0f \u00b5s", static_cast<double>(ns) / 1e3);
    return buffer;
}

int HistogramSnapshot::bucketOf(std::int64_t ns)
{
    if (ns < 256)
        return ns < 0 ? 0 : static_cast<int>(ns);
    const int exponent = 63 - std::countl_zero(static_cast<std::uint64_t>(ns)); // >= 8
    const int bucket = 256 + (exponent - 8) * 128 + static_cast<int>((ns >> (exponent - 7)) - 128);
    return std::min(bucket, bucketCount - 1);
}

std::int64_t HistogramSnapshot::lowestOf(int bucket)
{
    if (bucket < 256)
        return bucket;
    const int exponent = (bucket - 256) / 128 + 8;
    const std::int64_t mantissa = (bucket - 256) % 128 + 128;
    return mantissa << (exponent - 7);
}

std::int64_t HistogramSnapshot::highestOf(int bucket)
{
    return bucket + 1 < bucketCount ? lowestOf(bucket + 1) - 1 : lowestOf(bucket);
}

std::int64_t HistogramSnapshot::percentileNs(double p) const
{
    if (m_count == 0)
        return 0;
    const auto rank = static_cast<std::uint64_t>(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(m_count)));
    std::uint64_t seen = 0;
    for (int b = 0; b < bucketCount; ++b) {
        seen += m_counts[static_cast<std::size_t>(b)];
        if (seen >= std::max<std::uint64_t>(rank, 1))
            return std::min((lowestOf(b) + highestOf(b)) / 2, m_max > 0 ? m_max : highestOf(b));
    }
    return m_max;
}

std::uint64_t HistogramSnapshot::countAtOrBelow(std::int64_t ns) const
{
    std::uint64_t total = 0;
    const int last = bucketOf(ns);
    for (int b = 0; b <= last; ++b)
        total += m_counts[static_cast<std::size_t>(b)];
    return total;
}

void HistogramSnapshot::merge(const HistogramSnapshot &other)
{
    for (int b = 0; b < bucketCount; ++b)
        m_counts[static_cast<std::size_t>(b)] += other.m_counts[static_cast<std::size_t>(b)];
    m_count += other.m_count;
    m_max = std::max(m_max, other.m_max);
    m_sum += other.m_sum;
}

void HistogramSnapshot::subtract(const HistogramSnapshot &earlier)
{
    m_max = 0;
    for (int b = 0; b < bucketCount; ++b) {
        auto &count = m_counts[static_cast<std::size_t>(b)];
        count -= std::min(count, earlier.m_counts[static_cast<std::size_t>(b)]);
        if (count)
            m_max = highestOf(b); // the interval's maximum, to within its bucket
    }
    m_count -= std::min(m_count, earlier.m_count);
    m_sum = std::max(0.0, m_sum - earlier.m_sum);
}

void Histogram::record(std::int64_t ns)
{
    m_counts[static_cast<std::size_t>(HistogramSnapshot::bucketOf(ns))].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumNs.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(ns, 0)), std::memory_order_relaxed);
    std::int64_t seen = m_max.load(std::memory_order_relaxed);
    while (ns > seen && !m_max.compare_exchange_weak(seen, ns, std::memory_order_relaxed)) {
    }
}

HistogramSnapshot Histogram::snapshot() const
{
    HistogramSnapshot s;
    for (int b = 0; b < HistogramSnapshot::bucketCount; ++b)
        s.m_counts[static_cast<std::size_t>(b)] = m_counts[static_cast<std::size_t>(b)].load(std::memory_order_relaxed);
    // The total is the buckets' sum, so that percentiles stay consistent while writers run.
    for (std::uint64_t c : s.m_counts)
        s.m_count += c;
    s.m_max = m_max.load(std::memory_order_relaxed);
    s.m_sum = static_cast<double>(m_sumNs.load(std::memory_order_relaxed));
    return s;
}

} // namespace hotpath::metrics
