#pragma once

#include "ddl/sqltypes.h"
#include "rules/derive.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace mc {

/// How one dialect's Sequelize 6.37.8 query generator writes a table
/// (attributeToSQL + createTableQuery, addIndexQuery, changeColumnQuery), spacing
/// included, with identifiers quoted so that any name survives.
class DdlDialect
{
public:
    explicit DdlDialect(Dialect dialect) : m_dialect(dialect) {}
    virtual ~DdlDialect() = default;
    DdlDialect(const DdlDialect &) = delete;
    DdlDialect &operator=(const DdlDialect &) = delete;

    static std::unique_ptr<DdlDialect> create(Dialect dialect);

    Dialect dialect() const { return m_dialect; }
    QString quote(const QString &identifier) const;

    /// What sync() sends to create \a table (PostgreSQL: its ENUM types first).
    /// Without foreign keys: the first pass of a cyclic sync on PostgreSQL/MySQL.
    virtual QStringList createTable(const DerivedTable &table, bool withForeignKeys) const = 0;
    /// addIndexQuery() for one of the model's `indexes` (no trailing semicolon).
    virtual QString addIndex(const DerivedTable &table, const DerivedIndex &index) const;
    /// The `ALTER TABLE ... ADD FOREIGN KEY` of the second pass of a cyclic sync.
    virtual QString addForeignKey(const DerivedTable &table, const DerivedColumn &column) const;
    /// One column as attributeToSQL writes it (type, NOT NULL, auto-increment, DEFAULT,
    /// MySQL's COMMENT) for ALTER TABLE ... ADD / MODIFY COLUMN: without UNIQUE, PRIMARY
    /// KEY and REFERENCES, which the alter planners add as constraints of their own.
    virtual QString columnDefinition(const DerivedTable &table, const DerivedColumn &column) const;
    /// The column's type SQL (PostgreSQL: the quoted ENUM type name).
    QString columnType(const DerivedTable &table, const DerivedColumn &column) const
    {
        return typeSql(table, column);
    }

    /// The columns in the order Sequelize's attribute objects hold them: JavaScript
    /// puts integer-like keys (`"2"`, `"10"`) first, ascending, for the attribute names
    /// (rawAttributes) and again for the column names (attributesToSQL's result).
    static QVector<const DerivedColumn *> columnsInJsOrder(const DerivedTable &table);
    /// Named unique groups in the order of model.uniqueKeys, each with its columns in
    /// rawAttributes order.
    static QVector<DerivedIndex> uniqueKeysInJsOrder(const DerivedTable &table);

protected:
    /// Column type SQL; ENUM as the dialect declares it.
    virtual QString typeSql(const DerivedTable &table, const DerivedColumn &column) const;
    /// `REFERENCES t (k)` plus ` ON DELETE x` / ` ON UPDATE y` when set.
    QString referencesClause(const DerivedColumn &column) const;
    /// ` DEFAULT x`, or empty when Sequelize writes none.
    QString defaultClause(const DerivedColumn &column) const;
    /// Quoted names joined by \a separator.
    QString quotedList(const QStringList &names, const QString &separator) const;

private:
    Dialect m_dialect;
};

} // namespace mc
