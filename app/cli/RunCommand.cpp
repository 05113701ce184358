// SPDX-License-Identifier: GPL-3.0-or-later
// `hotpath run FILE.py FUNC [ARG...]`: check, compile and call one function, printing
// its result as Python's print(FUNC(ARG...)) would. `hotpath dump` prints code views.

#include "Commands.h"

#include "hotpath/jit/Jit.h"
#include "hotpath/lang/Checker.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/vm/Compiler.h"
#include "hotpath/vm/Interpreter.h"
#include "hotpath/vm/StateTransfer.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

namespace hotpath::cli {

namespace {

using runtime::Kind;
using runtime::Slot;
using runtime::TypeDesc;

void writeStdout(void *, const char *data, std::size_t size)
{
    std::fwrite(data, 1, size, stdout);
}

struct Loaded
{
    std::unique_ptr<lang::Program> program;
    std::shared_ptr<vm::Module> module;
};

// Checks and compiles FILE; prints diagnostics and returns null on failure.
std::unique_ptr<Loaded> load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: error: cannot read the file: %s\n", qPrintable(path), qPrintable(file.errorString()));
        return nullptr;
    }
    auto loaded = std::make_unique<Loaded>();
    support::DiagnosticSink sink;
    loaded->program = lang::checkFile(support::SourceFile(path.toStdString(), file.readAll().toStdString()), sink);
    if (sink.hasErrors()) {
        for (const support::Diagnostic &d : sink.diagnostics())
            std::fprintf(stderr, "%s\n", support::formatDiagnostic(loaded->program->file, d).c_str());
        return nullptr;
    }
    vm::CompileResult compiled = vm::compileProgram(*loaded->program);
    if (!compiled.module) {
        std::fprintf(stderr, "%s:%d: error: %s\n", qPrintable(path), compiled.errorLine, compiled.error.c_str());
        return nullptr;
    }
    loaded->module = std::move(compiled.module);
    return loaded;
}

// A dict key from a JSON object's member name: JSON names are strings, so an int, float
// or bool key is written as its Python literal ({"1": "a"} for a dict[int, str]).
bool keyFromJson(const QString &name, const TypeDesc *type, Slot &out, QString &why)
{
    bool ok = false;
    switch (type->kind) {
    case Kind::Str: out.p = runtime::newStr(name.toStdString()); return out.p != nullptr;
    case Kind::Int: out.i = name.toLongLong(&ok); break;
    case Kind::Float: out.f = name.toDouble(&ok); break;
    case Kind::Bool:
        ok = name == QLatin1String("True") || name == QLatin1String("False");
        out.i = name == QLatin1String("True");
        break;
    default: break;
    }
    if (!ok)
        why = QStringLiteral("[\"%1\"]: this key cannot be read as %2").arg(name, QString::fromStdString(vm::describeType(type)));
    return ok;
}

