// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the checker: one class split over several files by concern
// (declarations, statements, expressions, calls, endpoints, format specs).

#include "hotpath/lang/Checker.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hotpath::lang {

using support::Offset;

// Python names a value's type by its class: list, dict, tuple, not list[int].
std::string pythonClassName(const Type *type);
// "an int", "a list[str]": for messages that read as sentences.
std::string withArticle(const Type *type);
// The names an assignment or loop target binds: a name, or the names of a tuple of them.
void collectTargetNames(const Expr &target, std::set<std::string> &names);

// What a module-level name refers to.
struct GlobalSymbol
{
    enum class Kind { Constant, Function, Record, MathModule, MathMember, Dataclass, HotpathMember, TypingMember, TypeAlias, Exception };
    GlobalSymbol(Kind k, Span s) : kind(k), span(s) {}
    Kind kind;
    Span span;
    int index = -1;         // Constant: index in Program::constants
    FunctionInfo *function = nullptr;
    RecordInfo *record = nullptr;
    const ExceptionInfo *exception = nullptr; // Exception: the program's own class
    std::string member;     // MathMember / HotpathMember / TypingMember: the original name
    const Type *aliased = nullptr; // TypeAlias: the type the name stands for
};

class Checker
{
public:
    Checker(Program &program, support::DiagnosticSink &sink) : m_program(program), m_sink(sink), m_types(program.types) {}
    void run();

    // declarations (CheckDecls.cpp)
    void collectDeclarations();
    void checkImport(const ImportStmt &stmt);
    void checkImportFrom(const ImportFromStmt &stmt);
    void declareGlobal(const std::string &name, GlobalSymbol symbol);
    void declareRecord(ClassDef &cls);
    void resolveRecord(RecordInfo &record);
    bool resolveFieldCall(AnnAssignStmt &field, const Type *type);
    void declareFunction(FunctionDef &def);
    void resolveSignature(FunctionInfo &function);
    void checkConstant(Stmt &stmt);
    bool looksLikeType(const Expr &value) const;
    void rejectRecursiveRecords();
    bool m_forwardReference = false;                // resolving a quoted annotation
    std::vector<ExprPtr> m_parsedAnnotations;       // their trees, kept with the checker
    const Type *resolveType(const Expr *annotation, Span ownerSpan);
    std::vector<std::string> visibleNames() const;

    // statements (CheckStmts.cpp)
    void checkFunctionBody(FunctionInfo &function);
    void checkBlock(Block &block);
    void checkStatement(Stmt &stmt);
    void checkAssign(AssignStmt &stmt);
    void checkAnnAssign(AnnAssignStmt &stmt);
    void checkAugAssign(AugAssignStmt &stmt);
    void checkFor(ForStmt &stmt);
    void bindTarget(Expr &target, const Type *valueType, Span valueSpan);
    void retypeLoopTarget(const Expr &target, const Type *element, std::vector<std::pair<std::string, int>> &retyped);
    std::map<std::string, int> m_retypedAfterLoop; // name -> line of the loop that rebound it with another type
    const Type *checkStoreTarget(Expr &target);
    void noteFieldStore(const Expr &target, const Type *valueType);
    void bindName(NameExpr &name, const Type *type, Span valueSpan);
    bool alwaysReturns(const Block &block) const;
    void collectAssignedNames(const Block &block, std::set<std::string> &names) const;

