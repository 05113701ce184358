// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A recursive-descent parser for the handler language with panic-mode recovery: after
// an error it skips to the end of the logical line (or the whole compound statement)
// and goes on, so one run reports every independent syntax error without cascades.
// Python constructs outside the subset are recognised and reported by name at their
// exact position ("lambda is not supported in Hotpath handlers").

#include "hotpath/lang/Ast.h"
#include "hotpath/lang/Token.h"
#include "hotpath/support/Diagnostic.h"

#include <vector>

namespace hotpath::lang {

class Parser
{
public:
    Parser(const support::SourceFile &file, support::DiagnosticSink &sink, std::vector<Token> tokens);

    Module parseModule();
    // Errors at or after this offset are not reported (see Lexer::unclosedBracket).
    void ignoreErrorsFrom(support::Offset offset) { m_ignoreFrom = offset; }
    // For f-string fields: one expression (or a bare tuple) and nothing else.
    ExprPtr parseStandaloneExpression();
    // A string annotation's text, file[begin, end), as an expression (null after an error).
    static ExprPtr parseAnnotationText(const support::SourceFile &file, support::DiagnosticSink &sink,
                                       support::Offset begin, support::Offset end);

private:
    // statements
    void parseStatement(Block &out);
    void parseSimpleStatements(Block &out);
    StmtPtr parseSimpleStatement();
    StmtPtr parseExpressionStatement();
    StmtPtr parseIf();
    StmtPtr parseWhile();
    StmtPtr parseTry();
    StmtPtr parseFor();
    StmtPtr parseDecorated();
    StmtPtr parseFunction(std::vector<ExprPtr> decorators, support::Offset begin);
    StmtPtr parseClass(std::vector<ExprPtr> decorators, support::Offset begin);
    StmtPtr parseImport();
    StmtPtr parseImportFrom();
    void parseParameters(FunctionDef &function);
    void parseBlock(Block &out, const char *owner, support::Offset ownerBegin);

    // expressions
    ExprPtr parseExpressionList();
    ExprPtr parseExpression();
    ExprPtr parseLambda();
    ExprPtr parseOr();
    ExprPtr parseAnd();
    ExprPtr parseNot();
    ExprPtr parseComparison();
    ExprPtr parseBinary(int level);
    ExprPtr parseFactor();
    ExprPtr parsePower();
    ExprPtr parsePrimary();
    ExprPtr parseCall(ExprPtr callee);
    ExprPtr parseSubscript(ExprPtr object);
    ExprPtr parseAtom();
    ExprPtr parseParenthesized();
    ExprPtr parseListDisplay();
    // Parses the `for ... in ... if ...` clauses that follow a comprehension's element.
    ExprPtr parseComprehension(support::Offset begin, ComprehensionForm form, ExprPtr element, ExprPtr value);
    ExprPtr parseBraceDisplay();
    ExprPtr parseSetDisplay(support::Offset begin, ExprPtr first);
    ExprPtr parseStrings();
    ExprPtr parseTargetList();
    void parseFStringInto(FStringExpr &out, const Token &token);
    size_t parseFStringParts(std::vector<FStringPart> &parts, const Token &token, size_t i, bool inSpec, int depth);
    size_t parseFStringField(std::vector<FStringPart> &parts, const Token &token, size_t i, int depth);

    // token stream
    const Token &peek(size_t ahead = 0) const;
    bool check(TokenKind kind) const { return peek().kind == kind; }
    bool match(TokenKind kind);
    const Token &advance();
    bool expect(TokenKind kind, const char *message);
    bool atNameToken(std::string_view name) const;

    // errors and recovery
    void error(Span span, std::string message);
    void unsupported(Span span, const std::string &construct);
    void synchronize();
    void skipCompoundStatement();
    ExprPtr invalid(Span span) { return std::make_unique<InvalidExpr>(span); }
    Span spanFrom(support::Offset begin) const;

    const support::SourceFile &m_file;
    support::DiagnosticSink &m_sink;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    bool m_panic = false;
    int m_functionDepth = 0;
    int m_classDepth = 0;
    support::Offset m_ignoreFrom = UINT32_MAX;
    std::vector<std::string> m_rejectedNames;
    size_t m_statementStart = 0; // where the statement being parsed began (for recovery)
    void rememberNamesBound(size_t from, size_t to);
    bool m_starImport = false;
    int m_nesting = 0; // guards against stack exhaustion on absurdly nested input
};

// Convenience: lex and parse a whole file.
Module parseFile(const support::SourceFile &file, support::DiagnosticSink &sink);

} // namespace hotpath::lang
