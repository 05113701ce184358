// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The latency distribution of the last profile run, both tiers overlaid, plotted the way
// HdrHistogram plots are: latency against percentile on a 1/(1-p) axis, so the tail
// (99%, 99.9%, 99.99%) gets as much room as the median. The x value is log10(1/(1-p)):
// 0 is the 0th percentile, 1 is 90%, 2 is 99% and so on.

#include "hotpath/metrics/Histogram.h"

#include <QtCharts/QChartView>
#include <QtCharts/QXYSeries>

namespace hotpath::ui {

class PercentileChart : public QChartView
{
    Q_OBJECT

public:
    explicit PercentileChart(QWidget *parent = nullptr);

    // Either histogram may be empty (a tier that was not profiled).
    void setDistributions(const metrics::HistogramSnapshot &interp, const metrics::HistogramSnapshot &jit);
    int pointCount() const;

private:
    QChart *m_chart;
    QXYSeries *m_interp;
    QXYSeries *m_jit;
    QAbstractAxis *m_x;
    QAbstractAxis *m_y;
};

} // namespace hotpath::ui
