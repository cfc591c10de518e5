// Tests for type strings (model/domain/datatype.h, file-format §5).
#include "domain/datatype.h"

#include <QtTest>

using namespace mc;

class TestDataType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonical_data();
    void canonical();
    void parts_data();
    void parts();
    void errors_data();
    void errors();
    void everyKnownNameParses();
    void roundTripOfBuiltType();
};

void TestDataType::canonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");

    // Every type string of file-format §5.2 is already canonical.
    const char *table[] = {"STRING",
                           "STRING(64)",
                           "STRING.BINARY",
                           "CHAR(2)",
                           "TEXT",
                           "TEXT('tiny')",
                           "TEXT('medium')",
                           "TEXT('long')",
                           "CITEXT",
                           "INTEGER",
                           "INTEGER.UNSIGNED",
                           "SMALLINT",
                           "TINYINT",
                           "MEDIUMINT",
                           "BIGINT",
                           "FLOAT",
                           "FLOAT(8,2)",
                           "REAL",
                           "DOUBLE",
                           "DECIMAL",
                           "DECIMAL(10,2)",
                           "BOOLEAN",
                           "DATE",
                           "DATE(6)",
                           "DATEONLY",
                           "TIME",
                           "UUID",
                           "JSON",
                           "JSONB",
                           "BLOB",
                           "BLOB('tiny')",
                           "ENUM('a','b')"};
    for (const char *t : table)
        QTest::newRow(t) << QString::fromLatin1(t) << QString::fromLatin1(t);

    QTest::newRow("spaces around parts") << QStringLiteral("  ENUM( 'draft' ,\t'published' )  ")
                                         << QStringLiteral("ENUM('draft','published')");
    QTest::newRow("spaces in numbers list")
        << QStringLiteral("DECIMAL( 10 , 2 )") << QStringLiteral("DECIMAL(10,2)");
    QTest::newRow("spaces around modifier")
        << QStringLiteral("INTEGER . UNSIGNED") << QStringLiteral("INTEGER.UNSIGNED");
    QTest::newRow("space before parenthesis")
        << QStringLiteral("STRING (64)") << QStringLiteral("STRING(64)");
    QTest::newRow("modifier and length")
        << QStringLiteral("STRING.BINARY(32)") << QStringLiteral("STRING.BINARY(32)");
    QTest::newRow("char binary") << QStringLiteral("CHAR.BINARY") << QStringLiteral("CHAR.BINARY");
    QTest::newRow("bigint unsigned")
        << QStringLiteral("BIGINT.UNSIGNED") << QStringLiteral("BIGINT.UNSIGNED");
    QTest::newRow("double quotes become single")
        << QStringLiteral("ENUM(\"a\", \"it's\")") << QStringLiteral("ENUM('a','it''s')");
    QTest::newRow("doubled quote kept")
        << QStringLiteral("ENUM('it''s')") << QStringLiteral("ENUM('it''s')");
    QTest::newRow("backslash pair kept")
        << QStringLiteral("ENUM('a\\'b')") << QStringLiteral("ENUM('a\\'b')");
    QTest::newRow("backslash in double quotes")
        << QStringLiteral("ENUM(\"a\\\"b\")") << QStringLiteral("ENUM('a\\\"b')");
    QTest::newRow("non-ASCII value")
        << QString::fromUtf8("ENUM('caf\xC3\xA9')") << QString::fromUtf8("ENUM('caf\xC3\xA9')");
    QTest::newRow("empty enum value") << QStringLiteral("ENUM('')") << QStringLiteral("ENUM('')");
    QTest::newRow("comma inside value")
        << QStringLiteral("ENUM('a,b', 'c)')") << QStringLiteral("ENUM('a,b','c)')");
}

void TestDataType::canonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QString error;
    const std::optional<DataType> t = DataType::parse(input, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->toString(), canonical);
    // The canonical form reads back to the same type.
    const std::optional<DataType> again = DataType::parse(canonical);
    QVERIFY(again);
    QCOMPARE(*again, *t);
}

