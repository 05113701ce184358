// SPDX-License-Identifier: GPL-3.0-or-later
#include "Report.h"

#include "hotpath/metrics/Histogram.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <cmath>

namespace hotpath::exporting {

namespace {

QString colourOf(const QString &tier)
{
    return tier == QStringLiteral("jit") ? QStringLiteral("#1f77d4") : tier == QStringLiteral("interp") ? QStringLiteral("#e07a1f")
                                                                                                       : QStringLiteral("#7f7f7f");
}

QString tierTitle(const QString &tier)
{
    return tier == QStringLiteral("jit") ? QStringLiteral("JIT") : tier == QStringLiteral("interp") ? QStringLiteral("Interpreted") : tier;
}

QString micros(double us) { return QString::fromStdString(metrics::formatLatency(std::llround(us * 1000))); }

// 10^e microseconds as an axis label: 100 µs, 1 ms, 10 s.
QString powerOfTenLabel(int e)
{
    const char *units[] = {"µs", "ms", "s"};
    const int unit = std::clamp(e / 3, 0, 2);
    return QString::number(std::pow(10.0, e - 3 * unit), 'g', 12) + QLatin1Char(' ') + QString::fromUtf8(units[unit]);
}

// Latency against percentile on the 1/(1-p) axis (as HdrHistogram plots are drawn), log µs.
QByteArray percentileSvg(const QJsonArray &results)
{
    const double width = 760, height = 380, left = 70, right = 50, top = 20, bottom = 60;
    double decades = 1, low = 1e12, high = 0;
    for (const QJsonValue &r : results)
        for (const QJsonValue &point : r[QStringLiteral("distribution")].toArray()) {
            const double p = point[0].toDouble(), us = std::max(0.1, point[1].toDouble());
            decades = std::max(decades, std::ceil(-std::log10(std::max(1e-7, 1 - p / 100)) - 1e-9));
            low = std::min(low, us);
            high = std::max(high, us);
        }
    if (high <= 0)
        low = 1, high = 10;
    const double yLow = std::floor(std::log10(low)), yHigh = std::max(yLow + 1, std::ceil(std::log10(high)));
    auto x = [&](double p) { return left + (width - left - right) * (-std::log10(std::max(1e-7, 1 - p / 100)) / decades); };
    auto y = [&](double us) { return top + (height - top - bottom) * (1 - (std::log10(std::max(0.1, us)) - yLow) / (yHigh - yLow)); };
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                                 "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                      .arg(width)
                      .arg(height);
    const char *labels[] = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%", "99.99999%"};
    for (int d = 0; d <= static_cast<int>(decades) && d < 8; ++d) {
        const double gx = left + (width - left - right) * d / decades;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#ddd\"/><text x=\"%1\" y=\"%4\" text-anchor=\"middle\">%5</text>\n")
                   .arg(gx)
                   .arg(top)
                   .arg(height - bottom)
                   .arg(height - bottom + 16)
                   .arg(QString::fromLatin1(labels[d]));
    }
    for (double e = yLow; e <= yHigh; ++e) {
        const double gy = y(std::pow(10, e));
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/><text x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>\n")
                   .arg(left)
                   .arg(gy)
                   .arg(width - right)
                   .arg(left - 6)
                   .arg(gy + 4)
                   .arg(powerOfTenLabel(static_cast<int>(e)).toHtmlEscaped());
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">percentile</text>\n").arg((left + width - right) / 2).arg(height - bottom + 34);
    svg += QStringLiteral("<text transform=\"translate(14 %1) rotate(-90)\" text-anchor=\"middle\">latency</text>\n").arg((top + height - bottom) / 2);
    int legend = 0;
    for (const QJsonValue &r : results) {
        const QString tier = r[QStringLiteral("tier")].toString();
        QString points;
        for (const QJsonValue &point : r[QStringLiteral("distribution")].toArray())
            points += QStringLiteral("%1,%2 ").arg(x(point[0].toDouble()), 0, 'f', 1).arg(y(point[1].toDouble()), 0, 'f', 1);
        svg += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" points=\"%2\"/>\n").arg(colourOf(tier), points.trimmed());
        const double lx = left + 10 + 130 * legend++;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"14\" height=\"4\" fill=\"%3\"/><text x=\"%4\" y=\"%5\">%6</text>\n")
                   .arg(lx)
                   .arg(height - 12)
                   .arg(colourOf(tier))
                   .arg(lx + 20)
                   .arg(height - 6)
                   .arg(tierTitle(tier).toHtmlEscaped());
    }
    svg += QStringLiteral("</svg>\n");
    return svg.toUtf8();
}

