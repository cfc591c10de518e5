#pragma once

#include "ddl/sqltypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

namespace mc {

/// One column as a catalog reports it (`columns[]` of the expectations).
struct CatalogColumn
{
    QString name;
    QString type;
    bool notNull = false;
    bool pk = false;
    QString defaultValue; ///< empty: no default
    bool autoIncrement = false;
};

struct CatalogForeignKey
{
    QString from, table, to, onDelete, onUpdate;
};

/// One table as a catalog reports it, lists sorted as the expectations sort them.
struct CatalogTable
{
    QString name;
    QVector<CatalogColumn> columns;
    QStringList primaryKey;
    QVector<CatalogForeignKey> foreignKeys; ///< by from, table, to
    QVector<QStringList> uniques;
    QVector<QStringList> indexes;
    bool mysql = false; ///< the three MariaDB-only lists below are meaningful
    QVector<QStringList> fkIndexes;
    QStringList checks;
    QVector<QPair<QString, QString>> collations; ///< column -> collation
};

/// What `dialect`'s catalog reports for one derived table. `cyclic`: the schema has
/// an FK cycle, so on PostgreSQL and MySQL sync() adds the foreign keys afterwards
/// with ALTER TABLE and skips those on primary key columns (junction keys).
CatalogTable catalogTable(const DerivedTable &table, Dialect dialect, bool cyclic = false);

/// One table in the expectations' JSON shape (what catalogTables() lists per table;
/// the catalog readers of model/db write theirs with it too).
JsonValue catalogTableJson(const CatalogTable &table);

/// The tables a catalog lists, sorted by name, one per name.
QVector<const DerivedTable *> catalogOrder(const DerivedSchema &derived);

/// The schema as a database catalog reports it once Sequelize's DDL has run, in
/// the shape of the conformance expectations (`tables` of expected/NAME.json).
JsonValue catalogTables(const DerivedSchema &derived, Dialect dialect, bool cyclic = false);

/// The whole `modelcanvas inspect` document: order, toposortOrder, toposortError,
/// tables, accessors, error, errorPhase.
JsonValue inspectDocument(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect);

/// Indented JSON (2 spaces) with keys in stored order; short arrays of scalars and
/// leaf objects stay on one line.
QString prettyJson(const JsonValue &value);

} // namespace mc
