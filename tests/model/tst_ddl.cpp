// The SQL Sequelize 6.37.8's sync() sends to create a schema, text for text: every
// conformance case in all three dialects, names that break naive quoting, indexes,
// ENUMs, cycles, and names a dialect would reject or truncate.

#include "ddlgoldens.h"
#include "ddltestschemas.h"

#include "ddl/ddlgenerator.h"
#include "io/schemareader.h"
#include "rules/analysis.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mc;

Q_DECLARE_METATYPE(mc::Dialect)

namespace {

QString fixtures()
{
    return QStringLiteral(MC_FIXTURES);
}

struct Derived
{
    DerivedSchema schema;
    Analysis analysis;
};

Derived deriveCase(const QString &name)
{
    const LoadResult r = readSchemaFile(fixtures() + QStringLiteral("/cases/") + name +
                                        QStringLiteral(".model.json"));
    if (!r.schema)
        qFatal("case %s does not load", qPrintable(name));
    Derived d{derive(*r.schema), {}};
    d.analysis = analyse(d.schema);
    return d;
}

DdlResult ddlOf(const char *json, Dialect dialect)
{
    const DerivedSchema d = ddltest::deriveDocument(json);
    return generateDdl(d, analyse(d), dialect);
}

QStringList expectedDdl(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QStringList out;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("ddl")).toArray())
        out << v.toString();
    return out;
}

void addCaseRows()
{
    QTest::addColumn<QString>("name");
    const QStringList cases = QDir(fixtures() + QStringLiteral("/cases"))
                                  .entryList({QStringLiteral("*.model.json")}, QDir::Files);
    QVERIFY(cases.size() >= 15);
    for (QString c : cases) {
        c.chop(int(QStringLiteral(".model.json").size()));
        QTest::newRow(qPrintable(c)) << c;
    }
}

/// A document with the given models and associations (JSON array contents).
QByteArray document(const QByteArray &models, const QByteArray &associations = QByteArray())
{
    return "{\"format\": \"modelcanvas/1\", \"options\": {\"underscored\": false, \"timestamps\": "
           "false, \"freezeTableName\": false}, \"models\": [" +
           models + "], \"associations\": [" + associations + "]}";
}

QByteArray model(const QString &name, const QString &table, const QByteArray &attributes)
{
    return QStringLiteral("{\"name\": \"%1\", \"tableName\": \"%2\", \"attributes\": [")
               .arg(name, table)
               .toUtf8() +
           attributes + "]}";
}

} // namespace

class TestDdl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sqliteMatchesSequelize_data() { addCaseRows(); }
    void sqliteMatchesSequelize();
    void postgresMatchesSequelize_data() { addCaseRows(); }
    void postgresMatchesSequelize();
    void mysqlMatchesSequelize_data() { addCaseRows(); }
    void mysqlMatchesSequelize();
    void defineErrorGivesNothing();
    void goldens_data();
    void goldens();
    void indexStatementsHaveNoSemicolon();
    void identifierProblems_data();
    void identifierProblems();
    void scriptEndsEveryStatement();
};

void TestDdl::sqliteMatchesSequelize()
{
    QFETCH(QString, name);
    const Derived d = deriveCase(name);
    QCOMPARE(
        createSchemaStatements(d.schema, d.analysis, Dialect::SQLite),
        expectedDdl(fixtures() + QStringLiteral("/expected/") + name + QStringLiteral(".json")));
}

void TestDdl::postgresMatchesSequelize()
{
    QFETCH(QString, name);
    const Derived d = deriveCase(name);
    // The second pass of a cyclic sync also sends ALTER COLUMNs that change nothing.
    QStringList expected;
    for (const QString &s : expectedDdl(fixtures() + QStringLiteral("/expected/postgres/") + name +
                                        QStringLiteral(".json"))) {
        if (!s.contains(QLatin1String(" ALTER COLUMN ")))
            expected << s;
    }
    QCOMPARE(createSchemaStatements(d.schema, d.analysis, Dialect::Postgres), expected);
}

