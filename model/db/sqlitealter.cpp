#include "sqlitealter.h"

#include "db/catalogdiff.h"
#include "db/livecatalog.h"
#include "db/sqlitecatalog.h"
#include "ddl/catalog.h"
#include "ddl/ddldialect.h"
#include "ddl/sqlliteral.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>

namespace mc {

namespace {

QString q(const QString &name)
{
    return quoteIdentifier(name, Dialect::SQLite);
}

QJsonObject toQt(const JsonValue &v)
{
    return QJsonDocument::fromJson(v.toCompactJson().toUtf8()).object();
}

bool readCreatedIndexes(QSqlDatabase &db, const QString &table, QVector<SqliteLiveIndex> &out,
                        QString &error)
{
    QSqlQuery list(db);
    if (!execOrExplain(list, QStringLiteral("PRAGMA index_list(%1)").arg(q(table)), error))
        return false;
    // seq, name, unique, origin, partial
    while (list.next()) {
        if (list.value(3).toString() != QLatin1String("c"))
            continue;
        SqliteLiveIndex ix{list.value(1).toString(), {}, list.value(2).toInt() != 0};
        QSqlQuery info(db);
        if (!execOrExplain(info, QStringLiteral("PRAGMA index_info(%1)").arg(q(ix.name)), error))
            return false;
        while (info.next())
            ix.columns << info.value(2).toString();
        out.append(ix);
    }
    return true;
}

void noteLeftAlone(const DerivedSchema &derived, const SqliteLiveSchema &live, SqlitePlan &plan)
{
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (!findDesignTable(derived, it.key()))
            plan.notes << QStringLiteral("%1 left alone (not in the design)").arg(q(it.key()));
    }
}

/// The catalog without model indexes: what only a rebuild can change.
QJsonObject designStructure(const DerivedSchema &derived)
{
    DerivedSchema copy = derived;
    for (DerivedTable &t : copy.tables)
        t.indexes.clear();
    return toQt(catalogTables(copy, Dialect::SQLite));
}

QJsonObject liveStructure(const SqliteLiveTable &t)
{
    QJsonObject o = t.catalog;
    QJsonArray uniques = o.value(QStringLiteral("uniques")).toArray();
    QJsonArray indexes = o.value(QStringLiteral("indexes")).toArray();
    for (const SqliteLiveIndex &ix : t.createdIndexes) {
        QJsonArray &list = ix.unique ? uniques : indexes;
        const QJsonArray columns = QJsonArray::fromStringList(ix.columns);
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).toArray() == columns) {
                list.removeAt(i);
                break;
            }
        }
    }
    o.insert(QStringLiteral("uniques"), uniques);
    o.insert(QStringLiteral("indexes"), indexes);
    return o;
}

QStringList columnNames(const QJsonObject &table)
{
    QStringList names;
    for (const QJsonValue &c : table.value(QStringLiteral("columns")).toArray())
        names << c.toObject().value(QStringLiteral("name")).toString();
    return names;
}

QString temporaryName(const QString &table, const SqliteLiveSchema &live)
{
    QString name = QStringLiteral("__mc_rebuild_") + table;
    while (live.contains(name))
        name += QLatin1Char('_');
    return name;
}

/// Why rebuilding \a live as \a design would lose rows, or an empty string.
QString rebuildProblem(const QString &table, const QJsonObject &design, const SqliteLiveTable &live,
                       const QStringList &common)
{
    if (live.rows == 0)
        return QString();
    if (common.isEmpty())
        return QStringLiteral("%1 has %2 and no column in common with the design: its rows "
                              "would be lost")
            .arg(q(table), rowCount(live.rows));
    const QStringList liveColumns = columnNames(live.catalog);
    QStringList problems;
    for (const QJsonValue &v : design.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString name = c.value(QStringLiteral("name")).toString();
        if (c.value(QStringLiteral("notNull")).toBool() &&
            c.value(QStringLiteral("default")).isNull() && !liveColumns.contains(name))
            problems << QStringLiteral("cannot add NOT NULL column %1 without a default to %2, "
                                       "which has %3: copying them would fail with \"NOT NULL "
                                       "constraint failed: %4.%5\" (what Sequelize's "
                                       "sync({alter: true}) hits); give it a defaultValue or "
                                       "allowNull: true, or empty the table")
                            .arg(q(name), q(table), rowCount(live.rows), table, name);
    }
    return problems.join(QLatin1Char('\n'));
}

void appendRebuild(const DdlDialect &dialect, const DerivedTable &t, const QStringList &common,
                   const SqliteLiveSchema &live, QVector<SqliteStep> &steps)
{
    DerivedTable renamed = t;
    renamed.table = temporaryName(t.table, live);
    const QString columns = [&] {
        QStringList quoted;
        for (const QString &c : common)
            quoted << q(c);
        return quoted.join(QStringLiteral(", "));
    }();
    bool first = true;
    for (const QString &s : dialect.createTable(renamed, true)) {
        steps.append({s, first ? t.table : QString()});
        first = false;
    }
    if (!common.isEmpty())
        steps.append({QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3")
                          .arg(q(renamed.table), columns, q(t.table)),
                      QString()});
    steps.append({QStringLiteral("DROP TABLE %1").arg(q(t.table)), QString()});
    steps.append({QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(q(renamed.table), q(t.table)),
                  QString()});
    for (const DerivedIndex &ix : t.indexes)
        steps.append({dialect.addIndex(t, ix), QString()});
}

