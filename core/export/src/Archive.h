// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoadedProject.h"

namespace hotpath::exporting {

// hotpath.json and the handler files as one .tar.gz; refuses to overwrite `outFile`.
Result writeArchive(const LoadedProject &project, const QString &outFile);

} // namespace hotpath::exporting
