// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the compiler: one FunctionCompiler per function, split over files by
// concern (statements, expressions, calls, loops).

#include "hotpath/vm/Compiler.h"
#include "hotpath/vm/HttpRecords.h"
#include "hotpath/vm/Natives.h"

#include <functional>
#include <map>
#include <set>
#include <optional>
#include <stdexcept>
#include <vector>

namespace hotpath::vm {

using namespace hotpath::lang;

// A construct the interpreter cannot compile yet. Thrown inside the compiler only and
// turned into a CompileResult error at its boundary.
struct CompileError
{
    std::string message;
    Span span;
};

struct ModuleCompiler
{
    const Program &program;
    Module &module;
    std::map<const lang::Type *, const TypeDesc *> descs;
    std::map<const FunctionInfo *, int> functionIndex;

    const TypeDesc *desc(const lang::Type *type);
    const TypeDesc *noneDesc();
    const TypeDesc *listDesc(const TypeDesc *element); // list[T] without a checker type
    const TypeDesc *boxDesc(const TypeDesc *element);  // the tuple[T] a scalar T | None lives in
    std::map<const TypeDesc *, const TypeDesc *> lists, boxes;
    // The run-time class of an exception class (the program's own live in the module).
    const runtime::ExceptionClass *exceptionClass(const ExceptionInfo *info);
    std::map<const ExceptionInfo *, const runtime::ExceptionClass *> exceptionClasses;
};

// A value produced by an iteration step: one register, or a tuple produced as parts
// (d.items(), enumerate, zip) that a tuple target can bind without building the tuple.
struct Element
{
    int reg = -1;
    std::vector<Element> parts;
    const lang::Type *type = nullptr;
};

class FunctionCompiler
{
public:
    FunctionCompiler(ModuleCompiler &module, Function &function, const FunctionInfo *info,
                     std::set<int> flagged = {});
    using ElementBody = std::function<void(const Element &)>;

    void compileBody(const Block &body);
    void compileConstantInitialiser(const std::vector<ConstantInfo> &constants);

    // ---- emission (Compiler.cpp)
    int emit(Op op, int a = 0, int b = 0, int c = 0);
    void emitExtra(int a = 0, int b = 0, int c = 0) { emit(Op::EXTRA, a, b, c); }
    int emitJump(Op op, int a = 0);
    void patchJump(int at, int target);
    int here()
    {
        flushFlag();
        return static_cast<int>(m_function.code.size());
    }
    // Number locals that may be read before assignment get a flag register, set after
    // every write, so reading them unassigned raises UnboundLocalError as in Python.
    std::set<int> m_needsFlag;
    void flushFlag();
    int constant(Slot value, const TypeDesc *type = nullptr);
    int intConstant(std::int64_t value);
    int floatConstant(double value);
    int strConstant(const std::string &text);
    int typeConstant(const lang::Type *type);
    int typeConstantDesc(const TypeDesc *desc);
    void setLine(Span span);

    // ---- registers (Compiler.cpp)
    bool isObject(const lang::Type *type) const;
    int temp(const lang::Type *type);
    int tempNumber();
    int tempObject();
    int tempBlock(const std::vector<bool> &objects);
    struct TempMark { size_t count; };
    TempMark markTemps() const { return {m_liveTemps.size()}; }
    void releaseTemps(TempMark mark);
    void move(int dst, int src, const lang::Type *type);

    // ---- statements (Compiler.cpp)
    void statement(const Stmt &stmt);
    void block(const Block &stmts);
    void assign(const Expr &target, const Expr &value);
    void storeTo(const Expr &target, int src);
    void augAssign(const AugAssignStmt &stmt);
    void ifStatement(const IfStmt &stmt);
    void whileStatement(const WhileStmt &stmt);
    void closeLoop(int exit, int continueTarget);
    void returnStatement(const ReturnStmt &stmt);
    void assertStatement(const AssertStmt &stmt);

