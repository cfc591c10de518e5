#pragma once

#include "db/applytypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace mc {

/// An index made by CREATE INDEX (PRAGMA index_list origin "c"): a model index.
struct SqliteLiveIndex
{
    QString name;
    QStringList columns;
    bool unique = false;
};

/// One table of the live database, as the force and alter planners need it.
struct SqliteLiveTable
{
    QJsonObject catalog; ///< readSqliteCatalog()'s entry for the table
    qint64 rows = 0;
    QVector<SqliteLiveIndex> createdIndexes;
};

/// The live database by table name (`sqlite_*` left out).
using SqliteLiveSchema = QMap<QString, SqliteLiveTable>;

/// Reads every table of \a db; false, with the driver's text in \a error, on failure.
bool readSqliteLive(QSqlDatabase &db, SqliteLiveSchema &live, QString &error);

/// The table a `CREATE TABLE IF NOT EXISTS` statement creates; empty for others.
QString sqliteCreatedTable(const QString &statement);

/// One statement of a plan; `table` is set on the first statement of the work on a
/// design table (what progress reports), empty otherwise.
struct SqliteStep
{
    QString sql;
    QString table;
};

/// What a planner decided: the statements that go between BEGIN and the closing
/// `PRAGMA foreign_key_check` (none: nothing to do), or why nothing may run.
struct SqlitePlan
{
    QVector<SqliteStep> steps;
    QStringList notes;            ///< for people: tables left alone
    QString error;                ///< non-empty: refused before changing anything
    bool dataLossRefused = false; ///< the error is dataLossRefusal()
};

/// sync({force: true}): `DROP TABLE IF EXISTS` for each design table in \a live, in
/// reverse creation order, then \a createDdl (generateDdl()'s statements; PRAGMAs are
/// dropped). Refused, listing the tables and their row counts, when a table to drop
/// holds rows and \a allowDataLoss is false.
SqlitePlan planSqliteForce(const DerivedSchema &derived, const Analysis &analysis,
                           const QStringList &createDdl, const SqliteLiveSchema &live,
                           bool allowDataLoss);

/// The statements that turn \a live into catalogTables(derived, SQLite), keeping rows:
/// CREATE TABLE (and its indexes) for a missing table; for a table whose columns,
/// keys, uniques or foreign keys differ, SQLite's rebuild (CREATE TABLE under a
/// temporary name, INSERT ... SELECT of the common columns, DROP, RENAME, the model
/// indexes again); CREATE/DROP INDEX for model indexes that differ. Refused when a
/// table with rows would get a NOT NULL column without a default. Tables not in the
/// design are left alone (a note each).
SqlitePlan planSqliteAlter(const DerivedSchema &derived, const Analysis &analysis,
                           const SqliteLiveSchema &live);

} // namespace mc
