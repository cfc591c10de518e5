// Literals as Sequelize 6.37.8 writes them: DEFAULT values per column type and
// dialect (recorded from Sequelize's query generators), JavaScript number spelling,
// and quoting of identifiers and strings.

#include "ddl/defaultliteral.h"
#include "ddl/sqlliteral.h"
#include "io/jsonparser.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace mc;

Q_DECLARE_METATYPE(mc::Dialect)

class TestSqlLiteral : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultLiterals_data();
    void defaultLiterals();
    void jsNumbers_data();
    void jsNumbers();
    void quoting_data();
    void quoting();
};

void TestSqlLiteral::defaultLiterals_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("value"); // JSON
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("expected"); // null: no DEFAULT clause
    auto row = [](const char *type, const char *json, Dialect d, const char *sql) {
        QTest::addRow("%s %s %s", qPrintable(dialectName(d)), type, json)
            << QString::fromUtf8(type) << QByteArray(json) << d
            << (sql ? QString::fromUtf8(sql) : QString());
    };
    row("STRING", "\"x'y\"", Dialect::SQLite, "'x''y'");
    row("STRING", "\"a\\\\b\"", Dialect::SQLite, "'a\\b'");
    row("STRING", "\"false\"", Dialect::SQLite, "0");
    row("STRING", "false", Dialect::SQLite, "0");
    row("STRING", "42", Dialect::SQLite, "42");
    row("STRING", "\"line\\nbreak\"", Dialect::SQLite, "'line\nbreak'");
    row("INTEGER", "42", Dialect::SQLite, "42");
    row("INTEGER", "-3", Dialect::SQLite, "-3");
    row("INTEGER", "1e+21", Dialect::SQLite, "1e+21");
    row("INTEGER", "true", Dialect::SQLite, "1");
    row("DECIMAL(10,2)", "1.5", Dialect::SQLite, "1.5");
    row("FLOAT", "1.5", Dialect::SQLite, "'1.5'");
    row("FLOAT", "\"abc\"", Dialect::SQLite, "'NaN'");
    row("DOUBLE", "\" 12 \"", Dialect::SQLite, "' 12 '");
    row("REAL", "true", Dialect::SQLite, "1");
    row("BOOLEAN", "true", Dialect::SQLite, "1");
    row("BOOLEAN", "false", Dialect::SQLite, "0");
    row("BOOLEAN", "\"true\"", Dialect::SQLite, "1");
    row("DATE", "\"2020-01-02\"", Dialect::SQLite, "'2020-01-02 00:00:00.000 +00:00'");
    row("DATE", "\"2020-01-02T03:04:05.678+02:00\"", Dialect::SQLite,
        "'2020-01-02 01:04:05.678 +00:00'");
    row("DATE", "42", Dialect::SQLite, "'1970-01-01 00:00:00.042 +00:00'");
    row("DATE", "\"soon\"", Dialect::SQLite, "'Invalid date'");
    row("DATEONLY", "\"2020-01-02T23:30:00-02:00\"", Dialect::SQLite, "'2020-01-03'");
    row("JSON", "\"{}\"", Dialect::SQLite, "'\"{}\"'");
    row("JSON", "42", Dialect::SQLite, "'42'");
    row("JSON", "\"it's\"", Dialect::SQLite, "'\"it''s\"'");
    row("BLOB", "\"hi\"", Dialect::SQLite, "X'6869'");
    row("TEXT", "\"note\"", Dialect::SQLite, "'note'");
    row("STRING.BINARY", "\"x\"", Dialect::SQLite, "'x'");
    row("UUID", "\"abc\"", Dialect::SQLite, "'abc'");
    // Infinity (a lexeme beyond double) and moment's 24:00.
    row("JSON", "1e999", Dialect::SQLite, "'null'");
    row("DATE", "1e999", Dialect::SQLite, "'Invalid date'");
    row("FLOAT", "1e999", Dialect::SQLite, "'Infinity'");
    row("DATE", "\"2020-01-01T24:00:00Z\"", Dialect::SQLite, "'2020-01-02 00:00:00.000 +00:00'");
    row("JSON", "1e999", Dialect::Postgres, "'null'");
    row("DATE", "1e999", Dialect::Postgres, "'Infinity'");
    row("STRING", "\"x'y\"", Dialect::Postgres, "'x''y'");
    row("STRING", "\"a\\\\b\"", Dialect::Postgres, "'a\\b'");
    row("STRING", "\"false\"", Dialect::Postgres, "'false'");
    row("STRING", "false", Dialect::Postgres, "false");
    row("STRING", "42", Dialect::Postgres, "42");
    row("STRING", "\"line\\nbreak\"", Dialect::Postgres, "'line\nbreak'");
    row("INTEGER", "42", Dialect::Postgres, "42");
    row("INTEGER", "-3", Dialect::Postgres, "-3");
    row("INTEGER", "1e+21", Dialect::Postgres, "1e+21");
    row("INTEGER", "true", Dialect::Postgres, "true");
    row("DECIMAL(10,2)", "1.5", Dialect::Postgres, "1.5");
    row("FLOAT", "1.5", Dialect::Postgres, "'1.5'");
    row("FLOAT", "\"abc\"", Dialect::Postgres, "'NaN'");
    row("DOUBLE", "\" 12 \"", Dialect::Postgres, "' 12 '");
    row("REAL", "true", Dialect::Postgres, "'true'");
    row("BOOLEAN", "true", Dialect::Postgres, "true");
    row("BOOLEAN", "false", Dialect::Postgres, "false");
    row("BOOLEAN", "\"true\"", Dialect::Postgres, "'true'");
    row("DATE", "\"2020-01-02\"", Dialect::Postgres, "'2020-01-02 00:00:00.000 +00:00'");
    row("DATE", "\"2020-01-02T03:04:05.678+02:00\"", Dialect::Postgres,
        "'2020-01-02 01:04:05.678 +00:00'");
    row("DATE", "42", Dialect::Postgres, "'1970-01-01 00:00:00.042 +00:00'");
    row("DATE", "\"soon\"", Dialect::Postgres, "'Invalid date'");
    row("DATEONLY", "\"2020-01-02T23:30:00-02:00\"", Dialect::Postgres, "'2020-01-03'");
    row("JSON", "\"{}\"", Dialect::Postgres, "'\"{}\"'");
    row("JSON", "42", Dialect::Postgres, "'42'");
    row("JSON", "\"it's\"", Dialect::Postgres, "'\"it''s\"'");
    row("BLOB", "\"hi\"", Dialect::Postgres, "E'\\\\x6869'");
    row("TEXT", "\"note\"", Dialect::Postgres, "'note'");
    row("STRING.BINARY", "\"x\"", Dialect::Postgres, "'x'");
    row("UUID", "\"abc\"", Dialect::Postgres, "'abc'");
    row("STRING", "\"x'y\"", Dialect::MySQL, "'x\\'y'");
    row("STRING", "\"a\\\\b\"", Dialect::MySQL, "'a\\\\b'");
    row("STRING", "\"false\"", Dialect::MySQL, "'false'");
    row("STRING", "false", Dialect::MySQL, "false");
    row("STRING", "42", Dialect::MySQL, "42");
    row("STRING", "\"line\\nbreak\"", Dialect::MySQL, "'line\\nbreak'");
    row("INTEGER", "42", Dialect::MySQL, "42");
    row("INTEGER", "-3", Dialect::MySQL, "-3");
    row("INTEGER", "1e+21", Dialect::MySQL, "1e+21");
    row("INTEGER", "true", Dialect::MySQL, "true");
    row("DECIMAL(10,2)", "1.5", Dialect::MySQL, "1.5");
    row("FLOAT", "1.5", Dialect::MySQL, "1.5");
    row("FLOAT", "\"abc\"", Dialect::MySQL, "'abc'");
    row("DOUBLE", "\" 12 \"", Dialect::MySQL, "' 12 '");
    row("REAL", "true", Dialect::MySQL, "true");
    row("BOOLEAN", "true", Dialect::MySQL, "true");
    row("BOOLEAN", "false", Dialect::MySQL, "false");
    row("BOOLEAN", "\"true\"", Dialect::MySQL, "'true'");
    row("DATE", "\"2020-01-02\"", Dialect::MySQL, "'2020-01-02'");
    row("DATE", "\"2020-01-02T03:04:05.678+02:00\"", Dialect::MySQL,
        "'2020-01-02T03:04:05.678+02:00'");
    row("DATE", "42", Dialect::MySQL, "42");
    row("DATE", "\"soon\"", Dialect::MySQL, "'soon'");
    row("DATEONLY", "\"2020-01-02T23:30:00-02:00\"", Dialect::MySQL, "'2020-01-02T23:30:00-02:00'");
    row("JSON", "\"{}\"", Dialect::MySQL, nullptr);
    row("JSON", "42", Dialect::MySQL, nullptr);
    row("JSON", "\"it's\"", Dialect::MySQL, nullptr);
    row("BLOB", "\"hi\"", Dialect::MySQL, nullptr);
    row("TEXT", "\"note\"", Dialect::MySQL, nullptr);
    row("STRING.BINARY", "\"x\"", Dialect::MySQL, nullptr);
    row("UUID", "\"abc\"", Dialect::MySQL, "'abc'");
}

