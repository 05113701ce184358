// SPDX-License-Identifier: GPL-3.0-or-later
// Module-level state under real load: the real `hotpath serve` process, 16 keep-alive
// connections from core/loadgen, every tier and worker count. A counter in a module-level
// dict must end equal to the number of 200 answers, the server must stay up, and a hot
// reload must keep the data (same types) or reset it (changed type) without a failed
// request.
#include "ServedProcess.h"

#include "hotpath/loadgen/LoadGenerator.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>

#include <thread>

using namespace served;
using hotpath::loadgen::LoadOptions;
using hotpath::loadgen::LoadResult;
using hotpath::loadgen::runLoad;

namespace {

// The issue's reproducer, plus a reader and a `global` counter.
const char *counterApp = R"(from hotpath import get

HITS: dict[str, int] = {"n": 0}
LOG: list[str] = []
served = 0


def bump() -> None:
    global served
    served += 1


@get("/hit")
def hit() -> int:
    HITS["n"] = HITS["n"] + 1
    LOG.append("x")
    bump()
    return HITS["n"]


@get("/count")
def count() -> str:
    return f"{HITS['n']} {len(LOG)} {served}"
)";

LoadOptions load(quint16 port, const char *path, const QString &tier)
{
    LoadOptions options;
    options.port = port;
    options.path = path;
    options.connections = 16;
    options.headers.emplace_back("X-Hotpath-Tier", tier.toStdString());
    return options;
}

} // namespace

