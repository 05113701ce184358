// SPDX-License-Identifier: GPL-3.0-or-later
// Bytecode listings: one instruction per line with its source line, registers named
// after the locals they hold, constants and jump targets spelled out.
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/vm/Interpreter.h"
#include "hotpath/vm/Natives.h"

#include <cstdio>

namespace hotpath::vm {

const char *opName(Op op)
{
    static constexpr const char *names[] = {
#define HOTPATH_OP_NAME(name, operands, meaning) #name,
        HOTPATH_OPCODES(HOTPATH_OP_NAME)
#undef HOTPATH_OP_NAME
    };
    return names[static_cast<size_t>(op)];
}

const char *opOperands(Op op)
{
    static constexpr const char *operands[] = {
#define HOTPATH_OP_OPERANDS(name, operands, meaning) operands,
        HOTPATH_OPCODES(HOTPATH_OP_OPERANDS)
#undef HOTPATH_OP_OPERANDS
    };
    return operands[static_cast<size_t>(op)];
}

namespace {

std::string reg(const Function &function, int r)
{
    if (r < static_cast<int>(function.registerNames.size()))
        return "r" + std::to_string(r) + "(" + function.registerNames[static_cast<size_t>(r)] + ")";
    return "r" + std::to_string(r);
}

std::string constantText(const Function &function, int k)
{
    const Constant &c = function.constants[static_cast<size_t>(k)];
    if (!c.type)
        return std::to_string(c.value.i);
    if (c.type->kind == runtime::Kind::Str && c.value.p) {
        std::string text;
        runtime::appendStrRepr(text, runtime::view(static_cast<runtime::Str *>(c.value.p)));
        return text;
    }
    return "<type>";
}

} // namespace

std::string disassemble(const Module &module, const Function &function)
{
    (void)module;
    std::string out = "function " + function.name + ": " + std::to_string(function.paramCount) + " params, "
        + std::to_string(function.registerCount) + " registers\n";
    char buffer[64];
    for (size_t pc = 0; pc < function.code.size(); ++pc) {
        const Instr &i = function.code[pc];
        std::snprintf(buffer, sizeof buffer, "%5zu  line %-4d %-16s", pc, function.lines[pc], opName(i.op));
        out += buffer;
        switch (i.op) {
        case Op::EXTRA: out += std::to_string(i.a) + " " + std::to_string(i.b) + " " + std::to_string(i.c); break;
        case Op::JUMP:
        case Op::LOOP: out += "-> " + std::to_string(i.target()); break;
        case Op::JUMP_IF:
        case Op::JUMP_IF_NOT: out += reg(function, i.a) + " -> " + std::to_string(i.target()); break;
        case Op::LOAD_K:
        case Op::LOAD_K_OBJ: {
            const Constant &c = function.constants[i.b];
            std::string value = c.type ? constantText(function, i.b) : std::to_string(c.value.i);
            if (!c.type) {
                // Numbers are stored untyped; show both readings when they differ.
                std::string asFloat;
                runtime::appendFloatRepr(asFloat, c.value.f);
                if (c.value.i > 1000000000000LL || c.value.i < -1000000000000LL)
                    value = asFloat;
            }
            out += reg(function, i.a) + ", " + value;
            break;
        }
        case Op::CALL:
            out += reg(function, i.a) + " := " + module.functions[i.b].name + "(" + reg(function, i.c) + "...)";
            break;
        case Op::NATIVE: out += reg(function, i.a) + " := " + nativeName(static_cast<Native>(i.b)) + "(" + reg(function, i.c) + "...)"; break;
        case Op::RETURN:
        case Op::CLEAR:
        case Op::RANGE_CHECK: out += reg(function, i.a); break;
        case Op::RETURN_NONE:
        case Op::NOP: break;
        case Op::ADD_IK: case Op::SUB_IK: case Op::MUL_IK: case Op::MOD_IK: case Op::FLOORDIV_IK:
        case Op::EQ_IK: case Op::NE_IK: case Op::LT_IK: case Op::LE_IK: case Op::GT_IK: case Op::GE_IK:
        case Op::LIST_SET_K:
            out += reg(function, i.a) + ", " + reg(function, i.b) + ", " + constantText(function, i.c);
            break;
        case Op::FOR_RANGE: {
            const Instr &x = function.code[pc + 1];
            out += reg(function, i.a) + " to " + reg(function, i.b) + " step " + reg(function, i.c) + " -> "
                + reg(function, x.a) + ", exit " + std::to_string(static_cast<unsigned>(x.b) | (static_cast<unsigned>(x.c) << 16));
            break;
        }
        case Op::GET_ITEM:
        case Op::GET_ITEM_OBJ: out += reg(function, i.a) + ", " + reg(function, i.b) + "[" + std::to_string(i.c) + "]"; break;
        default: {
            const std::string operands = opOperands(i.op);
            out += reg(function, i.a);
            if (operands.find('B') != std::string::npos)
                out += ", " + reg(function, i.b);
            if (operands.find('C') != std::string::npos)
                out += ", " + reg(function, i.c);
        }
        }
        out += '\n';
    }
    return out;
}

} // namespace hotpath::vm