    // expressions (CheckExprs.cpp)
    const Type *checkExpr(Expr &expr, const Type *expected = nullptr);
    const Type *checkValue(Expr &expr, const Type *expected = nullptr); // rejects None and iterables
    bool coerce(Expr &expr, const Type *target, const std::string &context);
    bool isAssignable(const Type *from, const Type *to) const;
    const Type *checkName(NameExpr &name);
    const Type *checkAttribute(AttributeExpr &attribute);
    const Type *checkSubscript(SubscriptExpr &subscript);
    const Type *checkSlice(SliceExpr &slice);
    const Type *checkUnary(UnaryExpr &unary);
    const Type *checkBinary(BinaryExpr &binary);
    const Type *binaryResult(BinaryOp op, const Type *left, const Type *right, const Expr &rightExpr, Span at);
    const Type *checkBoolOp(BoolOpExpr &op, const Type *expected);
    const Type *checkCompare(CompareExpr &compare);
    bool checkComparable(CompareOp op, const Type *left, const Type *right, Span at);
    const Type *checkIfExp(IfExpr &expr, const Type *expected);
    const Type *checkList(ListExpr &list, const Type *expected);
    const Type *checkDict(DictExpr &dict, const Type *expected);
    const Type *checkTuple(TupleExpr &tuple, const Type *expected);
    const Type *checkSetLiteral(SetExpr &set, const Type *expected);
    const Type *setOf(const Type *element, Span at);
    static bool isHashable(const Type *type);
    const Type *checkFString(FStringExpr &fstring);
    // comprehensions (CheckComprehensions.cpp)
    const Type *checkComprehension(ComprehensionExpr &comprehension, const Type *expected);
    const Type *checkNamed(NamedExpr &named);
    std::vector<std::pair<std::string, int>> m_namedBindings; // walrus targets so far
    void bindComprehensionTarget(Expr &target, const Type *element, Span valueSpan);
    // key functions (CheckKeys.cpp)
    LambdaExpr *keyFunction(ExprPtr &key, const Type *element, const std::string &owner);
    const Type *checkMinMax(CallExpr &call, Builtin id, const Type *expected);
    void checkFormatSpec(const FStringPart &field, const Type *valueType);
    const Type *iterElement(const Type *type, Span at, const char *context);
    const Type *unify(const Type *a, const Type *b);
    const Type *unifyBoth(Expr &a, Expr &b);
    const Type *unifyElements(std::vector<ExprPtr> &elements, const std::vector<const Type *> &types, const char *what,
                              const char *context, const Type *(Checker::*make)(const Type *));
    const Type *listOf(const Type *element) { return m_types.list(element); }
    const Type *dictOf(const Type *key, const Type *value, Span keyAt);
    const Type *checkCondition(Expr &condition);
    bool m_truthOnly = false; // the expression being checked is only tested for truth
    // "'x' may be None here; check 'x is not None' first", for a T | None used as a T.
    std::string mayBeNone(const Expr &expr) const;
    const Type *notNone(Expr &expr, const Type *type);

    // calls (CheckCalls.cpp)
    const Type *checkCall(CallExpr &call, const Type *expected);
    const Type *checkUserCall(CallExpr &call, FunctionInfo &function);
    const Type *checkRecordCall(CallExpr &call, RecordInfo &record);
    const Type *checkResponseCall(CallExpr &call);
    const Type *checkAbortCall(CallExpr &call);
    const Type *checkReplaceCall(CallExpr &call);
    const Type *checkJsonifyCall(CallExpr &call);
    // Why a value of this type cannot be answered as JSON, or empty.
    std::string jsonProblem(const Type *type) const;
    const Type *checkBuiltinCall(CallExpr &call, Builtin id, const Type *expected);
    const Type *checkMathCall(CallExpr &call, const BuiltinInfo &function);
    const Type *builtinType(const std::string &spelling, const Type *element, const Type *key = nullptr);
    const Type *methodResult(const BuiltinInfo &method, const Type *element, const Type *key = nullptr);
    const Type *checkMethodCall(CallExpr &call, AttributeExpr &callee);
    struct Signature
    {
        std::string owner; // "f()", "Point()", "str.split()"
        std::vector<std::string> names;
        std::vector<const Type *> types;
        std::vector<bool> optional;
        size_t positionalOnly = 0; // builtins take leading positional-only parameters
    };
    bool bindArguments(CallExpr &call, const Signature &signature);
    bool expectArgCount(CallExpr &call, const std::string &owner, size_t min, size_t max);

    // narrowing T | None (CheckNarrowing.cpp): slot -> proved not None (true) or None
    // Facts are keyed by what they are about: "L3" is local slot 3, "L3.1" its field 1.
    using Facts = std::map<std::string, bool>;
    static std::string narrowKey(const Expr &e);
    void conditionFacts(const Expr &condition, Facts &whenTrue, Facts &whenFalse) const;
    void applyFacts(const Facts &facts);
    void noteAssignment(const std::string &key, const Type *declared, const Type *valueType);
    void forgetFields();
    void forgetAssignedIn(const Block &body, const Expr *condition = nullptr);
    bool leavesBlock(const Block &block) const;
    void checkIf(IfStmt &branch);
    void checkWhile(WhileStmt &loop);
    std::set<std::string> m_notNone; // T | None locals and fields proved not None here

    // module state (CheckState.cpp)
    void collectGlobalDeclarations(const Block &block);
    void checkGlobal(const GlobalStmt &stmt);
    bool isDeclaredGlobal(const std::string &name) const { return m_function && m_globalNames.count(name); }
    void bindGlobal(NameExpr &name, const Type *type, Span valueSpan);
    void noteMutation(const Type *container);
    // "; add 'global n' ...": when a local shadows a module-level variable of that name.
    std::string globalHint(const std::string &name) const;
    void analyseState();

