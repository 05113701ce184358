// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoadedProject.h"

namespace hotpath::exporting {

// The last profile run as profile.json, profile.csv, latency.svg, any PNGs the studio
// passes, and report.html: one self-contained page (chart inline) any browser opens.
Result writeReport(const QString &target, const project::Manifest &manifest, const QString &outDir, const ReportInputs &inputs);

} // namespace hotpath::exporting