    // ---- exceptions (CompileExceptions.cpp)
    void tryStatement(const TryStmt &stmt);
    void raiseStatement(const RaiseStmt &stmt);
    int newException(const CallExpr &e, int dst);
    int exceptionClassConstant(const ExceptionInfo *info);
    int reserveObject(); // an object register no statement frees
    int newHandlerLabel();
    void placeHandler(int label);
    void resolveHandlers();
    void runFinallyBlocks(size_t depth);
    size_t cleanupsInLoop() const; // the cleanup depth at the innermost loop's start
    struct Cleanup
    {
        const Block *body;    // a finally block
        size_t handlerDepth;  // m_handlerStack's size outside its try statement
        size_t loopDepth;     // m_loops's size there
    };
    std::vector<Cleanup> m_cleanups;   // the finally blocks around here, innermost last
    std::vector<int> m_handlerStack;   // handler labels around here, innermost last
    std::vector<int> m_handlerLabels;  // label -> pc of its first instruction
    std::vector<int> m_handlerOf;      // per instruction: its handler label, or -1
    std::vector<int> m_caught;         // registers of the exceptions being handled

    // ---- expressions (CompileExprs.cpp)
    int expr(const Expr &e, int dst = -1);
    int exprCore(const Expr &e, int dst);
    int wrapOptional(const Expr &e, int dst);
    int wrapRegister(int reg, const lang::Type *type, int dst);
    const lang::Type *declaredOptional(const Expr &target) const;
    static Native setInPlace(BinaryOp op);
    int noneInto(int dst);
    int newSet(const lang::Type *type); // an empty set of that type, in a new register
    static bool isConstantValue(const Expr &e);
    int exprInto(const Expr &e, int dst);
    int widen(const Expr &e, int reg, int dst); // applied by expr() itself
    // The type of e's value after the checker's widening.
    const lang::Type *valueType(const Expr &e) const
    {
        return e.widenToFloat ? m_module.program.types.floatType() : e.type;
    }
    int binary(const BinaryExpr &e, int dst);
    int arithmetic(BinaryOp op, const lang::Type *resultType, int left, const lang::Type *leftType, int right,
                   const lang::Type *rightType, int dst);
    int unary(const UnaryExpr &e, int dst);
    void foldConstantOperand();
    int compare(const CompareExpr &e, int dst);
    int isNone(const CompareExpr &e, int dst);
    int compareOne(CompareOp op, int left, const lang::Type *leftType, int right, const lang::Type *rightType, int dst,
                   bool rightReused = false);
    int boolOp(const BoolOpExpr &e, int dst);
    int ifExp(const IfExpr &e, int dst);
    int truthy(int reg, const lang::Type *type);
    int condition(const Expr &e);
    int subscript(const SubscriptExpr &e, int dst);
    int slice(const SliceExpr &e, int dst);
    int attribute(const AttributeExpr &e, int dst);
    int fstring(const FStringExpr &e, int dst);
    int listLiteral(const ListExpr &e, int dst);
    int dictLiteral(const DictExpr &e, int dst);
    int tupleLiteral(const TupleExpr &e, int dst);
    int name(const NameExpr &e, int dst);
    int formatValue(int reg, const lang::Type *type, int specIndex, char conversion, int dst);

    // ---- calls (CompileCalls.cpp)
    int call(const CallExpr &e, int dst);
    int userCall(const CallExpr &e, int dst);
    template<typename Parameters> int argumentBlock(const CallExpr &e, const Parameters &params);
    int recordCall(const CallExpr &e, int dst);
    int responseCall(const CallExpr &e, int dst);
    int jsonifyCall(const CallExpr &e, int dst);
    int replaceCall(const CallExpr &e, int dst);
    int newRecord(const RecordInfo &record, int base, int dst); // NEW_RECORD, then __post_init__
    int newResponse(int base, bool noHeaders, const lang::Type *type, int dst);
    int builtinCall(const CallExpr &e, int dst);
    int mathCall(const CallExpr &e, int dst);
    int setWithIterable(const CallExpr &e, int receiver, int dst);
    int methodCall(const CallExpr &e, int dst);
    int native(Native fn, const std::vector<int> &args, const std::vector<bool> &argObjects, int dst,
               const lang::Type *resultType, const TypeDesc *type = nullptr);
    int printCall(const CallExpr &e);
    // None as an object argument: a null register (a reused temporary may still hold an
    // immortal constant, so it is cleared).
    int nullObject()
    {
        const int r = tempObject();
        emit(Op::CLEAR, r);
        return r;
    }
    int reduceCall(const CallExpr &e, Builtin fn, int dst);
    // A new list (or, with resultType, a new tuple[T, ...]) of the iterable's elements.
    int materialize(const Expr &iterable, const lang::Type *elementType, const lang::Type *resultType = nullptr);
    int newList(const std::vector<ExprPtr> &elements, const lang::Type *type, int dst);

