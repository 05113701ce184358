// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/lang/Lexer.h"

#include "hotpath/support/Text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <unordered_map>

namespace hotpath::lang {

using support::Offset;

const char *tokenSpelling(TokenKind kind)
{
    static constexpr const char *spellings[] = {
#define HOTPATH_TOKEN_SPELLING(kind, spelling) spelling,
        HOTPATH_TOKEN_KINDS(HOTPATH_TOKEN_SPELLING)
#undef HOTPATH_TOKEN_SPELLING
    };
    return spellings[static_cast<size_t>(kind)];
}

namespace {

const std::unordered_map<std::string_view, TokenKind> &keywords()
{
    static const std::unordered_map<std::string_view, TokenKind> table = {
        {"False", TokenKind::KwFalse},   {"None", TokenKind::KwNone},       {"True", TokenKind::KwTrue},
        {"and", TokenKind::KwAnd},       {"as", TokenKind::KwAs},           {"assert", TokenKind::KwAssert},
        {"async", TokenKind::KwAsync},   {"await", TokenKind::KwAwait},     {"break", TokenKind::KwBreak},
        {"class", TokenKind::KwClass},   {"continue", TokenKind::KwContinue}, {"def", TokenKind::KwDef},
        {"del", TokenKind::KwDel},       {"elif", TokenKind::KwElif},       {"else", TokenKind::KwElse},
        {"except", TokenKind::KwExcept}, {"finally", TokenKind::KwFinally}, {"for", TokenKind::KwFor},
        {"from", TokenKind::KwFrom},     {"global", TokenKind::KwGlobal},   {"if", TokenKind::KwIf},
        {"import", TokenKind::KwImport}, {"in", TokenKind::KwIn},           {"is", TokenKind::KwIs},
        {"lambda", TokenKind::KwLambda}, {"nonlocal", TokenKind::KwNonlocal}, {"not", TokenKind::KwNot},
        {"or", TokenKind::KwOr},         {"pass", TokenKind::KwPass},       {"raise", TokenKind::KwRaise},
        {"return", TokenKind::KwReturn}, {"try", TokenKind::KwTry},         {"while", TokenKind::KwWhile},
        {"with", TokenKind::KwWith},     {"yield", TokenKind::KwYield},
    };
    return table;
}

struct OperatorSpelling
{
    std::string_view text;
    TokenKind kind;
};

// Longest spellings first so that a prefix never wins over a longer operator.
constexpr std::array<OperatorSpelling, 47> operators = {{
    {"**=", TokenKind::DoubleStarAssign}, {"//=", TokenKind::DoubleSlashAssign},
    {">>=", TokenKind::RShiftAssign},     {"<<=", TokenKind::LShiftAssign},
    {"...", TokenKind::Ellipsis},         {"->", TokenKind::Arrow},
    {"**", TokenKind::DoubleStar},        {"//", TokenKind::DoubleSlash},
    {"<<", TokenKind::LShift},            {">>", TokenKind::RShift},
    {"<=", TokenKind::LessEqual},         {">=", TokenKind::GreaterEqual},
    {"==", TokenKind::EqualEqual},        {"!=", TokenKind::NotEqual},
    {"+=", TokenKind::PlusAssign},        {"-=", TokenKind::MinusAssign},
    {"*=", TokenKind::StarAssign},        {"/=", TokenKind::SlashAssign},
    {"%=", TokenKind::PercentAssign},     {"&=", TokenKind::AmpAssign},
    {"|=", TokenKind::PipeAssign},        {"^=", TokenKind::CaretAssign},
    {"@=", TokenKind::AtAssign},          {":=", TokenKind::Walrus},
    {"(", TokenKind::LParen},             {")", TokenKind::RParen},
    {"[", TokenKind::LBracket},           {"]", TokenKind::RBracket},
    {"{", TokenKind::LBrace},             {"}", TokenKind::RBrace},
    {",", TokenKind::Comma},              {":", TokenKind::Colon},
    {".", TokenKind::Dot},                {";", TokenKind::Semicolon},
    {"@", TokenKind::At},                 {"=", TokenKind::Assign},
    {"!", TokenKind::Bang},               {"+", TokenKind::Plus},
    {"-", TokenKind::Minus},              {"*", TokenKind::Star},
    {"/", TokenKind::Slash},              {"%", TokenKind::Percent},
    {"&", TokenKind::Amp},                {"|", TokenKind::Pipe},
    {"^", TokenKind::Caret},              {"~", TokenKind::Tilde},
    {"<", TokenKind::Less},
}};

bool isIdentifierStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool isIdentifierChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

std::string codePointName(char32_t cp)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

} // namespace

Lexer::Lexer(const support::SourceFile &file, support::DiagnosticSink &sink, LexMode mode, Offset begin, Offset end)
    : m_file(file), m_sink(sink), m_text(file.text()), m_mode(mode), m_pos(begin),
      m_end(std::min<Offset>(end, static_cast<Offset>(file.text().size())))
{
}

char Lexer::peek(size_t ahead) const
{
    const size_t at = m_pos + ahead;
    return at < m_end ? m_text[at] : '\0';
}

Token &Lexer::pushToken(TokenKind kind, Offset begin)
{
    Token token;
    token.kind = kind;
    token.span = {begin, m_pos};
    m_tokens.push_back(std::move(token));
    return m_tokens.back();
}

void Lexer::push(TokenKind kind, Offset begin) { pushToken(kind, begin); }

std::vector<Token> Lexer::tokenize()
{
    while (m_pos < m_end) {
        if (m_mode == LexMode::File && m_atLineStart && m_bracketDepth == 0) {
            lexLineStart();
            continue;
        }
        lexToken();
    }
    if (m_mode == LexMode::File && !m_openBrackets.empty()) {
        const Offset open = m_openBrackets.front();
        m_unclosed = open;
        m_sink.error({open, open + 1}, "'" + std::string(1, m_text[open]) + "' was never closed");
    }
    if (m_mode == LexMode::File) {
        if (!m_tokens.empty() && m_tokens.back().kind != TokenKind::Newline)
            push(TokenKind::Newline, m_pos);
        while (m_indents.size() > 1) {
            m_indents.pop_back();
            m_altIndents.pop_back();
            push(TokenKind::Dedent, m_pos);
        }
    }
    push(TokenKind::EndOfFile, m_pos);
    return std::move(m_tokens);
}

// Measures the indentation of a logical line and emits INDENT/DEDENT. Blank and
// comment-only lines do not count, as in Python.
void Lexer::lexLineStart()
{
    // Like CPython, measure with tabs to multiples of 8 and with tabs as one column; when
    // the two measures disagree about the block structure, the file mixes tabs and spaces
    // ambiguously.
    int column = 0;
    int altColumn = 0;
    while (m_pos < m_end) {
        const char c = peek();
        if (c == ' ') {
            ++column;
            ++altColumn;
        } else if (c == '\t') {
            column = (column / 8 + 1) * 8;
            ++altColumn;
        } else if (c == '\f') {
            column = altColumn = 0;
        } else {
            break;
        }
        ++m_pos;
    }
    const char c = peek();
    if (c == '\n' || c == '\r' || c == '#' || m_pos >= m_end) {
        while (m_pos < m_end && peek() != '\n')
            ++m_pos;
        if (m_pos < m_end)
            ++m_pos;
        return;
    }
    m_atLineStart = false;
    const auto inconsistent = [&] {
        m_sink.error({m_pos, m_pos + 1}, "inconsistent use of tabs and spaces in indentation");
    };
    if (column > m_indents.back()) {
        if (altColumn <= m_altIndents.back())
            inconsistent();
        m_indents.push_back(column);
        m_altIndents.push_back(altColumn);
        push(TokenKind::Indent, m_pos);
        return;
    }
    while (column < m_indents.back()) {
        m_indents.pop_back();
        m_altIndents.pop_back();
        push(TokenKind::Dedent, m_pos);
    }
    if (column != m_indents.back()) {
        m_sink.error({m_pos, m_pos + 1}, "unindent does not match any outer indentation level");
        m_indents.push_back(column);
        m_altIndents.push_back(altColumn);
    } else if (altColumn != m_altIndents.back()) {
        inconsistent();
    }
}

void Lexer::lexToken()
{
    const char c = peek();
    const Offset begin = m_pos;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
        ++m_pos;
        return;
    }
    if (c == '\n') {
        ++m_pos;
        if (m_mode == LexMode::File && m_bracketDepth == 0) {
            if (!m_tokens.empty() && m_tokens.back().kind != TokenKind::Newline)
                push(TokenKind::Newline, begin);
            m_atLineStart = true;
        }
        return;
    }
    if (c == '#') {
        while (m_pos < m_end && peek() != '\n')
            ++m_pos;
        return;
    }
    if (c == '\\') {
        const bool crlf = peek(1) == '\r' && peek(2) == '\n';
        if (peek(1) == '\n' || crlf) {
            m_pos += crlf ? 3 : 2;
            return;
        }
        ++m_pos;
        m_sink.error({begin, m_pos}, "unexpected character after line continuation character");
        push(TokenKind::Error, begin);
        return;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
        lexNumber();
        return;
    }
    if (isIdentifierStart(static_cast<unsigned char>(c))) {
        lexName();
        return;
    }
    if (c == '"' || c == '\'') {
        lexString(begin, false, false, false);
        return;
    }
    lexOperator();
}

