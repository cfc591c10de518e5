#pragma once

#include "db/applytypes.h"
#include "db/catalogdiff.h"

#include <QSqlDatabase>

namespace mc {

/// Reads every table of the connection's database: readMysqlCatalog()'s entry, the
/// names of its foreign keys (information_schema.REFERENTIAL_CONSTRAINTS /
/// KEY_COLUMN_USAGE) and indexes (STATISTICS; those InnoDB made for a foreign key
/// marked), and for each table in \a designTables its row count and SHOW CREATE TABLE
/// (the definitions compensating statements restore). False, with the statement and
/// the driver's text in \a error, on failure.
bool readMysqlLive(QSqlDatabase &db, const QStringList &designTables, LiveSchema &live,
                   QString &error);

/// The force or alter plan (by options.mode) for MariaDB, every statement with its
/// compensating statement. Force drops with FOREIGN_KEY_CHECKS off (a cycle cannot be
/// dropped otherwise). Alter writes ADD / DROP / MODIFY COLUMN (full definition, new
/// columns placed where the design has them), ADD / DROP FOREIGN KEY and ADD / DROP INDEX.
AlterPlan planMysql(const DerivedSchema &derived, const Analysis &analysis,
                    const QStringList &createDdl, const LiveSchema &live,
                    const ApplyOptions &options);

/// Runs \a plan. MariaDB commits each DDL statement, so on a failure or cancel the
/// compensating statements of what ran are sent in reverse order (FOREIGN_KEY_CHECKS
/// off); result.error names what they could not bring back, and result.unchanged is
/// set only when everything was undone.
void runMysqlPlan(QSqlDatabase &db, const AlterPlan &plan, const ApplyOptions &options,
                  ApplyResult &result);

} // namespace mc
