// applyMysql() against a real MariaDB server (scripts/servers.sh starts a throwaway
// one; MC_MYSQL_HOST/PORT/USER say where): each case in a fresh database must leave
// the catalog Sequelize 6.37.8 left on MariaDB 10.11 (expected/mysql-live), and a
// failure must drop what the run created. Without the MC_MYSQL_* variables the test
// FAILS, unless the developer opts out with MC_NO_SERVERS=1 (then it skips); in CI
// (CI=true) the opt-out is ignored.

#include "casetestutil.h"
#include "db/mysqlapplier.h"
#include "db/mysqlcatalog.h"
#include "ddl/catalog.h"
#include "ddltestschemas.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
    return casetest::expectedTables(QStringLiteral("mysql-live"), caseName);
}

void withDb(const MysqlTarget &target, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = addMysqlDatabase(target, name);
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

QJsonObject catalogOf(const MysqlTarget &target)
{
    QJsonObject tables;
    withDb(target, [&](QSqlDatabase &db) {
        QString error;
        tables = toQt(readMysqlCatalog(db, &error));
        if (!error.isEmpty())
            qFatal("catalog: %s", qPrintable(error));
    });
    return tables;
}

bool optedOut()
{
    const QByteArray ci = qgetenv("CI");
    const bool inCi = !ci.isEmpty() && ci != "false" && ci != "0";
    return !inCi && qgetenv("MC_NO_SERVERS") == "1";
}

} // namespace

class TestMysqlApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void matchesSequelizesCatalog_data();
    void matchesSequelizesCatalog();
    void failureMidwayDropsWhatItCreated_data();
    void failureMidwayDropsWhatItCreated();
    void hostileIdentifiersKeepTheirNames();
    void applyingTwiceIsIdempotent();
    void dryRunConnectsToNothing();
    void parsesSequelizeUrls();
    void applyVerbTakesAMysqlUrl();
    void canceledRunDropsWhatItCreated();

private:
    MysqlTarget freshDatabase();

    MysqlTarget m_server; // no database: where CREATE/DROP DATABASE run
    QStringList m_created;
    int m_counter = 0;
};

void TestMysqlApply::initTestCase()
{
    const QString host = qEnvironmentVariable("MC_MYSQL_HOST");
    const QString port = qEnvironmentVariable("MC_MYSQL_PORT");
    const QString user = qEnvironmentVariable("MC_MYSQL_USER");
    if (host.isEmpty() || port.isEmpty() || user.isEmpty()) {
        const char *how = "MC_MYSQL_HOST, MC_MYSQL_PORT and MC_MYSQL_USER are not set: run "
                          "scripts/test.sh, or scripts/servers.sh start && eval "
                          "\"$(scripts/servers.sh env)\"";
        if (optedOut())
            QSKIP(qPrintable(QStringLiteral("MC_NO_SERVERS=1: MariaDB tests skipped (%1)")
                                 .arg(QLatin1String(how))));
        QFAIL(how);
    }
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")),
             "the Qt MySQL driver (QMYSQL, Debian: libqt6sql6-mysql) is missing");
    m_server = {host, port.toInt(), user, QString(), QString()};
    bool connected = false;
    QString why;
    {
        QSqlDatabase db = addMysqlDatabase(m_server, QStringLiteral("probe"));
        connected = db.open();
        why = db.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    QVERIFY2(
        connected,
        qPrintable(QStringLiteral("cannot connect to MariaDB on %1:%2: %3").arg(host, port, why)));
}

MysqlTarget TestMysqlApply::freshDatabase()
{
    MysqlTarget t = m_server;
    t.database =
        QStringLiteral("mc_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
    withDb(m_server, [&](QSqlDatabase &db) {
        exec(db, QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE "
                                "utf8mb4_general_ci")
                     .arg(t.database));
    });
    m_created << t.database;
    return t;
}

void TestMysqlApply::cleanup()
{
    if (m_created.isEmpty())
        return;
    withDb(m_server, [&](QSqlDatabase &db) {
        for (const QString &name : std::as_const(m_created))
            exec(db, QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name));
    });
    m_created.clear();
}

void TestMysqlApply::cleanupTestCase()
{
    cleanup();
}

void TestMysqlApply::matchesSequelizesCatalog_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = caseNames();
    QVERIFY(names.size() >= 15);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestMysqlApply::matchesSequelizesCatalog()
{
    QFETCH(QString, name);
    const Prepared p = prepareCase(name);
    const MysqlTarget db = freshDatabase();
    const ApplyResult r = applyMysql(db, p.derived, p.analysis);
    const QJsonObject expected = expectedTables(name);
    if (name == QLatin1String("error-duplicate-alias")) {
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("You have used the alias Photos in two separate "
                                                "associations.")),
                 qPrintable(r.error));
        QVERIFY(r.executed.isEmpty());
        QVERIFY(expected.isEmpty());
        QCOMPARE(catalogOf(db), expected);
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!expected.isEmpty());
    const QJsonObject actual = catalogOf(db);
    if (actual != expected)
        qWarning("actual: %s", QJsonDocument(actual).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(actual, expected);
    QCOMPARE(actual, toQt(catalogTables(p.derived, Dialect::MySQL, p.analysis.cyclic())));
}

void TestMysqlApply::failureMidwayDropsWhatItCreated_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("blocker");
    QTest::newRow("acyclic") << QStringLiteral("btm-through-string") << QStringLiteral("Projects");
    QTest::newRow("cyclic") << QStringLiteral("seed-cycle-no-constraints-false")
                            << QStringLiteral("Pictures");
}

