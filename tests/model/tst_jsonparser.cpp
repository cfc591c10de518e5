// Tests for the strict JSON parser (model/io/jsonparser.h) and JsonValue.
#include "io/jsonparser.h"

#include <QtTest>

#include <cmath>

using namespace mc;

class TestJsonParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void duplicateKeyPath_data();
    void duplicateKeyPath();
    void invalidUtf8_data();
    void invalidUtf8();
    void depth();
    void numbers_data();
    void numbers();
    void numberFromDouble_data();
    void numberFromDouble();
    void keyOrderAndLookup();
    void quote();
};

void TestJsonParser::valid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("compact");

    QTest::newRow("object keeps key order")
        << QByteArray(R"({"z": 1, "a": [true, false, null], "m": {}})")
        << QStringLiteral(R"({"z": 1, "a": [true, false, null], "m": {}})");
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \t\r\n{ \"a\" :\n[ 1 ,2 ] }\n ") << QStringLiteral(R"({"a": [1, 2]})");
    QTest::newRow("number lexemes kept")
        << QByteArray("[1.0, -0, 1E+2, 0.5e-3, 1e999, 123456789012345678901234567890]")
        << QStringLiteral("[1.0, -0, 1E+2, 0.5e-3, 1e999, 123456789012345678901234567890]");
    QTest::newRow("escapes decoded")
        << QByteArray(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d"])")
        << QStringLiteral("[\"\\\"\\\\/\\b\\f\\n\\r\\t\", \"\u00e9\u4e2d\"]");
    QTest::newRow("surrogate pair")
        << QByteArray(R"("\ud83d\ude00")") << QString::fromUtf8("\"\xF0\x9F\x98\x80\"");
    QTest::newRow("raw UTF-8 kept") << QByteArray("\"caf\xC3\xA9 \xF0\x9F\x98\x80\"")
                                    << QString::fromUtf8("\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
    QTest::newRow("scalar at top") << QByteArray("42") << QStringLiteral("42");
    QTest::newRow("null at top") << QByteArray("null") << QStringLiteral("null");
    QTest::newRow("empty string key") << QByteArray(R"({"": ""})") << QStringLiteral(R"({"": ""})");
    QTest::newRow("leading BOM ignored")
        << QByteArray("\xEF\xBB\xBF{\"a\": 1}") << QStringLiteral(R"({"a": 1})");
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")") << QStringLiteral(R"("a\u0000b")");
}

void TestJsonParser::valid()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, compact);
    const JsonParseResult r = parseJson(input);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.value->toCompactJson(), compact);
}

