// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatch loop. One long function by design (Lua's and CPython's loops are too):
// each case is a few lines, and the register file pointer lives in a local so the
// compiler keeps it in a machine register. GCC's labels-as-values give a computed goto
// per instruction; other compilers get a switch.
#include "hotpath/vm/Interpreter.h"

#include "hotpath/runtime/Exceptions.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/support/Text.h"
#include "hotpath/vm/Natives.h"
#include "hotpath/vm/Operations.h"

#include <cmath>
#include <cstring>

#if defined(__GNUC__)
// Labels as values are a GNU extension, used on purpose: one indirect jump per
// instruction lets the branch predictor learn each opcode's successors. -Wpedantic
// would reject every dispatch.
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

namespace hotpath::vm {

using namespace hotpath::runtime;

namespace {

// CPython's message for an index past the end; a tuple[T, ...] is laid out as a list.
inline const char *indexOutOfRange(const List *list)
{
    return list->type->tupleOf ? "tuple index out of range" : "list index out of range";
}


struct Frame
{
    const Function *function;
    std::size_t base;    // first register in the stack
    std::uint32_t pc;    // next instruction (saved while a callee runs)
    std::uint16_t resultRegister;
};

// One step of a range loop: false when the range is over; else the value goes to the
// loop's value register and the counter advances without overflowing past INT64_MAX.
inline bool rangeStep(Slot *R, const Instr &i, const Instr &x)
{
    const std::int64_t step = R[i.c].i;
    const std::int64_t value = R[i.a].i;
    if (step > 0 ? value >= R[i.b].i : value <= R[i.b].i)
        return false;
    R[x.a].i = value;
    std::int64_t following = 0;
    R[i.a].i = __builtin_add_overflow(value, step, &following) ? R[i.b].i : following;
    return true;
}

inline void storeObject(Slot &slot, void *value)
{
    void *old = slot.p;
    slot.p = value;
    release(old);
}

class Machine
{
public:
    Machine(const Module &module, Context &context) : m_module(module), m_context(context) {}
    // Checked = false drops deadline polls, overflow and bounds checks: only to measure
    // what they cost (`hotpath run --unchecked`); a wrong program may then crash.
    template <bool Checked>
    CallResult run(int index, const std::vector<Slot> &args, std::vector<Slot> *keepRegisters);

private:
    bool pushFrame(const Function &function, std::size_t base, std::uint16_t resultRegister);
    void unwind();