    // methods (CheckMethods.cpp)
    void declareMethods(RecordInfo &record, ClassDef &cls);
    bool resolveMethodReceiver(FunctionInfo &function, const Parameter &param, bool first);
    void checkMethodSignature(FunctionInfo &function);
    const Type *checkRecordMethodCall(CallExpr &call, AttributeExpr &callee, const FunctionInfo &method);
    const Type *checkBoundCall(CallExpr &call, const FunctionInfo &method, Expr *receiver);
    const Type *checkClassMemberCall(CallExpr &call, AttributeExpr &callee, const RecordInfo &record);
    const RecordInfo *classNamed(const std::string &name) const;
    const RecordInfo *m_signatureOwner = nullptr; // the class whose method's signature is being resolved

    // exceptions (CheckExceptions.cpp)
    void declareBuiltinExceptions();
    const ExceptionInfo *exceptionClassNamed(const std::string &name) const;
    bool isExceptionClassDef(const ClassDef &cls) const;
    std::optional<std::string> exceptionNameLike(const std::string &name) const;
    void declareExceptionClass(ClassDef &cls);
    const Type *checkExceptionCall(CallExpr &call, const ExceptionInfo &cls);
    void resolveExceptClasses(ExceptHandler &handler);
    void checkTry(TryStmt &stmt);
    void checkRaise(RaiseStmt &stmt);
    int m_exceptDepth = 0; // except blocks around the statement being checked

    // endpoints (CheckEndpoints.cpp)
    void checkDecorators(FunctionInfo &function);
    void checkEndpoint(FunctionInfo &function, CallExpr &decorator, const std::string &kind);
    void checkErrorHandler(FunctionInfo &function, CallExpr &decorator);
    void collectLiteralStatuses(const Block &block, EndpointInfo &endpoint) const;
    // How a function's result is answered (text, JSON, Response, or a status pair of one);
    // false after reporting why it cannot be.
    bool resolveAnswer(const FunctionInfo &function, ResponseKind &response, TupleAnswer &tuple);

    // helpers
    void error(Span span, std::string message) { m_sink.error(span, std::move(message)); }
    const Type *fail(Span span, std::string message)
    {
        error(span, std::move(message));
        return m_types.errorType();
    }
    std::string hintFor(const std::string &word, const std::vector<std::string> &candidates) const;
    std::optional<int> lookupLocal(const std::string &name) const;
    const GlobalSymbol *lookupGlobal(const std::string &name) const;
    int lineOf(Span span) const { return m_program.file.lineColumn(span.begin).line; }

    Program &m_program;
    support::DiagnosticSink &m_sink;
    TypeContext &m_types;
    std::map<std::string, GlobalSymbol> m_globals;
    // Names whose definition was rejected with an error already; uses stay quiet.
    std::set<std::string> m_poisoned;
    bool isPoisoned(const std::string &name) const { return m_poisoned.count(name) || m_program.module.hasStarImport; }
    // Where each function's source region ends (the next top-level statement), to tell
    // whether syntax errors fell inside it.
    std::map<const FunctionDef *, Offset> m_regionEnd;

    // the function being checked
    FunctionInfo *m_function = nullptr;
    // Module-level code (a constant's value) that needs locals of its own: a
    // comprehension's targets, a key lambda's parameter. They live in the program's
    // moduleScope, as a function's live in its FunctionInfo.
    bool inModuleScope() const { return m_function == &m_program.moduleScope; }
    class ModuleScope;
    std::set<std::string> m_assignedNames; // every name bound anywhere in the function
    std::map<std::string, int> m_localSlots;
    int m_loopDepth = 0;
    std::map<std::string, Span> m_globalNames; // `global` declarations anywhere in the body
    std::set<std::string> m_globalsPassed;     // ... and those already passed, in order
    std::string m_targetName; // the name being assigned, for hints that show an annotation
    bool m_inConstant = false; // checking a module constant's initializer
    Offset m_constantEnd = 0;
};

// While it lives, names resolve as inside a function whose only locals are the ones that
// module-level code binds (comprehension targets, lambda parameters); everything else is
// a module-level name as before.
class Checker::ModuleScope
{
public:
    explicit ModuleScope(Checker &checker) : m_checker(checker)
    {
        m_checker.m_program.moduleScope.name = "<module>";
        m_checker.m_function = &m_checker.m_program.moduleScope;
        m_checker.m_localSlots.clear();
        m_checker.m_notNone.clear();
        m_checker.m_assignedNames.clear();
        m_checker.m_retypedAfterLoop.clear();
        m_checker.m_globalNames.clear();
    }
    ~ModuleScope()
    {
        m_checker.m_function = nullptr;
        m_checker.m_localSlots.clear();
        m_checker.m_notNone.clear();
    }
    ModuleScope(const ModuleScope &) = delete;
    ModuleScope &operator=(const ModuleScope &) = delete;

private:
    Checker &m_checker;
};

} // namespace hotpath::lang
