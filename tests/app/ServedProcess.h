// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For end-to-end tests of `hotpath serve`: the real process on a free port, and one
// HTTP/1.1 request per connection over a real socket.

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>
#include <QtCore/QThread>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace served {

// A plain blocking socket connected to 127.0.0.1:port, for tests that send raw bytes; -1
// when nothing listens.
inline int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

struct Reply
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

// One request on its own connection; status 0 when the server did not answer.
Reply request(quint16 port, const QByteArray &method, const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers = {},
              const QByteArray &body = {})
{
    Reply reply;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return reply;
    QByteArray text = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        text += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    text += "\r\n" + body;
    socket.write(text);
    QByteArray data;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (true) {
        if (headerEnd >= 0 && length >= 0 && data.size() >= headerEnd + 4 + length)
            break;
        if (!socket.waitForReadyRead(15000))
            break;
        data += socket.readAll();
        if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = data.left(headerEnd).split('\n');
            reply.status = lines.first().split(' ').value(1).toInt();
            for (qsizetype k = 1; k < lines.size(); ++k) {
                const qsizetype colon = lines[k].indexOf(':');
                reply.headers[lines[k].left(colon).trimmed().toLower()] = lines[k].mid(colon + 1).trimmed();
            }
            length = reply.headers.value("content-length", "0").toLongLong();
        }
    }
    if (headerEnd >= 0)
        reply.body = data.mid(headerEnd + 4, length);
    return reply;
}

// A `hotpath serve` process on a free port.
class Served
{
public:
    explicit Served(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(HOTPATH_CLI), QStringList{QStringLiteral("serve")} + arguments + QStringList{QStringLiteral("--port"), QStringLiteral("0")});
        QElapsedTimer timer;
        timer.start();
        while (port == 0 && timer.elapsed() < 30000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            m_log += m_process.readAllStandardOutput();
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("on http://127\\.0\\.0\\.1:(\\d+)/")).match(QString::fromUtf8(m_log));
            if (m.hasMatch())
                port = static_cast<quint16>(m.captured(1).toUInt());
        }
    }
    ~Served()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            m_process.waitForFinished(10000);
        }
    }
    // SIGTERM, then the exit code (-1 if it crashed or hung).
    int stop()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(60000)) {
            m_errors += "(still running 60 s after SIGTERM)";
            return -1;
        }
        m_log += m_process.readAllStandardOutput();
        if (m_process.exitStatus() != QProcess::NormalExit)
            m_errors += "(crashed) " + m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QByteArray log()
    {
        m_log += m_process.readAllStandardOutput();
        return m_log;
    }
    QByteArray errors() { return m_errors += m_process.readAllStandardError(); }
    qint64 pid() const { return m_process.processId(); }

    quint16 port = 0;

private:
    QProcess m_process;
    QByteArray m_log;
    QByteArray m_errors;
};

#ifdef HOTPATH_SHIM_DIR
// The same handler files served by Flask through the repo's shim (python3 -m
// hotpath.flask_app), on a free port; port 0 when python3-flask is missing or it never
// answered `readyPath`.
class FlaskShim
{
public:
    FlaskShim(const QString &target, const QByteArray &readyPath)
    {
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import flask")}) != 0)
            return;
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return;
        const quint16 free = probe.serverPort();
        probe.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(HOTPATH_SHIM_DIR));
        environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral("-m"), QStringLiteral("hotpath.flask_app"), target, QStringLiteral("--port"), QString::number(free)});
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && m_process.state() != QProcess::NotRunning) {
            if (request(free, "GET", readyPath).status != 0) {
                port = free;
                return;
            }
            QThread::msleep(100);
        }
    }
    ~FlaskShim()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }

    quint16 port = 0;

private:
    QProcess m_process;
};
#endif

// Stops the server and checks it exited cleanly, showing its stderr when it did not.
#define QCOMPARE_CLEAN_STOP(server)                                                                \
    do {                                                                                           \
        const int code = (server).stop();                                                          \
        QVERIFY2(code == 0, ("exit code " + QByteArray::number(code) + ": " + (server).errors()).constData()); \
    } while (false)

QString writeFile(const QString &dir, const QString &name, const QByteArray &text)
{
    const QString path = QDir(dir).filePath(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
    file.commit();
    return path;
}

} // namespace served
