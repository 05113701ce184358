// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The type checker: resolves names, gives every expression a static type, binds call
// arguments, validates endpoint declarations and reports every mistake it can find
// with an exact position and, where it helps, a hint. A program is only handed on to
// the interpreter or the JIT when the sink holds no errors.

#include "hotpath/lang/Program.h"
#include "hotpath/support/Diagnostic.h"

#include <memory>

namespace hotpath::lang {

// Lexes, parses and checks one handler file. Always returns a Program (possibly
// partial) so tools can still show what was understood; it is runnable only when
// `sink.hasErrors()` is false.
std::unique_ptr<Program> checkFile(support::SourceFile file, support::DiagnosticSink &sink);

} // namespace hotpath::lang
