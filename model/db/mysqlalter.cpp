#include "mysqlalter.h"

#include "db/livecatalog.h"
#include "db/mysqlcatalog.h"
#include "ddl/mysqlddldialect.h"
#include "ddl/sqlliteral.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace mc {

namespace {

QString q(const QString &name)
{
    return quoteIdentifier(name, Dialect::MySQL);
}

AlterStep step(const QString &sql, const QString &undo = QString())
{
    return AlterStep{sql, QString(), undo.isEmpty() ? QStringList() : QStringList{undo}, QString(),
                     QString()};
}

QString rowCount(qint64 n)
{
    return n == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(n);
}

/// The line of SHOW CREATE TABLE that starts with \a prefix, without its comma.
QString definitionLine(const QString &createSql, const QString &prefix)
{
    for (QString line : createSql.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(prefix))
            return line.endsWith(QLatin1Char(',')) ? line.chopped(1) : line;
    }
    return QString();
}

/// dump-mysql.py's test for the index InnoDB makes for a foreign key: named after the
/// constraint or its first column, maybe with _N.
bool implicitName(const QString &index, const QString &constraint, const QString &column)
{
    if (index == constraint || index == column)
        return true;
    bool number = false;
    return index.startsWith(column + QLatin1Char('_')) &&
           (index.mid(column.size() + 1).toUInt(&number), number);
}

bool readObjects(QSqlDatabase &db, LiveSchema &live, QString &error)
{
    QSqlQuery r(db);
    if (!execOrExplain(
            r,
            QStringLiteral("SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME FROM "
                           "information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() "
                           "AND REFERENCED_TABLE_NAME IS NOT NULL "
                           "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION"),
            error))
        return false;
    while (r.next()) {
        const auto it = live.find(r.value(0).toString());
        if (it == live.end())
            continue;
        if (it->objects.isEmpty() || it->objects.last().name != r.value(1).toString())
            it->objects << LiveObject{
                LiveObject::ForeignKey, r.value(1).toString(), {}, false, false};
        it->objects.last().columns << r.value(2).toString();
    }
    if (!execOrExplain(
            r,
            QStringLiteral("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM "
                           "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND "
                           "INDEX_NAME <> 'PRIMARY' ORDER BY TABLE_NAME, INDEX_NAME, "
                           "SEQ_IN_INDEX"),
            error))
        return false;
    QString table, index;
    while (r.next()) {
        const auto it = live.find(r.value(0).toString());
        if (it == live.end())
            continue;
        if (table != it.key() || index != r.value(1).toString())
            it->objects << LiveObject{
                LiveObject::Index, r.value(1).toString(), {}, r.value(2).toInt() == 0, false};
        table = it.key();
        index = r.value(1).toString();
        it->objects.last().columns << r.value(3).toString();
    }
    for (LiveTable &t : live) {
        const QJsonArray fkIndexes = t.catalog.value(QStringLiteral("fkIndexes")).toArray();
        for (LiveObject &ix : t.objects) {
            if (ix.kind != LiveObject::Index || ix.unique ||
                !fkIndexes.contains(QJsonArray::fromStringList(ix.columns)))
                continue;
            for (const LiveObject &k : std::as_const(t.objects))
                ix.forForeignKey = ix.forForeignKey ||
                                   (k.kind == LiveObject::ForeignKey && k.columns == ix.columns &&
                                    implicitName(ix.name, k.name, k.columns.first()));
        }
    }
    return true;
}

/// Every statement with what undoes it, from the SHOW CREATE TABLE read before the run.
class MysqlAlterWriter : public AlterWriter
{
public:
    Dialect dialect() const override { return Dialect::MySQL; }

    QVector<AlterStep> createTable(const DerivedTable &t, bool withForeignKeys) const override
    {
        QVector<AlterStep> out;
        for (const QString &s : m_ddl.createTable(t, withForeignKeys))
            out << step(s, QStringLiteral("DROP TABLE IF EXISTS %1").arg(q(t.table)));
        for (const DerivedIndex &ix : t.indexes)
            out << step(m_ddl.addIndex(t, ix)); // goes with the table
        return out;
    }

    QVector<AlterStep> dropTables(const QStringList &tables, const LiveSchema &live) const override
    {
        // Sequelize's force fails on a cycle; with the checks off any order drops.
        QVector<AlterStep> out{step(QStringLiteral("SET FOREIGN_KEY_CHECKS = 0"))};
        for (const QString &t : tables) {
            AlterStep s =
                step(QStringLiteral("DROP TABLE IF EXISTS %1;").arg(q(t)), live.value(t).createSql);
            if (live.value(t).rows > 0)
                s.lost = QStringLiteral("the %1 of %2").arg(rowCount(live.value(t).rows), q(t));
            out << s;
        }
        out << step(QStringLiteral("SET FOREIGN_KEY_CHECKS = 1"));
        return out;
    }