void Lexer::lexName()
{
    const Offset begin = m_pos;
    while (m_pos < m_end && isIdentifierChar(static_cast<unsigned char>(peek())))
        ++m_pos;
    const std::string_view word = m_text.substr(begin, m_pos - begin);

    // A string prefix directly followed by a quote: r"", f"", b"", rf"", ...
    if ((peek() == '"' || peek() == '\'') && word.size() <= 2) {
        bool raw = false, formatted = false, bytes = false, valid = true;
        for (char p : word) {
            switch (std::tolower(static_cast<unsigned char>(p))) {
            case 'r': raw = true; break;
            case 'f': formatted = true; break;
            case 'b': bytes = true; break;
            case 'u': valid = word.size() == 1; break;
            default: valid = false;
            }
        }
        if (valid && !(formatted && bytes)) {
            lexString(begin, raw, formatted, bytes);
            return;
        }
    }

    // Non-ASCII letters are allowed in identifiers; other symbols are not.
    for (size_t i = 0; i < word.size();) {
        const size_t at = i;
        const char32_t cp = support::decodeUtf8(word, i);
        const bool letter = cp < 0x80 || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF)
                                          && !(cp >= 0x3000 && cp <= 0x303F) && cp != 0xFFFD && !(cp >= 0x1F000));
        if (!letter) {
            m_sink.error({begin + static_cast<Offset>(at), begin + static_cast<Offset>(i)},
                         "invalid character '" + std::string(word.substr(at, i - at)) + "' (" + codePointName(cp) + ")");
            push(TokenKind::Error, begin);
            return;
        }
    }

    auto keyword = keywords().find(word);
    Token &token = pushToken(keyword != keywords().end() ? keyword->second : TokenKind::Name, begin);
    token.text = std::string(word);
}

