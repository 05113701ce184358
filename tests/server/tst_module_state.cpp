// SPDX-License-Identifier: GPL-3.0-or-later
// Module state shared by threads, in one process so ThreadSanitizer sees every access
// (the tsan preset runs it): writers in both tiers, readers and the studio's snapshot at
// once, through the real dispatch() and its reader/writer lock. The state holds dicts
// keyed by str, int and tuple, a list, a set and Optional values.
#include "hotpath/server/Dispatch.h"
#include "hotpath/server/Version.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <atomic>
#include <thread>

using namespace hotpath;

namespace {

server::HttpResponse get(const server::Version &version, const char *path, const char *tier)
{
    server::HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.headers.emplace_back("X-Hotpath-Tier", tier);
    return server::dispatch(version, request, {});
}

} // namespace

class TestModuleState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writersReadersAndSnapshotsTogether()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from hotpath import get\n\n"
                   "HITS: dict[str, int] = {'n': 0}\n"
                   "NAMES: list[str] = []\n"
                   "SEEN: set[str] = set()\n"
                   "LAST: dict[str, int | None] = {'n': None}\n"
                   "BY_ID: dict[int, str] = {}\n"
                   "CELLS: dict[tuple[int, int], int] = {}\n\n"
                   "@get('/hit')\n"
                   "def hit() -> int:\n"
                   "    HITS['n'] = HITS['n'] + 1\n"
                   "    NAMES.append(f'name{HITS[\"n\"]}')\n"
                   "    SEEN.add(NAMES[-1])\n"
                   "    LAST['n'] = HITS['n']\n"
                   "    BY_ID[HITS['n']] = NAMES[-1]\n"
                   "    cell = (HITS['n'] % 7, HITS['n'] % 3)\n"
                   "    CELLS[cell] = CELLS.get(cell, 0) + 1\n"
                   "    return HITS['n']\n\n"
                   "@get('/count')\n"
                   "def count() -> str:\n"
                   "    longest = ''\n"
                   "    for name in NAMES:\n"
                   "        if len(name) > len(longest):\n"
                   "            longest = name\n"
                   "    last = LAST.get('n')\n"
                   "    newest = NAMES[-1] if NAMES else ''\n"
                   "    return (f\"{HITS['n']} {len(NAMES)} {longest != '' or HITS['n'] == 0} {len(SEEN)} \"\n"
                   "            f\"{(last or 0) == HITS['n'] and (newest in SEEN or newest == '')} \"\n"
                   "            f\"{len(BY_ID) == HITS['n'] and sum(CELLS.values()) == HITS['n']}\")\n");
        file.close();
        QStringList errors;
        const std::shared_ptr<server::Version> version = server::Version::build(path, {}, nullptr, errors);
        QVERIFY2(version, qPrintable(errors.join(QLatin1Char('\n'))));

        constexpr int writers = 3, perWriter = 1500;
        std::atomic<int> failures{0}, torn{0}, snapshots{0};
        std::atomic<bool> done{false};
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w)
            threads.emplace_back([&, w] {
                for (int k = 0; k < perWriter; ++k)
                    if (get(*version, "/hit", (w + k) % 2 ? "jit" : "interp").status != 200)
                        ++failures;
            });
        std::thread reader([&] {
            while (!done) {
                const server::HttpResponse r = get(*version, "/count", "jit");
                const QList<QByteArray> parts = QByteArray::fromStdString(r.body).split(' ');
                if (r.status != 200 || parts.size() != 6 || parts[0] != parts[1] || parts[2] != "True" || parts[3] != parts[0]
                    || parts[4] != "True" || parts[5] != "True")
                    ++torn;
            }
        });
        std::thread snapshotter([&] {
            while (!done) {
                bool busy = false;
                for (const server::StateVariable &v : version->stateSnapshot(std::chrono::milliseconds(1), &busy))
                    if (v.name == QStringLiteral("NAMES") && !v.preview.startsWith(QLatin1Char('[')))
                        ++torn;
                ++snapshots;
            }
        });
        for (std::thread &t : threads)
            t.join();
        done = true;
        reader.join();
        snapshotter.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(torn.load(), 0);
        QVERIFY(snapshots.load() > 0);
        const std::string expected = std::to_string(writers * perWriter);
        QCOMPARE(get(*version, "/count", "interp").body, expected + " " + expected + " True " + expected + " True True");
    }
};

QTEST_GUILESS_MAIN(TestModuleState)
#include "tst_module_state.moc"
