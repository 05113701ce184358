// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/loadgen/ProfileJson.h"

#include <cmath>
#include <cstdio>

namespace hotpath::loadgen {

namespace {

void appendf(std::string &out, const char *format, auto... values)
{
    char buffer[512];
    const int n = std::snprintf(buffer, sizeof buffer, format, values...);
    out.append(buffer, static_cast<std::size_t>(std::max(0, std::min<int>(n, sizeof buffer - 1))));
}

// Only printable ASCII is kept verbatim; anything else in a path is escaped.
void appendString(std::string &out, const std::string &text)
{
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            (out += '\\') += c;
        else if (u < 0x20 || u >= 0x7f)
            appendf(out, "\\u%04x", u);
        else
            out += c;
    }
    out += '"';
}

} // namespace

std::string profileJson(const LoadOptions &options, const TierResults &runs)
{
    std::string out = "{\"method\":";
    appendString(out, options.method);
    out += ",\"path\":";
    appendString(out, options.path);
    appendf(out, ",\"connections\":%d,\"duration_s\":%g,\"rate\":%g,\"results\":[", options.connections, options.durationSeconds, options.rate);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const LoadResult &r = runs[k].second;
        const metrics::HistogramSnapshot &h = r.latency;
        out += k ? ",{\"tier\":" : "{\"tier\":";
        appendString(out, runs[k].first);
        appendf(out,
                ",\"requests\":%llu,\"seconds\":%.3f,\"requests_per_second\":%.1f,\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,"
                "\"p999_us\":%.1f,\"max_us\":%.1f,\"non_2xx\":%llu,\"socket_errors\":%llu,\"distribution\":[",
                static_cast<unsigned long long>(r.requests), r.seconds, r.requestsPerSecond(), static_cast<double>(h.percentileNs(50)) / 1e3,
                static_cast<double>(h.percentileNs(90)) / 1e3, static_cast<double>(h.percentileNs(99)) / 1e3,
                static_cast<double>(h.percentileNs(99.9)) / 1e3, static_cast<double>(h.maxNs()) / 1e3,
                static_cast<unsigned long long>(r.non2xx), static_cast<unsigned long long>(r.socketErrors));
        // 20 points a decade of 1/(1-p), up to where the sample count still says something.
        const double decades = h.count() ? std::min(6.0, std::log10(static_cast<double>(h.count()))) : 0;
        for (int i = 0; i <= static_cast<int>(decades * 20); ++i) {
            const double percentile = 100.0 * (1.0 - std::pow(10.0, -i / 20.0));
            appendf(out, "%s[%.6g,%.1f]", i ? "," : "", percentile, static_cast<double>(h.percentileNs(percentile)) / 1e3);
        }
        out += "]}";
    }
    out += ']';
    if (runs.size() == 2 && runs[0].second.requestsPerSecond() > 0)
        appendf(out, ",\"jit_speedup\":%.3f", runs[1].second.requestsPerSecond() / runs[0].second.requestsPerSecond());
    out += "}\n";
    return out;
}

} // namespace hotpath::loadgen