void TestJsonParser::invalid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty")
        << QByteArray()
        << QStringLiteral("line 1, column 1: unexpected end of input, expected a JSON value");
    QTest::newRow("unclosed object")
        << QByteArray("{")
        << QStringLiteral(
               "line 1, column 2: unexpected end of input, expected a string as object key");
    QTest::newRow("missing colon")
        << QByteArray(R"({"a" 1})")
        << QStringLiteral("line 1, column 6: expected ':' after object key, found '1'");
    QTest::newRow("missing comma in object")
        << QByteArray("{\n  \"a\": 1,\n  \"b\": [1, 2] \"c\": 3\n}")
        << QStringLiteral("line 3, column 15: expected ',' or '}' after object member, found '\"'");
    QTest::newRow("missing comma in array")
        << QByteArray("[1 2]")
        << QStringLiteral("line 1, column 4: expected ',' or ']' after array element, found '2'");
    QTest::newRow("trailing comma in array")
        << QByteArray("[1,]") << QStringLiteral("line 1, column 4: trailing comma before ']'");
    QTest::newRow("trailing comma in object")
        << QByteArray("{\"a\": 1,\n}")
        << QStringLiteral("line 2, column 1: trailing comma before '}'");
    QTest::newRow("bad literal")
        << QByteArray("[tru]")
        << QStringLiteral(
               "line 1, column 2: unknown word \"tru\" (JSON values are strings, numbers, "
               "objects, arrays, true, false and null)");
    QTest::newRow("leading zero")
        << QByteArray("01")
        << QStringLiteral("line 1, column 2: invalid number: leading zeros are not allowed");
    QTest::newRow("lone minus")
        << QByteArray("-")
        << QStringLiteral("line 1, column 2: invalid number: expected a digit after '-'");
    QTest::newRow("no fraction digits")
        << QByteArray("1.")
        << QStringLiteral("line 1, column 3: invalid number: expected a digit after '.'");
    QTest::newRow("no exponent digits")
        << QByteArray("1e+")
        << QStringLiteral("line 1, column 4: invalid number: expected a digit in the exponent");
    QTest::newRow("leading dot") << QByteArray(".5")
                                 << QStringLiteral(
                                        "line 1, column 1: expected a JSON value, found '.'");
    QTest::newRow("unterminated string")
        << QByteArray("[\"abc") << QStringLiteral("line 1, column 2: unterminated string");
    QTest::newRow("unknown escape")
        << QByteArray(R"(["\x"])")
        << QStringLiteral("line 1, column 3: unknown escape sequence \"\\x\" in a string");
    QTest::newRow("short unicode escape")
        << QByteArray(R"("\u12")")
        << QStringLiteral("line 1, column 2: invalid \\u escape: expected four hex digits");
    QTest::newRow("lone high surrogate")
        << QByteArray(R"("a\ud800")")
        << QStringLiteral("line 1, column 3: lone surrogate \\uD800 in a string");
    QTest::newRow("lone low surrogate")
        << QByteArray(R"("\udc00")")
        << QStringLiteral("line 1, column 2: lone surrogate \\uDC00 in a string");
    QTest::newRow("high surrogate then letter")
        << QByteArray(R"("\ud83d\u0041")")
        << QStringLiteral("line 1, column 2: lone surrogate \\uD83D in a string");
    QTest::newRow("raw newline in string")
        << QByteArray("\"a\nb\"")
        << QStringLiteral("line 1, column 3: raw control character U+000A in a string (write it as "
                          "an escape)");
    QTest::newRow("NUL byte")
        << QByteArray("[1,\0]", 5)
        << QStringLiteral(
               "line 1, column 4: expected a JSON value, found control character U+0000");
    QTest::newRow("trailing garbage")
        << QByteArray("{} x")
        << QStringLiteral("line 1, column 4: unexpected 'x' after the end of the JSON value");
    QTest::newRow("two documents")
        << QByteArray("{}\n{}")
        << QStringLiteral("line 2, column 1: unexpected '{' after the end of the JSON value");
    QTest::newRow("single quotes")
        << QByteArray("{'a': 1}")
        << QStringLiteral("line 1, column 2: expected a string as object key, found \"'\"");
    QTest::newRow("column counts code points")
        << QByteArray("{\"\xC3\xA9\xF0\x9F\x98\x80\": 1 x}")
        << QStringLiteral("line 1, column 10: expected ',' or '}' after object member, found 'x'");
    QTest::newRow("non-ASCII found")
        << QByteArray("[\xC3\xA9]")
        << QString::fromUtf8("line 1, column 2: expected a JSON value, found '\xC3\xA9' (U+00E9)");
    QTest::newRow("duplicate key") << QByteArray("{\"a\": 1,\n \"a\": 2}")
                                   << QStringLiteral("line 2, column 2: duplicate key \"a\"");
}

void TestJsonParser::invalid()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    const JsonParseResult r = parseJson(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, error);
    QVERIFY(r.line >= 1);
    QVERIFY(r.column >= 1);
    QCOMPARE(QStringLiteral("line %1, column %2: %3").arg(r.line).arg(r.column).arg(r.message),
             error);
}

