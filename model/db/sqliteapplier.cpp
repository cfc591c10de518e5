#include "sqliteapplier.h"

#include "db/sqlitealter.h"
#include "ddl/ddlgenerator.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QUuid>

#include <optional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace mc {

namespace {

const QString kForeignKeysOff = QStringLiteral("PRAGMA foreign_keys = OFF");
const QString kForeignKeysOn = QStringLiteral("PRAGMA foreign_keys = ON");
const QString kForeignKeyCheck = QStringLiteral("PRAGMA foreign_key_check");

/// The create-mode run, in order: the generator's PRAGMAs are moved out of the
/// transaction because SQLite ignores `PRAGMA foreign_keys` inside one.
QVector<SqliteStep> createPlan(const QStringList &ddl, bool cyclic)
{
    QVector<SqliteStep> steps{{cyclic ? kForeignKeysOff : kForeignKeysOn, QString()},
                              {QStringLiteral("BEGIN"), QString()}};
    for (const QString &s : ddl) {
        if (!s.startsWith(QLatin1String("PRAGMA ")))
            steps.append({s, sqliteCreatedTable(s)});
    }
    steps.append({QStringLiteral("COMMIT"), QString()});
    if (cyclic)
        steps.append({kForeignKeysOn, QString()});
    return steps;
}

/// A force or alter plan's statements inside enforcement off, one transaction and a
/// foreign key check that must come back empty.
QVector<SqliteStep> wrapped(const QVector<SqliteStep> &inner)
{
    QVector<SqliteStep> steps{{kForeignKeysOff, QString()}, {QStringLiteral("BEGIN"), QString()}};
    steps += inner;
    steps.append({kForeignKeyCheck, QString()});
    steps.append({QStringLiteral("COMMIT"), QString()});
    steps.append({kForeignKeysOn, QString()});
    return steps;
}

QString failure(const QString &statement, const QSqlError &e)
{
    return QStringLiteral("statement failed: %1\n%2").arg(statement, e.text());
}

/// The rows of an executed `PRAGMA foreign_key_check` (table, rowid, parent, fkid) for
/// people, or an empty string when there are none.
QString violations(QSqlQuery &q)
{
    QStringList rows;
    int count = 0;
    while (q.next()) {
        if (++count <= 10)
            rows << QStringLiteral("`%1` rowid %2 references a missing row of `%3`")
                        .arg(q.value(0).toString(),
                             q.value(1).isNull() ? QStringLiteral("?") : q.value(1).toString(),
                             q.value(2).toString());
    }
    if (count == 0)
        return QString();
    if (count > rows.size())
        rows << QStringLiteral("... and %1 more").arg(count - rows.size());
    return QStringLiteral("foreign key check failed (%1 violation(s)):\n").arg(count) +
           rows.join(QLatin1Char('\n'));
}

/// Runs \a steps on \a db; the caller owns (and removes) the connection.
void run(QSqlDatabase &db, const QVector<SqliteStep> &steps, const ApplyOptions &options,
         ApplyResult &result)
{
    int total = 0;
    for (const SqliteStep &s : steps)
        total += s.table.isEmpty() ? 0 : 1;
    QSqlQuery q(db);
    bool inTransaction = false;
    bool committed = false;
    int done = 0;
    for (const SqliteStep &step : steps) {
        const QString &s = step.sql;
        if (!step.table.isEmpty() && options.progress)
            options.progress(++done, total, step.table);
        if (inTransaction && s != QLatin1String("COMMIT") && options.canceled &&
            options.canceled()) {
            result.canceled = true;
            result.error = QStringLiteral("canceled before: ") + s;
        } else {
            result.executed << s;
            if (!q.exec(s))
                result.error = failure(s, q.lastError());
            else if (inTransaction && s == kForeignKeyCheck)
                result.error = violations(q);
        }
        if (!result.error.isEmpty()) {
            // Before BEGIN nothing has changed; inside the transaction ROLLBACK undoes it.
            result.unchanged = !committed;
            if (inTransaction) {
                QSqlQuery rollback(db);
                // A failed ROLLBACK leaves nothing to do but say so: SQLite rolls back
                // an open transaction itself when the connection closes.
                if (!rollback.exec(QStringLiteral("ROLLBACK"))) {
                    result.error +=
                        QStringLiteral("\nROLLBACK failed: ") + rollback.lastError().text();
                    result.unchanged = false;
                } else {
                    result.executed << QStringLiteral("ROLLBACK");
                }
                // A run may have switched enforcement off before BEGIN; switch it back
                // so the connection is left as an acyclic create leaves it.
                QSqlQuery on(db);
                if (!on.exec(kForeignKeysOn))
                    result.error += QStringLiteral("\n") + failure(kForeignKeysOn, on.lastError());
            }
            return;
        }
        if (s == QLatin1String("BEGIN")) {
            inTransaction = true;
        } else if (s == QLatin1String("COMMIT")) {
            inTransaction = false;
            committed = true;
        }
    }
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA foreign_keys"))) {
        result.error = failure(QStringLiteral("PRAGMA foreign_keys"), check.lastError());
        return;
    }
    result.foreignKeysEnforced = check.next() && check.value(0).toInt() == 1;
    if (!check.exec(kForeignKeyCheck)) {
        result.error = failure(kForeignKeyCheck, check.lastError());
        return;
    }
    while (check.next())
        ++result.foreignKeyViolations;
    result.ok = true;
}

QStringList sqlOf(const QVector<SqliteStep> &steps)
{
    QStringList out;
    for (const SqliteStep &s : steps)
        out << s.sql;
    return out;
}

