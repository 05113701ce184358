// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath bench URL|PROJECT`: load an endpoint and report throughput and latency per
// tier; with a project it serves it in-process first. `--tier compare` runs both tiers
// under the same load and prints them side by side with the JIT/interpreter ratio.

#include "Commands.h"

#include "hotpath/loadgen/LoadGenerator.h"
#include "hotpath/loadgen/ProfileJson.h"
#include "hotpath/server/Server.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QUrl>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

namespace hotpath::cli {

namespace {

struct TierRun
{
    std::string tier;
    loadgen::LoadResult result;
};

std::string micros(std::int64_t ns) { return metrics::formatLatency(ns, true); }

void printTable(const std::vector<TierRun> &runs)
{
    std::printf("| tier | requests | req/s | p50 | p90 | p99 | p99.9 | max | errors |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const TierRun &run : runs) {
        const loadgen::LoadResult &r = run.result;
        const metrics::HistogramSnapshot &h = r.latency;
        std::printf("| %s | %llu | %.0f | %s | %s | %s | %s | %s | %llu |\n", run.tier.c_str(), static_cast<unsigned long long>(r.requests),
                    r.requestsPerSecond(), micros(h.percentileNs(50)).c_str(), micros(h.percentileNs(90)).c_str(),
                    micros(h.percentileNs(99)).c_str(), micros(h.percentileNs(99.9)).c_str(), micros(h.maxNs()).c_str(),
                    static_cast<unsigned long long>(r.non2xx + r.socketErrors));
    }
    if (runs.size() == 2 && runs[0].result.requestsPerSecond() > 0 && runs[1].result.latency.percentileNs(50) > 0)
        std::printf("\nJIT / interpreter: %.2fx the requests/s, p50 %.2fx lower, p99 %.2fx lower\n",
                    runs[1].result.requestsPerSecond() / runs[0].result.requestsPerSecond(),
                    static_cast<double>(runs[0].result.latency.percentileNs(50)) / static_cast<double>(runs[1].result.latency.percentileNs(50)),
                    static_cast<double>(runs[0].result.latency.percentileNs(99)) / static_cast<double>(std::max<std::int64_t>(1, runs[1].result.latency.percentileNs(99))));
}

} // namespace

int runBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load an endpoint with keep-alive HTTP/1.1 connections and report requests/s and\n"
        "latency percentiles. TARGET is a URL, or a project folder / .py file that is served\n"
        "in-process first. --tier compare runs the interpreter and the JIT under the same load."));
    parser.addHelpOption();
    const QCommandLineOption path(QStringLiteral("path"), QStringLiteral("Request path with query (default: the URL's, else /)."), QStringLiteral("PATH"));
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("HTTP method (default GET)."), QStringLiteral("M"), QStringLiteral("GET"));
    const QCommandLineOption header(QStringLiteral("header"), QStringLiteral("Extra header 'Name: value' (repeatable)."), QStringLiteral("H"));
    const QCommandLineOption body(QStringLiteral("body"), QStringLiteral("Request body."), QStringLiteral("TEXT"));
    const QCommandLineOption connections(QStringLiteral("connections"), QStringLiteral("Connections (default 16)."), QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Seconds per tier (default 10)."), QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption requests(QStringLiteral("requests"), QStringLiteral("Stop after N requests instead."), QStringLiteral("N"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Constant rate in requests/s (latency corrected for coordinated omission)."),
                                  QStringLiteral("R"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Client threads (default 1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption tier(QStringLiteral("tier"), QStringLiteral("interp, jit, compare, or none (no tier header)."), QStringLiteral("tier"),
                                  QStringLiteral("compare"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the results as JSON."));
    parser.addOptions({path, method, header, body, connections, duration, requests, rate, threads, tier, json});
    parser.addPositionalArgument(QStringLiteral("target"), QStringLiteral("URL, project folder or .py file."), QStringLiteral("URL|PROJECT"));
    if (int exit = ExitOk; !parseCommandLine(parser, "bench", arguments, exit))
        return exit;
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "hotpath bench: expected one URL or PROJECT\n");
        return ExitUsage;
    }
    loadgen::LoadOptions options;
    bool ok = true;
    options.connections = parser.value(connections).toInt(&ok);
    if (!ok || options.connections < 1 || options.connections > 10000) {
        std::fprintf(stderr, "hotpath bench: --connections must be 1-10000\n");
        return ExitUsage;
    }
    options.durationSeconds = parser.value(duration).toDouble(&ok);
    if (!ok || options.durationSeconds <= 0) {
        std::fprintf(stderr, "hotpath bench: --duration must be a positive number of seconds\n");
        return ExitUsage;
    }
    if (parser.isSet(requests) && ((options.requests = parser.value(requests).toLongLong(&ok)), !ok || options.requests < 1)) {
        std::fprintf(stderr, "hotpath bench: --requests must be a positive count\n");
        return ExitUsage;
    }
    if (parser.isSet(rate) && ((options.rate = parser.value(rate).toDouble(&ok)), !ok || options.rate <= 0)) {
        std::fprintf(stderr, "hotpath bench: --rate must be a positive number of requests per second\n");
        return ExitUsage;
    }
    options.threads = parser.value(threads).toInt(&ok);
    if (!ok || options.threads < 1 || options.threads > 64) {
        std::fprintf(stderr, "hotpath bench: --threads must be 1-64\n");
        return ExitUsage;
    }
    const QString tierName = parser.value(tier);
    std::vector<std::string> tiers;
    if (tierName == QStringLiteral("compare"))
        tiers = {"interp", "jit"};
    else if (tierName == QStringLiteral("interp") || tierName == QStringLiteral("jit") || tierName == QStringLiteral("none"))
        tiers = {tierName.toStdString()};
    else {
        std::fprintf(stderr, "hotpath bench: --tier must be interp, jit, compare or none\n");
        return ExitUsage;
    }
    options.method = parser.value(method).toUpper().toStdString();
    options.body = parser.value(body).toStdString();
    for (const QString &h : parser.values(header)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            std::fprintf(stderr, "hotpath bench: --header must be 'Name: value', not '%s'\n", qPrintable(h));
            return ExitUsage;
        }
        options.headers.emplace_back(h.left(colon).trimmed().toStdString(), h.mid(colon + 1).trimmed().toStdString());
    }

    // The target: a running server, or a project served here.
    const QString target = parser.positionalArguments().first();
    std::unique_ptr<server::Server> local;
    if (target.startsWith(QStringLiteral("http://"))) {
        const QUrl url(target);
        if (!url.isValid() || url.host().isEmpty()) {
            std::fprintf(stderr, "hotpath bench: '%s' is not a URL\n", qPrintable(target));
            return ExitUsage;
        }
        options.host = url.host().toStdString();
        options.port = url.port(80);
        options.path = url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded).toStdString();
        if (options.path.empty())
            options.path = "/";
    } else if (QFileInfo::exists(target)) {
        server::ServerOptions serving;
        serving.port = 0;
        serving.host = QStringLiteral("127.0.0.1");
        local = std::make_unique<server::Server>(target, serving);
        QStringList errors;
        if (!local->start(errors)) {
            for (const QString &e : errors)
                std::fprintf(stderr, "%s\n", qPrintable(e));
            return ExitErrors;
        }
        options.port = local->port();
        // Measure native code, not the compiler: wait for the JIT.
        while (!local->current()->jitReady())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } else {
        std::fprintf(stderr, "hotpath bench: %s: not a URL, project folder or file\n", qPrintable(target));
        return ExitUsage;
    }
    if (parser.isSet(path))
        options.path = parser.value(path).toStdString();

    const bool interactive = isatty(STDERR_FILENO);
    std::vector<TierRun> runs;
    for (const std::string &t : tiers) {
        loadgen::LoadOptions run = options;
        if (t != "none")
            run.headers.emplace_back("X-Hotpath-Tier", t);
        // A short warm-up, so connections and caches are set up before timing.
        loadgen::LoadOptions warm = run;
        warm.durationSeconds = std::min(1.0, run.durationSeconds / 5);
        warm.requests = 0;
        (void)loadgen::runLoad(warm);
        TierRun result{t, loadgen::runLoad(run, [&](std::uint64_t answered, double seconds) {
                           if (interactive)
                               std::fprintf(stderr, "\r  %-6s %4.0f s  %10llu requests  %8.0f req/s", t.c_str(), seconds,
                                            static_cast<unsigned long long>(answered), static_cast<double>(answered) / seconds);
                       })};
        if (interactive)
            std::fprintf(stderr, "\r%70s\r", "");
        if (!result.result.error.empty()) {
            std::fprintf(stderr, "hotpath bench: %s\n", result.result.error.c_str());
            return ExitErrors;
        }
        runs.push_back(std::move(result));
    }
    loadgen::TierResults results;
    for (const TierRun &run : runs)
        results.emplace_back(run.tier, run.result);
    const std::string profile = loadgen::profileJson(options, results);
    // Profiling a project keeps the run with it, for `hotpath export --format report`.
    if (local && QFileInfo(target).isDir() && QDir(target).mkpath(QStringLiteral(".hotpath"))) {
        QSaveFile saved(QDir(target).filePath(QStringLiteral(".hotpath/last-profile.json")));
        if (saved.open(QIODevice::WriteOnly) && saved.write(profile.data(), static_cast<qint64>(profile.size())) >= 0)
            saved.commit();
    }
    if (parser.isSet(json)) {
        std::fputs(profile.c_str(), stdout);
    } else {
        std::printf("hotpath bench: %s %s on %s:%d, %d connections, %s\n\n", options.method.c_str(), options.path.c_str(), options.host.c_str(),
                    options.port, options.connections,
                    options.rate > 0 ? qPrintable(QStringLiteral("%1 req/s constant rate").arg(options.rate))
                                     : options.requests > 0 ? qPrintable(QStringLiteral("%1 requests").arg(options.requests))
                                                            : qPrintable(QStringLiteral("%1 s per tier").arg(options.durationSeconds)));
        printTable(runs);
    }
    if (local)
        local->stop();
    return ExitOk;
}

} // namespace hotpath::cli
