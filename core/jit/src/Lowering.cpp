// SPDX-License-Identifier: GPL-3.0-or-later
// Bytecode to LLVM IR, one instruction at a time. The interpreter's dispatch loop
// (core/vm/src/Interpreter.cpp) is the specification: every case here does what the
// case of the same name does there, through the same runtime functions, so the tiers
// cannot disagree. Only the bookkeeping differs: registers become stack slots that
// LLVM promotes to SSA values, and calls between handler functions are native calls.
#include "Lowering.h"

#include "CallState.h"
#include "RuntimeImports.h"

#include "hotpath/runtime/Ops.h"
#include "hotpath/vm/Natives.h"
#include "hotpath/vm/Operations.h"

#include <llvm/IR/DIBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <cstddef>
#include <type_traits>
#include <set>
#include <stdexcept>

namespace hotpath::jit {

using namespace hotpath::runtime;
using namespace hotpath::vm; // the hp_op_* entry points
using vm::Instr;
using vm::Op;

std::string functionSymbol(const vm::Module &module, int index)
{
    return "hotpath." + module.functions[static_cast<std::size_t>(index)].name;
}

std::string entrySymbol(const vm::Module &module, int index)
{
    return "hotpath.entry." + module.functions[static_cast<std::size_t>(index)].name;
}

namespace {

// Runtime functions by name and address, with their IR types derived from their C++
// declarations (RuntimeImports.h).
struct RuntimeFunction
{
    const char *name;
    void *address;
    llvm::FunctionType *(*irType)(llvm::LLVMContext &);
};

// The IR type of one C++ parameter or result type, as the SysV ABI passes it.
template<typename T> llvm::Type *irTypeOf(llvm::LLVMContext &ctx)
{
    if constexpr (std::is_void_v<T>)
        return llvm::Type::getVoidTy(ctx);
    else if constexpr (std::is_same_v<T, bool>)
        return llvm::Type::getInt1Ty(ctx);
    else if constexpr (std::is_same_v<T, double>)
        return llvm::Type::getDoubleTy(ctx);
    else if constexpr (std::is_pointer_v<T>)
        return llvm::PointerType::getUnqual(ctx);
    else if constexpr (std::is_same_v<T, Slot> || std::is_same_v<T, std::int64_t>)
        return llvm::Type::getInt64Ty(ctx); // a Slot is a union of 8 bytes with an integer: passed as i64
    else if constexpr (std::is_same_v<T, std::int32_t>)
        return llvm::Type::getInt32Ty(ctx);
    else
        static_assert(sizeof(T) == 0, "a runtime function takes or returns a type the JIT cannot pass");
}

template<typename Result, typename... Params> struct IrSignature
{
    static llvm::FunctionType *get(llvm::LLVMContext &ctx)
    {
        return llvm::FunctionType::get(irTypeOf<Result>(ctx), {irTypeOf<Params>(ctx)...}, false);
    }
};
template<typename Result, typename... Params> auto irSignature(Result (*)(Params...))
{
    return &IrSignature<Result, Params...>::get;
}

const RuntimeFunction runtimeFunctions[] = {
#define HOTPATH_JIT_IMPORT_ROW(ns, name) {#name, reinterpret_cast<void *>(&ns::name), irSignature(&ns::name)},
    HOTPATH_JIT_IMPORTS(HOTPATH_JIT_IMPORT_ROW)
#undef HOTPATH_JIT_IMPORT_ROW
};
static_assert(std::size(runtimeFunctions) == static_cast<std::size_t>(Import::Count));

const RuntimeFunction &runtimeFunction(Import import) { return runtimeFunctions[static_cast<std::size_t>(import)]; }

std::string nativeSymbol(vm::Native native) { return std::string("hp.native.") + vm::nativeName(native); }

// The object structs derive from Object, which makes them non-standard-layout in the
// letter of the standard; GCC and Clang lay them out as C structs all the same.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
// offsetof on the runtime's own structs, so the generated code reads the fields the
// C++ code writes.
constexpr std::uint64_t strCodePoints = offsetof(Str, codePoints);
constexpr std::uint64_t listSize = offsetof(List, size);
constexpr std::uint64_t listItems = offsetof(List, items);
constexpr std::uint64_t listType = offsetof(List, type);
constexpr std::uint64_t typeTupleOf = offsetof(TypeDesc, tupleOf);
constexpr std::uint64_t dictSize = offsetof(Dict, size);
constexpr std::uint64_t tupleItems = sizeof(Tuple);

class ModuleLowering;

class FunctionLowering
{
public:
    FunctionLowering(ModuleLowering &owner, int index);
    void lower();

private:
    // ---- registers
    llvm::Value *getI(int r) { return b.CreateLoad(i64, regs[r]); }
    llvm::Value *getF(int r) { return b.CreateLoad(f64, regs[r]); }
    llvm::Value *getP(int r) { return b.CreateLoad(ptrTy, regs[r]); }
    void setI(int r, llvm::Value *v) { b.CreateStore(v, regs[r]); }
    void setF(int r, llvm::Value *v) { b.CreateStore(v, regs[r]); }
    void setBool(int r, llvm::Value *v) { b.CreateStore(b.CreateZExt(v, i64), regs[r]); }
    // Stores an owned reference, releasing the register's old object.
    void setObject(int r, llvm::Value *v);
    // A register's raw 64 bits, whatever it holds (for Slot arguments).
    llvm::Value *getSlot(int r) { return isObject[r] ? b.CreatePtrToInt(getP(r), i64) : getI(r); }
    void setSlotOwned(int r, llvm::Value *bits);

    // ---- constants
    llvm::Value *constI(std::int64_t v) { return llvm::ConstantInt::get(i64, static_cast<std::uint64_t>(v), true); }
    llvm::Value *constPtr(const void *p);
    llvm::Value *typeOf(int k) { return constPtr(fn.constants[static_cast<std::size_t>(k)].type); }
    llvm::Value *string(const std::string &text);

    // ---- control flow and errors
    llvm::BasicBlock *blockAt(std::uint32_t pc);
    void startBlock(llvm::BasicBlock *block);
    void failIf(llvm::Value *condition);
    void checkError();
    void raise(ErrorKind kind, const std::string &message);
    void raiseIf(llvm::Value *condition, ErrorKind kind, const std::string &message);
    void poll();
    llvm::Value *call(Import import, llvm::ArrayRef<llvm::Value *> args);
    llvm::Value *gep(llvm::Value *p, std::uint64_t offset) { return b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), p, offset); }
    void retain(llvm::Value *p);
    void release(llvm::Value *p);
    // *address := v with a new reference, releasing what was there (list items, fields).
    void storeIntoContainer(llvm::Value *container, llvm::Value *address, llvm::Value *v);
    // R[r] := *address, taking a reference when R[r] holds objects (list items, fields).
    void loadInto(int r, llvm::Value *address);
    void releaseAll();
    llvm::Value *scratch(std::size_t slots);

    void emit(std::uint32_t pc);
    void emitOverflowing(llvm::Intrinsic::ID id, int dst, llvm::Value *x, llvm::Value *y);
    void emitListIndex(int listReg, llvm::Value *index, const char *message, llvm::Value *&items, llvm::Value *&at);
    void emitCall(const Instr &i);
    void emitNative(const Instr &i, const Instr &x);
    void emitRangeStep(const Instr &i, const Instr &x, llvm::BasicBlock *onValue, llvm::BasicBlock *onDone);