QByteArray csvOf(const QJsonArray &results)
{
    QByteArray csv = "tier,requests,requests_per_second,p50_us,p90_us,p99_us,p999_us,max_us,non_2xx,socket_errors\n";
    for (const QJsonValue &r : results)
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10\n")
                   .arg(r[QStringLiteral("tier")].toString())
                   .arg(r[QStringLiteral("requests")].toInteger())
                   .arg(r[QStringLiteral("requests_per_second")].toDouble())
                   .arg(r[QStringLiteral("p50_us")].toDouble())
                   .arg(r[QStringLiteral("p90_us")].toDouble())
                   .arg(r[QStringLiteral("p99_us")].toDouble())
                   .arg(r[QStringLiteral("p999_us")].toDouble())
                   .arg(r[QStringLiteral("max_us")].toDouble())
                   .arg(r[QStringLiteral("non_2xx")].toInteger())
                   .arg(r[QStringLiteral("socket_errors")].toInteger())
                   .toUtf8();
    csv += "\ntier,percentile,latency_us\n";
    for (const QJsonValue &r : results)
        for (const QJsonValue &point : r[QStringLiteral("distribution")].toArray())
            csv += QStringLiteral("%1,%2,%3\n").arg(r[QStringLiteral("tier")].toString()).arg(point[0].toDouble()).arg(point[1].toDouble()).toUtf8();
    return csv;
}

