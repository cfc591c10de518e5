// applyPostgres() against a real PostgreSQL 15 server (scripts/servers.sh starts a
// throwaway one; MC_PG_HOST/PORT/USER say where): each case in a fresh database must
// leave the catalog Sequelize 6.37.8 left, and a failure must leave nothing behind.
// Without the MC_PG_* variables the test FAILS, unless the developer opts out with
// MC_NO_SERVERS=1 (then it skips); in CI (CI=true) the opt-out is ignored.

#include "casetestutil.h"
#include "db/postgresapplier.h"
#include "db/postgrescatalog.h"
#include "ddl/catalog.h"
#include "ddltestschemas.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace mc;
using namespace casetest;

namespace {

QJsonObject expectedTables(const QString &caseName)
{
    return casetest::expectedTables(QStringLiteral("postgres"), caseName);
}

/// Runs \a body on a connection of the test's own to \a target, then removes it.
void withDb(const PostgresTarget &target, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = addPostgresDatabase(target, name);
        if (!db.open())
            qFatal("cannot connect to %s: %s", qPrintable(target.database),
                   qPrintable(db.lastError().text()));
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
}

QJsonObject catalogOf(const PostgresTarget &target)
{
    QJsonObject tables;
    withDb(target, [&](QSqlDatabase &db) {
        QString error;
        tables = toQt(readPostgresCatalog(db, &error));
        if (!error.isEmpty())
            qFatal("catalog: %s", qPrintable(error));
    });
    return tables;
}

/// Every relation (tables, sequences, indexes) and type the public schema holds.
QStringList publicObjects(const PostgresTarget &target)
{
    QStringList names;
    withDb(target, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "SELECT relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = "
                "c.relnamespace WHERE n.nspname = 'public' UNION ALL SELECT typname::text "
                "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname "
                "= 'public' AND t.typtype <> 'c' AND t.typelem = 0 ORDER BY 1")))
            qFatal("pg_class: %s", qPrintable(q.lastError().text()));
        while (q.next())
            names << q.value(0).toString();
    });
    return names;
}

bool optedOut()
{
    const QByteArray ci = qgetenv("CI");
    const bool inCi = !ci.isEmpty() && ci != "false" && ci != "0";
    return !inCi && qgetenv("MC_NO_SERVERS") == "1";
}

} // namespace

class TestPostgresApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void matchesSequelizesCatalog_data();
    void matchesSequelizesCatalog();
    void failureMidwayLeavesTheDatabaseUnchanged_data();
    void failureMidwayLeavesTheDatabaseUnchanged();
    void hostileIdentifiersKeepTheirNames();
    void applyingTwiceIsIdempotent_data();
    void applyingTwiceIsIdempotent();
    void progressNamesEveryTableInCreationOrder();
    void canceledRunLeavesTheDatabaseUnchanged();
    void applyVerbTakesAPostgresUrl();

private:
    /// A fresh, empty database of the test's own (dropped in cleanup()).
    PostgresTarget freshDatabase();

    PostgresTarget m_server; // database "postgres": where CREATE/DROP DATABASE run
    QStringList m_created;
    int m_counter = 0;
};

