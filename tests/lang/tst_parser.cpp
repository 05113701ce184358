// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/lang/Parser.h"

#include <QtTest/QtTest>

using namespace hotpath;
using namespace hotpath::lang;

namespace {

struct Parsed
{
    std::unique_ptr<support::SourceFile> file;
    Module module;
    std::vector<support::Diagnostic> diagnostics;
};

Parsed parse(const std::string &text)
{
    Parsed parsed;
    parsed.file = std::make_unique<support::SourceFile>("t.py", text);
    support::DiagnosticSink sink;
    parsed.module = parseFile(*parsed.file, sink);
    parsed.diagnostics = sink.diagnostics();
    return parsed;
}

// A compact rendering of an expression tree, to assert precedence and shape.
std::string render(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::IntLiteral: return std::to_string(e.as<IntLiteral>().value);
    case ExprKind::FloatLiteral: return "float";
    case ExprKind::BoolLiteral: return e.as<BoolLiteral>().value ? "True" : "False";
    case ExprKind::StrLiteral: return "'" + e.as<StrLiteral>().value + "'";
    case ExprKind::NoneLiteral: return "None";
    case ExprKind::Ellipsis: return "...";
    case ExprKind::Name: return e.as<NameExpr>().name;
    case ExprKind::Attribute: return render(*e.as<AttributeExpr>().object) + "." + e.as<AttributeExpr>().name;
    case ExprKind::Unary: {
        const auto &u = e.as<UnaryExpr>();
        const char *op[] = {"-", "+", "~", "not "};
        return std::string("(") + op[static_cast<int>(u.op)] + render(*u.operand) + ")";
    }
    case ExprKind::Binary: {
        const auto &b = e.as<BinaryExpr>();
        return "(" + render(*b.left) + " " + binaryOpSpelling(b.op) + " " + render(*b.right) + ")";
    }
    case ExprKind::BoolOp: {
        const auto &b = e.as<BoolOpExpr>();
        return "(" + render(*b.left) + (b.isAnd ? " and " : " or ") + render(*b.right) + ")";
    }
    case ExprKind::Compare: {
        const auto &c = e.as<CompareExpr>();
        std::string text = "(" + render(*c.operands[0]);
        for (size_t i = 0; i < c.ops.size(); ++i)
            text += std::string(" ") + compareOpSpelling(c.ops[i]) + " " + render(*c.operands[i + 1]);
        return text + ")";
    }
    case ExprKind::IfExp: {
        const auto &i = e.as<IfExpr>();
        return "(" + render(*i.then) + " if " + render(*i.condition) + " else " + render(*i.otherwise) + ")";
    }
    case ExprKind::Call: {
        const auto &c = e.as<CallExpr>();
        std::string text = render(*c.callee) + "(";
        for (size_t i = 0; i < c.args.size(); ++i)
            text += (i ? ", " : "") + render(*c.args[i]);
        for (const auto &k : c.keywords)
            text += ", " + k.name + "=" + render(*k.value);
        return text + ")";
    }
    case ExprKind::Subscript:
        return render(*e.as<SubscriptExpr>().object) + "[" + render(*e.as<SubscriptExpr>().index) + "]";
    case ExprKind::Slice: {
        const auto &s = e.as<SliceExpr>();
        auto part = [](const ExprPtr &p) { return p ? render(*p) : std::string(); };
        return render(*s.object) + "[" + part(s.lower) + ":" + part(s.upper) + (s.step ? ":" + part(s.step) : "") + "]";
    }
    case ExprKind::ListLiteral: {
        std::string text = "[";
        for (const auto &x : e.as<ListExpr>().elements)
            text += (text.size() > 1 ? ", " : "") + render(*x);
        return text + "]";
    }
    case ExprKind::TupleLiteral: {
        std::string text = "(";
        for (const auto &x : e.as<TupleExpr>().elements)
            text += render(*x) + ",";
        return text + ")";
    }
    case ExprKind::DictLiteral: return "{dict}";
    case ExprKind::SetLiteral: {
        std::string text = "{";
        for (const auto &x : e.as<SetExpr>().elements)
            text += (text.size() > 1 ? ", " : "") + render(*x);
        return text + "}";
    }
    case ExprKind::Named:
        return "(" + e.as<NamedExpr>().target->name + " := " + render(*e.as<NamedExpr>().value) + ")";
    case ExprKind::Lambda: {
        const auto &l = e.as<LambdaExpr>();
        std::string text = "(lambda";
        for (size_t i = 0; i < l.params.size(); ++i)
            text += (i ? ", " : " ") + l.params[i].name;
        return text + ": " + render(*l.body) + ")";
    }
    case ExprKind::Comprehension: {
        const auto &c = e.as<ComprehensionExpr>();
        const char *open[] = {"[", "{", "{", "("};
        const char *close[] = {"]", "}", "}", ")"};
        std::string text = open[static_cast<int>(c.form)] + render(*c.element) + (c.value ? ": " + render(*c.value) : "");
        for (const ComprehensionClause &clause : c.clauses) {
            text += " for " + render(*clause.target) + " in " + render(*clause.iterable);
            for (const ExprPtr &condition : clause.conditions)
                text += " if " + render(*condition);
        }
        return text + close[static_cast<int>(c.form)];
    }
    case ExprKind::FString: return "f-string";
    case ExprKind::Invalid: return "<invalid>";
    }
    return "?";
}

