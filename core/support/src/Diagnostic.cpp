// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/support/Diagnostic.h"

#include <algorithm>

namespace hotpath::support {

void DiagnosticSink::error(Span span, std::string message)
{
    // One error per position is enough: a second one at the very same place is
    // almost always a consequence of the first.
    for (const Diagnostic &d : m_diagnostics) {
        if (d.severity == Severity::Error && d.span.begin == span.begin)
            return;
    }
    m_diagnostics.push_back({Severity::Error, span, std::move(message)});
    ++m_errorCount;
}

void DiagnosticSink::sortByPosition()
{
    // std::sort with the original index as tie-breaker, because std::stable_sort in
    // libstdc++ 12 uses an API clang 19 flags as deprecated.
    std::vector<std::pair<Offset, size_t>> order;
    for (size_t i = 0; i < m_diagnostics.size(); ++i)
        order.emplace_back(m_diagnostics[i].span.begin, i);
    std::sort(order.begin(), order.end());
    std::vector<Diagnostic> sorted;
    sorted.reserve(m_diagnostics.size());
    for (const auto &[offset, index] : order)
        sorted.push_back(std::move(m_diagnostics[index]));
    m_diagnostics = std::move(sorted);
}

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

std::string formatDiagnostic(const SourceFile &file, const Diagnostic &diagnostic)
{
    const LineColumn at = file.lineColumn(diagnostic.span.begin);
    return file.path() + ':' + std::to_string(at.line) + ':' + std::to_string(at.column) + ": "
        + severityName(diagnostic.severity) + ": " + diagnostic.message;
}

} // namespace hotpath::support
