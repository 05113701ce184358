// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hotpath::ui {

// Fusion with a light or dark palette, for desktops that give the app none (a bare X
// server, some window managers). By default the studio follows the system's palette, and
// every colour it picks itself (syntax, chart, highlights) reads the palette.
void applyTheme(bool dark);

} // namespace hotpath::ui
