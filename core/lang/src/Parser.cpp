// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/lang/Parser.h"

#include "hotpath/lang/Lexer.h"

#include <cstdint>
#include <limits>

namespace hotpath::lang {

using support::Offset;

namespace {

// Deeper nesting than this is not a handler anyone writes; refusing it keeps the
// recursive descent far from the native stack limit on hostile input.
constexpr int maxNesting = 200;

struct NestingGuard
{
    explicit NestingGuard(int &n) : nesting(n) { ++nesting; }
    ~NestingGuard() { --nesting; }
    int &nesting;
};

bool isAugmentedAssign(TokenKind kind, BinaryOp &op)
{
    switch (kind) {
    case TokenKind::PlusAssign: op = BinaryOp::Add; return true;
    case TokenKind::MinusAssign: op = BinaryOp::Sub; return true;
    case TokenKind::StarAssign: op = BinaryOp::Mul; return true;
    case TokenKind::SlashAssign: op = BinaryOp::Div; return true;
    case TokenKind::DoubleSlashAssign: op = BinaryOp::FloorDiv; return true;
    case TokenKind::PercentAssign: op = BinaryOp::Mod; return true;
    case TokenKind::DoubleStarAssign: op = BinaryOp::Pow; return true;
    case TokenKind::LShiftAssign: op = BinaryOp::LShift; return true;
    case TokenKind::RShiftAssign: op = BinaryOp::RShift; return true;
    case TokenKind::AmpAssign: op = BinaryOp::BitAnd; return true;
    case TokenKind::PipeAssign: op = BinaryOp::BitOr; return true;
    case TokenKind::CaretAssign: op = BinaryOp::BitXor; return true;
    default: return false;
    }
}

// Binary operator levels from loosest to tightest, below comparisons and above unary.
struct BinaryLevel
{
    TokenKind tokens[4];
    BinaryOp ops[4];
    int count;
};
constexpr BinaryLevel binaryLevels[] = {
    {{TokenKind::Pipe}, {BinaryOp::BitOr}, 1},
    {{TokenKind::Caret}, {BinaryOp::BitXor}, 1},
    {{TokenKind::Amp}, {BinaryOp::BitAnd}, 1},
    {{TokenKind::LShift, TokenKind::RShift}, {BinaryOp::LShift, BinaryOp::RShift}, 2},
    {{TokenKind::Plus, TokenKind::Minus}, {BinaryOp::Add, BinaryOp::Sub}, 2},
    {{TokenKind::Star, TokenKind::Slash, TokenKind::DoubleSlash, TokenKind::Percent},
     {BinaryOp::Mul, BinaryOp::Div, BinaryOp::FloorDiv, BinaryOp::Mod}, 4},
};
constexpr int binaryLevelCount = sizeof binaryLevels / sizeof binaryLevels[0];

} // namespace

const char *binaryOpSpelling(BinaryOp op)
{
    static constexpr const char *spellings[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    return spellings[static_cast<size_t>(op)];
}

const char *compareOpSpelling(CompareOp op)
{
    static constexpr const char *spellings[] = {"==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"};
    return spellings[static_cast<size_t>(op)];
}

bool FStringExpr::isConstantSpec() const
{
    for (const FStringPart &part : parts) {
        if (part.value)
            return false;
    }
    return true;
}

std::string FStringExpr::constantText() const
{
    std::string text;
    for (const FStringPart &part : parts)
        text += part.literal;
    return text;
}

Module parseFile(const support::SourceFile &file, support::DiagnosticSink &sink)
{
    Lexer lexer(file, sink);
    Parser parser(file, sink, lexer.tokenize());
    if (auto open = lexer.unclosedBracket())
        parser.ignoreErrorsFrom(*open + 1);
    return parser.parseModule();
}

Parser::Parser(const support::SourceFile &file, support::DiagnosticSink &sink, std::vector<Token> tokens)
    : m_file(file), m_sink(sink), m_tokens(std::move(tokens))
{
    if (m_tokens.empty() || m_tokens.back().kind != TokenKind::EndOfFile)
        m_tokens.push_back(Token{TokenKind::EndOfFile, {}, {}, 0, false, 0, false, 0});
}

// ---- token stream ---------------------------------------------------------------------

const Token &Parser::peek(size_t ahead) const
{
    const size_t at = std::min(m_pos + ahead, m_tokens.size() - 1);
    return m_tokens[at];
}

const Token &Parser::advance()
{
    const Token &token = m_tokens[m_pos];
    if (m_pos + 1 < m_tokens.size())
        ++m_pos;
    return token;
}

bool Parser::match(TokenKind kind)
{
    if (!check(kind))
        return false;
    advance();
    return true;
}

bool Parser::expect(TokenKind kind, const char *message)
{
    if (match(kind))
        return true;
    error(peek().span, message);
    return false;
}

bool Parser::atNameToken(std::string_view name) const { return check(TokenKind::Name) && peek().text == name; }

Span Parser::spanFrom(Offset begin) const
{
    const Offset end = m_pos > 0 ? m_tokens[m_pos - 1].span.end : begin;
    return {begin, std::max(begin, end)};
}

// ---- errors and recovery --------------------------------------------------------------

void Parser::error(Span span, std::string message)
{
    if (m_panic)
        return;
    m_panic = true;
    if (span.begin < m_ignoreFrom)
        m_sink.error(span, std::move(message));
}

void Parser::unsupported(Span span, const std::string &construct)
{
    error(span, construct + " is not supported in Hotpath handlers");
}

// Skips to the start of the next logical line at this block level. An indented block
// right after the failed line belonged to it (a broken `if` header, say) and is skipped
// too, so it does not produce an "unexpected indent" cascade.
void Parser::synchronize()
{
    while (!check(TokenKind::EndOfFile) && !check(TokenKind::Newline) && !check(TokenKind::Dedent)) {
        if (check(TokenKind::Indent))
            break;
        advance();
    }
    match(TokenKind::Newline);
    if (check(TokenKind::Indent)) {
        int depth = 0;
        do {
            if (check(TokenKind::Indent))
                ++depth;
            else if (check(TokenKind::Dedent))
                --depth;
            advance();
        } while (depth > 0 && !check(TokenKind::EndOfFile));
    }
    m_panic = false;
    rememberNamesBound(m_statementStart, m_pos);
}

// The names a dropped statement (a rejected `try` or `with`, a statement with a syntax
// error) would have bound, so that their later uses are not reported as undefined: one
// mistake, one message.
void Parser::rememberNamesBound(size_t from, size_t to)
{
    bool inForTarget = false;
    for (size_t i = from; i < to && i < m_tokens.size(); ++i) {
        const Token &token = m_tokens[i];
        if (token.kind == TokenKind::KwFor) {
            inForTarget = true;
            continue;
        }
        if (token.kind == TokenKind::KwIn)
            inForTarget = false;
        if (token.kind != TokenKind::Name)
            continue;
        const TokenKind next = i + 1 < m_tokens.size() ? m_tokens[i + 1].kind : TokenKind::EndOfFile;
        const bool assigned = next == TokenKind::Assign || next == TokenKind::Walrus
                           || (next == TokenKind::Colon && i > 0 && m_tokens[i - 1].kind == TokenKind::Newline);
        const bool aliased = i > 0 && m_tokens[i - 1].kind == TokenKind::KwAs;
        BinaryOp op{};
        if (assigned || aliased || inForTarget || isAugmentedAssign(next, op))
            m_rejectedNames.push_back(token.text);
    }
}

void Parser::skipCompoundStatement() { synchronize(); }

// ---- statements -----------------------------------------------------------------------

// file: statement* ENDMARKER
Module Parser::parseModule()
{
    Module module;
    while (!check(TokenKind::EndOfFile)) {
        const size_t before = m_pos;
        if (check(TokenKind::Newline) || check(TokenKind::Dedent)) {
            advance();
            continue;
        }
        if (check(TokenKind::Indent)) {
            error(peek().span, "unexpected indent");
            skipCompoundStatement();
            m_panic = false;
            continue;
        }
        parseStatement(module.body);
        if (m_panic)
            synchronize();
        if (m_pos == before)
            advance();
    }
    module.rejectedNames = std::move(m_rejectedNames);
    module.hasStarImport = m_starImport;
    return module;
}

ExprPtr Parser::parseAnnotationText(const support::SourceFile &file, support::DiagnosticSink &sink, Offset begin, Offset end)
{
    Lexer lexer(file, sink, LexMode::Expression, begin, end);
    Parser parser(file, sink, lexer.tokenize());
    ExprPtr type = parser.parseExpression();
    if (parser.m_panic)
        return nullptr;
    if (!parser.check(TokenKind::EndOfFile)) {
        parser.error(parser.peek().span, "a string annotation holds one type");
        return nullptr;
    }
    return type;
}

ExprPtr Parser::parseStandaloneExpression()
{
    ExprPtr expr = parseExpressionList();
    if (!check(TokenKind::EndOfFile))
        error(peek().span, "f-string: expecting '}'");
    return expr;
}

// statement: compound_stmt | simple_stmts
void Parser::parseStatement(Block &out)
{
    m_statementStart = m_pos;
    const Token &token = peek();
    StmtPtr stmt;
    switch (token.kind) {
    case TokenKind::KwIf: stmt = parseIf(); break;
    case TokenKind::KwWhile: stmt = parseWhile(); break;
    case TokenKind::KwFor: stmt = parseFor(); break;
    case TokenKind::At: stmt = parseDecorated(); break;
    case TokenKind::KwDef: stmt = parseFunction({}, token.span.begin); break;
    case TokenKind::KwClass: stmt = parseClass({}, token.span.begin); break;
    case TokenKind::KwTry: stmt = parseTry(); break;
    case TokenKind::KwWith:
    case TokenKind::KwAsync:
        unsupported(token.span, token.kind == TokenKind::KwWith ? "with statement" : "async");
        skipCompoundStatement();
        m_panic = false;
        return;
    default:
        if (atNameToken("match") && peek(1).kind != TokenKind::Assign && peek(1).kind != TokenKind::Dot
            && peek(1).kind != TokenKind::LParen && peek(1).kind != TokenKind::Newline) {
            // `match x:` uses a soft keyword; `match = ...` and `match(...)` stay names.
            size_t i = 1;
            while (peek(i).kind != TokenKind::Newline && peek(i).kind != TokenKind::EndOfFile)
                ++i;
            if (peek(i - 1).kind == TokenKind::Colon) {
                unsupported(token.span, "match statement");
                skipCompoundStatement();
                m_panic = false;
                return;
            }
        }
        parseSimpleStatements(out);
        return;
    }
    if (stmt)
        out.push_back(std::move(stmt));
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::parseSimpleStatements(Block &out)
{
    for (;;) {
        StmtPtr stmt = parseSimpleStatement();
        if (stmt && m_panic) {
            // Keep what the broken statement binds, with an invalid value, so later lines
            // are checked without follow-on errors about it; drop anything else.
            ExprPtr *value = nullptr;
            switch (stmt->kind) {
            case StmtKind::Assign: value = &stmt->as<AssignStmt>().value; break;
            case StmtKind::AnnAssign: value = &stmt->as<AnnAssignStmt>().value; break;
            case StmtKind::AugAssign: value = &stmt->as<AugAssignStmt>().value; break;
            case StmtKind::Return: value = &stmt->as<ReturnStmt>().value; break;
            default: stmt.reset(); break;
            }
            if (value && *value)
                *value = invalid((*value)->span);
        }
        if (stmt)
            out.push_back(std::move(stmt));
        if (m_panic)
            return;
        if (!match(TokenKind::Semicolon))
            break;
        if (check(TokenKind::Newline) || check(TokenKind::EndOfFile))
            break;
    }
    if (!match(TokenKind::Newline) && !check(TokenKind::EndOfFile) && !check(TokenKind::Dedent))
        error(peek().span, "invalid syntax");
}

StmtPtr Parser::parseSimpleStatement()
{
    const Token &token = peek();
    const Offset begin = token.span.begin;
    switch (token.kind) {
    case TokenKind::KwPass:
        advance();
        return std::make_unique<SimpleStmt>(StmtKind::Pass, token.span);
    case TokenKind::KwBreak:
        advance();
        return std::make_unique<SimpleStmt>(StmtKind::Break, token.span);
    case TokenKind::KwContinue:
        advance();
        return std::make_unique<SimpleStmt>(StmtKind::Continue, token.span);
    case TokenKind::KwReturn: {
        advance();
        ExprPtr value;
        if (!check(TokenKind::Newline) && !check(TokenKind::Semicolon) && !check(TokenKind::EndOfFile))
            value = parseExpressionList();
        return std::make_unique<ReturnStmt>(spanFrom(begin), std::move(value));
    }
    case TokenKind::KwAssert: {
        advance();
        ExprPtr test = parseExpression();
        ExprPtr message;
        if (match(TokenKind::Comma))
            message = parseExpression();
        return std::make_unique<AssertStmt>(spanFrom(begin), std::move(test), std::move(message));
    }
    case TokenKind::KwImport: return parseImport();
    case TokenKind::KwFrom: return parseImportFrom();
    case TokenKind::KwGlobal: {
        advance();
        auto stmt = std::make_unique<GlobalStmt>(token.span);
        do {
            if (!check(TokenKind::Name)) {
                error(peek().span, "expected a name after 'global'");
                return nullptr;
            }
            stmt->names.push_back({peek().text, peek().span});
            advance();
        } while (match(TokenKind::Comma));
        stmt->span = spanFrom(begin);
        return stmt;
    }
    case TokenKind::KwNonlocal:
        unsupported(token.span, "nonlocal statement");
        for (size_t i = 1; peek(i).kind == TokenKind::Name || peek(i).kind == TokenKind::Comma; ++i)
            if (peek(i).kind == TokenKind::Name)
                m_rejectedNames.push_back(peek(i).text);
        return nullptr;
    case TokenKind::KwDel: unsupported(token.span, "del statement"); return nullptr;
    case TokenKind::KwRaise: {
        advance();
        auto stmt = std::make_unique<RaiseStmt>(token.span);
        if (!check(TokenKind::Newline) && !check(TokenKind::Semicolon) && !check(TokenKind::EndOfFile)) {
            stmt->exception = parseExpression();
            if (match(TokenKind::KwFrom))
                stmt->cause = parseExpression();
        }
        stmt->span = spanFrom(begin);
        return stmt;
    }
    case TokenKind::KwYield: unsupported(token.span, "yield (generators)"); return nullptr;
    case TokenKind::KwElse:
    case TokenKind::KwElif:
        error(token.span, std::string(tokenSpelling(token.kind)) + " without a matching 'if'");
        return nullptr;
    case TokenKind::KwExcept:
    case TokenKind::KwFinally:
        error(token.span, std::string(tokenSpelling(token.kind)) + " without a matching 'try'");
        return nullptr;
    default: return parseExpressionStatement();
    }
}

// expression_stmt: target '=' value | target ':' annotation ['=' value]
//                | target augassign value | expression
StmtPtr Parser::parseExpressionStatement()
{
    const Offset begin = peek().span.begin;
    if (check(TokenKind::Star)) {
        unsupported(peek().span, "starred assignment target");
        return nullptr;
    }
    ExprPtr target = parseExpressionList();
    if (m_panic)
        return nullptr;

    if (check(TokenKind::Colon)) {
        advance();
        ExprPtr annotation = parseExpression();
        ExprPtr value;
        if (match(TokenKind::Assign))
            value = parseExpressionList();
        if (target->kind != ExprKind::Name) {
            error(target->span, "only a plain name can be annotated in Hotpath handlers");
            return nullptr;
        }
        return std::make_unique<AnnAssignStmt>(spanFrom(begin), std::move(target), std::move(annotation),
                                               std::move(value));
    }
    if (check(TokenKind::Assign)) {
        advance();
        if (check(TokenKind::KwYield)) {
            unsupported(peek().span, "yield (generators)");
            return nullptr;
        }
        ExprPtr value = parseExpressionList();
        if (check(TokenKind::Assign)) {
            unsupported(peek().span, "chained assignment (a = b = ...)");
            return nullptr;
        }
        return std::make_unique<AssignStmt>(spanFrom(begin), std::move(target), std::move(value));
    }
    BinaryOp op{};
    if (isAugmentedAssign(peek().kind, op)) {
        const Span opSpan = advance().span;
        ExprPtr value = parseExpressionList();
        return std::make_unique<AugAssignStmt>(spanFrom(begin), std::move(target), op, std::move(value), opSpan);
    }
    if (check(TokenKind::AtAssign)) {
        unsupported(peek().span, "matrix multiplication operator '@='");
        return nullptr;
    }
    return std::make_unique<ExprStmt>(spanFrom(begin), std::move(target));
}

// block: ':' (simple_stmts | NEWLINE INDENT statement+ DEDENT)
void Parser::parseBlock(Block &out, const char *owner, Offset ownerBegin)
{
    NestingGuard guard(m_nesting);
    if (m_nesting > maxNesting) {
        error(peek().span, "too many levels of indentation");
        return;
    }
    if (!expect(TokenKind::Colon, "expected ':'"))
        return;
    if (!check(TokenKind::Newline)) {
        parseSimpleStatements(out);
        return;
    }
    advance();
    if (!check(TokenKind::Indent)) {
        error(peek().span, std::string("expected an indented block after ") + owner + " on line "
                               + std::to_string(m_file.lineColumn(ownerBegin).line));
        return;
    }
    advance();
    while (!check(TokenKind::Dedent) && !check(TokenKind::EndOfFile)) {
        const size_t before = m_pos;
        if (check(TokenKind::Indent)) {
            error(peek().span, "unexpected indent");
            skipCompoundStatement();
            m_panic = false;
            continue;
        }
        parseStatement(out);
        if (m_panic)
            synchronize();
        if (m_pos == before)
            advance();
    }
    match(TokenKind::Dedent);
}

// if_stmt: 'if' expression block ('elif' expression block)* ['else' block]
StmtPtr Parser::parseIf()
{
    const Token &keyword = advance();
    auto stmt = std::make_unique<IfStmt>(keyword.span, parseExpression());
    if (check(TokenKind::Assign))
        error(peek().span, "cannot use '=' in a condition; did you mean '=='?");
    const char *owner = keyword.kind == TokenKind::KwElif ? "'elif' statement" : "'if' statement";
    parseBlock(stmt->body, owner, keyword.span.begin);
    if (m_panic)
        return stmt;
    if (check(TokenKind::KwElif)) {
        stmt->orelse.push_back(parseIf());
    } else if (check(TokenKind::KwElse)) {
        const Token &elseToken = advance();
        parseBlock(stmt->orelse, "'else' statement", elseToken.span.begin);
    }
    stmt->span = spanFrom(keyword.span.begin);
    return stmt;
}

// try_stmt: 'try' block (except_clause block)+ ['else' block] ['finally' block]
//         | 'try' block 'finally' block
// except_clause: 'except' [expression ['as' NAME]]
StmtPtr Parser::parseTry()
{
    const Token &keyword = advance();
    auto stmt = std::make_unique<TryStmt>(keyword.span);
    parseBlock(stmt->body, "'try' statement", keyword.span.begin);
    while (!m_panic && check(TokenKind::KwExcept)) {
        const Token &except = advance();
        ExceptHandler handler;
        handler.span = except.span;
        if (!stmt->handlers.empty() && !stmt->handlers.back().type)
            error(stmt->handlers.back().span, "default 'except:' must be last");
        if (check(TokenKind::Star)) {
            unsupported(peek().span, "except* (exception groups)");
            return nullptr;
        }
        if (!check(TokenKind::Colon)) {
            handler.type = parseExpression();
            if (check(TokenKind::Comma)) {
                error(peek().span, "multiple exception types must be parenthesized");
                return nullptr;
            }
            if (match(TokenKind::KwAs)) {
                if (!check(TokenKind::Name)) {
                    error(peek().span, "expected a name after 'as'");
                    return nullptr;
                }
                handler.name = peek().text;
                handler.nameSpan = peek().span;
                advance();
            }
        }
        parseBlock(handler.body, "'except' statement", except.span.begin);
        stmt->handlers.push_back(std::move(handler));
    }
    if (!m_panic && check(TokenKind::KwElse)) {
        const Token &elseToken = advance();
        if (stmt->handlers.empty())
            error(elseToken.span, "an 'else' clause needs 'except' clauses before it");
        parseBlock(stmt->orelse, "'else' statement", elseToken.span.begin);
    }
    if (!m_panic && check(TokenKind::KwFinally)) {
        const Token &finallyToken = advance();
        parseBlock(stmt->finalbody, "'finally' statement", finallyToken.span.begin);
    }
    if (!m_panic && stmt->handlers.empty() && stmt->finalbody.empty())
        error(peek().span, "expected 'except' or 'finally' block");
    stmt->span = spanFrom(keyword.span.begin);
    return stmt;
}

// while_stmt: 'while' expression block
StmtPtr Parser::parseWhile()
{
    const Token &keyword = advance();
    auto stmt = std::make_unique<WhileStmt>(keyword.span, parseExpression());
    if (check(TokenKind::Assign))
        error(peek().span, "cannot use '=' in a condition; did you mean '=='?");
    parseBlock(stmt->body, "'while' statement", keyword.span.begin);
    if (!m_panic && check(TokenKind::KwElse)) {
        unsupported(peek().span, "'else' clause on a while loop");
        skipCompoundStatement();
        m_panic = false;
    }
    stmt->span = spanFrom(keyword.span.begin);
    return stmt;
}

// for_stmt: 'for' targets 'in' expressions block
StmtPtr Parser::parseFor()
{
    const Token &keyword = advance();
    ExprPtr target = parseTargetList();
    if (!m_panic && !check(TokenKind::KwIn))
        error(peek().span, "expected 'in'");
    advance();
    ExprPtr iterable = parseExpressionList();
    auto stmt = std::make_unique<ForStmt>(keyword.span, std::move(target), std::move(iterable));
    parseBlock(stmt->body, "'for' statement", keyword.span.begin);
    if (!m_panic && check(TokenKind::KwElse)) {
        unsupported(peek().span, "'else' clause on a for loop");
        skipCompoundStatement();
        m_panic = false;
    }
    stmt->span = spanFrom(keyword.span.begin);
    return stmt;
}

// targets: target (',' target)* [',']   where a target binds at or below bit-or level
ExprPtr Parser::parseTargetList()
{
    const Offset begin = peek().span.begin;
    ExprPtr first = parseBinary(0);
    if (!check(TokenKind::Comma))
        return first;
    auto tuple = std::make_unique<TupleExpr>(first->span);
    tuple->elements.push_back(std::move(first));
    while (match(TokenKind::Comma) && !check(TokenKind::KwIn) && !m_panic)
        tuple->elements.push_back(parseBinary(0));
    tuple->span = spanFrom(begin);
    return tuple;
}

// decorated: ('@' expression NEWLINE)+ (function_def | class_def)
StmtPtr Parser::parseDecorated()
{
    const Offset begin = peek().span.begin;
    std::vector<ExprPtr> decorators;
    while (check(TokenKind::At)) {
        advance();
        decorators.push_back(parseExpression());
        if (m_panic)
            return nullptr;
        if (!expect(TokenKind::Newline, "expected a new line after the decorator"))
            return nullptr;
    }
    if (check(TokenKind::KwDef))
        return parseFunction(std::move(decorators), begin);
    if (check(TokenKind::KwClass))
        return parseClass(std::move(decorators), begin);
    if (check(TokenKind::KwAsync)) {
        unsupported(peek().span, "async");
        skipCompoundStatement();
        m_panic = false;
        return nullptr;
    }
    error(peek().span, "expected 'def' or 'class' after a decorator");
    return nullptr;
}

// function_def: 'def' NAME '(' [params] ')' ['->' expression] block
StmtPtr Parser::parseFunction(std::vector<ExprPtr> decorators, Offset begin)
{
    const Token &keyword = advance();
    if (m_functionDepth > 0) {
        if (peek().kind == TokenKind::Name)
            m_rejectedNames.push_back(peek().text);
        unsupported(keyword.span, "nested function definition");
        skipCompoundStatement();
        m_panic = false;
        return nullptr;
    }
    if (!check(TokenKind::Name)) {
        error(peek().span, "expected a function name after 'def'");
        return nullptr;
    }
    const Token &name = advance();
    auto function = std::make_unique<FunctionDef>(keyword.span, name.text, name.span);
    function->decorators = std::move(decorators);
    if (!expect(TokenKind::LParen, "expected '(' after the function name"))
        return nullptr;
    parseParameters(*function);
    if (m_panic)
        return nullptr;
    if (match(TokenKind::Arrow))
        function->returns = parseExpression();
    ++m_functionDepth;
    parseBlock(function->body, "function definition", keyword.span.begin);
    --m_functionDepth;
    function->span = spanFrom(begin);
    return function;
}

// params: param (',' param)* [',']      param: NAME [':' expression] ['=' expression]
void Parser::parseParameters(FunctionDef &function)
{
    bool sawDefault = false;
    while (!check(TokenKind::RParen) && !m_panic) {
        const Token &token = peek();
        if (token.kind == TokenKind::Star || token.kind == TokenKind::DoubleStar) {
            const bool keywordOnlyMarker = token.kind == TokenKind::Star
                && (peek(1).kind == TokenKind::Comma || peek(1).kind == TokenKind::RParen);
            unsupported(token.span, keywordOnlyMarker ? "keyword-only marker '*'"
                                    : token.kind == TokenKind::Star ? "*args" : "**kwargs");
            return;
        }
        if (token.kind == TokenKind::Slash) {
            unsupported(token.span, "positional-only marker '/'");
            return;
        }
        if (token.kind != TokenKind::Name) {
            error(token.span, "expected a parameter name");
            return;
        }
        advance();
        Parameter param;
        param.name = token.text;
        param.span = token.span;
        if (match(TokenKind::Colon))
            param.annotation = parseExpression();
        if (match(TokenKind::Assign)) {
            param.defaultValue = parseExpression();
            sawDefault = true;
        } else if (sawDefault) {
            error(token.span, "non-default argument follows default argument");
        }
        for (const Parameter &other : function.params) {
            if (other.name == param.name)
                error(token.span, "duplicate argument '" + param.name + "' in function definition");
        }
        function.params.push_back(std::move(param));
        if (!match(TokenKind::Comma))
            break;
    }
    expect(TokenKind::RParen, "expected ')' to close the parameter list");
}

// class_def: 'class' NAME ['(' [arguments] ')'] block
StmtPtr Parser::parseClass(std::vector<ExprPtr> decorators, Offset begin)
{
    const Token &keyword = advance();
    if (m_functionDepth > 0 || m_classDepth > 0) {
        if (peek().kind == TokenKind::Name)
            m_rejectedNames.push_back(peek().text);
        unsupported(keyword.span, "class definition inside a function or class");
        skipCompoundStatement();
        m_panic = false;
        return nullptr;
    }
    if (!check(TokenKind::Name)) {
        error(peek().span, "expected a class name after 'class'");
        return nullptr;
    }
    const Token &name = advance();
    auto cls = std::make_unique<ClassDef>(keyword.span, name.text, name.span);
    cls->decorators = std::move(decorators);
    if (match(TokenKind::LParen)) {
        while (!check(TokenKind::RParen) && !m_panic) {
            cls->bases.push_back(parseExpression());
            if (!match(TokenKind::Comma))
                break;
        }
        expect(TokenKind::RParen, "expected ')' after the base classes");
    }
    ++m_classDepth;
    parseBlock(cls->body, "class definition", keyword.span.begin);
    --m_classDepth;
    cls->span = spanFrom(begin);
    return cls;
}

// import_stmt: 'import' dotted_name ['as' NAME] (',' ...)*
StmtPtr Parser::parseImport()
{
    const Token &keyword = advance();
    auto stmt = std::make_unique<ImportStmt>(keyword.span);
    do {
        if (!check(TokenKind::Name)) {
            error(peek().span, "expected a module name after 'import'");
            return nullptr;
        }
        const Token &first = advance();
        ImportName name{first.text, first.span, {}};
        while (match(TokenKind::Dot)) {
            if (!check(TokenKind::Name)) {
                error(peek().span, "expected a module name after '.'");
                return nullptr;
            }
            name.name += "." + advance().text;
            name.span.end = m_tokens[m_pos - 1].span.end;
        }
        if (match(TokenKind::KwAs)) {
            if (!check(TokenKind::Name)) {
                error(peek().span, "expected a name after 'as'");
                return nullptr;
            }
            name.alias = advance().text;
        }
        stmt->names.push_back(std::move(name));
    } while (match(TokenKind::Comma));
    stmt->span = spanFrom(keyword.span.begin);
    return stmt;
}

// import_from: 'from' dotted_name 'import' (NAME ['as' NAME] (',' ...)* | '(' ... ')')
StmtPtr Parser::parseImportFrom()
{
    const Token &keyword = advance();
    if (check(TokenKind::Dot) || check(TokenKind::Ellipsis)) {
        unsupported(peek().span, "relative import");
        return nullptr;
    }
    if (!check(TokenKind::Name)) {
        error(peek().span, "expected a module name after 'from'");
        return nullptr;
    }
    const Token &first = advance();
    std::string module = first.text;
    Span moduleSpan = first.span;
    while (match(TokenKind::Dot)) {
        if (!check(TokenKind::Name)) {
            error(peek().span, "expected a module name after '.'");
            return nullptr;
        }
        module += "." + advance().text;
        moduleSpan.end = m_tokens[m_pos - 1].span.end;
    }
    if (!expect(TokenKind::KwImport, "expected 'import'"))
        return nullptr;
    auto stmt = std::make_unique<ImportFromStmt>(keyword.span, module, moduleSpan);
    if (check(TokenKind::Star)) {
        unsupported(peek().span, "'import *'");
        m_starImport = true;
        return nullptr;
    }
    const bool parenthesized = match(TokenKind::LParen);
    do {
        if (parenthesized && check(TokenKind::RParen))
            break;
        if (!check(TokenKind::Name)) {
            error(peek().span, "expected a name to import");
            return nullptr;
        }
        const Token &name = advance();
        ImportName imported{name.text, name.span, {}};
        if (match(TokenKind::KwAs)) {
            if (!check(TokenKind::Name)) {
                error(peek().span, "expected a name after 'as'");
                return nullptr;
            }
            imported.alias = advance().text;
        }
        stmt->names.push_back(std::move(imported));
    } while (match(TokenKind::Comma));
    if (parenthesized)
        expect(TokenKind::RParen, "expected ')'");
    stmt->span = spanFrom(keyword.span.begin);
    return stmt;
}

// ---- expressions ----------------------------------------------------------------------

// expressions: expression (',' expression)* [',']     — a bare tuple when commas appear
ExprPtr Parser::parseExpressionList()
{
    const Offset begin = peek().span.begin;
    ExprPtr first = parseExpression();
    if (!check(TokenKind::Comma))
        return first;
    auto tuple = std::make_unique<TupleExpr>(first->span);
    tuple->elements.push_back(std::move(first));
    while (match(TokenKind::Comma) && !m_panic) {
        const TokenKind next = peek().kind;
        if (next == TokenKind::Newline || next == TokenKind::Assign || next == TokenKind::RParen
            || next == TokenKind::EndOfFile || next == TokenKind::Semicolon || next == TokenKind::Colon)
            break;
        tuple->elements.push_back(parseExpression());
    }
    tuple->span = spanFrom(begin);
    return tuple;
}

// expression: disjunction ['if' disjunction 'else' expression] | lambda
ExprPtr Parser::parseExpression()
{
    NestingGuard guard(m_nesting);
    if (m_nesting > maxNesting) {
        error(peek().span, "expression is nested too deeply");
        return invalid(peek().span);
    }
    if (check(TokenKind::KwLambda))
        return parseLambda();
    const Offset begin = peek().span.begin;
    ExprPtr value = parseOr();
    if (check(TokenKind::Walrus)) {
        if (value->kind != ExprKind::Name) {
            error(peek().span, "cannot use assignment expressions with " + std::string(value->kind == ExprKind::Attribute
                                                                                         ? "attribute"
                                                                                     : value->kind == ExprKind::Subscript
                                                                                         ? "subscript"
                                                                                         : "expression"));
            return invalid(value->span);
        }
        advance();
        ExprPtr assigned = parseExpression();
        auto target = std::unique_ptr<NameExpr>(static_cast<NameExpr *>(value.release()));
        return std::make_unique<NamedExpr>(spanFrom(begin), std::move(target), std::move(assigned));
    }
    if (!check(TokenKind::KwIf) || m_panic)
        return value;
    advance();
    ExprPtr condition = parseOr();
    if (!check(TokenKind::KwElse)) {
        error(peek().span, "expected 'else' after 'if' expression");
        return invalid(spanFrom(begin));
    }
    advance();
    ExprPtr otherwise = parseExpression();
    return std::make_unique<IfExpr>(spanFrom(begin), std::move(condition), std::move(value), std::move(otherwise));
}

// lambda: 'lambda' [NAME (',' NAME)*] ':' expression
ExprPtr Parser::parseLambda()
{
    const Offset begin = advance().span.begin;
    auto lambda = std::make_unique<LambdaExpr>(Span{begin, begin});
    while (!check(TokenKind::Colon) && !m_panic) {
        if (!check(TokenKind::Name)) {
            if (check(TokenKind::Star) || check(TokenKind::DoubleStar) || check(TokenKind::Slash))
                unsupported(peek().span, "this lambda parameter");
            else
                error(peek().span, "expected a parameter name or ':' in lambda");
            return invalid(spanFrom(begin));
        }
        const Token &name = advance();
        if (check(TokenKind::Assign)) {
            unsupported(peek().span, "a default value of a lambda parameter");
            return invalid(spanFrom(begin));
        }
        lambda->params.push_back({name.text, name.span, -1});
        if (!match(TokenKind::Comma))
            break;
    }
    if (!expect(TokenKind::Colon, "expected ':' after the lambda's parameters"))
        return invalid(spanFrom(begin));
    lambda->body = parseExpression();
    lambda->span = spanFrom(begin);
    return lambda;
}

// disjunction: conjunction ('or' conjunction)*
ExprPtr Parser::parseOr()
{
    const Offset begin = peek().span.begin;
    ExprPtr left = parseAnd();
    while (check(TokenKind::KwOr) && !m_panic) {
        advance();
        ExprPtr right = parseAnd();
        left = std::make_unique<BoolOpExpr>(spanFrom(begin), false, std::move(left), std::move(right));
    }
    return left;
}

// conjunction: inversion ('and' inversion)*
ExprPtr Parser::parseAnd()
{
    const Offset begin = peek().span.begin;
    ExprPtr left = parseNot();
    while (check(TokenKind::KwAnd) && !m_panic) {
        advance();
        ExprPtr right = parseNot();
        left = std::make_unique<BoolOpExpr>(spanFrom(begin), true, std::move(left), std::move(right));
    }
    return left;
}

// inversion: 'not' inversion | comparison
ExprPtr Parser::parseNot()
{
    if (!check(TokenKind::KwNot))
        return parseComparison();
    NestingGuard guard(m_nesting);
    if (m_nesting > maxNesting) {
        error(peek().span, "expression is nested too deeply");
        return invalid(peek().span);
    }
    const Offset begin = advance().span.begin;
    ExprPtr operand = parseNot();
    return std::make_unique<UnaryExpr>(spanFrom(begin), UnaryOp::Not, std::move(operand));
}

// comparison: bitwise_or (compare_op bitwise_or)*
ExprPtr Parser::parseComparison()
{
    const Offset begin = peek().span.begin;
    ExprPtr first = parseBinary(0);
    std::unique_ptr<CompareExpr> compare;
    for (;;) {
        const Token &token = peek();
        CompareOp op{};
        Span opSpan = token.span;
        switch (token.kind) {
        case TokenKind::EqualEqual: op = CompareOp::Equal; break;
        case TokenKind::NotEqual: op = CompareOp::NotEqual; break;
        case TokenKind::Less: op = CompareOp::Less; break;
        case TokenKind::LessEqual: op = CompareOp::LessEqual; break;
        case TokenKind::Greater: op = CompareOp::Greater; break;
        case TokenKind::GreaterEqual: op = CompareOp::GreaterEqual; break;
        case TokenKind::KwIn: op = CompareOp::In; break;
        case TokenKind::KwNot:
            if (peek(1).kind != TokenKind::KwIn)
                return compare ? std::move(compare) : std::move(first);
            op = CompareOp::NotIn;
            opSpan = Span::cover(token.span, peek(1).span);
            advance();
            break;
        case TokenKind::KwIs:
            op = CompareOp::Is;
            if (peek(1).kind == TokenKind::KwNot) {
                op = CompareOp::IsNot;
                opSpan = Span::cover(token.span, peek(1).span);
                advance();
            }
            break;
        default:
            if (compare)
                compare->span = spanFrom(begin);
            return compare ? std::move(compare) : std::move(first);
        }
        if (m_panic)
            return invalid(spanFrom(begin));
        advance();
        if (!compare) {
            compare = std::make_unique<CompareExpr>(first->span);
            compare->operands.push_back(std::move(first));
        }
        compare->ops.push_back(op);
        compare->opSpans.push_back(opSpan);
        compare->operands.push_back(parseBinary(0));
    }
}

// The binary levels of Python's grammar, loosest first: | ^ & (<< >>) (+ -) (* / // %)
ExprPtr Parser::parseBinary(int level)
{
    if (level == binaryLevelCount)
        return parseFactor();
    const Offset begin = peek().span.begin;
    ExprPtr left = parseBinary(level + 1);
    const BinaryLevel &ops = binaryLevels[level];
    for (;;) {
        if (m_panic)
            return left;
        if (check(TokenKind::At)) {
            unsupported(peek().span, "matrix multiplication operator '@'");
            return left;
        }
        int found = -1;
        for (int i = 0; i < ops.count; ++i) {
            if (check(ops.tokens[i]))
                found = i;
        }
        if (found < 0)
            return left;
        const Span opSpan = advance().span;
        ExprPtr right = parseBinary(level + 1);
        left = std::make_unique<BinaryExpr>(spanFrom(begin), ops.ops[found], std::move(left), std::move(right), opSpan);
    }
}

// factor: ('+' | '-' | '~') factor | power
ExprPtr Parser::parseFactor()
{
    const Token &token = peek();
    UnaryOp op{};
    switch (token.kind) {
    case TokenKind::Minus: op = UnaryOp::Negate; break;
    case TokenKind::Plus: op = UnaryOp::Plus; break;
    case TokenKind::Tilde: op = UnaryOp::Invert; break;
    default: return parsePower();
    }
    NestingGuard guard(m_nesting);
    if (m_nesting > maxNesting) {
        error(token.span, "expression is nested too deeply");
        return invalid(token.span);
    }
    advance();
    // -9223372036854775808 is the one literal whose magnitude does not fit in an int64;
    // it is folded here so that INT64_MIN can be written as Python writes it.
    const Token &next = peek();
    if (op == UnaryOp::Negate && next.kind == TokenKind::Int && !next.intTooLarge
        && next.intValue == static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1
        && peek(1).kind != TokenKind::DoubleStar && peek(1).kind != TokenKind::LBracket
        && peek(1).kind != TokenKind::LParen && peek(1).kind != TokenKind::Dot) {
        advance();
        return std::make_unique<IntLiteral>(spanFrom(token.span.begin), std::numeric_limits<std::int64_t>::min());
    }
    ExprPtr operand = parseFactor();
    return std::make_unique<UnaryExpr>(spanFrom(token.span.begin), op, std::move(operand));
}

// power: primary ['**' factor]
ExprPtr Parser::parsePower()
{
    const Offset begin = peek().span.begin;
    if (check(TokenKind::KwAwait)) {
        unsupported(peek().span, "await");
        return invalid(advance().span);
    }
    ExprPtr base = parsePrimary();
    if (!check(TokenKind::DoubleStar) || m_panic)
        return base;
    const Span opSpan = advance().span;
    ExprPtr exponent = parseFactor();
    return std::make_unique<BinaryExpr>(spanFrom(begin), BinaryOp::Pow, std::move(base), std::move(exponent), opSpan);
}

// primary: atom ('.' NAME | '(' arguments ')' | '[' subscript ']')*
ExprPtr Parser::parsePrimary()
{
    const Offset begin = peek().span.begin;
    ExprPtr expr = parseAtom();
    while (!m_panic) {
        if (check(TokenKind::Dot)) {
            advance();
            if (!check(TokenKind::Name)) {
                error(peek().span, "expected an attribute name after '.'");
                return invalid(spanFrom(begin));
            }
            const Token &name = advance();
            expr = std::make_unique<AttributeExpr>(spanFrom(begin), std::move(expr), name.text, name.span);
        } else if (check(TokenKind::LParen)) {
            expr = parseCall(std::move(expr));
        } else if (check(TokenKind::LBracket)) {
            expr = parseSubscript(std::move(expr));
        } else {
            break;
        }
    }
    return expr;
}

// arguments: (expression | NAME '=' expression) (',' ...)* [',']
ExprPtr Parser::parseCall(ExprPtr callee)
{
    const Offset begin = callee->span.begin;
    advance(); // (
    auto call = std::make_unique<CallExpr>(callee->span, std::move(callee));
    while (!check(TokenKind::RParen) && !m_panic) {
        if (check(TokenKind::Star) || check(TokenKind::DoubleStar)) {
            unsupported(peek().span, check(TokenKind::Star) ? "argument unpacking with '*'" : "argument unpacking with '**'");
            return invalid(spanFrom(begin));
        }
        if (check(TokenKind::Name) && peek(1).kind == TokenKind::Assign) {
            const Token &name = advance();
            advance(); // =
            for (const KeywordArgument &other : call->keywords) {
                if (other.name == name.text)
                    error(name.span, "keyword argument repeated: " + name.text);
            }
            call->keywords.push_back({name.text, name.span, parseExpression()});
        } else {
            ExprPtr arg = parseExpression();
            if (check(TokenKind::KwFor)) {
                // f(x for x in xs): a generator expression as the only argument needs no
                // parentheses of its own.
                const bool alone = call->args.empty() && call->keywords.empty();
                const Offset argBegin = arg->span.begin;
                arg = parseComprehension(argBegin, ComprehensionForm::Generator, std::move(arg), nullptr);
                if (!alone || check(TokenKind::Comma)) {
                    if (!m_panic)
                        error(arg->span, "Generator expression must be parenthesized");
                    return invalid(spanFrom(begin));
                }
            }
            if (!call->keywords.empty())
                error(arg->span, "positional argument follows keyword argument");
            call->args.push_back(std::move(arg));
        }
        if (!match(TokenKind::Comma))
            break;
    }
    if (!m_panic)
        expect(TokenKind::RParen, "expected ')' to close the call");
    if (m_panic)
        return invalid(spanFrom(begin));
    call->span = spanFrom(begin);
    return call;
}

// subscript: expressions | [expression] ':' [expression] [':' [expression]]
ExprPtr Parser::parseSubscript(ExprPtr object)
{
    const Offset begin = object->span.begin;
    advance(); // [
    ExprPtr lower;
    if (!check(TokenKind::Colon)) {
        ExprPtr index = parseExpressionList();
        if (!check(TokenKind::Colon)) {
            if (!m_panic)
                expect(TokenKind::RBracket, "expected ']'");
            return std::make_unique<SubscriptExpr>(spanFrom(begin), std::move(object), std::move(index));
        }
        lower = std::move(index);
    }
    auto slice = std::make_unique<SliceExpr>(object->span, std::move(object));
    slice->lower = std::move(lower);
    advance(); // :
    if (!check(TokenKind::Colon) && !check(TokenKind::RBracket))
        slice->upper = parseExpression();
    if (match(TokenKind::Colon) && !check(TokenKind::RBracket))
        slice->step = parseExpression();
    if (!m_panic)
        expect(TokenKind::RBracket, "expected ']'");
    slice->span = spanFrom(begin);
    return slice;
}

ExprPtr Parser::parseAtom()
{
    const Token &token = peek();
    switch (token.kind) {
    case TokenKind::Name:
        advance();
        return std::make_unique<NameExpr>(token.span, token.text);
    case TokenKind::Int:
        advance();
        if (token.intTooLarge || token.intValue > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            error(token.span, "integer literal " + token.text + " does not fit in a 64-bit int "
                              "(the largest is 9223372036854775807)");
            return invalid(token.span);
        }
        return std::make_unique<IntLiteral>(token.span, static_cast<std::int64_t>(token.intValue));
    case TokenKind::Float:
        advance();
        return std::make_unique<FloatLiteral>(token.span, token.floatValue);
    case TokenKind::String:
    case TokenKind::FString: return parseStrings();
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
        advance();
        return std::make_unique<BoolLiteral>(token.span, token.kind == TokenKind::KwTrue);
    case TokenKind::KwNone:
        advance();
        return std::make_unique<NoneLiteral>(token.span);
    case TokenKind::LParen: return parseParenthesized();
    case TokenKind::LBracket: return parseListDisplay();
    case TokenKind::LBrace: return parseBraceDisplay();
    case TokenKind::Bytes: unsupported(token.span, "bytes literal"); break;
    case TokenKind::Imaginary: unsupported(token.span, "complex number"); break;
    case TokenKind::Ellipsis:
        advance();
        return std::make_unique<EllipsisExpr>(token.span); // the checker accepts it in tuple[T, ...] only
    case TokenKind::KwLambda: return parseLambda();
    case TokenKind::KwYield: unsupported(token.span, "yield (generators)"); break;
    case TokenKind::KwAwait: unsupported(token.span, "await"); break;
    case TokenKind::Star: unsupported(token.span, "starred expression"); break;
    case TokenKind::Error: m_panic = true; break; // the lexer has reported it
    case TokenKind::Newline:
    case TokenKind::EndOfFile: error(token.span, "expected an expression"); break;
    default: error(token.span, std::string("expected an expression, found ") + tokenSpelling(token.kind)); break;
    }
    return invalid(token.span);
}

// '(' ')' | '(' expression ')' | '(' expression ',' [expressions] ')'
ExprPtr Parser::parseParenthesized()
{
    const Offset begin = advance().span.begin;
    if (match(TokenKind::RParen)) {
        auto empty = std::make_unique<TupleExpr>(spanFrom(begin));
        empty->parenthesized = true;
        return empty;
    }
    if (check(TokenKind::KwYield)) {
        unsupported(peek().span, "yield (generators)");
        return invalid(peek().span);
    }
    ExprPtr first = parseExpression();
    if (check(TokenKind::KwFor)) {
        ExprPtr generator = parseComprehension(begin, ComprehensionForm::Generator, std::move(first), nullptr);
        if (!m_panic)
            expect(TokenKind::RParen, "expected ')' to close the generator expression");
        generator->span = spanFrom(begin);
        return generator;
    }
    if (!check(TokenKind::Comma)) {
        if (!m_panic)
            expect(TokenKind::RParen, "expected ')'");
        return first;
    }
    auto tuple = std::make_unique<TupleExpr>(first->span);
    tuple->parenthesized = true;
    tuple->elements.push_back(std::move(first));
    while (match(TokenKind::Comma) && !check(TokenKind::RParen) && !m_panic)
        tuple->elements.push_back(parseExpression());
    if (!m_panic)
        expect(TokenKind::RParen, "expected ')'");
    tuple->span = spanFrom(begin);
    return tuple;
}

// '[' [expression (',' expression)* [',']] ']'
ExprPtr Parser::parseListDisplay()
{
    const Offset begin = advance().span.begin;
    auto list = std::make_unique<ListExpr>(Span{begin, begin});
    while (!check(TokenKind::RBracket) && !m_panic) {
        if (check(TokenKind::Star)) {
            unsupported(peek().span, "unpacking with '*' in a list");
            return invalid(spanFrom(begin));
        }
        ExprPtr element = parseExpression();
        if (check(TokenKind::KwFor) && list->elements.empty()) {
            ExprPtr comprehension = parseComprehension(begin, ComprehensionForm::List, std::move(element), nullptr);
            if (!m_panic)
                expect(TokenKind::RBracket, "expected ']' to close the list comprehension");
            comprehension->span = spanFrom(begin);
            return comprehension;
        }
        list->elements.push_back(std::move(element));
        if (!match(TokenKind::Comma))
            break;
    }
    if (!m_panic)
        expect(TokenKind::RBracket, "expected ']' to close the list");
    list->span = spanFrom(begin);
    return list;
}

// '{' [expression ':' expression (',' ...)* [',']] '}'   — sets are rejected by name
ExprPtr Parser::parseBraceDisplay()
{
    const Offset begin = advance().span.begin;
    auto dict = std::make_unique<DictExpr>(Span{begin, begin});
    while (!check(TokenKind::RBrace) && !m_panic) {
        if (check(TokenKind::DoubleStar)) {
            unsupported(peek().span, "unpacking with '**' in a dict");
            return invalid(spanFrom(begin));
        }
        ExprPtr key = parseExpression();
        if (!check(TokenKind::Colon)) {
            if (m_panic)
                return invalid(spanFrom(begin));
            if (!dict->keys.empty()) {
                error(peek().span, "expected ':' after the dict key");
                return invalid(spanFrom(begin));
            }
            return parseSetDisplay(begin, std::move(key));
        }
        advance();
        ExprPtr value = parseExpression();
        if (check(TokenKind::KwFor) && dict->keys.empty()) {
            ExprPtr comprehension = parseComprehension(begin, ComprehensionForm::Dict, std::move(key), std::move(value));
            if (!m_panic)
                expect(TokenKind::RBrace, "expected '}' to close the dict comprehension");
            comprehension->span = spanFrom(begin);
            return comprehension;
        }
        dict->keys.push_back(std::move(key));
        dict->values.push_back(std::move(value));
        if (!match(TokenKind::Comma))
            break;
    }
    if (!m_panic)
        expect(TokenKind::RBrace, "expected '}' to close the dict");
    dict->span = spanFrom(begin);
    return dict;
}

// '{' expression (',' expression)* [','] '}' | '{' expression comprehension '}', after the first element
ExprPtr Parser::parseSetDisplay(Offset begin, ExprPtr first)
{
    if (check(TokenKind::KwFor)) {
        ExprPtr comprehension = parseComprehension(begin, ComprehensionForm::Set, std::move(first), nullptr);
        if (!m_panic)
            expect(TokenKind::RBrace, "expected '}' to close the set comprehension");
        comprehension->span = spanFrom(begin);
        return comprehension;
    }
    auto set = std::make_unique<SetExpr>(Span{begin, begin});
    set->elements.push_back(std::move(first));
    while (match(TokenKind::Comma) && !check(TokenKind::RBrace) && !m_panic) {
        if (check(TokenKind::Star)) {
            unsupported(peek().span, "unpacking with '*' in a set");
            return invalid(spanFrom(begin));
        }
        set->elements.push_back(parseExpression());
    }
    if (!m_panic)
        expect(TokenKind::RBrace, "expected '}' to close the set");
    set->span = spanFrom(begin);
    return set;
}

// comprehension clauses: ('for' targets 'in' disjunction ('if' disjunction)*)+
ExprPtr Parser::parseComprehension(Offset begin, ComprehensionForm form, ExprPtr element, ExprPtr value)
{
    auto comprehension = std::make_unique<ComprehensionExpr>(Span{begin, begin}, form, std::move(element));
    comprehension->value = std::move(value);
    while (check(TokenKind::KwFor) && !m_panic) {
        ComprehensionClause clause;
        clause.span.begin = advance().span.begin;
        clause.target = parseTargetList();
        if (!expect(TokenKind::KwIn, "expected 'in' after the comprehension's target"))
            break;
        clause.iterable = parseOr();
        while (match(TokenKind::KwIf) && !m_panic)
            clause.conditions.push_back(parseOr());
        clause.span = spanFrom(clause.span.begin);
        comprehension->clauses.push_back(std::move(clause));
    }
    if (check(TokenKind::KwAsync))
        unsupported(peek().span, "async comprehension");
    comprehension->span = spanFrom(begin);
    return comprehension;
}

// strings: (STRING | FSTRING)+   — adjacent literals concatenate, as in Python
ExprPtr Parser::parseStrings()
{
    const Offset begin = peek().span.begin;
    bool formatted = false;
    for (size_t i = 0; peek(i).kind == TokenKind::String || peek(i).kind == TokenKind::FString; ++i)
        formatted = formatted || peek(i).kind == TokenKind::FString;
    if (!formatted) {
        std::string value;
        while (check(TokenKind::String))
            value += advance().text;
        return std::make_unique<StrLiteral>(spanFrom(begin), std::move(value));
    }
    auto fstring = std::make_unique<FStringExpr>(Span{begin, begin});
    while (check(TokenKind::String) || check(TokenKind::FString)) {
        const Token &token = advance();
        if (token.kind == TokenKind::String) {
            FStringPart part;
            part.span = token.span;
            part.literal = token.text;
            fstring->parts.push_back(std::move(part));
        } else {
            parseFStringInto(*fstring, token);
        }
    }
    fstring->span = spanFrom(begin);
    return fstring;
}

void Parser::parseFStringInto(FStringExpr &out, const Token &token)
{
    const bool wasPanicking = m_panic;
    parseFStringParts(out.parts, token, 0, false, 0);
    // An error inside one f-string does not poison the rest of the statement.
    if (!wasPanicking)
        m_panic = false;
}

// Splits the f-string body (token.text, raw) from index i into literal text and fields.
// Stops at the end of the body, or — inside a format spec — at the '}' that closes the
// enclosing field, and returns the index it stopped at.
size_t Parser::parseFStringParts(std::vector<FStringPart> &parts, const Token &token, size_t i, bool inSpec, int depth)
{
    const std::string &body = token.text;
    const Offset base = token.bodyOffset;
    std::string pending;
    size_t pendingBegin = i;
    auto flush = [&](size_t end) {
        if (pending.empty())
            return;
        FStringPart part;
        part.span = {base + static_cast<Offset>(pendingBegin), base + static_cast<Offset>(end)};
        part.literal = token.rawString || inSpec ? pending
                                                 : decodeStringEscapes(pending, base + static_cast<Offset>(pendingBegin), m_sink);
        parts.push_back(std::move(part));
        pending.clear();
    };
    while (i < body.size()) {
        const char c = body[i];
        if (c == '{' && !inSpec && i + 1 < body.size() && body[i + 1] == '{') {
            pending += '{';
            i += 2;
        } else if (c == '{') {
            flush(i);
            i = parseFStringField(parts, token, i, depth);
            pendingBegin = i;
        } else if (c == '}' && inSpec) {
            break;
        } else if (c == '}') {
            if (i + 1 < body.size() && body[i + 1] == '}') {
                pending += '}';
                i += 2;
            } else {
                m_sink.error({base + static_cast<Offset>(i), base + static_cast<Offset>(i + 1)},
                             "f-string: single '}' is not allowed");
                ++i;
            }
        } else if (c == '\\' && i + 1 < body.size() && !token.rawString) {
            pending += body.substr(i, 2);
            i += 2;
        } else {
            pending += c;
            ++i;
        }
    }
    flush(i);
    return i;
}

// field: '{' expression ['!' conversion] [':' spec] '}'   starting at body[i] == '{'
size_t Parser::parseFStringField(std::vector<FStringPart> &parts, const Token &token, size_t i, int depth)
{
    const std::string &body = token.text;
    const Offset base = token.bodyOffset;
    const size_t open = i;
    auto at = [&](size_t k, size_t length = 1) {
        return Span{base + static_cast<Offset>(k), base + static_cast<Offset>(std::min(k + length, body.size()))};
    };
    if (depth >= 2) {
        m_sink.error(at(open), "f-string: expressions nested too deeply");
        return body.size();
    }
    // Find the end of the expression: a top-level '!', ':' or '}' outside brackets and
    // quotes (Python 3.11 does not allow the enclosing quote or a backslash inside).
    size_t k = open + 1;
    int brackets = 0;
    char quote = 0;
    for (; k < body.size(); ++k) {
        const char c = body[k];
        if (c == '\\') {
            m_sink.error(at(k), "f-string expression part cannot include a backslash");
            return body.find('}', k) == std::string::npos ? body.size() : body.find('}', k) + 1;
        }
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '#') {
            m_sink.error(at(k), "f-string expression part cannot include '#'");
            return body.size();
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '(' || c == '[' || c == '{')
            ++brackets;
        else if ((c == ')' || c == ']' || c == '}') && brackets > 0)
            --brackets;
        else if (brackets == 0 && (c == '}' || c == ':' || (c == '!' && (k + 1 >= body.size() || body[k + 1] != '='))))
            break;
    }
    const size_t exprEnd = k;
    const std::string_view exprText = std::string_view(body).substr(open + 1, exprEnd - open - 1);
    if (exprText.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        m_sink.error(at(open, exprEnd - open + 1), "f-string: empty expression not allowed");
        return std::min(body.size(), body.find('}', open) == std::string::npos ? body.size() : body.find('}', open) + 1);
    }
    if (k >= body.size()) {
        m_sink.error(at(open), "f-string: expecting '}'");
        return body.size();
    }
    const std::string_view trimmed = exprText.substr(0, exprText.find_last_not_of(" \t\r\n") + 1);
    if (!trimmed.empty() && trimmed.back() == '=' && (trimmed.size() < 2 || std::string_view("=!<>").find(trimmed[trimmed.size() - 2]) == std::string_view::npos)) {
        m_sink.error(at(open + trimmed.size(), 1), "'=' in f-string fields (self-documenting expressions) is not supported in Hotpath handlers");
        return body.find('}', exprEnd) == std::string::npos ? body.size() : body.find('}', exprEnd) + 1;
    }

    FStringPart field;
    field.span = at(open, 1);
    {
        Lexer lexer(m_file, m_sink, LexMode::Expression, base + static_cast<Offset>(open + 1), base + static_cast<Offset>(exprEnd));
        Parser sub(m_file, m_sink, lexer.tokenize());
        sub.m_nesting = m_nesting;
        field.value = sub.parseStandaloneExpression();
    }
    if (body[k] == '!') {
        const char conversion = k + 1 < body.size() ? body[k + 1] : '\0';
        if (conversion != 'r' && conversion != 's' && conversion != 'a') {
            m_sink.error(at(k + 1), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return body.find('}', k) == std::string::npos ? body.size() : body.find('}', k) + 1;
        }
        if (conversion == 'a')
            m_sink.error(at(k + 1), "'!a' conversion is not supported in Hotpath handlers");
        field.conversion = conversion;
        k += 2;
    }
    if (k < body.size() && body[k] == ':') {
        auto spec = std::make_unique<FStringExpr>(at(k + 1, 0));
        k = parseFStringParts(spec->parts, token, k + 1, true, depth + 1);
        spec->span.end = base + static_cast<Offset>(k);
        field.spec = std::move(spec);
    }
    if (k >= body.size() || body[k] != '}') {
        m_sink.error(at(std::min(k, body.size() - 1)), "f-string: expecting '}'");
        return body.size();
    }
    field.span.end = base + static_cast<Offset>(k + 1);
    parts.push_back(std::move(field));
    return k + 1;
}

} // namespace hotpath::lang
