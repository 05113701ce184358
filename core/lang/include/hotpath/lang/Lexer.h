// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The lexer turns a whole file into tokens up front, including Python's INDENT/DEDENT
// and NEWLINE structure, so the parser is a plain recursive descent over a vector.
// Errors (a stray character, an unterminated string, inconsistent dedent) are reported
// to the sink and produce an Error token; lexing always reaches the end of the file.

#include "hotpath/lang/Token.h"
#include "hotpath/support/Diagnostic.h"

#include <optional>
#include <string_view>
#include <vector>

namespace hotpath::lang {

enum class LexMode {
    File,       // a whole module: NEWLINE/INDENT/DEDENT are produced
    Expression, // an f-string field: one expression, line structure is ignored
};

class Lexer
{
public:
    // Lexes source[begin, end) of `file`; offsets in tokens are offsets into the file.
    Lexer(const support::SourceFile &file, support::DiagnosticSink &sink, LexMode mode = LexMode::File,
          support::Offset begin = 0, support::Offset end = UINT32_MAX);

    std::vector<Token> tokenize();

    // Where the first bracket that is still open at the end of input was opened. Every
    // later line was swallowed into it, so parse errors past it are only consequences.
    std::optional<support::Offset> unclosedBracket() const { return m_unclosed; }

private:
    void lexLineStart();
    void lexToken();
    void lexName();
    void lexNumber();
    void lexString(support::Offset prefixBegin, bool raw, bool formatted, bool bytes);
    void lexOperator();
    bool decodeEscape(std::string &out, support::Offset &i);

    char peek(size_t ahead = 0) const;
    void push(TokenKind kind, support::Offset begin);
    Token &pushToken(TokenKind kind, support::Offset begin);

    const support::SourceFile &m_file;
    support::DiagnosticSink &m_sink;
    std::string_view m_text;
    LexMode m_mode;
    support::Offset m_pos;
    support::Offset m_end;
    int m_bracketDepth = 0;
    std::vector<support::Offset> m_openBrackets;
    std::optional<support::Offset> m_unclosed;
    bool m_atLineStart = true;
    std::vector<int> m_indents{0};
    std::vector<int> m_altIndents{0}; // the same levels measured with tabs as one column
    std::vector<Token> m_tokens;
};

// Decodes Python string escapes in raw[i...] (the body of a non-raw string literal).
// Used for plain strings and for the literal parts of f-strings.
std::string decodeStringEscapes(std::string_view raw, support::Offset base, support::DiagnosticSink &sink);

} // namespace hotpath::lang
