#include "postgresapplier.h"

#include "db/postgresalter.h"
#include "db/serverapply.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace mc {

namespace {

const QString kDriver = QStringLiteral("QPSQL");

/// The table a CREATE TABLE statement creates, or an empty string for other statements.
QString createdTable(const QString &statement)
{
    static const QRegularExpression re(
        QStringLiteral("^CREATE TABLE IF NOT EXISTS \"((?:[^\"]|\"\")*)\""));
    const QRegularExpressionMatch m = re.match(statement);
    return m.hasMatch() ? m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""))
                        : QString();
}

QString failure(const QString &statement, const QSqlError &e)
{
    return postgresFailure(statement, e);
}

/// The table an `ALTER TABLE "t" ... ADD FOREIGN KEY` statement changes, or an empty string.
QString foreignKeyTable(const QString &statement)
{
    static const QRegularExpression re(
        QStringLiteral("^ALTER TABLE \"((?:[^\"]|\"\")*)\"\\s+ADD FOREIGN KEY "));
    const QRegularExpressionMatch m = re.match(statement);
    return m.hasMatch() ? m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""))
                        : QString();
}

/// BEGIN, the DDL, COMMIT. Index statements get IF NOT EXISTS, so that applying
/// again skips an index that is there, as sync() does.
QStringList plan(const QStringList &ddl)
{
    static const QRegularExpression index(QStringLiteral("^CREATE (UNIQUE )?INDEX \""));
    QStringList steps{QStringLiteral("BEGIN")};
    for (QString s : ddl)
        steps << s.replace(index, QStringLiteral("CREATE \\1INDEX IF NOT EXISTS \""));
    steps << QStringLiteral("COMMIT");
    return steps;
}

/// Tables of the connection's current schema.
bool existingTables(QSqlDatabase &db, QStringList &tables, ApplyResult &result)
{
    const QString sql = QStringLiteral(
        "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')");
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        result.error = failure(sql, q.lastError());
        return false;
    }
    while (q.next())
        tables << q.value(0).toString();
    return true;
}

/// Runs \a planned (BEGIN ... COMMIT) on the open \a db with runPostgresSteps(). A
/// table that exists already is left as it is: CREATE TABLE IF NOT EXISTS skips it, and
/// its ALTER TABLE ... ADD FOREIGN KEY (cyclic schemas) is left out, since the run that
/// created it added them.
void run(QSqlDatabase &db, const QStringList &planned, const ApplyOptions &options,
         ApplyResult &result)
{
    QStringList existing;
    if (!existingTables(db, existing, result))
        return;
    QVector<AlterStep> steps;
    for (const QString &s : planned) {
        if (s == QLatin1String("BEGIN") || s == QLatin1String("COMMIT"))
            continue; // runPostgresSteps() opens and closes the transaction
        const QString fkTable = foreignKeyTable(s);
        if (fkTable.isEmpty() || !existing.contains(fkTable))
            steps.append(AlterStep{s, createdTable(s), {}, QString(), QString()});
    }
    runPostgresSteps(db, steps, options, result);
}

} // namespace

QString postgresFailure(const QString &statement, const QSqlError &e)
{
    QString text = QStringLiteral("statement failed: %1\n%2").arg(statement, e.text());
    // Every table created in one transaction holds a few locks until COMMIT, and the
    // server's lock table is sized by max_locks_per_transaction: a large schema can
    // outgrow the default (64 per connection) although each statement is fine.
    if (e.text().contains(QLatin1String("max_locks_per_transaction")))
        text += QStringLiteral(
            "\nThe whole schema is created in one transaction, so that a failure leaves "
            "nothing behind, and every table holds a few locks until it commits: this "
            "server's lock table is too small for that many tables. Raise "
            "max_locks_per_transaction in postgresql.conf (for example to 1024) and restart "
            "the server.");
    return text;
}

bool isPostgresUrl(const QString &url)
{
    return hasUrlScheme(url, {QStringLiteral("postgres"), QStringLiteral("postgresql")});
}

std::optional<PostgresTarget> parsePostgresUrl(const QString &url, QString *error)
{
    return parseServerUrl(url, {QStringLiteral("postgres"), QStringLiteral("postgresql")}, 5432,
                          error);
}

QSqlDatabase addPostgresDatabase(const PostgresTarget &target, const QString &connection)
{
    return addServerDatabase(kDriver, target, connection);
}

ApplyResult applyPostgres(const PostgresTarget &target, const DerivedSchema &derived,
                          const Analysis &analysis, const ApplyOptions &options)
{
    static const ServerEngine engine{
        Dialect::Postgres, "QPSQL",      "PostgreSQL",   "libqt6sql6-psql", true, plan, run,
        readPostgresLive,  planPostgres, runPostgresPlan};
    return applyOnServer(engine, target, derived, analysis, options);
}

} // namespace mc
