// SPDX-License-Identifier: GPL-3.0-or-later
// The bytecode verifier: every operand in range for its kind (Bytecode.h's table), every
// EXTRA word where its instruction expects one, every jump onto an instruction, and
// register blocks (call arguments, native arguments, list items) inside the frame.
// Debug builds run it on everything the compiler makes; tests run it on every program.
#include "hotpath/vm/Interpreter.h"
#include "hotpath/vm/Natives.h"

#include <string_view>

namespace hotpath::vm {

namespace {

class FunctionVerifier
{
public:
    FunctionVerifier(const Module &module, const Function &function) : m_module(module), m_function(function) {}

    std::string run()
    {
        const auto &code = m_function.code;
        if (m_function.lines.size() != code.size())
            return "has " + std::to_string(m_function.lines.size()) + " line numbers for " + std::to_string(code.size())
                + " instructions";
        for (m_pc = 0; m_pc < code.size(); ++m_pc) {
            const Instr &i = code[m_pc];
            if (i.op >= Op::Count)
                return at("unknown opcode " + std::to_string(static_cast<int>(i.op)));
            if (i.op == Op::EXTRA)
                return at("EXTRA without an instruction before it");
            const std::string_view kinds = opOperandKinds(i.op);
            const size_t bar = kinds.find('|');
            if (std::string problem = operands(i, kinds.substr(0, bar)); !problem.empty())
                return at(problem);
            if (bar != std::string_view::npos) {
                if (m_pc + 1 >= code.size() || code[m_pc + 1].op != Op::EXTRA)
                    return at("needs an EXTRA word after it");
                if (std::string problem = operands(code[m_pc + 1], kinds.substr(bar + 1)); !problem.empty())
                    return at("EXTRA: " + problem);
            }
            if (std::string problem = blocks(i); !problem.empty())
                return at(problem);
            if (bar != std::string_view::npos)
                ++m_pc;
        }
        if (!m_function.handlers.empty()) {
            if (m_function.handlers.size() != code.size())
                return "has " + std::to_string(m_function.handlers.size()) + " handler entries for " + std::to_string(code.size())
                    + " instructions";
            for (m_pc = 0; m_pc < code.size(); ++m_pc) {
                const std::uint32_t handler = m_function.handlers[m_pc];
                if (handler != noHandler && (handler >= code.size() || code[handler].op != Op::EXC_TAKE))
                    return at("its handler is not an instruction that takes the exception");
            }
        }
        if (!code.empty()) {
            const Op last = code.back().op == Op::EXTRA && code.size() > 1 ? code[code.size() - 2].op : code.back().op;
            if (last != Op::RETURN && last != Op::RETURN_NONE && last != Op::JUMP && last != Op::LOOP
                && last != Op::ASSERT_FAIL && last != Op::FOR_RANGE_BACK && last != Op::RAISE)
                return "can run off its end (last instruction " + std::string(opName(last)) + ")";
        }
        return {};
    }

private:
    std::string at(const std::string &problem) const
    {
        return "pc " + std::to_string(m_pc) + " (" + opName(m_function.code[m_pc].op) + "): " + problem;
    }

    std::string registerBlock(int base, int count) const
    {
        if (count > 0 && base + count > m_function.registerCount)
            return "registers r" + std::to_string(base) + "..r" + std::to_string(base + count - 1) + " pass the frame's "
                + std::to_string(m_function.registerCount);
        return {};
    }

    std::string operands(const Instr &word, std::string_view kinds) const
    {
        const std::uint16_t fields[3] = {word.a, word.b, word.c};
        const size_t constants = m_function.constants.size();
        for (size_t f = 0; f < kinds.size() && f < 3; ++f) {
            const std::uint16_t v = fields[f];
            const std::string which = std::string(1, static_cast<char>('A' + f));
            switch (kinds[f]) {
            case 'b': // a block's first register: checked with the block's length, in blocks()
                break;
            case 'r':
                if (v >= m_function.registerCount)
                    return which + " is register " + std::to_string(v) + " of " + std::to_string(m_function.registerCount);
                break;
            case 'k':
                if (v >= constants)
                    return which + " is constant " + std::to_string(v) + " of " + std::to_string(constants);
                break;
            case 'e':
                if (v >= constants || !m_function.constants[v].value.p || m_function.constants[v].type)
                    return which + " is not an exception class constant";
                break;
            case 't':
                if (v != noType && (v >= constants || !m_function.constants[v].type))
                    return which + " is not a type constant";
                break;
            case 'g':
                if (v >= m_module.globals.size())
                    return which + " is module constant " + std::to_string(v) + " of " + std::to_string(m_module.globals.size());
                break;
            case 's':
                if (!m_module.state || !m_module.state->isState(v))
                    return which + " is not a state variable";
                break;
            case 'f':
                if (v >= m_module.functions.size())
                    return which + " is function " + std::to_string(v) + " of " + std::to_string(m_module.functions.size());
                break;
            case 'n':
                if (v >= static_cast<std::uint16_t>(Native::Count))
                    return which + " is native " + std::to_string(v) + ", which does not exist";
                break;
            case 'p':
                if (v > m_module.formatSpecs.size())
                    return which + " is format spec " + std::to_string(v) + " of " + std::to_string(m_module.formatSpecs.size());
                break;
            case 'j': {
                const std::uint32_t target = word.target();
                if (target >= m_function.code.size() || m_function.code[target].op == Op::EXTRA)
                    return "jumps to " + std::to_string(target) + ", which is not an instruction";
                return {};
            }
            default: break;
            }
        }
        return {};
    }

    // Operands that name the first of several consecutive registers.
    std::string blocks(const Instr &i) const
    {
        const Instr *extra = m_pc + 1 < m_function.code.size() ? &m_function.code[m_pc + 1] : nullptr;
        switch (i.op) {
        case Op::CALL: return registerBlock(i.c, m_module.functions[i.b].paramCount);
        case Op::NATIVE: {
            const int count = extra ? extra->a : 0;
            if (count != nativeArgumentCount(static_cast<Native>(i.b)))
                return std::string(nativeName(static_cast<Native>(i.b))) + "() takes "
                    + std::to_string(nativeArgumentCount(static_cast<Native>(i.b))) + " arguments, given "
                    + std::to_string(count);
            return registerBlock(i.c, count);
        }
        case Op::NEW_LIST: return registerBlock(i.c, extra ? extra->a : 0);
        case Op::NEW_DICT: return registerBlock(i.c, extra ? 2 * extra->a : 0);
        case Op::NEW_TUPLE:
        case Op::NEW_RECORD: {
            if (i.b == noType)
                return "needs a type";
            const TypeDesc *type = m_function.constants[i.b].type;
            return registerBlock(i.c, static_cast<int>(type->count));
        }
        default: return {};
        }
    }

    const Module &m_module;
    const Function &m_function;
    size_t m_pc = 0;
};

} // namespace

std::string verify(const Module &module)
{
    for (const Function &function : module.functions)
        if (std::string problem = FunctionVerifier(module, function).run(); !problem.empty())
            return "bytecode of " + function.name + ", " + problem;
    return {};
}

} // namespace hotpath::vm
