// SPDX-License-Identifier: GPL-3.0-or-later
// The ceiling for `hotpath serve`: a bare QtHttpServer 6.4 answering "Hello, World!"
// from a C++ lambda on the main thread, nothing else. bench/http/run-http.sh runs wrk
// against it and against Hotpath side by side.
#include <QtCore/QCoreApplication>
#include <QtHttpServer/QHttpServer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 wanted = argc > 1 ? static_cast<quint16>(QByteArray(argv[1]).toUInt()) : 0;
    QHttpServer server;
    server.route(QStringLiteral("/"), [] { return QStringLiteral("Hello, World!"); });
    const quint16 port = server.listen(QHostAddress::LocalHost, wanted);
    if (!port)
        return 1;
    std::printf("listening on http://127.0.0.1:%u/\n", port);
    std::fflush(stdout);
    return QCoreApplication::exec();
}
