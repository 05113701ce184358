// SPDX-License-Identifier: GPL-3.0-or-later
// try/except/else/finally and raise.
//
// Every instruction records which handler an error it raises goes to (Function::handlers):
// the innermost `except` dispatch or `finally` around it. A handler starts with EXC_TAKE,
// which turns the pending error into an exception object. The dispatch tests the
// clauses in order and re-raises what none catches. A `finally` body is compiled once per
// way out, as CPython does: after the normal path, as the handler of an exception (which
// it raises again at its end), and before each return, break or continue that leaves it.
#include "CompilerImpl.h"

#include "hotpath/runtime/Exceptions.h"

namespace hotpath::vm {

const runtime::ExceptionClass *ModuleCompiler::exceptionClass(const ExceptionInfo *info)
{
    if (info->builtin)
        return runtime::builtinExceptionClass(info->name.c_str());
    if (auto it = exceptionClasses.find(info); it != exceptionClasses.end())
        return it->second;
    const runtime::ExceptionClass *base = exceptionClass(info->base);
    const runtime::ExceptionClass &cls
        = module.exceptionClasses.emplace_back(runtime::ExceptionClass{module.strings.emplace_back(info->name).c_str(), base, base->kind});
    exceptionClasses[info] = &cls;
    return &cls;
}

int FunctionCompiler::exceptionClassConstant(const ExceptionInfo *info)
{
    const void *cls = m_module.exceptionClass(info);
    for (size_t i = 0; i < m_function.constants.size(); ++i)
        if (m_function.constants[i].value.p == cls && !m_function.constants[i].type)
            return static_cast<int>(i);
    Slot s;
    s.p = const_cast<void *>(cls);
    return constant(s);
}

int FunctionCompiler::reserveObject()
{
    m_registers.push_back({true, false});
    if (m_registers.size() > 60000)
        throw CompileError{"function needs too many registers", {}};
    return static_cast<int>(m_registers.size()) - 1;
}

int FunctionCompiler::newHandlerLabel()
{
    m_handlerLabels.push_back(-1);
    return static_cast<int>(m_handlerLabels.size()) - 1;
}

void FunctionCompiler::placeHandler(int label) { m_handlerLabels[static_cast<size_t>(label)] = here(); }

void FunctionCompiler::resolveHandlers()
{
    m_function.handlers.clear();
    if (m_handlerLabels.empty())
        return;
    m_function.handlers.reserve(m_handlerOf.size());
    for (int label : m_handlerOf)
        m_function.handlers.push_back(label < 0 ? noHandler : static_cast<std::uint32_t>(m_handlerLabels[static_cast<size_t>(label)]));
}

// ValueError("message"): the argument's str() is the message, its repr() goes between the
// parentheses of repr(e); KeyError's str() is the repr of its key, as in CPython.
int FunctionCompiler::newException(const CallExpr &e, int dst)
{
    const int out = dst >= 0 ? dst : tempObject();
    const int cls = exceptionClassConstant(e.exception);
    if (e.args.empty()) {
        emit(Op::EXC_NEW0, out, cls);
        return out;
    }
    const Expr &arg = *e.args.front();
    const lang::Type *strType = m_module.program.types.strType();
    const int value = expr(arg);
    const bool object = isObject(arg.type);
    const int repr = native(Native::to_repr, {value}, {object}, -1, strType, m_module.desc(arg.type));
    bool keyError = false;
    for (const ExceptionInfo *c = e.exception; c; c = c->base)
        keyError = keyError || (c->builtin && c->name == "KeyError");
    const int message = keyError ? repr
                      : arg.type->is(TypeKind::Str) ? value
                                                    : native(Native::to_str, {value}, {object}, -1, strType, m_module.desc(arg.type));
    emit(Op::EXC_NEW, out, cls);
    emitExtra(message, repr);
    return out;
}

void FunctionCompiler::raiseStatement(const RaiseStmt &stmt)
{
    if (!stmt.exception) {
        emit(Op::RAISE, m_caught.back());
        return;
    }
    const int exception = expr(*stmt.exception);
    if (stmt.cause && stmt.cause->kind != ExprKind::NoneLiteral && stmt.cause->kind != ExprKind::Name)
        expr(*stmt.cause); // evaluated as Python does; Hotpath prints no chain
    else if (stmt.cause && stmt.cause->kind == ExprKind::Name && stmt.cause->as<NameExpr>().binding == NameBinding::Local)
        expr(*stmt.cause);
    emit(Op::RAISE, exception);
}

// The finally bodies between here and the cleanup depth `depth` (innermost first), as a
// return, break or continue leaves them.
void FunctionCompiler::runFinallyBlocks(size_t depth)
{
    for (size_t k = m_cleanups.size(); k > depth; --k) {
        const Cleanup cleanup = m_cleanups[k - 1];
        // The body runs where its try statement stands: outside its own protection and
        // that of everything it encloses.
        std::vector<int> handlers = m_handlerStack;
        std::vector<Cleanup> cleanups = m_cleanups;
        m_handlerStack.resize(cleanup.handlerDepth);
        m_cleanups.resize(k - 1);
        block(*cleanup.body);
        m_handlerStack = std::move(handlers);
        m_cleanups = std::move(cleanups);
    }
}

size_t FunctionCompiler::cleanupsInLoop() const
{
    size_t depth = m_cleanups.size();
    while (depth > 0 && m_cleanups[depth - 1].loopDepth >= m_loops.size())
        --depth;
    return depth;
}

void FunctionCompiler::tryStatement(const TryStmt &stmt)
{
    const bool hasFinally = !stmt.finalbody.empty();
    int finallyLabel = -1;
    if (hasFinally) {
        finallyLabel = newHandlerLabel();
        m_cleanups.push_back({&stmt.finalbody, m_handlerStack.size(), m_loops.size()});
        m_handlerStack.push_back(finallyLabel);
    }
    const std::set<int> before = m_assigned;
    int dispatchLabel = -1;
    if (!stmt.handlers.empty()) {
        dispatchLabel = newHandlerLabel();
        m_handlerStack.push_back(dispatchLabel);
    }
    block(stmt.body);
    if (!stmt.handlers.empty())
        m_handlerStack.pop_back();
    block(stmt.orelse);
    std::vector<std::set<int>> ends{m_assigned};
    std::vector<int> toEnd{emitJump(Op::JUMP)};

    if (!stmt.handlers.empty()) {
        placeHandler(dispatchLabel);
        const int exception = reserveObject();
        emit(Op::EXC_TAKE, exception);
        for (const ExceptHandler &handler : stmt.handlers) {
            m_assigned = before;
            int skip = -1;
            if (handler.type) {
                std::vector<int> matched;
                const TempMark mark = markTemps();
                const int test = tempNumber();
                for (const ExceptionInfo *cls : handler.classes) {
                    emit(Op::EXC_MATCH, test, exception, exceptionClassConstant(cls));
                    matched.push_back(emitJump(Op::JUMP_IF, test));
                }
                releaseTemps(mark);
                skip = emitJump(Op::JUMP);
                for (int jump : matched)
                    patchJump(jump, here());
            }
            if (handler.slot >= 0) {
                emit(Op::MOVE_OBJ, handler.slot, exception);
                m_assigned.insert(handler.slot);
            }
            m_caught.push_back(exception);
            block(handler.body);
            m_caught.pop_back();
            ends.push_back(m_assigned);
            toEnd.push_back(emitJump(Op::JUMP));
            if (skip >= 0)
                patchJump(skip, here());
        }
        emit(Op::RAISE, exception); // no clause caught it
    }

    std::set<int> assigned = ends.front();
    for (const std::set<int> &end : ends) {
        std::set<int> both;
        for (int r : assigned)
            if (end.count(r))
                both.insert(r);
        assigned = both;
    }
    for (int jump : toEnd)
        patchJump(jump, here());
    m_assigned = assigned;
    if (!hasFinally)
        return;
    m_handlerStack.pop_back();
    m_cleanups.pop_back();
    block(stmt.finalbody);
    const std::set<int> afterFinally = m_assigned;
    const int skip = emitJump(Op::JUMP);
    placeHandler(finallyLabel);
    m_assigned = before;
    const int pending = reserveObject();
    emit(Op::EXC_TAKE, pending);
    block(stmt.finalbody);
    emit(Op::RAISE, pending);
    patchJump(skip, here());
    m_assigned = afterFinally;
}

} // namespace hotpath::vm