QByteArray htmlOf(const project::Manifest &manifest, const QJsonObject &profile, const QByteArray &svg, const QStringList &pngs)
{
    const QJsonArray results = profile[QStringLiteral("results")].toArray();
    QString rows;
    for (const QJsonValue &r : results)
        rows += QStringLiteral("<tr><td><span class=\"dot\" style=\"background:%1\"></span>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                               "<td>%7</td><td>%8</td><td>%9</td><td>%10</td></tr>\n")
                    .arg(colourOf(r[QStringLiteral("tier")].toString()), tierTitle(r[QStringLiteral("tier")].toString()).toHtmlEscaped())
                    .arg(r[QStringLiteral("requests")].toInteger())
                    .arg(r[QStringLiteral("requests_per_second")].toDouble(), 0, 'f', 0)
                    .arg(micros(r[QStringLiteral("p50_us")].toDouble()), micros(r[QStringLiteral("p90_us")].toDouble()),
                         micros(r[QStringLiteral("p99_us")].toDouble()), micros(r[QStringLiteral("p999_us")].toDouble()),
                         micros(r[QStringLiteral("max_us")].toDouble()))
                    .arg(r[QStringLiteral("non_2xx")].toInteger() + r[QStringLiteral("socket_errors")].toInteger());
    QString verdict;
    if (profile.contains(QStringLiteral("jit_speedup")) && results.size() == 2 && results[1][QStringLiteral("p50_us")].toDouble() > 0)
        verdict = QStringLiteral("<p class=\"verdict\">The JIT served <b>%1×</b> the interpreter's requests per second, with a median latency "
                                 "<b>%2×</b> lower.</p>")
                      .arg(profile[QStringLiteral("jit_speedup")].toDouble(), 0, 'f', 2)
                      .arg(results[0][QStringLiteral("p50_us")].toDouble() / results[1][QStringLiteral("p50_us")].toDouble(), 0, 'f', 2);
    QString images;
    for (const QString &png : pngs)
        images += QStringLiteral("<p><img src=\"%1\" alt=\"%1\" style=\"max-width:100%\"></p>\n").arg(png.toHtmlEscaped());
    const QString load = profile[QStringLiteral("rate")].toDouble() > 0
                             ? QStringLiteral("%1 requests/s constant rate").arg(profile[QStringLiteral("rate")].toDouble())
                             : QStringLiteral("closed loop");
    const QString html = QStringLiteral(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%1: Hotpath profile report</title>
<style>
body { font-family: sans-serif; max-width: 820px; margin: 2em auto; color: #222; }
table { border-collapse: collapse; margin: 1em 0; } td, th { padding: 4px 10px; text-align: right; border-bottom: 1px solid #ddd; }
td:first-child, th:first-child { text-align: left; } .dot { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 6px; }
.verdict { font-size: 1.15em; } .meta { color: #666; }
</style></head><body>
<h1>%1</h1>
<p class="meta">%2 %3 · %4 connections · %5 s per tier · %6 · report made %7 by Hotpath %8</p>
%9
<table><tr><th>tier</th><th>requests</th><th>req/s</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>errors</th></tr>
%10</table>
<h2>Latency by percentile</h2>
%11
%12
<p class="meta">Measured by Hotpath's load generator (keep-alive HTTP/1.1; with a constant rate, latency counts from each request's scheduled time).
The numbers are in profile.csv and profile.json next to this file.</p>
</body></html>
)")
                             .arg(manifest.name.toHtmlEscaped(), profile[QStringLiteral("method")].toString().toHtmlEscaped(),
                                  profile[QStringLiteral("path")].toString().toHtmlEscaped())
                             .arg(profile[QStringLiteral("connections")].toInt())
                             .arg(profile[QStringLiteral("duration_s")].toDouble())
                             .arg(load, QDateTime::currentDateTime().toString(Qt::ISODate), QStringLiteral(HOTPATH_VERSION), verdict, rows,
                                  QString::fromUtf8(svg), images);
    return html.toUtf8();
}

} // namespace

Result writeReport(const QString &target, const project::Manifest &manifest, const QString &outDir, const ReportInputs &inputs)
{
    Result result;
    const QString profilePath = inputs.profileJson.isEmpty()
                                    ? QDir(QFileInfo(target).isDir() ? target : QFileInfo(target).absolutePath()).filePath(QStringLiteral(".hotpath/last-profile.json"))
                                    : inputs.profileJson;
    QFile file(profilePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: no profile run to report: run Profile… in the studio, or `hotpath bench %2 --tier compare`")
                           .arg(profilePath, target);
        return result;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject() || !document[QStringLiteral("results")].isArray()) {
        result.error = QStringLiteral("%1: not a profile run (%2)").arg(profilePath, parseError.errorString());
        return result;
    }
    if (!makeEmptyFolder(outDir, result.error))
        return result;
    const QJsonArray results = document[QStringLiteral("results")].toArray();
    const QByteArray svg = percentileSvg(results);
    QStringList pngs;
    for (auto it = inputs.png.begin(); it != inputs.png.end(); ++it)
        pngs << it.key();
    if (!writeInto(outDir, QStringLiteral("profile.json"), bytes, result) || !writeInto(outDir, QStringLiteral("profile.csv"), csvOf(results), result)
        || !writeInto(outDir, QStringLiteral("latency.svg"), svg, result)
        || !writeInto(outDir, QStringLiteral("report.html"), htmlOf(manifest, document.object(), svg, pngs), result))
        return result;
    for (auto it = inputs.png.begin(); it != inputs.png.end(); ++it)
        if (!writeInto(outDir, it.key(), it.value(), result))
            return result;
    result.ok = true;
    return result;
}

} // namespace hotpath::exporting
