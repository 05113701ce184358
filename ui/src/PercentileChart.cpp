// SPDX-License-Identifier: GPL-3.0-or-later
#include "PercentileChart.h"

#include "Theme.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>

#include <algorithm>
#include <cmath>

namespace hotpath::ui {

namespace {

// Enough points for a smooth curve; the histogram's buckets are 0.8% wide anyway.
constexpr int pointsPerDecade = 60;
constexpr int maxDecades = 6; // 99.9999%

QList<QPointF> curveOf(const metrics::HistogramSnapshot &h, double *low, double *high, double *decades)
{
    QList<QPointF> points;
    if (h.count() == 0)
        return points;
    // Percentiles beyond 1 - 1/count say nothing more than the maximum does.
    const double reach = std::min<double>(maxDecades, std::log10(static_cast<double>(h.count())));
    *decades = std::max(*decades, reach);
    for (int k = 0; k <= static_cast<int>(reach * pointsPerDecade); ++k) {
        const double x = k / static_cast<double>(pointsPerDecade);
        const double percentile = 100.0 * (1.0 - std::pow(10.0, -x));
        const double us = std::max(0.5, static_cast<double>(h.percentileNs(percentile)) / 1000.0);
        points.append({x, us});
        *low = std::min(*low, us);
        *high = std::max(*high, us);
    }
    const double maxUs = std::max(0.5, static_cast<double>(h.maxNs()) / 1000.0);
    points.append({reach, maxUs});
    *high = std::max(*high, maxUs);
    return points;
}

} // namespace

PercentileChart::PercentileChart(QWidget *parent) : QChartView(new QChart, parent), m_chart(chart())
{
    styleChart(m_chart);
    m_chart->setMargins(QMargins(4, 4, 12, 4));
    m_chart->setTitle(tr("Last profile run: latency by percentile"));

    auto *x = new QCategoryAxis;
    x->setTitleText(tr("percentile"));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(0, 3);
    auto *y = new QLogValueAxis;
    y->setTitleText(tr("latency (µs)"));
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setRange(1, 10000);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_x = x;
    m_y = y;

    auto make = [&](const QString &name, const QColor &colour) {
        auto *series = new QLineSeries;
        series->setName(name);
        series->setPen(QPen(colour, 2.0));
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        return series;
    };
    m_interp = make(tr("Interpreted"), interpreterColour());
    m_jit = make(tr("JIT"), jitColour());
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 180);
}

void PercentileChart::setDistributions(const metrics::HistogramSnapshot &interp, const metrics::HistogramSnapshot &jit)
{
    double low = 1e12, high = 0, decades = 1;
    m_interp->replace(curveOf(interp, &low, &high, &decades));
    m_jit->replace(curveOf(jit, &low, &high, &decades));
    // Labels up to the last decade plotted only: one further out would be cut at the edge.
    auto *x = static_cast<QCategoryAxis *>(m_x);
    for (const QString &label : x->categoriesLabels())
        x->remove(label);
    const char *labels[] = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};
    const int lastDecade = static_cast<int>(std::ceil(decades));
    for (int decade = 0; decade <= lastDecade; ++decade)
        x->append(QString::fromLatin1(labels[decade]), decade);
    x->setRange(0, lastDecade + 0.35); // room for the last label, centred on its value
    if (high > 0)
        static_cast<QLogValueAxis *>(m_y)->setRange(std::max(0.5, low / 2), high * 2);
}

int PercentileChart::pointCount() const { return static_cast<int>(m_interp->count() + m_jit->count()); }

} // namespace hotpath::ui