class TestState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counterCountsEveryAnswer_data()
    {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<int>("threads");
        for (const char *tier : {"interp", "jit"})
            for (int threads : {1, 2, 4})
                QTest::addRow("%s-%d", tier, threads) << QString::fromLatin1(tier) << threads;
    }

    // 16 concurrent keep-alive connections hammer a read-modify-write of module state.
    void counterCountsEveryAnswer()
    {
        QFETCH(QString, tier);
        QFETCH(int, threads);
        QTemporaryDir dir;
        const QString app = writeFile(dir.path(), QStringLiteral("app.py"), counterApp);
        Served server({app, QStringLiteral("--threads"), QString::number(threads), QStringLiteral("--quiet")});
        QVERIFY2(server.port, server.errors().constData());
        LoadOptions options = load(server.port, "/hit", tier);
        options.requests = 6000;
        const LoadResult result = runLoad(options);
        QCOMPARE(result.socketErrors, 0u);
        QCOMPARE(result.non2xx, 0u);
        QCOMPARE(result.requests, 6000u);
        const Reply count = request(server.port, "GET", "/count", {{"X-Hotpath-Tier", tier.toUtf8()}});
        QCOMPARE(count.status, 200);
        QCOMPARE(count.body, QByteArray("6000 6000 6000"));
        QCOMPARE_CLEAN_STOP(server);
    }

    // Readers run alongside each other and alongside the writers' turns; every reader
    // sees a consistent store (the dict and the list always agree).
    void readersSeeConsistentState()
    {
        QTemporaryDir dir;
        const QString app = writeFile(dir.path(), QStringLiteral("app.py"), R"(from hotpath import get

STORE: dict[str, list[int]] = {}
TOTAL: list[int] = [0]


@get("/put/<int:n>")
def put(n: int) -> int:
    key = f"k{n % 50}"
    items = STORE.setdefault(key, [])
    items.append(n)
    TOTAL[0] = TOTAL[0] + 1
    return len(items)


@get("/check")
def check() -> str:
    seen = 0
    for key, items in STORE.items():
        seen += len(items)
    assert seen == TOTAL[0], f"torn: {seen} != {TOTAL[0]}"  # a 500, which the load counts
    return "ok"
)");
        Served server({app, QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--quiet")});
        QVERIFY2(server.port, server.errors().constData());
        LoadResult writes, reads;
        std::thread writer([&] {
            LoadOptions options = load(server.port, "/put/7", QStringLiteral("jit"));
            options.connections = 8;
            options.requests = 4000;
            writes = runLoad(options);
        });
        std::thread reader([&] {
            LoadOptions options = load(server.port, "/check", QStringLiteral("interp"));
            options.connections = 8;
            options.requests = 4000;
            reads = runLoad(options);
        });
        writer.join();
        reader.join();
        QCOMPARE(writes.non2xx + writes.socketErrors, 0u);
        QCOMPARE(reads.non2xx + reads.socketErrors, 0u);
        QCOMPARE(request(server.port, "GET", "/check").body, QByteArray("ok"));
        QCOMPARE(request(server.port, "GET", "/put/7").body, QByteArray("4001"));
        QCOMPARE_CLEAN_STOP(server);
    }

    // Saving a handler keeps the data of names whose types did not change, and resets
    // (and reports) the one whose type did, while clients keep writing: no request fails
    // and the counter still equals the number of answers.
    void reloadKeepsOrResetsStateUnderLoad()
    {
        QTemporaryDir dir;
        writeFile(dir.path(), QStringLiteral("hotpath.json"), R"({"format": 1, "name": "state", "files": ["app.py"]})");
        writeFile(dir.path(), QStringLiteral("app.py"), counterApp);
        Served server({dir.path(), QStringLiteral("--watch"), QStringLiteral("--quiet")});
        QVERIFY2(server.port, server.errors().constData());
        std::atomic<bool> stop{false};
        LoadResult hits;
        std::thread client([&] {
            // Rounds of a fixed count, each waiting for all its answers, so that no
            // request is in flight (counted by the server, not yet by us) at the end.
            LoadOptions options = load(server.port, "/hit", QStringLiteral("jit"));
            options.connections = 4;
            options.requests = 200;
            while (!stop) {
                const LoadResult round = runLoad(options);
                hits.requests += round.requests;
                hits.non2xx += round.non2xx;
                hits.socketErrors += round.socketErrors;
            }
        });
        QTest::qWait(400);
        // 1. A new handler body, same module-level names and types.
        QByteArray edited = QByteArray(counterApp).replace("return HITS[\"n\"]", "return HITS[\"n\"] + 0");
        writeFile(dir.path(), QStringLiteral("app.py"), edited);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("state app.py: HITS kept"), 10000);
        QVERIFY(server.log().contains("state app.py: LOG kept"));
        QTest::qWait(300);
        // 2. LOG changes type: it starts again from [], HITS keeps counting.
        edited.replace("LOG: list[str] = []", "LOG: list[int] = []").replace("LOG.append(\"x\")", "LOG.append(1)");
        writeFile(dir.path(), QStringLiteral("app.py"), edited);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("state app.py: LOG reset: its type changed from list[str] to list[int]"), 10000);
        QVERIFY(server.log().contains("state app.py: some state was kept and some reset"));
        QTest::qWait(300);
        stop = true;
        client.join();
        QCOMPARE(hits.socketErrors, 0u);
        QCOMPARE(hits.non2xx, 0u);
        QVERIFY(hits.requests > 100);
        const QList<QByteArray> parts = request(server.port, "GET", "/count").body.split(' ');
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0].toULongLong(), hits.requests); // kept across both reloads
        QCOMPARE(parts[2].toULongLong(), hits.requests); // the `global` int too
        QVERIFY(parts[1].toULongLong() < hits.requests); // reset by the second reload
        QCOMPARE_CLEAN_STOP(server);
    }

    // The todo API as Flask users write it: state keyed by int ids and by (x, y) cells,
    // answered as JSON with the keys as json.dumps writes them, kept across a hot reload.
    void intAndTupleKeyedStateServesAndSurvivesReload()
    {
        QTemporaryDir dir;
        writeFile(dir.path(), QStringLiteral("hotpath.json"), R"({"format": 1, "name": "todos", "files": ["app.py"]})");
        const char *todoApp = R"(from dataclasses import dataclass
from hotpath import Request, Response, get, post


@dataclass
class Todo:
    id: int
    title: str
    done: bool = False


@dataclass
class NewTodo:
    title: str


TODOS: dict[int, Todo] = {}
CELLS: dict[tuple[int, int], int] = {}
next_id = 1


@post("/todos")
def create(req: Request) -> Todo:
    global next_id
    todo = Todo(next_id, req.json(NewTodo).title)
    TODOS[todo.id] = todo
    next_id += 1
    return todo


@get("/todos")
def all_todos() -> dict[int, Todo]:
    return TODOS


@get("/todos/<int:todo_id>")
def one(todo_id: int) -> Response:
    todo = TODOS.get(todo_id)
    if todo is None:
        return Response('{"error": "no such todo"}', 404, "application/json")
    return Response(todo.title)


@get("/visit/<int:x>/<int:y>")
def visit(x: int, y: int) -> int:
    cell = (x // 10, y // 10)
    CELLS[cell] = CELLS.get(cell, 0) + 1
    return CELLS[cell]


@get("/cells")
def cells() -> list[tuple[int, int, int]]:
    return sorted([(x, y, n) for (x, y), n in CELLS.items()])
)";
        writeFile(dir.path(), QStringLiteral("app.py"), todoApp);
        Served server({dir.path(), QStringLiteral("--watch"), QStringLiteral("--quiet")});
        QVERIFY2(server.port, server.errors().constData());
        const QList<QPair<QByteArray, QByteArray>> json = {{"Content-Type", "application/json"}};
        for (const char *title : {"write", "test", "ship"})
            QCOMPARE(request(server.port, "POST", "/todos", json, QByteArray("{\"title\": \"") + title + "\"}").status, 200);
        for (const char *at : {"/visit/1/2", "/visit/5/5", "/visit/15/3", "/visit/99/99"})
            QCOMPARE(request(server.port, "GET", at).status, 200);
        const QByteArray expected = R"({"1":{"id":1,"title":"write","done":false},"2":{"id":2,"title":"test","done":false},)"
                                    R"("3":{"id":3,"title":"ship","done":false}})";
        QCOMPARE(request(server.port, "GET", "/todos").body, expected);
        QCOMPARE(request(server.port, "GET", "/todos/2").body, QByteArray("test"));
        QCOMPARE(request(server.port, "GET", "/todos/7").status, 404);
        QCOMPARE(request(server.port, "GET", "/cells").body, QByteArray("[[0,0,2],[1,0,1],[9,9,1]]"));
        // The OpenAPI document says the ids arrive as digit strings.
        const QJsonObject schema = QJsonDocument::fromJson(request(server.port, "GET", "/openapi.json").body)
                                       .object()[QStringLiteral("paths")][QStringLiteral("/todos")][QStringLiteral("get")]
                                           [QStringLiteral("responses")][QStringLiteral("200")][QStringLiteral("content")]
                                               [QStringLiteral("application/json")][QStringLiteral("schema")].toObject();
        QCOMPARE(schema[QStringLiteral("propertyNames")][QStringLiteral("pattern")].toString(), QStringLiteral("^-?[0-9]+$"));

        // A new endpoint: every name keeps its type, so every value moves to the new version.
        QByteArray edited = QByteArray(todoApp) + "\n\n@get(\"/count\")\ndef count() -> int:\n    return len(TODOS)\n";
        writeFile(dir.path(), QStringLiteral("app.py"), edited);
        QTRY_COMPARE_WITH_TIMEOUT(request(server.port, "GET", "/count").body, QByteArray("3"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("state app.py: TODOS kept"), 10000); // the log may lag the answer
        QCOMPARE(request(server.port, "GET", "/todos").body, expected);
        QCOMPARE(request(server.port, "GET", "/cells").body, QByteArray("[[0,0,2],[1,0,1],[9,9,1]]"));
        QCOMPARE(request(server.port, "POST", "/todos", json, R"({"title": "again"})").body,
                 QByteArray(R"({"id":4,"title":"again","done":false})"));
        QCOMPARE_CLEAN_STOP(server);
    }
};

QTEST_GUILESS_MAIN(TestState)
#include "tst_state.moc"
