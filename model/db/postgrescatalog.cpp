#include "postgrescatalog.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>

namespace mc {

namespace {

struct Column
{
    QString name, type;
    bool notNull = false;
    bool pk = false;
    QVariant defaultValue;
    bool autoIncrement = false;
};

struct ForeignKey
{
    QString from, table, to, onDelete, onUpdate;
};

struct Table
{
    QVector<Column> columns;
    QStringList primaryKey;
    QVector<ForeignKey> foreignKeys;
    QVector<QStringList> uniques, indexes;
};

/// pg_constraint's confdeltype / confupdtype letters.
QString action(const QString &letter)
{
    switch (letter.isEmpty() ? u'?' : letter.at(0).unicode()) {
    case u'r':
        return QStringLiteral("RESTRICT");
    case u'c':
        return QStringLiteral("CASCADE");
    case u'n':
        return QStringLiteral("SET NULL");
    case u'd':
        return QStringLiteral("SET DEFAULT");
    default:
        return QStringLiteral("NO ACTION"); // 'a'
    }
}

QString literal(const QString &s)
{
    return QLatin1Char('\'') + QString(s).replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

/// Runs one catalog query; false (with the driver's text) when it fails.
bool select(QSqlQuery &q, const QString &sql, QString *error)
{
    q.setForwardOnly(true);
    if (q.exec(sql))
        return true;
    if (error)
        *error = sql + QStringLiteral(": ") + q.lastError().text();
    return false;
}

JsonValue stringList(const QStringList &list)
{
    JsonValue a = JsonValue::array();
    for (const QString &s : list)
        a.append(JsonValue::string(s));
    return a;
}

JsonValue listOfLists(const QVector<QStringList> &lists)
{
    JsonValue a = JsonValue::array();
    for (const QStringList &l : lists)
        a.append(stringList(l));
    return a;
}

bool readColumns(QSqlDatabase &db, const QString &rels, QMap<QString, Table> &tables,
                 QString *error)
{
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral(
                    "SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
                    "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text "
                    "FROM pg_attribute a JOIN (%1) t ON a.attrelid = t.oid "
                    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    "WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY t.relname, a.attnum")
                    .arg(rels),
                error))
        return false;
    while (q.next()) {
        Column c;
        c.name = q.value(1).toString();
        c.type = q.value(2).toString();
        c.notNull = q.value(3).toBool();
        c.defaultValue = q.value(4);
        c.autoIncrement = (!c.defaultValue.isNull() &&
                           c.defaultValue.toString().startsWith(QLatin1String("nextval("))) ||
                          !q.value(5).toString().isEmpty();
        tables[q.value(0).toString()].columns.push_back(c);
    }
    return true;
}

/// Primary keys (key order) and foreign keys, one row per key column.
bool readConstraints(QSqlDatabase &db, const QString &rels, QMap<QString, Table> &tables,
                     QString *error)
{
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral(
                    "SELECT t.relname, con.contype::text, a.attname, ra.attname, rt.relname, "
                    "con.confdeltype::text, con.confupdtype::text, con.oid::bigint "
                    "FROM pg_constraint con JOIN (%1) t ON con.conrelid = t.oid "
                    "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY "
                    "AS k(col, rcol, ord) "
                    "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col "
                    "LEFT JOIN pg_class rt ON rt.oid = con.confrelid "
                    "LEFT JOIN pg_attribute ra ON ra.attrelid = con.confrelid "
                    "AND ra.attnum = k.rcol "
                    "WHERE con.contype IN ('p', 'f') ORDER BY t.relname, con.oid, k.ord")
                    .arg(rels),
                error))
        return false;
    while (q.next()) {
        const auto it = tables.find(q.value(0).toString());
        if (it == tables.end())
            continue; // a table without columns: dump-pg.py has no entry for it either
        Table &t = *it;
        const QString column = q.value(2).toString();
        if (q.value(1).toString() == QLatin1String("p")) {
            t.primaryKey << column;
            for (Column &c : t.columns) {
                if (c.name == column)
                    c.pk = true;
            }
        } else {
            t.foreignKeys.push_back({column, q.value(4).toString(), q.value(3).toString(),
                                     action(q.value(5).toString()), action(q.value(6).toString())});
        }
    }
    return true;
}

