// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGui/QColor>

class QChart;

namespace hotpath::ui {

// Fusion with a light or dark palette, for desktops that give the app none (a bare X
// server, some window managers). By default the studio follows the system's palette, and
// every colour it picks itself (syntax, chart, highlights) reads the palette.
void applyTheme(bool dark);

// Whether the current palette is a dark one (charts pick their theme from it).
bool isDark();
// The two tiers' colours, the same in every chart, table and label.
QColor interpreterColour();
QColor jitColour();

// The studio's look for a chart: no animation (it is redrawn 10 times a second), the
// legend below, the light or dark theme of the palette, square corners.
void styleChart(QChart *chart);

} // namespace hotpath::ui