/// DROP INDEX for live model indexes the design lacks, CREATE INDEX for the reverse.
void appendIndexChanges(const DdlDialect &dialect, const DerivedTable &t,
                        const SqliteLiveTable &live, QVector<SqliteStep> &steps)
{
    auto same = [](const SqliteLiveIndex &l, const DerivedIndex &d) {
        return l.name == d.name && l.unique == d.unique && l.columns == d.columns;
    };
    QStringList changes;
    for (const SqliteLiveIndex &l : live.createdIndexes) {
        if (std::none_of(t.indexes.begin(), t.indexes.end(),
                         [&](const DerivedIndex &d) { return same(l, d); }))
            changes << QStringLiteral("DROP INDEX %1").arg(q(l.name));
    }
    for (const DerivedIndex &d : t.indexes) {
        if (std::none_of(live.createdIndexes.begin(), live.createdIndexes.end(),
                         [&](const SqliteLiveIndex &l) { return same(l, d); }))
            changes << dialect.addIndex(t, d);
    }
    for (int i = 0; i < changes.size(); ++i)
        steps.append({changes.at(i), i == 0 ? t.table : QString()});
}

} // namespace

QString sqliteCreatedTable(const QString &statement)
{
    static const QRegularExpression re(
        QStringLiteral("^CREATE TABLE IF NOT EXISTS `((?:[^`]|``)*)`"));
    const QRegularExpressionMatch m = re.match(statement);
    return m.hasMatch() ? m.captured(1).replace(QStringLiteral("``"), QStringLiteral("`"))
                        : QString();
}

bool readSqliteLive(QSqlDatabase &db, SqliteLiveSchema &live, QString &error)
{
    const JsonValue catalog = readSqliteCatalog(db, &error);
    if (!error.isEmpty())
        return false;
    const QJsonObject tables = toQt(catalog);
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        SqliteLiveTable t;
        t.catalog = it.value().toObject();
        QSqlQuery count(db);
        if (!execOrExplain(count, QStringLiteral("SELECT COUNT(*) FROM %1").arg(q(it.key())),
                           error))
            return false;
        t.rows = count.next() ? count.value(0).toLongLong() : 0;
        if (!readCreatedIndexes(db, it.key(), t.createdIndexes, error))
            return false;
        live.insert(it.key(), t);
    }
    return true;
}

SqlitePlan planSqliteForce(const DerivedSchema &derived, const Analysis &analysis,
                           const QStringList &createDdl, const SqliteLiveSchema &live,
                           bool allowDataLoss)
{
    SqlitePlan plan;
    QStringList drop, holding;
    const QStringList order = designCreationOrder(derived, analysis);
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        if (!live.contains(*it))
            continue;
        drop << *it;
        if (live.value(*it).rows > 0)
            holding << QStringLiteral("%1 (%2)").arg(q(*it), rowCount(live.value(*it).rows));
    }
    if (!holding.isEmpty() && !allowDataLoss) {
        plan.error = dataLossRefusal(holding);
        plan.dataLossRefused = true;
        return plan;
    }
    for (const QString &t : drop)
        plan.steps.append({QStringLiteral("DROP TABLE IF EXISTS %1;").arg(q(t)), QString()});
    for (const QString &s : createDdl) {
        if (!s.startsWith(QLatin1String("PRAGMA ")))
            plan.steps.append({s, sqliteCreatedTable(s)});
    }
    noteLeftAlone(derived, live, plan);
    return plan;
}

SqlitePlan planSqliteAlter(const DerivedSchema &derived, const Analysis &analysis,
                           const SqliteLiveSchema &live)
{
    SqlitePlan plan;
    const std::unique_ptr<DdlDialect> dialect = DdlDialect::create(Dialect::SQLite);
    const QJsonObject design = designStructure(derived);
    QStringList problems;
    for (const QString &name : designCreationOrder(derived, analysis)) {
        const DerivedTable *t = findDesignTable(derived, name);
        if (!live.contains(name)) {
            QStringList create = dialect->createTable(*t, true);
            for (const DerivedIndex &ix : t->indexes)
                create << dialect->addIndex(*t, ix);
            for (int i = 0; i < create.size(); ++i)
                plan.steps.append({create.at(i), i == 0 ? name : QString()});
            continue;
        }
        const SqliteLiveTable &l = live.value(name);
        const QJsonObject wanted = design.value(name).toObject();
        if (liveStructure(l) == wanted) {
            appendIndexChanges(*dialect, *t, l, plan.steps);
            continue;
        }
        QStringList common;
        const QStringList liveColumns = columnNames(l.catalog);
        for (const DerivedColumn *c : DdlDialect::columnsInJsOrder(*t)) {
            if (liveColumns.contains(c->column))
                common << c->column;
        }
        const QString problem = rebuildProblem(name, wanted, l, common);
        if (!problem.isEmpty())
            problems << problem;
        else
            appendRebuild(*dialect, *t, common, live, plan.steps);
    }
    if (!problems.isEmpty()) {
        plan.steps.clear();
        plan.error = problems.join(QLatin1Char('\n')) + QStringLiteral("\nNothing was changed.");
        return plan;
    }
    noteLeftAlone(derived, live, plan);
    return plan;
}

} // namespace mc