void TestDataType::parts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("modifiers");
    QTest::addColumn<QStringList>("stringArgs");
    QTest::addColumn<int>("argCount");
    QTest::addColumn<bool>("integer");

    QTest::newRow("plain") << QStringLiteral("STRING") << QStringLiteral("STRING") << QStringList()
                           << QStringList() << 0 << false;
    QTest::newRow("unsigned") << QStringLiteral("INTEGER.UNSIGNED") << QStringLiteral("INTEGER")
                              << QStringList{QStringLiteral("UNSIGNED")} << QStringList() << 0
                              << true;
    QTest::newRow("enum values") << QStringLiteral("ENUM('it''s', \"b\")") << QStringLiteral("ENUM")
                                 << QStringList()
                                 << QStringList{QStringLiteral("it's"), QStringLiteral("b")} << 2
                                 << false;
    QTest::newRow("decimal") << QStringLiteral("DECIMAL(10,2)") << QStringLiteral("DECIMAL")
                             << QStringList() << QStringList() << 2 << false;
    for (const char *n : {"SMALLINT", "TINYINT", "MEDIUMINT", "BIGINT"})
        QTest::newRow(n) << QString::fromLatin1(n) << QString::fromLatin1(n) << QStringList()
                         << QStringList() << 0 << true;
}

void TestDataType::parts()
{
    QFETCH(QString, input);
    QFETCH(QString, name);
    QFETCH(QStringList, modifiers);
    QFETCH(QStringList, stringArgs);
    QFETCH(int, argCount);
    QFETCH(bool, integer);
    const std::optional<DataType> t = DataType::parse(input);
    QVERIFY(t);
    QCOMPARE(t->name(), name);
    QCOMPARE(t->modifiers(), modifiers);
    QCOMPARE(t->stringArgs(), stringArgs);
    QCOMPARE(t->args().size(), argCount);
    QCOMPARE(t->isInteger(), integer);
    QCOMPARE(t->isEnum(), name == QStringLiteral("ENUM"));
}

void TestDataType::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown name") << QStringLiteral("VARCHARR")
                                  << QStringLiteral("unknown type \"VARCHARR\"");
    QTest::newRow("not in modelcanvas/1")
        << QStringLiteral("GEOMETRY") << QStringLiteral("unknown type \"GEOMETRY\"");
    QTest::newRow("lower case name")
        << QStringLiteral("string(64)")
        << QStringLiteral("type names are upper case: write \"STRING\", not \"string\"");
    QTest::newRow("mixed case name")
        << QStringLiteral("Integer")
        << QStringLiteral("type names are upper case: write \"INTEGER\", not \"Integer\"");
    QTest::newRow("empty") << QString() << QStringLiteral("empty type string");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty type string");
    QTest::newRow("no name") << QStringLiteral("(64)")
                             << QStringLiteral("expected a type name, found \"(64)\"");
    QTest::newRow("empty parentheses")
        << QStringLiteral("STRING()")
        << QStringLiteral("empty parentheses: write STRING without \"()\"");
    QTest::newRow("empty parentheses with space")
        << QStringLiteral("ENUM( )")
        << QStringLiteral("empty parentheses: write ENUM without \"()\"");
    QTest::newRow("unsigned on string")
        << QStringLiteral("STRING.UNSIGNED")
        << QStringLiteral("modifier UNSIGNED does not apply to STRING");
    QTest::newRow("binary on integer")
        << QStringLiteral("INTEGER.BINARY")
        << QStringLiteral("modifier BINARY does not apply to INTEGER");
    QTest::newRow("binary on text") << QStringLiteral("TEXT.BINARY")
                                    << QStringLiteral("modifier BINARY does not apply to TEXT");
    QTest::newRow("unknown modifier")
        << QStringLiteral("INTEGER.ZEROFILL") << QStringLiteral("unknown modifier \"ZEROFILL\"");
    QTest::newRow("lower case modifier")
        << QStringLiteral("INTEGER.unsigned")
        << QStringLiteral("modifiers are upper case: write \"UNSIGNED\", not \"unsigned\"");
    QTest::newRow("modifier twice") << QStringLiteral("INTEGER.UNSIGNED.UNSIGNED")
                                    << QStringLiteral("modifier UNSIGNED given twice");
    QTest::newRow("dangling dot") << QStringLiteral("INTEGER.")
                                  << QStringLiteral("expected a modifier after '.'");
    QTest::newRow("modifier after arguments")
        << QStringLiteral("STRING(64).BINARY")
        << QStringLiteral("modifiers must come before the argument list");
    QTest::newRow("unterminated single quote")
        << QStringLiteral("ENUM('a") << QStringLiteral("unterminated quoted argument");
    QTest::newRow("unterminated double quote")
        << QStringLiteral("ENUM(\"a)") << QStringLiteral("unterminated quoted argument");
    QTest::newRow("quote escaped at end")
        << QStringLiteral("ENUM('a\\')") << QStringLiteral("unterminated quoted argument");
    QTest::newRow("missing close") << QStringLiteral("STRING(64") << QStringLiteral("missing ')'");
    QTest::newRow("missing close after comma")
        << QStringLiteral("DECIMAL(10,") << QStringLiteral("missing ')'");
    QTest::newRow("bare word argument")
        << QStringLiteral("ENUM(a)")
        << QStringLiteral("expected a quoted string or a number as argument, found \"a)\"");
    QTest::newRow("missing comma")
        << QStringLiteral("DECIMAL(10 2)")
        << QStringLiteral("expected ',' or ')' after an argument, found \"2)\"");
    QTest::newRow("bad number") << QStringLiteral("STRING(1.)")
                                << QStringLiteral("invalid number \"1.)\"");
    QTest::newRow("trailing text")
        << QStringLiteral("STRING(64) x") << QStringLiteral("unexpected \"x\" after the type");
    QTest::newRow("name then number")
        << QStringLiteral("STRING 64") << QStringLiteral("unexpected \"64\" after the type");
    QTest::newRow("string takes a number")
        << QStringLiteral("STRING('64')")
        << QStringLiteral("STRING takes one whole number (a length), got a quoted argument");
    QTest::newRow("string takes one number")
        << QStringLiteral("STRING(64,2)")
        << QStringLiteral("STRING takes one whole number (a length), got 2 arguments");
    QTest::newRow("negative length")
        << QStringLiteral("CHAR(-1)")
        << QStringLiteral("CHAR takes one whole number (a length), got -1");
    QTest::newRow("decimal three numbers")
        << QStringLiteral("DECIMAL(10,2,1)")
        << QStringLiteral(
               "DECIMAL takes one or two whole numbers (precision, scale), got 3 arguments");
    QTest::newRow("float quoted")
        << QStringLiteral("FLOAT('8')")
        << QStringLiteral(
               "FLOAT takes one or two whole numbers (precision, scale), got a quoted argument");
    QTest::newRow("text size unknown")
        << QStringLiteral("TEXT('huge')")
        << QStringLiteral("TEXT takes one size: 'tiny', 'medium' or 'long'");
    QTest::newRow("text size unquoted")
        << QStringLiteral("BLOB(3)")
        << QStringLiteral("BLOB takes one size: 'tiny', 'medium' or 'long'");
    QTest::newRow("enum without values")
        << QStringLiteral("ENUM")
        << QStringLiteral("ENUM needs at least one quoted value: ENUM('a','b')");
    QTest::newRow("enum number") << QStringLiteral("ENUM('a',2)")
                                 << QStringLiteral("ENUM values must be quoted: write '2'");
    QTest::newRow("integer length")
        << QStringLiteral("INTEGER(11)") << QStringLiteral("INTEGER takes no arguments");
    QTest::newRow("unsigned then length")
        << QStringLiteral("INTEGER.UNSIGNED(11)") << QStringLiteral("INTEGER takes no arguments");
    QTest::newRow("uuid argument")
        << QStringLiteral("UUID(4)") << QStringLiteral("UUID takes no arguments");
    QTest::newRow("date quoted")
        << QStringLiteral("DATE('6')")
        << QStringLiteral("DATE takes one whole number (digits), got a quoted argument");
}

