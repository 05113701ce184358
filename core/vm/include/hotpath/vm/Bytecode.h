// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hotpath's bytecode: typed and register based.
//
// The checker knows every type, so each instruction is specialised (ADD_I adds two
// int64 registers with an overflow check, ADD_F two doubles) and the dispatch loop never
// tests a type or boxes a number. Registers are 8-byte Slots in the frame; a function's
// parameters come first, then its locals, then temporaries. Registers that hold objects
// own one reference each: every write releases the old value (see Value.h).
//
// An instruction is four 16-bit fields: op, A, B, C. Jump targets use B and C together
// as one 32-bit instruction index. An instruction that needs more operands is followed
// by one EXTRA word whose A, B, C hold them.

#include "hotpath/runtime/Exceptions.h"
#include "hotpath/runtime/Value.h"
#include "hotpath/support/FormatSpec.h"

#include <cstdint>
#include <deque>
#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

namespace hotpath::vm {

using runtime::Slot;
using runtime::TypeDesc;

// X(name, operand kinds, meaning). The kinds say what A, B and C hold, and after a '|'
// what the EXTRA word that follows holds: r register, k constant, t type constant (or
// noType), g module constant, s state slot, f function, n native, p format spec (0 for
// none, else its index + 1), e an exception class constant, i a plain number, - nothing; j is a jump target and takes
// B and C together; b is the first of a block of registers as long as the EXTRA word's
// A says (twice that for NEW_DICT's pairs). The listing and the verifier derive from them.
#define HOTPATH_OPCODES(X)                                                                           \
    X(NOP, "---", "do nothing")                                                                        \
    X(EXTRA, "iii", "operands of the previous instruction")                                      \
    X(MOVE, "rr-", "R[A] := R[B] (number)")                                                       \
    X(MOVE_OBJ, "rr-", "R[A] := R[B] (object, retained)")                                         \
    X(LOAD_K, "rk-", "R[A] := K[B] (number)")                                                     \
    X(LOAD_K_OBJ, "rk-", "R[A] := K[B] (immortal object)")                                        \
    X(LOAD_GLOBAL, "rg-", "R[A] := G[B] (module constant, number)")                               \
    X(LOAD_GLOBAL_OBJ, "rg-", "R[A] := G[B] (module constant, object)")                           \
    X(LOAD_STATE, "rs-", "R[A] := S[B] (module state, number)")                                   \
    X(LOAD_STATE_OBJ, "rs-", "R[A] := S[B] (module state, object, retained)")                     \
    X(STORE_STATE, "rs-", "S[B] := R[A] (module state, number)")                                  \
    X(STORE_STATE_OBJ, "rs-", "S[B] := R[A] (module state, object: shared, retained)")            \
    X(CLEAR, "r--", "release R[A]; R[A] := null")                                                   \
    X(ADD_I, "rrr", "R[A] := R[B] + R[C] (int, OverflowError)")                                 \
    X(SUB_I, "rrr", "R[A] := R[B] - R[C] (int, OverflowError)")                                 \
    X(MUL_I, "rrr", "R[A] := R[B] * R[C] (int, OverflowError)")                                 \
    X(FLOORDIV_I, "rrr", "R[A] := R[B] // R[C] (int, floors)")                                  \
    X(MOD_I, "rrr", "R[A] := R[B] % R[C] (int, sign of divisor)")                               \
    X(POW_I, "rrr", "R[A] := R[B] ** R[C] (int, C >= 0)")                                       \
    X(DIV_I, "rrr", "R[A] := R[B] / R[C] (int operands, float result)")                         \
    X(LSHIFT_I, "rrr", "R[A] := R[B] << R[C]")                                                  \
    X(RSHIFT_I, "rrr", "R[A] := R[B] >> R[C]")                                                  \
    X(AND_I, "rrr", "R[A] := R[B] & R[C]")                                                      \
    X(OR_I, "rrr", "R[A] := R[B] | R[C]")                                                       \
    X(XOR_I, "rrr", "R[A] := R[B] ^ R[C]")                                                      \
    X(NEG_I, "rr-", "R[A] := -R[B] (int, OverflowError)")                                         \
    X(INVERT_I, "rr-", "R[A] := ~R[B]")                                                           \
    X(ABS_I, "rr-", "R[A] := abs(R[B]) (int, OverflowError)")                                     \
    X(ADD_F, "rrr", "R[A] := R[B] + R[C] (float)")                                              \
    X(SUB_F, "rrr", "R[A] := R[B] - R[C] (float)")                                              \
    X(MUL_F, "rrr", "R[A] := R[B] * R[C] (float)")                                              \
    X(DIV_F, "rrr", "R[A] := R[B] / R[C] (float, ZeroDivisionError)")                           \
    X(FLOORDIV_F, "rrr", "R[A] := R[B] // R[C] (float)")                                        \
    X(MOD_F, "rrr", "R[A] := R[B] % R[C] (float)")                                              \
    X(POW_F, "rrr", "R[A] := R[B] ** R[C] (float)")                                             \
    X(NEG_F, "rr-", "R[A] := -R[B] (float)")                                                      \
    X(ABS_F, "rr-", "R[A] := abs(R[B]) (float)")                                                  \
    X(I2F, "rr-", "R[A] := float(R[B])")                                                          \
    X(NOT, "rr-", "R[A] := not R[B] (bool/int)")                                                  \
    X(TRUTHY, "rrt", "R[A] := bool(R[B]) for a value of type T[C]")                             \
    X(EQ_I, "rrr", "R[A] := R[B] == R[C] (int)")                                                \
    X(NE_I, "rrr", "R[A] := R[B] != R[C] (int)")                                                \
    X(LT_I, "rrr", "R[A] := R[B] < R[C] (int)")                                                 \
    X(LE_I, "rrr", "R[A] := R[B] <= R[C] (int)")                                                \
    X(GT_I, "rrr", "R[A] := R[B] > R[C] (int)")                                                 \
    X(GE_I, "rrr", "R[A] := R[B] >= R[C] (int)")                                                \
    X(EQ_F, "rrr", "R[A] := R[B] == R[C] (float)")                                              \
    X(NE_F, "rrr", "R[A] := R[B] != R[C] (float)")                                              \
    X(LT_F, "rrr", "R[A] := R[B] < R[C] (float)")                                               \
    X(LE_F, "rrr", "R[A] := R[B] <= R[C] (float)")                                              \
    X(GT_F, "rrr", "R[A] := R[B] > R[C] (float)")                                               \
    X(GE_F, "rrr", "R[A] := R[B] >= R[C] (float)")                                              \
    X(COMPARE, "rrr|ti-", "R[A] := R[B] <op> R[C] for values of type T (==,!=,<,<=,>,>=)")   \
    X(JUMP, "-j", "pc := J")                                                                         \
    X(JUMP_IF, "rj", "if R[A]: pc := J")                                                         \
    X(JUMP_IF_NOT, "rj", "if not R[A]: pc := J")                                                 \
    X(LOOP, "-j", "pc := J, polling the deadline and cancel flag (loop back-edge)")                 \
    X(CALL, "rfr", "R[A] := F[B](R[C], R[C+1], ...)")                                           \
    X(RETURN, "r--", "return R[A]")                                                                   \
    X(RETURN_NONE, "---", "return None")                                                               \
    X(NATIVE, "rnb|iti", "R[A] := native B(R[C..C+n)) with type constant T; obj: result is an object")                  \
    X(STR_ADD, "rrr", "R[A] := R[B] + R[C] (str)")                                              \
    X(STR_APPEND, "rr-", "R[A] := R[A] + R[B], in place when R[A] is the only reference")          \
    X(LEN, "rrt", "R[A] := len(R[B]) for a value of type T[C]")                                 \
    X(LIST_GET, "rrr", "R[A] := R[B][R[C]] (list, number element)")                             \
    X(LIST_GET_OBJ, "rrr", "R[A] := R[B][R[C]] (list, object element)")                         \
    X(LIST_SET, "rrr", "R[A][R[B]] := R[C] (list)")                                             \
    X(LIST_SET_K, "rrk", "R[A][R[B]] := K[C] (list of numbers, constant value)")                 \
    X(LIST_APPEND, "rr-", "R[A].append(R[B])")                                                    \
    X(LIST_ITEM, "rrr", "R[A] := R[B].items[R[C]] with 0 <= R[C] < len (loops)")               \
    X(NEW_LIST, "rtb|i--", "R[A] := [R[C], ..., R[C+n-1]] of list type T[B]")                   \
    X(NEW_DICT, "rtb|i--", "R[A] := {R[C]: R[C+1], ...} (n pairs) of dict type T[B]")           \
    X(NEW_TUPLE, "rtr", "R[A] := tuple of type T[B] from R[C]...")                              \
    X(NEW_RECORD, "rtr", "R[A] := record of type T[B] from R[C]...")                            \
    X(GET_ITEM, "rri", "R[A] := R[B].items[C] (tuple or record, number)")                       \
    X(GET_ITEM_OBJ, "rri", "R[A] := R[B].items[C] (tuple or record, object)")                   \
    X(SET_FIELD, "rir", "R[A].fields[B] := R[C] (record, retains objects)")                     \
    X(DICT_GET, "rrr", "R[A] := R[B][R[C]] (dict, KeyError)")                                  \
    X(DICT_SET, "rrr", "R[A][R[B]] := R[C] (dict)")                                             \
    X(DICT_NEXT, "rrr|rrr", "advance dict R[B] from position R[C]; R[A] := found; key R[k], value R[v]; RuntimeError if its size is no longer R[size]") \
    X(STR_NEXT, "rrr|r--", "next code point of R[B] at byte R[C]; R[A] := found; R[ch] := it")   \
    X(RANGE_CHECK, "r--", "ValueError if step R[A] is 0")                                           \
    X(FOR_RANGE, "rrr|rj", "if R[A] has passed R[B] (step R[C]): pc := J; else R[value] := R[A], R[A] += R[C]") \
    X(FOR_RANGE_BACK, "rrr|rj", "poll; if R[A] has not passed R[B]: R[value] := R[A], R[A] += R[C], pc := J") \
    X(ADD_IK, "rrk", "R[A] := R[B] + K[C] (int constant, OverflowError)")                      \
    X(SUB_IK, "rrk", "R[A] := R[B] - K[C] (int constant, OverflowError)")                      \
    X(MUL_IK, "rrk", "R[A] := R[B] * K[C] (int constant, OverflowError)")                      \
    X(MOD_IK, "rrk", "R[A] := R[B] % K[C] (int constant)")                                      \
    X(FLOORDIV_IK, "rrk", "R[A] := R[B] // K[C] (int constant)")                                \
    X(EQ_IK, "rrk", "R[A] := R[B] == K[C]") X(NE_IK, "rrk", "R[A] := R[B] != K[C]")          \
    X(LT_IK, "rrk", "R[A] := R[B] < K[C]") X(LE_IK, "rrk", "R[A] := R[B] <= K[C]")           \
    X(GT_IK, "rrk", "R[A] := R[B] > K[C]") X(GE_IK, "rrk", "R[A] := R[B] >= K[C]")           \
    X(CMP_IF, "rrr|i--", "R[A] := int R[B] <op> float R[C], compared exactly as Python does") \
    X(CHECK_BOUND, "rk-", "UnboundLocalError naming K[B] if object local R[A] was never assigned") \
    X(CHECK_BOUND_NUM, "rk-", "UnboundLocalError naming K[B] if the flag R[A] of a number local is 0") \
    X(FORMAT, "rrt|pi-", "R[A] := format(R[B], K[spec]) for type T[C]")                  \
    X(PRINT, "rti", "print buffer += str(R[A]) of type T[B]; C: 1 flush")                       \
    X(ASSERT_FAIL, "r--", "raise AssertionError(R[A] or no message)")                             \
    X(EXC_NEW, "re-|rr-", "R[A] := exception of class K[B] whose str is R[x.A] and args repr R[x.B]") \
    X(EXC_NEW0, "re-", "R[A] := exception of class K[B] without an argument")                     \
    X(EXC_TAKE, "r--", "R[A] := the pending exception, which is no longer pending (a handler starts)") \
    X(EXC_MATCH, "rre", "R[A] := whether `except K[C]` catches exception R[B]")                    \
    X(EXC_NAME, "rr-", "R[A] := type(R[B]).__name__")                                              \
    X(RAISE, "r--", "raise exception R[A] (its line stays if it was raised before)")

enum class Op : std::uint16_t {
#define HOTPATH_OP_ENUM(name, kinds, meaning) name,
    HOTPATH_OPCODES(HOTPATH_OP_ENUM)
#undef HOTPATH_OP_ENUM
        Count
};

const char *opName(Op op);
// "rrt|ti-": the operand kinds of an instruction and of its EXTRA word (see above).
const char *opOperandKinds(Op op);
const char *opMeaning(Op op);
// Whether an EXTRA word follows the instruction.
bool opHasExtra(Op op);

struct Instr
{
    Op op;
    std::uint16_t a = 0;
    std::uint16_t b = 0;
    std::uint16_t c = 0;

