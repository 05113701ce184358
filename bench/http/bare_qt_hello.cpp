// SPDX-License-Identifier: GPL-3.0-or-later
// The ceiling for `hotpath serve`: a bare QtHttpServer 6.4 answering "Hello, World!"
// from a C++ lambda on the main thread, and /fib/<n> with the sample's function written
// in C (the same naive recursion), nothing else. bench/http/run-http.sh runs wrk against
// it and against Hotpath side by side.
#include <QtCore/QCoreApplication>
#include <QtHttpServer/QHttpServer>

#include <cstdio>

namespace {

// hello.py's fib, in C: n comes from the URL, so the compiler cannot fold it away.
long long fib(long long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 wanted = argc > 1 ? static_cast<quint16>(QByteArray(argv[1]).toUInt()) : 0;
    QHttpServer server;
    server.route(QStringLiteral("/"), [] { return QStringLiteral("Hello, World!"); });
    server.route(QStringLiteral("/fib/<arg>"), [](qint64 n) { return QString::number(fib(n)); });
    const quint16 port = server.listen(QHostAddress::LocalHost, wanted);
    if (!port)
        return 1;
    std::printf("listening on http://127.0.0.1:%u/\n", port);
    std::fflush(stdout);
    return QCoreApplication::exec();
}
