// SPDX-License-Identifier: GPL-3.0-or-later
// Errors as Flask handlers write them, end to end: `hotpath serve` in both tiers and the
// same file under Flask (the repo's shim) give the same statuses, bodies and headers for
// (body, status) answers, abort(), jsonify(), @errorhandler and uncaught exceptions; and a
// handler cannot catch its way past the request's limits.
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

#include "ServedProcess.h"

namespace {

using namespace served;

const QByteArray todoApi = R"(from dataclasses import dataclass, replace
from typing import Optional
from hotpath import Request, Response, abort, errorhandler, get, jsonify, post, route


@dataclass
class Todo:
    id: int
    title: str
    done: bool = False


TODOS: dict[int, Todo] = {1: Todo(1, "write the spec")}


class Conflict(Exception):
    pass


class DuplicateTitle(Conflict):
    """A title that another todo already has."""


class NotFound(Exception):
    pass


@errorhandler(Conflict)
def conflict(e: Conflict) -> tuple[dict[str, str], int]:
    return {"error": type(e).__name__, "detail": str(e)}, 409


@errorhandler(KeyError)
def missing_key(e: KeyError) -> tuple[str, int, dict[str, str]]:
    return f"missing {e}", 404, {"X-Reason": "key"}


def find(todo_id: int) -> Todo:
    try:
        return TODOS[todo_id]
    except KeyError:
        raise NotFound(f"no todo {todo_id}") from None


@get("/todos/<int:todo_id>")
def get_todo(todo_id: int) -> Todo:
    if todo_id not in TODOS:
        abort(404, f"no todo {todo_id}")
    return TODOS[todo_id]


@route("/todos", methods=["POST"])
def create(req: Request) -> tuple[Todo, int, dict[str, str]]:
    todo = req.json(Todo)
    for other in TODOS.values():
        if other.title == todo.title:
            raise DuplicateTitle(f"title {todo.title!r} exists")
    TODOS[todo.id] = todo
    return todo, 201, {"Location": f"/todos/{todo.id}"}


@get("/lookup/<int:todo_id>")
def lookup(todo_id: int) -> tuple[dict[str, str], int]:
    try:
        todo = find(todo_id)
    except NotFound as e:
        return {"error": str(e)}, 404
    else:
        return {"title": todo.title}, 200


@get("/raw/<int:todo_id>")
def raw(todo_id: int) -> str:
    return find(todo_id).title


@get("/key")
def key() -> int:
    counts = {"a": 1}
    return counts["zz"]


@get("/export")
def export() -> tuple[Response, int]:
    return jsonify(list(TODOS.values())), 203


@get("/teapot")
def teapot() -> str:
    abort(418)


@get("/gone")
def gone() -> str:
    abort(410, "this list was archived")


@get("/unknown-status")
def unknown_status() -> str:
    abort(499)


@dataclass
class TodoPatch:
    title: Optional[str]
    done: Optional[bool]

    def apply(self, todo: Todo) -> Todo:
        if self.title is not None:
            todo = replace(todo, title=self.title)
        if self.done is not None:
            todo = replace(todo, done=self.done)
        return todo


@route("/todos/<int:todo_id>", methods=["PATCH"])
def update(todo_id: int, req: Request) -> Todo:
    if todo_id not in TODOS:
        abort(404, f"no todo {todo_id}")
    todo = req.json(TodoPatch).apply(TODOS[todo_id])
    TODOS[todo_id] = todo
    return todo


@get("/version")
def version() -> tuple[str, dict[str, str]]:
    return "1.0", {"X-Api": "todos"}
)";

const QByteArray limitsApp = R"(from hotpath import get


@get("/swallow")
def swallow() -> int:
    n = 0
    while True:
        try:
            while True:
                n += 1
        except TimeoutError:
            n += 1
        except Exception:
            n += 1
        except:
            n += 1
    return n


@get("/hog")
def hog() -> str:
    try:
        s = "x"
        while True:
            s = s + s
    except MemoryError:
        return "caught the memory cap"
    except BaseException:
        return "caught something"


@get("/own-timeout")
def own_timeout() -> str:
    raise TimeoutError("the upstream took too long")


@get("/recursion")
def recursion() -> str:
    try:
        return str(deep(0))
    except RecursionError as e:
        return f"caught: {e}"


def deep(n: int) -> int:
    return deep(n + 1) + 1
)";

} // namespace

class TestErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flaskWaysOfAnsweringMatchFlask()
    {
        QTemporaryDir dir;
        const QString app = writeFile(dir.path(), QStringLiteral("app.py"), todoApi);
        Served server({app});
        QVERIFY2(server.port, server.errors().constData());

        struct Case
        {
            QByteArray method, path, body;
            int status;
            QByteArray expected; // the body Hotpath must give (empty: compare with Flask only)
        };
        const QList<Case> cases{
            {"GET", "/todos/1", {}, 200, R"({"id":1,"title":"write the spec","done":false})"},
            {"GET", "/todos/7", {}, 404, R"({"error":"Not Found","message":"no todo 7"})"},
            {"POST", "/todos", R"({"id":2,"title":"ship it"})", 201, R"({"id":2,"title":"ship it","done":false})"},
            {"POST", "/todos", R"({"id":3,"title":"ship it"})", 409, R"({"error":"DuplicateTitle","detail":"title 'ship it' exists"})"},
            {"GET", "/lookup/1", {}, 200, R"({"title":"write the spec"})"},
            {"GET", "/lookup/9", {}, 404, R"({"error":"no todo 9"})"},
            {"GET", "/raw/9", {}, 500, R"({"error":"NotFound","message":"no todo 9","file":"app.py","line":42})"},
            {"GET", "/key", {}, 404, "missing 'zz'"},
            {"GET", "/teapot", {}, 418, R"({"error":"I'm a teapot","message":"I'm a teapot"})"},
            {"GET", "/gone", {}, 410, R"({"error":"Gone","message":"this list was archived"})"},
            {"GET", "/unknown-status", {}, 500, R"({"error":"LookupError","message":"no exception for 499","file":"app.py","line":100})"},
            // Partial updates: what the body leaves out is None.
            {"PATCH", "/todos/1", R"({"done":true})", 200, R"({"id":1,"title":"write the spec","done":true})"},
            {"PATCH", "/todos/1", R"({"title":"spec v2"})", 200, R"({"id":1,"title":"spec v2","done":true})"},
            {"PATCH", "/todos/1", R"({"done":"yes"})", 400, R"({"error":"ValueError","message":"$.done: expected bool, got str 'yes'","file":"app.py","line":120})"},
            {"PATCH", "/todos/8", R"({})", 404, R"({"error":"Not Found","message":"no todo 8"})"},
            // (body, headers): the status stays the body's.
            {"GET", "/version", {}, 200, "1.0"},
        };
        // Both tiers, from one state: the POSTs run once per tier, the second finds the first's todo.
        QList<Reply> interp, jit;
        for (const Case &c : cases) {
            interp.append(request(server.port, c.method, c.path, {{"X-Hotpath-Tier", "interp"}}, c.body));
            jit.append(request(server.port, c.method, c.path, {{"X-Hotpath-Tier", "jit"}}, c.body));
        }
        for (qsizetype k = 0; k < cases.size(); ++k) {
            const Case &c = cases[k];
            const QByteArray what = c.method + " " + c.path;
            QVERIFY2(interp[k].status == c.status || (c.method == "POST" && interp[k].status == 409),
                     (what + " -> " + QByteArray::number(interp[k].status) + " " + interp[k].body).constData());
            if (c.method != "POST") {
                QCOMPARE(interp[k].body, c.expected);
                QCOMPARE(jit[k].status, interp[k].status);
                QCOMPARE(jit[k].body, interp[k].body);
            }
        }
        QCOMPARE(interp[2].headers.value("location"), QByteArray("/todos/2"));
        QCOMPARE(interp[7].headers.value("x-reason"), QByteArray("key"));
        QCOMPARE(interp.last().headers.value("x-api"), QByteArray("todos"));
        QCOMPARE(jit.last().headers.value("x-api"), QByteArray("todos"));
        QCOMPARE(interp[7].headers.value("content-type"), QByteArray("text/plain; charset=utf-8"));
        // The second create of "ship it" (the JIT's) is the conflict.
        QCOMPARE(jit[2].status, 409);
        QCOMPARE(jit[2].body, QByteArray(R"({"error":"DuplicateTitle","detail":"title 'ship it' exists"})"));
        const Reply exported = request(server.port, "GET", "/export");
        QCOMPARE(exported.status, 203);
        QCOMPARE(exported.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(exported.body, QByteArray(R"([{"id":1,"title":"spec v2","done":true},{"id":2,"title":"ship it","done":false}])"));
        // OpenAPI lists the literal statuses: those returned with a body, and abort()'s.
        const QJsonObject paths = QJsonDocument::fromJson(request(server.port, "GET", "/openapi.json").body).object().value(QStringLiteral("paths")).toObject();
        auto statuses = [&](const char *path, const char *method) {
            return paths.value(QLatin1String(path)).toObject().value(QLatin1String(method)).toObject().value(QStringLiteral("responses")).toObject().keys();
        };
        QCOMPARE(statuses("/todos", "post"), (QStringList{QStringLiteral("201"), QStringLiteral("400"), QStringLiteral("500"), QStringLiteral("504")}));
        QVERIFY(statuses("/todos/{todo_id}", "get").contains(QStringLiteral("404")));
        QVERIFY(statuses("/lookup/{todo_id}", "get").contains(QStringLiteral("404")));
        QVERIFY(statuses("/lookup/{todo_id}", "get").contains(QStringLiteral("200")));
        QVERIFY(statuses("/teapot", "get").contains(QStringLiteral("418")));
        QCOMPARE_CLEAN_STOP(server);

        // The same file under Flask, from a fresh state, against a fresh Hotpath.
        FlaskShim flask(app, "/todos/1");
        if (!flask.port)
            QSKIP("python3-flask is not installed, or the shim did not start");
        const quint16 flaskPort = flask.port;
        Served fresh({app});
        QVERIFY2(fresh.port, fresh.errors().constData());
        for (const Case &c : cases) {
            const Reply ours = request(fresh.port, c.method, c.path, {}, c.body);
            const Reply theirs = request(flaskPort, c.method, c.path, {}, c.body);
            const QByteArray what = c.method + " " + c.path;
            QVERIFY2(ours.status == theirs.status, (what + ": " + QByteArray::number(ours.status) + " vs Flask " + QByteArray::number(theirs.status)).constData());
            QVERIFY2(ours.body == theirs.body, (what + ":\n  hotpath " + ours.body + "\n  flask   " + theirs.body).constData());
            QCOMPARE(ours.headers.value("content-type"), theirs.headers.value("content-type"));
            QCOMPARE(ours.headers.value("location"), theirs.headers.value("location"));
            QCOMPARE(ours.headers.value("x-reason"), theirs.headers.value("x-reason"));
            QCOMPARE(ours.headers.value("x-api"), theirs.headers.value("x-api"));
        }
        QCOMPARE(request(fresh.port, "GET", "/export").body, request(flaskPort, "GET", "/export").body);
        QCOMPARE_CLEAN_STOP(fresh);
    }

    // No except clause catches the deadline or the memory cap, in either tier: a handler
    // that catches TimeoutError (and everything else) in a loop still ends at its deadline.
    void limitsPassEveryExceptClause()
    {
        QTemporaryDir dir;
        Served server({writeFile(dir.path(), QStringLiteral("app.py"), limitsApp), QStringLiteral("--timeout"), QStringLiteral("0.3")});
        QVERIFY2(server.port, server.errors().constData());
        for (const QByteArray &tier : {QByteArray("interp"), QByteArray("jit")}) {
            QElapsedTimer clock;
            clock.start();
            Reply r = request(server.port, "GET", "/swallow", {{"X-Hotpath-Tier", tier}});
            QVERIFY2(r.status == 504, (tier + ": " + QByteArray::number(r.status) + " " + r.body).constData());
            QVERIFY2(r.body.startsWith(R"({"error":"TimeoutError","message":"the handler ran longer than its 300 ms deadline")"), r.body.constData());
            QVERIFY2(clock.elapsed() < 3000, QByteArray::number(clock.elapsed()).constData());

            r = request(server.port, "GET", "/hog", {{"X-Hotpath-Tier", tier}});
            QCOMPARE(r.status, 500);
            QVERIFY2(r.body.startsWith(R"({"error":"MemoryError")"), r.body.constData());

            // A TimeoutError the handler raises itself is its own error, not the deadline.
            r = request(server.port, "GET", "/own-timeout", {{"X-Hotpath-Tier", tier}});
            QCOMPARE(r.status, 500);
            QCOMPARE(r.body, QByteArray(R"({"error":"TimeoutError","message":"the upstream took too long","file":"app.py","line":34})"));

            // RecursionError is caught as in CPython: unwinding gave the depth back.
            r = request(server.port, "GET", "/recursion", {{"X-Hotpath-Tier", tier}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("caught: maximum recursion depth exceeded"));
        }
        QCOMPARE_CLEAN_STOP(server);
    }
};

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
