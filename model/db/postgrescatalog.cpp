#include "postgrescatalog.h"

#include "db/sqltext.h"
#include "ddl/catalog.h"

#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>

namespace mc {

namespace {

using Column = CatalogColumn;
using ForeignKey = CatalogForeignKey;
using Table = CatalogTable;

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
        c.defaultValue = q.value(4).isNull() ? QString() : q.value(4).toString();
        c.autoIncrement = c.defaultValue.startsWith(QLatin1String("nextval(")) ||
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

/// \a s without the parentheses that wrap all of it, if any: `((a > 0))` is `a > 0`,
/// `(a > 0) AND (b > 0)` stays. Quoted text is not looked into.
QString unwrapped(QString s)
{
    while (s.startsWith(QLatin1Char('(')) && closingParen(s, 0) == s.size() - 1)
        s = s.mid(1, s.size() - 2).trimmed();
    return s;
}

/// CHECK constraints, as pg_get_constraintdef() prints them less `CHECK (...)`.
bool readChecks(QSqlDatabase &db, const QString &rels, QMap<QString, Table> &tables, QString *error)
{
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT t.relname, pg_get_constraintdef(con.oid) "
                               "FROM pg_constraint con JOIN (%1) t ON con.conrelid = t.oid "
                               "WHERE con.contype = 'c' ORDER BY t.relname, con.conname")
                    .arg(rels),
                error))
        return false;
    static const QRegularExpression check(QStringLiteral("^CHECK \\((.*)\\)$"),
                                          QRegularExpression::DotMatchesEverythingOption);
    while (q.next()) {
        const auto it = tables.find(q.value(0).toString());
        if (it == tables.end())
            continue;
        const QString def = q.value(1).toString();
        const auto m = check.match(def);
        it->checks << (m.hasMatch() ? unwrapped(m.captured(1)) : def);
    }
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
    return catalogTableJson(t);
}

} // namespace

QHash<QString, QStringList> readPostgresEnumLabels(QSqlDatabase &db, QString *error,
                                                   const QString &schema)
{
    QHash<QString, QStringList> out;
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT t.typname, e.enumlabel FROM pg_type t "
                               "JOIN pg_enum e ON e.enumtypid = t.oid "
                               "JOIN pg_namespace n ON n.oid = t.typnamespace "
                               "WHERE n.nspname = %1 ORDER BY t.typname, e.enumsortorder")
                    .arg(literal(schema)),
                error))
        return out;
    while (q.next())
        out[q.value(0).toString()] << q.value(1).toString();
    return out;
}

JsonValue readPostgresCatalog(QSqlDatabase &db, QString *error, const QString &schema)
{
    const QString rels =
        QStringLiteral("SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n "
                       "ON n.oid = c.relnamespace WHERE n.nspname = %1 "
                       "AND c.relkind IN ('r', 'p')")
            .arg(literal(schema));
    QMap<QString, Table> tables; // sorted by name, as dump-pg.py sorts them
    JsonValue out = JsonValue::object();
    if (readColumns(db, rels, tables, error) && readConstraints(db, rels, tables, error) &&
        readIndexes(db, rels, tables, error))
        readChecks(db, rels, tables, error);
    for (auto it = tables.begin(); it != tables.end(); ++it)
        out.appendMember(it.key(), toJson(*it));
    return out;
}

} // namespace mc