/// Plans a force or alter run on \a db (null: an empty database). False with
/// result.error set when reading fails or the plan is refused.
bool planChanges(QSqlDatabase *db, const DerivedSchema &derived, const Analysis &analysis,
                 const QStringList &ddl, const ApplyOptions &options, ApplyResult &result,
                 QVector<SqliteStep> &steps)
{
    SqliteLiveSchema live;
    QString error;
    if (db && !readSqliteLive(*db, live, error)) {
        result.error = QStringLiteral("cannot read the catalog: ") + error;
        return false;
    }
    const SqlitePlan plan =
        options.mode == ApplyMode::Force
            ? planSqliteForce(derived, analysis, ddl, live, options.allowDataLoss)
            : planSqliteAlter(derived, analysis, live);
    result.notes = plan.notes;
    if (!plan.error.isEmpty()) {
        result.error = plan.error;
        result.refusedDataLoss = plan.dataLossRefused;
        return false;
    }
    if (plan.steps.isEmpty())
        result.notes << QStringLiteral("nothing to do: the database matches the design");
    else
        steps = wrapped(plan.steps);
    return true;
}

/// Settings for a database built under a temporary name: the rollback journal in memory
/// and no syncs while building (moveIntoPlace() syncs once). Connection settings, not
/// part of the schema's statements.
bool buildInMemoryJournal(QSqlDatabase &db, ApplyResult &result)
{
    QSqlQuery q(db);
    for (const QString &s : {QStringLiteral("PRAGMA journal_mode = MEMORY"),
                             QStringLiteral("PRAGMA synchronous = OFF")}) {
        if (!q.exec(s)) {
            result.error = failure(s, q.lastError());
            return false;
        }
    }
    return true;
}

/// Syncs the finished file and renames it to \a path; on failure the run fails and
/// the temporary file goes (nothing is left at \a path).
void moveIntoPlace(QTemporaryFile &built, const QString &path, ApplyResult &result)
{
    QFile file(built.fileName());
    bool synced = file.open(QIODevice::ReadWrite);
#ifdef Q_OS_UNIX
    synced = synced && ::fsync(file.handle()) == 0;
#endif
    file.close();
    if (!synced) {
        result.ok = false;
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return;
    }
    if (!QFile::rename(built.fileName(), path)) {
        result.ok = false;
        result.error = QStringLiteral("cannot create %1: %2")
                           .arg(path, QFileInfo::exists(path)
                                          ? QStringLiteral("another program created it meanwhile")
                                          : QStringLiteral("renaming the finished file failed"));
        return;
    }
    built.setAutoRemove(false);
}

ApplyResult applyTo(const QString &path, const DerivedSchema &derived, const Analysis &analysis,
                    const ApplyOptions &options)
{
    ApplyResult result;
    const std::optional<QStringList> ddl =
        applicableDdl(derived, analysis, Dialect::SQLite, &result.error);
    if (!ddl)
        return result;
    const bool create = options.mode == ApplyMode::Create;
    QVector<SqliteStep> steps;
    if (create)
        steps = createPlan(*ddl, analysis.cyclic());
    if (create && options.dryRun) {
        result.executed = sqlOf(steps);
        result.ok = true;
        return result;
    }
    // A dry run of force or alter plans from what exists without creating anything.
    const bool memory = path == QLatin1String(":memory:") || path.isEmpty();
    if (!create && options.dryRun && (memory || !QFileInfo::exists(path))) {
        result.ok = planChanges(nullptr, derived, analysis, *ddl, options, result, steps);
        result.executed = sqlOf(steps);
        return result;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        result.error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not available");
        return result;
    }
    // A new file is built under a temporary name beside it and renamed into place once
    // complete, so a failure or a crash never leaves a half-made (or empty) database, and
    // the build needs no rollback journal on disk and one sync instead of one per commit.
    std::optional<QTemporaryFile> building;
    if (!memory && !options.dryRun && !QFileInfo::exists(path)) {
        building.emplace(path + QStringLiteral(".XXXXXX.partial"));
        if (!building->open()) {
            result.error =
                QStringLiteral("cannot create %1: %2").arg(path, building->errorString());
            return result;
        }
        building->close(); // SQLite takes the empty file as an empty database
    }
    const QString openPath = building ? building->fileName() : path;
    // A name of its own, so concurrent appliers and the caller's connections never meet.
    const QString connection =
        QStringLiteral("mc-apply-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(openPath);
        if (options.dryRun)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result.error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        } else if (building && !buildInMemoryJournal(db, result)) {
            // result.error says why
        } else if (create) {
            run(db, steps, options, result);
        } else if (planChanges(&db, derived, analysis, *ddl, options, result, steps)) {
            if (options.dryRun || steps.isEmpty()) {
                result.executed = sqlOf(steps);
                result.ok = true;
            } else {
                run(db, steps, options, result);
            }
        }
        db.close();
    } // every handle on the connection must be gone before removeDatabase()
    QSqlDatabase::removeDatabase(connection);
    if (building && result.ok)
        moveIntoPlace(*building, path, result);
    return result;
}

} // namespace

ApplyResult applySqlite(const QString &path, const DerivedSchema &derived, const Analysis &analysis,
                        const ApplyOptions &options)
{
    ApplyResult result = applyTo(path, derived, analysis, options);
    if (!result.ok && (options.dryRun || result.executed.isEmpty()))
        result.unchanged = true; // refused, or failed before sending anything
    return result;
}

} // namespace mc