void TestDdl::mysqlMatchesSequelize()
{
    QFETCH(QString, name);
    const QString path =
        fixtures() + QStringLiteral("/expected/mysql/") + name + QStringLiteral(".sql");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        QFAIL(qPrintable(QStringLiteral("no MySQL expectation: ") + path));
    QStringList expected;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line.startsWith(QLatin1String("--")))
            expected << line;
    }
    const Derived d = deriveCase(name);
    QCOMPARE(createSchemaStatements(d.schema, d.analysis, Dialect::MySQL), expected);
}

void TestDdl::defineErrorGivesNothing()
{
    const Derived d = deriveCase(QStringLiteral("error-duplicate-alias"));
    QVERIFY(d.schema.error.has_value());
    for (Dialect dialect : {Dialect::SQLite, Dialect::Postgres, Dialect::MySQL}) {
        const DdlResult r = generateDdl(d.schema, d.analysis, dialect);
        QVERIFY(r.statements.isEmpty());
        QVERIFY(r.ok()); // the define error is the caller's to report
    }
}

void TestDdl::goldens_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("expected");
    const struct
    {
        const char *name;
        const char *json;
        const char *sql[3];
    } sets[] = {
        {"hostile names",
         ddltest::kHostile,
         {ddltest::kHostileSqlite, ddltest::kHostilePostgres, ddltest::kHostileMysql}},
        {"indexes",
         ddltest::kIndexes,
         {ddltest::kIndexesSqlite, ddltest::kIndexesPostgres, ddltest::kIndexesMysql}},
        {"enum with quotes",
         ddltest::kEnumQuotes,
         {ddltest::kEnumQuotesSqlite, ddltest::kEnumQuotesPostgres, ddltest::kEnumQuotesMysql}},
        {"cycle with junction",
         ddltest::kCycleWithJunction,
         {ddltest::kCycleWithJunctionSqlite, ddltest::kCycleWithJunctionPostgres,
          ddltest::kCycleWithJunctionMysql}},
    };
    const Dialect dialects[] = {Dialect::SQLite, Dialect::Postgres, Dialect::MySQL};
    for (const auto &set : sets) {
        for (int i = 0; i < 3; ++i)
            QTest::addRow("%s, %s", set.name, qPrintable(dialectName(dialects[i])))
                << QString::fromUtf8(set.json) << dialects[i] << QString::fromUtf8(set.sql[i]);
    }
}

void TestDdl::goldens()
{
    QFETCH(QString, schema);
    QFETCH(Dialect, dialect);
    QFETCH(QString, expected);
    const DdlResult r = ddlOf(schema.toUtf8().constData(), dialect);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    const QStringList got = ddlScript(r.statements).split(QLatin1Char('\n'));
    QCOMPARE(got, expected.split(QLatin1Char('\n')));
}

void TestDdl::indexStatementsHaveNoSemicolon()
{
    // addIndexQuery() returns its statement without a terminator; so does the list.
    const DdlResult r = ddlOf(ddltest::kIndexes, Dialect::SQLite);
    QCOMPARE(r.statements.value(2),
             QStringLiteral("CREATE INDEX `pictures__user_id` ON `Pictures` (`UserId`)"));
}

