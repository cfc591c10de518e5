#pragma once

// What the tests that run on both servers share (scripts/servers.sh starts them;
// MC_PG_* and MC_MYSQL_* say where): the opt-out rule, connections, and a fixture
// that creates throwaway databases and drops them again.

#include "db/database.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <functional>

namespace servertest {

using namespace mc;

/// MC_NO_SERVERS=1 lets a developer skip the server tests; never in CI (CI=true).
inline bool optedOut()
{
    const QByteArray ci = qgetenv("CI");
    const bool inCi = !ci.isEmpty() && ci != "false" && ci != "0";
    return !inCi && qgetenv("MC_NO_SERVERS") == "1";
}

/// `{name}` quoted for the engine.
inline QString sql(const DatabaseTarget &t, QString text)
{
    const QChar q = t.engine == Engine::Postgres ? QLatin1Char('"') : QLatin1Char('`');
    return text.replace(QLatin1Char('{'), q).replace(QLatin1Char('}'), q);
}

inline void onServer(const DatabaseTarget &t, const std::function<void(QSqlDatabase &)> &body)
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

/// Runs \a statements (with `{name}` quoting) on \a t; any failure is fatal.
inline void run(const DatabaseTarget &t, const QStringList &statements)
{
    onServer(t, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!q.exec(sql(t, s)))
                qFatal("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
        }
    });
}

/// Both servers, and the throwaway databases a test made on them.
class Servers
{
public:
    /// Fails the test (or skips it, see optedOut()) when the variables are missing.
    /// Call from initTestCase() and return when it gives false.
    bool init()
    {
        const QStringList vars{QStringLiteral("MC_PG_HOST"),    QStringLiteral("MC_PG_PORT"),
                               QStringLiteral("MC_PG_USER"),    QStringLiteral("MC_MYSQL_HOST"),
                               QStringLiteral("MC_MYSQL_PORT"), QStringLiteral("MC_MYSQL_USER")};
        for (const QString &v : vars) {
            if (!qEnvironmentVariable(qPrintable(v)).isEmpty())
                continue;
            const QString how = v + QStringLiteral(" is not set: run scripts/test.sh, or "
                                                   "scripts/servers.sh start && eval "
                                                   "\"$(scripts/servers.sh env)\"");
            if (optedOut())
                QTest::qSkip(qPrintable(QStringLiteral("MC_NO_SERVERS=1: server tests skipped (") +
                                        how + QLatin1Char(')')),
                             __FILE__, __LINE__);
            else
                QTest::qFail(qPrintable(how), __FILE__, __LINE__);
            return false;
        }
        m_pg.engine = Engine::Postgres;
        m_pg.server = {qEnvironmentVariable("MC_PG_HOST"),
                       qEnvironmentVariableIntValue("MC_PG_PORT"),
                       qEnvironmentVariable("MC_PG_USER"), QStringLiteral("postgres"), QString()};
        m_my.engine = Engine::MySQL;
        m_my.server = {qEnvironmentVariable("MC_MYSQL_HOST"),
                       qEnvironmentVariableIntValue("MC_MYSQL_PORT"),
                       qEnvironmentVariable("MC_MYSQL_USER"), QString(), QString()};
        return true;
    }

    /// A new empty database on \a engine (Engine as int, for data-driven tests).
    DatabaseTarget fresh(int engine, const QString &prefix)
    {
        const bool pg = engine == int(Engine::Postgres);
        DatabaseTarget t = pg ? m_pg : m_my;
        t.server.database = QStringLiteral("%1_%2_%3")
                                .arg(prefix)
                                .arg(QCoreApplication::applicationPid())
                                .arg(++m_counter);
        run(pg ? m_pg : m_my,
            {pg ? QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0")
                      .arg(t.server.database)
                : QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE "
                                 "utf8mb4_general_ci")
                      .arg(t.server.database)});
        m_created << t;
        return t;
    }

    /// Drops every database fresh() made.
    void dropAll()
    {
        for (const DatabaseTarget &t : std::as_const(m_created))
            run(t.engine == Engine::Postgres ? m_pg : m_my,
                {t.engine == Engine::Postgres
                     ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                           .arg(t.server.database)
                     : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(t.server.database)});
        m_created.clear();
    }

    /// Data rows "postgres" and "mariadb" of an `engine` column.
    static void engines()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("postgres") << int(Engine::Postgres);
        QTest::newRow("mariadb") << int(Engine::MySQL);
    }

private:
    DatabaseTarget m_pg, m_my; // where CREATE/DROP DATABASE run
    QVector<DatabaseTarget> m_created;
    int m_counter = 0;
};

} // namespace servertest
