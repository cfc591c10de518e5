#pragma once

#include "ddl/catalog.h"
#include "io/diagnostic.h"

namespace mc {

/// Reads the expectations' JSON shape (`tables` by name) back into CatalogTables,
/// the inverse of catalogTableJson(). Problems with the shape are errors.
QVector<CatalogTable> parseCatalogTables(const JsonValue &tables, Diagnostics &diagnostics);

/// The collation \a table lists for \a column (MariaDB), or an empty string.
QString collationOf(const CatalogTable &table, const QString &column);

} // namespace mc