void TestDdl::identifierProblems_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QStringList>("problems");
    const QByteArray id = "{\"name\": \"a\", \"type\": \"STRING\"}";
    const QString t64 = QString(64, QLatin1Char('t')), t65 = QString(65, QLatin1Char('t'));
    const QString kanji = QString(22, QChar(0x540d)); // 22 characters, 66 UTF-8 bytes
    QTest::newRow("MySQL 65 characters")
        << document(model(QStringLiteral("M"), t65, id)) << Dialect::MySQL
        << QStringList{QStringLiteral("table name \"%1\" is 65 "
                                      "characters; MySQL allows 64")
                           .arg(t65)};
    QTest::newRow("MySQL 64 characters")
        << document(model(QStringLiteral("M"), t64, id)) << Dialect::MySQL << QStringList();
    QTest::newRow("PostgreSQL 64 bytes")
        << document(model(QStringLiteral("M"), t64, id)) << Dialect::Postgres
        << QStringList{QStringLiteral("table name \"%1\" is 64 bytes; PostgreSQL allows 63 (it "
                                      "would truncate it)")
                           .arg(t64)};
    QTest::newRow("PostgreSQL 66 bytes in 22 characters")
        << document(model(QStringLiteral("M"), kanji, id)) << Dialect::Postgres
        << QStringList{QStringLiteral("table name \"%1\" is 66 bytes; PostgreSQL allows 63 (it "
                                      "would truncate it)")
                           .arg(kanji)};
    QTest::newRow("MySQL 22 characters")
        << document(model(QStringLiteral("M"), kanji, id)) << Dialect::MySQL << QStringList();
    QTest::newRow("SQLite has no limit")
        << document(model(QStringLiteral("M"), t65 + t65, id)) << Dialect::SQLite << QStringList();
    const QString long30 = QString(30, QLatin1Char('x'));
    QTest::newRow("PostgreSQL ENUM type name")
        << document(model(QStringLiteral("M"), long30,
                          "{\"name\": \"" + long30.toUtf8() + "\", \"type\": \"ENUM('a')\"}"))
        << Dialect::Postgres
        << QStringList{QStringLiteral("ENUM type name \"enum_%1_%1\" (column \"%1\" in table "
                                      "\"%1\") is 66 bytes; PostgreSQL allows 63 (it would "
                                      "truncate it)")
                           .arg(long30)};
    const QString t58 = QString(58, QLatin1Char('p'));
    QTest::newRow("MySQL generated foreign key name")
        << document(model(QStringLiteral("U"), QStringLiteral("u"), id) + ", " +
                        model(QStringLiteral("P"), t58, id),
                    "{\"type\": \"hasMany\", \"source\": \"U\", \"target\": \"P\"}")
        << Dialect::MySQL
        << QStringList{QStringLiteral("table name \"%1\" is 58 characters: the name MySQL gives "
                                      "its foreign key, \"%1_ibfk_1\", is 65 characters; MySQL "
                                      "allows 64")
                           .arg(t58)};
    QTest::newRow("MySQL column, index and trailing space")
        << document(
               model(QStringLiteral("M"), QStringLiteral("m "),
                     "{\"name\": \"a\", \"type\": \"STRING\", \"field\": \"" + t65.toUtf8() + "\"}")
                   .replace("]}", "], \"indexes\": [{\"fields\": [\"a\"], \"name\": \"" +
                                      t65.toUtf8() + "\"}]}"))
        << Dialect::MySQL
        << QStringList{
               QStringLiteral("table name \"m \" ends with a space, which MySQL does not allow"),
               QStringLiteral(
                   "column name \"%1\" in table \"m \" is 65 characters; MySQL allows 64")
                   .arg(t65),
               QStringLiteral("index name \"%1\" in table \"m \" is 65 characters; MySQL allows 64")
                   .arg(t65)};
    QTest::newRow("NUL in a name")
        << document(model(QStringLiteral("M"), QStringLiteral("a\\u0000b"), id)) << Dialect::SQLite
        << QStringList{QStringLiteral(
               "table name \"a\\u0000b\" contains a NUL character, which SQLite does not allow")};
}

void TestDdl::identifierProblems()
{
    QFETCH(QByteArray, doc);
    QFETCH(Dialect, dialect);
    QFETCH(QStringList, problems);
    const DdlResult r = ddlOf(doc.constData(), dialect);
    QCOMPARE(r.errors, problems);
    // Either DDL that creates exactly these names, or none at all.
    QCOMPARE(r.statements.isEmpty(), !problems.isEmpty());
}

void TestDdl::scriptEndsEveryStatement()
{
    const QStringList statements{QStringLiteral("PRAGMA foreign_keys = OFF"),
                                 QStringLiteral("CREATE TABLE IF NOT EXISTS `a` (`b` TEXT);")};
    QCOMPARE(
        ddlScript(statements),
        QStringLiteral("PRAGMA foreign_keys = OFF;\nCREATE TABLE IF NOT EXISTS `a` (`b` TEXT);\n"));
}

QTEST_GUILESS_MAIN(TestDdl)
#include "tst_ddl.moc"
