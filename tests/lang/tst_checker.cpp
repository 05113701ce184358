// SPDX-License-Identifier: GPL-3.0-or-later
// What the checker builds for valid programs: types, bindings, locals and endpoints.
// (Rejections are covered by tst_diagnostics' table.)
#include "hotpath/lang/Checker.h"

#include <QtTest/QtTest>

using namespace hotpath;
using namespace hotpath::lang;

namespace {

struct Checked
{
    std::unique_ptr<Program> program;
    support::DiagnosticSink sink;

    std::string errors() const
    {
        std::string text;
        for (const auto &d : sink.diagnostics())
            text += support::formatDiagnostic(program->file, d) + "\n";
        return text;
    }
};

std::unique_ptr<Checked> check(const std::string &source)
{
    auto checked = std::make_unique<Checked>();
    checked->program = checkFile(support::SourceFile("t.py", source), checked->sink);
    return checked;
}

const Expr &returnedExpression(const Program &program, const std::string &function)
{
    const FunctionInfo *info = program.findFunction(function);
    const Block &body = info->decl->body;
    return *body.back()->as<ReturnStmt>().value;
}

std::string returnedType(const std::string &expression, const std::string &prelude = "")
{
    auto checked = check("import math\nfrom dataclasses import dataclass\n" + prelude
                         + "def probe(i: int, f: float, s: str, xs: list[int], d: dict[str, float]) -> int:\n"
                           "    return " + expression + "\n");
    // The declared return type is int, so anything else is reported as a mismatch;
    // read the computed type from the tree instead of the verdict.
    return returnedExpression(*checked->program, "probe").type->name();
}

} // namespace

class TestChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expressionTypes_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("type");
        QTest::newRow("int add") << "i + 1" << "int";
        QTest::newRow("true division") << "i / 2" << "float";
        QTest::newRow("floor division") << "i // 2" << "int";
        QTest::newRow("mixed") << "i * f" << "float";
        QTest::newRow("int power") << "i ** 2" << "int";
        QTest::newRow("negative power") << "2 ** -1" << "float";
        QTest::newRow("bool arithmetic") << "True + 1" << "int";
        QTest::newRow("bool and") << "True & False" << "bool";
        QTest::newRow("string repeat") << "s * 3" << "str";
        QTest::newRow("list concat") << "xs + [1]" << "list[int]";
        QTest::newRow("index") << "xs[-1]" << "int";
        QTest::newRow("slice") << "s[1:]" << "str";
        QTest::newRow("dict lookup") << "d['k']" << "float";
        QTest::newRow("comparison") << "0 < i <= 10" << "bool";
        QTest::newRow("membership") << "'k' in d" << "bool";
        QTest::newRow("len") << "len(xs)" << "int";
        QTest::newRow("divmod") << "divmod(i, 3)" << "tuple[int, int]";
        QTest::newRow("divmod float") << "divmod(f, 3)" << "tuple[float, float]";
        QTest::newRow("round one arg") << "round(f)" << "int";
        QTest::newRow("round digits") << "round(f, 2)" << "float";
        QTest::newRow("sorted") << "sorted(d.keys())" << "list[str]";
        QTest::newRow("sum floats") << "sum(d.values())" << "float";
        QTest::newRow("max of list") << "max(xs)" << "int";
        QTest::newRow("math") << "math.sqrt(i)" << "float";
        QTest::newRow("floor") << "math.floor(f)" << "int";
        QTest::newRow("split") << "s.split(',')" << "list[str]";
        QTest::newRow("join") << "', '.join(sorted(d.keys()))" << "str";
        QTest::newRow("fstring") << "f'{f:.2f} {s!r:>8}'" << "str";
        QTest::newRow("conditional") << "s if i > 0 else 'none'" << "str";
        QTest::newRow("tuple") << "(i, s, [f])" << "tuple[int, str, list[float]]";
        QTest::newRow("dict get") << "d.get('k', 0.0)" << "float";
        QTest::newRow("ord") << "ord(s[0])" << "int";
    }
    void expressionTypes()
    {
        QFETCH(QString, expression);
        QFETCH(QString, type);
        QCOMPARE(QString::fromStdString(returnedType(expression.toStdString())), type);
    }

    void validProgramHasNoErrors()
    {
        auto checked = check("from dataclasses import dataclass\n"
                             "from hotpath import get, post, Request, Response\n"
                             "import math\n"
                             "SCALE = 2.0 * math.pi\n"
                             "@dataclass\n"
                             "class Point:\n"
                             "    x: float\n"
                             "    y: float = 0.0\n"
                             "def norm(p: Point) -> float:\n"
                             "    return math.sqrt(p.x * p.x + p.y * p.y)\n"
                             "@get('/points/<int:n>')\n"
                             "def points(n: int, scale: float = 1.0) -> list[Point]:\n"
                             "    out: list[Point] = []\n"
                             "    for i in range(n):\n"
                             "        out.append(Point(i * scale, y=SCALE))\n"
                             "    total = 0.0\n"
                             "    for p in out:\n"
                             "        total += norm(p)\n"
                             "    q, r = divmod(n, 2)\n"
                             "    assert q >= 0, f'bad {q}'\n"
                             "    return out\n"
                             "@post('/echo')\n"
                             "def echo(req: Request) -> Response:\n"
                             "    return Response(req.body, status=201, content_type='text/plain')\n");
        QCOMPARE(checked->errors(), std::string());
        QCOMPARE(checked->program->records.size(), size_t(1));
        QCOMPARE(checked->program->constants.size(), size_t(1));
        QCOMPARE(checked->program->constants[0].type->name(), std::string("float"));
    }

    void localsAreTypedByFirstAssignment()
    {
        auto checked = check("def f(n: int) -> str:\n"
                             "    total = 0\n"
                             "    name = 'x'\n"
                             "    ratio: float = 1\n"
                             "    for k, v in {'a': 1}.items():\n"
                             "        total += v\n"
                             "    return name\n");
        QCOMPARE(checked->errors(), std::string());
        const FunctionInfo *f = checked->program->findFunction("f");
        std::vector<std::string> summary;
        for (const LocalInfo &local : f->locals)
            summary.push_back(local.name + ":" + local.type->name());
        const std::vector<std::string> expected = {"n:int", "total:int", "name:str", "ratio:float", "k:str", "v:int"};
        QCOMPARE(summary, expected);
    }

    void intWidensToFloatWhereAnnotated()
    {
        auto checked = check("def area(r: float) -> float:\n"
                             "    return 3.0 * r * r\n"
                             "def f() -> float:\n"
                             "    return area(2)\n");
        QCOMPARE(checked->errors(), std::string());
        const auto &call = returnedExpression(*checked->program, "f").as<CallExpr>();
        QCOMPARE(call.target, CallTarget::Function);
        QVERIFY(call.args[0]->widenToFloat);
    }

    void callsBindKeywordsAndDefaults()
    {
        auto checked = check("def g(a: int, b: int = 2, c: str = 'x') -> int:\n"
                             "    return a + b\n"
                             "def f() -> int:\n"
                             "    return g(1, c='y')\n");
        QCOMPARE(checked->errors(), std::string());
        const auto &call = returnedExpression(*checked->program, "f").as<CallExpr>();
        QCOMPARE(call.boundArgs.size(), size_t(3));
        QVERIFY(call.boundArgs[0] != nullptr);
        QVERIFY(call.boundArgs[1] == nullptr); // default
        QVERIFY(call.boundArgs[2] != nullptr);
        QCOMPARE(call.boundArgs[2]->as<StrLiteral>().value, std::string("y"));
    }

    void functionsMayBeDefinedInAnyOrder()
    {
        auto checked = check("def even(n: int) -> bool:\n"
                             "    return True if n == 0 else odd(n - 1)\n"
                             "def odd(n: int) -> bool:\n"
                             "    return False if n == 0 else even(n - 1)\n");
        QCOMPARE(checked->errors(), std::string());
    }

    void endpointsAreRecorded()
    {
        auto checked = check("from hotpath import route, get, Request\n"
                             "@route('/items/<int:id>/<path:rest>', methods=['GET', 'post'])\n"
                             "def item(id: int, rest: str, req: Request, verbose: bool = False, q: str = '') -> dict[str, int]:\n"
                             "    return {'id': id}\n"
                             "@get('/hello/<name>')\n"
                             "def hello(name: str) -> str:\n"
                             "    return 'hi ' + name\n");
        QCOMPARE(checked->errors(), std::string());
        const auto &endpoints = checked->program->endpoints;
        QCOMPARE(endpoints.size(), size_t(2));
        const EndpointInfo &item = *endpoints[0];
        QCOMPARE(item.methods, (std::vector<std::string>{"GET", "POST"}));
        QCOMPARE(item.routeKey, std::string("/items/<int>/<path>"));
        QCOMPARE(item.response, ResponseKind::Json);
        QCOMPARE(item.params.size(), size_t(5));
        QCOMPARE(item.params[0].source, ParamSource::Path);
        QCOMPARE(item.params[0].converter, std::string("int"));
        QCOMPARE(item.params[2].source, ParamSource::Request);
        QCOMPARE(item.params[3].source, ParamSource::Query);
        QVERIFY(!item.params[3].required);
        QCOMPARE(endpoints[1]->response, ResponseKind::Text);
        QCOMPARE(endpoints[1]->params[0].converter, std::string("str"));
    }

    // Every method in the built-in table is callable as its row declares it, and the
    // checker gives the call the declared result type: the table and the checker agree.
    void everyBuiltinMethodChecksAsDeclared()
    {
        int checkedRows = 0;
        for (auto raw = std::uint16_t(1); raw < std::uint16_t(Builtin::Count); ++raw) {
            const auto id = static_cast<Builtin>(raw);
            const BuiltinInfo &info = builtinInfo(id);
            const char *receiver = info.receiver == BuiltinReceiver::Str    ? "s"
                                 : info.receiver == BuiltinReceiver::List   ? "xs"
                                 : info.receiver == BuiltinReceiver::Dict   ? "d"
                                 : info.receiver == BuiltinReceiver::Set    ? "st"
                                 : info.receiver == BuiltinReceiver::Math   ? "math"
                                 : info.receiver == BuiltinReceiver::Request ? "req"
                                                                             : nullptr;
            if (!receiver)
                continue;
            std::string args;
            for (const BuiltinParameter &param : builtinParameters(id)) {
                QVERIFY2(!param.name.empty() && !param.type.empty(), info.name);
                if (!param.defaultValue.empty() && param.defaultValue != "None" && param.defaultValue != "absent") {
                    bool isInt = false;
                    QString::fromStdString(param.defaultValue).toLongLong(&isInt);
                    QVERIFY2(isInt, (builtinName(id) + ": default " + param.defaultValue).c_str());
                }
                if (!param.defaultValue.empty())
                    continue;
                const std::string value = param.type == "str" || param.type == "K" ? "\"k\""
                                        : param.type == "iterable" ? (info.receiver == BuiltinReceiver::List || info.receiver == BuiltinReceiver::Set ? "[1]" : "[\"a\"]")
                                        : param.type == "type"                    ? "list[int]"
                                        : param.type == "set[T]"                  ? "st"
                                        : param.type == "float"                   ? "2.0"
                                                                                  : "1";
                args += (args.empty() ? "" : ", ") + value;
            }
            auto checked = check("import math\nfrom hotpath import Request\n"
                                 "def probe(req: Request, s: str, xs: list[int], d: dict[str, int], st: set[int]) -> None:\n"
                                 "    " + std::string(receiver) + "." + info.name + "(" + args + ")\n");
            QVERIFY2(checked->errors().empty(), (builtinName(id) + ": " + checked->errors()).c_str());
            const std::string result = info.result;
            const std::string expected = result == "T" ? "int" : result == "set[T]" ? "set[int]" : result == "iter[K]" ? "iterable of str"
                                       : result == "iter[T]" ? "iterable of int" : result == "iter[K, T]" ? "iterable of tuple[str, int]"
                                       : result == "?" ? "list[int]" : result;
            const Block &body = checked->program->findFunction("probe")->decl->body;
            const std::string got = body.back()->as<ExprStmt>().expr->type->name();
            QVERIFY2(got == expected || (result == "?" && id != Builtin::RequestJson),
                     (builtinName(id) + ": " + got + " instead of " + expected).c_str());
            ++checkedRows;
        }
        QVERIFY(checkedRows > 40);
    }

    void sampleHandlersCheckClean()
    {
        const QDir samples(QStringLiteral(HOTPATH_SAMPLES_DIR));
        const QStringList files = samples.entryList({QStringLiteral("*.py")}, QDir::Files);
        QVERIFY(files.size() >= 5);
        for (const QString &name : files) {
            QFile file(samples.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            auto checked = check(file.readAll().toStdString());
            QVERIFY2(checked->errors().empty(), checked->errors().c_str());
            QVERIFY2(!checked->program->endpoints.empty(), qPrintable(name));
        }
    }
};

QTEST_APPLESS_MAIN(TestChecker)
#include "tst_checker.moc"
