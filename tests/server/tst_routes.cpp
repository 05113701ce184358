// SPDX-License-Identifier: GPL-3.0-or-later
// The route table: Flask's converters, 404 against 405 with the allowed methods.
#include "hotpath/server/Routes.h"

#include <QtTest/QtTest>

using namespace hotpath::server;

namespace {

RouteTable table()
{
    RouteTable t;
    t.add({{"GET"}, "/", {}, 0, 0});
    t.add({{"GET"}, "/fib/<int:n>", {}, 0, 1});
    t.add({{"GET", "POST"}, "/items/<name>", {}, 0, 2});
    t.add({{"GET"}, "/scale/<float:x>", {}, 0, 3});
    t.add({{"GET"}, "/files/<path:rest>", {}, 0, 4});
    t.add({{"POST"}, "/fib/<int:n>", {}, 0, 5});
    return t;
}

} // namespace

class TestRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convertersMatchAsFlasksDo()
    {
        const RouteTable t = table();
        RouteMatch m = t.match("GET", "/fib/25");
        QVERIFY(m.result == RouteMatch::Result::Found);
        QCOMPARE(m.route->endpoint, 1);
        QCOMPARE(m.captures.at(0).second, std::string("25"));
        QVERIFY(t.match("GET", "/fib/-3").result == RouteMatch::Result::NotFound); // int takes digits only
        QVERIFY(t.match("GET", "/fib/2.5").result == RouteMatch::Result::NotFound);
        QVERIFY(t.match("GET", "/scale/2.5").result == RouteMatch::Result::Found);
        QVERIFY(t.match("GET", "/scale/2").result == RouteMatch::Result::NotFound); // float needs a dot
        m = t.match("GET", "/files/a/b/c.txt");
        QVERIFY(m.result == RouteMatch::Result::Found);
        QCOMPARE(m.captures.at(0).second, std::string("a/b/c.txt"));
        QVERIFY(t.match("GET", "/files/").result == RouteMatch::Result::NotFound);
        QVERIFY(t.match("GET", "/items/a/b").result == RouteMatch::Result::NotFound); // str is one segment
        QVERIFY(t.match("GET", "/").result == RouteMatch::Result::Found);
        QVERIFY(t.match("HEAD", "/").result == RouteMatch::Result::Found);
    }

    void methodNotAllowedListsTheOthers()
    {
        const RouteTable t = table();
        const RouteMatch post = t.match("POST", "/fib/3");
        QVERIFY(post.result == RouteMatch::Result::Found);
        QCOMPARE(post.route->endpoint, 5);
        const RouteMatch del = t.match("DELETE", "/fib/3");
        QVERIFY(del.result == RouteMatch::Result::MethodNotAllowed);
        QCOMPARE(del.allowed, (std::vector<std::string>{"GET", "HEAD", "POST"})); // a GET route answers HEAD
        QVERIFY(t.match("DELETE", "/nothing").result == RouteMatch::Result::NotFound);
    }

    // As Werkzeug orders its rules: a literal segment beats a converter, a typed converter
    // beats a string, a string beats a path, whichever was declared first.
    void theMostSpecificRouteWins()
    {
        RouteTable t;
        t.add({{"GET"}, "/<code>", {}, 0, 0});
        t.add({{"GET"}, "/files/<path:rest>", {}, 0, 1});
        t.add({{"GET"}, "/links", {}, 0, 2});
        t.add({{"GET"}, "/files/special", {}, 0, 3});
        t.add({{"GET"}, "/items/<name>", {}, 0, 4});
        t.add({{"GET"}, "/items/<int:id>", {}, 0, 5});
        QCOMPARE(t.match("GET", "/links").route->endpoint, 2);
        QCOMPARE(t.match("GET", "/abc").route->endpoint, 0);
        QCOMPARE(t.match("GET", "/files/special").route->endpoint, 3);
        QCOMPARE(t.match("GET", "/files/a/b").route->endpoint, 1);
        QCOMPARE(t.match("GET", "/items/7").route->endpoint, 5);
        QCOMPARE(t.match("GET", "/items/seven").route->endpoint, 4);
        // The table still lists routes as declared.
        QCOMPARE(t.routes().front().pattern, std::string("/<code>"));
    }
};

QTEST_APPLESS_MAIN(TestRoutes)
#include "tst_routes.moc"