void TestDataType::errors()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!DataType::parse(input, &actual));
    QCOMPARE(actual, error);
    QVERIFY(!DataType::parse(input)); // a null error pointer is fine
}

void TestDataType::everyKnownNameParses()
{
    QCOMPARE(DataType::knownNames().size(), 22);
    for (const QString &name : DataType::knownNames()) {
        const QString text = name == QStringLiteral("ENUM") ? QStringLiteral("ENUM('x')") : name;
        QString error;
        const std::optional<DataType> t = DataType::parse(text, &error);
        QVERIFY2(t, qPrintable(name + QStringLiteral(": ") + error));
        QCOMPARE(t->toString(), text);
    }
}

void TestDataType::roundTripOfBuiltType()
{
    // Values built in code (the editor) are written so that they read back unchanged.
    DataType t(QStringLiteral("ENUM"));
    t.setArgs({{true, QStringLiteral("it's")},
               {true, QStringLiteral("a\\b")},
               {true, QStringLiteral("end\\")}});
    QCOMPARE(t.toString(), QStringLiteral("ENUM('it''s','a\\b','end\\\\')"));
    const std::optional<DataType> back = DataType::parse(t.toString());
    QVERIFY(back);
    QCOMPARE(back->stringArgs().mid(0, 2), t.stringArgs().mid(0, 2));
    QVERIFY(DataType::checkArgs(t));
}

QTEST_GUILESS_MAIN(TestDataType)
#include "tst_datatype.moc"
