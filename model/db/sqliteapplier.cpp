#include "sqliteapplier.h"

#include "ddl/ddlgenerator.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mc {

namespace {

const QString kForeignKeysOff = QStringLiteral("PRAGMA foreign_keys = OFF");
const QString kForeignKeysOn = QStringLiteral("PRAGMA foreign_keys = ON");

/// The table a CREATE TABLE statement creates, or an empty string for other statements.
QString createdTable(const QString &statement)
{
    static const QRegularExpression re(
        QStringLiteral("^CREATE TABLE IF NOT EXISTS `((?:[^`]|``)*)`"));
    const QRegularExpressionMatch m = re.match(statement);
    return m.hasMatch() ? m.captured(1).replace(QStringLiteral("``"), QStringLiteral("`"))
                        : QString();
}

/// The whole run, in order: the generator's PRAGMAs are moved out of the
/// transaction because SQLite ignores `PRAGMA foreign_keys` inside one.
QStringList plan(const QStringList &ddl, bool cyclic)
{
    QStringList steps{cyclic ? kForeignKeysOff : kForeignKeysOn, QStringLiteral("BEGIN")};
    for (const QString &s : ddl) {
        if (!s.startsWith(QLatin1String("PRAGMA ")))
            steps << s;
    }
    steps << QStringLiteral("COMMIT");
    if (cyclic)
        steps << kForeignKeysOn;
    return steps;
}

QString failure(const QString &statement, const QSqlError &e)
{
    return QStringLiteral("statement failed: %1\n%2").arg(statement, e.text());
}

/// Runs \a steps on \a db; the caller owns (and removes) the connection.
void run(QSqlDatabase &db, const QStringList &steps, const ApplyOptions &options,
         ApplyResult &result)
{
    int total = 0;
    for (const QString &s : steps)
        total += createdTable(s).isEmpty() ? 0 : 1;
    QSqlQuery q(db);
    bool inTransaction = false;
    int done = 0;
    for (const QString &s : steps) {
        const QString table = createdTable(s);
        if (!table.isEmpty() && options.progress)
            options.progress(++done, total, table);
        result.executed << s;
        if (!q.exec(s)) {
            result.error = failure(s, q.lastError());
            if (inTransaction) {
                QSqlQuery rollback(db);
                // A failed ROLLBACK leaves nothing to do but say so: SQLite rolls back
                // an open transaction itself when the connection closes.
                if (!rollback.exec(QStringLiteral("ROLLBACK")))
                    result.error +=
                        QStringLiteral("\nROLLBACK failed: ") + rollback.lastError().text();
                else
                    result.executed << QStringLiteral("ROLLBACK");
                // The cyclic run switched enforcement off before BEGIN; switch it back
                // so the connection is left as an acyclic run leaves it.
                QSqlQuery on(db);
                if (!on.exec(kForeignKeysOn))
                    result.error += QStringLiteral("\n") + failure(kForeignKeysOn, on.lastError());
            }
            return;
        }
        if (s == QLatin1String("BEGIN"))
            inTransaction = true;
        else if (s == QLatin1String("COMMIT"))
            inTransaction = false;
    }
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA foreign_keys"))) {
        result.error = failure(QStringLiteral("PRAGMA foreign_keys"), check.lastError());
        return;
    }
    result.foreignKeysEnforced = check.next() && check.value(0).toInt() == 1;
    if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        result.error = failure(QStringLiteral("PRAGMA foreign_key_check"), check.lastError());
        return;
    }
    while (check.next())
        ++result.foreignKeyViolations;
    result.ok = true;
}

} // namespace

ApplyResult applySqlite(const QString &path, const DerivedSchema &derived, const Analysis &analysis,
                        const ApplyOptions &options)
{
    ApplyResult result;
    if (derived.error) {
        const DefineError &e = *derived.error;
        result.error = (e.path.isEmpty() ? QString() : e.path + QStringLiteral(": ")) + e.message;
        return result;
    }
    const DdlResult ddl = generateDdl(derived, analysis, Dialect::SQLite);
    if (!ddl.ok()) {
        result.error = ddl.errors.join(QLatin1Char('\n'));
        return result;
    }
    const QStringList steps = plan(ddl.statements, analysis.cyclic());
    if (options.dryRun) {
        result.executed = steps;
        result.ok = true;
        return result;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        result.error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not available");
        return result;
    }
    // A name of its own, so concurrent appliers and the caller's connections never meet.
    const QString connection =
        QStringLiteral("mc-apply-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open())
            result.error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        else
            run(db, steps, options, result);
        db.close();
    } // every handle on the connection must be gone before removeDatabase()
    QSqlDatabase::removeDatabase(connection);
    return result;
}

} // namespace mc
