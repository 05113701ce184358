// SPDX-License-Identifier: GPL-3.0-or-later
// The compiler's frame: types, constants, registers and statements.
#include "CompilerImpl.h"
#include "hotpath/vm/Interpreter.h"

#include "hotpath/runtime/Heap.h"

#include <algorithm>

namespace hotpath::vm {

using runtime::Kind;

// ---- run-time types -------------------------------------------------------------------

const TypeDesc *ModuleCompiler::noneDesc()
{
    static const TypeDesc none{Kind::None, nullptr, 0, nullptr, nullptr, nullptr};
    return &none;
}

const TypeDesc *ModuleCompiler::listDesc(const TypeDesc *element)
{
    if (auto it = lists.find(element); it != lists.end())
        return it->second;
    TypeDesc &d = module.types.emplace_back();
    d.kind = Kind::List;
    d.element = element;
    lists[element] = &d;
    return &d;
}

const TypeDesc *ModuleCompiler::boxDesc(const TypeDesc *element)
{
    if (auto it = boxes.find(element); it != boxes.end())
        return it->second;
    TypeDesc &box = module.types.emplace_back();
    box.kind = Kind::Tuple;
    box.count = 1;
    box.items = module.typeLists.emplace_back(std::vector<const TypeDesc *>{element}).data();
    boxes[element] = &box;
    return &box;
}

const TypeDesc *ModuleCompiler::desc(const lang::Type *type)
{
    if (!type)
        return noneDesc();
    if (auto it = descs.find(type); it != descs.end())
        return it->second;
    if (type->is(TypeKind::Exception)) // every exception object has one layout; it knows its class
        return descs[type] = runtime::exceptionLayout();
    TypeDesc &d = module.types.emplace_back();
    descs[type] = &d; // before recursing: records may refer to themselves through lists
    switch (type->kind) {
    case TypeKind::Int: d.kind = Kind::Int; break;
    case TypeKind::Float: d.kind = Kind::Float; break;
    case TypeKind::Bool: d.kind = Kind::Bool; break;
    case TypeKind::Str: d.kind = Kind::Str; break;
    case TypeKind::None: d.kind = Kind::None; break;
    case TypeKind::List:
        d.kind = Kind::List;
        d.element = desc(type->element);
        d.tupleOf = type->tupleOf;
        break;
    case TypeKind::Dict:
        d.kind = Kind::Dict;
        d.key = desc(type->key);
        d.element = desc(type->element);
        break;
    case TypeKind::Set:
        d.kind = Kind::Set;
        d.element = desc(type->element);
        break;
    case TypeKind::Optional:
        d.kind = Kind::Optional;
        d.element = desc(type->element);
        if (!d.element->isObject()) {
            d.items = module.typeLists.emplace_back(std::vector<const TypeDesc *>{boxDesc(d.element)}).data();
            d.count = 1;
        }
        break;
    case TypeKind::Tuple: {
        d.kind = Kind::Tuple;
        auto &items = module.typeLists.emplace_back();
        for (const lang::Type *item : type->items)
            items.push_back(desc(item));
        d.items = items.data();
        d.count = static_cast<std::uint32_t>(items.size());
        break;
    }
    case TypeKind::Record: {
        d.kind = Kind::Record;
        const RecordInfo &record = *type->record;
        d.name = module.strings.emplace_back(record.name).c_str();
        auto &items = module.typeLists.emplace_back();
        auto &names = module.nameLists.emplace_back();
        for (const FieldInfo &field : record.fields) {
            items.push_back(desc(field.type));
            names.push_back(module.strings.emplace_back(field.name).c_str());
        }
        d.items = items.data();
        d.fieldNames = names.data();
        d.count = static_cast<std::uint32_t>(items.size());
        break;
    }
    case TypeKind::Request: {
        // The server fills these; header names are stored lower-cased.
        d.kind = Kind::Record;
        d.name = "Request";
        TypeDesc &table = module.types.emplace_back();
        table.kind = Kind::Dict;
        table.key = desc(program.types.strType());
        table.element = desc(program.types.strType());
        auto &items = module.typeLists.emplace_back(RequestFieldCount);
        const TypeDesc *str = desc(program.types.strType());
        items[RequestMethod] = items[RequestPath] = items[RequestBody] = str;
        items[RequestHeaders] = items[RequestQuery] = &table;
        d.items = items.data();
        d.fieldNames = requestFieldNames;
        d.count = RequestFieldCount;
        break;
    }
    case TypeKind::Response: {
        // Response(body, status, content_type, headers): a record the server reads.
        d.kind = Kind::Record;
        d.name = "Response";
        TypeDesc &headers = module.types.emplace_back();
        headers.kind = Kind::Dict;
        headers.key = desc(program.types.strType());
        headers.element = desc(program.types.strType());
        auto &items = module.typeLists.emplace_back(ResponseFieldCount);
        items[ResponseBody] = items[ResponseContentType] = desc(program.types.strType());
        items[ResponseStatus] = desc(program.types.intType());
        items[ResponseHeaders] = &headers;
        d.items = items.data();
        d.fieldNames = responseFieldNames;
        d.count = ResponseFieldCount;
        break;
    }
    default: d.kind = Kind::None; break;
    }
    return &d;
}

// ---- function frame -------------------------------------------------------------------

FunctionCompiler::FunctionCompiler(ModuleCompiler &module, Function &function, const FunctionInfo *info,
                                   std::set<int> flagged)
    : m_module(module), m_function(function), m_info(info), m_flagged(std::move(flagged))
{
    if (!info)
        return;
    for (size_t p = 0; p < info->params.size(); ++p)
        m_assigned.insert(static_cast<int>(p));
    for (const LocalInfo &local : info->locals) {
        const bool object = isObject(local.type);
        m_registers.push_back({object, false});
        m_function.registerNames.push_back(local.name);
    }
    for (int slot : m_flagged) {
        m_flagRegister[slot] = static_cast<int>(m_registers.size());
        m_registers.push_back({false, false});
    }
    m_firstTemp = static_cast<int>(m_registers.size());
}

bool FunctionCompiler::isObject(const lang::Type *type) const
{
    switch (type->kind) {
    case TypeKind::Str:
    case TypeKind::List:
    case TypeKind::Dict:
    case TypeKind::Tuple:
    case TypeKind::Record:
    case TypeKind::Request:
    case TypeKind::Response:
    case TypeKind::Optional:
    case TypeKind::Set:
    case TypeKind::Exception: return true;
    default: return false;
    }
}

namespace {

// Whether the instruction stores into register A (as opposed to reading it).
bool writesA(Op op)
{
    switch (op) {
    case Op::NOP: case Op::EXTRA: case Op::CLEAR: case Op::JUMP: case Op::JUMP_IF: case Op::JUMP_IF_NOT:
    case Op::LOOP: case Op::RETURN: case Op::RETURN_NONE: case Op::LIST_SET: case Op::LIST_SET_K: case Op::LIST_APPEND:
    case Op::SET_FIELD: case Op::DICT_SET: case Op::RANGE_CHECK: case Op::PRINT: case Op::ASSERT_FAIL:
    case Op::CHECK_BOUND: case Op::CHECK_BOUND_NUM: case Op::FOR_RANGE: case Op::FOR_RANGE_BACK:
    case Op::STORE_STATE: case Op::STORE_STATE_OBJ: return false;
    default: return true;
    }
}

} // namespace

void FunctionCompiler::flushFlag()
{
    if (m_pendingFlag < 0)
        return;
    const int flag = m_pendingFlag;
    m_pendingFlag = -1;
    m_function.code.push_back({Op::LOAD_K, static_cast<std::uint16_t>(flag), static_cast<std::uint16_t>(intConstant(1)), 0});
    m_function.lines.push_back(m_line);
    m_handlerOf.push_back(m_handlerStack.empty() ? -1 : m_handlerStack.back());
}

int FunctionCompiler::emit(Op op, int a, int b, int c)
{
    if (op != Op::EXTRA)
        flushFlag();
    else if (m_pendingFlag >= 0) {
        // The flag follows the instruction's EXTRA word.
        const int flag = m_pendingFlag;
        m_pendingFlag = -1;
        const int at = emit(op, a, b, c);
        m_pendingFlag = flag;
        flushFlag();
        return at;
    }
    if (writesA(op) && m_flagRegister.count(a))
        m_pendingFlag = m_flagRegister.at(a);
    if (writesA(op) && a < static_cast<int>(m_registers.size()))
        m_registers[static_cast<size_t>(a)].constantOnly = op == Op::LOAD_K_OBJ || op == Op::LOAD_GLOBAL_OBJ;
    m_function.code.push_back({op, static_cast<std::uint16_t>(a), static_cast<std::uint16_t>(b), static_cast<std::uint16_t>(c)});
    m_function.lines.push_back(m_line);
    m_handlerOf.push_back(m_handlerStack.empty() ? -1 : m_handlerStack.back());
    // Not here(): that would write a pending flag between this instruction and its EXTRA.
    return static_cast<int>(m_function.code.size()) - 1;
}

int FunctionCompiler::emitJump(Op op, int a)
{
    const int at = emit(op, a);
    return at;
}

void FunctionCompiler::patchJump(int at, int target) { m_function.code[static_cast<size_t>(at)].setTarget(static_cast<std::uint32_t>(target)); }

void FunctionCompiler::setLine(Span span) { m_line = m_module.program.file.lineColumn(span.begin).line; }

int FunctionCompiler::constant(Slot value, const TypeDesc *type)
{
    m_function.constants.push_back({value, type});
    if (m_function.constants.size() > 65535)
        throw CompileError{"function has too many constants", {}};
    return static_cast<int>(m_function.constants.size()) - 1;
}

int FunctionCompiler::intConstant(std::int64_t value)
{
    for (size_t i = 0; i < m_function.constants.size(); ++i)
        if (!m_function.constants[i].type && m_function.constants[i].value.i == value)
            return static_cast<int>(i);
    Slot s;
    s.i = value;
    return constant(s);
}

int FunctionCompiler::floatConstant(double value)
{
    Slot s;
    s.f = value;
    return constant(s);
}

int FunctionCompiler::strConstant(const std::string &text)
{
    runtime::Str *s = runtime::newStr(text);
    runtime::makeImmortal(s);
    m_module.module.ownedObjects.push_back(s);
    Slot slot;
    slot.p = s;
    return constant(slot, m_module.desc(m_module.program.types.strType()));
}

int FunctionCompiler::typeConstant(const lang::Type *type) { return typeConstantDesc(m_module.desc(type)); }

int FunctionCompiler::typeConstantDesc(const TypeDesc *desc)
{
    for (size_t i = 0; i < m_function.constants.size(); ++i)
        if (m_function.constants[i].type == desc && m_function.constants[i].value.p == nullptr)
            return static_cast<int>(i);
    Slot s;
    s.p = nullptr;
    return constant(s, desc);
}

int FunctionCompiler::tempBlock(const std::vector<bool> &objects)
{
    const int n = static_cast<int>(objects.size());
    for (int start = m_firstTemp;; ++start) {
        bool fits = true;
        for (int k = 0; k < n && fits; ++k) {
            const int r = start + k;
            if (r < static_cast<int>(m_registers.size()))
                fits = m_registers[static_cast<size_t>(r)].free && m_registers[static_cast<size_t>(r)].object == objects[static_cast<size_t>(k)];
        }
        if (!fits)
            continue;
        for (int k = 0; k < n; ++k) {
            const int r = start + k;
            if (r >= static_cast<int>(m_registers.size()))
                m_registers.push_back({objects[static_cast<size_t>(k)], false});
            m_registers[static_cast<size_t>(r)].free = false;
            m_registers[static_cast<size_t>(r)].constantOnly = false;
            m_liveTemps.push_back(r);
        }
        if (m_registers.size() > 60000)
            throw CompileError{"function needs too many registers", {}};
        return start;
    }
}

int FunctionCompiler::temp(const lang::Type *type) { return tempBlock({isObject(type)}); }
int FunctionCompiler::tempNumber() { return tempBlock({false}); }
int FunctionCompiler::tempObject() { return tempBlock({true}); }

// Frees temporaries allocated since `mark`. Object temporaries are cleared, so that no
// stale reference keeps a value alive (or makes a string look shared to STR_APPEND).
void FunctionCompiler::releaseTemps(TempMark mark)
{
    while (m_liveTemps.size() > mark.count) {
        const int r = m_liveTemps.back();
        m_liveTemps.pop_back();
        Register &reg = m_registers[static_cast<size_t>(r)];
        if (reg.free)
            continue;
        reg.free = true;
        if (reg.object && !reg.constantOnly)
            emit(Op::CLEAR, r);
    }
}

void FunctionCompiler::move(int dst, int src, const lang::Type *type)
{
    if (dst == src)
        return;
    emit(isObject(type) ? Op::MOVE_OBJ : Op::MOVE, dst, src);
}

// ---- statements -----------------------------------------------------------------------

void FunctionCompiler::compileBody(const Block &body)
{
    block(body);
    emit(Op::RETURN_NONE);
    flushFlag();
    resolveHandlers();
    m_function.registerCount = static_cast<std::uint16_t>(m_registers.size());
    for (size_t r = 0; r < m_registers.size(); ++r)
        if (m_registers[r].object)
            m_function.objectRegisters.push_back(static_cast<std::uint16_t>(r));
    m_function.zeroRegisters = m_function.objectRegisters;
    for (const auto &[slot, flag] : m_flagRegister)
        m_function.zeroRegisters.push_back(static_cast<std::uint16_t>(flag));
}

void FunctionCompiler::block(const Block &stmts)
{
    for (const StmtPtr &stmt : stmts)
        statement(*stmt);
}

void FunctionCompiler::statement(const Stmt &stmt)
{
    setLine(stmt.span);
    const TempMark mark = markTemps();
    switch (stmt.kind) {
    case StmtKind::Expr:
        if (stmt.as<ExprStmt>().expr->kind != ExprKind::StrLiteral)
            expr(*stmt.as<ExprStmt>().expr);
        break;
    case StmtKind::Assign: assign(*stmt.as<AssignStmt>().target, *stmt.as<AssignStmt>().value); break;
    case StmtKind::AnnAssign: assign(*stmt.as<AnnAssignStmt>().target, *stmt.as<AnnAssignStmt>().value); break;
    case StmtKind::AugAssign: augAssign(stmt.as<AugAssignStmt>()); break;
    case StmtKind::If: ifStatement(stmt.as<IfStmt>()); break;
    case StmtKind::While: whileStatement(stmt.as<WhileStmt>()); break;
    case StmtKind::For: forStatement(stmt.as<ForStmt>()); break;
    case StmtKind::Break:
        runFinallyBlocks(cleanupsInLoop());
        m_loops.back().breaks.push_back(emitJump(Op::JUMP));
        break;
    case StmtKind::Continue:
        runFinallyBlocks(cleanupsInLoop());
        m_loops.back().continues.push_back(emitJump(Op::LOOP));
        break;
    case StmtKind::Pass:
    case StmtKind::Global: break; // the checker bound the names to module state
    case StmtKind::Return: returnStatement(stmt.as<ReturnStmt>()); break;
    case StmtKind::Assert: assertStatement(stmt.as<AssertStmt>()); break;
    case StmtKind::Try: tryStatement(stmt.as<TryStmt>()); break;
    case StmtKind::Raise: raiseStatement(stmt.as<RaiseStmt>()); break;
    default: unsupportedHere(stmt.span, "this statement");
    }
    releaseTemps(mark);
}

void FunctionCompiler::markAssigned(const Expr &target)
{
    if (target.kind == ExprKind::Name && target.as<NameExpr>().binding == NameBinding::Local)
        m_assigned.insert(target.as<NameExpr>().slot);
    else if (target.kind == ExprKind::TupleLiteral)
        for (const ExprPtr &element : target.as<TupleExpr>().elements)
            markAssigned(*element);
}

void FunctionCompiler::assign(const Expr &target, const Expr &value)
{
    struct Mark
    {
        FunctionCompiler &fc;
        const Expr &target;
        ~Mark() { fc.markAssigned(target); }
    } mark{*this, target};
    if (target.kind == ExprKind::Name && target.as<NameExpr>().binding == NameBinding::Constant) {
        storeTo(target, expr(value)); // after `global`
        return;
    }
    if (target.kind == ExprKind::Name) {
        const auto &name = target.as<NameExpr>();
        // `s = s + x` appends in place when s holds the only reference (CPython's trick).
        if (value.kind == ExprKind::Binary && value.as<BinaryExpr>().op == BinaryOp::Add && value.type->is(TypeKind::Str)
            && value.as<BinaryExpr>().left->kind == ExprKind::Name
            && value.as<BinaryExpr>().left->as<NameExpr>().slot == name.slot
            && value.as<BinaryExpr>().left->as<NameExpr>().binding == NameBinding::Local) {
            const int rhs = expr(*value.as<BinaryExpr>().right);
            emit(Op::STR_APPEND, name.slot, rhs);
            return;
        }
        exprInto(value, name.slot);
        return;
    }
    if (target.kind == ExprKind::TupleLiteral) {
        const int tuple = expr(value);
        Element element{tuple, {}, value.type};
        bindElement(target, element);
        return;
    }
    const int src = expr(value);
    storeTo(target, src);
}

// Stores register `src` into an attribute, list element or dict entry.
void FunctionCompiler::storeTo(const Expr &target, int src)
{
    if (target.kind == ExprKind::Name && target.as<NameExpr>().binding == NameBinding::Constant) {
        emit(isObject(target.type) ? Op::STORE_STATE_OBJ : Op::STORE_STATE, src, target.as<NameExpr>().slot);
        return;
    }
    if (target.kind == ExprKind::Name) {
        move(target.as<NameExpr>().slot, src, target.type);
        return;
    }
    if (target.kind == ExprKind::Attribute) {
        const auto &attribute = target.as<AttributeExpr>();
        if (attribute.fieldIndex < 0)
            unsupportedHere(attribute.span, "storing into something that is not a field"); // the checker refuses it
        const int object = expr(*attribute.object);
        emit(Op::SET_FIELD, object, attribute.fieldIndex, src);
        return;
    }
    if (target.kind == ExprKind::Subscript) {
        const auto &subscript = target.as<SubscriptExpr>();
        const int container = expr(*subscript.object);
        const int index = expr(*subscript.index);
        if (subscript.object->type->is(TypeKind::Dict))
            emit(Op::DICT_SET, container, index, src);
        else {
            emit(Op::LIST_SET, container, index, src);
            foldConstantOperand(); // `flags[j] = False`
        }
        return;
    }
    if (target.kind == ExprKind::TupleLiteral) {
        bindElement(target, Element{src, {}, target.type});
        return;
    }
    unsupportedHere(target.span, "this assignment target");
}

// The native of s |= t, s &= t, s -= t, s ^= t: each changes s in place, as Python's do.
Native FunctionCompiler::setInPlace(BinaryOp op)
{
    switch (op) {
    case BinaryOp::BitOr: return Native::set_update;
    case BinaryOp::BitAnd: return Native::set_intersection_update;
    case BinaryOp::Sub: return Native::set_difference_update;
    default: return Native::set_symmetric_difference_update;
    }
}

// The declared T | None of a narrowed local or field (what a store must wrap into), or null.
const lang::Type *FunctionCompiler::declaredOptional(const Expr &target) const
{
    if (target.kind == ExprKind::Name && target.as<NameExpr>().narrowed && m_info)
        return m_info->locals[static_cast<size_t>(target.as<NameExpr>().slot)].type;
    if (target.kind == ExprKind::Attribute && target.as<AttributeExpr>().narrowed) {
        const auto &attribute = target.as<AttributeExpr>();
        return attribute.object->type->record->fields[static_cast<size_t>(attribute.fieldIndex)].type;
    }
    return nullptr;
}

void FunctionCompiler::augAssign(const AugAssignStmt &stmt)
{
    const Expr &target = *stmt.target;
    const lang::Type *targetType = target.type;
    if (const lang::Type *declared = declaredOptional(target)) {
        // A T | None target the checker proved not None: read T, operate, store it boxed.
        const int current = temp(targetType);
        exprInto(target, current);
        const int value = expr(*stmt.value);
        if (stmt.op == BinaryOp::Add && targetType->is(TypeKind::Str))
            emit(Op::STR_APPEND, current, value);
        else
            arithmetic(stmt.op, targetType, current, targetType, value, valueType(*stmt.value), current);
        const int wrapped = wrapRegister(current, targetType, -1);
        if (target.kind == ExprKind::Name)
            move(target.as<NameExpr>().slot, wrapped, declared);
        else
            storeTo(target, wrapped); // SET_FIELD retains
        return;
    }
    if (target.kind == ExprKind::Name) {
        // A global (after `global`) is read into a temporary, operated on, written back.
        const bool global = target.as<NameExpr>().binding == NameBinding::Constant;
        const int slot = global ? name(target.as<NameExpr>(), temp(targetType)) : target.as<NameExpr>().slot;
        if (targetType->is(TypeKind::Set)) {
            // s |= t and the others change the set in place, as Python's do.
            native(setInPlace(stmt.op), {slot, expr(*stmt.value)}, {true, true}, -1, nullptr);
        } else if (stmt.op == BinaryOp::Add && targetType->is(TypeKind::Str)) {
            emit(Op::STR_APPEND, slot, expr(*stmt.value));
        } else if (stmt.op == BinaryOp::Add && targetType->is(TypeKind::List)) {
            // `xs += ys` extends xs in place, as Python's list.__iadd__ does.
            const int other = expr(*stmt.value);
            native(Native::list_extend, {slot, other}, {true, true}, -1, nullptr);
        } else {
            const int value = expr(*stmt.value);
            if (stmt.op == BinaryOp::Mul && (targetType->is(TypeKind::Str) || targetType->is(TypeKind::List)))
                native(targetType->is(TypeKind::Str) ? Native::str_repeat : Native::list_repeat, {slot, value}, {true, false},
                       slot, targetType);
            else
                arithmetic(stmt.op, targetType, slot, targetType, value, valueType(*stmt.value), slot);
        }
        if (global)
            storeTo(target, slot);
        return;
    }
    // Attribute or subscript: read, operate, write back. The container expression is
    // evaluated once.
    int current = temp(targetType);
    int container = -1, index = -1;
    if (target.kind == ExprKind::Attribute) {
        container = expr(*target.as<AttributeExpr>().object);
        emit(isObject(targetType) ? Op::GET_ITEM_OBJ : Op::GET_ITEM, current, container, target.as<AttributeExpr>().fieldIndex);
    } else {
        const auto &subscript = target.as<SubscriptExpr>();
        container = expr(*subscript.object);
        index = expr(*subscript.index);
        if (subscript.object->type->is(TypeKind::Dict))
            emit(Op::DICT_GET, current, container, index);
        else
            emit(isObject(targetType) ? Op::LIST_GET_OBJ : Op::LIST_GET, current, container, index);
    }
    const int value = expr(*stmt.value);
    if (targetType->is(TypeKind::Set))
        native(setInPlace(stmt.op), {current, value}, {true, true}, -1, nullptr);
    else if (stmt.op == BinaryOp::Add && targetType->is(TypeKind::List))
        native(Native::list_extend, {current, value}, {true, true}, -1, nullptr);
    else if (stmt.op == BinaryOp::Add && targetType->is(TypeKind::Str))
        emit(Op::STR_APPEND, current, value);
    else if (stmt.op == BinaryOp::Mul && (targetType->is(TypeKind::Str) || targetType->is(TypeKind::List)))
        native(targetType->is(TypeKind::Str) ? Native::str_repeat : Native::list_repeat, {current, value}, {true, false},
               current, targetType);
    else
        arithmetic(stmt.op, targetType, current, targetType, value, valueType(*stmt.value), current);
    if (target.kind == ExprKind::Attribute && target.as<AttributeExpr>().fieldIndex < 0)
        unsupportedHere(target.span, "storing into something that is not a field"); // the checker refuses it
    if (target.kind == ExprKind::Attribute)
        emit(Op::SET_FIELD, container, target.as<AttributeExpr>().fieldIndex, current);
    else if (target.as<SubscriptExpr>().object->type->is(TypeKind::Dict))
        emit(Op::DICT_SET, container, index, current);
    else
        emit(Op::LIST_SET, container, index, current);
}

void FunctionCompiler::ifStatement(const IfStmt &stmt)
{
    const int test = condition(*stmt.condition);
    const int skip = emitJump(Op::JUMP_IF_NOT, test);
    const std::set<int> before = m_assigned;
    block(stmt.body);
    const std::set<int> afterBody = m_assigned;
    m_assigned = before;
    if (stmt.orelse.empty()) {
        patchJump(skip, here());
        return;
    }
    const int end = emitJump(Op::JUMP);
    patchJump(skip, here());
    block(stmt.orelse);
    patchJump(end, here());
    std::set<int> both;
    for (int r : m_assigned)
        if (afterBody.count(r))
            both.insert(r);
    m_assigned = both;
}

void FunctionCompiler::whileStatement(const WhileStmt &stmt)
{
    const int top = here();
    m_loops.push_back({top, {}, {}});
    const int test = condition(*stmt.condition);
    const int exit = emitJump(Op::JUMP_IF_NOT, test);
    const std::set<int> before = m_assigned;
    block(stmt.body);
    m_assigned = before; // the body may run zero times
    patchJump(emitJump(Op::LOOP), top);
    closeLoop(exit, top);
}

// Ends the innermost loop: its exit jump, breaks and continues get their targets.
void FunctionCompiler::closeLoop(int exit, int continueTarget)
{
    patchJump(exit, here());
    Loop loop = std::move(m_loops.back());
    m_loops.pop_back();
    for (int at : loop.breaks)
        patchJump(at, here());
    for (int at : loop.continues)
        patchJump(at, continueTarget);
}

void FunctionCompiler::returnStatement(const ReturnStmt &stmt)
{
    if (!stmt.value) {
        runFinallyBlocks(0);
        emit(Op::RETURN_NONE);
        return;
    }
    if (m_cleanups.empty()) {
        emit(Op::RETURN, expr(*stmt.value));
        return;
    }
    // The value is computed before the finally blocks run, and they may change the local
    // it came from: it waits in a register of its own.
    const lang::Type *type = valueType(*stmt.value);
    const int value = isObject(type) ? reserveObject() : tempNumber();
    exprInto(*stmt.value, value);
    runFinallyBlocks(0);
    emit(Op::RETURN, value);
}

void FunctionCompiler::assertStatement(const AssertStmt &stmt)
{
    const int test = condition(*stmt.test);
    const int skip = emitJump(Op::JUMP_IF, test);
    if (stmt.message) {
        const int message = expr(*stmt.message);
        int text = message;
        if (!stmt.message->type->is(TypeKind::Str))
            text = native(Native::to_str, {message}, {isObject(stmt.message->type)}, -1, m_module.program.types.strType(),
                          m_module.desc(stmt.message->type));
        emit(Op::ASSERT_FAIL, text, 1);
    } else {
        emit(Op::ASSERT_FAIL, 0, 0);
    }
    patchJump(skip, here());
}

// ---- module ---------------------------------------------------------------------------

Module::~Module()
{
    state.reset(); // its objects point at this module's types and may hold its constants
    runtime::destroyImmortals(ownedObjects);
}

void ModuleState::clear()
{
    for (std::size_t k = 0; k < slots.size(); ++k) {
        if (isState(k))
            runtime::releaseSlot(slots[k], types[k]);
        slots[k] = Slot{0};
    }
}

int Module::findFunction(const std::string &name) const
{
    for (size_t i = 0; i < functions.size(); ++i)
        if (functions[i].name == name)
            return static_cast<int>(i);
    return -1;
}

CompileResult compileProgram(const Program &program)
{
    CompileResult result;
    result.module = std::make_unique<Module>();
    Module &module = *result.module;
    module.path = program.file.path();
    ModuleCompiler compiler{program, module, {}, {}, {}, {}, {}};
    module.functions.resize(program.functions.size() + 1); // the last one initialises constants
    for (size_t i = 0; i < program.functions.size(); ++i)
        compiler.functionIndex[program.functions[i].get()] = static_cast<int>(i);
    try {
        for (size_t i = 0; i < program.functions.size(); ++i) {
            const FunctionInfo &info = *program.functions[i];
            Function &function = module.functions[i];
            function.name = info.name;
            function.paramCount = static_cast<std::uint16_t>(info.params.size());
            function.returnType = compiler.desc(info.returnType);
            std::set<int> flagged;
            for (int attempt = 0; attempt < 2; ++attempt) {
                function.code.clear();
                function.lines.clear();
                function.constants.clear();
                function.registerNames.clear();
                function.objectRegisters.clear();
                function.zeroRegisters.clear();
                function.paramTypes.clear();
                function.objectParams.clear();
                FunctionCompiler fc(compiler, function, &info, flagged);
                for (const ParamInfo &param : info.params) {
                    function.paramTypes.push_back(compiler.desc(param.type));
                    if (fc.isObject(param.type))
                        function.objectParams.push_back(static_cast<std::uint16_t>(function.paramTypes.size() - 1));
                }
                fc.compileBody(info.decl->body);
                // A second pass gives the number locals read before certain assignment
                // their flag registers.
                if (fc.m_needsFlag.empty() || attempt == 1)
                    break;
                flagged = fc.m_needsFlag;
            }
        }
        for (const lang::ErrorHandlerInfo &handler : program.errorHandlers)
            module.errorHandlers.push_back({compiler.exceptionClass(handler.exception), compiler.functionIndex.at(handler.function)});
        // Defaults the runtime needs as values, computed once with the module constants
        // (after them): a parameter's, for the server to bind an absent query parameter,
        // and a record field's, for Request.json() to fill an absent field.
        std::vector<ConstantInfo> constants = program.constants;
        for (size_t i = 0; i < program.functions.size(); ++i) {
            std::vector<int> &defaults = module.functions[i].paramDefaults;
            for (const ParamInfo &param : program.functions[i]->params) {
                defaults.push_back(param.defaultValue ? static_cast<int>(constants.size()) : -1);
                if (param.defaultValue)
                    constants.push_back({"<default of " + param.name + ">", param.type, param.span, param.defaultValue});
            }
        }
        std::vector<std::pair<const TypeDesc *, std::vector<int>>> recordDefaults;
        for (const auto &record : program.records) {
            std::vector<int> fields;
            bool any = false;
            std::vector<std::uint8_t> factories;
            for (const FieldInfo &field : record->fields) {
                const bool constant = field.defaultValue && !field.factory;
                fields.push_back(constant ? static_cast<int>(constants.size()) : -1);
                factories.push_back(field.factory);
                if (constant)
                    constants.push_back({"<default of " + field.name + ">", field.type, field.span, field.defaultValue});
                any = any || field.defaultValue;
            }
            if (any) {
                recordDefaults.emplace_back(compiler.desc(record->type), std::move(fields));
                // A field(default_factory=...) gets a new value of its type each time.
                const_cast<TypeDesc *>(compiler.desc(record->type))->factories = module.factoryLists.emplace_back(std::move(factories)).data();
            }
        }
        Function &init = module.functions.back();
        init.name = "<module constants>";
        init.returnType = compiler.noneDesc();
        init.constantBase = static_cast<std::uint16_t>(program.moduleScope.locals.size());
        FunctionCompiler fc(compiler, init, &program.moduleScope);
        fc.compileConstantInitialiser(constants);
        for (const ConstantInfo &c : constants)
            module.globalTypes.push_back(compiler.desc(c.type));
        // Sized once: record types point into it (TypeDesc::defaults).
        module.globals.assign(constants.size(), Slot{0});
        if (std::any_of(program.constants.begin(), program.constants.end(), [](const ConstantInfo &c) { return c.isState; })) {
            module.state = std::make_unique<ModuleState>();
            module.state->slots.assign(program.constants.size(), Slot{0});
            for (const ConstantInfo &c : program.constants) {
                module.state->types.push_back(c.isState ? compiler.desc(c.type) : nullptr);
                module.state->names.push_back(c.name);
            }
        }
        for (auto &[type, fields] : recordDefaults) {
            auto &pointers = module.defaultLists.emplace_back();
            for (int k : fields)
                pointers.push_back(k < 0 ? nullptr : &module.globals[static_cast<size_t>(k)]);
            const_cast<TypeDesc *>(type)->defaults = pointers.data(); // the module owns both
        }
    } catch (const CompileError &error) {
        result.error = error.message;
        result.errorLine = program.file.lineColumn(error.span.begin).line;
        result.module.reset();
    }
#ifndef NDEBUG
    // Development builds (and the fuzzers) check everything the compiler makes.
    if (result.module)
        if (std::string problem = verify(*result.module); !problem.empty())
            throw std::logic_error("the compiler made malformed " + problem);
#endif
    return result;
}

// Module constants are computed once, by a function that returns nothing and leaves
// each constant in a register of its own, from which initialiseModule copies them. The
// module scope's locals (comprehension targets) come first, as a function's do.
void FunctionCompiler::compileConstantInitialiser(const std::vector<ConstantInfo> &constants)
{
    m_initialiser = true;
    m_constantBase = static_cast<int>(m_registers.size());
    for (size_t i = 0; i < constants.size(); ++i) {
        const bool object = isObject(constants[i].type);
        m_registers.push_back({object, false});
    }
    m_firstTemp = static_cast<int>(m_registers.size());
    for (size_t i = 0; i < constants.size(); ++i) {
        setLine(constants[i].span);
        const TempMark mark = markTemps();
        exprInto(*constants[i].value, m_constantBase + static_cast<int>(i));
        releaseTemps(mark);
    }
    emit(Op::RETURN_NONE);
    m_function.registerCount = static_cast<std::uint16_t>(m_registers.size());
    // Released at the end: the locals and temporaries, not the constants (kept).
    for (size_t r = 0; r < m_registers.size(); ++r)
        if (m_registers[r].object && (r < static_cast<size_t>(m_constantBase) || r >= static_cast<size_t>(m_firstTemp)))
            m_function.objectRegisters.push_back(static_cast<std::uint16_t>(r));
    // The constants' own registers start empty too, objects or not.
    for (size_t r = 0; r < m_registers.size(); ++r)
        m_function.zeroRegisters.push_back(static_cast<std::uint16_t>(r));
}

} // namespace hotpath::vm