    const Module &m_module;
    Context &m_context;
    std::vector<Slot> m_stack;
    std::vector<Frame> m_frames;
    std::string m_print;
};

bool Machine::pushFrame(const Function &function, std::size_t base, std::uint16_t resultRegister)
{
    if (static_cast<int>(m_frames.size()) >= m_context.limits().maxDepth) {
        m_context.raise(ErrorKind::RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    const std::size_t needed = base + function.registerCount;
    if (needed > m_stack.size()) {
        if (!m_context.allocate(static_cast<std::int64_t>((needed - m_stack.size()) * sizeof(Slot))))
            return false;
        m_stack.resize(std::max(needed, m_stack.size() * 2));
    }
    // Only registers that are read before written need a defined start: object registers
    // (released on overwrite) and assignment flags. Numbers are always written first.
    Slot *frame = m_stack.data() + base;
    for (std::uint16_t r : function.zeroRegisters)
        frame[r].p = nullptr;
    m_frames.push_back({&function, base, 0, resultRegister});
    return true;
}

// Releases every frame's objects after an error.
void Machine::unwind()
{
    while (!m_frames.empty()) {
        const Frame &frame = m_frames.back();
        Slot *R = m_stack.data() + frame.base;
        for (std::uint16_t r : frame.function->objectRegisters)
            release(R[r].p);
        m_frames.pop_back();
    }
}

// + - * with the overflow flag; unchecked, the flag is dropped and the result wraps (never
// reached by a correct program, which is what the unchecked mode measures).
template <bool Checked>
inline bool addOverflows(std::int64_t a, std::int64_t b, std::int64_t *out) { return __builtin_add_overflow(a, b, out) && Checked; }
template <bool Checked>
inline bool subOverflows(std::int64_t a, std::int64_t b, std::int64_t *out) { return __builtin_sub_overflow(a, b, out) && Checked; }
template <bool Checked>
inline bool mulOverflows(std::int64_t a, std::int64_t b, std::int64_t *out) { return __builtin_mul_overflow(a, b, out) && Checked; }

template <bool Checked>
CallResult Machine::run(int index, const std::vector<Slot> &args, std::vector<Slot> *keepRegisters)
{
    CurrentContext current(&m_context);
    CallResult result;
    const Function &entry = m_module.functions[static_cast<std::size_t>(index)];
    m_stack.resize(std::max<std::size_t>(entry.registerCount, 256));
    if (!pushFrame(entry, 0, 0)) {
        result.error = m_context.error();
        result.errorClass = m_context.errorClassName();
        result.errorIsLimit = m_context.errorIsLimit();
        result.httpStatus = m_context.errorHttpStatus();
        result.exceptionClass = m_context.errorClass();
        result.message = m_context.message();
        return result;
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        m_stack[i] = args[i];
        if (entry.paramTypes[i]->isObject())
            retain(args[i].p);
    }

    const Function *fn = &entry;
    const Instr *code = fn->code.data();
    const Constant *K = fn->constants.data();
    Slot *R = m_stack.data();
    std::uint32_t pc = 0;
    Slot returned{0};

#define RELOAD()                                                                                   \
    do {                                                                                           \
        const Frame &top = m_frames.back();                                                        \
        fn = top.function;                                                                         \
        code = fn->code.data();                                                                    \
        K = fn->constants.data();                                                                  \
        R = m_stack.data() + top.base;                                                             \
    } while (0)
#define RAISE(kind, message)                                                                       \
    do {                                                                                           \
        m_context.raise(kind, message);                                                            \
        goto error;                                                                                \
    } while (0)
#define CHECK()                                                                                    \
    do {                                                                                           \
        if (m_context.failed())                                                                    \
            goto error;                                                                            \
    } while (0)
#define TYPE(k) (K[k].type)

#if defined(__GNUC__)
    static const void *labels[] = {
#define HOTPATH_OP_LABEL(name, operands, meaning) &&op_##name,
        HOTPATH_OPCODES(HOTPATH_OP_LABEL)
#undef HOTPATH_OP_LABEL
    };
#define DISPATCH() goto *labels[static_cast<int>(code[pc].op)]
#define CASE(name) op_##name:
#define NEXT() \
    do {       \
        ++pc;  \
        DISPATCH(); \
    } while (0)
    DISPATCH();
#else
#define CASE(name) case Op::name:
#define NEXT() \
    do {       \
        ++pc;  \
        goto dispatch; \
    } while (0)
dispatch:
    switch (code[pc].op) {
#endif
    {
        CASE(NOP) NEXT();
        CASE(EXTRA) NEXT();
        CASE(MOVE)
        {
            const Instr &i = code[pc];
            R[i.a] = R[i.b];
            NEXT();
        }
        CASE(MOVE_OBJ)
        {
            const Instr &i = code[pc];
            retain(R[i.b].p);
            storeObject(R[i.a], R[i.b].p);
            NEXT();
        }
        CASE(LOAD_K)
        {
            const Instr &i = code[pc];
            R[i.a] = K[i.b].value;
            NEXT();
        }
        CASE(LOAD_K_OBJ)
        {
            const Instr &i = code[pc];
            storeObject(R[i.a], K[i.b].value.p);
            NEXT();
        }
        CASE(LOAD_GLOBAL)
        {
            const Instr &i = code[pc];
            R[i.a] = m_module.globals[i.b];
            NEXT();
        }
        CASE(LOAD_GLOBAL_OBJ)
        {
            const Instr &i = code[pc];
            storeObject(R[i.a], m_module.globals[i.b].p);
            NEXT();
        }
        CASE(LOAD_STATE)
        {
            const Instr &i = code[pc];
            R[i.a] = m_module.state->slots[i.b];
            NEXT();
        }
        CASE(LOAD_STATE_OBJ)
        {
            const Instr &i = code[pc];
            void *value = m_module.state->slots[i.b].p;
            retain(value);
            storeObject(R[i.a], value);
            NEXT();
        }
        CASE(STORE_STATE)
        {
            const Instr &i = code[pc];
            m_module.state->slots[i.b] = R[i.a];
            NEXT();
        }
        CASE(STORE_STATE_OBJ)
        {
            const Instr &i = code[pc];
            hp_op_store_state(&m_module.state->slots[i.b], R[i.a].p);
            NEXT();
        }
        CASE(CLEAR)
        {
            storeObject(R[code[pc].a], nullptr);
            NEXT();
        }
        CASE(ADD_I)
        {
            const Instr &i = code[pc];
            std::int64_t out;
            if (addOverflows<Checked>(R[i.b].i, R[i.c].i, &out))
                RAISE(ErrorKind::OverflowError, overflowMessage); // the target keeps its value, as in Python
            R[i.a].i = out;
            NEXT();
        }
        CASE(SUB_I)
        {
            const Instr &i = code[pc];
            std::int64_t out;
            if (subOverflows<Checked>(R[i.b].i, R[i.c].i, &out))
                RAISE(ErrorKind::OverflowError, overflowMessage); // the target keeps its value, as in Python
            R[i.a].i = out;
            NEXT();
        }
        CASE(MUL_I)
        {
            const Instr &i = code[pc];
            std::int64_t out;
            if (mulOverflows<Checked>(R[i.b].i, R[i.c].i, &out))
                RAISE(ErrorKind::OverflowError, overflowMessage); // the target keeps its value, as in Python
            R[i.a].i = out;
            NEXT();
        }
        CASE(FLOORDIV_I)
        {
            const Instr &i = code[pc];
            const std::int64_t y = R[i.c].i;
            if (y == 0)
                RAISE(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
            if (y == -1 && R[i.b].i == INT64_MIN)
                RAISE(ErrorKind::OverflowError, overflowMessage);
            R[i.a].i = floorDiv(R[i.b].i, y);
            NEXT();
        }
        CASE(MOD_I)
        {
            const Instr &i = code[pc];
            const std::int64_t y = R[i.c].i;
            if (y == 0)
                RAISE(ErrorKind::ZeroDivisionError, "integer modulo by zero");
            R[i.a].i = floorMod(R[i.b].i, y);
            NEXT();
        }
        CASE(POW_I)
        {
            const Instr &i = code[pc];
            const std::int64_t out = hp_op_pow_int(R[i.b].i, R[i.c].i);
            CHECK();
            R[i.a].i = out;
            NEXT();
        }
        CASE(DIV_I)
        {
            const Instr &i = code[pc];
            const double out = checkedDivInt(R[i.b].i, R[i.c].i);
            CHECK();
            R[i.a].f = out;
            NEXT();
        }
        CASE(LSHIFT_I)
        {
            const Instr &i = code[pc];
            const std::int64_t out = checkedShiftLeft(R[i.b].i, R[i.c].i);
            CHECK();
            R[i.a].i = out;
            NEXT();
        }
        CASE(RSHIFT_I)
        {
            const Instr &i = code[pc];
            const std::int64_t out = checkedShiftRight(R[i.b].i, R[i.c].i);
            CHECK();
            R[i.a].i = out;
            NEXT();
        }
        CASE(AND_I)
        {
            const Instr &i = code[pc];
            R[i.a].i = R[i.b].i & R[i.c].i;
            NEXT();
        }
        CASE(OR_I)
        {
            const Instr &i = code[pc];
            R[i.a].i = R[i.b].i | R[i.c].i;
            NEXT();
        }
        CASE(XOR_I)
        {
            const Instr &i = code[pc];
            R[i.a].i = R[i.b].i ^ R[i.c].i;
            NEXT();
        }
        CASE(NEG_I)
        {
            const Instr &i = code[pc];
            if (R[i.b].i == INT64_MIN)
                RAISE(ErrorKind::OverflowError, overflowMessage);
            R[i.a].i = -R[i.b].i;
            NEXT();
        }
        CASE(INVERT_I)
        {
            const Instr &i = code[pc];
            R[i.a].i = ~R[i.b].i;
            NEXT();
        }
        CASE(ABS_I)
        {
            const Instr &i = code[pc];
            if (R[i.b].i == INT64_MIN)
                RAISE(ErrorKind::OverflowError, overflowMessage);
            R[i.a].i = R[i.b].i < 0 ? -R[i.b].i : R[i.b].i;
            NEXT();
        }
        CASE(ADD_F)
        {
            const Instr &i = code[pc];
            R[i.a].f = R[i.b].f + R[i.c].f;
            NEXT();
        }
        CASE(SUB_F)
        {
            const Instr &i = code[pc];
            R[i.a].f = R[i.b].f - R[i.c].f;
            NEXT();
        }
        CASE(MUL_F)
        {
            const Instr &i = code[pc];
            R[i.a].f = R[i.b].f * R[i.c].f;
            NEXT();
        }
        CASE(DIV_F)
        {
            const Instr &i = code[pc];
            if (R[i.c].f == 0)
                RAISE(ErrorKind::ZeroDivisionError, "float division by zero");
            R[i.a].f = R[i.b].f / R[i.c].f;
            NEXT();
        }
        CASE(FLOORDIV_F)
        {
            const Instr &i = code[pc];
            const double out = hp_op_floordiv_float(R[i.b].f, R[i.c].f);
            CHECK();
            R[i.a].f = out;
            NEXT();
        }
        CASE(MOD_F)
        {
            const Instr &i = code[pc];
            const double out = hp_op_mod_float(R[i.b].f, R[i.c].f);
            CHECK();
            R[i.a].f = out;
            NEXT();
        }
        CASE(POW_F)
        {
            const Instr &i = code[pc];
            const double out = hp_op_pow_float(R[i.b].f, R[i.c].f);
            CHECK();
            R[i.a].f = out;
            NEXT();
        }
        CASE(NEG_F)
        {
            const Instr &i = code[pc];
            R[i.a].f = -R[i.b].f;
            NEXT();
        }
        CASE(ABS_F)
        {
            const Instr &i = code[pc];
            R[i.a].f = std::fabs(R[i.b].f);
            NEXT();
        }
        CASE(I2F)
        {
            const Instr &i = code[pc];
            R[i.a].f = static_cast<double>(R[i.b].i);
            NEXT();
        }
        CASE(NOT)
        {
            const Instr &i = code[pc];
            R[i.a].i = R[i.b].i == 0;
            NEXT();
        }
        CASE(TRUTHY)
        {
            const Instr &i = code[pc];
            R[i.a].i = hp_truthy(R[i.b], TYPE(i.c));
            NEXT();
        }
#define INT_COMPARE(name, op)                                                                      \
    CASE(name)                                                                                     \
    {                                                                                              \
        const Instr &i = code[pc];                                                                 \
        R[i.a].i = R[i.b].i op R[i.c].i;                                                           \
        NEXT();                                                                                    \
    }
#define FLOAT_COMPARE(name, op)                                                                    \
    CASE(name)                                                                                     \
    {                                                                                              \
        const Instr &i = code[pc];                                                                 \
        R[i.a].i = R[i.b].f op R[i.c].f;                                                           \
        NEXT();                                                                                    \
    }
        INT_COMPARE(EQ_I, ==)
        INT_COMPARE(NE_I, !=)
        INT_COMPARE(LT_I, <)
        INT_COMPARE(LE_I, <=)
        INT_COMPARE(GT_I, >)
        INT_COMPARE(GE_I, >=)
        FLOAT_COMPARE(EQ_F, ==)
        FLOAT_COMPARE(NE_F, !=)
        FLOAT_COMPARE(LT_F, <)
        FLOAT_COMPARE(LE_F, <=)
        FLOAT_COMPARE(GT_F, >)
        FLOAT_COMPARE(GE_F, >=)
        CASE(COMPARE)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            const TypeDesc *type = TYPE(x.a);
            bool value = false;
            switch (static_cast<CompareKind>(x.b)) {
            case CompareKind::Eq: value = hp_equal(R[i.b], R[i.c], type); break;
            case CompareKind::Ne: value = !hp_equal(R[i.b], R[i.c], type); break;
            case CompareKind::Lt: value = hp_compare(R[i.b], R[i.c], type) < 0; break;
            case CompareKind::Le: value = hp_compare(R[i.b], R[i.c], type) <= 0; break;
            case CompareKind::Gt: value = hp_compare(R[i.b], R[i.c], type) > 0; break;
            case CompareKind::Ge: value = hp_compare(R[i.b], R[i.c], type) >= 0; break;
            }
            R[i.a].i = value;
            ++pc;
            NEXT();
        }
        CASE(JUMP)
        {
            pc = code[pc].target();
            DISPATCH_AGAIN:
#if defined(__GNUC__)
            DISPATCH();
#else
            goto dispatch;
#endif
        }
        CASE(JUMP_IF)
        {
            const Instr &i = code[pc];
            if (R[i.a].i) {
                pc = i.target();
                goto DISPATCH_AGAIN;
            }
            NEXT();
        }
        CASE(JUMP_IF_NOT)
        {
            const Instr &i = code[pc];
            if (!R[i.a].i) {
                pc = i.target();
                goto DISPATCH_AGAIN;
            }
            NEXT();
        }
        CASE(LOOP)
        {
            if (Checked && !m_context.poll())
                goto error;
            pc = code[pc].target();
            goto DISPATCH_AGAIN;
        }
        CASE(CALL)
        {
            const Instr &i = code[pc];
            if (Checked && !m_context.poll())
                goto error;
            const Function &callee = m_module.functions[i.b];
            Frame &caller = m_frames.back();
            caller.pc = pc;
            const std::size_t argBase = caller.base + i.c;
            const std::size_t base = caller.base + fn->registerCount;
            if (!pushFrame(callee, base, i.a))
                goto error;
            R = m_stack.data() + base;
            const Slot *callArgs = m_stack.data() + argBase;
            for (std::uint16_t p = 0; p < callee.paramCount; ++p)
                R[p] = callArgs[p];
            for (std::uint16_t p : callee.objectParams)
                retain(R[p].p);
            fn = &callee;
            code = fn->code.data();
            K = fn->constants.data();
            pc = 0;
            goto DISPATCH_AGAIN;
        }
        CASE(RETURN)
        {
            returned = R[code[pc].a];
            if (fn->returnType->isObject())
                retain(returned.p);
            goto do_return;
        }
        CASE(RETURN_NONE)
        {
            returned.i = 0;
        do_return:
            for (std::uint16_t r : fn->objectRegisters)
                release(R[r].p);
            const std::uint16_t resultRegister = m_frames.back().resultRegister;
            const bool object = fn->returnType->isObject();
            if (m_frames.size() == 1) {
                if (keepRegisters) {
                    keepRegisters->assign(R, R + fn->registerCount);
                }
                m_frames.pop_back();
                result.ok = true;
                result.value = returned;
                return result;
            }
            m_frames.pop_back();
            RELOAD();
            pc = m_frames.back().pc;
            if (object)
                storeObject(R[resultRegister], returned.p);
            else
                R[resultRegister] = returned;
            NEXT();
        }
        CASE(NATIVE)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            Slot out{0};
            nativeFunction(static_cast<Native>(i.b))(R + i.c, &out, x.b == noType ? nullptr : TYPE(x.b));
            CHECK();
            if (x.c)
                storeObject(R[i.a], out.p);
            else
                R[i.a] = out;
            ++pc;
            NEXT();
        }
        CASE(STR_ADD)
        {
            const Instr &i = code[pc];
            Str *s = hp_str_concat(static_cast<Str *>(R[i.b].p), static_cast<Str *>(R[i.c].p));
            CHECK();
            storeObject(R[i.a], s);
            NEXT();
        }
        CASE(STR_APPEND)
        {
            const Instr &i = code[pc];
            Str *s = hp_str_append(static_cast<Str *>(R[i.a].p), static_cast<Str *>(R[i.b].p));
            R[i.a].p = s; // the old reference was consumed
            CHECK();
            NEXT();
        }
        CASE(LEN)
        {
            const Instr &i = code[pc];
            R[i.a].i = hp_len(R[i.b], TYPE(i.c));
            NEXT();
        }
        CASE(LIST_GET)
        {
            const Instr &i = code[pc];
            const auto *list = static_cast<List *>(R[i.b].p);
            std::int64_t at = R[i.c].i;
            if (at < 0)
                at += list->size;
            if (Checked && static_cast<std::uint64_t>(at) >= static_cast<std::uint64_t>(list->size))
                RAISE(ErrorKind::IndexError, indexOutOfRange(list));
            R[i.a] = list->items[at];
            NEXT();
        }
        CASE(LIST_GET_OBJ)
        {
            const Instr &i = code[pc];
            const Slot value = hp_list_get(static_cast<List *>(R[i.b].p), R[i.c].i);
            CHECK();
            retain(value.p);
            storeObject(R[i.a], value.p);
            NEXT();
        }
        CASE(LIST_SET)
        {
            const Instr &i = code[pc];
            auto *list = static_cast<List *>(R[i.a].p);
            std::int64_t at = R[i.b].i;
            if (at < 0)
                at += list->size;
            if (Checked && static_cast<std::uint64_t>(at) >= static_cast<std::uint64_t>(list->size))
                RAISE(ErrorKind::IndexError, "list assignment index out of range");
            if (list->type->element->isObject()) {
                retainInto(list, R[i.c].p);
                storeObject(list->items[at], R[i.c].p);
            } else {
                list->items[at] = R[i.c];
            }
            NEXT();
        }
        CASE(LIST_SET_K)
        {
            const Instr &i = code[pc];
            auto *list = static_cast<List *>(R[i.a].p);
            std::int64_t at = R[i.b].i;
            if (at < 0)
                at += list->size;
            if (Checked && static_cast<std::uint64_t>(at) >= static_cast<std::uint64_t>(list->size))
                RAISE(ErrorKind::IndexError, "list assignment index out of range");
            list->items[at] = K[i.c].value;
            NEXT();
        }
        CASE(LIST_APPEND)
        {
            const Instr &i = code[pc];
            hp_list_append(static_cast<List *>(R[i.a].p), R[i.b]);
            CHECK();
            NEXT();
        }
        CASE(LIST_ITEM)
        {
            const Instr &i = code[pc];
            auto *list = static_cast<List *>(R[i.b].p);
            const std::int64_t at = R[i.c].i;
            if (Checked && (at < 0 || at >= list->size))
                RAISE(ErrorKind::IndexError, indexOutOfRange(list));
            const Slot value = list->items[at];
            if (list->type->element->isObject()) {
                retain(value.p);
                storeObject(R[i.a], value.p);
            } else {
                R[i.a] = value;
            }
            NEXT();
        }
        CASE(NEW_LIST)
        {
            const Instr &i = code[pc];
            List *list = hp_op_new_list(TYPE(i.b), R + i.c, code[pc + 1].a);
            CHECK();
            storeObject(R[i.a], list);
            ++pc;
            NEXT();
        }
        CASE(NEW_DICT)
        {
            const Instr &i = code[pc];
            Dict *dict = hp_op_new_dict(TYPE(i.b), R + i.c, code[pc + 1].a);
            storeObject(R[i.a], dict);
            CHECK();
            ++pc;
            NEXT();
        }
        CASE(NEW_TUPLE)
        CASE(NEW_RECORD)
        {
            const Instr &i = code[pc];
            Tuple *tuple = hp_op_new_tuple(TYPE(i.b), R + i.c);
            CHECK();
            storeObject(R[i.a], tuple);
            NEXT();
        }
        CASE(GET_ITEM)
        {
            const Instr &i = code[pc];
            R[i.a] = static_cast<Tuple *>(R[i.b].p)->items()[i.c];
            NEXT();
        }
        CASE(GET_ITEM_OBJ)
        {
            const Instr &i = code[pc];
            void *value = static_cast<Tuple *>(R[i.b].p)->items()[i.c].p;
            retain(value);
            storeObject(R[i.a], value);
            NEXT();
        }
        CASE(SET_FIELD)
        {
            const Instr &i = code[pc];
            auto *record = static_cast<Tuple *>(R[i.a].p);
            const TypeDesc *fieldType = record->type->items[i.b];
            Slot &field = record->items()[i.b];
            if (fieldType->isObject()) {
                retainInto(record, R[i.c].p);
                storeObject(field, R[i.c].p);
            } else {
                field = R[i.c];
            }
            NEXT();
        }
        CASE(DICT_GET)
        {
            const Instr &i = code[pc];
            auto *dict = static_cast<Dict *>(R[i.b].p);
            const Slot value = hp_dict_get_item(dict, R[i.c]);
            CHECK();
            if (dict->type->element->isObject()) {
                retain(value.p);
                storeObject(R[i.a], value.p);
            } else {
                R[i.a] = value;
            }
            NEXT();
        }
        CASE(DICT_SET)
        {
            const Instr &i = code[pc];
            hp_dict_set(static_cast<Dict *>(R[i.a].p), R[i.b], R[i.c]);
            CHECK();
            NEXT();
        }
        CASE(DICT_NEXT)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            Slot out[3];
            R[i.a].i = hp_op_dict_next(static_cast<Dict *>(R[i.b].p), R[i.c].i, R[x.c].i, out);
            CHECK();
            if (R[i.a].i) {
                const TypeDesc *type = static_cast<Dict *>(R[i.b].p)->type;
                if (type->key->isObject())
                    storeObject(R[x.a], out[0].p);
                else
                    R[x.a] = out[0];
                if (type->element->isObject())
                    storeObject(R[x.b], out[1].p);
                else
                    R[x.b] = out[1];
                R[i.c] = out[2];
            }
            ++pc;
            NEXT();
        }
        CASE(STR_NEXT)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            Slot out[2];
            R[i.a].i = hp_op_str_next(static_cast<Str *>(R[i.b].p), R[i.c].i, out);
            CHECK();
            if (R[i.a].i) {
                storeObject(R[x.a], out[0].p);
                R[i.c] = out[1];
            }
            ++pc;
            NEXT();
        }
        CASE(RANGE_CHECK)
        {
            if (R[code[pc].a].i == 0)
                RAISE(ErrorKind::ValueError, "range() arg 3 must not be zero");
            NEXT();
        }
        CASE(FOR_RANGE)
        {
            const Instr &x = code[pc + 1];
            pc = rangeStep(R, code[pc], x) ? pc + 2 : x.target();
            goto DISPATCH_AGAIN;
        }
        CASE(FOR_RANGE_BACK)
        {
            if (Checked && !m_context.poll())
                goto error;
            const Instr &x = code[pc + 1];
            pc = rangeStep(R, code[pc], x) ? x.target() : pc + 2;
            goto DISPATCH_AGAIN;
        }
        CASE(ADD_IK)
        {
            const Instr &i = code[pc];
            std::int64_t out;
            if (addOverflows<Checked>(R[i.b].i, K[i.c].value.i, &out))
                RAISE(ErrorKind::OverflowError, overflowMessage); // the target keeps its value, as in Python
            R[i.a].i = out;
            NEXT();
        }
        CASE(SUB_IK)
        {
            const Instr &i = code[pc];
            std::int64_t out;
            if (subOverflows<Checked>(R[i.b].i, K[i.c].value.i, &out))
                RAISE(ErrorKind::OverflowError, overflowMessage); // the target keeps its value, as in Python
            R[i.a].i = out;
            NEXT();
        }
        CASE(MUL_IK)
        {
            const Instr &i = code[pc];
            std::int64_t out;
            if (mulOverflows<Checked>(R[i.b].i, K[i.c].value.i, &out))
                RAISE(ErrorKind::OverflowError, overflowMessage); // the target keeps its value, as in Python
            R[i.a].i = out;
            NEXT();
        }
        CASE(MOD_IK)
        {
            const Instr &i = code[pc];
            const std::int64_t y = K[i.c].value.i;
            if (y == 0)
                RAISE(ErrorKind::ZeroDivisionError, "integer modulo by zero");
            R[i.a].i = floorMod(R[i.b].i, y);
            NEXT();
        }
        CASE(FLOORDIV_IK)
        {
            const Instr &i = code[pc];
            const std::int64_t y = K[i.c].value.i;
            if (y == 0)
                RAISE(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
            if (y == -1 && R[i.b].i == INT64_MIN)
                RAISE(ErrorKind::OverflowError, overflowMessage);
            R[i.a].i = floorDiv(R[i.b].i, y);
            NEXT();
        }
#define INT_COMPARE_K(name, op)                                                                    \
    CASE(name)                                                                                     \
    {                                                                                              \
        const Instr &i = code[pc];                                                                 \
        R[i.a].i = R[i.b].i op K[i.c].value.i;                                                     \
        NEXT();                                                                                    \
    }
        INT_COMPARE_K(EQ_IK, ==)
        INT_COMPARE_K(NE_IK, !=)
        INT_COMPARE_K(LT_IK, <)
        INT_COMPARE_K(LE_IK, <=)
        INT_COMPARE_K(GT_IK, >)
        INT_COMPARE_K(GE_IK, >=)
        CASE(CMP_IF)
        {
            const Instr &i = code[pc];
            R[i.a].i = hp_op_compare_int_float(R[i.b].i, R[i.c].f, code[pc + 1].a);
            ++pc;
            NEXT();
        }
        CASE(CHECK_BOUND_NUM)
        CASE(CHECK_BOUND)
        {
            // Both test the register's bits: a null object, or a zero flag.
            const Instr &i = code[pc];
            if (!R[i.a].i) {
                hp_op_unbound(static_cast<Str *>(K[i.b].value.p));
                goto error;
            }
            NEXT();
        }
        CASE(FORMAT)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            Str *s = hp_op_format(R[i.b], TYPE(i.c), x.a > 0 ? &m_module.formatSpecs[x.a - 1u] : nullptr, x.b == 1);
            CHECK();
            storeObject(R[i.a], s);
            ++pc;
            NEXT();
        }
        CASE(PRINT)
        {
            const Instr &i = code[pc];
            appendStr(m_print, R[i.a], TYPE(i.b));
            if (i.c) {
                m_context.write(m_print.data(), m_print.size());
                m_print.clear();
            }
            NEXT();
        }
        CASE(ASSERT_FAIL)
        {
            const Instr &i = code[pc];
            hp_op_assert_fail(i.b ? static_cast<Str *>(R[i.a].p) : nullptr);
            goto error;
        }
        CASE(EXC_NEW)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            Record *e = hp_exc_new(static_cast<const ExceptionClass *>(K[i.b].value.p), static_cast<Str *>(R[x.a].p),
                                   static_cast<Str *>(R[x.b].p));
            CHECK();
            storeObject(R[i.a], e);
            ++pc;
            NEXT();
        }
        CASE(EXC_NEW0)
        {
            const Instr &i = code[pc];
            Record *e = hp_exc_new(static_cast<const ExceptionClass *>(K[i.b].value.p), nullptr, nullptr);
            CHECK();
            storeObject(R[i.a], e);
            NEXT();
        }
        CASE(EXC_TAKE)
        {
            const Instr &i = code[pc];
            Record *e = hp_exc_take();
            CHECK();
            storeObject(R[i.a], e);
            NEXT();
        }
        CASE(EXC_MATCH)
        {
            const Instr &i = code[pc];
            R[i.a].i = hp_exc_match(static_cast<const Record *>(R[i.b].p), static_cast<const ExceptionClass *>(K[i.c].value.p));
            NEXT();
        }
        CASE(EXC_NAME)
        {
            const Instr &i = code[pc];
            Str *name = hp_exc_name(static_cast<const Record *>(R[i.b].p));
            CHECK();
            storeObject(R[i.a], name);
            NEXT();
        }
        CASE(RAISE)
        {
            hp_exc_raise(static_cast<const Record *>(R[code[pc].a].p));
            goto error;
        }
    }
#if !defined(__GNUC__)
    default: break;
    }
#endif

error:
    m_context.setErrorLine(fn->lines[pc]);
    // The innermost try statement around the failing instruction takes the error: in this
    // frame, else in a caller's at its call.
    for (;;) {
        if (!fn->handlers.empty() && fn->handlers[pc] != noHandler) {
            pc = fn->handlers[pc];
            goto DISPATCH_AGAIN;
        }
        if (m_frames.size() == 1)
            break;
        for (std::uint16_t r : fn->objectRegisters)
            release(R[r].p);
        m_frames.pop_back();
        RELOAD();
        pc = m_frames.back().pc;
    }
    result.error = m_context.error();
    result.errorClass = m_context.errorClassName();
    result.errorIsLimit = m_context.errorIsLimit();
    result.httpStatus = m_context.errorHttpStatus();
    result.exceptionClass = m_context.errorClass();
    result.argsRepr = pendingArgsRepr(m_context);
    result.message = m_context.message();
    result.line = m_context.errorLine();
    unwind();
    return result;

#undef RELOAD
#undef RAISE
#undef CHECK
#undef TYPE
#undef CASE
#undef NEXT
}

} // namespace

