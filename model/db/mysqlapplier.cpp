#include "mysqlapplier.h"

#include "db/mysqlalter.h"
#include "db/serverapply.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

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
    static const ServerEngine engine{Dialect::MySQL, "QMYSQL",    "MariaDB", "libqt6sql6-mysql",
                                     false,          plan,        run,       readMysqlLive,
                                     planMysql,      runMysqlPlan};
    return applyOnServer(engine, target, derived, analysis, options);
}

} // namespace mc
