// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/lang/Lexer.h"

#include <QtTest/QtTest>

using namespace hotpath;
using lang::TokenKind;

namespace {

struct Lexed
{
    std::vector<lang::Token> tokens;
    std::vector<support::Diagnostic> diagnostics;
};

Lexed lex(const std::string &text)
{
    support::SourceFile file("t.py", text);
    support::DiagnosticSink sink;
    lang::Lexer lexer(file, sink);
    return {lexer.tokenize(), sink.diagnostics()};
}

std::vector<TokenKind> kinds(const std::string &text)
{
    std::vector<TokenKind> result;
    for (const lang::Token &token : lex(text).tokens)
        result.push_back(token.kind);
    return result;
}

} // namespace

class TestLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indentationProducesIndentAndDedent()
    {
        const auto result = kinds("if x:\n    y\nz\n");
        const std::vector<TokenKind> expected = {TokenKind::KwIf, TokenKind::Name, TokenKind::Colon, TokenKind::Newline,
                                                 TokenKind::Indent, TokenKind::Name, TokenKind::Newline,
                                                 TokenKind::Dedent, TokenKind::Name, TokenKind::Newline,
                                                 TokenKind::EndOfFile};
        QCOMPARE(result, expected);
    }

    void blankAndCommentLinesDoNotChangeIndentation()
    {
        const auto result = kinds("def f():\n    a\n\n  # comment\n    b\n");
        QCOMPARE(std::count(result.begin(), result.end(), TokenKind::Indent), 1);
        QCOMPARE(std::count(result.begin(), result.end(), TokenKind::Dedent), 1);
    }

    void bracketsJoinLines()
    {
        const auto result = kinds("x = (1,\n     2)\n");
        QCOMPARE(std::count(result.begin(), result.end(), TokenKind::Newline), 1);
        QCOMPARE(std::count(result.begin(), result.end(), TokenKind::Indent), 0);
    }

    void backslashContinuesLine()
    {
        const auto result = kinds("x = 1 + \\\n    2\n");
        QCOMPARE(std::count(result.begin(), result.end(), TokenKind::Newline), 1);
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<qulonglong>("value");
        QTest::newRow("decimal") << "42" << 42ull;
        QTest::newRow("underscores") << "1_000_000" << 1000000ull;
        QTest::newRow("hex") << "0xFF" << 255ull;
        QTest::newRow("octal") << "0o17" << 15ull;
        QTest::newRow("binary") << "0b1010" << 10ull;
        QTest::newRow("zero") << "0" << 0ull;
        QTest::newRow("zeros") << "000" << 0ull;
        QTest::newRow("int64 max") << "9223372036854775807" << 9223372036854775807ull;
    }
    void numbers()
    {
        QFETCH(QString, source);
        QFETCH(qulonglong, value);
        const Lexed result = lex(source.toStdString());
        QVERIFY(result.diagnostics.empty());
        QCOMPARE(result.tokens[0].kind, TokenKind::Int);
        QCOMPARE(static_cast<qulonglong>(result.tokens[0].intValue), value);
    }

    void floats_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("value");
        QTest::newRow("simple") << "1.5" << 1.5;
        QTest::newRow("leading dot") << ".25" << 0.25;
        QTest::newRow("trailing dot") << "3." << 3.0;
        QTest::newRow("exponent") << "1e10" << 1e10;
        QTest::newRow("negative exponent") << "2.5e-3" << 2.5e-3;
        QTest::newRow("underscores") << "1_000.5" << 1000.5;
    }
    void floats()
    {
        QFETCH(QString, source);
        QFETCH(double, value);
        const Lexed result = lex(source.toStdString());
        QVERIFY(result.diagnostics.empty());
        QCOMPARE(result.tokens[0].kind, TokenKind::Float);
        QCOMPARE(result.tokens[0].floatValue, value);
    }

    void tooLargeIntegerIsFlagged()
    {
        const Lexed result = lex("99999999999999999999999");
        QCOMPARE(result.tokens[0].kind, TokenKind::Int);
        QVERIFY(result.tokens[0].intTooLarge);
    }

    void leadingZerosAreRejected()
    {
        const Lexed result = lex("x = 012\n");
        QCOMPARE(result.diagnostics.size(), size_t(1));
        QVERIFY(result.diagnostics[0].message.find("leading zeros") != std::string::npos);
        QCOMPARE(result.diagnostics[0].span.begin, 4u);
    }

    void stringEscapes_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("value");
        QTest::newRow("newline") << R"("a\nb")" << "a\nb";
        QTest::newRow("quote") << R"('it\'s')" << "it's";
        QTest::newRow("hex") << R"("\x41")" << "A";
        QTest::newRow("unicode") << R"("\u00e9")" << QString::fromUtf8("\xC3\xA9");
        QTest::newRow("octal") << R"("\101")" << "A";
        QTest::newRow("unknown kept") << R"("\d")" << "\\d";
        QTest::newRow("raw") << R"(r"\n")" << "\\n";
        QTest::newRow("triple") << "'''a\nb'''" << "a\nb";
    }
    void stringEscapes()
    {
        QFETCH(QString, source);
        QFETCH(QString, value);
        const Lexed result = lex(source.toStdString());
        QVERIFY(result.diagnostics.empty());
        QCOMPARE(result.tokens[0].kind, TokenKind::String);
        QCOMPARE(QString::fromStdString(result.tokens[0].text), value);
    }

    void fstringKeepsRawBody()
    {
        const Lexed result = lex("f'x={x:>4}'");
        QCOMPARE(result.tokens[0].kind, TokenKind::FString);
        QCOMPARE(result.tokens[0].text, std::string("x={x:>4}"));
        QCOMPARE(result.tokens[0].bodyOffset, 2u);
    }

    void unterminatedStringNamesTheLine()
    {
        const Lexed result = lex("x = 1\ny = 'abc\n");
        QCOMPARE(result.diagnostics.size(), size_t(1));
        QCOMPARE(result.diagnostics[0].message, std::string("unterminated string literal (detected at line 2)"));
    }

    void invalidCharacterIsNamed()
    {
        const Lexed result = lex("x = 1 $ 2\n");
        QCOMPARE(result.diagnostics.size(), size_t(1));
        QCOMPARE(result.diagnostics[0].message, std::string("invalid character '$' (U+0024)"));
        QCOMPARE(result.diagnostics[0].span.begin, 6u);
    }

    void operatorsUseLongestMatch()
    {
        const auto result = kinds("a **= b // c -> d != e\n");
        QCOMPARE(result[1], TokenKind::DoubleStarAssign);
        QCOMPARE(result[3], TokenKind::DoubleSlash);
        QCOMPARE(result[5], TokenKind::Arrow);
        QCOMPARE(result[7], TokenKind::NotEqual);
    }

    void inconsistentDedentIsReported()
    {
        const Lexed result = lex("if x:\n        a\n    b\n");
        QCOMPARE(result.diagnostics.size(), size_t(1));
        QCOMPARE(result.diagnostics[0].message, std::string("unindent does not match any outer indentation level"));
    }

    void columnsCountCodePoints()
    {
        support::SourceFile file("t.py", "s = \"\xC3\xA9\xC3\xA9\" + x\n");
        const auto at = file.lineColumn(static_cast<support::Offset>(file.text().find('+')));
        QCOMPARE(at.line, 1);
        QCOMPARE(at.column, 10);
    }

    void keywordsAreRecognised()
    {
        const auto result = kinds("lambda def class try with yield");
        QCOMPARE(result[0], TokenKind::KwLambda);
        QCOMPARE(result[1], TokenKind::KwDef);
        QCOMPARE(result[2], TokenKind::KwClass);
        QCOMPARE(result[3], TokenKind::KwTry);
        QCOMPARE(result[4], TokenKind::KwWith);
        QCOMPARE(result[5], TokenKind::KwYield);
    }
};

QTEST_APPLESS_MAIN(TestLexer)
#include "tst_lexer.moc"