void TestSqlLiteral::defaultLiterals()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, value);
    QFETCH(Dialect, dialect);
    QFETCH(QString, expected);
    const auto t = DataType::parse(type);
    QVERIFY(t);
    const JsonParseResult v = parseJson(value);
    QVERIFY(v.ok());
    const auto sql = defaultLiteralSql(*v.value, *t, dialect);
    QCOMPARE(sql.value_or(QString()), expected);
    QCOMPARE(sql.has_value(), !expected.isNull());
}

void TestSqlLiteral::jsNumbers_data()
{
    QTest::addColumn<QString>("lexeme");
    QTest::addColumn<QString>("expected");
    const char *rows[][2] = {{"42", "42"},
                             {"1.50", "1.5"},
                             {"-0", "0"},
                             {"1e3", "1000"},
                             {"1e21", "1e+21"},
                             {"123e18", "123000000000000000000"},
                             {"0.000001", "0.000001"},
                             {"1e-7", "1e-7"},
                             {"-2.5e-8", "-2.5e-8"},
                             {"123456789012345678901234", "1.2345678901234569e+23"},
                             {"0.1", "0.1"},
                             {"1e999", "Infinity"},
                             {"-1e999", "-Infinity"},
                             {"1e-999", "0"},
                             {" 12 ", "12"},
                             {"0x1F", "31"},
                             {"", "0"},
                             {"abc", "NaN"},
                             {".5", "0.5"}};
    for (const auto &r : rows)
        QTest::newRow(r[0]) << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1]);
}

