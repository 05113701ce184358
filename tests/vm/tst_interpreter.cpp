// SPDX-License-Identifier: GPL-3.0-or-later
// The interpreter through its API: results, limits that never crash or hang, and many
// threads calling one compiled module at once.
#include "hotpath/lang/Checker.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/vm/Compiler.h"
#include "hotpath/vm/Interpreter.h"
#include "hotpath/vm/StateTransfer.h"

#include <QtTest/QtTest>

#include <cstdint>

#include <atomic>
#include <functional>
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

const char exceptionsSource[] = "def keep(n: int) -> int:\n"
                                "    x = 14\n"
                                "    try:\n"
                                "        x = x * n\n"
                                "    except OverflowError:\n"
                                "        pass\n"
                                "    try:\n"
                                "        x = x + n\n"
                                "    except OverflowError:\n"
                                "        pass\n"
                                "    try:\n"
                                "        x = x ** n\n"
                                "    except OverflowError:\n"
                                "        pass\n"
                                "    try:\n"
                                "        x = x << 62\n"
                                "    except OverflowError:\n"
                                "        pass\n"
                                "    return x\n"
                                "def swallow() -> int:\n"
                                "    n = 0\n"
                                "    while True:\n"
                                "        try:\n"
                                "            while True:\n"
                                "                n += 1\n"
                                "        except TimeoutError:\n"
                                "            n += 1\n"
                                "        except:\n"
                                "            n += 1\n"
                                "def hog() -> int:\n"
                                "    try:\n"
                                "        s = 'x'\n"
                                "        while True:\n"
                                "            s = s + s\n"
                                "    except BaseException:\n"
                                "        return -1\n"
                                "class Missing(LookupError):\n"
                                "    pass\n"
                                "def lookup(k: int) -> int:\n"
                                "    try:\n"
                                "        return {1: 10}[k]\n"
                                "    except KeyError as e:\n"
                                "        raise Missing(f'no {e}')\n";

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

    // Every int operation past 64 bits raises OverflowError, in its register and constant
    // forms, and the results at the very edge are still exact.
    void integerOverflowRaisesOverflowError()
    {
        const Compiled c = compile("def add(a: int, b: int) -> int:\n    return a + b\n"
                                   "def sub(a: int, b: int) -> int:\n    return a - b\n"
                                   "def mul(a: int, b: int) -> int:\n    return a * b\n"
                                   "def addk(a: int) -> int:\n    return a + 1\n"
                                   "def subk(a: int) -> int:\n    return a - 1\n"
                                   "def mulk(a: int) -> int:\n    return a * 2\n"
                                   "def neg(a: int) -> int:\n    return -a\n"
                                   "def fdiv(a: int, b: int) -> int:\n    return a // b\n"
                                   "def aug(a: int) -> int:\n    a -= 2\n    return a\n");
        constexpr std::int64_t max = INT64_MAX, min = INT64_MIN;
        struct Case
        {
            const char *function;
            std::vector<std::int64_t> args;
        };
        for (const Case &overflow : {Case{"add", {max, 1}}, Case{"sub", {min, 1}}, Case{"sub", {max, -1}}, Case{"mul", {max / 2 + 1, 2}},
                                     Case{"addk", {max}}, Case{"subk", {min}}, Case{"mulk", {min}}, Case{"neg", {min}},
                                     Case{"fdiv", {min, -1}}, Case{"aug", {min + 1}}}) {
            std::vector<runtime::Slot> args;
            for (const std::int64_t v : overflow.args)
                args.push_back(intArg(v));
            const auto r = call(c, overflow.function, args);
            QVERIFY2(r.error == runtime::ErrorKind::OverflowError, overflow.function);
            QCOMPARE(r.message, std::string("integer overflow: result does not fit in 64 bits"));
        }
        QCOMPARE(call(c, "sub", {intArg(min + 1), intArg(1)}).value.i, min);
        QCOMPARE(call(c, "sub", {intArg(-1), intArg(max)}).value.i, min);
        QCOMPARE(call(c, "subk", {intArg(min + 1)}).value.i, min);
        QCOMPARE(call(c, "add", {intArg(max - 1), intArg(1)}).value.i, max);
        QCOMPARE(call(c, "aug", {intArg(min + 2)}).value.i, min);
        QCOMPARE(call(c, "neg", {intArg(max)}).value.i, -max);
    }

    // An operation that raises leaves its target unchanged; no except clause catches the
    // deadline or the memory cap; an uncaught exception carries its own class.
    void exceptionsKeepTargetsAndLimits()
    {
        const Compiled c = compile(exceptionsSource);
        QCOMPARE(call(c, "keep", {intArg(INT64_MAX)}).value.i, 14);
        runtime::Limits limits;
        limits.timeout = std::chrono::milliseconds(100);
        const auto start = std::chrono::steady_clock::now();
        const auto t = call(c, "swallow", {}, limits);
        QCOMPARE(t.error, runtime::ErrorKind::TimeoutError);
        QVERIFY(t.errorIsLimit);
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
        const auto m = call(c, "hog", {});
        QCOMPARE(m.error, runtime::ErrorKind::MemoryError);
        QVERIFY(m.errorIsLimit);
        const auto k = call(c, "lookup", {intArg(2)});
        QCOMPARE(k.errorClass, std::string("Missing"));
        QCOMPARE(k.error, runtime::ErrorKind::LookupError);
        QCOMPARE(k.message, std::string("no 2"));
        QCOMPARE(k.line, 43);
        QCOMPARE(call(c, "lookup", {intArg(1)}).value.i, 10);
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

    // Which names are state and how each function touches it, through its callees.
    void stateAccessFollowsCalls()
    {
        const Compiled c = compile("from dataclasses import dataclass\n"
                                   "@dataclass\n"
                                   "class Item:\n"
                                   "    name: str\n"
                                   "TABLE = ['a', 'b']\n"               // never changed: a constant
                                   "ITEMS: list[Item] = []\n"
                                   "hits = 0\n"
                                   "def add(xs: list[Item], name: str) -> None:\n"
                                   "    xs.append(Item(name))\n"
                                   "def writer() -> int:\n"
                                   "    add(ITEMS, TABLE[0])\n"
                                   "    return len(ITEMS)\n"
                                   "def counter() -> int:\n"
                                   "    global hits\n"
                                   "    hits += 1\n"
                                   "    return hits\n"
                                   "def reader() -> int:\n"
                                   "    return len(ITEMS) + hits\n"
                                   "def indirect() -> int:\n"
                                   "    return reader()\n"
                                   "def free() -> int:\n"
                                   "    return len(TABLE)\n");
        auto access = [&](const char *name) { return c.program->findFunction(name)->stateAccess; };
        QCOMPARE(access("writer"), lang::StateAccess::Write);
        QCOMPARE(access("counter"), lang::StateAccess::Write);
        QCOMPARE(access("reader"), lang::StateAccess::Read);
        QCOMPARE(access("indirect"), lang::StateAccess::Read);
        QCOMPARE(access("free"), lang::StateAccess::None);
        QCOMPARE(access("add"), lang::StateAccess::None); // it cannot reach state by itself
        QVERIFY(!c.program->constants[0].isState);
        QVERIFY(c.program->constants[1].isState && c.program->constants[2].isState);
        QCOMPARE(call(c, "writer", {}).value.i, std::int64_t(1));
        QCOMPARE(call(c, "counter", {}).value.i, std::int64_t(1));
        QCOMPARE(call(c, "indirect", {}).value.i, std::int64_t(2));
    }

    // A reload keeps values whose name and type are unchanged, rewritten to the new
    // program's types and free of the old program's constants (ASan checks the latter).
    void stateMovesToTheNextVersion()
    {
        const char *source = "LOG: list[str] = []\n"
                             "SEEN: dict[str, tuple[str, int]] = {}\n"
                             "n = 0\n"
                             "def hit(k: int) -> int:\n"
                             "    global n\n"
                             "    n += k\n"
                             "    LOG.append('literal')\n"
                             "    SEEN['key'] = ('value', n)\n"
                             "    return n\n"
                             "def show() -> str:\n"
                             "    return f'{LOG} {SEEN} {n}'\n";
        auto first = std::make_unique<Compiled>(compile(source));
        call(*first, "hit", {intArg(2)});
        call(*first, "hit", {intArg(3)});
        Compiled second = compile(std::string(source).replace(std::string(source).find("n += k"), 6, "n = n + k"));
        const std::vector<vm::StateChange> changes = vm::moveState(*first->module->state, *second.module->state);
        QCOMPARE(changes.size(), std::size_t(3));
        QCOMPARE(changes[0].detail, std::string("kept (2 items)"));
        QVERIFY(first->module->state->moved.load());
        first.reset(); // its types and constants are gone now
        const vm::CallResult shown = call(second, "show", {});
        QCOMPARE(std::string(runtime::view(static_cast<runtime::Str *>(shown.value.p))),
                 std::string("['literal', 'literal'] {'key': ('value', 5)} 5"));
        runtime::release(shown.value.p);
        QCOMPARE(call(second, "hit", {intArg(1)}).value.i, std::int64_t(6));

        Compiled third = compile(std::string(source).replace(0, 20, "LOG: list[int] = []\n").replace(
            std::string(source).find("LOG.append('literal')"), 21, "LOG.append(7)        "));
        const std::vector<vm::StateChange> reset = vm::moveState(*second.module->state, *third.module->state);
        QCOMPARE(reset[0].detail, std::string("reset: its type changed from list[str] to list[int]"));
        QVERIFY(reset[1].kept() && reset[2].kept());
    }

    // Dicts keyed by ints and tuples move with their keys rewritten to the new types; a
    // dict whose key type changed is a new type, so it resets, however alike the values.
    void stateKeyedByIntsAndTuplesMoves()
    {
        const char *source = "BY_ID: dict[int, str] = {}\n"
                             "CELLS: dict[tuple[str, int], float] = {}\n"
                             "def put(k: int) -> int:\n"
                             "    BY_ID[k] = f'item {k}'\n"
                             "    CELLS[('row', k)] = k / 2\n"
                             "    return len(BY_ID)\n"
                             "def show() -> str:\n"
                             "    return f'{BY_ID} {CELLS} {BY_ID.get(3)} {CELLS[(\"row\", 1)]}'\n";
        auto first = std::make_unique<Compiled>(compile(source));
        for (int k : {3, 1, 2})
            call(*first, "put", {intArg(k)});
        Compiled second = compile(std::string(source) + "def other() -> int:\n    return 1\n");
        const std::vector<vm::StateChange> changes = vm::moveState(*first->module->state, *second.module->state);
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes[0].detail, std::string("kept (3 entries)"));
        QCOMPARE(changes[1].detail, std::string("kept (3 entries)"));
        first.reset();
        const vm::CallResult shown = call(second, "show", {});
        QCOMPARE(std::string(runtime::view(static_cast<runtime::Str *>(shown.value.p))),
                 std::string("{3: 'item 3', 1: 'item 1', 2: 'item 2'} {('row', 3): 1.5, ('row', 1): 0.5, ('row', 2): 1.0} "
                             "item 3 0.5"));
        runtime::release(shown.value.p);
        QCOMPARE(call(second, "put", {intArg(1)}).value.i, std::int64_t(3)); // found, not added again

        std::string rekeyed = std::string(source).replace(0, std::strlen("BY_ID: dict[int, str] = {}\n"), "BY_ID: dict[str, str] = {}\n");
        rekeyed.replace(rekeyed.find("BY_ID[k]"), 8, "BY_ID[str(k)]");
        rekeyed.replace(rekeyed.find("BY_ID.get(3)"), 12, "BY_ID.get(\"3\")");
        Compiled third = compile(rekeyed);
        const std::vector<vm::StateChange> reset = vm::moveState(*second.module->state, *third.module->state);
        QCOMPARE(reset[0].detail, std::string("reset: its type changed from dict[int, str] to dict[str, str]"));
        QVERIFY(reset[1].kept());
    }

    // A reset says why in the user's terms: which dataclass's fields changed, or that no
    // function changes the variable any more (so it is a constant again).
    void stateResetsSayWhy()
    {
        const std::string before = "from dataclasses import dataclass\n"
                                   "@dataclass\n"
                                   "class Todo:\n"
                                   "    id: int\n"
                                   "    title: str\n"
                                   "TODOS: dict[str, Todo] = {}\n"
                                   "LOG: list[str] = []\n"
                                   "def add(t: str) -> None:\n"
                                   "    TODOS[t] = Todo(1, t)\n"
                                   "    LOG.append(t)\n"
                                   "def show() -> int:\n"
                                   "    return len(LOG)\n";
        Compiled first = compile(before);
        std::string after = before;
        after.replace(after.find("    title: str\n"), 15, "    title: str\n    done: bool\n");
        after.replace(after.find("Todo(1, t)"), 10, "Todo(1, t, False)");
        after.replace(after.find("    LOG.append(t)\n"), 18, "");
        Compiled second = compile(after);
        const std::vector<vm::StateChange> changes = vm::moveState(*first.module->state, *second.module->state);
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes[0].detail, std::string("reset: the fields of Todo changed from (id: int, title: str) to (id: int, "
                                                "title: str, done: bool); a new field needs a default for the old values to "
                                                "be kept (done)"));
        QCOMPARE(changes[1].name, std::string("LOG"));
        QCOMPARE(changes[1].detail, std::string("reset: no function changes it any more, so it is a constant again, with "
                                                "its initial value"));
    }

    // A dataclass that gains a field with a default, loses one and reorders the rest keeps
    // its objects: values move by name, the new field takes its default, and an object
    // reached twice stays one object.
    void dataclassObjectsMigrateToNewFields()
    {
        const char *before = "from dataclasses import dataclass\n"
                             "@dataclass\n"
                             "class Todo:\n"
                             "    id: int\n"
                             "    title: str\n"
                             "    note: str\n"
                             "TODOS: dict[str, Todo] = {}\n"
                             "ORDER: list[Todo] = []\n"
                             "def add(t: str) -> int:\n"
                             "    todo = Todo(len(ORDER) + 1, t, 'n' + t)\n"
                             "    TODOS[t] = todo\n"
                             "    ORDER.append(todo)\n"
                             "    return todo.id\n";
        Compiled first = compile(before);
        runtime::Slot word;
        for (const char *t : {"milk", "tea"}) {
            word.p = runtime::newStr(t);
            call(first, "add", {word});
            runtime::release(word.p);
        }
        const std::string later = "from dataclasses import dataclass\n"
                                  "@dataclass\n"
                                  "class Todo:\n"
                                  "    title: str\n"
                                  "    id: int\n"
                                  "    done: bool = False\n"
                                  "    owner: str = 'me'\n"
                                  "TODOS: dict[str, Todo] = {}\n"
                                  "ORDER: list[Todo] = []\n"
                                  "def finish(t: str) -> str:\n"
                                  "    TODOS[t].done = True\n"
                                  "    return f'{ORDER} {TODOS}'\n";
        auto second = std::make_unique<Compiled>(compile(later));
        const std::vector<vm::StateChange> kept = vm::moveState(*first.module->state, *second->module->state);
        QVERIFY(kept[0].kept() && kept[1].kept());
        QCOMPARE(kept[0].detail, std::string("kept (2 entries); Todo now has fields (title: str, id: int, done: bool, owner: "
                                             "str): values moved by name, new fields from their defaults"));
        first = Compiled{}; // the old types and constants are gone
        word.p = runtime::newStr("milk");
        const vm::CallResult shown = call(*second, "finish", {word});
        runtime::release(word.p);
        QVERIFY(shown.ok);
        QCOMPARE(std::string(runtime::view(static_cast<runtime::Str *>(shown.value.p))),
                 std::string("[Todo(title='milk', id=1, done=True, owner='me'), Todo(title='tea', id=2, done=False, "
                             "owner='me')] {'milk': Todo(title='milk', id=1, done=True, owner='me'), 'tea': "
                             "Todo(title='tea', id=2, done=False, owner='me')}"));
        runtime::release(shown.value.p);

        // A new field without a default cannot be filled: the data is reset, and the log says why.
        std::string third = later;
        third.replace(third.find("    done: bool = False\n"), 23, "    tags: list[str]\n    done: bool = False\n");
        Compiled next = compile(third);
        const std::vector<vm::StateChange> reset = vm::moveState(*second->module->state, *next.module->state);
        QCOMPARE(reset[0].outcome, vm::StateChange::Outcome::Reset);
        QVERIFY2(reset[0].detail.find("a new field needs a default for the old values to be kept (tags)") != std::string::npos,
                 reset[0].detail.c_str());
    }

    // Everything the compiler makes from the conformance programs and the samples passes
    // the verifier, and its listing names every operand by its kind.
    void compiledProgramsVerify()
    {
        QStringList files;
        for (const char *dir : {HOTPATH_PROGRAMS_DIR, HOTPATH_SAMPLES_DIR}) {
            const QDir folder(QString::fromUtf8(dir));
            for (const QString &name : folder.entryList({QStringLiteral("*.py")}, QDir::Files))
                files << folder.filePath(name);
        }
        QVERIFY(files.size() > 100);
        int verified = 0;
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            support::DiagnosticSink sink;
            auto program = lang::checkFile(support::SourceFile(path.toStdString(), file.readAll().toStdString()), sink);
            if (sink.hasErrors())
                continue; // the err_* programs
            auto result = vm::compileProgram(*program);
            if (!result.module)
                continue;
            const std::string problem = vm::verify(*result.module);
            QVERIFY2(problem.empty(), qPrintable(path + QStringLiteral(": ") + QString::fromStdString(problem)));
            for (const vm::Function &function : result.module->functions)
                QVERIFY(!vm::disassemble(*result.module, function).empty());
            ++verified;
        }
        QVERIFY(verified > 100);
    }

    void verifierFindsMalformedBytecode()
    {
        const std::string source = "def f(xs: list[int], s: str) -> int:\n"
                                   "    t = 0\n"
                                   "    for x in xs:\n"
                                   "        if x > 1 and s.startswith('a'):\n"
                                   "            t += x\n"
                                   "    return t\n";
        auto fresh = [&] { return compile(source); };
        auto findOp = [](const vm::Function &function, vm::Op op) {
            for (size_t pc = 0; pc < function.code.size(); ++pc)
                if (function.code[pc].op == op)
                    return pc;
            qFatal("no such instruction");
        };
        {
            Compiled c = fresh();
            QCOMPARE(vm::verify(*c.module), std::string());
            const std::string listing = vm::disassemble(*c.module, c.module->functions[0]);
            QVERIFY2(listing.find("str_startswith(), (r") != std::string::npos, listing.c_str());
            QVERIFY2(listing.find("JUMP_IF_NOT     r") != std::string::npos && listing.find(", -> ") != std::string::npos,
                     listing.c_str());
        }
        struct Breakage
        {
            const char *what;
            std::function<void(vm::Function &)> apply;
        };
        const Breakage breakages[] = {
            {"is register", [&](vm::Function &f) { f.code[findOp(f, vm::Op::JUMP_IF_NOT)].a = f.registerCount; }},
            {"not an instruction", [&](vm::Function &f) { f.code[findOp(f, vm::Op::JUMP_IF_NOT)].setTarget(99999); }},
            {"needs an EXTRA word", [&](vm::Function &f) { f.code[findOp(f, vm::Op::NATIVE) + 1].op = vm::Op::NOP; }},
            {"takes 2 arguments, given 3", [&](vm::Function &f) { f.code[findOp(f, vm::Op::NATIVE) + 1].a = 3; }},
            {"is native", [&](vm::Function &f) { f.code[findOp(f, vm::Op::NATIVE)].b = 60000; }},
            {"run off its end", [&](vm::Function &f) { f.code.back().op = vm::Op::NOP; }},
        };
        for (const Breakage &breakage : breakages) {
            Compiled c = fresh();
            breakage.apply(c.module->functions[0]);
            const std::string problem = vm::verify(*c.module);
            QVERIFY2(problem.find(breakage.what) != std::string::npos, (breakage.what + (" -> " + problem)).c_str());
            QVERIFY2(problem.rfind("bytecode of f, pc ", 0) == 0 || problem.rfind("bytecode of f, can", 0) == 0, problem.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestInterpreter)
#include "tst_interpreter.moc"
