#pragma once

#include "db/applytypes.h"
#include "db/servertarget.h"
#include "ddl/sqltypes.h"
#include "domain/jsonvalue.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QString>

#include <optional>

namespace mc {

/// The database engines ModelCanvas applies to and imports from.
enum class Engine { SQLite, Postgres, MySQL };

/// One database, whatever the engine: what a `--db` URL or the connection dialog names.
struct DatabaseTarget
{
    Engine engine = Engine::SQLite;
    QString sqlitePath;  ///< SQLite: a file (created if missing) or ":memory:"
    ServerTarget server; ///< PostgreSQL and MariaDB

    /// The SQL dialect the engine speaks.
    Dialect dialect() const;
    /// The Sequelize-style URL (`sqlite:PATH`, `postgres://USER@HOST:PORT/DB`,
    /// `mysql://...`), never with the password: safe to show and to remember.
    QString url() const;
    /// "SQLite", "PostgreSQL" or "MariaDB", for messages.
    QString engineName() const;
};

/// Parses a Sequelize-style database URL: `sqlite:PATH` (or `sqlite://PATH`), `sqlite::memory:`,
/// `postgres://[USER@]HOST[:PORT]/DB` (or `postgresql://`), `mysql://[USER@]HOST[:PORT]/DB`
/// (or `mariadb://`). nullopt with the reason in \a error for anything else, a URL
/// carrying a password included.
std::optional<DatabaseTarget> parseDatabaseUrl(const QString &url, QString *error = nullptr);

/// True when \a target needs a password that is not at hand: a server whose target has
/// none and MODELCANVAS_DB_PASSWORD is unset (the caller may prompt for one; servers
/// with trust authentication take an empty one).
bool mayNeedPassword(const DatabaseTarget &target);

/// Applies the schema with the engine's applier (applySqlite, applyPostgres, applyMysql).
ApplyResult applySchema(const DatabaseTarget &target, const DerivedSchema &derived,
                        const Analysis &analysis, const ApplyOptions &options = {});

/// The database's catalog in the conformance expectations' shape (what the engine's
/// catalog reader returns: tables by name). nullopt with the reason in \a error when the
/// database cannot be opened or read. \a enumLabels, when given, receives what that
/// shape leaves out and an import needs: the labels of PostgreSQL's ENUM types, by
/// type name (readPostgresEnumLabels(); empty on the other engines).
std::optional<JsonValue> readDatabaseCatalog(const DatabaseTarget &target, QString *error = nullptr,
                                             QHash<QString, QStringList> *enumLabels = nullptr);

} // namespace mc