void TestSqlLiteral::jsNumbers()
{
    QFETCH(QString, lexeme);
    QFETCH(QString, expected);
    QCOMPARE(jsNumberText(jsToNumber(lexeme)), expected);
}

void TestSqlLiteral::quoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("string");
    const QString nasty = QStringLiteral("a`b\"c'd\\e");
    QTest::newRow("sqlite") << nasty << Dialect::SQLite << QStringLiteral("`a``b\"c'd\\e`")
                            << QStringLiteral("'a`b\"c''d\\e'");
    QTest::newRow("postgres") << nasty << Dialect::Postgres << QStringLiteral("\"a`b\"\"c'd\\e\"")
                              << QStringLiteral("'a`b\"c''d\\e'");
    QTest::newRow("mysql") << nasty << Dialect::MySQL << QStringLiteral("`a``b\"c'd\\e`")
                           << QStringLiteral("'a`b\\\"c\\'d\\\\e'");
    QTest::newRow("mysql control characters")
        << QStringLiteral("\n\r\t\b") + QChar(0) + QChar(0x1a) << Dialect::MySQL
        << QStringLiteral("`\n\r\t\b") + QChar(0) + QChar(0x1a) + QLatin1Char('`')
        << QStringLiteral("'\\n\\r\\t\\b\\0\\Z'");
}

void TestSqlLiteral::quoting()
{
    QFETCH(QString, text);
    QFETCH(Dialect, dialect);
    QFETCH(QString, identifier);
    QFETCH(QString, string);
    QCOMPARE(quoteIdentifier(text, dialect), identifier);
    QCOMPARE(quoteString(text, dialect), string);
}

QTEST_GUILESS_MAIN(TestSqlLiteral)
#include "tst_sqlliteral.moc"
