#pragma once

#include "rules/analysis.h"
#include "rules/derive.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace mc {

/// How applySqlite() runs. Only sync()'s "create" mode exists so far.
struct ApplyOptions
{
    /// Report the statements that would run, without opening (or creating) the database.
    bool dryRun = false;
    /// Called before each CREATE TABLE: `done` counts tables started, from 1 to `total`.
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
};

/// Creates the schema in the SQLite database at \a path (a file, created if missing,
/// or ":memory:") the way Sequelize 6.37.8's `sync()` does: generateDdl()'s
/// CREATE TABLE IF NOT EXISTS statements in creation order. Unlike sync(), every
/// statement runs in one transaction, so on failure nothing is left behind.
/// A cyclic schema runs with `PRAGMA foreign_keys = OFF` (set before BEGIN, since
/// SQLite ignores it inside a transaction) and ON after COMMIT; otherwise ON.
/// Refuses a schema with a define error or names SQLite cannot take.
ApplyResult applySqlite(const QString &path, const DerivedSchema &derived, const Analysis &analysis,
                        const ApplyOptions &options = {});

} // namespace mc