    ModuleLowering &m;
    const vm::Module &module;
    const vm::Function &fn;
    int index;
    llvm::LLVMContext &ctx;
    llvm::IRBuilder<> b;
    llvm::Type *i64, *f64, *ptrTy, *i32;
    llvm::Function *F = nullptr;
    std::vector<llvm::AllocaInst *> regs;
    std::vector<bool> isObject;
    std::map<std::uint32_t, llvm::BasicBlock *> blocks;
    // Where an error goes from the instruction being lowered: the function's exit, or the
    // block that enters the handler of the try statement around it (Function::handlers).
    llvm::BasicBlock *unwind = nullptr;
    llvm::PHINode *unwindLine = nullptr;
    llvm::BasicBlock *frameUnwind = nullptr;
    llvm::PHINode *frameUnwindLine = nullptr;
    std::map<std::uint32_t, std::pair<llvm::BasicBlock *, llvm::PHINode *>> handlerEntries;
    void selectUnwind(std::uint32_t pc);
    llvm::BasicBlock *exit = nullptr; // every return: release the frame's objects once
    llvm::PHINode *exitValue = nullptr;
    llvm::Value *state = nullptr, *errorFlag = nullptr, *countdown = nullptr, *maxDepth = nullptr, *stackLimit = nullptr;
    llvm::AllocaInst *scratchSlots = nullptr;
    std::size_t scratchSize = 0;
    int line = 0;
    llvm::MDNode *unlikely = nullptr;
};

class ModuleLowering
{
public:
    ModuleLowering(const vm::Module &module, llvm::LLVMContext &context, const std::string &name, bool debugInfo, bool safetyChecks)
        : module(module), ctx(context), ir(std::make_unique<llvm::Module>(name, context)), debug(*ir), withDebugInfo(debugInfo),
          checks(safetyChecks)
    {
        if (!withDebugInfo)
            return;
        // Debug info maps every instruction to its handler source line: code views,
        // perf annotate and gdb read it.
        const std::string path = module.path.empty() ? std::string("<handler>") : module.path;
        const std::size_t slash = path.rfind('/');
        file = debug.createFile(slash == std::string::npos ? path : path.substr(slash + 1),
                                slash == std::string::npos ? std::string(".") : path.substr(0, slash));
        debug.createCompileUnit(llvm::dwarf::DW_LANG_Python, file, "hotpath", true, "", 0);
        ir->addModuleFlag(llvm::Module::Warning, "Debug Info Version", llvm::DEBUG_METADATA_VERSION);
        ir->addModuleFlag(llvm::Module::Warning, "Dwarf Version", 4);
    }

    llvm::DISubprogram *subprogram(const std::string &name, const std::string &linkageName, int line)
    {
        auto *type = debug.createSubroutineType(debug.getOrCreateTypeArray({}));
        const auto at = static_cast<unsigned>(line);
        return debug.createFunction(file, name, linkageName, file, at, type, at, llvm::DINode::FlagPrototyped,
                                    llvm::DISubprogram::SPFlagDefinition);
    }

    std::unique_ptr<llvm::Module> run()
    {
        const int count = static_cast<int>(module.functions.size()) - 1; // the last is the initialiser
        for (int i = 0; i < count; ++i)
            declare(i);
        for (int i = 0; i < count; ++i)
            FunctionLowering(*this, i).lower();
        for (int i = 0; i < count; ++i)
            lowerEntry(i);
        debug.finalize();
        std::string problems;
        llvm::raw_string_ostream out(problems);
        if (llvm::verifyModule(*ir, &out))
            throw std::logic_error("the JIT produced invalid IR: " + problems);
        return std::move(ir);
    }

    llvm::Function *function(int index) { return functions[static_cast<std::size_t>(index)]; }
    llvm::Type *slotType(const TypeDesc *type)
    {
        return type->isObject() ? static_cast<llvm::Type *>(llvm::PointerType::getUnqual(ctx)) : llvm::Type::getInt64Ty(ctx);
    }

    llvm::Function *runtime(Import import)
    {
        const RuntimeFunction &rt = runtimeFunction(import);
        if (llvm::Function *f = ir->getFunction(rt.name))
            return f;
        auto *f = llvm::Function::Create(rt.irType(ctx), llvm::Function::ExternalLinkage, rt.name, *ir);
        f->addFnAttr(llvm::Attribute::NoUnwind);
        return f;
    }

    llvm::Function *native(vm::Native native)
    {
        const std::string name = nativeSymbol(native);
        if (llvm::Function *f = ir->getFunction(name))
            return f;
        auto *p = llvm::PointerType::getUnqual(ctx);
        auto *ft = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {p, p, p}, false);
        auto *f = llvm::Function::Create(ft, llvm::Function::ExternalLinkage, name, *ir);
        f->addFnAttr(llvm::Attribute::NoUnwind);
        return f;
    }

    // retain, inlined everywhere: one load, compare and store in the common case.
    // release stays a call (hp_op_release): inlined, its three branches per overwritten
    // register made functions twice the size and twice as slow to compile.
    llvm::Function *retainHelper();

    const vm::Module &module;
    llvm::LLVMContext &ctx;
    std::unique_ptr<llvm::Module> ir;
    llvm::DIBuilder debug;
    llvm::DIFile *file = nullptr;
    bool withDebugInfo;
    // Off only to measure what the checks cost (bench/safety-checks.sh): no deadline or
    // cancel polls, no overflow checks on + - *, no list bounds checks.
    bool checks;
    std::map<std::string, llvm::Value *> messages;

private:
    void declare(int index)
    {
        const vm::Function &fn = module.functions[static_cast<std::size_t>(index)];
        // (CallState *state, i64 depth, parameters...): the frame depth travels in a
        // register, so a call costs no memory traffic for it.
        std::vector<llvm::Type *> params{llvm::PointerType::getUnqual(ctx), llvm::Type::getInt64Ty(ctx)};
        for (const TypeDesc *type : fn.paramTypes)
            params.push_back(slotType(type));
        auto *ft = llvm::FunctionType::get(slotType(fn.returnType), params, false);
        // External: each keeps its own code (and symbol, for perf, gdb and --asm) even where
        // it is also inlined into its callers.
        auto *f = llvm::Function::Create(ft, llvm::Function::ExternalLinkage, functionSymbol(module, index), *ir);
        f->addFnAttr(llvm::Attribute::NoUnwind);
        // Frame pointers keep perf's call graphs and gdb's backtraces through JIT code.
        f->addFnAttr("frame-pointer", "all");
        functions.push_back(f);
    }

    // void entry(CallState *state, const Slot *args, Slot *result)
    void lowerEntry(int index)
    {
        const vm::Function &fn = module.functions[static_cast<std::size_t>(index)];
        auto *p = llvm::PointerType::getUnqual(ctx);
        auto *i64 = llvm::Type::getInt64Ty(ctx);
        auto *ft = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {p, p, p}, false);
        auto *f = llvm::Function::Create(ft, llvm::Function::ExternalLinkage, entrySymbol(module, index), *ir);
        f->addFnAttr(llvm::Attribute::NoUnwind);
        const int line = fn.lines.empty() ? 0 : fn.lines.front();
        llvm::DISubprogram *sp = withDebugInfo ? subprogram(fn.name + " (entry)", entrySymbol(module, index), line) : nullptr;
        if (withDebugInfo)
            f->setSubprogram(sp);
        llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", f));
        if (withDebugInfo)
            b.SetCurrentDebugLocation(llvm::DILocation::get(ctx, static_cast<unsigned>(line), 0, sp));
        std::vector<llvm::Value *> args{f->getArg(0), llvm::ConstantInt::get(i64, 1)}; // the first frame
        for (std::size_t k = 0; k < fn.paramTypes.size(); ++k) {
            llvm::Value *at = b.CreateConstInBoundsGEP1_64(i64, f->getArg(1), k);
            args.push_back(b.CreateLoad(slotType(fn.paramTypes[k]), at));
        }
        llvm::Value *result = b.CreateCall(function(index), args);
        b.CreateStore(result, f->getArg(2));
        b.CreateRetVoid();
    }

    std::vector<llvm::Function *> functions;
    llvm::Function *retainFn = nullptr;
};

