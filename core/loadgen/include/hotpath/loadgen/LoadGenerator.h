// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A keep-alive HTTP/1.1 load generator (what `hotpath bench` drives). Connections are
// spread over threads, each an epoll loop keeping one request in flight per connection.
// Closed loop by default (each connection sends again as soon as it has its answer);
// with a rate, each connection sends on a fixed schedule and latency counts from the
// scheduled time, so a stalled server shows up in the percentiles instead of slowing the
// load down (coordinated omission, corrected as wrk2 does). Standard library and POSIX.

#include "hotpath/metrics/Histogram.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace hotpath::loadgen {

struct LoadOptions
{
    std::string host = "127.0.0.1";
    int port = 80;
    std::string method = "GET";
    std::string path = "/";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int connections = 16;
    int threads = 1;
    double durationSeconds = 10;
    std::int64_t requests = 0; // > 0: stop after this many instead
    double rate = 0;           // requests per second over all connections; 0: closed loop
    const std::atomic<bool> *cancel = nullptr; // set from another thread to stop early
};

struct LoadResult
{
    std::uint64_t requests = 0;   // answered
    std::uint64_t non2xx = 0;     // answered with another status
    std::uint64_t socketErrors = 0;
    double seconds = 0;
    metrics::HistogramSnapshot latency; // nanoseconds
    std::string error;                  // set when nothing could be sent at all
    double requestsPerSecond() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
};

// Runs the load; `progress` (if set) is called about once a second with the answers so far.
LoadResult runLoad(const LoadOptions &options, const std::function<void(std::uint64_t answered, double seconds)> &progress = {});

} // namespace hotpath::loadgen
