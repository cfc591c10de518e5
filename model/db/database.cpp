#include "database.h"

#include "db/mysqlapplier.h"
#include "db/mysqlcatalog.h"
#include "db/postgresapplier.h"
#include "db/postgrescatalog.h"
#include "db/sqliteapplier.h"
#include "db/sqlitecatalog.h"

#include <QFileInfo>
#include <QSqlError>
#include <QUrl>
#include <QUuid>

namespace mc {

namespace {

const QLatin1String kSqliteScheme("sqlite:");

QString driverOf(Engine engine)
{
    switch (engine) {
    case Engine::SQLite:
        return QStringLiteral("QSQLITE");
    case Engine::Postgres:
        return QStringLiteral("QPSQL");
    case Engine::MySQL:
        break;
    }
    return QStringLiteral("QMYSQL");
}

QString packageOf(Engine engine)
{
    switch (engine) {
    case Engine::SQLite:
        return QStringLiteral("libqt6sql6-sqlite");
    case Engine::Postgres:
        return QStringLiteral("libqt6sql6-psql");
    case Engine::MySQL:
        break;
    }
    return QStringLiteral("libqt6sql6-mysql");
}

} // namespace

Dialect DatabaseTarget::dialect() const
{
    switch (engine) {
    case Engine::SQLite:
        return Dialect::SQLite;
    case Engine::Postgres:
        return Dialect::Postgres;
    case Engine::MySQL:
        break;
    }
    return Dialect::MySQL;
}

QString DatabaseTarget::engineName() const
{
    switch (engine) {
    case Engine::SQLite:
        return QStringLiteral("SQLite");
    case Engine::Postgres:
        return QStringLiteral("PostgreSQL");
    case Engine::MySQL:
        break;
    }
    return QStringLiteral("MariaDB");
}

QString DatabaseTarget::url() const
{
    if (engine == Engine::SQLite)
        return kSqliteScheme + sqlitePath;
    QUrl u;
    u.setScheme(engine == Engine::Postgres ? QStringLiteral("postgres") : QStringLiteral("mysql"));
    u.setHost(server.host);
    u.setPort(server.port);
    if (!server.user.isEmpty()) // an empty one would still print as `//@host`
        u.setUserName(server.user);
    u.setPath(QLatin1Char('/') + server.database);
    return u.toString(QUrl::FullyEncoded);
}

std::optional<DatabaseTarget> parseDatabaseUrl(const QString &url, QString *error)
{
    DatabaseTarget t;
    if (url.startsWith(kSqliteScheme)) {
        // Sequelize also takes `sqlite://PATH` (`sqlite:///abs/file.db`).
        const QLatin1String slashes("sqlite://");
        t.sqlitePath = url.mid(url.startsWith(slashes) ? slashes.size() : kSqliteScheme.size());
        if (t.sqlitePath.isEmpty()) {
            if (error)
                *error = QStringLiteral("no path (expected sqlite:PATH or sqlite::memory:)");
            return std::nullopt;
        }
        return t;
    }
    std::optional<ServerTarget> server;
    if (isPostgresUrl(url)) {
        t.engine = Engine::Postgres;
        server = parsePostgresUrl(url, error);
    } else if (isMysqlUrl(url)) {
        t.engine = Engine::MySQL;
        server = parseMysqlUrl(url, error);
    } else {
        if (error)
            *error = QStringLiteral("unknown kind of database (expected sqlite:PATH, "
                                    "sqlite::memory:, postgres://USER@HOST:PORT/DB or "
                                    "mysql://USER@HOST:PORT/DB)");
        return std::nullopt;
    }
    if (!server)
        return std::nullopt;
    t.server = *server;
    return t;
}

bool mayNeedPassword(const DatabaseTarget &target)
{
    return target.engine != Engine::SQLite && target.server.password.isEmpty() &&
           qEnvironmentVariableIsEmpty("MODELCANVAS_DB_PASSWORD");
}

ApplyResult applySchema(const DatabaseTarget &target, const DerivedSchema &derived,
                        const Analysis &analysis, const ApplyOptions &options)
{
    switch (target.engine) {
    case Engine::SQLite:
        return applySqlite(target.sqlitePath, derived, analysis, options);
    case Engine::Postgres:
        return applyPostgres(target.server, derived, analysis, options);
    case Engine::MySQL:
        break;
    }
    return applyMysql(target.server, derived, analysis, options);
}

std::optional<JsonValue> readDatabaseCatalog(const DatabaseTarget &target, QString *error,
                                             QHash<QString, QStringList> *enumLabels)
{
    auto fail = [error](const QString &why) -> std::optional<JsonValue> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString driver = driverOf(target.engine);
    if (!QSqlDatabase::isDriverAvailable(driver))
        return fail(QStringLiteral("the Qt %1 driver (%2) is not available (Debian: %3)")
                        .arg(target.engineName(), driver, packageOf(target.engine)));
    if (target.engine == Engine::SQLite && target.sqlitePath != QLatin1String(":memory:") &&
        !QFileInfo::exists(target.sqlitePath))
        return fail(QStringLiteral("no SQLite database at %1").arg(target.sqlitePath));
    const QString connection =
        QStringLiteral("mc-catalog-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::optional<JsonValue> tables;
    QString why;
    {
        QSqlDatabase db;
        if (target.engine == Engine::SQLite) {
            db = QSqlDatabase::addDatabase(driver, connection);
            db.setDatabaseName(target.sqlitePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            db = addServerDatabase(driver, target.server, connection);
        }
        if (!db.open()) {
            why = QStringLiteral("cannot open %1: %2").arg(target.url(), db.lastError().text());
        } else {
            JsonValue read = target.engine == Engine::SQLite     ? readSqliteCatalog(db, &why)
                             : target.engine == Engine::Postgres ? readPostgresCatalog(db, &why)
                                                                 : readMysqlCatalog(db, &why);
            if (why.isEmpty() && enumLabels && target.engine == Engine::Postgres)
                *enumLabels = readPostgresEnumLabels(db, &why);
            if (why.isEmpty())
                tables = std::move(read);
            else
                why = QStringLiteral("cannot read the catalog of %1: %2").arg(target.url(), why);
        }
        db.close();
    } // every handle on the connection must be gone before removeDatabase()
    QSqlDatabase::removeDatabase(connection);
    if (!tables)
        return fail(why);
    return tables;
}

} // namespace mc