void TestJsonParser::duplicateKeyPath_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("top level") << QByteArray(R"({"format": 1, "format": 2})") << QString()
                               << QStringLiteral("duplicate key \"format\"");
    QTest::newRow("in a model") << QByteArray(
                                       R"({"models": [{"name": "A"}, {"name": "B", "name": "C"}]})")
                                << QStringLiteral("models[1]")
                                << QStringLiteral("duplicate key \"name\"");
    QTest::newRow("deep in an extension")
        << QByteArray(R"({"x-meta": {"a b": [0, {"k": 1, "k": 1}]}})")
        << QStringLiteral("x-meta[\"a b\"][1]") << QStringLiteral("duplicate key \"k\"");
    QTest::newRow("same key in sibling objects is fine, not in one")
        << QByteArray(R"([{"a": 1}, {"a": 1}, {"b": 1, "c": 2, "b": 3}])") << QStringLiteral("[2]")
        << QStringLiteral("duplicate key \"b\"");
}

void TestJsonParser::duplicateKeyPath()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const JsonParseResult r = parseJson(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.errorKind, JsonParseResult::Error::DuplicateKey);
    QCOMPARE(r.path, path);
    QCOMPARE(r.message, message);
}

void TestJsonParser::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("error");

    QTest::newRow("Latin-1 byte")
        << QByteArray("[\"caf\xE9\"]") << qsizetype(5)
        << QStringLiteral("line 1, column 6: invalid UTF-8 (byte 0xE9 at byte offset 5)");
    QTest::newRow("0xFF") << QByteArray("\n\xFF") << qsizetype(1)
                          << QStringLiteral(
                                 "line 2, column 1: invalid UTF-8 (byte 0xFF at byte offset 1)");
    QTest::newRow("overlong slash")
        << QByteArray("\"\xC0\xAF\"") << qsizetype(1)
        << QStringLiteral("line 1, column 2: invalid UTF-8 (byte 0xC0 at byte offset 1)");
    QTest::newRow("overlong 3-byte")
        << QByteArray("\"\xE0\x80\xAF\"") << qsizetype(1)
        << QStringLiteral("line 1, column 2: invalid UTF-8 (byte 0xE0 at byte offset 1)");
    QTest::newRow("encoded surrogate")
        << QByteArray("\"\xED\xA0\x80\"") << qsizetype(1)
        << QStringLiteral("line 1, column 2: invalid UTF-8 (byte 0xED at byte offset 1)");
    QTest::newRow("above U+10FFFF")
        << QByteArray("\"\xF4\x90\x80\x80\"") << qsizetype(1)
        << QStringLiteral("line 1, column 2: invalid UTF-8 (byte 0xF4 at byte offset 1)");
    QTest::newRow("truncated at end")
        << QByteArray("\"\xC3\xA9\xE2\x82") << qsizetype(3)
        << QStringLiteral("line 1, column 3: invalid UTF-8 (byte 0xE2 at byte offset 3)");
    QTest::newRow("stray continuation")
        << QByteArray("[1, \x80]") << qsizetype(4)
        << QStringLiteral("line 1, column 5: invalid UTF-8 (byte 0x80 at byte offset 4)");
}

void TestJsonParser::invalidUtf8()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, error);
    QCOMPARE(firstInvalidUtf8(input.constData(), input.size()), offset);
    const JsonParseResult r = parseJson(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.errorKind, JsonParseResult::Error::InvalidUtf8);
    QCOMPARE(r.offset, offset);
    QCOMPARE(r.error, error);
}

void TestJsonParser::depth()
{
    const auto nested = [](int n, char open, char close) {
        return QByteArray(n, open) + QByteArray(n, close);
    };
    QVERIFY(parseJson(nested(kMaxJsonDepth, '[', ']')).ok());

    const JsonParseResult tooDeep = parseJson(nested(kMaxJsonDepth + 1, '[', ']'));
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.errorKind, JsonParseResult::Error::TooDeep);
    QCOMPARE(tooDeep.error, QStringLiteral("line 1, column 257: nesting deeper than 256 levels"));

    // Far deeper input must fail cleanly, not overflow the stack.
    QByteArray objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    const JsonParseResult deepObjects = parseJson(objects);
    QCOMPARE(deepObjects.errorKind, JsonParseResult::Error::TooDeep);
    QCOMPARE(parseJson(nested(1000000, '[', ']')).errorKind, JsonParseResult::Error::TooDeep);
}

