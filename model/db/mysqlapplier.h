#pragma once

#include "db/applytypes.h"
#include "db/servertarget.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace mc {

/// Where the database is (the port defaults to 3306 in URLs).
using MysqlTarget = ServerTarget;

/// Parses a Sequelize-style URL, `mysql://[USER@]HOST[:PORT]/DB` (also `mariadb://`);
/// nullopt (with the reason in \a error) for anything else, a password included.
std::optional<MysqlTarget> parseMysqlUrl(const QString &url, QString *error = nullptr);

/// True when \a url names MariaDB/MySQL (`mysql://` or `mariadb://`), well-formed or not.
bool isMysqlUrl(const QString &url);

/// Adds a QMYSQL connection named \a connection for \a target (password from
/// MODELCANVAS_DB_PASSWORD when set), not opened yet; the caller removes it.
QSqlDatabase addMysqlDatabase(const MysqlTarget &target, const QString &connection);

/// Creates the schema in the MariaDB database \a target through QMYSQL the way
/// Sequelize 6.37.8's `sync()` does: generateDdl(..., Dialect::MySQL) in order
/// (CREATE TABLE IF NOT EXISTS, indexes, and for a cyclic schema ALTER TABLE ... ADD
/// FOREIGN KEY, left out for a table that exists already). MariaDB commits DDL
/// implicitly, so there is no transaction: on failure the tables this run created are
/// dropped again (with FOREIGN_KEY_CHECKS off); changes to tables that existed before
/// cannot be undone and are named in the error. Refuses a schema with a define error
/// or names MySQL cannot take.
ApplyResult applyMysql(const MysqlTarget &target, const DerivedSchema &derived,
                       const Analysis &analysis, const ApplyOptions &options = {});

} // namespace mc