// Builds a run-time value of `type` from JSON; false with a reason when it does not fit.
bool fromJson(const QJsonValue &json, const TypeDesc *type, Slot &out, QString &why)
{
    switch (type->kind) {
    case Kind::Int:
        if (!json.isDouble() || json.toDouble() != std::floor(json.toDouble()) || std::fabs(json.toDouble()) > 9.007199254740992e15) {
            why = QStringLiteral("expected an integer");
            return false;
        }
        out.i = static_cast<std::int64_t>(json.toDouble());
        return true;
    case Kind::Float:
        if (!json.isDouble()) {
            why = QStringLiteral("expected a number");
            return false;
        }
        out.f = json.toDouble();
        return true;
    case Kind::Bool:
        if (!json.isBool()) {
            why = QStringLiteral("expected true or false");
            return false;
        }
        out.i = json.toBool();
        return true;
    case Kind::Str:
        if (!json.isString()) {
            why = QStringLiteral("expected a string");
            return false;
        }
        out.p = runtime::newStr(json.toString().toStdString());
        return true;
    case Kind::List: {
        if (!json.isArray()) {
            why = QStringLiteral("expected a JSON array");
            return false;
        }
        const QJsonArray array = json.toArray();
        runtime::List *list = runtime::newList(type, 0, array.size());
        out.p = list;
        for (qsizetype i = 0; i < array.size(); ++i) {
            Slot item{0};
            if (!fromJson(array.at(i), type->element, item, why)) {
                why = QStringLiteral("[%1]: %2").arg(i).arg(why);
                return false;
            }
            runtime::hp_list_append(list, item);
            runtime::releaseSlot(item, type->element);
        }
        return true;
    }
    case Kind::Dict: {
        if (!json.isObject()) {
            why = QStringLiteral("expected a JSON object");
            return false;
        }
        const QJsonObject object = json.toObject();
        runtime::Dict *dict = runtime::newDict(type);
        out.p = dict;
        for (auto it = object.begin(); it != object.end(); ++it) {
            Slot value{0};
            if (!fromJson(it.value(), type->element, value, why)) {
                why = QStringLiteral("[\"%1\"]: %2").arg(it.key(), why);
                return false;
            }
            Slot key{0};
            if (!keyFromJson(it.key(), type->key, key, why)) {
                runtime::releaseSlot(value, type->element);
                return false;
            }
            runtime::hp_dict_set(dict, key, value);
            runtime::releaseSlot(key, type->key);
            runtime::releaseSlot(value, type->element);
        }
        return true;
    }
    default: why = QStringLiteral("this parameter type cannot be given on the command line"); return false;
    }
}

// Converts one command-line argument to the parameter's type, as Python would read it.
bool convertArgument(const QString &text, const TypeDesc *type, Slot &out, QString &why)
{
    runtime::Context context;
    runtime::CurrentContext current(&context);
    switch (type->kind) {
    case Kind::Int:
    case Kind::Float: {
        runtime::Str *s = runtime::newStr(text.toStdString());
        if (type->kind == Kind::Int)
            out.i = runtime::hp_int_from_str(s, 10);
        else
            out.f = runtime::hp_float_from_str(s);
        runtime::release(s);
        if (context.failed())
            why = QString::fromStdString(context.message());
        return !context.failed();
    }
    case Kind::Bool:
        if (text == QStringLiteral("True") || text == QStringLiteral("true") || text == QStringLiteral("1"))
            out.i = 1;
        else if (text == QStringLiteral("False") || text == QStringLiteral("false") || text == QStringLiteral("0"))
            out.i = 0;
        else {
            why = QStringLiteral("expected True or False");
            return false;
        }
        return true;
    case Kind::Str: out.p = runtime::newStr(text.toStdString()); return true;
    case Kind::List:
    case Kind::Dict: {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson((QStringLiteral("[") + text + QStringLiteral("]")).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            why = QStringLiteral("not valid JSON: %1").arg(error.errorString());
            return false;
        }
        return fromJson(document.array().at(0), type, out, why);
    }
    default: why = QStringLiteral("this parameter type cannot be given on the command line"); return false;
    }
}

} // namespace