void TestMysqlApply::failureMidwayDropsWhatItCreated()
{
    QFETCH(QString, name);
    QFETCH(QString, blocker);
    // A table without an `id`: CREATE TABLE IF NOT EXISTS skips it, `Users` is
    // created, then the first foreign key to the blocker's `id` fails.
    const MysqlTarget db = freshDatabase();
    withDb(db, [&](QSqlDatabase &c) {
        exec(c, QStringLiteral("CREATE TABLE `%1` (`x` INTEGER) ENGINE=InnoDB").arg(blocker));
    });
    const QJsonObject before = catalogOf(db);
    const Prepared p = prepareCase(name);
    const ApplyResult r = applyMysql(db, p.derived, p.analysis);
    QVERIFY(!r.ok);
    QVERIFY2(r.unchanged, qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("REFERENCES `%1`").arg(blocker)), qPrintable(r.error));
    QCOMPARE(r.executed.filter(QStringLiteral("CREATE TABLE IF NOT EXISTS `Users`")).size(), 1);
    QCOMPARE(r.executed.last(), QStringLiteral("SET FOREIGN_KEY_CHECKS = 1"));
    QVERIFY(r.executed.contains(QStringLiteral("DROP TABLE IF EXISTS `Users`")));
    QCOMPARE(catalogOf(db), before);
}

void TestMysqlApply::hostileIdentifiersKeepTheirNames()
{
    const Prepared p = prepare(ddltest::deriveDocument(ddltest::kHostile));
    const MysqlTarget db = freshDatabase();
    const ApplyResult r = applyMysql(db, p.derived, p.analysis);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonObject actual = catalogOf(db);
    QStringList tables = actual.keys();
    QStringList expected{QStringLiteral("select"),
                         QStringLiteral("Robert'); DROP TABLE Students;--"),
                         QStringLiteral("we`ird \"table\" 名前"), QStringLiteral("join \"table\"")};
    tables.sort();
    expected.sort();
    QCOMPARE(tables, expected);
    QCOMPARE(actual, toQt(catalogTables(p.derived, Dialect::MySQL, p.analysis.cyclic())));
}

void TestMysqlApply::applyingTwiceIsIdempotent()
{
    for (const char *doc : {ddltest::kIndexes, ddltest::kCycleWithJunction}) {
        const Prepared p = prepare(ddltest::deriveDocument(doc));
        const MysqlTarget db = freshDatabase();
        const ApplyResult first = applyMysql(db, p.derived, p.analysis);
        QVERIFY2(first.ok, qPrintable(first.error));
        const QJsonObject once = catalogOf(db);
        const ApplyResult second = applyMysql(db, p.derived, p.analysis);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(catalogOf(db), once);
    }
}

void TestMysqlApply::dryRunConnectsToNothing()
{
    const Prepared p = prepareCase(QStringLiteral("seed-cycle-no-constraints-false"));
    ApplyOptions o;
    o.dryRun = true;
    const ApplyResult r = applyMysql({QStringLiteral("127.0.0.1"), 1, QStringLiteral("nobody"),
                                      QStringLiteral("none"), QString()},
                                     p.derived, p.analysis, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.executed.size(), 4);
    QVERIFY(r.executed.at(2).startsWith(QLatin1String("ALTER TABLE `Users` ADD FOREIGN KEY")));
}

void TestMysqlApply::parsesSequelizeUrls()
{
    const auto t = parseMysqlUrl(QStringLiteral("mysql://app@db.example:3307/shop"));
    QVERIFY(t);
    QCOMPARE(t->host, QStringLiteral("db.example"));
    QCOMPARE(t->port, 3307);
    QCOMPARE(t->user, QStringLiteral("app"));
    QCOMPARE(t->database, QStringLiteral("shop"));
    QCOMPARE(parseMysqlUrl(QStringLiteral("mariadb://h/db"))->port, 3306);
    QString why;
    QVERIFY(!parseMysqlUrl(QStringLiteral("mysql://app:pw@h/db"), &why));
    QVERIFY2(why.contains(QLatin1String("MODELCANVAS_DB_PASSWORD")), qPrintable(why));
    QVERIFY(!parseMysqlUrl(QStringLiteral("mysql://h"), &why));
}

void TestMysqlApply::applyVerbTakesAMysqlUrl()
{
    const MysqlTarget db = freshDatabase();
    const QString url = QStringLiteral("mysql://%1@%2:%3/%4")
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

void TestMysqlApply::canceledRunDropsWhatItCreated()
{
    const Prepared p = prepareCase(QStringLiteral("has-one"));
    const MysqlTarget db = freshDatabase();
    ApplyOptions o;
    int started = 0;
    o.progress = [&](int, int, const QString &) { ++started; };
    o.canceled = [&] { return started >= 2; }; // stop once the second table is under way
    const ApplyResult r = applyMysql(db, p.derived, p.analysis, o);
    QVERIFY(!r.ok);
    QVERIFY(r.canceled);
    QVERIFY2(r.unchanged, qPrintable(r.error));
    QVERIFY2(r.error.startsWith(QLatin1String("canceled")), qPrintable(r.error));
    QCOMPARE(catalogOf(db), QJsonObject());
}

QTEST_GUILESS_MAIN(TestMysqlApply)
#include "tst_mysqlapply.moc"
