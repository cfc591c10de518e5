#include "mysqlapplier.h"

#include "db/mysqlalter.h"
#include "ddl/ddlgenerator.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mc {

namespace {

const QString kDriver = QStringLiteral("QMYSQL");

QString unquote(QString name)
{
    return name.replace(QStringLiteral("``"), QStringLiteral("`"));
}

/// The table a CREATE TABLE statement creates, or an empty string.
QString createdTable(const QString &statement)
{
    static const QRegularExpression re(
        QStringLiteral("^CREATE TABLE IF NOT EXISTS `((?:[^`]|``)*)`"));
    const QRegularExpressionMatch m = re.match(statement);
    return m.hasMatch() ? unquote(m.captured(1)) : QString();
}

/// The table an ALTER TABLE statement changes, or an empty string; \a foreignKey
/// tells whether it adds a foreign key.
QString alteredTable(const QString &statement, bool *foreignKey = nullptr)
{
    static const QRegularExpression re(
        QStringLiteral("^ALTER TABLE `((?:[^`]|``)*)`\\s+(ADD FOREIGN KEY )?"));
    const QRegularExpressionMatch m = re.match(statement);
    if (foreignKey)
        *foreignKey = m.hasMatch() && !m.captured(2).isEmpty();
    return m.hasMatch() ? unquote(m.captured(1)) : QString();
}

QString quoted(const QString &name)
{
    return QLatin1Char('`') + QString(name).replace(QLatin1Char('`'), QStringLiteral("``")) +
           QLatin1Char('`');
}

QString failure(const QString &statement, const QSqlError &e)
{
    return QStringLiteral("statement failed: %1\n%2").arg(statement, e.text());
}

/// The DDL with IF NOT EXISTS on index statements, so applying again skips an
/// index that is there, as sync() does.
QStringList plan(const QStringList &ddl)
{
    static const QRegularExpression index(
        QStringLiteral("^(ALTER TABLE `(?:[^`]|``)*` ADD "
                       "(?:UNIQUE |FULLTEXT |SPATIAL )?INDEX) `"));
    QStringList steps;
    for (QString s : ddl)
        steps << s.replace(index, QStringLiteral("\\1 IF NOT EXISTS `"));
    return steps;
}

bool existingTables(QSqlDatabase &db, QStringList &tables, ApplyResult &result)
{
    const QString sql = QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES "
                                       "WHERE TABLE_SCHEMA = DATABASE()");
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        result.error = failure(sql, q.lastError());
        return false;
    }
    while (q.next())
        tables << q.value(0).toString();
    return true;
}

/// Drops what this run created; tells whether everything is undone.
bool compensate(QSqlDatabase &db, const QStringList &created, const QStringList &changed,
                ApplyResult &result)
{
    bool undone = changed.isEmpty();
    if (!changed.isEmpty())
        result.error += QStringLiteral("\nnot undone: indexes added to existing tables ") +
                        changed.join(QStringLiteral(", "));
    if (created.isEmpty())
        return undone;
    QStringList names;
    for (auto it = created.crbegin(); it != created.crend(); ++it)
        names << quoted(*it);
    const QStringList steps{QStringLiteral("SET FOREIGN_KEY_CHECKS = 0"),
                            QStringLiteral("DROP TABLE IF EXISTS ") +
                                names.join(QStringLiteral(", ")),
                            QStringLiteral("SET FOREIGN_KEY_CHECKS = 1")};
    QSqlQuery q(db);
    for (const QString &s : steps) {
        result.executed << s;
        if (!q.exec(s)) {
            result.error += QStringLiteral("\nundo failed: ") + failure(s, q.lastError());
            undone = false;
        }
    }
    return undone;
}

