// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// User mistakes are data, not exceptions: the front end collects Diagnostics and keeps
// going, so one run reports every independent error in a file. Rendering follows the
// GCC/clang convention `file:line:col: error: message` that editors and CI parse.

#include "hotpath/support/SourceFile.h"

#include <string>
#include <vector>

namespace hotpath::support {

enum class Severity { Error, Warning, Note };

struct Diagnostic
{
    Severity severity = Severity::Error;
    Span span;
    std::string message;
};

class DiagnosticSink
{
public:
    void error(Span span, std::string message);

    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    // Orders diagnostics by position (stable, so a note stays after its error).
    void sortByPosition();
    bool hasErrors() const { return m_errorCount > 0; }
    int errorCount() const { return m_errorCount; }

private:
    std::vector<Diagnostic> m_diagnostics;
    int m_errorCount = 0;
};

const char *severityName(Severity severity);

// "path:line:col: error: message"
std::string formatDiagnostic(const SourceFile &file, const Diagnostic &diagnostic);

} // namespace hotpath::support