llvm::Function *ModuleLowering::retainHelper()
{
    if (retainFn)
        return retainFn;
    auto *p = llvm::PointerType::getUnqual(ctx);
    auto *i32 = llvm::Type::getInt32Ty(ctx);
    auto *ft = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {p}, false);
    auto *f = llvm::Function::Create(ft, llvm::Function::InternalLinkage, "hp.retain", *ir);
    f->addFnAttr(llvm::Attribute::AlwaysInline);
    f->addFnAttr(llvm::Attribute::NoUnwind);
    auto *entry = llvm::BasicBlock::Create(ctx, "entry", f);
    auto *counted = llvm::BasicBlock::Create(ctx, "counted", f);
    auto *change = llvm::BasicBlock::Create(ctx, "change", f);
    auto *done = llvm::BasicBlock::Create(ctx, "done", f);
    llvm::IRBuilder<> b(entry);
    llvm::Value *object = f->getArg(0);
    b.CreateCondBr(b.CreateIsNull(object), done, counted);
    b.SetInsertPoint(counted);
    // Relaxed: readers of module state may be counting a shared object at the same time
    // (a plain mov on x86-64 all the same).
    llvm::LoadInst *count = b.CreateAlignedLoad(i32, object, llvm::Align(4));
    count->setAtomic(llvm::AtomicOrdering::Monotonic);
    auto *shared = llvm::BasicBlock::Create(ctx, "shared", f);
    b.CreateCondBr(b.CreateICmpULT(count, llvm::ConstantInt::get(i32, sharedRefBit)), change, shared,
                   llvm::MDBuilder(ctx).createBranchWeights(2000, 1));
    b.SetInsertPoint(change);
    b.CreateStore(b.CreateAdd(count, llvm::ConstantInt::get(i32, 1)), object);
    b.CreateBr(done);
    // Module state or an immortal constant: counted atomically, or not at all.
    b.SetInsertPoint(shared);
    b.CreateCall(runtime(Import::hp_op_retain_shared), {object});
    b.CreateBr(done);
    b.SetInsertPoint(done);
    b.CreateRetVoid();
    retainFn = f;
    return f;
}

FunctionLowering::FunctionLowering(ModuleLowering &owner, int index_)
    : m(owner), module(owner.module), fn(owner.module.functions[static_cast<std::size_t>(index_)]), index(index_),
      ctx(owner.ctx), b(owner.ctx)
{
    i64 = b.getInt64Ty();
    f64 = b.getDoubleTy();
    ptrTy = b.getPtrTy();
    i32 = b.getInt32Ty();
    unlikely = llvm::MDBuilder(ctx).createBranchWeights(1, 2000);
}

llvm::Value *FunctionLowering::constPtr(const void *p)
{
    if (!p)
        return llvm::ConstantPointerNull::get(llvm::PointerType::getUnqual(ctx));
    return llvm::ConstantExpr::getIntToPtr(llvm::ConstantInt::get(i64, reinterpret_cast<std::uintptr_t>(p)), ptrTy);
}

llvm::Value *FunctionLowering::string(const std::string &text)
{
    llvm::Value *&global = m.messages[text]; // one constant per distinct message in the module
    if (!global)
        global = b.CreateGlobalStringPtr(text, "message", 0, m.ir.get());
    return global;
}

llvm::Value *FunctionLowering::call(Import import, llvm::ArrayRef<llvm::Value *> args)
{
    return b.CreateCall(m.runtime(import), args);
}

void FunctionLowering::retain(llvm::Value *p) { b.CreateCall(m.retainHelper(), {p}); }
void FunctionLowering::release(llvm::Value *p) { call(Import::hp_op_release, {p}); }

// One call: retaining, sharing when the container is module state, releasing the old.
void FunctionLowering::storeIntoContainer(llvm::Value *container, llvm::Value *address, llvm::Value *v)
{
    call(Import::hp_op_store_object, {container, address, v});
}

void FunctionLowering::loadInto(int r, llvm::Value *address)
{
    if (!isObject[r]) {
        setI(r, b.CreateLoad(i64, address));
        return;
    }
    llvm::Value *v = b.CreateLoad(ptrTy, address);
    retain(v);
    setObject(r, v);
}

void FunctionLowering::setObject(int r, llvm::Value *v)
{
    llvm::Value *old = getP(r);
    b.CreateStore(v, regs[r]);
    release(old);
}

void FunctionLowering::setSlotOwned(int r, llvm::Value *bits)
{
    if (isObject[r])
        setObject(r, b.CreateIntToPtr(bits, ptrTy));
    else
        setI(r, bits);
}

llvm::Value *FunctionLowering::scratch(std::size_t slots)
{
    if (slots > scratchSize)
        throw std::logic_error("scratch area too small");
    return scratchSlots;
}

llvm::BasicBlock *FunctionLowering::blockAt(std::uint32_t pc)
{
    auto [it, added] = blocks.try_emplace(pc, nullptr);
    if (added)
        it->second = llvm::BasicBlock::Create(ctx, "pc" + std::to_string(pc), F);
    return it->second;
}

void FunctionLowering::startBlock(llvm::BasicBlock *block)
{
    if (!b.GetInsertBlock()->getTerminator())
        b.CreateBr(block);
    b.SetInsertPoint(block);
}

void FunctionLowering::selectUnwind(std::uint32_t pc)
{
    const std::uint32_t handler = fn.handlers.empty() ? vm::noHandler : fn.handlers[pc];
    if (handler == vm::noHandler) {
        unwind = frameUnwind;
        unwindLine = frameUnwindLine;
        return;
    }
    std::tie(unwind, unwindLine) = handlerEntries.at(handler);
}

// Leaves for the unwind block when `condition` holds; the error is already raised.
void FunctionLowering::failIf(llvm::Value *condition)
{
    auto *next = llvm::BasicBlock::Create(ctx, "ok", F);
    b.CreateCondBr(condition, unwind, next, unlikely);
    unwindLine->addIncoming(b.getInt32(static_cast<std::uint32_t>(line)), b.GetInsertBlock());
    b.SetInsertPoint(next);
}

void FunctionLowering::checkError()
{
    failIf(b.CreateICmpNE(b.CreateLoad(b.getInt8Ty(), errorFlag), b.getInt8(0)));
}

void FunctionLowering::raise(ErrorKind kind, const std::string &message)
{
    call(Import::hp_op_raise, {constI(static_cast<int>(kind)), string(message)});
    b.CreateBr(unwind);
    unwindLine->addIncoming(b.getInt32(static_cast<std::uint32_t>(line)), b.GetInsertBlock());
}

void FunctionLowering::raiseIf(llvm::Value *condition, ErrorKind kind, const std::string &message)
{
    auto *fail = llvm::BasicBlock::Create(ctx, "raise", F);
    auto *next = llvm::BasicBlock::Create(ctx, "ok", F);
    b.CreateCondBr(condition, fail, next, unlikely);
    b.SetInsertPoint(fail);
    raise(kind, message);
    b.SetInsertPoint(next);
}

// Context::poll(), inline: one decrement and branch; the clock every 1024 ticks.
void FunctionLowering::poll()
{
    if (!m.checks)
        return;
    llvm::Value *left = b.CreateSub(b.CreateLoad(i32, countdown), b.getInt32(1));
    b.CreateStore(left, countdown);
    auto *slow = llvm::BasicBlock::Create(ctx, "poll", F);
    auto *next = llvm::BasicBlock::Create(ctx, "polled", F);
    b.CreateCondBr(b.CreateICmpSGT(left, b.getInt32(0)), next, slow, llvm::MDBuilder(ctx).createBranchWeights(2000, 1));
    b.SetInsertPoint(slow);
    llvm::Value *ok = call(Import::hp_jit_poll, {state});
    failIf(b.CreateNot(ok));
    b.CreateBr(next);
    b.SetInsertPoint(next);
}

void FunctionLowering::releaseAll()
{
    for (std::uint16_t r : fn.objectRegisters)
        release(getP(r));
}

