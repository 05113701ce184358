// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the project manifest loader. Any bytes must give a manifest or an
// error naming the file, never a crash; a manifest that reads must survive being written
// and read again unchanged.
#include "hotpath/project/Manifest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace hotpath::project;
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ManifestResult result = parseManifest(json, QStringLiteral("hotpath.json"));
    if (!result.manifest) {
        if (!result.error.startsWith(QStringLiteral("hotpath.json: error: ")))
            __builtin_trap();
        return 0;
    }
    const QByteArray written = writeManifest(*result.manifest);
    const ManifestResult again = parseManifest(written, QStringLiteral("hotpath.json"));
    if (!again.manifest || writeManifest(*again.manifest) != written)
        __builtin_trap();
    return 0;
}
