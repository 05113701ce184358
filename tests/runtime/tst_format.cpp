// SPDX-License-Identifier: GPL-3.0-or-later
// Formatting equals CPython's: float repr on thousands of hard round-trip cases, and
// the format mini-language.
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"

#include <QtTest/QtTest>

#include <cstring>

using namespace hotpath;
using namespace hotpath::runtime;

namespace {

std::string floatRepr(double value)
{
    std::string out;
    appendFloatRepr(out, value);
    return out;
}

std::string format(double value, const char *spec)
{
    std::string error;
    auto parsed = support::parseFormatSpec(spec, error);
    std::string out;
    static const TypeDesc floatType{Kind::Float, nullptr, 0, nullptr, nullptr, nullptr};
    Slot slot;
    slot.f = value;
    appendFormatted(out, slot, &floatType, *parsed);
    return out;
}

std::string formatInt(std::int64_t value, const char *spec)
{
    std::string error;
    auto parsed = support::parseFormatSpec(spec, error);
    std::string out;
    static const TypeDesc intType{Kind::Int, nullptr, 0, nullptr, nullptr, nullptr};
    Slot slot;
    slot.i = value;
    appendFormatted(out, slot, &intType, *parsed);
    return out;
}

} // namespace

class TestFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floatReprMatchesCPythonOnHardCases()
    {
        QFile file(QStringLiteral(HOTPATH_FLOAT_CASES));
        QVERIFY(file.open(QIODevice::ReadOnly));
        int cases = 0;
        int wrong = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            bool ok = false;
            const quint64 bits = parts.at(0).toULongLong(&ok, 16);
            QVERIFY(ok);
            double value;
            std::memcpy(&value, &bits, sizeof value);
            const std::string actual = floatRepr(value);
            if (actual != parts.at(1).toStdString() && ++wrong <= 10)
                qWarning("%s: expected %s, got %s", parts.at(0).constData(), parts.at(1).constData(), actual.c_str());
            ++cases;
        }
        QVERIFY(cases >= 1000);
        QCOMPARE(wrong, 0);
    }

    void formatSpecs_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow(".2f") << 3.14159 << ".2f" << "3.14";
        QTest::newRow(",.2f") << 1234567.891 << ",.2f" << "1,234,567.89";
        QTest::newRow("e") << 12345.678 << "e" << "1.234568e+04";
        QTest::newRow("g small") << 0.0001234 << "g" << "0.0001234";
        QTest::newRow("g large") << 123456789.0 << "g" << "1.23457e+08";
        QTest::newRow("%") << 0.125 << ".1%" << "12.5%";
        QTest::newRow("width") << 2.5 << "8.3f" << "   2.500";
        QTest::newRow("zero pad") << -2.5 << "08.2f" << "-0002.50";
        QTest::newRow("no type precision") << 100.0 << ".3" << "1e+02";
        QTest::newRow("no type keeps .0") << 1.0 << ".3" << "1.0";
        QTest::newRow("inf zero padded") << std::numeric_limits<double>::infinity() << "08" << "00000inf";
        QTest::newRow("plus sign") << 0.1 << "+" << "+0.1";
        QTest::newRow("round half even f") << 2.675 << ".2f" << "2.67";
        QTest::newRow("negative zero z") << -0.0001 << "z.2f" << "0.00";
    }
    void formatSpecs()
    {
        QFETCH(double, value);
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(format(value, spec.toUtf8().constData())), expected);
    }

    void intSpecs_data()
    {
        QTest::addColumn<qlonglong>("value");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow(">5") << 42LL << ">5" << "   42";
        QTest::newRow("05d") << 42LL << "05d" << "00042";
        QTest::newRow("x") << 255LL << "x" << "ff";
        QTest::newRow("#X") << 255LL << "#X" << "0XFF";
        QTest::newRow("b") << 5LL << "08b" << "00000101";
        QTest::newRow(",") << -1234567LL << "," << "-1,234,567";
        QTest::newRow("_x") << 0x12345678LL << "_x" << "1234_5678";
        QTest::newRow("^") << 7LL << "*^5" << "**7**";
        QTest::newRow("= align") << -7LL << "=5" << "-   7";
        QTest::newRow("float type") << 3LL << ".1f" << "3.0";
        QTest::newRow("min") << static_cast<qlonglong>(INT64_MIN) << "" << "-9223372036854775808";
    }
    void intSpecs()
    {
        QFETCH(qlonglong, value);
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(formatInt(value, spec.toUtf8().constData())), expected);
    }

    void roundIsCorrectlyRounded_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("digits");
        QTest::addColumn<double>("expected");
        QTest::newRow("2.675") << 2.675 << 2 << 2.67;
        QTest::newRow("0.125 half even") << 0.125 << 2 << 0.12;
        QTest::newRow("0.375 half even") << 0.375 << 2 << 0.38;
        QTest::newRow("1234.5 -2") << 1234.5 << -2 << 1200.0;
        QTest::newRow("1250 -2 half even") << 1250.0 << -2 << 1200.0;
        QTest::newRow("1350 -2 half even") << 1350.0 << -2 << 1400.0;
        QTest::newRow("negative") << -2.5 << 0 << -2.0;
    }
    void roundIsCorrectlyRounded()
    {
        QFETCH(double, value);
        QFETCH(int, digits);
        QFETCH(double, expected);
        QCOMPARE(roundFloat(value, digits), expected);
    }

    void strReprQuotesAndEscapes()
    {
        auto repr = [](const char *text) {
            std::string out;
            appendStrRepr(out, text);
            return out;
        };
        QCOMPARE(repr("it's"), std::string("\"it's\""));
        QCOMPARE(repr("a\"b'c"), std::string("'a\"b\\'c'"));
        QCOMPARE(repr("tab\there\n"), std::string("'tab\\there\\n'"));
        QCOMPARE(repr("\x01"), std::string("'\\x01'"));
        QCOMPARE(repr("caf\xC3\xA9"), std::string("'caf\xC3\xA9'"));
    }
};

QTEST_APPLESS_MAIN(TestFormat)
#include "tst_format.moc"
