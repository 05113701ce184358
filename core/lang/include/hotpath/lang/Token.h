// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Tokens of the handler language. The token set is Python's, so that the lexer can
// recognise every Python construct precisely and the parser can reject the ones Hotpath
// does not support by name ("lambda is not supported ...") instead of failing with a
// generic syntax error.

#include "hotpath/support/SourceFile.h"

#include <cstdint>
#include <string>

namespace hotpath::lang {

using support::Span;

// X(kind, spelling) — spelling is what diagnostics show for the token.
#define HOTPATH_TOKEN_KINDS(X)                                                                  \
    X(EndOfFile, "end of file") X(Newline, "end of line") X(Indent, "indent")                \
    X(Dedent, "dedent") X(Name, "name") X(Int, "integer") X(Float, "float")                  \
    X(String, "string") X(FString, "f-string") X(Bytes, "bytes literal")                     \
    X(Imaginary, "imaginary number") X(Error, "invalid token")                               \
    /* punctuation */                                                                         \
    X(LParen, "'('") X(RParen, "')'") X(LBracket, "'['") X(RBracket, "']'")                  \
    X(LBrace, "'{'") X(RBrace, "'}'") X(Comma, "','") X(Colon, "':'") X(Dot, "'.'")          \
    X(Semicolon, "';'") X(At, "'@'") X(Arrow, "'->'") X(Ellipsis, "'...'")                   \
    X(Assign, "'='") X(Walrus, "':='") X(Bang, "'!'")                                         \
    /* operators */                                                                           \
    X(Plus, "'+'") X(Minus, "'-'") X(Star, "'*'") X(Slash, "'/'") X(DoubleSlash, "'//'")    \
    X(Percent, "'%'") X(DoubleStar, "'**'") X(LShift, "'<<'") X(RShift, "'>>'")             \
    X(Amp, "'&'") X(Pipe, "'|'") X(Caret, "'^'") X(Tilde, "'~'") X(Less, "'<'")            \
    X(Greater, "'>'") X(LessEqual, "'<='") X(GreaterEqual, "'>='") X(EqualEqual, "'=='")    \
    X(NotEqual, "'!='")                                                                        \
    X(PlusAssign, "'+='") X(MinusAssign, "'-='") X(StarAssign, "'*='")                       \
    X(SlashAssign, "'/='") X(DoubleSlashAssign, "'//='") X(PercentAssign, "'%='")            \
    X(DoubleStarAssign, "'**='") X(LShiftAssign, "'<<='") X(RShiftAssign, "'>>='")           \
    X(AmpAssign, "'&='") X(PipeAssign, "'|='") X(CaretAssign, "'^='") X(AtAssign, "'@='")  \
    /* keywords */                                                                            \
    X(KwFalse, "'False'") X(KwNone, "'None'") X(KwTrue, "'True'") X(KwAnd, "'and'")          \
    X(KwAs, "'as'") X(KwAssert, "'assert'") X(KwAsync, "'async'") X(KwAwait, "'await'")      \
    X(KwBreak, "'break'") X(KwClass, "'class'") X(KwContinue, "'continue'")                  \
    X(KwDef, "'def'") X(KwDel, "'del'") X(KwElif, "'elif'") X(KwElse, "'else'")              \
    X(KwExcept, "'except'") X(KwFinally, "'finally'") X(KwFor, "'for'") X(KwFrom, "'from'")  \
    X(KwGlobal, "'global'") X(KwIf, "'if'") X(KwImport, "'import'") X(KwIn, "'in'")          \
    X(KwIs, "'is'") X(KwLambda, "'lambda'") X(KwNonlocal, "'nonlocal'") X(KwNot, "'not'")    \
    X(KwOr, "'or'") X(KwPass, "'pass'") X(KwRaise, "'raise'") X(KwReturn, "'return'")        \
    X(KwTry, "'try'") X(KwWhile, "'while'") X(KwWith, "'with'") X(KwYield, "'yield'")

enum class TokenKind : std::uint8_t {
#define HOTPATH_TOKEN_ENUM(kind, spelling) kind,
    HOTPATH_TOKEN_KINDS(HOTPATH_TOKEN_ENUM)
#undef HOTPATH_TOKEN_ENUM
};

const char *tokenSpelling(TokenKind kind);

struct Token
{
    TokenKind kind = TokenKind::EndOfFile;
    Span span;
    // Name: the identifier. String: the decoded value. FString: the raw body between the
    // quotes (escapes are decoded per literal part by the parser). Int/Float: the digits.
    std::string text;
    std::uint64_t intValue = 0; // Int: value if it fits in 64 bits
    bool intTooLarge = false;   // Int: the literal does not fit in 64 bits
    double floatValue = 0;      // Float
    bool rawString = false;     // String/FString had an r prefix
    support::Offset bodyOffset = 0; // FString: offset of the first body byte
};

} // namespace hotpath::lang