    std::uint32_t target() const { return static_cast<std::uint32_t>(b) | (static_cast<std::uint32_t>(c) << 16); }
    void setTarget(std::uint32_t t)
    {
        b = static_cast<std::uint16_t>(t & 0xFFFF);
        c = static_cast<std::uint16_t>(t >> 16);
    }
};
static_assert(sizeof(Instr) == 8);

// A type-constant operand meaning "no type".
inline constexpr std::uint16_t noType = 0xFFFF;
// Function::handlers for an instruction no try statement covers.
inline constexpr std::uint32_t noHandler = 0xFFFFFFFFu;

// Comparison operators carried by COMPARE's EXTRA word.
enum class CompareKind : std::uint16_t { Eq, Ne, Lt, Le, Gt, Ge };

struct Constant
{
    Slot value{0};
    const TypeDesc *type = nullptr; // for object constants and type operands
};

struct Function
{
    std::string name;
    std::vector<Instr> code;
    std::vector<int> lines; // source line of each instruction
    // Where an error raised by each instruction goes in this frame: a handler's first
    // instruction, or noHandler (the frame ends and the caller looks). Empty when the
    // function has no try statement.
    std::vector<std::uint32_t> handlers;
    std::vector<Constant> constants;
    std::uint16_t paramCount = 0;
    std::uint16_t registerCount = 0;
    std::vector<std::uint16_t> objectRegisters; // released when the frame ends
    std::vector<std::uint16_t> zeroRegisters;   // must start at 0: objects and assignment flags
    std::vector<std::uint16_t> objectParams;    // parameters that hold objects
    const TypeDesc *returnType = nullptr;
    std::vector<const TypeDesc *> paramTypes;
    std::vector<std::string> registerNames;     // for listings: locals by name
    std::vector<int> paramDefaults;             // per parameter: its default's index in globals, or -1
    std::uint16_t constantBase = 0;             // the constant initialiser: the register of constant 0
};

// The module-level variables a program's handlers change (lang::ConstantInfo::isState):
// one slot per module-level name (only those that are state are used), their types and
// the lock that makes handler calls see them as if they ran one at a time. The server
// holds `lock` exclusively around an endpoint that writes state and shared around one
// that only reads it (lang::StateAccess). Objects in the slots are shared (Value.h).
// A hot reload moves the values into the next version's state (server/StateTransfer)
// and sets `moved`, after which calls on the old version go to the new one.
struct ModuleState
{
    ModuleState() = default;
    ModuleState(const ModuleState &) = delete;
    ModuleState &operator=(const ModuleState &) = delete;
    ~ModuleState() { clear(); }