void Lexer::lexNumber()
{
    const Offset begin = m_pos;
    std::string digits;
    bool isFloat = false;
    bool bad = false;
    int base = 10;

    // Digits with single underscores between them, as Python allows.
    auto readDigits = [&](auto isDigit) {
        bool any = false;
        while (m_pos < m_end) {
            const char c = peek();
            if (isDigit(c)) {
                digits += c;
                any = true;
                ++m_pos;
            } else if (c == '_' && any && isDigit(peek(1))) {
                ++m_pos;
            } else {
                break;
            }
        }
        return any;
    };
    auto decimal = [](char c) { return c >= '0' && c <= '9'; };

    const char second = static_cast<char>(std::tolower(static_cast<unsigned char>(peek(1))));
    if (peek() == '0' && (second == 'x' || second == 'o' || second == 'b')) {
        base = second == 'x' ? 16 : second == 'o' ? 8 : 2;
        m_pos += 2;
        if (peek() == '_')
            ++m_pos;
        bad = !readDigits([base](char c) {
            if (base == 16)
                return std::isxdigit(static_cast<unsigned char>(c)) != 0;
            return c >= '0' && c < static_cast<char>('0' + base);
        });
        if (base != 16 && std::isdigit(static_cast<unsigned char>(peek()))) {
            const Offset digit = m_pos;
            while (m_pos < m_end && isIdentifierChar(static_cast<unsigned char>(peek())))
                ++m_pos;
            m_sink.error({digit, digit + 1}, std::string("invalid digit '") + m_text[digit] + "' in "
                                                 + (base == 2 ? "binary" : "octal") + " literal");
            push(TokenKind::Error, begin);
            return;
        }
    } else {
        readDigits(decimal);
        if (peek() == '.' && !(peek(1) == '.' && peek(2) == '.')) {
            isFloat = true;
            digits += '.';
            ++m_pos;
            readDigits(decimal);
        }
        if ((peek() == 'e' || peek() == 'E')
            && (decimal(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && decimal(peek(2))))) {
            isFloat = true;
            digits += 'e';
            ++m_pos;
            if (peek() == '+' || peek() == '-') {
                digits += peek();
                ++m_pos;
            }
            readDigits(decimal);
        }
    }

    if (peek() == 'j' || peek() == 'J') {
        ++m_pos;
        push(TokenKind::Imaginary, begin);
        return;
    }
    if (bad || (m_pos < m_end && isIdentifierChar(static_cast<unsigned char>(peek())))) {
        while (m_pos < m_end && isIdentifierChar(static_cast<unsigned char>(peek())))
            ++m_pos;
        const char *what = base == 16 ? "invalid hexadecimal literal" : base == 8 ? "invalid octal literal"
                         : base == 2 ? "invalid binary literal" : "invalid decimal literal";
        m_sink.error({begin, m_pos}, what);
        push(TokenKind::Error, begin);
        return;
    }

    if (isFloat) {
        Token &token = pushToken(TokenKind::Float, begin);
        token.text = digits;
        if (digits.front() == '.')
            digits.insert(digits.begin(), '0');
        // from_chars is locale-independent, unlike strtod under a Qt application.
        std::from_chars(digits.data(), digits.data() + digits.size(), token.floatValue);
        return;
    }
    if (base == 10 && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) {
        m_sink.error({begin, m_pos}, "leading zeros in decimal integer literals are not permitted; "
                                     "use an 0o prefix for octal integers");
        push(TokenKind::Error, begin);
        return;
    }
    Token &token = pushToken(TokenKind::Int, begin);
    token.text = std::string(m_text.substr(begin, m_pos - begin));
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), token.intValue, base);
    token.intTooLarge = result.ec == std::errc::result_out_of_range;
}

