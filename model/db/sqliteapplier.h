#pragma once

#include "rules/analysis.h"
#include "rules/derive.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace mc {

/// What applySqlite() makes of the database.
enum class ApplyMode {
    /// sync(): CREATE TABLE IF NOT EXISTS; existing tables are not looked at.
    Create,
    /// sync({force: true}): drops the design's tables that exist, then creates them.
    /// Refused when a table to drop holds rows, unless allowDataLoss.
    Force,
    /// Closes the gap between the live catalog and the design, keeping rows: creates
    /// missing tables, rebuilds changed ones (copying the common columns), creates
    /// and drops model indexes. Tables not in the design are left alone.
    Alter,
};

/// How applySqlite() runs.
struct ApplyOptions
{
    ApplyMode mode = ApplyMode::Create;
    /// Force: drop tables that hold rows (otherwise the run is refused, changing nothing).
    bool allowDataLoss = false;
    /// Report the statements that would run, changing nothing. Create mode does not
    /// open (or create) the database; force and alter read it (read-only) to plan.
    bool dryRun = false;
    /// Called before the work on each table starts: `done` counts tables started,
    /// from 1 to `total`.
    std::function<void(int done, int total, const QString &table)> progress;
};

/// What applySqlite() did.
struct ApplyResult
{
    bool ok = false;
    /// Every statement sent, in order (PRAGMA, BEGIN, the DDL, COMMIT); for a dry run
    /// the ones that would be sent. On failure, up to and including the failing one.
    QStringList executed;
    /// Empty when ok; otherwise why: the failing statement and the driver's text.
    QString error;
    /// `PRAGMA foreign_keys` read back on the applying connection once done.
    bool foreignKeysEnforced = false;
    /// Rows `PRAGMA foreign_key_check` reports once done (rows that already existed
    /// may violate foreign keys created while enforcement was off).
    int foreignKeyViolations = 0;
    /// For people: tables left alone, or that there was nothing to do (alter mode with
    /// nothing to do sends no statement at all).
    QStringList notes;
};

/// Creates the schema in the SQLite database at \a path (a file, created if missing,
/// or ":memory:") the way Sequelize 6.37.8's `sync()` does: generateDdl()'s
/// CREATE TABLE IF NOT EXISTS statements in creation order. Unlike sync(), every
/// statement runs in one transaction, so on failure nothing is left behind.
/// A cyclic schema runs with `PRAGMA foreign_keys = OFF` (set before BEGIN, since
/// SQLite ignores it inside a transaction) and ON after COMMIT; otherwise ON.
/// Refuses a schema with a define error or names SQLite cannot take.
/// Force and alter (see ApplyMode) read the live catalog first and always run as
/// `PRAGMA foreign_keys = OFF`, BEGIN, the changes, `PRAGMA foreign_key_check` (any
/// row reported fails the run and rolls it back), COMMIT, `PRAGMA foreign_keys = ON`.
ApplyResult applySqlite(const QString &path, const DerivedSchema &derived, const Analysis &analysis,
                        const ApplyOptions &options = {});

} // namespace mc