    // ---- comprehensions (CompileComprehensions.cpp)
    // The type of one element of an iterable of type `iterable` (what the checker's
    // iterElement gives): a list's, set's or iterable's element, a tuple's first item, a
    // str for a str or a dict (its keys).
    const lang::Type *elementTypeOf(const lang::Type *iterable) const
    {
        if (iterable->is(TypeKind::List) || iterable->is(TypeKind::Iterable) || iterable->is(TypeKind::Set))
            return iterable->element;
        if (iterable->is(TypeKind::Tuple))
            return iterable->items.front();
        if (iterable->is(TypeKind::Dict))
            return iterable->key;
        return m_module.program.types.strType();
    }
    static bool isGenerator(const Expr &e)
    {
        return e.kind == ExprKind::Comprehension && e.as<ComprehensionExpr>().form == ComprehensionForm::Generator;
    }
    // Runs body once per element of iterable; a generator expression runs its clauses in
    // place, so no list is built. Jumps body adds to m_consumerExits.back() land after it.
    void forEachElement(const Expr &iterable, const ElementBody &body);
    void eachElement(const Expr &iterable, const ElementBody &body);
    int firstDecides(const Expr &items, const std::function<int(const Element &)> &test, bool stopOn, bool invert, int dst);
    int anyAll(const CallExpr &e, int dst);
    int nextOf(const CallExpr &e, int dst);
    // key functions (CompileKeys.cpp)
    int applyKey(const LambdaExpr &key, int item, const lang::Type *itemType);
    int keysOf(int list, const lang::Type *itemType, const LambdaExpr &key);
    void sortList(int list, const lang::Type *itemType, const LambdaExpr *key, int reverse);
    int bestOf(const CallExpr &e, int dst);
    int dictFromPairs(const CallExpr &e, int dst);
    void runClauses(const ComprehensionExpr &e, size_t clause, const std::function<void()> &innermost);
    int comprehension(const ComprehensionExpr &e, int dst);
    std::vector<std::vector<int>> m_consumerExits;

    // ---- loops (CompileLoops.cpp)
    struct Iterator;
    void forStatement(const ForStmt &stmt);
    struct LoopJumps
    {
        int exit; // the jump taken when the elements run out
        int next; // where the next step begins (a `continue` goes here)
    };
    LoopJumps loopOver(const Expr &iterable, const Expr *target, const ElementBody &body);
    std::unique_ptr<Iterator> makeIterator(const Expr &iterable);
    std::unique_ptr<Iterator> makeIteratorFor(const Expr &iterable);
    void bindElement(const Expr &target, const Element &element);
    int elementValue(const Element &element, int dst);

    ModuleCompiler &m_module;
    Function &m_function;
    const FunctionInfo *m_info;

private:
    friend struct Iterator;
    // constantOnly: the register holds nothing but an immortal constant, so freeing it
    // needs no CLEAR.
    struct Register { bool object; bool free; bool constantOnly = false; };
    std::vector<Register> m_registers;
    std::vector<int> m_liveTemps;
    int m_firstTemp = 0;
    // The constant initialiser: its registers are the module scope's locals, then one per
    // constant (constant k in register m_constantBase + k), then temporaries.
    bool m_initialiser = false;
    int m_constantBase = 0;
    int m_line = 0;
    struct Loop { int continueTarget; std::vector<int> breaks; std::vector<int> continues; };
    std::vector<Loop> m_loops;
    // Object locals certainly assigned on every path to here; reads of the others are
    // checked (UnboundLocalError instead of reading a null register).
    std::set<int> m_assigned;
    std::set<int> m_flagged;
    std::map<int, int> m_flagRegister;
    int m_pendingFlag = -1;
    void markAssigned(const Expr &target);
};

struct FunctionCompiler::Iterator
{
    virtual ~Iterator() = default;
    // Emits the step; returns the index of the jump taken when the iterator is done.
    virtual int next(FunctionCompiler &fc, Element &out) = 0;
    const lang::Type *elementType = nullptr; // the checker's type of one element
    int preferredRegister = -1;              // where a plain int element may go directly
};

[[noreturn]] inline void unsupportedHere(Span span, const std::string &what)
{
    throw CompileError{what + " is not supported by the interpreter yet", span};
}

} // namespace hotpath::vm
