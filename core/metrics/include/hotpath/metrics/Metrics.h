// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Request metrics per endpoint and tier: counts by status and two latency histograms
// (handler time and whole-request time). Writers are the server's handler threads, each
// with a shard of its own (indexed by the thread's slot, modulo the shards: threads the
// pool adds for long handlers share one, which the atomic counters allow), so recording
// takes no lock and seldom shares a cache line; readers merge the shards into a snapshot.
// Series are made when an endpoint first appears and live as long as the registry, so
// counts carry over a hot reload.

#include "hotpath/metrics/Histogram.h"

#include <array>
#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hotpath::metrics {

enum class Tier { Interp = 0, Jit = 1 };
inline constexpr int tierCount = 2;
const char *tierName(Tier tier);

struct TierSnapshot
{
    std::map<int, std::uint64_t> statuses; // status -> count
    HistogramSnapshot handler;
    HistogramSnapshot total;
    std::uint64_t count() const { return total.count(); }
    std::uint64_t errors() const; // 5xx
    void subtract(const TierSnapshot &earlier); // what came since `earlier`
};

struct SeriesSnapshot
{
    std::string endpoint; // "GET /fib/<int:n>"
    std::array<TierSnapshot, tierCount> tiers;
};

struct Snapshot
{
    std::vector<SeriesSnapshot> series; // in the order endpoints appeared

    std::string prometheus() const; // text exposition format 0.0.4
    std::string json() const;
    std::string csv() const;
};

class Series
{
public:
    explicit Series(std::string endpoint, int shards);
    const std::string &endpoint() const { return m_endpoint; }
    void record(int shard, Tier tier, int status, std::int64_t handlerNs, std::int64_t totalNs);
    SeriesSnapshot snapshot() const;

private:
    struct PerTier
    {
        Histogram handler;
        Histogram total;
        std::array<std::atomic<std::uint64_t>, 600> statuses{};
    };
    struct alignas(64) Shard
    {
        std::array<PerTier, tierCount> tiers;
    };
    std::string m_endpoint;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

class Registry
{
public:
    explicit Registry(int shards) : m_shards(shards < 1 ? 1 : shards) {}
    int shards() const { return m_shards; }
    // The series of an endpoint, made on first use (under a lock: call it when routes
    // are built, not per request). The pointer stays valid for the registry's life.
    Series *series(const std::string &endpoint);
    Snapshot snapshot() const;

private:
    int m_shards;
    mutable std::mutex m_mutex;
    std::deque<Series> m_series;
    std::map<std::string, Series *> m_byName;
};

} // namespace hotpath::metrics