    QVector<AlterStep> addColumn(const DerivedTable &t, const DerivedColumn &c,
                                 const LiveTable &) const override
    {
        // Placed where the design has it, so the catalog's column order matches.
        const int at = t.columnIndexByName(c.column);
        const QString where = at <= 0 ? QStringLiteral(" FIRST")
                                      : QStringLiteral(" AFTER ") + q(t.columns.at(at - 1).column);
        return {step(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3%4;")
                         .arg(q(t.table), q(c.column), m_ddl.columnDefinition(t, c), where),
                     QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(q(t.table), q(c.column)))};
    }

    QVector<AlterStep> changeColumn(const DerivedTable &t, const DerivedColumn &c,
                                    const QJsonObject &, const LiveTable &live) const override
    {
        const QString old = definitionLine(live.createSql, q(c.column) + QLatin1Char(' '));
        return {step(QStringLiteral("ALTER TABLE %1 MODIFY COLUMN %2 %3;")
                         .arg(q(t.table), q(c.column), m_ddl.columnDefinition(t, c)),
                     QStringLiteral("ALTER TABLE %1 MODIFY COLUMN %2").arg(q(t.table), old))};
    }

    AlterStep dropColumn(const DerivedTable &t, const QString &column,
                         const LiveTable &live) const override
    {
        // Back after the nearest earlier column the design keeps: those are all there
        // when the undo runs, whatever else it has put back.
        QString where = QStringLiteral(" FIRST");
        for (const QJsonValue &v : live.catalog.value(QStringLiteral("columns")).toArray()) {
            const QString name = v[QStringLiteral("name")].toString();
            if (name == column)
                break;
            if (t.columnIndexByName(name) >= 0)
                where = QStringLiteral(" AFTER ") + q(name);
        }
        const QString old = definitionLine(live.createSql, q(column) + QLatin1Char(' '));
        AlterStep s =
            step(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(q(t.table), q(column)),
                 QStringLiteral("ALTER TABLE %1 ADD COLUMN %2%3").arg(q(t.table), old, where));
        if (live.rows > 0)
            s.lost = QStringLiteral("the values of %1.%2 (%3; the column is back with its "
                                    "default)")
                         .arg(q(t.table), q(column), rowCount(live.rows));
        return s;
    }

    AlterStep addForeignKey(const DerivedTable &t, const DerivedColumn &c) const override
    {
        AlterStep s = step(m_ddl.addForeignKey(t, c));
        s.undoForeignKeyOf = t.table; // its name is MariaDB's choice
        return s;
    }

    AlterStep dropObject(const QString &table, const LiveObject &o,
                         const LiveTable &live) const override
    {
        if (o.kind == LiveObject::ForeignKey)
            return step(
                QStringLiteral("ALTER TABLE %1 DROP FOREIGN KEY %2;").arg(q(table), q(o.name)),
                QStringLiteral("ALTER TABLE %1 ADD %2")
                    .arg(q(table),
                         definitionLine(live.createSql, QStringLiteral("CONSTRAINT ") + q(o.name) +
                                                            QLatin1Char(' '))));
        const QString key = (o.unique ? QStringLiteral("UNIQUE KEY ") : QStringLiteral("KEY ")) +
                            q(o.name) + QLatin1Char(' ');
        return step(QStringLiteral("ALTER TABLE %1 DROP INDEX %2;").arg(q(table), q(o.name)),
                    QStringLiteral("ALTER TABLE %1 ADD %2")
                        .arg(q(table), definitionLine(live.createSql, key)));
    }

    AlterStep addUnique(const DerivedTable &t, const QStringList &columns) const override
    {
        for (const DerivedIndex &ix : t.indexes) {
            if (ix.unique && ix.columns == columns)
                return addIndex(t, ix);
        }
        // A named group keeps its name; `unique: true` is named after its column, as
        // CREATE TABLE names it.
        QString name = columns.first();
        for (const DerivedIndex &u : t.uniques) {
            if (u.columns == columns)
                name = u.name;
        }
        return addIndex(t, DerivedIndex{name, columns, true});
    }

    AlterStep addIndex(const DerivedTable &t, const DerivedIndex &index) const override
    {
        return step(m_ddl.addIndex(t, index) + QLatin1Char(';'),
                    QStringLiteral("ALTER TABLE %1 DROP INDEX %2").arg(q(t.table), q(index.name)));
    }

private:
    MysqlDdlDialect m_ddl;
};