    std::vector<Slot> slots;
    std::vector<const TypeDesc *> types; // null where the name is a constant
    std::vector<std::string> names;
    std::shared_timed_mutex lock;
    std::atomic<bool> moved{false};

    bool isState(std::size_t k) const { return k < types.size() && types[k]; }
    // Releases every value (the module's types must still be alive).
    void clear();
};

// A compiled program: functions, module constants and the run-time types they use.
struct Module
{
    Module() = default;
    ~Module();
    Module(const Module &) = delete;
    Module &operator=(const Module &) = delete;

    std::string path;
    std::vector<Function> functions;
    std::vector<Slot> globals;                 // module constants, objects immortal (a state variable's slot stays 0: see state)
    std::vector<const TypeDesc *> globalTypes;
    std::deque<TypeDesc> types;                // stable addresses
    std::deque<std::vector<const TypeDesc *>> typeLists;
    std::deque<std::vector<const char *>> nameLists;
    std::deque<std::vector<const Slot *>> defaultLists; // TypeDesc::defaults of records
    std::deque<std::vector<std::uint8_t>> factoryLists; // TypeDesc::factories of records
    std::deque<std::string> strings;           // names referenced by TypeDesc
    std::deque<runtime::ExceptionClass> exceptionClasses; // the program's own exception classes
    // Program::errorHandlers in its order: the class each takes and the function answering it.
    struct ErrorHandler
    {
        const runtime::ExceptionClass *cls;
        int function;
    };
    std::vector<ErrorHandler> errorHandlers;
    std::vector<void *> ownedObjects;          // immortal constants, freed with the module
    std::vector<support::FormatSpec> formatSpecs;
    // Module state, when the program has any. Released before the types and constants.
    std::unique_ptr<ModuleState> state;

    int findFunction(const std::string &name) const;
};

} // namespace hotpath::vm
