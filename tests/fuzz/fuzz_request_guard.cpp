// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the HTTP request guard. Any bytes must give a verdict, never a
// crash or sanitizer report, and the verdict must not depend on how the bytes were split
// into reads: the whole input at once, and the same input in two pieces at a point the
// fuzzer picks (the first byte), must agree.
#include "hotpath/server/RequestGuard.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace hotpath::server;
    if (size == 0)
        return 0;
    GuardLimits limits;
    limits.maxHeadBytes = 4096; // small limits reach the limit paths with small inputs
    limits.maxBodyBytes = 512;
    limits.loopbackOnly = (data[0] & 1) != 0;
    const std::string_view bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
    RequestGuard whole(limits);
    whole.feed(bytes);
    const std::size_t cut = bytes.empty() ? 0 : data[0] % (bytes.size() + 1);
    RequestGuard split(limits);
    split.feed(bytes.substr(0, cut));
    split.feed(bytes.substr(cut));
    if (whole.verdict().status != split.verdict().status || whole.requestsSeen() != split.requestsSeen()
        || whole.idle() != split.idle())
        __builtin_trap();
    if (whole.verdict().rejected() && rejectionResponse(whole.verdict()).find("\r\n\r\n{\"error\":") == std::string::npos)
        __builtin_trap();
    return 0;
}
