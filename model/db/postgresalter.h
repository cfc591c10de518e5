#pragma once

#include "db/applytypes.h"
#include "db/catalogdiff.h"

#include <QSqlDatabase>

namespace mc {

/// Reads every table of the connection's current schema: readPostgresCatalog()'s entry,
/// the names of its foreign keys, unique constraints and other indexes (pg_constraint,
/// pg_index), and the row count of each table in \a designTables. False, with the
/// statement and the driver's text in \a error, on failure.
bool readPostgresLive(QSqlDatabase &db, const QStringList &designTables, LiveSchema &live,
                      QString &error);

/// The force or alter plan (by options.mode) for PostgreSQL. Force drops with
/// `DROP TABLE IF EXISTS "t" CASCADE` as Sequelize does, then the ENUM types of the
/// dropped tables (as queryInterface.dropTable() does), so that the re-created table gets
/// the design's values. Alter writes ADD / DROP COLUMN, ALTER COLUMN ... TYPE ... USING,
/// SET / DROP NOT NULL, SET / DROP DEFAULT, ADD / DROP CONSTRAINT and CREATE / DROP INDEX.
AlterPlan planPostgres(const DerivedSchema &derived, const Analysis &analysis,
                       const QStringList &createDdl, const LiveSchema &live,
                       const ApplyOptions &options);

/// Runs \a steps inside BEGIN ... COMMIT (create mode and force/alter plans alike); on a
/// failure or cancel, ROLLBACK (the result is then `unchanged`). Progress per step that
/// names a table, cancel polled before each statement.
void runPostgresSteps(QSqlDatabase &db, const QVector<AlterStep> &steps,
                      const ApplyOptions &options, ApplyResult &result);

/// Runs \a plan inside BEGIN ... COMMIT; on a failure or cancel, ROLLBACK (the result is
/// then `unchanged`). Progress per table, cancel polled before each statement.
void runPostgresPlan(QSqlDatabase &db, const AlterPlan &plan, const ApplyOptions &options,
                     ApplyResult &result);

} // namespace mc