void TestJsonParser::numbers_data()
{
    QTest::addColumn<QString>("lexeme");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<double>("value");

    QTest::newRow("integer") << QStringLiteral("260") << true << 260.0;
    QTest::newRow("fraction") << QStringLiteral("-1.5") << true << -1.5;
    QTest::newRow("exponent") << QStringLiteral("2E3") << true << 2000.0;
    QTest::newRow("overflow") << QStringLiteral("1e999") << false << 0.0;
    QTest::newRow("negative overflow") << QStringLiteral("-1e400") << false << 0.0;
    QTest::newRow("underflow is zero") << QStringLiteral("1e-999") << true << 0.0;
    QTest::newRow("long integer") << QStringLiteral("123456789012345678901234567890") << true
                                  << 1.2345678901234568e29;
}

void TestJsonParser::numbers()
{
    QFETCH(QString, lexeme);
    QFETCH(bool, usable);
    QFETCH(double, value);
    const JsonParseResult r = parseJson(lexeme.toUtf8());
    QVERIFY(r.ok());
    QVERIFY(r.value->isNumber());
    QCOMPARE(r.value->text(), lexeme);
    bool ok = !usable;
    QCOMPARE(r.value->toDouble(&ok), value);
    QCOMPARE(ok, usable);
    QVERIFY(isJsonNumberLexeme(lexeme));
}

void TestJsonParser::numberFromDouble_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("integer has no .0") << 42.0 << QStringLiteral("42");
    QTest::newRow("negative") << -260.0 << QStringLiteral("-260");
    QTest::newRow("shortest fraction") << 0.1 << QStringLiteral("0.1");
    QTest::newRow("third") << 1.0 / 3.0 << QStringLiteral("0.3333333333333333");
    QTest::newRow("large") << 1e21 << QStringLiteral("1e+21");
}

void TestJsonParser::numberFromDouble()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    const JsonValue v = JsonValue::number(value);
    QCOMPARE(v.text(), text);
    bool ok = false;
    QCOMPARE(v.toDouble(&ok), value);
    QVERIFY(ok);
    QVERIFY(JsonValue::number(std::nan("")).isNull());
    QVERIFY(JsonValue::number(HUGE_VAL).isNull());
}

void TestJsonParser::keyOrderAndLookup()
{
    const JsonParseResult r = parseJson(R"({"b": 1, "a": "x", "c": null})");
    QVERIFY(r.ok());
    const JsonValue &v = *r.value;
    QCOMPARE(v.keys(),
             (std::vector<QString>{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
    QVERIFY(v.find(QStringLiteral("a")));
    QCOMPARE(v.find(QStringLiteral("a"))->text(), QStringLiteral("x"));
    QVERIFY(v.find(QStringLiteral("c"))->isNull());
    QVERIFY(!v.find(QStringLiteral("d")));

    JsonValue copy = v;
    QCOMPARE(copy, v);
    copy.insert(QStringLiteral("a"), JsonValue::boolean(true)); // replaces in place
    QCOMPARE(copy.toCompactJson(), QStringLiteral(R"({"b": 1, "a": true, "c": null})"));
    QVERIFY(copy != v);
}

void TestJsonParser::quote()
{
    QCOMPARE(jsonQuote(QStringLiteral("a\"b\\c")), QStringLiteral(R"("a\"b\\c")"));
    QCOMPARE(jsonQuote(QString(QChar(1)) + QChar(0x1F)), QStringLiteral(R"("\u0001\u001f")"));
    QCOMPARE(jsonQuote(QString::fromUtf8("\xC3\xA9/")), QString::fromUtf8("\"\xC3\xA9/\""));
}

QTEST_GUILESS_MAIN(TestJsonParser)
#include "tst_jsonparser.moc"
