// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/metrics/Metrics.h"

#include <algorithm>
#include <cstdio>

namespace hotpath::metrics {

const char *tierName(Tier tier) { return tier == Tier::Jit ? "jit" : "interp"; }

std::uint64_t TierSnapshot::errors() const
{
    std::uint64_t n = 0;
    for (const auto &[status, count] : statuses)
        if (status >= 500)
            n += count;
    return n;
}

void TierSnapshot::subtract(const TierSnapshot &earlier)
{
    handler.subtract(earlier.handler);
    total.subtract(earlier.total);
    for (const auto &[status, count] : earlier.statuses)
        statuses[status] -= std::min(statuses[status], count);
}

Series::Series(std::string endpoint, int shards) : m_endpoint(std::move(endpoint))
{
    for (int k = 0; k < shards; ++k)
        m_shards.push_back(std::make_unique<Shard>());
}

void Series::record(int shard, Tier tier, int status, std::int64_t handlerNs, std::int64_t totalNs)
{
    PerTier &t = m_shards[static_cast<std::size_t>(shard) % m_shards.size()]->tiers[static_cast<std::size_t>(tier)];
    t.handler.record(handlerNs);
    t.total.record(totalNs);
    if (status >= 0 && status < 600)
        t.statuses[static_cast<std::size_t>(status)].fetch_add(1, std::memory_order_relaxed);
}

SeriesSnapshot Series::snapshot() const
{
    SeriesSnapshot s;
    s.endpoint = m_endpoint;
    for (const auto &shard : m_shards)
        for (int tier = 0; tier < tierCount; ++tier) {
            const PerTier &t = shard->tiers[static_cast<std::size_t>(tier)];
            TierSnapshot &out = s.tiers[static_cast<std::size_t>(tier)];
            out.handler.merge(t.handler.snapshot());
            out.total.merge(t.total.snapshot());
            for (int status = 0; status < 600; ++status)
                if (const std::uint64_t n = t.statuses[static_cast<std::size_t>(status)].load(std::memory_order_relaxed))
                    out.statuses[status] += n;
        }
    return s;
}

Series *Registry::series(const std::string &endpoint)
{
    std::lock_guard lock(m_mutex);
    auto it = m_byName.find(endpoint);
    if (it != m_byName.end())
        return it->second;
    Series *made = &m_series.emplace_back(endpoint, m_shards);
    m_byName[endpoint] = made;
    return made;
}

Snapshot Registry::snapshot() const
{
    std::lock_guard lock(m_mutex);
    Snapshot s;
    for (const Series &series : m_series)
        s.series.push_back(series.snapshot());
    return s;
}

namespace {

std::string escapeLabel(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

// Prometheus' conventional latency buckets, in seconds.
constexpr double promBuckets[] = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                  0.025,   0.05,   0.1,     0.25,   0.5,   1,      2.5,    5, 10};

} // namespace

std::string Snapshot::prometheus() const
{
    std::string out;
    out += "# HELP hotpath_requests_total Requests answered, by endpoint, tier and status.\n";
    out += "# TYPE hotpath_requests_total counter\n";
    for (const SeriesSnapshot &s : series)
        for (int tier = 0; tier < tierCount; ++tier)
            for (const auto &[status, count] : s.tiers[static_cast<std::size_t>(tier)].statuses)
                out += "hotpath_requests_total{endpoint=\"" + escapeLabel(s.endpoint) + "\",tier=\""
                    + tierName(static_cast<Tier>(tier)) + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    for (const char *which : {"handler", "request"}) {
        const std::string name = std::string("hotpath_") + which + "_duration_seconds";
        out += "# HELP " + name + (std::string(which) == "handler" ? " Time in the handler code." : " Time from request to response.") + "\n";
        out += "# TYPE " + name + " histogram\n";
        for (const SeriesSnapshot &s : series)
            for (int tier = 0; tier < tierCount; ++tier) {
                const TierSnapshot &t = s.tiers[static_cast<std::size_t>(tier)];
                const HistogramSnapshot &h = std::string(which) == "handler" ? t.handler : t.total;
                if (h.count() == 0)
                    continue;
                const std::string labels = "endpoint=\"" + escapeLabel(s.endpoint) + "\",tier=\"" + tierName(static_cast<Tier>(tier)) + "\"";
                for (double le : promBuckets)
                    out += name + "_bucket{" + labels + ",le=\"" + number(le) + "\"} "
                        + std::to_string(h.countAtOrBelow(static_cast<std::int64_t>(le * 1e9))) + "\n";
                out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count()) + "\n";
                out += name + "_sum{" + labels + "} " + number(h.sumNs() / 1e9) + "\n";
                out += name + "_count{" + labels + "} " + std::to_string(h.count()) + "\n";
            }
    }
    return out;
}

std::string Snapshot::json() const
{
    std::string out = "{\"endpoints\":[";
    for (std::size_t k = 0; k < series.size(); ++k) {
        const SeriesSnapshot &s = series[k];
        if (k)
            out += ',';
        out += "{\"endpoint\":\"" + escapeLabel(s.endpoint) + "\"";
        for (int tier = 0; tier < tierCount; ++tier) {
            const TierSnapshot &t = s.tiers[static_cast<std::size_t>(tier)];
            const HistogramSnapshot &h = t.total;
            out += ",\"" + std::string(tierName(static_cast<Tier>(tier))) + "\":{\"count\":" + std::to_string(h.count())
                + ",\"errors\":" + std::to_string(t.errors()) + ",\"p50_us\":" + number(static_cast<double>(h.percentileNs(50)) / 1e3)
                + ",\"p90_us\":" + number(static_cast<double>(h.percentileNs(90)) / 1e3)
                + ",\"p99_us\":" + number(static_cast<double>(h.percentileNs(99)) / 1e3)
                + ",\"p999_us\":" + number(static_cast<double>(h.percentileNs(99.9)) / 1e3)
                + ",\"max_us\":" + number(static_cast<double>(h.maxNs()) / 1e3)
                + ",\"handler_p50_us\":" + number(static_cast<double>(t.handler.percentileNs(50)) / 1e3) + "}";
        }
        out += '}';
    }
    out += "]}\n";
    return out;
}

std::string Snapshot::csv() const
{
    std::string out = "endpoint,tier,count,errors,p50_us,p90_us,p99_us,p999_us,max_us,handler_p50_us\n";
    for (const SeriesSnapshot &s : series)
        for (int tier = 0; tier < tierCount; ++tier) {
            const TierSnapshot &t = s.tiers[static_cast<std::size_t>(tier)];
            const HistogramSnapshot &h = t.total;
            out += "\"" + s.endpoint + "\"," + tierName(static_cast<Tier>(tier)) + "," + std::to_string(h.count()) + ","
                + std::to_string(t.errors()) + "," + number(static_cast<double>(h.percentileNs(50)) / 1e3) + ","
                + number(static_cast<double>(h.percentileNs(90)) / 1e3) + "," + number(static_cast<double>(h.percentileNs(99)) / 1e3)
                + "," + number(static_cast<double>(h.percentileNs(99.9)) / 1e3) + "," + number(static_cast<double>(h.maxNs()) / 1e3)
                + "," + number(static_cast<double>(t.handler.percentileNs(50)) / 1e3) + "\n";
        }
    return out;
}

} // namespace hotpath::metrics
