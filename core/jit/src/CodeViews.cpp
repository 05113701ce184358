// SPDX-License-Identifier: GPL-3.0-or-later
#include "CodeViews.h"

#include <llvm/DebugInfo/DWARF/DWARFContext.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>

#include <cstdio>

namespace hotpath::jit {

namespace {

// Printed instructions end in ", !dbg !N" (and other attachments): noise in a listing
// whose lines already carry their source line.
std::string withoutAttachments(std::string text)
{
    const std::size_t at = text.find(", !");
    if (at != std::string::npos)
        text.erase(at);
    return text;
}

} // namespace

CodeView functionView(const llvm::Function &function)
{
    CodeView view;
    std::string header;
    llvm::raw_string_ostream out(header);
    function.getFunctionType()->getReturnType()->print(out);
    out << " @" << function.getName() << "(";
    for (std::size_t k = 0; k < function.arg_size(); ++k) {
        if (k)
            out << ", ";
        function.getArg(static_cast<unsigned>(k))->print(out);
    }
    out << ") {";
    const int firstLine = function.getSubprogram() ? static_cast<int>(function.getSubprogram()->getLine()) : 0;
    view.push_back({firstLine, out.str()});
    for (const llvm::BasicBlock &block : function) {
        view.push_back({0, block.getName().str() + ":"});
        for (const llvm::Instruction &instruction : block) {
            std::string text;
            llvm::raw_string_ostream line(text);
            instruction.print(line);
            const llvm::DebugLoc &location = instruction.getDebugLoc();
            view.push_back({location ? static_cast<int>(location.getLine()) : 0, withoutAttachments(line.str())});
        }
    }
    view.push_back({0, "}"});
    return view;
}

std::map<std::string, ObjectSymbol> objectSymbols(const llvm::MemoryBuffer &object)
{
    std::map<std::string, ObjectSymbol> symbols;
    auto file = llvm::object::ObjectFile::createObjectFile(object.getMemBufferRef());
    if (!file) {
        llvm::consumeError(file.takeError());
        return symbols;
    }
    for (const llvm::object::SymbolRef &symbol : (*file)->symbols()) {
        auto name = symbol.getName();
        auto address = symbol.getAddress();
        auto section = symbol.getSection();
        if (!name || !address || !section) {
            if (!name)
                llvm::consumeError(name.takeError());
            if (!address)
                llvm::consumeError(address.takeError());
            if (!section)
                llvm::consumeError(section.takeError());
            continue;
        }
        ObjectSymbol info;
        info.size = llvm::object::ELFSymbolRef(symbol).getSize();
        info.sectionOffset = *address;
        info.sectionIndex = (*section) != (*file)->section_end() ? (*section)->getIndex() : 0;
        symbols[name->str()] = info;
    }
    return symbols;
}

CodeView disassemble(std::uint64_t address, std::size_t size, const llvm::MemoryBuffer *object, const ObjectSymbol *symbol)
{
    CodeView view;
    const std::string triple = llvm::sys::getProcessTriple();
    std::string error;
    const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, error);
    if (!target)
        return {{0, "; no disassembler: " + error}};
    std::unique_ptr<llvm::MCRegisterInfo> registers(target->createMCRegInfo(triple));
    llvm::MCTargetOptions options;
    std::unique_ptr<llvm::MCAsmInfo> asmInfo(target->createMCAsmInfo(*registers, triple, options));
    std::unique_ptr<llvm::MCSubtargetInfo> subtarget(target->createMCSubtargetInfo(triple, llvm::sys::getHostCPUName(), ""));
    std::unique_ptr<llvm::MCInstrInfo> instructions(target->createMCInstrInfo());
    llvm::MCContext context(llvm::Triple(triple), asmInfo.get(), registers.get(), subtarget.get());
    std::unique_ptr<llvm::MCDisassembler> disassembler(target->createMCDisassembler(*subtarget, context));
    std::unique_ptr<llvm::MCInstPrinter> printer(target->createMCInstPrinter(llvm::Triple(triple), 1, *asmInfo, *instructions, *registers));
    if (!disassembler || !printer)
        return {{0, "; no disassembler for " + triple}};
    printer->setPrintImmHex(true);
    printer->setPrintBranchImmAsAddress(true);

    // Source lines from the object's DWARF line table, by section-relative address.
    std::unique_ptr<llvm::object::ObjectFile> file;
    std::unique_ptr<llvm::DWARFContext> dwarf;
    if (object && symbol) {
        auto parsed = llvm::object::ObjectFile::createObjectFile(object->getMemBufferRef());
        if (parsed) {
            file = std::move(*parsed);
            dwarf = llvm::DWARFContext::create(*file);
        } else {
            llvm::consumeError(parsed.takeError());
        }
    }

    const auto *bytes = reinterpret_cast<const std::uint8_t *>(address);
    llvm::ArrayRef<std::uint8_t> code(bytes, size);
    std::uint64_t offset = 0;
    while (offset < size) {
        llvm::MCInst instruction;
        std::uint64_t length = 0;
        std::string text;
        llvm::raw_string_ostream out(text);
        char prefix[32];
        std::snprintf(prefix, sizeof prefix, "%6llx:  ", static_cast<unsigned long long>(offset));
        out << prefix;
        if (disassembler->getInstruction(instruction, length, code.slice(offset), address + offset, llvm::nulls())
            != llvm::MCDisassembler::Success) {
            out << "(bad)";
            length = 1;
        } else {
            printer->printInst(&instruction, address + offset, "", *subtarget, out);
        }
        int line = 0;
        if (dwarf) {
            const llvm::DILineInfo info = dwarf->getLineInfoForAddress(
                {symbol->sectionOffset + offset, symbol->sectionIndex},
                llvm::DILineInfoSpecifier(llvm::DILineInfoSpecifier::FileLineInfoKind::RawValue));
            line = static_cast<int>(info.Line);
        }
        view.push_back({line, out.str()});
        offset += length;
    }
    return view;
}

} // namespace hotpath::jit