int runRun(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check and compile FILE, call FUNC with the arguments converted to its parameter types\n"
        "(int, float, str, bool; list and dict parameters as JSON text) and print the result\n"
        "as Python's print(FUNC(ARG...)) would. print() in the program writes to stdout.\n"
        "A run-time error prints FILE:LINE: ErrorName: message to stderr and exits 1;\n"
        "compile errors and bad arguments exit 2."));
    parser.addHelpOption();
    const QCommandLineOption tier(QStringLiteral("tier"), QStringLiteral("Execution tier: jit or interp (default: jit)."),
                                  QStringLiteral("tier"), QStringLiteral("jit"));
    const QCommandLineOption opt(QStringLiteral("opt"), QStringLiteral("JIT optimisation level: 0, 1, 2 or 3 (default: 2)."),
                                 QStringLiteral("level"), QStringLiteral("2"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Stop with TimeoutError after S seconds."),
                                     QStringLiteral("S"));
    const QCommandLineOption stats(QStringLiteral("stats"),
                                   QStringLiteral("Print the JIT's compile time and code size per function to stderr."));
    const QCommandLineOption unchecked(QStringLiteral("unchecked"),
                                       QStringLiteral("Both tiers without deadline, overflow and bounds checks, to measure what they cost\n"
                                                      "(bench/safety-checks.sh). A wrong program may then crash."));
    parser.addOption(tier);
    parser.addOption(opt);
    parser.addOption(stats);
    parser.addOption(timeout);
    parser.addOption(unchecked);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The handler file."), QStringLiteral("FILE.py"));
    parser.addPositionalArgument(QStringLiteral("function"), QStringLiteral("The function to call."), QStringLiteral("FUNC"));
    parser.addPositionalArgument(QStringLiteral("args"), QStringLiteral("Its arguments."), QStringLiteral("[ARG...]"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (int exit = ExitOk; !parseCommandLine(parser, "run", arguments, exit))
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        std::fprintf(stderr, "hotpath run: expected FILE.py and FUNC\n\n%s", qPrintable(parser.helpText()));
        return ExitUsage;
    }
    const QString tierName = parser.value(tier);
    const bool useJit = tierName == QStringLiteral("jit");
    if (!useJit && tierName != QStringLiteral("interp")) {
        std::fprintf(stderr, "hotpath run: --tier must be interp or jit, not '%s'\n", qPrintable(tierName));
        return ExitUsage;
    }
    jit::CompileOptions jitOptions;
    jitOptions.safetyChecks = !parser.isSet(unchecked);
    if (!jit::parseOptLevel(parser.value(opt).toStdString(), jitOptions.opt)) {
        std::fprintf(stderr, "hotpath run: --opt must be 0, 1, 2 or 3, not '%s'\n", qPrintable(parser.value(opt)));
        return ExitUsage;
    }
    runtime::Limits limits;
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0) {
            std::fprintf(stderr, "hotpath run: --timeout must be a positive number of seconds\n");
            return ExitUsage;
        }
        limits.timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    }

    const QString path = positional.at(0);
    auto loaded = load(path);
    if (!loaded)
        return ExitUsage;
    const QString functionName = positional.at(1);
    const int index = loaded->module->findFunction(functionName.toStdString());
    const lang::FunctionInfo *info = loaded->program->findFunction(functionName.toStdString());
    if (index < 0 || !info) {
        QStringList names;
        for (const auto &function : loaded->program->functions)
            names.append(QString::fromStdString(function->name));
        std::fprintf(stderr, "hotpath run: no function '%s' in %s (functions: %s)\n", qPrintable(functionName),
                     qPrintable(path), qPrintable(names.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const vm::Function &function = loaded->module->functions[static_cast<size_t>(index)];
    const QStringList values = positional.mid(2);
    if (values.size() != function.paramCount) {
        std::fprintf(stderr, "hotpath run: %s() takes %d argument%s, %lld given\n", qPrintable(functionName),
                     function.paramCount, function.paramCount == 1 ? "" : "s", static_cast<long long>(values.size()));
        return ExitUsage;
    }
    std::vector<Slot> args;
    for (qsizetype i = 0; i < values.size(); ++i) {
        Slot value{0};
        QString why;
        if (!convertArgument(values.at(i), function.paramTypes[static_cast<size_t>(i)], value, why)) {
            std::fprintf(stderr, "hotpath run: argument %lld for parameter '%s' (%s): %s\n", static_cast<long long>(i + 1),
                         info->params[static_cast<size_t>(i)].name.c_str(),
                         info->params[static_cast<size_t>(i)].type->name().c_str(), qPrintable(why));
            return ExitUsage;
        }
        args.push_back(value);
    }

    runtime::Context context(limits);
    context.setOutput(&writeStdout, nullptr);
    // Module constants are computed once, by the interpreter, in either tier; the JIT
    // then folds them into the native code.
    vm::CallResult result = vm::initialiseModule(*loaded->module, context);
    auto started = std::chrono::steady_clock::now();
    if (result.ok && useJit) {
        if (parser.isSet(stats)) // the engine's one-time set-up, so the figures below are a steady state's
            (void)jit::compile(loaded->module, jitOptions);
        const jit::CompileResult compiled = jit::compile(loaded->module, jitOptions);
        if (!compiled.program) {
            std::fprintf(stderr, "%s: internal error: the JIT could not compile the program: %s\n", qPrintable(path),
                         compiled.error.c_str());
            return ExitErrors;
        }
        if (parser.isSet(stats)) {
            const jit::ProgramStats &s = compiled.program->stats();
            std::fprintf(stderr, "jit -O%s: %.2f ms (lower %.2f, optimise %.2f, codegen %.2f)\n", qPrintable(parser.value(opt)),
                         s.totalMs, s.lowerMs, s.optimiseMs, s.codegenMs);
            for (const jit::FunctionStats &f : s.functions)
                std::fprintf(stderr, "  %-24s %5d IR -> %5d IR, %6zu bytes, optimise %.2f ms\n", f.name.c_str(), f.irInstructions,
                             f.optimisedIrInstructions, f.machineCodeBytes, f.optimiseMs);
        }
        started = std::chrono::steady_clock::now();
        result = compiled.program->call(index, args, context);
    } else if (result.ok) {
        result = parser.isSet(unchecked) ? vm::callFunctionUnchecked(*loaded->module, index, args, context)
                                         : vm::callFunction(*loaded->module, index, args, context);
    }
    if (parser.isSet(stats))
        std::fprintf(stderr, "call: %.2f ms\n", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    std::fflush(stdout);
    for (size_t i = 0; i < args.size(); ++i)
        runtime::releaseSlot(args[i], function.paramTypes[i]);
    if (!result.ok) {
        std::fprintf(stderr, "%s:%d: %s%s%s\n", qPrintable(path), result.line,
                     result.errorClass.empty() ? runtime::errorName(result.error) : result.errorClass.c_str(),
                     result.message.empty() ? "" : ": ", result.message.c_str());
        return ExitErrors;
    }
    std::string text;
    runtime::appendStr(text, result.value, function.returnType);
    text += '\n';
    std::fwrite(text.data(), 1, text.size(), stdout);
    runtime::releaseSlot(result.value, function.returnType);
    return ExitOk;
}

// Prints a code view, with the handler's source line as a comment wherever it changes.
void printCodeView(const jit::CodeView &view, const QStringList &sourceLines, const char *comment)
{
    int current = 0;
    for (const jit::CodeLine &line : view) {
        if (line.sourceLine > 0 && line.sourceLine != current && line.sourceLine <= sourceLines.size()) {
            current = line.sourceLine;
            std::printf("%s line %d: %s\n", comment, current, qPrintable(sourceLines.at(current - 1).trimmed()));
        }
        std::printf("%s\n", line.text.c_str());
    }
}

int runDump(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print a compiled view of FUNC in FILE."));
    parser.addHelpOption();
    const QCommandLineOption bytecode(QStringLiteral("bytecode"), QStringLiteral("The interpreter's bytecode listing."));
    const QCommandLineOption ir(QStringLiteral("ir"), QStringLiteral("LLVM IR as lowered, before optimisation."));
    const QCommandLineOption irOpt(QStringLiteral("ir-opt"), QStringLiteral("LLVM IR after the optimisation pipeline."));
    const QCommandLineOption assembly(QStringLiteral("asm"), QStringLiteral("Native code of the JIT-compiled function."));
    const QCommandLineOption opt(QStringLiteral("opt"), QStringLiteral("JIT optimisation level: 0, 1, 2 or 3 (default: 2)."),
                                 QStringLiteral("level"), QStringLiteral("2"));
    parser.addOptions({bytecode, ir, irOpt, assembly, opt});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The handler file."), QStringLiteral("FILE.py"));
    parser.addPositionalArgument(QStringLiteral("function"), QStringLiteral("The function."), QStringLiteral("FUNC"));
    if (int exit = ExitOk; !parseCommandLine(parser, "dump", arguments, exit))
        return exit;
    const QStringList positional = parser.positionalArguments();
    const int views = int(parser.isSet(bytecode)) + int(parser.isSet(ir)) + int(parser.isSet(irOpt)) + int(parser.isSet(assembly));
    if (positional.size() != 2 || views != 1) {
        std::fprintf(stderr, "hotpath dump: expected FILE.py FUNC and one of --bytecode, --ir, --ir-opt, --asm\n");
        return ExitUsage;
    }
    jit::CompileOptions options;
    options.keepCodeViews = true;
    if (!jit::parseOptLevel(parser.value(opt).toStdString(), options.opt)) {
        std::fprintf(stderr, "hotpath dump: --opt must be 0, 1, 2 or 3, not '%s'\n", qPrintable(parser.value(opt)));
        return ExitUsage;
    }
    auto loaded = load(positional.at(0));
    if (!loaded)
        return ExitUsage;
    const int index = loaded->module->findFunction(positional.at(1).toStdString());
    if (index < 0) {
        std::fprintf(stderr, "hotpath dump: no function '%s' in %s\n", qPrintable(positional.at(1)), qPrintable(positional.at(0)));
        return ExitUsage;
    }
    if (parser.isSet(bytecode)) {
        const std::string listing = vm::disassemble(*loaded->module, loaded->module->functions[static_cast<size_t>(index)]);
        std::fwrite(listing.data(), 1, listing.size(), stdout);
        return ExitOk;
    }
    runtime::Context context;
    const vm::CallResult init = vm::initialiseModule(*loaded->module, context);
    if (!init.ok) {
        std::fprintf(stderr, "%s:%d: %s: %s\n", qPrintable(positional.at(0)), init.line, runtime::errorName(init.error), init.message.c_str());
        return ExitErrors;
    }
    const jit::CompileResult compiled = jit::compile(loaded->module, options);
    if (!compiled.program) {
        std::fprintf(stderr, "hotpath dump: internal error: the JIT could not compile the program: %s\n", compiled.error.c_str());
        return ExitErrors;
    }
    const QStringList sourceLines = QString::fromStdString(std::string(loaded->program->file.text())).split(QLatin1Char('\n'));
    const jit::FunctionStats &stats = compiled.program->stats().functions[static_cast<size_t>(index)];
    if (parser.isSet(assembly)) {
        const jit::CodeView view = compiled.program->assembly(index);
        if (view.empty()) {
            std::printf("# %s was inlined into its callers at -O%s: no code of its own\n", stats.name.c_str(), qPrintable(parser.value(opt)));
            return ExitOk;
        }
        std::printf("# %s: %zu bytes of x86-64 at -O%s\n", stats.name.c_str(), stats.machineCodeBytes, qPrintable(parser.value(opt)));
        printCodeView(view, sourceLines, "#");
    } else {
        const bool optimised = parser.isSet(irOpt);
        std::printf("; %s: %d IR instructions%s\n", stats.name.c_str(), optimised ? stats.optimisedIrInstructions : stats.irInstructions,
                    optimised ? qPrintable(QStringLiteral(" after -O") + parser.value(opt)) : " before optimisation");
        printCodeView(optimised ? compiled.program->optimisedIr(index) : compiled.program->ir(index), sourceLines, ";");
    }
    return ExitOk;
}

} // namespace hotpath::cli