void TestPostgresApply::initTestCase()
{
    const QString host = qEnvironmentVariable("MC_PG_HOST");
    const QString port = qEnvironmentVariable("MC_PG_PORT");
    const QString user = qEnvironmentVariable("MC_PG_USER");
    if (host.isEmpty() || port.isEmpty() || user.isEmpty()) {
        const char *how = "MC_PG_HOST, MC_PG_PORT and MC_PG_USER are not set: run "
                          "scripts/test.sh, or scripts/servers.sh start && eval "
                          "\"$(scripts/servers.sh env)\"";
        if (optedOut())
            QSKIP(qPrintable(QStringLiteral("MC_NO_SERVERS=1: PostgreSQL tests skipped (%1)")
                                 .arg(QLatin1String(how))));
        QFAIL(how);
    }
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the Qt PostgreSQL driver (QPSQL, Debian: libqt6sql6-psql) is missing");
    m_server = {host, port.toInt(), user, QStringLiteral("postgres"), QString()};
    bool connected = false;
    QString why;
    const QString name = QStringLiteral("probe");
    {
        QSqlDatabase db = addPostgresDatabase(m_server, name);
        connected = db.open();
        why = db.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    QVERIFY2(connected,
             qPrintable(
                 QStringLiteral("cannot connect to PostgreSQL on %1:%2: %3").arg(host, port, why)));
}

PostgresTarget TestPostgresApply::freshDatabase()
{
    PostgresTarget t = m_server;
    t.database =
        QStringLiteral("mc_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
    withDb(m_server, [&](QSqlDatabase &db) {
        exec(db, QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0")
                     .arg(t.database));
    });
    m_created << t.database;
    return t;
}

void TestPostgresApply::cleanup()
{
    if (m_created.isEmpty())
        return;
    withDb(m_server, [&](QSqlDatabase &db) {
        for (const QString &name : std::as_const(m_created))
            exec(db, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    });
    m_created.clear();
}

void TestPostgresApply::cleanupTestCase()
{
    cleanup();
}

void TestPostgresApply::matchesSequelizesCatalog_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = caseNames();
    QVERIFY(names.size() >= 15);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestPostgresApply::matchesSequelizesCatalog()
{
    QFETCH(QString, name);
    const Prepared p = prepareCase(name);
    const PostgresTarget db = freshDatabase();
    const ApplyResult r = applyPostgres(db, p.derived, p.analysis);
    const QJsonObject expected = expectedTables(name);
    if (name == QLatin1String("error-duplicate-alias")) {
        // Sequelize throws while defining: nothing is sent, nothing is created.
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String(
                     "You have used the alias Photos in two separate associations. Aliased "
                     "associations must have unique aliases.")),
                 qPrintable(r.error));
        QVERIFY(r.executed.isEmpty());
        QVERIFY(expected.isEmpty());
        QCOMPARE(catalogOf(db), expected);
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.executed.first(), QStringLiteral("BEGIN"));
    QCOMPARE(r.executed.last(), QStringLiteral("COMMIT"));
    QVERIFY(!expected.isEmpty());
    const QJsonObject actual = catalogOf(db);
    if (actual != expected)
        qWarning("actual: %s", QJsonDocument(actual).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(actual, expected);
    QCOMPARE(actual, toQt(catalogTables(p.derived, Dialect::Postgres, p.analysis.cyclic())));
}

void TestPostgresApply::failureMidwayLeavesTheDatabaseUnchanged_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("acyclic") << QStringLiteral("seed-user-picture");
    QTest::newRow("cyclic") << QStringLiteral("seed-cycle-no-constraints-false");
}

void TestPostgresApply::failureMidwayLeavesTheDatabaseUnchanged()
{
    QFETCH(QString, name);
    // Tables and types share pg_type's names: a type named `Pictures` makes the
    // second CREATE TABLE fail after `Users` (and its sequence) was created.
    const PostgresTarget db = freshDatabase();
    withDb(db, [](QSqlDatabase &c) {
        exec(c, QStringLiteral("CREATE TYPE \"Pictures\" AS ENUM ('x')"));
    });
    const QStringList before = publicObjects(db);
    QCOMPARE(before, QStringList{QStringLiteral("Pictures")});
    const Prepared p = prepareCase(name);
    const ApplyResult r = applyPostgres(db, p.derived, p.analysis);
    QVERIFY(!r.ok);
    QVERIFY(r.unchanged);
    QVERIFY2(r.error.contains(QLatin1String("CREATE TABLE IF NOT EXISTS \"Pictures\"")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("already exists")), qPrintable(r.error));
    QCOMPARE(r.executed.last(), QStringLiteral("ROLLBACK"));
    QCOMPARE(r.executed.filter(QStringLiteral("CREATE TABLE IF NOT EXISTS \"Users\"")).size(), 1);
    QCOMPARE(catalogOf(db), QJsonObject());
    QCOMPARE(publicObjects(db), before); // no Users, no Users_id_seq
}

void TestPostgresApply::hostileIdentifiersKeepTheirNames()
{
    const Prepared p = prepare(ddltest::deriveDocument(ddltest::kHostile));
    QVERIFY(!p.derived.error);
    const PostgresTarget db = freshDatabase();
    const ApplyResult r = applyPostgres(db, p.derived, p.analysis);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonObject actual = catalogOf(db);
    QStringList tables = actual.keys();
    tables.sort();
    QStringList expectedNames{
        QStringLiteral("select"), QStringLiteral("Robert'); DROP TABLE Students;--"),
        QStringLiteral("we`ird \"table\" 名前"), QStringLiteral("join \"table\"")};
    expectedNames.sort();
    QCOMPARE(tables, expectedNames);
    QStringList columns;
    for (const auto &c : actual[QStringLiteral("select")][QStringLiteral("columns")].toArray())
        columns << c[QStringLiteral("name")].toString();
    for (const char *c :
         {"from", "Robert'); DROP TABLE Students;--", "名前", "a`b", "a\"b", "%1%2"})
        QVERIFY2(columns.contains(QString::fromUtf8(c)), c);
    QCOMPARE(actual, toQt(catalogTables(p.derived, Dialect::Postgres, p.analysis.cyclic())));
}

void TestPostgresApply::applyingTwiceIsIdempotent_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("enum") << QStringLiteral("datatypes");
    QTest::newRow("cyclic") << QStringLiteral("seed-cycle-no-constraints-false");
    QTest::newRow("indexes") << QStringLiteral("indexes");
    QTest::newRow("cycle+junction") << QStringLiteral("cycle");
}

