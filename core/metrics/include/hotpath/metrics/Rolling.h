// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The rolling time series the studio charts: per endpoint and tier, one point per tick
// (100 ms) with the count, p50, p90, p99 and max of the requests answered in it, for the
// last 10 minutes (6,000 points). Points come from subtracting consecutive snapshots of
// the registry, so writers pay nothing for it; whoever ticks (a timer, the studio at
// 10 Hz) pays one snapshot per tick.

#include "hotpath/metrics/Metrics.h"

#include <array>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace hotpath::metrics {

struct Point
{
    double seconds = 0; // since the series started
    std::uint64_t count = 0;
    double p50Us = 0, p90Us = 0, p99Us = 0, maxUs = 0;
};

class RollingSeries
{
public:
    explicit RollingSeries(const Registry &registry, std::size_t capacity = 6000);

    // Takes a snapshot and appends one point per endpoint and tier.
    void tick();
    // The points of one endpoint and tier, oldest first; all endpoints merged when
    // `endpoint` is empty.
    std::vector<Point> points(const std::string &endpoint, Tier tier) const;
    std::vector<std::string> endpoints() const;
    // Forgets every point; the next tick counts from the registry as it is then.
    void clear();

private:
    const Registry &m_registry;
    std::size_t m_capacity;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    mutable std::mutex m_mutex;
    Snapshot m_previous;
    std::map<std::string, std::array<std::deque<Point>, tierCount>> m_points;
    std::array<std::deque<Point>, tierCount> m_all;
};

} // namespace hotpath::metrics
