// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Slicing.h"

#include "hotpath/runtime/Context.h"

namespace hotpath::runtime {

bool adjustSlice(std::int64_t size, std::int64_t lower, std::int64_t upper, std::int64_t step, std::uint32_t present,
                 SliceBounds &out)
{
    if (!(present & SliceStep))
        step = 1;
    if (step == 0) {
        if (Context *context = Context::current())
            context->raise(ErrorKind::ValueError, "slice step cannot be zero");
        return false;
    }
    const bool backwards = step < 0;
    std::int64_t start = (present & SliceLower) ? lower : (backwards ? size - 1 : 0);
    std::int64_t stop = (present & SliceUpper) ? upper : (backwards ? -1 - size : size);
    auto clamp = [&](std::int64_t &index) {
        if (index < 0) {
            index += size;
            if (index < 0)
                index = backwards ? -1 : 0;
        } else if (index >= size) {
            index = backwards ? size - 1 : size;
        }
    };
    clamp(start);
    clamp(stop);
    std::int64_t length = 0;
    if (!backwards && start < stop)
        length = (stop - start - 1) / step + 1;
    else if (backwards && stop < start)
        length = (start - stop - 1) / (-step) + 1;
    out = {start, step, length};
    return true;
}

} // namespace hotpath::runtime