void TestPostgresApply::applyingTwiceIsIdempotent()
{
    QFETCH(QString, name);
    const Prepared p = name == QLatin1String("indexes")
                           ? prepare(ddltest::deriveDocument(ddltest::kIndexes))
                       : name == QLatin1String("cycle")
                           ? prepare(ddltest::deriveDocument(ddltest::kCycleWithJunction))
                           : prepareCase(name);
    const PostgresTarget db = freshDatabase();
    const ApplyResult first = applyPostgres(db, p.derived, p.analysis);
    QVERIFY2(first.ok, qPrintable(first.error));
    const QJsonObject once = catalogOf(db);
    // In a cyclic schema sync() (and generateDdl()) adds no FK on primary key columns:
    // the junction keeps none, and catalogTables() must predict exactly that.
    QCOMPARE(once, toQt(catalogTables(p.derived, Dialect::Postgres, p.analysis.cyclic())));
    const ApplyResult second = applyPostgres(db, p.derived, p.analysis);
    QVERIFY2(second.ok, qPrintable(second.error));
    // The second run leaves out the foreign keys the first one added to its tables.
    QCOMPARE(second.executed, first.executed.filter(QRegularExpression(
                                  QStringLiteral("^(?!ALTER TABLE .* ADD FOREIGN KEY )"))));
    QCOMPARE(catalogOf(db), once);
}

void TestPostgresApply::progressNamesEveryTableInCreationOrder()
{
    const Prepared p = prepareCase(QStringLiteral("fk-object-notnull"));
    ApplyOptions o;
    QStringList seen;
    o.progress = [&](int done, int total, const QString &table) {
        QCOMPARE(done, int(seen.size()) + 1);
        QCOMPARE(total, int(p.analysis.order.size()));
        seen << table;
    };
    const ApplyResult r = applyPostgres(freshDatabase(), p.derived, p.analysis, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(seen, p.analysis.order);
}

void TestPostgresApply::canceledRunLeavesTheDatabaseUnchanged()
{
    const Prepared p = prepareCase(QStringLiteral("has-one"));
    const PostgresTarget db = freshDatabase();
    ApplyOptions o;
    int started = 0;
    o.progress = [&](int, int, const QString &) { ++started; };
    o.canceled = [&] { return started >= 2; }; // stop once the second table is under way
    const ApplyResult r = applyPostgres(db, p.derived, p.analysis, o);
    QVERIFY(!r.ok);
    QVERIFY(r.canceled);
    QVERIFY(r.unchanged);
    QCOMPARE(r.executed.last(), QStringLiteral("ROLLBACK"));
    QCOMPARE(catalogOf(db), QJsonObject());
}

void TestPostgresApply::applyVerbTakesAPostgresUrl()
{
    const PostgresTarget db = freshDatabase();
    const QString url = QStringLiteral("postgres://%1@%2:%3/%4")
                            .arg(db.user, db.host, QString::number(db.port), db.database);
    QProcess cli;
    cli.start(QStringLiteral(MC_BINARY),
              {QStringLiteral("apply"), fixture(QStringLiteral("cases/has-one.model.json")),
               QStringLiteral("--db"), url});
    QVERIFY(cli.waitForFinished(60000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(err.contains(QLatin1String("[1/3] Users\n[2/3] Profiles\n[3/3] Addresses\n")),
             qPrintable(err));
    QVERIFY2(err.contains(url + QStringLiteral(" is up to date")), qPrintable(err));
    QCOMPARE(catalogOf(db), expectedTables(QStringLiteral("has-one")));
}

QTEST_GUILESS_MAIN(TestPostgresApply)
#include "tst_postgresapply.moc"