std::string renderExpression(const std::string &source)
{
    Parsed parsed = parse("x = " + source + "\n");
    if (!parsed.diagnostics.empty())
        return "error: " + parsed.diagnostics[0].message;
    return render(*parsed.module.body.at(0)->as<AssignStmt>().value);
}

} // namespace

class TestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precedence_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("tree");
        QTest::newRow("mul over add") << "1 + 2 * 3" << "(1 + (2 * 3))";
        QTest::newRow("left assoc") << "1 - 2 - 3" << "((1 - 2) - 3)";
        QTest::newRow("power right assoc") << "2 ** 3 ** 2" << "(2 ** (3 ** 2))";
        QTest::newRow("unary below power") << "-2 ** 2" << "(-(2 ** 2))";
        QTest::newRow("power of negative") << "2 ** -1" << "(2 ** (-1))";
        QTest::newRow("chained comparison") << "a < b <= c" << "(a < b <= c)";
        QTest::newRow("not in") << "a not in b" << "(a not in b)";
        QTest::newRow("is none") << "a is None" << "(a is None)";
        QTest::newRow("is not none") << "a is not None and b" << "((a is not None) and b)";
        QTest::newRow("not binds looser") << "not a == b" << "(not (a == b))";
        QTest::newRow("and over or") << "a or b and c" << "(a or (b and c))";
        QTest::newRow("conditional") << "a if c else b" << "(a if c else b)";
        QTest::newRow("bit ops") << "a | b ^ c & d << 1" << "(a | (b ^ (c & (d << 1))))";
        QTest::newRow("call and attribute") << "s.split(',', maxsplit=1)" << "s.split(',', maxsplit=1)";
        QTest::newRow("slice") << "xs[1:-1:2]" << "xs[1:(-1):2]";
        QTest::newRow("open slice") << "xs[:n]" << "xs[:n]";
        QTest::newRow("index") << "d['k'][0]" << "d['k'][0]";
        QTest::newRow("tuple") << "(1, 'a')" << "(1,'a',)";
        QTest::newRow("bare tuple") << "1, 2" << "(1,2,)";
        QTest::newRow("list") << "[1, 2, 3]" << "[1, 2, 3]";
        QTest::newRow("int64 min") << "-9223372036854775808" << "-9223372036854775808";
        // The boundary of 64-bit literals: the largest is one literal, the smallest is the
        // literal 2**63 negated (which fits only as one literal), in every base.
        QTest::newRow("int64 max") << "9223372036854775807" << "9223372036854775807";
        QTest::newRow("int64 min spaced") << "- 9223372036854775808" << "-9223372036854775808";
        QTest::newRow("int64 max hex") << "0x7fff_ffff_ffff_ffff" << "9223372036854775807";
        QTest::newRow("int64 min hex") << "-0x8000000000000000" << "-9223372036854775808";
        QTest::newRow("int64 max octal") << "0o777777777777777777777" << "9223372036854775807";
        QTest::newRow("int64 min binary") << QStringLiteral("-0b1") + QString(63, QLatin1Char('0')) << QStringLiteral("-9223372036854775808");
        QTest::newRow("int64 min minus") << "-9223372036854775808 - 1" << "(-9223372036854775808 - 1)";
        QTest::newRow("string concat") << "'a' 'b'" << "'ab'";
        QTest::newRow("list comprehension") << "[x * 2 for x in xs if x > 1 if x < 9]" << "[(x * 2) for x in xs if (x > 1) if (x < 9)]";
        QTest::newRow("nested clauses") << "[(a, b) for a in xs for b in ys]" << "[(a,b,) for a in xs for b in ys]";
        QTest::newRow("tuple target") << "{k: v for k, v in d.items()}" << "{k: v for (k,v,) in d.items()}";
        QTest::newRow("generator") << "(x for x in xs)" << "(x for x in xs)";
        QTest::newRow("generator argument") << "sum(x for x in xs if x)" << "sum((x for x in xs if x))";
        QTest::newRow("conditional element") << "[a if a else b for a in xs]" << "[(a if a else b) for a in xs]";
        QTest::newRow("comprehension in comprehension") << "[[y for y in x] for x in xss]" << "[[y for y in x] for x in xss]";
        QTest::newRow("set") << "{1, 2, 3,}" << "{1, 2, 3}";
        QTest::newRow("walrus") << "[y for x in xs if (y := f(x)) > 0]" << "[y for x in xs if ((y := f(x)) > 0)]";
        QTest::newRow("set comprehension") << "{x % 3 for x in xs}" << "{(x % 3) for x in xs}";
        QTest::newRow("lambda key") << "sorted(xs, key=lambda p: p.age)" << "sorted(xs, key=(lambda p: p.age))";
        QTest::newRow("lambda two params") << "lambda a, b: a + b" << "(lambda a, b: (a + b))";
        QTest::newRow("lambda no params") << "lambda: 0" << "(lambda: 0)";
        QTest::newRow("generator beside another argument") << "f(x for x in xs, 1)" << "error: Generator expression must be parenthesized";
    }
    void precedence()
    {
        QFETCH(QString, source);
        QFETCH(QString, tree);
        QCOMPARE(QString::fromStdString(renderExpression(source.toStdString())), tree);
    }

    void functionDefinition()
    {
        Parsed parsed = parse("@get('/x')\ndef f(a: int, b: str = 'q') -> list[int]:\n    return [a]\n");
        QVERIFY(parsed.diagnostics.empty());
        QCOMPARE(parsed.module.body.size(), size_t(1));
        const auto &def = parsed.module.body[0]->as<FunctionDef>();
        QCOMPARE(def.name, std::string("f"));
        QCOMPARE(def.decorators.size(), size_t(1));
        QCOMPARE(def.params.size(), size_t(2));
        QVERIFY(def.params[1].defaultValue);
        QVERIFY(def.returns);
        QCOMPARE(def.body.size(), size_t(1));
        QCOMPARE(def.body[0]->kind, StmtKind::Return);
    }

    void compoundStatements()
    {
        Parsed parsed = parse("def f(n: int) -> int:\n"
                              "    t = 0\n"
                              "    for i, x in enumerate(xs):\n"
                              "        if x: continue\n"
                              "        elif i > 2:\n"
                              "            break\n"
                              "        else:\n"
                              "            t += x\n"
                              "    while t > 0:\n"
                              "        t -= 1; pass\n"
                              "    assert t == 0, 'msg'\n"
                              "    return t\n");
        QVERIFY(parsed.diagnostics.empty());
        const auto &body = parsed.module.body[0]->as<FunctionDef>().body;
        QCOMPARE(body.size(), size_t(5));
        QCOMPARE(body[1]->kind, StmtKind::For);
        QCOMPARE(body[1]->as<ForStmt>().target->kind, ExprKind::TupleLiteral);
        const auto &branch = body[1]->as<ForStmt>().body[0]->as<IfStmt>();
        QCOMPARE(branch.orelse.size(), size_t(1));
        QCOMPARE(branch.orelse[0]->kind, StmtKind::If); // elif
        QCOMPARE(body[2]->as<WhileStmt>().body.size(), size_t(2));
        QVERIFY(body[3]->as<AssertStmt>().message);
    }

    void fstringParts()
    {
        Parsed parsed = parse("x = f'a{b!r:>{w}}c{{d}}'\n");
        QVERIFY(parsed.diagnostics.empty());
        const auto &fstring = parsed.module.body[0]->as<AssignStmt>().value->as<FStringExpr>();
        QCOMPARE(fstring.parts.size(), size_t(3));
        QCOMPARE(fstring.parts[0].literal, std::string("a"));
        QCOMPARE(fstring.parts[1].conversion, 'r');
        QVERIFY(fstring.parts[1].spec);
        QCOMPARE(fstring.parts[1].spec->parts.size(), size_t(2)); // '>' and {w}
        QCOMPARE(fstring.parts[2].literal, std::string("c{d}"));
    }

    void fstringFieldPositionsAreExact()
    {
        Parsed parsed = parse("x = f'ab{yy + 1}'\n");
        const auto &fstring = parsed.module.body[0]->as<AssignStmt>().value->as<FStringExpr>();
        const Expr &value = *fstring.parts[1].value;
        QCOMPARE(parsed.file->lineColumn(value.span.begin).column, 10); // the 'y' of yy
    }

    void unsupportedConstructsAreNamed_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("column");
        QTest::newRow("yield") << "yield 3" << "yield (generators) is not supported in Hotpath handlers" << 1;
        QTest::newRow("star args") << "def f(*args): pass" << "*args is not supported in Hotpath handlers" << 7;
    }
    void unsupportedConstructsAreNamed()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        QFETCH(int, column);
        Parsed parsed = parse(source.toStdString() + "\n");
        QCOMPARE(parsed.diagnostics.size(), size_t(1));
        QCOMPARE(QString::fromStdString(parsed.diagnostics[0].message), message);
        QCOMPARE(parsed.file->lineColumn(parsed.diagnostics[0].span.begin).column, column);
    }

    void recoversAfterErrors()
    {
        Parsed parsed = parse("def f() -> int:\n"
                              "    x = 1 +\n"
                              "    return 1\n"
                              "def g() -> int\n"
                              "    return 2\n"
                              "def h() -> int:\n"
                              "    return 3\n");
        // One error for the incomplete expression, one for the missing colon; h parses.
        QCOMPARE(parsed.diagnostics.size(), size_t(2));
        QCOMPARE(parsed.file->lineColumn(parsed.diagnostics[0].span.begin).line, 2);
        QCOMPARE(parsed.diagnostics[1].message, std::string("expected ':'"));
        QVERIFY(std::any_of(parsed.module.body.begin(), parsed.module.body.end(), [](const StmtPtr &s) {
            return s->kind == StmtKind::FunctionDef && s->as<FunctionDef>().name == "h";
        }));
    }

    void unclosedBracketIsOneError()
    {
        Parsed parsed = parse("def f() -> int:\n    x = (1 +\n    return 1\ndef g() -> int:\n    return 2\n");
        QCOMPARE(parsed.diagnostics.size(), size_t(1));
        QCOMPARE(parsed.diagnostics[0].message, std::string("'(' was never closed"));
        QCOMPARE(parsed.file->lineColumn(parsed.diagnostics[0].span.begin).column, 9);
    }

    void deepNestingIsRefusedNotCrashing()
    {
        const std::string deep = std::string(5000, '(') + "1" + std::string(5000, ')');
        Parsed parsed = parse("x = " + deep + "\n");
        QCOMPARE(parsed.diagnostics.size(), size_t(1));
        QCOMPARE(parsed.diagnostics[0].message, std::string("expression is nested too deeply"));
    }

    void missingBlockNamesItsOwner()
    {
        Parsed parsed = parse("def f() -> None:\n    if x:\n    pass\n");
        QCOMPARE(parsed.diagnostics.size(), size_t(1));
        QCOMPARE(parsed.diagnostics[0].message, std::string("expected an indented block after 'if' statement on line 2"));
    }
};

QTEST_APPLESS_MAIN(TestParser)
#include "tst_parser.moc"