void FunctionLowering::lower()
{
    F = m.function(index);
    auto *entry = llvm::BasicBlock::Create(ctx, "entry", F);
    b.SetInsertPoint(entry);
    const int firstLine = fn.lines.empty() ? 0 : fn.lines.front();
    llvm::DISubprogram *sp = m.withDebugInfo ? m.subprogram(fn.name, functionSymbol(module, index), firstLine) : nullptr;
    if (sp) {
        F->setSubprogram(sp);
        b.SetCurrentDebugLocation(llvm::DILocation::get(ctx, static_cast<unsigned>(firstLine), 0, sp));
    }
    state = F->getArg(0);
    auto field = [&](CallStateField k) { return b.CreateLoad(ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, state, k)); };
    errorFlag = field(StateError);
    countdown = field(StatePollCountdown);
    maxDepth = b.CreateLoad(i64, b.CreateConstInBoundsGEP1_64(i64, state, StateMaxDepth), "maxDepth");
    stackLimit = b.CreateLoad(i64, b.CreateConstInBoundsGEP1_64(i64, state, StateStackLimit), "stackLimit");

    isObject.assign(fn.registerCount, false);
    for (std::uint16_t r : fn.objectRegisters)
        isObject[r] = true;
    for (std::uint16_t r = 0; r < fn.registerCount; ++r) {
        const std::string name = r < fn.registerNames.size() && !fn.registerNames[r].empty() ? fn.registerNames[r] : "r" + std::to_string(r);
        regs.push_back(b.CreateAlloca(isObject[r] ? ptrTy : i64, nullptr, name));
    }
    // Room for the widest argument list a runtime call takes from registers.
    scratchSize = 3;
    for (std::size_t pc = 0; pc + 1 < fn.code.size(); ++pc) {
        const Op op = fn.code[pc].op;
        if (op == Op::NATIVE || op == Op::NEW_LIST)
            scratchSize = std::max<std::size_t>(scratchSize, fn.code[pc + 1].a + 1u);
        else if (op == Op::NEW_DICT)
            scratchSize = std::max<std::size_t>(scratchSize, 2u * fn.code[pc + 1].a);
        else if (op == Op::NEW_TUPLE || op == Op::NEW_RECORD)
            scratchSize = std::max<std::size_t>(scratchSize, fn.constants[fn.code[pc].b].type->count);
    }
    scratchSlots = b.CreateAlloca(i64, b.getInt32(static_cast<std::uint32_t>(scratchSize)), "args");
    for (std::uint16_t r : fn.zeroRegisters)
        b.CreateStore(isObject[r] ? constPtr(nullptr) : constI(0), regs[r]);
    for (std::uint16_t p = 0; p < fn.paramCount; ++p)
        b.CreateStore(F->getArg(p + 2u), regs[p]);
    for (std::uint16_t p : fn.objectParams)
        retain(getP(p));

    // The shared error exit: record the line (the innermost frame's wins), release this
    // frame's objects, return to the caller, which sees the error flag.
    unwind = llvm::BasicBlock::Create(ctx, "unwind", F);
    {
        llvm::IRBuilder<>::InsertPointGuard guard(b);
        b.SetInsertPoint(unwind);
        unwindLine = b.CreatePHI(i32, 4, "line");
        call(Import::hp_jit_fail_at, {state, unwindLine});
        releaseAll();
        b.CreateRet(llvm::Constant::getNullValue(F->getReturnType()));
        exit = llvm::BasicBlock::Create(ctx, "return", F);
        b.SetInsertPoint(exit);
        exitValue = b.CreatePHI(F->getReturnType(), 2, "result");
        releaseAll();
        b.CreateRet(exitValue);
    }

    frameUnwind = unwind;
    frameUnwindLine = unwindLine;
    // Each handler is entered through a block of its own that records the failing line
    // (as the frame's exit does) and jumps to the handler's first instruction.
    for (std::uint32_t handler : fn.handlers) {
        if (handler == vm::noHandler || handlerEntries.count(handler))
            continue;
        llvm::IRBuilder<>::InsertPointGuard guard(b);
        auto *entryBlock = llvm::BasicBlock::Create(ctx, "catch" + std::to_string(handler), F);
        b.SetInsertPoint(entryBlock);
        llvm::PHINode *line = b.CreatePHI(i32, 4, "line");
        call(Import::hp_jit_fail_at, {state, line});
        b.CreateBr(blockAt(handler));
        handlerEntries[handler] = {entryBlock, line};
    }

    // Blocks start at jump targets.
    for (std::uint32_t pc = 0; pc < fn.code.size(); ++pc) {
        const Instr &i = fn.code[pc];
        switch (i.op) {
        case Op::JUMP:
        case Op::JUMP_IF:
        case Op::JUMP_IF_NOT:
        case Op::LOOP: blockAt(i.target()); break;
        case Op::FOR_RANGE:
        case Op::FOR_RANGE_BACK: blockAt(fn.code[pc + 1].target()); break;
        default: break;
        }
    }

    auto *first = llvm::BasicBlock::Create(ctx, "start", F);
    b.CreateBr(first);
    b.SetInsertPoint(first);
    for (std::uint32_t pc = 0; pc < fn.code.size(); ++pc) {
        if (auto it = blocks.find(pc); it != blocks.end())
            startBlock(it->second);
        else if (b.GetInsertBlock()->getTerminator())
            b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "dead", F));
        line = fn.lines[pc];
        if (sp)
            b.SetCurrentDebugLocation(llvm::DILocation::get(ctx, static_cast<unsigned>(line), 0, sp));
        selectUnwind(pc);
        emit(pc);
    }
    if (!b.GetInsertBlock()->getTerminator())
        b.CreateUnreachable();
    for (auto &[handler, entryBlock] : handlerEntries)
        if (entryBlock.second->getNumIncomingValues() == 0)
            entryBlock.first->eraseFromParent();
    unwind = frameUnwind;
    unwindLine = frameUnwindLine;
    if (unwindLine->getNumIncomingValues() == 0)
        unwind->eraseFromParent();
    if (exitValue->getNumIncomingValues() == 0)
        exit->eraseFromParent();
}

void FunctionLowering::emitOverflowing(llvm::Intrinsic::ID id, int dst, llvm::Value *x, llvm::Value *y)
{
    if (!m.checks) {
        setI(dst, id == llvm::Intrinsic::sadd_with_overflow   ? b.CreateNSWAdd(x, y)
                  : id == llvm::Intrinsic::ssub_with_overflow ? b.CreateNSWSub(x, y)
                                                              : b.CreateNSWMul(x, y));
        return;
    }
    llvm::Value *pair = b.CreateBinaryIntrinsic(id, x, y);
    raiseIf(b.CreateExtractValue(pair, 1), ErrorKind::OverflowError, vm::overflowMessage);
    setI(dst, b.CreateExtractValue(pair, 0));
}

// Bounds-checks a list index (negative counts from the end) as the interpreter does.
void FunctionLowering::emitListIndex(int listReg, llvm::Value *index, const char *message,
                                     llvm::Value *&items, llvm::Value *&at)
{
    llvm::Value *list = getP(listReg);
    llvm::Value *size = b.CreateLoad(i64, gep(list, listSize));
    at = b.CreateSelect(b.CreateICmpSLT(index, constI(0)), b.CreateAdd(index, size), index);
    if (m.checks) {
        auto *fail = llvm::BasicBlock::Create(ctx, "raise", F);
        auto *next = llvm::BasicBlock::Create(ctx, "ok", F);
        b.CreateCondBr(b.CreateICmpUGE(at, size), fail, next, unlikely);
        b.SetInsertPoint(fail);
        // A tuple[T, ...] is laid out as a list; its type says which message CPython gives.
        auto *tuple = llvm::BasicBlock::Create(ctx, "raise.tuple", F);
        auto *other = llvm::BasicBlock::Create(ctx, "raise.list", F);
        llvm::Value *type = b.CreateLoad(ptrTy, gep(list, listType));
        b.CreateCondBr(b.CreateICmpNE(b.CreateLoad(b.getInt8Ty(), gep(type, typeTupleOf)), b.getInt8(0)), tuple, other);
        b.SetInsertPoint(tuple);
        raise(ErrorKind::IndexError, std::string(message).replace(0, 4, "tuple"));
        b.SetInsertPoint(other);
        raise(ErrorKind::IndexError, message);
        b.SetInsertPoint(next);
    }
    items = b.CreateLoad(ptrTy, gep(list, listItems));
}