/// Names of the table's foreign keys and indexes, to learn what an ADD FOREIGN KEY made.
QSet<QString> namesOf(QSqlDatabase &db, const QString &table, const QString &view)
{
    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT %1 FROM information_schema.%2 WHERE TABLE_SCHEMA = "
                             "DATABASE() AND TABLE_NAME = ?")
                  .arg(view == QLatin1String("STATISTICS") ? QStringLiteral("INDEX_NAME")
                                                           : QStringLiteral("CONSTRAINT_NAME"),
                       view));
    r.addBindValue(table);
    QSet<QString> out;
    if (r.exec()) {
        while (r.next())
            out << r.value(0).toString();
    }
    return out;
}

const QString kReferential = QStringLiteral("REFERENTIAL_CONSTRAINTS");
const QString kStatistics = QStringLiteral("STATISTICS");

} // namespace

bool readMysqlLive(QSqlDatabase &db, const QStringList &designTables, LiveSchema &live,
                   QString &error)
{
    // Alter's undo of a column change puts back the definition SHOW CREATE TABLE gave.
    const LiveTableReader createSql = [](QSqlQuery &r, const QString &table, LiveTable &t,
                                         QString &why) {
        if (!execOrExplain(r, QStringLiteral("SHOW CREATE TABLE %1").arg(q(table)), why))
            return false;
        t.createSql = r.next() ? r.value(1).toString() : QString();
        return true;
    };
    const JsonValue catalog = readMysqlCatalog(db, &error);
    return error.isEmpty() &&
           readLiveTables(db, catalog, Dialect::MySQL, designTables, live, error, createSql) &&
           readObjects(db, live, error);
}

AlterPlan planMysql(const DerivedSchema &derived, const Analysis &analysis,
                    const QStringList &createDdl, const LiveSchema &live,
                    const ApplyOptions &options)
{
    const MysqlAlterWriter writer;
    return options.mode == ApplyMode::Force
               ? planServerForce(derived, analysis, createDdl, live, options.allowDataLoss, writer)
               : planServerAlter(derived, analysis, live, writer);
}

void runMysqlPlan(QSqlDatabase &db, const AlterPlan &plan, const ApplyOptions &options,
                  ApplyResult &result)
{
    int total = 0;
    for (const AlterStep &s : plan.steps)
        total += s.table.isEmpty() ? 0 : 1;
    QSqlQuery query(db);
    QVector<AlterStep> done; // what ran, with the undo learnt while running
    int started = 0;
    for (const AlterStep &s : plan.steps) {
        if (!s.table.isEmpty() && options.progress)
            options.progress(++started, total, s.table);
        const bool cancel = options.canceled && options.canceled();
        QSet<QString> keys, indexes;
        if (!s.undoForeignKeyOf.isEmpty() && !cancel) {
            keys = namesOf(db, s.undoForeignKeyOf, kReferential);
            indexes = namesOf(db, s.undoForeignKeyOf, kStatistics);
        }
        if (!cancel)
            result.executed << s.sql;
        if (cancel || !query.exec(s.sql)) {
            result.canceled = cancel;
            result.error = cancel ? QStringLiteral("canceled before: ") + s.sql
                                  : QStringLiteral("statement failed: %1\n%2")
                                        .arg(s.sql, query.lastError().text());
            break;
        }
        AlterStep ran = s;
        if (!s.undoForeignKeyOf.isEmpty()) {
            const QString t = q(s.undoForeignKeyOf);
            for (const QString &k : namesOf(db, s.undoForeignKeyOf, kReferential) - keys)
                ran.undo << QStringLiteral("ALTER TABLE %1 DROP FOREIGN KEY %2").arg(t, q(k));
            for (const QString &ix : namesOf(db, s.undoForeignKeyOf, kStatistics) - indexes)
                ran.undo << QStringLiteral("ALTER TABLE %1 DROP INDEX %2").arg(t, q(ix));
        }
        done << ran;
    }
    if (result.error.isEmpty()) {
        result.ok = true;
        return;
    }
    QStringList undo{QStringLiteral("SET FOREIGN_KEY_CHECKS = 0")}, lost, failed;
    for (auto it = done.crbegin(); it != done.crend(); ++it) {
        undo += it->undo;
        if (!it->lost.isEmpty())
            lost << it->lost;
    }
    undo << QStringLiteral("SET FOREIGN_KEY_CHECKS = 1");
    for (const QString &s : undo) {
        result.executed << s;
        if (!query.exec(s))
            failed << QStringLiteral("%1: %2").arg(s, query.lastError().text());
    }
    if (!failed.isEmpty())
        result.error +=
            QStringLiteral("\nundo failed: ") + failed.join(QStringLiteral("\nundo failed: "));
    if (!lost.isEmpty())
        result.error +=
            QStringLiteral("\nnot undone: ") + lost.join(QStringLiteral("\nnot undone: "));
    result.unchanged = failed.isEmpty() && lost.isEmpty();
}

} // namespace mc
