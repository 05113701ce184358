// SPDX-License-Identifier: GPL-3.0-or-later
#include "LatencyChart.h"

#include "Theme.h"

#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace hotpath::ui {

// The chart goes to QChartView's constructor: setChart() later would orphan the default
// chart the view makes for itself (it releases, not deletes, the previous one).
LatencyChart::LatencyChart(QWidget *parent) : QChartView(new QChart, parent), m_chart(chart())
{
    styleChart(m_chart);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    auto *x = new QValueAxis;
    x->setTitleText(QStringLiteral("seconds"));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(-60, 0);
    x->setTickCount(7);
    auto *y = new QLogValueAxis;
    y->setTitleText(QStringLiteral("latency (µs)"));
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setRange(1, 100000);
    auto *rate = new QValueAxis;
    rate->setTitleText(QStringLiteral("requests/s"));
    rate->setLabelFormat(QStringLiteral("%.0f"));
    rate->setRange(0, 10);
    rate->setGridLineVisible(false); // the latency grid is the one to read
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_chart->addAxis(rate, Qt::AlignRight);
    m_x = x;
    m_y = y;
    m_rate = rate;
    struct Spec
    {
        const char *name;
        QColor colour;
        Qt::PenStyle style;
        qreal width;
        QAbstractAxis *axis;
    };
    const QColor interpColour = interpreterColour(), jitColour = ui::jitColour();
    const Spec specs[] = {
        {"interp p50", interpColour, Qt::SolidLine, 2.0, y}, {"interp p99", interpColour, Qt::DashLine, 1.4, y},
        {"JIT p50", jitColour, Qt::SolidLine, 2.0, y},       {"JIT p99", jitColour, Qt::DashLine, 1.4, y},
        {"requests/s", QColor(0x7f, 0x7f, 0x7f), Qt::DotLine, 1.2, rate},
    };
    for (const Spec &spec : specs) {
        auto *series = new QLineSeries;
        series->setName(QString::fromUtf8(spec.name));
        QPen pen(spec.colour, spec.width, spec.style);
        series->setPen(pen);
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(spec.axis);
        m_series.push_back(series);
    }
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 180);
}

void LatencyChart::setPoints(const std::vector<metrics::Point> &interp, const std::vector<metrics::Point> &jit)
{
    const double now = std::max(interp.empty() ? 0.0 : interp.back().seconds, jit.empty() ? 0.0 : jit.back().seconds);
    double low = 1e9, high = 0, maxRate = 1;
    auto fill = [&](const std::vector<metrics::Point> &points, QXYSeries *p50, QXYSeries *p99) {
        QList<QPointF> a, b;
        for (const metrics::Point &p : points) {
            if (p.count == 0 || p.seconds < now - 60)
                continue;
            a.append({p.seconds - now, std::max(0.5, p.p50Us)});
            b.append({p.seconds - now, std::max(0.5, p.p99Us)});
            low = std::min(low, p.p50Us);
            high = std::max(high, p.p99Us);
        }
        p50->replace(a);
        p99->replace(b);
    };
    fill(interp, m_series[0], m_series[1]);
    fill(jit, m_series[2], m_series[3]);
    QList<QPointF> rate;
    for (std::size_t k = 0; k < std::max(interp.size(), jit.size()); ++k) {
        const metrics::Point *a = k < interp.size() ? &interp[k] : nullptr;
        const metrics::Point *b = k < jit.size() ? &jit[k] : nullptr;
        const double seconds = a ? a->seconds : b->seconds;
        if (seconds < now - 60)
            continue;
        const double perSecond = static_cast<double>((a ? a->count : 0) + (b ? b->count : 0)) * 10.0;
        maxRate = std::max(maxRate, perSecond);
        rate.append({seconds - now, perSecond});
    }
    m_series[4]->replace(rate);
    if (high > 0)
        static_cast<QLogValueAxis *>(m_y)->setRange(std::max(0.5, low / 2), high * 2);
    auto *rateAxis = static_cast<QValueAxis *>(m_rate);
    rateAxis->setRange(0, std::max(10.0, maxRate * 1.15));
    rateAxis->applyNiceNumbers();
}

int LatencyChart::pointCount() const
{
    int n = 0;
    for (const QXYSeries *s : m_series)
        n += static_cast<int>(s->count());
    return n;
}

} // namespace hotpath::ui