void FunctionLowering::emitCall(const Instr &i)
{
    const vm::Function &callee = module.functions[i.b];
    poll();
    // RecursionError at the call, as the interpreter raises it when pushing the frame;
    // the stack limit keeps native recursion far from the end of the thread's stack.
    llvm::Value *depth = F->getArg(1);
    llvm::Value *frame = b.CreatePtrToInt(b.CreateIntrinsic(llvm::Intrinsic::frameaddress, {ptrTy}, {b.getInt32(0)}), i64);
    llvm::Value *tooDeep = b.CreateOr(b.CreateICmpSGE(depth, maxDepth), b.CreateICmpULT(frame, stackLimit));
    auto *fail = llvm::BasicBlock::Create(ctx, "recursion", F);
    auto *next = llvm::BasicBlock::Create(ctx, "call", F);
    b.CreateCondBr(tooDeep, fail, next, unlikely);
    b.SetInsertPoint(fail);
    call(Import::hp_jit_recursion, {state});
    b.CreateBr(unwind);
    unwindLine->addIncoming(b.getInt32(static_cast<std::uint32_t>(line)), fail);
    b.SetInsertPoint(next);
    std::vector<llvm::Value *> args{state, b.CreateAdd(depth, constI(1))};
    for (std::uint16_t p = 0; p < callee.paramCount; ++p)
        args.push_back(isObject[i.c + p] ? getP(i.c + p) : getI(i.c + p));
    llvm::Value *result = b.CreateCall(m.function(i.b), args);
    checkError();
    if (callee.returnType->isObject())
        setObject(i.a, result);
    else
        setI(i.a, result);
}

void FunctionLowering::emitNative(const Instr &i, const Instr &x)
{
    const auto native = static_cast<vm::Native>(i.b);
    const bool objectResult = x.c != 0;
    // The numeric natives that are one machine instruction stay inline.
    if (native == vm::Native::math_fabs) {
        setF(i.a, b.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, getF(i.c)));
        return;
    }
    auto *slow = llvm::BasicBlock::Create(ctx, "native", F);
    auto *done = llvm::BasicBlock::Create(ctx, "native.done", F);
    if (native == vm::Native::math_sqrt) {
        // Negative input raises ValueError through the native; the rest is sqrtsd.
        llvm::Value *v = getF(i.c);
        auto *fast = llvm::BasicBlock::Create(ctx, "sqrt", F);
        b.CreateCondBr(b.CreateFCmpOLT(v, llvm::ConstantFP::get(f64, 0.0)), slow, fast, unlikely);
        b.SetInsertPoint(fast);
        setF(i.a, b.CreateUnaryIntrinsic(llvm::Intrinsic::sqrt, v));
        b.CreateBr(done);
    } else {
        b.CreateBr(slow);
    }
    b.SetInsertPoint(slow);
    const std::size_t n = x.a;
    llvm::Value *args = scratch(n + 1);
    for (std::size_t k = 0; k < n; ++k)
        b.CreateStore(getSlot(static_cast<int>(i.c + k)), b.CreateConstInBoundsGEP1_64(i64, args, k));
    llvm::Value *out = b.CreateConstInBoundsGEP1_64(i64, args, n);
    b.CreateStore(constI(0), out);
    b.CreateCall(m.native(native), {args, out, x.b == vm::noType ? constPtr(nullptr) : typeOf(x.b)});
    checkError();
    if (objectResult)
        setObject(i.a, b.CreateLoad(ptrTy, out));
    else
        setI(i.a, b.CreateLoad(i64, out));
    b.CreateBr(done);
    b.SetInsertPoint(done);
}

// rangeStep(): false when the range is over, else value := counter, counter += step
// (clamped at the bound instead of overflowing).
void FunctionLowering::emitRangeStep(const Instr &i, const Instr &x, llvm::BasicBlock *onValue, llvm::BasicBlock *onDone)
{
    llvm::Value *step = getI(i.c);
    llvm::Value *value = getI(i.a);
    llvm::Value *bound = getI(i.b);
    llvm::Value *over = b.CreateSelect(b.CreateICmpSGT(step, constI(0)), b.CreateICmpSGE(value, bound), b.CreateICmpSLE(value, bound));
    auto *step_ = llvm::BasicBlock::Create(ctx, "range.step", F);
    b.CreateCondBr(over, onDone, step_);
    b.SetInsertPoint(step_);
    setI(x.a, value);
    llvm::Value *pair = b.CreateBinaryIntrinsic(llvm::Intrinsic::sadd_with_overflow, value, step);
    setI(i.a, b.CreateSelect(b.CreateExtractValue(pair, 1), bound, b.CreateExtractValue(pair, 0)));
    b.CreateBr(onValue);
}

