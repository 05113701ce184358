// SPDX-License-Identifier: GPL-3.0-or-later
// Bytecode listings: one instruction per line with its source line, and each operand
// shown as what its kind in the opcode table says it is (Bytecode.h): registers named
// after the locals they hold, constants and types spelled out, jump targets as "-> N".
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/vm/Interpreter.h"

#include "hotpath/runtime/Exceptions.h"
#include "hotpath/vm/Natives.h"
#include "hotpath/vm/StateTransfer.h"

#include <cstdio>
#include <cstring>

namespace hotpath::vm {

namespace {

struct OpInfo
{
    const char *name, *kinds, *meaning;
};

const OpInfo &opInfo(Op op)
{
    static constexpr OpInfo table[] = {
#define HOTPATH_OP_INFO(name, kinds, meaning) {#name, kinds, meaning},
        HOTPATH_OPCODES(HOTPATH_OP_INFO)
#undef HOTPATH_OP_INFO
    };
    return table[static_cast<size_t>(op)];
}

} // namespace

const char *opName(Op op) { return opInfo(op).name; }
const char *opOperandKinds(Op op) { return opInfo(op).kinds; }
const char *opMeaning(Op op) { return opInfo(op).meaning; }
bool opHasExtra(Op op) { return std::strchr(opOperandKinds(op), '|') != nullptr; }

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
    if (!c.type) {
        // Numbers are stored untyped: a bit pattern far outside the ints a program
        // writes is a float.
        if (c.value.i > 1000000000000LL || c.value.i < -1000000000000LL) {
            std::string asFloat;
            runtime::appendFloatRepr(asFloat, c.value.f);
            return asFloat;
        }
        return std::to_string(c.value.i);
    }
    if (c.type->kind == runtime::Kind::Str && c.value.p) {
        std::string text;
        runtime::appendStrRepr(text, runtime::view(static_cast<runtime::Str *>(c.value.p)));
        return text;
    }
    return "<" + describeType(c.type) + ">";
}

std::string typeText(const Function &function, int k)
{
    if (k == noType)
        return "-";
    const Constant &c = function.constants[static_cast<size_t>(k)];
    return c.type ? describeType(c.type) : "?";
}

std::string stateName(const Module &module, int s)
{
    if (module.state && static_cast<size_t>(s) < module.state->names.size())
        return "S" + std::to_string(s) + "(" + module.state->names[static_cast<size_t>(s)] + ")";
    return "S" + std::to_string(s);
}

// The operands of one word (the instruction or its EXTRA) as their kinds say; `block` is
// the length of a 'b' register block.
void appendOperands(std::string &out, const Module &module, const Function &function, const Instr &word,
                    std::string_view kinds, int block = 0)
{
    const std::uint16_t fields[3] = {word.a, word.b, word.c};
    bool first = true;
    for (size_t f = 0; f < kinds.size() && f < 3; ++f) {
        const char kind = kinds[f];
        if (kind == '-')
            continue;
        out += first ? "" : ", ";
        first = false;
        const int v = fields[f];
        switch (kind) {
        case 'r': out += reg(function, v); break;
        case 'b':
            out += '(';
            for (int k = 0; k < block; ++k)
                out += (k ? ", " : "") + reg(function, v + k);
            out += ')';
            break;
        case 'k': out += constantText(function, v); break;
        case 'e': out += static_cast<const runtime::ExceptionClass *>(function.constants[static_cast<size_t>(v)].value.p)->name; break;
        case 't': out += typeText(function, v); break;
        case 'g': out += "G" + std::to_string(v); break;
        case 's': out += stateName(module, v); break;
        case 'f': out += module.functions[static_cast<size_t>(v)].name + "()"; break;
        case 'n': out += std::string(nativeName(static_cast<Native>(v))) + "()"; break;
        case 'p': out += v == 0 ? std::string("no spec") : "spec " + std::to_string(v - 1); break;
        case 'j': out += "-> " + std::to_string(word.target()); return; // B and C together
        default: out += std::to_string(v); break;
        }
    }
}

} // namespace

std::string disassemble(const Module &module, const Function &function)
{
    std::string out = "function " + function.name + ": " + std::to_string(function.paramCount) + " params, "
        + std::to_string(function.registerCount) + " registers\n";
    char buffer[64];
    for (size_t pc = 0; pc < function.code.size(); ++pc) {
        const Instr &i = function.code[pc];
        std::snprintf(buffer, sizeof buffer, "%5zu  line %-4d %-16s", pc, function.lines[pc], opName(i.op));
        out += buffer;
        const std::string_view kinds = opOperandKinds(i.op);
        const size_t bar = kinds.find('|');
        const int block = bar != std::string_view::npos && pc + 1 < function.code.size()
                            ? function.code[pc + 1].a * (i.op == Op::NEW_DICT ? 2 : 1)
                            : 0;
        appendOperands(out, module, function, i, kinds.substr(0, bar), block);
        if (bar != std::string_view::npos && pc + 1 < function.code.size()) {
            // The EXTRA word belongs to this instruction: shown on its line, not its own.
            out += " | ";
            appendOperands(out, module, function, function.code[pc + 1], kinds.substr(bar + 1));
            ++pc;
        }
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        out += '\n';
    }
    return out;
}

} // namespace hotpath::vm