/// Every index but the primary key's: unique ones (unique constraints included)
/// and plain ones, as column lists in key order.
bool readIndexes(QSqlDatabase &db, const QString &rels, QMap<QString, Table> &tables,
                 QString *error)
{
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral(
                    "SELECT t.relname, i.indexrelid::bigint, i.indisunique, "
                    "coalesce(a.attname::text, '<expr>') "
                    "FROM pg_index i JOIN (%1) t ON i.indrelid = t.oid "
                    "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(col, ord) "
                    "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.col "
                    "AND k.col > 0 "
                    "WHERE NOT i.indisprimary ORDER BY i.indexrelid, k.ord")
                    .arg(rels),
                error))
        return false;
    qlonglong current = -1;
    QString table;
    bool unique = false;
    QStringList columns;
    auto flush = [&] {
        const auto it = tables.find(table);
        if (current >= 0 && it != tables.end())
            (unique ? it->uniques : it->indexes).push_back(columns);
        columns.clear();
    };
    while (q.next()) {
        const qlonglong index = q.value(1).toLongLong();
        if (index != current) {
            flush();
            current = index;
            table = q.value(0).toString();
            unique = q.value(2).toBool();
        }
        columns << q.value(3).toString();
    }
    flush();
    return true;
}

JsonValue toJson(Table &t)
{
    std::sort(t.foreignKeys.begin(), t.foreignKeys.end(),
              [](const ForeignKey &a, const ForeignKey &b) {
                  return std::tie(a.from, a.table, a.to) < std::tie(b.from, b.table, b.to);
              });
    std::sort(t.uniques.begin(), t.uniques.end());
    std::sort(t.indexes.begin(), t.indexes.end());
    JsonValue cols = JsonValue::array();
    for (const Column &c : t.columns) {
        JsonValue col = JsonValue::object();
        col.appendMember(QStringLiteral("name"), JsonValue::string(c.name));
        col.appendMember(QStringLiteral("type"), JsonValue::string(c.type));
        col.appendMember(QStringLiteral("notNull"), JsonValue::boolean(c.notNull));
        col.appendMember(QStringLiteral("pk"), JsonValue::boolean(c.pk));
        col.appendMember(QStringLiteral("default"),
                         c.defaultValue.isNull() ? JsonValue::null()
                                                 : JsonValue::string(c.defaultValue.toString()));
        col.appendMember(QStringLiteral("autoIncrement"), JsonValue::boolean(c.autoIncrement));
        cols.append(std::move(col));
    }
    JsonValue fks = JsonValue::array();
    for (const ForeignKey &k : t.foreignKeys) {
        JsonValue o = JsonValue::object();
        o.appendMember(QStringLiteral("from"), JsonValue::string(k.from));
        o.appendMember(QStringLiteral("table"), JsonValue::string(k.table));
        o.appendMember(QStringLiteral("to"), JsonValue::string(k.to));
        o.appendMember(QStringLiteral("onDelete"), JsonValue::string(k.onDelete));
        o.appendMember(QStringLiteral("onUpdate"), JsonValue::string(k.onUpdate));
        fks.append(std::move(o));
    }
    JsonValue out = JsonValue::object();
    out.appendMember(QStringLiteral("columns"), std::move(cols));
    out.appendMember(QStringLiteral("primaryKey"), stringList(t.primaryKey));
    out.appendMember(QStringLiteral("foreignKeys"), std::move(fks));
    out.appendMember(QStringLiteral("uniques"), listOfLists(t.uniques));
    out.appendMember(QStringLiteral("indexes"), listOfLists(t.indexes));
    return out;
}

} // namespace

JsonValue readPostgresCatalog(QSqlDatabase &db, QString *error, const QString &schema)
{
    const QString rels =
        QStringLiteral("SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n "
                       "ON n.oid = c.relnamespace WHERE n.nspname = %1 "
                       "AND c.relkind IN ('r', 'p')")
            .arg(literal(schema));
    QMap<QString, Table> tables; // sorted by name, as dump-pg.py sorts them
    JsonValue out = JsonValue::object();
    if (readColumns(db, rels, tables, error) && readConstraints(db, rels, tables, error))
        readIndexes(db, rels, tables, error);
    for (auto it = tables.begin(); it != tables.end(); ++it)
        out.appendMember(it.key(), toJson(*it));
    return out;
}

} // namespace mc