CallResult callFunction(const Module &module, int index, const std::vector<Slot> &args, Context &context)
{
    Machine machine(module, context);
    return machine.run<true>(index, args, nullptr);
}

CallResult callFunctionUnchecked(const Module &module, int index, const std::vector<Slot> &args, Context &context)
{
    Machine machine(module, context);
    return machine.run<false>(index, args, nullptr);
}

CallResult initialiseModule(Module &module, Context &context)
{
    Machine machine(module, context);
    std::vector<Slot> registers;
    CallResult result = machine.run<true>(static_cast<int>(module.functions.size()) - 1, {}, &registers);
    if (!result.ok)
        return result;
    for (std::size_t k = 0; k < module.globals.size(); ++k) {
        const Slot value = registers[module.functions.back().constantBase + k];
        if (module.state && module.state->isState(k)) {
            // The state owns the register's reference; its objects are shared from now on.
            module.state->slots[k] = value;
            if (module.globalTypes[k]->isObject())
                shareObject(value.p);
            continue;
        }
        module.globals[k] = value;
        auto *object = static_cast<Object *>(value.p);
        // A constant may be another constant or a string literal, already owned, or None.
        if (module.globalTypes[k]->isObject() && object && object->refCount != immortalRefCount) {
            makeImmortal(object);
            module.ownedObjects.push_back(object);
        }
    }
    return result;
}

} // namespace hotpath::vm
