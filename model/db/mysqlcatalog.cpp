#include "mysqlcatalog.h"

#include "ddl/catalog.h"

#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>

namespace mc {

namespace {

using Column = CatalogColumn;
using ForeignKey = CatalogForeignKey;

struct Constraint // one FOREIGN KEY constraint, in key order
{
    QStringList columns, referenced;
    QString table, onDelete, onUpdate;
};

struct Index
{
    bool unique = false;
    QStringList columns;
};

struct Table : CatalogTable
{
    QMap<QString, Constraint> constraints; // by name
    QMap<QString, Index> indexesByName;
};

bool select(QSqlQuery &q, const QString &sql, QString *error)
{
    q.setForwardOnly(true);
    if (q.exec(sql))
        return true;
    if (error)
        *error = sql + QStringLiteral(": ") + q.lastError().text();
    return false;
}

/// dump-mysql.py's test for an index InnoDB made for a foreign key: one of the
/// names, or one of them followed by _N.
bool implicitName(const QString &index, const QSet<QString> &names)
{
    if (names.contains(index))
        return true;
    const int us = index.lastIndexOf(QLatin1Char('_'));
    if (us < 0)
        return false;
    bool number = false;
    index.mid(us + 1).toInt(&number);
    return number && !index.mid(us + 1).startsWith(QLatin1Char('-')) &&
           !index.mid(us + 1).startsWith(QLatin1Char('+')) && names.contains(index.left(us));
}

bool read(QSqlDatabase &db, QMap<QString, Table> &tables, QString *error)
{
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, "
                               "c.COLUMN_DEFAULT, c.EXTRA, c.COLLATION_NAME, t.TABLE_COLLATION "
                               "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
                               "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                               "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' "
                               "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION"),
                error))
        return false;
    while (q.next()) {
        Table &t = tables[q.value(0).toString()];
        Column c;
        c.name = q.value(1).toString();
        c.type = q.value(2).toString();
        c.notNull = q.value(3).toString() == QLatin1String("NO");
        if (!q.value(4).isNull() && q.value(4).toString() != QLatin1String("NULL"))
            c.defaultValue = q.value(4).toString(); // an unquoted NULL is no default
        c.autoIncrement =
            q.value(5).toString().contains(QLatin1String("auto_increment"), Qt::CaseInsensitive);
        if (!q.value(6).isNull() && q.value(6).toString() != q.value(7).toString())
            t.collations.append({c.name, q.value(6).toString()});
        t.columns.push_back(c);
    }
    if (!select(q,
                QStringLiteral("SELECT TABLE_NAME, CHECK_CLAUSE FROM "
                               "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = "
                               "DATABASE()"),
                error))
        return false;
    while (q.next()) {
        const auto it = tables.find(q.value(0).toString());
        if (it != tables.end())
            it->checks << q.value(1).toString();
    }
    if (!select(q,
                QStringLiteral("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM "
                               "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                               "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"),
                error))
        return false;
    while (q.next()) {
        const auto it = tables.find(q.value(0).toString());
        if (it == tables.end())
            continue;
        Index &ix = it->indexesByName[q.value(1).toString()];
        ix.unique = q.value(2).toInt() == 0;
        ix.columns << q.value(3).toString();
    }
    if (!select(q,
                QStringLiteral(
                    "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
                    "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, "
                    "r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
                    "JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                    "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = "
                    "k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
                    "WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                    "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"),
                error))
        return false;
    while (q.next()) {
        const auto it = tables.find(q.value(0).toString());
        if (it == tables.end())
            continue;
        Constraint &k = it->constraints[q.value(1).toString()];
        k.columns << q.value(2).toString();
        k.table = q.value(3).toString();
        k.referenced << q.value(4).toString();
        k.onDelete = q.value(5).toString();
        k.onUpdate = q.value(6).toString();
    }
    return true;
}

JsonValue toJson(Table &t)
{
    QMap<QStringList, QSet<QString>> implicitNames; // FK columns -> index names InnoDB uses
    for (auto it = t.constraints.cbegin(); it != t.constraints.cend(); ++it) {
        const Constraint &k = *it;
        for (int i = 0; i < k.columns.size(); ++i)
            t.foreignKeys.push_back(
                {k.columns[i], k.table, k.referenced.value(i), k.onDelete, k.onUpdate});
        implicitNames[k.columns] << it.key() << k.columns.first();
    }
    for (auto it = t.indexesByName.cbegin(); it != t.indexesByName.cend(); ++it) {
        const Index &ix = *it;
        if (it.key() == QLatin1String("PRIMARY")) {
            t.primaryKey = ix.columns;
            for (Column &c : t.columns)
                c.pk = c.pk || ix.columns.contains(c.name);
        } else if (ix.unique) {
            t.uniques << ix.columns;
        } else if (implicitName(it.key(), implicitNames.value(ix.columns))) {
            t.fkIndexes << ix.columns;
        } else {
            t.indexes << ix.columns;
        }
    }
    std::sort(t.foreignKeys.begin(), t.foreignKeys.end(),
              [](const ForeignKey &a, const ForeignKey &b) {
                  return std::tie(a.from, a.table, a.to) < std::tie(b.from, b.table, b.to);
              });
    t.checks.sort();
    t.mysql = true;
    return catalogTableJson(t);
}

} // namespace

JsonValue readMysqlCatalog(QSqlDatabase &db, QString *error)
{
    QMap<QString, Table> tables; // sorted by name, as dump-mysql.py sorts them
    read(db, tables, error);
    JsonValue out = JsonValue::object();
    for (auto it = tables.begin(); it != tables.end(); ++it)
        out.appendMember(it.key(), toJson(*it));
    return out;
}

} // namespace mc