// Scans a string literal whose prefix starts at prefixBegin and whose opening quote is
// at m_pos. Backslashes always protect the next character from ending the literal
// (even in raw strings, as in Python).
void Lexer::lexString(Offset prefixBegin, bool raw, bool formatted, bool bytes)
{
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    const Offset quoteLength = triple ? 3 : 1;
    m_pos += quoteLength;
    const Offset bodyBegin = m_pos;
    const int startLine = m_file.lineColumn(prefixBegin).line;
    Offset bodyEnd = 0;
    bool terminated = false;
    while (m_pos < m_end) {
        const char c = peek();
        if (c == '\\') {
            m_pos += (m_pos + 1 < m_end) ? 2 : 1;
            continue;
        }
        if (c == '\n' && !triple)
            break;
        if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
            bodyEnd = m_pos;
            m_pos += quoteLength;
            terminated = true;
            break;
        }
        ++m_pos;
    }
    if (!terminated) {
        // CPython names the line of the last character, not the empty line after it.
        const int line = m_file.lineColumn(m_pos > 0 && m_text[m_pos - 1] == '\n' ? m_pos - 1 : m_pos).line;
        m_sink.error({prefixBegin, bodyBegin},
                     std::string(triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
                         + " (detected at line " + std::to_string(triple ? line : startLine) + ")");
        push(TokenKind::Error, prefixBegin);
        return;
    }
    const std::string_view body = m_text.substr(bodyBegin, bodyEnd - bodyBegin);
    if (bytes) {
        push(TokenKind::Bytes, prefixBegin);
        return;
    }
    Token &token = pushToken(formatted ? TokenKind::FString : TokenKind::String, prefixBegin);
    token.rawString = raw;
    token.bodyOffset = bodyBegin;
    if (formatted || raw)
        token.text = std::string(body);
    else
        token.text = decodeStringEscapes(body, bodyBegin, m_sink);
}

