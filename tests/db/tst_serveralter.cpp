// Force and alter modes on real PostgreSQL and MariaDB servers (scripts/servers.sh;
// MC_PG_* and MC_MYSQL_*): every test runs on both. After a successful run the live
// catalog must equal catalogTables() of the design, and alter must keep the rows.
// Without the variables the test FAILS, unless the developer opts out with
// MC_NO_SERVERS=1 (then it skips); in CI (CI=true) the opt-out is ignored.

#include "sqlitetestutil.h"

#include "db/database.h"
#include "db/mysqlapplier.h"
#include "db/postgresapplier.h"
#include "ddl/catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

using namespace mc;
using namespace sqlitetest;

namespace {

using Rows = QVector<QMap<QString, QString>>;

bool optedOut()
{
    const QByteArray ci = qgetenv("CI");
    const bool inCi = !ci.isEmpty() && ci != "false" && ci != "0";
    return !inCi && qgetenv("MC_NO_SERVERS") == "1";
}

/// `{name}` quoted for the engine.
QString sql(const DatabaseTarget &t, QString text)
{
    const QChar q = t.engine == Engine::Postgres ? QLatin1Char('"') : QLatin1Char('`');
    return text.replace(QLatin1Char('{'), q).replace(QLatin1Char('}'), q);
}

void onServer(const DatabaseTarget &t, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = addServerDatabase(t.engine == Engine::Postgres ? QStringLiteral("QPSQL")
                                                                         : QStringLiteral("QMYSQL"),
                                            t.server, name);
        if (!db.open())
            qFatal("cannot connect: %s", qPrintable(db.lastError().text()));
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void run(const DatabaseTarget &t, const QStringList &statements)
{
    onServer(t, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!q.exec(sql(t, s)))
                qFatal("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
        }
    });
}

QJsonObject serverCatalog(const DatabaseTarget &t)
{
    QString error;
    const auto c = readDatabaseCatalog(t, &error);
    if (!c)
        qFatal("catalog: %s", qPrintable(error));
    return toQt(*c);
}

Rows serverRows(const DatabaseTarget &t, const QString &table)
{
    Rows out;
    onServer(t, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(sql(t, QStringLiteral("SELECT * FROM {%1} ORDER BY {id}").arg(table))))
            qFatal("rows: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            QMap<QString, QString> row;
            for (int i = 0; i < q.record().count(); ++i)
                row.insert(q.record().fieldName(i),
                           q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out.append(row);
        }
    });
    return out;
}

ApplyResult applyTo(const DatabaseTarget &t, const Prepared &p, ApplyMode mode, bool dryRun = false,
                    bool allowDataLoss = false)
{
    ApplyOptions o;
    o.mode = mode;
    o.dryRun = dryRun;
    o.allowDataLoss = allowDataLoss;
    return applySchema(t, p.derived, p.analysis, o);
}

QJsonObject predicted(const DatabaseTarget &t, const Prepared &p)
{
    return toQt(catalogTables(p.derived, t.dialect(), p.analysis.cyclic()));
}

const QStringList kServerSeed{
    QStringLiteral(
        "INSERT INTO {Users} ({id}, {name}, {age}) VALUES (1, 'ann', 30), (2, 'bob', 40)"),
    QStringLiteral("INSERT INTO {Posts} ({id}, {title}, {UserId}) VALUES (1, 'hello', 2)")};

} // namespace

class TestServerAlter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase() { cleanup(); }
    void alterClosesEachKindOfGap_data();
    void alterClosesEachKindOfGap();
    void alterLeavesOtherTablesAloneAndSendsNothingWhenDone_data() { engines(); }
    void alterLeavesOtherTablesAloneAndSendsNothingWhenDone();
    void alterRefusesNotNullColumnWithoutDefault_data() { engines(); }
    void alterRefusesNotNullColumnWithoutDefault();
    void forceRefusesTablesWithRowsThenRecreates_data() { engines(); }
    void forceRefusesTablesWithRowsThenRecreates();
    void forceRecreatesCases_data();
    void forceRecreatesCases();
    void dryRunChangesNothing_data() { engines(); }
    void dryRunChangesNothing();
    void failingAlterMidway_data();
    void failingAlterMidway();

private:
    void engines()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("postgres") << int(Engine::Postgres);
        QTest::newRow("mariadb") << int(Engine::MySQL);
    }
    DatabaseTarget fresh(int engine);
    DatabaseTarget seeded(int engine, const QString &json);

    DatabaseTarget m_pg, m_my; // where CREATE/DROP DATABASE run
    QVector<DatabaseTarget> m_created;
    int m_counter = 0;
};

void TestServerAlter::initTestCase()
{
    const QStringList vars{QStringLiteral("MC_PG_HOST"),    QStringLiteral("MC_PG_PORT"),
                           QStringLiteral("MC_PG_USER"),    QStringLiteral("MC_MYSQL_HOST"),
                           QStringLiteral("MC_MYSQL_PORT"), QStringLiteral("MC_MYSQL_USER")};
    for (const QString &v : vars) {
        if (qEnvironmentVariable(qPrintable(v)).isEmpty()) {
            const QString how = v + QStringLiteral(" is not set: run scripts/test.sh, or "
                                                   "scripts/servers.sh start && eval "
                                                   "\"$(scripts/servers.sh env)\"");
            if (optedOut())
                QSKIP(qPrintable(QStringLiteral("MC_NO_SERVERS=1: server tests skipped (") + how +
                                 QLatin1Char(')')));
            QFAIL(qPrintable(how));
        }
    }
    m_pg.engine = Engine::Postgres;
    m_pg.server = {qEnvironmentVariable("MC_PG_HOST"), qEnvironmentVariableIntValue("MC_PG_PORT"),
                   qEnvironmentVariable("MC_PG_USER"), QStringLiteral("postgres"), QString()};
    m_my.engine = Engine::MySQL;
    m_my.server = {qEnvironmentVariable("MC_MYSQL_HOST"),
                   qEnvironmentVariableIntValue("MC_MYSQL_PORT"),
                   qEnvironmentVariable("MC_MYSQL_USER"), QString(), QString()};
}

DatabaseTarget TestServerAlter::fresh(int engine)
{
    const bool pg = engine == int(Engine::Postgres);
    DatabaseTarget t = pg ? m_pg : m_my;
    t.server.database =
        QStringLiteral("mc_alter_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
    run(pg ? m_pg : m_my,
        {pg ? QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0")
                  .arg(t.server.database)
            : QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE "
                             "utf8mb4_general_ci")
                  .arg(t.server.database)});
    m_created << t;
    return t;
}

DatabaseTarget TestServerAlter::seeded(int engine, const QString &json)
{
    const DatabaseTarget t = fresh(engine);
    const ApplyResult r = applyTo(t, prepare(json), ApplyMode::Create);
    if (!r.ok)
        qFatal("create: %s", qPrintable(r.error));
    run(t, kServerSeed);
    return t;
}

void TestServerAlter::cleanup()
{
    for (const DatabaseTarget &t : std::as_const(m_created))
        run(t.engine == Engine::Postgres ? m_pg : m_my,
            {t.engine == Engine::Postgres
                 ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(t.server.database)
                 : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(t.server.database)});
    m_created.clear();
}

#include "tst_serveralter_cases.inc"

QTEST_GUILESS_MAIN(TestServerAlter)
#include "tst_serveralter.moc"
