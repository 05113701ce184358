// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Python's slice index arithmetic (PySlice_AdjustIndices), shared by str and list.

#include <cstdint>

namespace hotpath::runtime {

enum SlicePart : std::uint32_t { SliceLower = 1, SliceUpper = 2, SliceStep = 4 };

struct SliceBounds
{
    std::int64_t start = 0;
    std::int64_t step = 1;
    std::int64_t length = 0;
};

// Missing parts (bits not set in `present`) take Python's defaults. Raises ValueError
// for a zero step and returns false.
bool adjustSlice(std::int64_t size, std::int64_t lower, std::int64_t upper, std::int64_t step, std::uint32_t present,
                 SliceBounds &out);

} // namespace hotpath::runtime
