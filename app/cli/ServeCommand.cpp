// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath serve PROJECT|FILE.py`: serve a project headless, with an access log, hot
// reload on file changes (--watch) and a clean shutdown on SIGINT/SIGTERM.

#include "Commands.h"

#include "hotpath/server/Server.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QFileSystemWatcher>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <mutex>

namespace hotpath::cli {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

std::mutex logMutex;

void logLine(const std::string &line)
{
    std::lock_guard lock(logMutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// "GET /fib/20 200 jit 153us", then the handler's print() lines and any error.
void logRequest(const server::RequestRecord &r)
{
    std::string line = r.method + " " + r.path + " " + std::to_string(r.status);
    if (r.handled)
        line += std::string(" ") + metrics::tierName(r.tier);
    line += " " + std::to_string(r.totalNs / 1000) + "us";
    if (!r.failure.empty())
        line += "  " + r.failure;
    std::size_t at = 0;
    while (at < r.output.size()) {
        const std::size_t end = r.output.find('\n', at);
        line += "\n  | " + r.output.substr(at, end == std::string::npos ? std::string::npos : end - at);
        at = end == std::string::npos ? r.output.size() : end + 1;
    }
    logLine(line);
}

QStringList watchedFiles(const QString &target)
{
    QFileInfo info(target);
    if (!info.isDir())
        return {info.absoluteFilePath()};
    QStringList files{QDir(target).absoluteFilePath(QStringLiteral("hotpath.json"))};
    for (const QString &name : QDir(target).entryList({QStringLiteral("*.py")}, QDir::Files))
        files << QDir(target).absoluteFilePath(name);
    return files;
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serve a project folder (with hotpath.json), or a single handler file with default\n"
        "settings, over HTTP. Prints the URL, then one access-log line per request:\n"
        "method, path, status, tier, microseconds. GET /healthz and GET /metrics\n"
        "(Prometheus) are built in. SIGINT/SIGTERM finish in-flight requests, then exit."));
    parser.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on (default: the project's, else 127.0.0.1)."),
                                  QStringLiteral("H"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (default: the project's, else 8080; 0: any free port)."),
                                  QStringLiteral("P"));
    const QCommandLineOption tier(QStringLiteral("tier"),
                                  QStringLiteral("Default tier: auto (interpreter until the JIT is ready), interp or jit."),
                                  QStringLiteral("tier"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Socket threads (default: the project's, else 1)."),
                                     QStringLiteral("N"));
    const QCommandLineOption handlerThreads(QStringLiteral("handler-threads"),
                                            QStringLiteral("Handler threads kept ready (default: the project's, else one per core)."),
                                            QStringLiteral("N"));
    const QCommandLineOption opt(QStringLiteral("opt"), QStringLiteral("JIT optimisation level 0-3 (default: the project's, else 2)."),
                                 QStringLiteral("level"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Handler deadline in seconds (default: the project's, else 2)."),
                                     QStringLiteral("S"));
    const QCommandLineOption watch(QStringLiteral("watch"), QStringLiteral("Reload when a project file changes."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No access log."));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
                                     QStringLiteral("Largest request body in bytes (default: the project's, else 1048576)."),
                                     QStringLiteral("BYTES"));
    const QCommandLineOption noMetrics(QStringLiteral("no-metrics"), QStringLiteral("Record no metrics (to measure what they cost)."));
    parser.addOptions({host, port, tier, threads, handlerThreads, opt, timeout, watch, quiet, maxBody, noMetrics});
    parser.addPositionalArgument(QStringLiteral("target"), QStringLiteral("Project folder or .py file."), QStringLiteral("PROJECT|FILE.py"));
    if (int exit = ExitOk; !parseCommandLine(parser, "serve", arguments, exit))
        return exit;
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "hotpath serve: expected one PROJECT folder or FILE.py\n");
        return ExitUsage;
    }
    const QString target = parser.positionalArguments().first();
    if (!QFileInfo::exists(target)) {
        std::fprintf(stderr, "hotpath serve: %s: no such file or folder\n", qPrintable(target));
        return ExitUsage;
    }

    // The project's settings (hotpath.json), then the flags given here.
    server::ServerOptions options = server::optionsForTarget(target);
    options.host = parser.value(host);
    bool ok = true;
    if (parser.isSet(port)) {
        options.port = parser.value(port).toInt(&ok);
        if (!ok || options.port < 0 || options.port > 65535) {
            std::fprintf(stderr, "hotpath serve: --port must be 0-65535\n");
            return ExitUsage;
        }
    }
    if (parser.isSet(tier)) {
        const QString t = parser.value(tier);
        if (t == QStringLiteral("auto"))
            options.tier = server::TierChoice::Auto;
        else if (t == QStringLiteral("interp"))
            options.tier = server::TierChoice::Interp;
        else if (t == QStringLiteral("jit"))
            options.tier = server::TierChoice::Jit;
        else {
            std::fprintf(stderr, "hotpath serve: --tier must be auto, interp or jit\n");
            return ExitUsage;
        }
    }
    if (parser.isSet(threads)) {
        options.threads = parser.value(threads).toInt(&ok);
        if (!ok || options.threads < 1 || options.threads > 64) {
            std::fprintf(stderr, "hotpath serve: --threads must be 1-64\n");
            return ExitUsage;
        }
    }
    if (parser.isSet(handlerThreads)) {
        options.handlerThreads = parser.value(handlerThreads).toInt(&ok);
        if (!ok || options.handlerThreads < 1 || options.handlerThreads > 64) {
            std::fprintf(stderr, "hotpath serve: --handler-threads must be 1-64\n");
            return ExitUsage;
        }
    }
    if (parser.isSet(opt) && !jit::parseOptLevel(parser.value(opt).toStdString(), options.opt)) {
        std::fprintf(stderr, "hotpath serve: --opt must be 0, 1, 2 or 3\n");
        return ExitUsage;
    }
    if (parser.isSet(timeout)) {
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0) {
            std::fprintf(stderr, "hotpath serve: --timeout must be a positive number of seconds\n");
            return ExitUsage;
        }
        options.limits.timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    }

    if (parser.isSet(maxBody)) {
        options.maxBodyBytes = parser.value(maxBody).toLongLong(&ok);
        if (!ok || options.maxBodyBytes < 0) {
            std::fprintf(stderr, "hotpath serve: --max-body must be a number of bytes\n");
            return ExitUsage;
        }
    }
    options.recordMetrics = !parser.isSet(noMetrics);
    server::Server server(target, options);
    if (!parser.isSet(quiet))
        server.setRequestLog(&logRequest);
    QStringList errors;
    if (!server.start(errors)) {
        for (const QString &e : errors)
            std::fprintf(stderr, "%s\n", qPrintable(e));
        return ExitErrors;
    }
    const auto version = server.current();
    logLine("Serving " + version->name().toStdString() + " on " + server.url().toStdString() + " ("
            + std::to_string(version->routes().routes().size()) + " endpoints, bytecode in "
            + std::to_string(static_cast<int>(version->bytecodeMs())) + " ms; JIT compiling)");
    for (const server::Route &route : version->routes().routes()) {
        std::string methods;
        for (const std::string &m : route.methods)
            methods += (methods.empty() ? "" : ",") + m;
        logLine("  " + methods + " " + route.pattern);
    }

    // Signals arrive through a pipe so the event loop, not the handler, shuts down.
    if (::pipe(signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        logLine("Shutting down: finishing in-flight requests");
        server.stop();
        QCoreApplication::quit();
    });

    // Announce the JIT once it is ready.
    QTimer jitWatch;
    std::shared_ptr<const server::Version> announced;
    QObject::connect(&jitWatch, &QTimer::timeout, [&] {
        const auto current = server.current();
        if (current != announced && current->jitReady()) {
            announced = current;
            logLine("JIT ready in " + std::to_string(static_cast<int>(current->jitCompileMs())) + " ms");
        }
    });
    jitWatch.start(20);

    QFileSystemWatcher watcher;
    QTimer debounce;
    debounce.setSingleShot(true);
    debounce.setInterval(150);
    if (parser.isSet(watch)) {
        watcher.addPaths(watchedFiles(target));
        auto changed = [&] { debounce.start(); };
        QObject::connect(&watcher, &QFileSystemWatcher::fileChanged, changed);
        QObject::connect(&debounce, &QTimer::timeout, [&] {
            // Editors replace files on save: watch the new ones.
            if (!watcher.files().isEmpty())
                watcher.removePaths(watcher.files());
            watcher.addPaths(watchedFiles(target));
            const server::ReloadResult result = server.reload();
            if (result.ok) {
                logLine("Reloaded " + target.toStdString());
                for (const QString &change : result.stateChanges)
                    logLine("  state " + change.toStdString());
            } else {
                logLine("Reload failed; the previous version keeps serving:");
                for (const QString &e : result.errors)
                    logLine("  " + e.toStdString());
            }
        });
    }
    const int code = QCoreApplication::exec();
    server.stop();
    return code == 0 ? ExitOk : ExitErrors;
}

} // namespace hotpath::cli
