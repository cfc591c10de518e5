#include "ddldialect.h"

#include "ddl/defaultliteral.h"
#include "ddl/mysqlddldialect.h"
#include "ddl/postgresddldialect.h"
#include "ddl/sqliteddldialect.h"
#include "ddl/sqlliteral.h"

#include <algorithm>

namespace mc {

namespace {

/// A canonical array index ("0" .. "4294967294"), which JavaScript orders first.
std::optional<quint32> arrayIndex(const QString &key)
{
    if (key.isEmpty() || key.size() > 10 || (key.size() > 1 && key.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    for (const QChar c : key) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const qulonglong v = key.toULongLong();
    if (v >= 4294967295ULL)
        return std::nullopt;
    return quint32(v);
}

/// Stable reorder of \a items the way JavaScript enumerates an object keyed by \a key.
template <typename T, typename Key> void jsKeyOrder(QVector<T> &items, Key key)
{
    std::stable_sort(items.begin(), items.end(), [&](const T &a, const T &b) {
        const auto ia = arrayIndex(key(a)), ib = arrayIndex(key(b));
        if (ia && ib)
            return *ia < *ib;
        return ia.has_value() && !ib.has_value();
    });
}

} // namespace

std::unique_ptr<DdlDialect> DdlDialect::create(Dialect dialect)
{
    switch (dialect) {
    case Dialect::SQLite:
        return std::make_unique<SqliteDdlDialect>();
    case Dialect::Postgres:
        return std::make_unique<PostgresDdlDialect>();
    case Dialect::MySQL:
        return std::make_unique<MysqlDdlDialect>();
    }
    return nullptr;
}

QString DdlDialect::quote(const QString &identifier) const
{
    return quoteIdentifier(identifier, m_dialect);
}

QVector<const DerivedColumn *> DdlDialect::columnsInJsOrder(const DerivedTable &table)
{
    QVector<const DerivedColumn *> columns;
    columns.reserve(table.columns.size());
    for (const DerivedColumn &c : table.columns)
        columns.append(&c);
    jsKeyOrder(columns, [](const DerivedColumn *c) { return c->attribute; }); // rawAttributes
    jsKeyOrder(columns, [](const DerivedColumn *c) { return c->column; });    // attributesToSQL
    return columns;
}

QVector<DerivedIndex> DdlDialect::uniqueKeysInJsOrder(const DerivedTable &table)
{
    QVector<const DerivedColumn *> raw;
    for (const DerivedColumn &c : table.columns)
        raw.append(&c);
    jsKeyOrder(raw, [](const DerivedColumn *c) { return c->attribute; });
    QVector<DerivedIndex> keys;
    for (const DerivedColumn *c : raw) {
        if (c->uniqueGroup.isEmpty())
            continue;
        auto it = std::find_if(keys.begin(), keys.end(),
                               [&](const DerivedIndex &k) { return k.name == c->uniqueGroup; });
        if (it == keys.end())
            keys.append(DerivedIndex{c->uniqueGroup, {c->column}, true});
        else
            it->columns << c->column;
    }
    jsKeyOrder(keys, [](const DerivedIndex &k) { return k.name; });
    return keys;
}

QString DdlDialect::addIndex(const DerivedTable &table, const DerivedIndex &index) const
{
    // abstract/query-generator.js addIndexQuery, CREATE form (SQLite, PostgreSQL).
    return QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)")
        .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(), quote(index.name),
             quote(table.table), quotedList(index.columns, QStringLiteral(", ")));
}

QString DdlDialect::addForeignKey(const DerivedTable &, const DerivedColumn &) const
{
    return QString();
}

QString DdlDialect::columnDefinition(const DerivedTable &table, const DerivedColumn &column) const
{
    return typeSql(table, column);
}

QString DdlDialect::typeSql(const DerivedTable &, const DerivedColumn &column) const
{
    return columnTypeSql(column.type, m_dialect);
}

QString DdlDialect::referencesClause(const DerivedColumn &column) const
{
    QString sql =
        QStringLiteral("REFERENCES %1 (%2)")
            .arg(quote(column.refTable),
                 quote(column.refColumn.isEmpty() ? QStringLiteral("id") : column.refColumn));
    if (!column.onDelete.isEmpty())
        sql += QStringLiteral(" ON DELETE ") + column.onDelete;
    if (!column.onUpdate.isEmpty())
        sql += QStringLiteral(" ON UPDATE ") + column.onUpdate;
    return sql;
}

QString DdlDialect::defaultClause(const DerivedColumn &column) const
{
    if (!column.defaultValue)
        return QString();
    const auto literal = defaultLiteralSql(*column.defaultValue, column.type, m_dialect);
    return literal ? QStringLiteral(" DEFAULT ") + *literal : QString();
}

QString DdlDialect::quotedList(const QStringList &names, const QString &separator) const
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &n : names)
        quoted << quote(n);
    return quoted.join(separator);
}

} // namespace mc
