// SPDX-License-Identifier: GPL-3.0-or-later
// The interpreter through its API: results, limits that never crash or hang, and many
// threads calling one compiled module at once.
#include "hotpath/lang/Checker.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/vm/Compiler.h"
#include "hotpath/vm/Interpreter.h"

#include <QtTest/QtTest>

#include <atomic>
#include <thread>

using namespace hotpath;

namespace {

struct Compiled
{
    std::unique_ptr<lang::Program> program;
    std::unique_ptr<vm::Module> module;
};

Compiled compile(const std::string &source)
{
    Compiled c;
    support::DiagnosticSink sink;
    c.program = lang::checkFile(support::SourceFile("t.py", source), sink);
    if (sink.hasErrors())
        qFatal("%s", support::formatDiagnostic(c.program->file, sink.diagnostics()[0]).c_str());
    auto result = vm::compileProgram(*c.program);
    if (!result.module)
        qFatal("compile: %s", result.error.c_str());
    c.module = std::move(result.module);
    runtime::Context context;
    if (!vm::initialiseModule(*c.module, context).ok)
        qFatal("constants failed");
    return c;
}

vm::CallResult call(const Compiled &c, const std::string &function, std::vector<runtime::Slot> args,
                    runtime::Limits limits = {})
{
    runtime::Context context(limits);
    return vm::callFunction(*c.module, c.module->findFunction(function), args, context);
}

runtime::Slot intArg(std::int64_t v)
{
    runtime::Slot s;
    s.i = v;
    return s;
}

} // namespace

class TestInterpreter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computesResults()
    {
        const Compiled c = compile("def fib(n: int) -> int:\n"
                                   "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                                   "def words(n: int) -> str:\n"
                                   "    d: dict[str, int] = {}\n"
                                   "    for w in 'b a b c b'.split():\n"
                                   "        d[w] = d.get(w, 0) + n\n"
                                   "    return f'{d} {sorted(d.items())[0]}'\n");
        const auto r = call(c, "fib", {intArg(20)});
        QVERIFY(r.ok);
        QCOMPARE(r.value.i, std::int64_t(6765));
        const auto w = call(c, "words", {intArg(2)});
        QVERIFY(w.ok);
        std::string text;
        runtime::appendStr(text, w.value, c.module->functions[static_cast<size_t>(c.module->findFunction("words"))].returnType);
        runtime::release(w.value.p);
        QCOMPARE(text, std::string("{'b': 6, 'a': 2, 'c': 2} ('a', 2)"));
    }

    void deepRecursionRaisesRecursionError()
    {
        const Compiled c = compile("def down(n: int) -> int:\n    return 0 if n == 0 else 1 + down(n - 1)\n");
        const auto ok = call(c, "down", {intArg(900)});
        QVERIFY(ok.ok);
        const auto r = call(c, "down", {intArg(1000000)});
        QVERIFY(!r.ok);
        QCOMPARE(r.error, runtime::ErrorKind::RecursionError);
        QCOMPARE(r.message, std::string("maximum recursion depth exceeded"));
        QCOMPARE(r.line, 2);
    }

    void infiniteLoopRaisesTimeoutError()
    {
        const Compiled c = compile("def spin() -> int:\n    n = 0\n    while True:\n        n += 1\n");
        runtime::Limits limits;
        limits.timeout = std::chrono::milliseconds(100);
        const auto r = call(c, "spin", {}, limits);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, runtime::ErrorKind::TimeoutError);
    }

    void hugeAllocationRaisesMemoryError()
    {
        const Compiled c = compile("def big() -> int:\n    xs = [0] * 10**12\n    return len(xs)\n"
                                   "def doubling() -> int:\n    s = 'x'\n    while True:\n        s = s + s\n");
        const auto r = call(c, "big", {});
        QVERIFY(!r.ok);
        QCOMPARE(r.error, runtime::ErrorKind::MemoryError);
        const auto d = call(c, "doubling", {});
        QVERIFY(!d.ok);
        QCOMPARE(d.error, runtime::ErrorKind::MemoryError);
    }

    void errorsCarryPythonMessagesAndLines()
    {
        const Compiled c = compile("def f(a: int, b: int) -> int:\n    x = a + 1\n    return x // b\n"
                                   "def g() -> int:\n    xs = [1]\n    return xs[5]\n");
        const auto r = call(c, "f", {intArg(1), intArg(0)});
        QCOMPARE(r.error, runtime::ErrorKind::ZeroDivisionError);
        QCOMPARE(r.message, std::string("integer division or modulo by zero"));
        QCOMPARE(r.line, 3);
        const auto g = call(c, "g", {});
        QCOMPARE(g.error, runtime::ErrorKind::IndexError);
        QCOMPARE(g.message, std::string("list index out of range"));
        QCOMPARE(g.line, 6);
    }

    void cancelFlagStopsACallFromAnotherThread()
    {
        const Compiled c = compile("def spin() -> int:\n    while True:\n        pass\n");
        runtime::Context context;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            context.cancel();
        });
        const auto r = vm::callFunction(*c.module, c.module->findFunction("spin"), {}, context);
        canceller.join();
        QVERIFY(!r.ok);
        QCOMPARE(r.error, runtime::ErrorKind::CancelledError);
    }

    void manyThreadsShareOneModule()
    {
        const Compiled c = compile("NAMES = ['a', 'b', 'c']\n"
                                   "def work(n: int) -> int:\n"
                                   "    total = 0\n"
                                   "    for i in range(n):\n"
                                   "        s = NAMES[i % 3] * (i % 5)\n"
                                   "        total += len(s)\n"
                                   "    return total\n");
        const std::int64_t expected = call(c, "work", {intArg(20000)}).value.i;
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int k = 0; k < 20; ++k)
                    if (call(c, "work", {intArg(20000)}).value.i != expected)
                        ++mismatches;
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
        QCOMPARE(expected, std::int64_t(40000)); // sum of i % 5 for i < 20000, as CPython computes
    }
};

QTEST_APPLESS_MAIN(TestInterpreter)
#include "tst_interpreter.moc"
