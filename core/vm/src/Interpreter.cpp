// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatch loop. One long function by design (Lua's and CPython's loops are too):
// each case is a few lines, and the register file pointer lives in a local so the
// compiler keeps it in a machine register. GCC's labels-as-values give a computed goto
// per instruction; other compilers get a switch.
#include "hotpath/vm/Interpreter.h"

#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/support/Text.h"
#include "hotpath/vm/Natives.h"

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

struct Frame
{
    const Function *function;
    std::size_t base;    // first register in the stack
    std::uint32_t pc;    // next instruction (saved while a callee runs)
    std::uint16_t resultRegister;
};

// Single-character ASCII strings are shared and immortal: iterating or indexing text
// then allocates nothing.
Str *asciiCharacter(unsigned char c)
{
    static Str *table[128] = {};
    static const bool ready = [] {
        for (int i = 0; i < 128; ++i) {
            const char ch = static_cast<char>(i);
            table[i] = newStr(std::string_view(&ch, 1));
            makeImmortal(table[i], nullptr);
        }
        return true;
    }();
    (void)ready;
    return table[c];
}

// Integer floor division and modulo, Python style.
inline std::int64_t floorDiv(std::int64_t x, std::int64_t y)
{
    std::int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0)))
        --q;
    return q;
}

inline std::int64_t floorMod(std::int64_t x, std::int64_t y)
{
    if (y == -1)
        return 0;
    std::int64_t m = x % y;
    if (m != 0 && ((m < 0) != (y < 0)))
        m += y;
    return m;
}

inline double floatFloorDiv(double x, double y)
{
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0 && ((y < 0) != (mod < 0)))
        div -= 1.0;
    if (div != 0) {
        double floored = std::floor(div);
        if (div - floored > 0.5)
            floored += 1.0;
        return floored;
    }
    return std::copysign(0.0, x / y);
}

