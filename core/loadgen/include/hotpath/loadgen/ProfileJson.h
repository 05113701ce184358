// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A profile run (the same load on each tier in turn) as JSON: what `hotpath bench --json`
// prints, what the studio keeps as the project's last profile run, and what the report
// export reads. Each tier carries its latency distribution as percentile points spaced
// evenly on the 1/(1-p) axis, so a report can draw the curve without the histogram.

#include "hotpath/loadgen/LoadGenerator.h"

#include <string>
#include <utility>
#include <vector>

namespace hotpath::loadgen {

using TierResults = std::vector<std::pair<std::string, LoadResult>>; // "interp"/"jit"/"none" -> result

std::string profileJson(const LoadOptions &options, const TierResults &runs);

} // namespace hotpath::loadgen
