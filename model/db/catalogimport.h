#pragma once

#include "ddl/catalog.h"
#include "domain/schema.h"
#include "io/diagnostic.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace mc {

/// What importCatalog() made of a catalog.
struct ImportResult
{
    /// The schema, or nullopt when the catalog could not be read at all.
    std::optional<Schema> schema;
    /// Errors (unreadable input) and warnings: everything the schema does not
    /// reproduce exactly, each naming its table (and column, where there is one).
    Diagnostics diagnostics;

    bool ok() const { return schema.has_value(); }
};

/// Turns a database catalog (the `tables` object that readSqliteCatalog(),
/// readPostgresCatalog() and readMysqlCatalog() return) into a modelcanvas/1 schema
/// whose derived tables report the same catalog in \a dialect: foreign keys become
/// belongsTo + hasMany/hasOne, pure junction tables belongsToMany pairs, columns the
/// type strings and literal defaults that spell them. Implicit `id`, timestamps and
/// Sequelize's default names are used wherever the catalog comes out the same; the
/// result is derived and compared before it is returned, and tables that do not
/// match are declared column by column instead. What still differs is a warning.
/// \a enumLabels are PostgreSQL's ENUM labels by type name (readDatabaseCatalog()
/// gives them); without them an ENUM column gets its default as the only value, and
/// a warning.
ImportResult importCatalog(const JsonValue &tables, Dialect dialect,
                           const QHash<QString, QStringList> &enumLabels = {});

/// Every way \a got differs from \a want, for people: (column, text) pairs, the
/// column empty for table-level differences (primary key, foreign keys, indexes).
QVector<QPair<QString, QString>> catalogDifferences(const CatalogTable &want,
                                                    const CatalogTable &got);

} // namespace mc
