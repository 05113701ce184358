// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/metrics/Rolling.h"

namespace hotpath::metrics {

namespace {

Point pointOf(const HistogramSnapshot &interval, double seconds)
{
    Point p;
    p.seconds = seconds;
    p.count = interval.count();
    p.p50Us = static_cast<double>(interval.percentileNs(50)) / 1e3;
    p.p90Us = static_cast<double>(interval.percentileNs(90)) / 1e3;
    p.p99Us = static_cast<double>(interval.percentileNs(99)) / 1e3;
    p.maxUs = static_cast<double>(interval.maxNs()) / 1e3;
    return p;
}

void push(std::deque<Point> &points, Point p, std::size_t capacity)
{
    points.push_back(p);
    while (points.size() > capacity)
        points.pop_front();
}

} // namespace

RollingSeries::RollingSeries(const Registry &registry, std::size_t capacity)
    : m_registry(registry), m_capacity(capacity), m_previous(registry.snapshot())
{
}

void RollingSeries::tick()
{
    Snapshot now = m_registry.snapshot();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::lock_guard lock(m_mutex);
    std::array<HistogramSnapshot, tierCount> all;
    for (const SeriesSnapshot &series : now.series) {
        const SeriesSnapshot *before = nullptr;
        for (const SeriesSnapshot &old : m_previous.series)
            if (old.endpoint == series.endpoint)
                before = &old;
        for (int tier = 0; tier < tierCount; ++tier) {
            HistogramSnapshot interval = series.tiers[static_cast<std::size_t>(tier)].total;
            if (before)
                interval.subtract(before->tiers[static_cast<std::size_t>(tier)].total);
            all[static_cast<std::size_t>(tier)].merge(interval);
            push(m_points[series.endpoint][static_cast<std::size_t>(tier)], pointOf(interval, seconds), m_capacity);
        }
    }
    for (int tier = 0; tier < tierCount; ++tier)
        push(m_all[static_cast<std::size_t>(tier)], pointOf(all[static_cast<std::size_t>(tier)], seconds), m_capacity);
    m_previous = std::move(now);
}

void RollingSeries::clear()
{
    Snapshot now = m_registry.snapshot();
    std::lock_guard lock(m_mutex);
    m_points.clear();
    for (auto &points : m_all)
        points.clear();
    m_previous = std::move(now);
}

std::vector<Point> RollingSeries::points(const std::string &endpoint, Tier tier) const
{
    std::lock_guard lock(m_mutex);
    if (endpoint.empty()) {
        const auto &all = m_all[static_cast<std::size_t>(tier)];
        return {all.begin(), all.end()};
    }
    auto it = m_points.find(endpoint);
    if (it == m_points.end())
        return {};
    const auto &points = it->second[static_cast<std::size_t>(tier)];
    return {points.begin(), points.end()};
}

std::vector<std::string> RollingSeries::endpoints() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> names;
    for (const auto &[name, points] : m_points)
        names.push_back(name);
    return names;
}

} // namespace hotpath::metrics