inline double floatMod(double x, double y)
{
    double mod = std::fmod(x, y);
    if (mod != 0) {
        if ((y < 0) != (mod < 0))
            mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return mod;
}

bool intPow(std::int64_t base, std::int64_t exponent, std::int64_t &out)
{
    std::int64_t result = 1;
    while (exponent > 0) {
        if (exponent & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return false;
        }
        exponent >>= 1;
        if (exponent && __builtin_mul_overflow(base, base, &base))
            return false;
    }
    out = result;
    return true;
}

// f-string fields: str(v), repr(v) (conversion) and format(v, spec).
Str *formatValue(Slot value, const TypeDesc *type, const support::FormatSpec *spec, bool repr)
{
    std::string text;
    if (repr) {
        std::string reprText;
        appendRepr(reprText, value, type);
        if (!spec)
            return newStr(reprText);
        // The spec then applies to the repr text, as to any str.
        static const TypeDesc strType{Kind::Str, nullptr, 0, nullptr, nullptr, nullptr};
        Str *s = newStr(reprText);
        if (!s)
            return nullptr;
        Slot slot;
        slot.p = s;
        appendFormatted(text, slot, &strType, *spec);
        release(s);
    } else if (spec) {
        appendFormatted(text, value, type, *spec);
    } else {
        appendStr(text, value, type);
    }
    return newStr(text);
}

std::string unboundMessage(Slot name)
{
    return "cannot access local variable '" + std::string(view(static_cast<Str *>(name.p)))
        + "' where it is not associated with a value";
}

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

const char *const overflow = "integer overflow: result does not fit in 64 bits";

// Compares an int with a finite float exactly, as Python does (no rounding of the int).
int compareIntFloat(std::int64_t i, double f)
{
    if (f >= 9223372036854775808.0)
        return -1;
    if (f < -9223372036854775808.0)
        return 1;
    const double floored = std::floor(f);
    const auto whole = static_cast<std::int64_t>(floored);
    if (i != whole)
        return i < whole ? -1 : 1;
    return f > floored ? -1 : 0;
}

class Machine
{
public:
    Machine(const Module &module, Context &context) : m_module(module), m_context(context) {}
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

CallResult Machine::run(int index, const std::vector<Slot> &args, std::vector<Slot> *keepRegisters)
{
    CurrentContext current(&m_context);
    CallResult result;
    const Function &entry = m_module.functions[static_cast<std::size_t>(index)];
    m_stack.resize(std::max<std::size_t>(entry.registerCount, 256));
    if (!pushFrame(entry, 0, 0)) {
        result.error = m_context.error();
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
        CASE(CLEAR)
        {
            storeObject(R[code[pc].a], nullptr);
            NEXT();
        }
        CASE(ADD_I)
        {
            const Instr &i = code[pc];
            if (__builtin_add_overflow(R[i.b].i, R[i.c].i, &R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
            NEXT();
        }
        CASE(SUB_I)
        {
            const Instr &i = code[pc];
            if (__builtin_sub_overflow(R[i.b].i, R[i.c].i, &R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
            NEXT();
        }
        CASE(MUL_I)
        {
            const Instr &i = code[pc];
            if (__builtin_mul_overflow(R[i.b].i, R[i.c].i, &R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
            NEXT();
        }
        CASE(FLOORDIV_I)
        {
            const Instr &i = code[pc];
            const std::int64_t y = R[i.c].i;
            if (y == 0)
                RAISE(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
            if (y == -1 && R[i.b].i == INT64_MIN)
                RAISE(ErrorKind::OverflowError, overflow);
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
            if (R[i.c].i < 0)
                RAISE(ErrorKind::ValueError, "negative exponent: use float(x) ** n");
            if (!intPow(R[i.b].i, R[i.c].i, R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
            NEXT();
        }
        CASE(DIV_I)
        {
            const Instr &i = code[pc];
            if (R[i.c].i == 0)
                RAISE(ErrorKind::ZeroDivisionError, "division by zero");
            // Operands beyond 2^53 are exact in long double, so the quotient is rounded once
            // (as Python's correctly rounded int / int is, outside rare double-rounding ties).
            R[i.a].f = static_cast<double>(static_cast<long double>(R[i.b].i) / static_cast<long double>(R[i.c].i));
            NEXT();
        }
        CASE(LSHIFT_I)
        {
            const Instr &i = code[pc];
            const std::int64_t x = R[i.b].i, n = R[i.c].i;
            if (n < 0)
                RAISE(ErrorKind::ValueError, "negative shift count");
            if (x == 0) {
                R[i.a].i = 0;
                NEXT();
            }
            if (n >= 63 || ((x << n) >> n) != x)
                RAISE(ErrorKind::OverflowError, overflow);
            R[i.a].i = x << n;
            NEXT();
        }
        CASE(RSHIFT_I)
        {
            const Instr &i = code[pc];
            const std::int64_t x = R[i.b].i, n = R[i.c].i;
            if (n < 0)
                RAISE(ErrorKind::ValueError, "negative shift count");
            R[i.a].i = n >= 64 ? (x < 0 ? -1 : 0) : (x >> n);
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
                RAISE(ErrorKind::OverflowError, overflow);
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
                RAISE(ErrorKind::OverflowError, overflow);
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
            if (R[i.c].f == 0)
                RAISE(ErrorKind::ZeroDivisionError, "float floor division by zero");
            R[i.a].f = floatFloorDiv(R[i.b].f, R[i.c].f);
            NEXT();
        }
        CASE(MOD_F)
        {
            const Instr &i = code[pc];
            if (R[i.c].f == 0)
                RAISE(ErrorKind::ZeroDivisionError, "float modulo");
            R[i.a].f = floatMod(R[i.b].f, R[i.c].f);
            NEXT();
        }
        CASE(POW_F)
        {
            const Instr &i = code[pc];
            const double x = R[i.b].f, y = R[i.c].f;
            if (x == 0 && y < 0)
                RAISE(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
            if (x < 0 && std::isfinite(y) && y != std::floor(y))
                RAISE(ErrorKind::ValueError, "negative number cannot be raised to a fractional power");
            const double value = std::pow(x, y);
            if (std::isinf(value) && std::isfinite(x) && std::isfinite(y))
                RAISE(ErrorKind::OverflowError, "(34, 'Numerical result out of range')");
            R[i.a].f = value;
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
            if (!m_context.poll())
                goto error;
            pc = code[pc].target();
            goto DISPATCH_AGAIN;
        }
        CASE(CALL)
        {
            const Instr &i = code[pc];
            if (!m_context.poll())
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
            if (static_cast<std::uint64_t>(at) >= static_cast<std::uint64_t>(list->size))
                RAISE(ErrorKind::IndexError, "list index out of range");
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
            if (static_cast<std::uint64_t>(at) >= static_cast<std::uint64_t>(list->size))
                RAISE(ErrorKind::IndexError, "list assignment index out of range");
            if (list->type->element->isObject()) {
                retain(R[i.c].p);
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
            if (static_cast<std::uint64_t>(at) >= static_cast<std::uint64_t>(list->size))
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
            if (at < 0 || at >= list->size)
                RAISE(ErrorKind::IndexError, "list index out of range");
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
            const std::int64_t n = code[pc + 1].a;
            const TypeDesc *type = TYPE(i.b);
            List *list = newList(type, n);
            CHECK();
            for (std::int64_t k = 0; k < n; ++k) {
                list->items[k] = R[i.c + k];
                retainSlot(list->items[k], type->element);
            }
            storeObject(R[i.a], list);
            ++pc;
            NEXT();
        }
        CASE(NEW_DICT)
        {
            const Instr &i = code[pc];
            const std::int64_t n = code[pc + 1].a;
            Dict *dict = newDict(TYPE(i.b));
            CHECK();
            for (std::int64_t k = 0; k < n; ++k)
                hp_dict_set(dict, static_cast<Str *>(R[i.c + 2 * k].p), R[i.c + 2 * k + 1]);
            storeObject(R[i.a], dict);
            CHECK();
            ++pc;
            NEXT();
        }
        CASE(NEW_TUPLE)
        CASE(NEW_RECORD)
        {
            const Instr &i = code[pc];
            const TypeDesc *type = TYPE(i.b);
            Tuple *tuple = newTuple(type);
            CHECK();
            if (type->kind == Kind::Record)
                tuple->kind = ObjectKind::Record;
            for (std::uint32_t k = 0; k < type->count; ++k) {
                tuple->items()[k] = R[i.c + k];
                retainSlot(tuple->items()[k], type->items[k]);
            }
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
                retain(R[i.c].p);
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
            const Slot value = hp_dict_get_item(dict, static_cast<Str *>(R[i.c].p));
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
            hp_dict_set(static_cast<Dict *>(R[i.a].p), static_cast<Str *>(R[i.b].p), R[i.c]);
            CHECK();
            NEXT();
        }
        CASE(DICT_NEXT)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            auto *dict = static_cast<Dict *>(R[i.b].p);
            if (dict->size != R[x.c].i)
                RAISE(ErrorKind::RuntimeError, "dictionary changed size during iteration");
            std::int64_t position = R[i.c].i;
            while (position < dict->used && !dict->entries[position].key)
                ++position;
            if (position >= dict->used) {
                R[i.a].i = 0;
            } else {
                const DictEntry &item = dict->entries[position];
                retain(item.key);
                storeObject(R[x.a], item.key);
                if (dict->type->element->isObject()) {
                    retain(item.value.p);
                    storeObject(R[x.b], item.value.p);
                } else {
                    R[x.b] = item.value;
                }
                R[i.c].i = position + 1;
                R[i.a].i = 1;
            }
            ++pc;
            NEXT();
        }
        CASE(STR_NEXT)
        {
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            auto *text = static_cast<Str *>(R[i.b].p);
            std::size_t position = static_cast<std::size_t>(R[i.c].i);
            if (static_cast<std::int64_t>(position) >= text->length) {
                R[i.a].i = 0;
            } else {
                const unsigned char lead = static_cast<unsigned char>(text->data()[position]);
                Str *ch = nullptr;
                if (lead < 0x80) {
                    ch = asciiCharacter(lead);
                    ++position;
                } else {
                    const std::size_t start = position;
                    support::decodeUtf8(view(text), position);
                    ch = newStr(view(text).substr(start, position - start));
                    CHECK();
                }
                storeObject(R[x.a], ch);
                R[i.c].i = static_cast<std::int64_t>(position);
                R[i.a].i = 1;
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
            if (!m_context.poll())
                goto error;
            const Instr &x = code[pc + 1];
            pc = rangeStep(R, code[pc], x) ? x.target() : pc + 2;
            goto DISPATCH_AGAIN;
        }
        CASE(ADD_IK)
        {
            const Instr &i = code[pc];
            if (__builtin_add_overflow(R[i.b].i, K[i.c].value.i, &R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
            NEXT();
        }
        CASE(SUB_IK)
        {
            const Instr &i = code[pc];
            if (__builtin_sub_overflow(R[i.b].i, K[i.c].value.i, &R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
            NEXT();
        }
        CASE(MUL_IK)
        {
            const Instr &i = code[pc];
            if (__builtin_mul_overflow(R[i.b].i, K[i.c].value.i, &R[i.a].i))
                RAISE(ErrorKind::OverflowError, overflow);
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
                RAISE(ErrorKind::OverflowError, overflow);
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
            const auto op = static_cast<CompareKind>(code[pc + 1].a);
            const double f = R[i.c].f;
            bool value = false;
            if (std::isnan(f)) {
                value = op == CompareKind::Ne;
            } else {
                const int c = compareIntFloat(R[i.b].i, f);
                switch (op) {
                case CompareKind::Eq: value = c == 0; break;
                case CompareKind::Ne: value = c != 0; break;
                case CompareKind::Lt: value = c < 0; break;
                case CompareKind::Le: value = c <= 0; break;
                case CompareKind::Gt: value = c > 0; break;
                case CompareKind::Ge: value = c >= 0; break;
                }
            }
            R[i.a].i = value;
            ++pc;
            NEXT();
        }
        CASE(CHECK_BOUND_NUM)
        CASE(CHECK_BOUND)
        {
            // Both test the register's bits: a null object, or a zero flag.
            const Instr &i = code[pc];
            if (!R[i.a].i)
                RAISE(ErrorKind::UnboundLocalError, unboundMessage(K[i.b].value));
            NEXT();
        }
        CASE(FORMAT)
        {
            // The text is built in a helper: a computed goto leaving this block would not
            // run a local std::string's destructor.
            const Instr &i = code[pc];
            const Instr &x = code[pc + 1];
            Str *s = formatValue(R[i.b], TYPE(i.c), x.a > 0 ? &m_module.formatSpecs[x.a - 1u] : nullptr, x.b == 1);
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
            std::string message = i.b ? std::string(view(static_cast<Str *>(R[i.a].p))) : std::string();
            RAISE(ErrorKind::AssertionError, message);
        }
    }
#if !defined(__GNUC__)
    default: break;
    }
#endif

error:
    m_context.setErrorLine(fn->lines[pc]);
    result.error = m_context.error();
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
    return machine.run(index, args, nullptr);
}

CallResult initialiseModule(Module &module, Context &context)
{
    Machine machine(module, context);
    std::vector<Slot> registers;
    CallResult result = machine.run(static_cast<int>(module.functions.size()) - 1, {}, &registers);
    if (!result.ok)
        return result;
    for (std::size_t k = 0; k < module.globals.size(); ++k) {
        module.globals[k] = registers[k];
        auto *object = static_cast<Object *>(registers[k].p);
        // A constant may be another constant or a string literal, already owned.
        if (module.globalTypes[k]->isObject() && object->refCount != immortalRefCount) {
            makeImmortal(object, module.globalTypes[k]);
            module.ownedObjects.push_back(object);
        }
    }
    return result;
}

} // namespace hotpath::vm
