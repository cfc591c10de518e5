#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace mc {

/// What an apply makes of the database (the same on every engine).
enum class ApplyMode {
    /// sync(): CREATE TABLE IF NOT EXISTS; existing tables are not looked at.
    Create,
    /// sync({force: true}): drops the design's tables that exist, then creates them.
    /// Refused when a table to drop holds rows, unless allowDataLoss.
    Force,
    /// Closes the gap between the live catalog and the design, keeping rows: creates
    /// missing tables, changes the ones that differ, creates and drops model indexes.
    /// Tables not in the design are left alone.
    Alter,
};

/// How an applier runs.
struct ApplyOptions
{
    ApplyMode mode = ApplyMode::Create;
    /// Force: drop tables that hold rows (otherwise the run is refused, changing nothing).
    bool allowDataLoss = false;
    /// Report the statements that would run, changing nothing. Create mode does not
    /// connect at all; force and alter read the catalog (read-only) to plan.
    bool dryRun = false;
    /// Called before the work on each table starts: `done` counts tables started,
    /// from 1 to `total`. May be called from a worker thread.
    std::function<void(int done, int total, const QString &table)> progress;
    /// Polled between statements; true stops the run as a failure would (rolled back
    /// where the engine can), with `canceled` set in the result.
    std::function<bool()> canceled;
};

/// What an applier did.
struct ApplyResult
{
    bool ok = false;
    /// Every statement sent, in order (BEGIN, the DDL, COMMIT, ROLLBACK or the
    /// compensating statements after a failure); for a dry run the ones that would be sent.
    QStringList executed;
    /// Empty when ok; otherwise why: the failing statement and the driver's text, and
    /// on MariaDB what could not be undone.
    QString error;
    /// After a failure: the database is exactly as it was before the run (rolled back,
    /// or on MariaDB every change undone).
    bool unchanged = false;
    /// The run stopped because options.canceled said so.
    bool canceled = false;
    /// Force was refused, changing nothing, because tables to drop hold rows; running
    /// again with allowDataLoss would drop them.
    bool refusedDataLoss = false;
    /// SQLite: `PRAGMA foreign_keys` read back on the applying connection once done.
    bool foreignKeysEnforced = false;
    /// SQLite: rows `PRAGMA foreign_key_check` reports once done (rows that already
    /// existed may violate foreign keys created while enforcement was off).
    int foreignKeyViolations = 0;
    /// For people: tables left alone, or that there was nothing to do (alter mode with
    /// nothing to do sends no statement at all).
    QStringList notes;
};

/// Why force refuses to drop tables that hold rows; \a holding lists each as
/// `name (N rows)`.
inline QString dataLossRefusal(const QStringList &holding)
{
    return QStringLiteral("refusing to drop %1 table(s) that hold rows: %2. Nothing was "
                          "changed; allow data loss (--yes) to drop them.")
        .arg(holding.size())
        .arg(holding.join(QStringLiteral(", ")));
}

} // namespace mc