void FunctionLowering::emit(std::uint32_t pc)
{
    const Instr &i = fn.code[pc];
    const Instr *next = pc + 1 < fn.code.size() ? &fn.code[pc + 1] : nullptr;
    const vm::Constant *K = fn.constants.data();
    auto intBinary = [&](auto make) { setI(i.a, make(getI(i.b), getI(i.c))); };
    auto floatBinary = [&](auto make) { setF(i.a, make(getF(i.b), getF(i.c))); };

    switch (i.op) {
    case Op::NOP:
    case Op::EXTRA:
    case Op::Count: break;
    case Op::MOVE: setI(i.a, getI(i.b)); break;
    case Op::MOVE_OBJ: {
        llvm::Value *v = getP(i.b);
        retain(v);
        setObject(i.a, v);
        break;
    }
    case Op::LOAD_K: setI(i.a, constI(K[i.b].value.i)); break;
    case Op::LOAD_K_OBJ: setObject(i.a, constPtr(K[i.b].value.p)); break;
    case Op::LOAD_GLOBAL: setI(i.a, constI(module.globals[i.b].i)); break;
    case Op::LOAD_GLOBAL_OBJ: setObject(i.a, constPtr(module.globals[i.b].p)); break;
    // Module state lives at a fixed address for the module's lifetime (a reload moves
    // values, never the slots).
    case Op::LOAD_STATE:
    case Op::LOAD_STATE_OBJ: loadInto(i.a, constPtr(&module.state->slots[i.b])); break;
    case Op::STORE_STATE: b.CreateStore(getI(i.a), constPtr(&module.state->slots[i.b])); break;
    case Op::STORE_STATE_OBJ: call(Import::hp_op_store_state, {constPtr(&module.state->slots[i.b]), getP(i.a)}); break;
    case Op::CLEAR: setObject(i.a, constPtr(nullptr)); break;
    case Op::ADD_I: emitOverflowing(llvm::Intrinsic::sadd_with_overflow, i.a, getI(i.b), getI(i.c)); break;
    case Op::SUB_I: emitOverflowing(llvm::Intrinsic::ssub_with_overflow, i.a, getI(i.b), getI(i.c)); break;
    case Op::MUL_I: emitOverflowing(llvm::Intrinsic::smul_with_overflow, i.a, getI(i.b), getI(i.c)); break;
    case Op::ADD_IK: emitOverflowing(llvm::Intrinsic::sadd_with_overflow, i.a, getI(i.b), constI(K[i.c].value.i)); break;
    case Op::SUB_IK: emitOverflowing(llvm::Intrinsic::ssub_with_overflow, i.a, getI(i.b), constI(K[i.c].value.i)); break;
    case Op::MUL_IK: emitOverflowing(llvm::Intrinsic::smul_with_overflow, i.a, getI(i.b), constI(K[i.c].value.i)); break;
    case Op::FLOORDIV_I:
    case Op::FLOORDIV_IK: {
        llvm::Value *x = getI(i.b);
        llvm::Value *y = i.op == Op::FLOORDIV_IK ? constI(K[i.c].value.i) : getI(i.c);
        raiseIf(b.CreateICmpEQ(y, constI(0)), ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
        raiseIf(b.CreateAnd(b.CreateICmpEQ(y, constI(-1)), b.CreateICmpEQ(x, constI(INT64_MIN))), ErrorKind::OverflowError,
                vm::overflowMessage);
        llvm::Value *q = b.CreateSDiv(x, y);
        llvm::Value *r = b.CreateSRem(x, y);
        llvm::Value *adjust = b.CreateAnd(b.CreateICmpNE(r, constI(0)), b.CreateICmpSLT(b.CreateXor(r, y), constI(0)));
        setI(i.a, b.CreateSub(q, b.CreateZExt(adjust, i64)));
        break;
    }
    case Op::MOD_I:
    case Op::MOD_IK: {
        llvm::Value *x = getI(i.b);
        llvm::Value *y = i.op == Op::MOD_IK ? constI(K[i.c].value.i) : getI(i.c);
        raiseIf(b.CreateICmpEQ(y, constI(0)), ErrorKind::ZeroDivisionError, "integer modulo by zero");
        // x % -1 is 0; dividing by 1 instead keeps srem away from MIN % -1, which traps.
        llvm::Value *divisor = b.CreateSelect(b.CreateICmpEQ(y, constI(-1)), constI(1), y);
        llvm::Value *r = b.CreateSRem(x, divisor);
        llvm::Value *adjust = b.CreateAnd(b.CreateICmpNE(r, constI(0)), b.CreateICmpSLT(b.CreateXor(r, divisor), constI(0)));
        setI(i.a, b.CreateSelect(adjust, b.CreateAdd(r, divisor), r));
        break;
    }
    case Op::POW_I:
        {
            // Stored only once it did not raise: a handler sees the target's old value, as in Python.
            llvm::Value *out = call(Import::hp_op_pow_int, {getI(i.b), getI(i.c)});
            checkError();
            setI(i.a, out);
        }
        break;
    case Op::DIV_I: {
        // Operands within ±2^53 convert exactly: one fdiv, as hp_op_div_int does; the
        // rest (and division by zero) go to it.
        llvm::Value *x = getI(i.b), *y = getI(i.c);
        auto exact = [&](llvm::Value *v) {
            return b.CreateICmpULE(b.CreateAdd(v, constI(std::int64_t{1} << 53)), constI(std::int64_t{1} << 54));
        };
        llvm::Value *fast = b.CreateAnd(b.CreateAnd(exact(x), exact(y)), b.CreateICmpNE(y, constI(0)));
        auto *inlineBlock = llvm::BasicBlock::Create(ctx, "div", F);
        auto *slowBlock = llvm::BasicBlock::Create(ctx, "div.slow", F);
        auto *done = llvm::BasicBlock::Create(ctx, "div.done", F);
        b.CreateCondBr(fast, inlineBlock, slowBlock);
        b.SetInsertPoint(inlineBlock);
        setF(i.a, b.CreateFDiv(b.CreateSIToFP(x, f64), b.CreateSIToFP(y, f64)));
        b.CreateBr(done);
        b.SetInsertPoint(slowBlock);
        {
            // Stored only once it did not raise: a handler sees the target's old value, as in Python.
            llvm::Value *out = call(Import::hp_op_div_int, {x, y});
            checkError();
            setF(i.a, out);
        }
        b.CreateBr(done);
        b.SetInsertPoint(done);
        break;
    }
    case Op::LSHIFT_I: {
        // checkedShiftLeft (Operations.h) inline: ValueError for a negative count, OverflowError when bits
        // would be lost.
        llvm::Value *x = getI(i.b), *n = getI(i.c);
        raiseIf(b.CreateICmpSLT(n, constI(0)), ErrorKind::ValueError, "negative shift count");
        llvm::Value *zero = b.CreateICmpEQ(x, constI(0));
        llvm::Value *count = b.CreateSelect(b.CreateICmpUGT(n, constI(63)), constI(63), n);
        llvm::Value *shifted = b.CreateShl(x, count);
        llvm::Value *lost = b.CreateOr(b.CreateICmpSGE(n, constI(64)), b.CreateICmpNE(b.CreateAShr(shifted, count), x));
        raiseIf(b.CreateAnd(b.CreateNot(zero), lost), ErrorKind::OverflowError, vm::overflowMessage);
        setI(i.a, b.CreateSelect(zero, constI(0), shifted));
        break;
    }
    case Op::RSHIFT_I: {
        llvm::Value *x = getI(i.b), *n = getI(i.c);
        raiseIf(b.CreateICmpSLT(n, constI(0)), ErrorKind::ValueError, "negative shift count");
        setI(i.a, b.CreateAShr(x, b.CreateSelect(b.CreateICmpUGT(n, constI(63)), constI(63), n)));
        break;
    }
    case Op::AND_I: intBinary([&](auto x, auto y) { return b.CreateAnd(x, y); }); break;
    case Op::OR_I: intBinary([&](auto x, auto y) { return b.CreateOr(x, y); }); break;
    case Op::XOR_I: intBinary([&](auto x, auto y) { return b.CreateXor(x, y); }); break;
    case Op::NEG_I:
    case Op::ABS_I: {
        llvm::Value *x = getI(i.b);
        raiseIf(b.CreateICmpEQ(x, constI(INT64_MIN)), ErrorKind::OverflowError, vm::overflowMessage);
        llvm::Value *negated = b.CreateNeg(x);
        setI(i.a, i.op == Op::NEG_I ? negated : b.CreateSelect(b.CreateICmpSLT(x, constI(0)), negated, x));
        break;
    }
    case Op::INVERT_I: setI(i.a, b.CreateNot(getI(i.b))); break;
    case Op::ADD_F: floatBinary([&](auto x, auto y) { return b.CreateFAdd(x, y); }); break;
    case Op::SUB_F: floatBinary([&](auto x, auto y) { return b.CreateFSub(x, y); }); break;
    case Op::MUL_F: floatBinary([&](auto x, auto y) { return b.CreateFMul(x, y); }); break;
    case Op::DIV_F: {
        llvm::Value *y = getF(i.c);
        raiseIf(b.CreateFCmpOEQ(y, llvm::ConstantFP::get(f64, 0.0)), ErrorKind::ZeroDivisionError, "float division by zero");
        setF(i.a, b.CreateFDiv(getF(i.b), y));
        break;
    }
    case Op::FLOORDIV_F:
        {
            // Stored only once it did not raise: a handler sees the target's old value, as in Python.
            llvm::Value *out = call(Import::hp_op_floordiv_float, {getF(i.b), getF(i.c)});
            checkError();
            setF(i.a, out);
        }
        break;
    case Op::MOD_F:
        {
            // Stored only once it did not raise: a handler sees the target's old value, as in Python.
            llvm::Value *out = call(Import::hp_op_mod_float, {getF(i.b), getF(i.c)});
            checkError();
            setF(i.a, out);
        }
        break;
    case Op::POW_F:
        {
            // Stored only once it did not raise: a handler sees the target's old value, as in Python.
            llvm::Value *out = call(Import::hp_op_pow_float, {getF(i.b), getF(i.c)});
            checkError();
            setF(i.a, out);
        }
        break;
    case Op::NEG_F: setF(i.a, b.CreateFNeg(getF(i.b))); break;
    case Op::ABS_F: setF(i.a, b.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, getF(i.b))); break;
    case Op::I2F: setF(i.a, b.CreateSIToFP(getI(i.b), f64)); break;
    case Op::NOT: setBool(i.a, b.CreateICmpEQ(getI(i.b), constI(0))); break;
    case Op::TRUTHY: setBool(i.a, call(Import::hp_truthy, {getSlot(i.b), typeOf(i.c)})); break;
    case Op::EQ_I: setBool(i.a, b.CreateICmpEQ(getI(i.b), getI(i.c))); break;
    case Op::NE_I: setBool(i.a, b.CreateICmpNE(getI(i.b), getI(i.c))); break;
    case Op::LT_I: setBool(i.a, b.CreateICmpSLT(getI(i.b), getI(i.c))); break;
    case Op::LE_I: setBool(i.a, b.CreateICmpSLE(getI(i.b), getI(i.c))); break;
    case Op::GT_I: setBool(i.a, b.CreateICmpSGT(getI(i.b), getI(i.c))); break;
    case Op::GE_I: setBool(i.a, b.CreateICmpSGE(getI(i.b), getI(i.c))); break;
    case Op::EQ_IK: setBool(i.a, b.CreateICmpEQ(getI(i.b), constI(K[i.c].value.i))); break;
    case Op::NE_IK: setBool(i.a, b.CreateICmpNE(getI(i.b), constI(K[i.c].value.i))); break;
    case Op::LT_IK: setBool(i.a, b.CreateICmpSLT(getI(i.b), constI(K[i.c].value.i))); break;
    case Op::LE_IK: setBool(i.a, b.CreateICmpSLE(getI(i.b), constI(K[i.c].value.i))); break;
    case Op::GT_IK: setBool(i.a, b.CreateICmpSGT(getI(i.b), constI(K[i.c].value.i))); break;
    case Op::GE_IK: setBool(i.a, b.CreateICmpSGE(getI(i.b), constI(K[i.c].value.i))); break;
    // Python's float comparisons: ordered, except != which is true for NaN.
    case Op::EQ_F: setBool(i.a, b.CreateFCmpOEQ(getF(i.b), getF(i.c))); break;
    case Op::NE_F: setBool(i.a, b.CreateFCmpUNE(getF(i.b), getF(i.c))); break;
    case Op::LT_F: setBool(i.a, b.CreateFCmpOLT(getF(i.b), getF(i.c))); break;
    case Op::LE_F: setBool(i.a, b.CreateFCmpOLE(getF(i.b), getF(i.c))); break;
    case Op::GT_F: setBool(i.a, b.CreateFCmpOGT(getF(i.b), getF(i.c))); break;
    case Op::GE_F: setBool(i.a, b.CreateFCmpOGE(getF(i.b), getF(i.c))); break;
    case Op::COMPARE: {
        llvm::Value *type = typeOf(next->a);
        llvm::Value *x = getSlot(i.b), *y = getSlot(i.c);
        llvm::Value *result = nullptr;
        switch (static_cast<vm::CompareKind>(next->b)) {
        case vm::CompareKind::Eq: result = call(Import::hp_equal, {x, y, type}); break;
        case vm::CompareKind::Ne: result = b.CreateNot(call(Import::hp_equal, {x, y, type})); break;
        case vm::CompareKind::Lt: result = b.CreateICmpSLT(call(Import::hp_compare, {x, y, type}), constI(0)); break;
        case vm::CompareKind::Le: result = b.CreateICmpSLE(call(Import::hp_compare, {x, y, type}), constI(0)); break;
        case vm::CompareKind::Gt: result = b.CreateICmpSGT(call(Import::hp_compare, {x, y, type}), constI(0)); break;
        case vm::CompareKind::Ge: result = b.CreateICmpSGE(call(Import::hp_compare, {x, y, type}), constI(0)); break;
        }
        setBool(i.a, result);
        break;
    }
    case Op::CMP_IF: setI(i.a, call(Import::hp_op_compare_int_float, {getI(i.b), getF(i.c), constI(next->a)})); break;
    case Op::JUMP: b.CreateBr(blockAt(i.target())); break;
    case Op::JUMP_IF:
    case Op::JUMP_IF_NOT: {
        auto *fallthrough = blockAt(pc + 1);
        llvm::Value *truth = b.CreateICmpNE(getI(i.a), constI(0));
        if (i.op == Op::JUMP_IF)
            b.CreateCondBr(truth, blockAt(i.target()), fallthrough);
        else
            b.CreateCondBr(truth, fallthrough, blockAt(i.target()));
        break;
    }
    case Op::LOOP:
        poll();
        b.CreateBr(blockAt(i.target()));
        break;
    case Op::CALL: emitCall(i); break;
    case Op::RETURN: {
        llvm::Value *result = isObject[i.a] ? getP(i.a) : getI(i.a);
        if (fn.returnType->isObject())
            retain(result);
        b.CreateBr(exit);
        exitValue->addIncoming(result, b.GetInsertBlock());
        break;
    }
    case Op::RETURN_NONE:
        b.CreateBr(exit);
        exitValue->addIncoming(llvm::Constant::getNullValue(F->getReturnType()), b.GetInsertBlock());
        break;
    case Op::NATIVE: emitNative(i, *next); break;
    case Op::STR_ADD: {
        llvm::Value *s = call(Import::hp_str_concat, {getP(i.b), getP(i.c)});
        checkError();
        setObject(i.a, s);
        break;
    }
    case Op::STR_APPEND: {
        // hp_str_append consumes the register's reference.
        llvm::Value *s = call(Import::hp_str_append, {getP(i.a), getP(i.b)});
        b.CreateStore(s, regs[i.a]);
        checkError();
        break;
    }
    case Op::LEN: {
        const TypeDesc *type = K[i.c].type;
        if (type->kind == Kind::Str)
            setI(i.a, b.CreateLoad(i64, gep(getP(i.b), strCodePoints)));
        else if (type->kind == Kind::List)
            setI(i.a, b.CreateLoad(i64, gep(getP(i.b), listSize)));
        else if (type->kind == Kind::Dict)
            setI(i.a, b.CreateLoad(i64, gep(getP(i.b), dictSize)));
        else
            setI(i.a, call(Import::hp_len, {getSlot(i.b), typeOf(i.c)}));
        break;
    }
    case Op::LIST_GET:
    case Op::LIST_GET_OBJ: {
        llvm::Value *items = nullptr, *at = nullptr;
        emitListIndex(i.b, getI(i.c), "list index out of range", items, at);
        loadInto(i.a, b.CreateInBoundsGEP(i64, items, at));
        break;
    }
    case Op::LIST_ITEM: {
        // The loop keeps the index in range; the check guards against the list
        // shrinking inside the loop body.
        llvm::Value *list = getP(i.b);
        llvm::Value *at = getI(i.c);
        if (m.checks)
            raiseIf(b.CreateICmpUGE(at, b.CreateLoad(i64, gep(list, listSize))), ErrorKind::IndexError, "list index out of range");
        loadInto(i.a, b.CreateInBoundsGEP(i64, b.CreateLoad(ptrTy, gep(list, listItems)), at));
        break;
    }
    case Op::LIST_SET:
    case Op::LIST_SET_K: {
        llvm::Value *items = nullptr, *at = nullptr;
        emitListIndex(i.a, getI(i.b), "list assignment index out of range", items, at);
        llvm::Value *address = b.CreateInBoundsGEP(i64, items, at);
        if (i.op == Op::LIST_SET_K) {
            b.CreateStore(constI(K[i.c].value.i), address);
        } else if (isObject[i.c]) {
            storeIntoContainer(getP(i.a), address, getP(i.c));
        } else {
            b.CreateStore(getI(i.c), address);
        }
        break;
    }
    case Op::LIST_APPEND:
        call(Import::hp_list_append, {getP(i.a), getSlot(i.b)});
        checkError();
        break;
    case Op::NEW_LIST:
    case Op::NEW_DICT:
    case Op::NEW_TUPLE:
    case Op::NEW_RECORD: {
        const TypeDesc *type = K[i.b].type;
        std::size_t n = 0;
        if (i.op == Op::NEW_LIST)
            n = next->a;
        else if (i.op == Op::NEW_DICT)
            n = 2u * next->a;
        else
            n = type->count;
        llvm::Value *items = scratch(n);
        for (std::size_t k = 0; k < n; ++k)
            b.CreateStore(getSlot(static_cast<int>(i.c + k)), b.CreateConstInBoundsGEP1_64(i64, items, k));
        llvm::Value *object = nullptr;
        if (i.op == Op::NEW_LIST)
            object = call(Import::hp_op_new_list, {typeOf(i.b), items, constI(static_cast<std::int64_t>(n))});
        else if (i.op == Op::NEW_DICT)
            object = call(Import::hp_op_new_dict, {typeOf(i.b), items, constI(next->a)});
        else
            object = call(Import::hp_op_new_tuple, {typeOf(i.b), items});
        if (i.op == Op::NEW_DICT) {
            setObject(i.a, object); // the interpreter stores before checking
            checkError();
        } else {
            checkError();
            setObject(i.a, object);
        }
        break;
    }
    case Op::GET_ITEM:
    case Op::GET_ITEM_OBJ: loadInto(i.a, gep(getP(i.b), tupleItems + 8u * i.c)); break;
    case Op::SET_FIELD: {
        llvm::Value *address = gep(getP(i.a), tupleItems + 8u * i.b);
        if (isObject[i.c]) {
            storeIntoContainer(getP(i.a), address, getP(i.c));
        } else {
            b.CreateStore(getI(i.c), address);
        }
        break;
    }
    case Op::DICT_GET: {
        llvm::Value *bits = call(Import::hp_dict_get_item, {getP(i.b), getSlot(i.c)});
        checkError();
        if (isObject[i.a]) {
            llvm::Value *v = b.CreateIntToPtr(bits, ptrTy);
            retain(v);
            setObject(i.a, v);
        } else {
            setI(i.a, bits);
        }
        break;
    }
    case Op::DICT_SET:
        call(Import::hp_dict_set, {getP(i.a), getSlot(i.b), getSlot(i.c)});
        checkError();
        break;
    case Op::DICT_NEXT:
    case Op::STR_NEXT: {
        llvm::Value *out = scratch(3);
        llvm::Value *found = i.op == Op::DICT_NEXT
            ? call(Import::hp_op_dict_next, {getP(i.b), getI(i.c), getI(next->c), out})
            : call(Import::hp_op_str_next, {getP(i.b), getI(i.c), out});
        setI(i.a, found);
        checkError();
        auto *store = llvm::BasicBlock::Create(ctx, "next.found", F);
        auto *done = llvm::BasicBlock::Create(ctx, "next.done", F);
        b.CreateCondBr(b.CreateICmpNE(found, constI(0)), store, done);
        b.SetInsertPoint(store);
        if (i.op == Op::DICT_NEXT) {
            setSlotOwned(next->a, b.CreateLoad(i64, out)); // the key: a str, number or tuple
            setSlotOwned(next->b, b.CreateLoad(i64, b.CreateConstInBoundsGEP1_64(i64, out, 1)));
            setI(i.c, b.CreateLoad(i64, b.CreateConstInBoundsGEP1_64(i64, out, 2)));
        } else {
            setObject(next->a, b.CreateLoad(ptrTy, out));
            setI(i.c, b.CreateLoad(i64, b.CreateConstInBoundsGEP1_64(i64, out, 1)));
        }
        b.CreateBr(done);
        b.SetInsertPoint(done);
        break;
    }
    case Op::RANGE_CHECK: raiseIf(b.CreateICmpEQ(getI(i.a), constI(0)), ErrorKind::ValueError, "range() arg 3 must not be zero"); break;
    case Op::FOR_RANGE: emitRangeStep(i, *next, blockAt(pc + 2), blockAt(next->target())); break;
    case Op::FOR_RANGE_BACK:
        poll();
        emitRangeStep(i, *next, blockAt(next->target()), blockAt(pc + 2));
        break;
    case Op::CHECK_BOUND:
    case Op::CHECK_BOUND_NUM: {
        llvm::Value *unset = isObject[i.a] ? b.CreateIsNull(getP(i.a)) : b.CreateICmpEQ(getI(i.a), constI(0));
        auto *fail = llvm::BasicBlock::Create(ctx, "unbound", F);
        auto *ok = llvm::BasicBlock::Create(ctx, "bound", F);
        b.CreateCondBr(unset, fail, ok, unlikely);
        b.SetInsertPoint(fail);
        call(Import::hp_op_unbound, {constPtr(K[i.b].value.p)});
        b.CreateBr(unwind);
        unwindLine->addIncoming(b.getInt32(static_cast<std::uint32_t>(line)), fail);
        b.SetInsertPoint(ok);
        break;
    }
    case Op::FORMAT: {
        const void *spec = next->a > 0 ? &module.formatSpecs[next->a - 1u] : nullptr;
        llvm::Value *s = call(Import::hp_op_format, {getSlot(i.b), typeOf(i.c), constPtr(spec), constI(next->b == 1)});
        checkError();
        setObject(i.a, s);
        break;
    }
    case Op::PRINT: call(Import::hp_jit_print, {state, getSlot(i.a), typeOf(i.b), constI(i.c)}); break;
    case Op::ASSERT_FAIL:
        call(Import::hp_op_assert_fail, {i.b ? getP(i.a) : constPtr(nullptr)});
        b.CreateBr(unwind);
        unwindLine->addIncoming(b.getInt32(static_cast<std::uint32_t>(line)), b.GetInsertBlock());
        break;
    case Op::EXC_NEW:
    case Op::EXC_NEW0: {
        const bool withArgument = i.op == Op::EXC_NEW;
        llvm::Value *e = call(Import::hp_exc_new, {constPtr(K[i.b].value.p), withArgument ? getP(next->a) : constPtr(nullptr),
                                                   withArgument ? getP(next->b) : constPtr(nullptr)});
        checkError();
        setObject(i.a, e);
        break;
    }
    case Op::EXC_TAKE: {
        llvm::Value *e = call(Import::hp_exc_take, {});
        checkError();
        setObject(i.a, e);
        break;
    }
    case Op::EXC_MATCH: setBool(i.a, call(Import::hp_exc_match, {getP(i.b), constPtr(K[i.c].value.p)})); break;
    case Op::EXC_NAME: {
        llvm::Value *name = call(Import::hp_exc_name, {getP(i.b)});
        checkError();
        setObject(i.a, name);
        break;
    }
    case Op::RAISE:
        call(Import::hp_exc_raise, {getP(i.a)});
        b.CreateBr(unwind);
        unwindLine->addIncoming(b.getInt32(static_cast<std::uint32_t>(line)), b.GetInsertBlock());
        break;
    }
}

} // namespace

const std::map<std::string, std::uint64_t> &runtimeSymbols()
{
    static const std::map<std::string, std::uint64_t> symbols = [] {
        std::map<std::string, std::uint64_t> table;
        for (const RuntimeFunction &f : runtimeFunctions)
            table[f.name] = reinterpret_cast<std::uintptr_t>(f.address);
        for (int k = 0; k < static_cast<int>(vm::Native::Count); ++k) {
            const auto native = static_cast<vm::Native>(k);
            table[nativeSymbol(native)] = reinterpret_cast<std::uintptr_t>(vm::nativeFunction(native));
        }
        return table;
    }();
    return symbols;
}

std::unique_ptr<llvm::Module> lowerModule(const vm::Module &module, llvm::LLVMContext &context, const std::string &name, bool debugInfo,
                                          bool safetyChecks)
{
    return ModuleLowering(module, context, name, debugInfo, safetyChecks).run();
}

} // namespace hotpath::jit
