#pragma once

#include "db/applytypes.h"
#include "db/servertarget.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

#include <optional>

namespace mc {

/// Where the database is (the port defaults to 5432 in URLs).
using PostgresTarget = ServerTarget;

/// Parses a Sequelize-style URL, `postgres://[USER@]HOST[:PORT]/DB` (also
/// `postgresql://`); nullopt (with the reason in \a error) for anything else,
/// including a URL carrying a password.
std::optional<PostgresTarget> parsePostgresUrl(const QString &url, QString *error = nullptr);

/// Adds a QPSQL connection named \a connection for \a target (password from
/// MODELCANVAS_DB_PASSWORD when set), not opened yet; the caller removes it.
QSqlDatabase addPostgresDatabase(const PostgresTarget &target, const QString &connection);

/// "statement failed: STATEMENT\nERROR" for people, with what to do when the server ran
/// out of lock slots (max_locks_per_transaction) creating a large schema in one transaction.
QString postgresFailure(const QString &statement, const QSqlError &error);

/// True when \a url names PostgreSQL (`postgres://` or `postgresql://`), well-formed or not.
bool isPostgresUrl(const QString &url);

/// Creates the schema in the PostgreSQL database \a target through QPSQL the way
/// Sequelize 6.37.8's `sync()` does: generateDdl(..., Dialect::Postgres) (ENUM `DO`
/// blocks, CREATE TABLE IF NOT EXISTS in creation order, indexes, and for a cyclic
/// schema the ALTER TABLE ... ADD FOREIGN KEY statements, left out for a table that
/// exists already; index statements get IF NOT EXISTS). Unlike sync(), all of it
/// runs in one transaction (PostgreSQL DDL is transactional): on failure it rolls
/// back and nothing is left behind. Refuses a schema with a define error or names
/// PostgreSQL cannot take.
ApplyResult applyPostgres(const PostgresTarget &target, const DerivedSchema &derived,
                          const Analysis &analysis, const ApplyOptions &options = {});

} // namespace mc