void run(QSqlDatabase &db, const QStringList &planned, const ApplyOptions &options,
         ApplyResult &result)
{
    QStringList existing;
    if (!existingTables(db, existing, result))
        return;
    QStringList steps;
    for (const QString &s : planned) {
        bool foreignKey = false;
        const QString table = alteredTable(s, &foreignKey);
        // A table that exists already is left as it is: its cyclic FKs were added
        // by the run that created it.
        if (!foreignKey || !existing.contains(table))
            steps << s;
    }
    int total = 0;
    for (const QString &s : steps)
        total += createdTable(s).isEmpty() ? 0 : 1;
    QStringList created, changed;
    QSqlQuery q(db);
    int done = 0;
    for (const QString &s : steps) {
        const QString table = createdTable(s);
        if (!table.isEmpty() && options.progress)
            options.progress(++done, total, table);
        const bool cancel = options.canceled && options.canceled();
        if (!cancel)
            result.executed << s;
        if (cancel || !q.exec(s)) {
            result.canceled = cancel;
            result.error =
                cancel ? QStringLiteral("canceled before: ") + s : failure(s, q.lastError());
            result.unchanged = compensate(db, created, changed, result);
            return;
        }
        const QString altered = alteredTable(s);
        if (!table.isEmpty() && !existing.contains(table) && !created.contains(table))
            created << table;
        else if (!altered.isEmpty() && existing.contains(altered) && !changed.contains(altered))
            changed << altered;
    }
    result.ok = true;
}

/// Force and alter: plans from the live catalog, then runs the plan (a dry run or
/// a plan with nothing to do sends nothing).
void runChanges(QSqlDatabase &db, const DerivedSchema &derived, const Analysis &analysis,
                const QStringList &ddl, const ApplyOptions &options, ApplyResult &result)
{
    QStringList design;
    for (const DerivedTable &t : derived.tables)
        design << t.table;
    LiveSchema live;
    QString error;
    if (!readMysqlLive(db, design, live, error)) {
        result.error = QStringLiteral("cannot read the catalog: ") + error;
        return;
    }
    const AlterPlan planned = planMysql(derived, analysis, ddl, live, options);
    result.notes = planned.notes;
    if (!planned.error.isEmpty()) {
        result.error = planned.error;
        return;
    }
    if (planned.steps.isEmpty())
        result.notes << QStringLiteral("nothing to do: the database matches the design");
    if (!options.dryRun && !planned.steps.isEmpty()) {
        runMysqlPlan(db, planned, options, result);
        return;
    }
    for (const AlterStep &s : planned.steps)
        result.executed << s.sql;
    result.ok = true;
}

} // namespace

bool isMysqlUrl(const QString &url)
{
    return hasUrlScheme(url, {QStringLiteral("mysql"), QStringLiteral("mariadb")});
}

std::optional<MysqlTarget> parseMysqlUrl(const QString &url, QString *error)
{
    return parseServerUrl(url, {QStringLiteral("mysql"), QStringLiteral("mariadb")}, 3306, error);
}

QSqlDatabase addMysqlDatabase(const MysqlTarget &target, const QString &connection)
{
    return addServerDatabase(kDriver, target, connection);
}

ApplyResult applyMysql(const MysqlTarget &target, const DerivedSchema &derived,
                       const Analysis &analysis, const ApplyOptions &options)
{
    ApplyResult result;
    const std::optional<QStringList> ddl =
        applicableDdl(derived, analysis, Dialect::MySQL, &result.error);
    if (!ddl) {
        result.unchanged = true;
        return result;
    }
    const bool create = options.mode == ApplyMode::Create;
    const QStringList steps = plan(*ddl);
    if (create && options.dryRun) {
        result.executed = steps;
        result.ok = true;
        return result;
    }
    if (!QSqlDatabase::isDriverAvailable(kDriver)) {
        result.error = QStringLiteral("the Qt MySQL driver (QMYSQL) is not available "
                                      "(Debian: libqt6sql6-mysql)");
        return result;
    }
    const QString connection =
        QStringLiteral("mc-apply-my-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = addMysqlDatabase(target, connection);
        if (!db.open())
            result.error = QStringLiteral("cannot connect to MariaDB database \"%1\" on %2:%3: %4")
                               .arg(target.database, target.host, QString::number(target.port),
                                    db.lastError().text());
        else if (create)
            run(db, steps, options, result);
        else
            runChanges(db, derived, analysis, *ddl, options, result);
        db.close();
    } // every handle on the connection must be gone before removeDatabase()
    QSqlDatabase::removeDatabase(connection);
    if (!result.ok && (options.dryRun || result.executed.isEmpty()))
        result.unchanged = true; // refused, or failed before sending anything
    return result;
}

} // namespace mc