void Lexer::lexOperator()
{
    const Offset begin = m_pos;
    const std::string_view rest = m_text.substr(m_pos, m_end - m_pos);
    for (const OperatorSpelling &op : operators) {
        if (rest.substr(0, op.text.size()) == op.text) {
            m_pos += static_cast<Offset>(op.text.size());
            switch (op.kind) {
            case TokenKind::LParen:
            case TokenKind::LBracket:
            case TokenKind::LBrace:
                ++m_bracketDepth;
                m_openBrackets.push_back(begin);
                break;
            case TokenKind::RParen:
            case TokenKind::RBracket:
            case TokenKind::RBrace: {
                const char close = op.text[0];
                if (m_openBrackets.empty()) {
                    m_sink.error({begin, m_pos}, std::string("unmatched '") + close + "'");
                    push(TokenKind::Error, begin);
                    return;
                }
                const char open = m_text[m_openBrackets.back()];
                if ((open == '(' && close != ')') || (open == '[' && close != ']') || (open == '{' && close != '}'))
                    m_sink.error({begin, m_pos}, std::string("closing parenthesis '") + close
                                                     + "' does not match opening parenthesis '" + open + "'");
                m_bracketDepth = std::max(0, m_bracketDepth - 1);
                m_openBrackets.pop_back();
                break;
            }
            default: break;
            }
            push(op.kind, begin);
            return;
        }
    }
    if (rest.substr(0, 1) == ">") {
        ++m_pos;
        push(TokenKind::Greater, begin);
        return;
    }
    size_t i = 0;
    const char32_t cp = support::decodeUtf8(rest, i);
    m_pos += static_cast<Offset>(i);
    m_sink.error({begin, m_pos}, "invalid character '" + std::string(rest.substr(0, i)) + "' (" + codePointName(cp) + ")");
    push(TokenKind::Error, begin);
}

std::string decodeStringEscapes(std::string_view raw, Offset base, support::DiagnosticSink &sink)
{
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i++];
            continue;
        }
        const size_t start = i;
        const char e = raw[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x':
        case 'u':
        case 'U': {
            const size_t width = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            unsigned value = 0;
            const auto result = std::from_chars(raw.data() + i, raw.data() + std::min(raw.size(), i + width), value, 16);
            if (result.ec != std::errc() || static_cast<size_t>(result.ptr - (raw.data() + i)) != width) {
                sink.error({base + static_cast<Offset>(start), base + static_cast<Offset>(std::min(raw.size(), i + width))},
                           std::string("truncated \\") + e + "XXXX escape");
                i = std::min(raw.size(), i + width);
                break;
            }
            i += width;
            if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
                sink.error({base + static_cast<Offset>(start), base + static_cast<Offset>(i)},
                           "illegal Unicode character in escape sequence");
                break;
            }
            support::appendUtf8(out, value);
            break;
        }
        case 'N':
            sink.error({base + static_cast<Offset>(start), base + static_cast<Offset>(i)},
                       "\\N{...} escapes are not supported in Hotpath handlers; use \\u or \\U");
            while (i < raw.size() && raw[i] != '}')
                ++i;
            if (i < raw.size())
                ++i;
            break;
        default:
            if (e >= '0' && e <= '7') {
                unsigned value = static_cast<unsigned>(e - '0');
                for (int k = 0; k < 2 && i < raw.size() && raw[i] >= '0' && raw[i] <= '7'; ++k)
                    value = value * 8 + static_cast<unsigned>(raw[i++] - '0');
                support::appendUtf8(out, value);
            } else {
                // Python keeps unknown escapes as they are (with a warning).
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

} // namespace hotpath::lang
