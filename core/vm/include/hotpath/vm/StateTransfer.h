// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Module state across a hot reload: a user edits a handler and keeps their data. Each
// state variable of the new program whose name and type (by shape: same kinds, same
// dataclass names and fields) were in the old one takes the old value; the others start
// from their initialisers, and the result says which and why.
//
// The values' objects point at the old module's types and may hold its string and tuple
// constants, both of which die with the old module: moving rewrites every object's type
// to the new module's, and copies constants into ordinary shared objects. The caller holds
// both states' locks exclusively.

#include "hotpath/vm/Bytecode.h"

#include <string>
#include <vector>

namespace hotpath::vm {

struct StateChange
{
    // Kept: the old value moved in. Started: the name was not state before, it starts
    // from its initialiser. Reset: it was, and its value could not be kept. Dropped: the
    // new version no longer has the name.
    enum class Outcome { Kept, Started, Reset, Dropped };
    std::string name;
    Outcome outcome = Outcome::Started;
    std::string detail; // "kept (3 items)", "reset: its type changed from list[int] to list[str]"

    bool kept() const { return outcome == Outcome::Kept; }
    bool lostData() const { return outcome == Outcome::Reset || outcome == Outcome::Dropped; }
};

std::vector<StateChange> moveState(ModuleState &from, ModuleState &to);

// Python's spelling of a run-time type: dict[str, list[Todo]].
std::string describeType(const TypeDesc *type);

// "3 items", "a str", "42": a short summary of a state value, for logs.
std::string summariseValue(Slot value, const TypeDesc *type);

// repr() of a state value as CPython writes it, cut after about `maxBytes` (ending in
// "…"): a large store is previewed without formatting all of it.
std::string previewValue(Slot value, const TypeDesc *type, std::size_t maxBytes);

} // namespace hotpath::vm
