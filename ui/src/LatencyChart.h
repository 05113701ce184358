// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Live latency of the selected endpoint (or all): p50 and p99 per tier over the last
// 60 s, from the session's 100 ms points, on a log µs axis, JIT and interpreter in two
// distinct colours; requests/s of both tiers on a second axis. Series are replaced
// whole (about 600 points each), never appended point by point.

#include "hotpath/metrics/Rolling.h"

#include <QtCharts/QChartView>
#include <QtCharts/QXYSeries>

#include <vector>

namespace hotpath::ui {

class LatencyChart : public QChartView
{
    Q_OBJECT

public:
    explicit LatencyChart(QWidget *parent = nullptr);

    void setPoints(const std::vector<metrics::Point> &interp, const std::vector<metrics::Point> &jit);
    int pointCount() const; // points currently plotted, over all series

private:
    QChart *m_chart;
    std::vector<QXYSeries *> m_series; // interp p50, interp p99, jit p50, jit p99, requests/s
    QAbstractAxis *m_x = nullptr;
    QAbstractAxis *m_y = nullptr;
    QAbstractAxis *m_rate = nullptr;
};

} // namespace hotpath::ui
