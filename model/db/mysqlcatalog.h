#pragma once

#include "domain/jsonvalue.h"

#include <QSqlDatabase>

namespace mc {

/// The `tables` of the conformance dump read back from an open MariaDB (QMYSQL)
/// connection's current database, exactly as `conformance/tools/dump-mysql.py` builds
/// them from information_schema: base tables sorted by name; columns in ordinal order
/// with COLUMN_TYPE, notNull, pk, the default (the bare word NULL reads as null) and
/// auto_increment; the primary key; foreign keys with their rules sorted by
/// (from, table, to); unique and plain indexes as sorted column lists, where a plain
/// index InnoDB added by itself for a foreign key (same columns, named after the
/// constraint or its first column, maybe with _N) goes to `fkIndexes` instead;
/// CHECK clauses (`checks`, sorted) and the columns whose collation differs from the
/// table's (`collations`). It compares directly with catalogTables(derived,
/// Dialect::MySQL). On a query error, \a error (if given) receives the statement and
/// the driver's text and the result holds what was read so far.
JsonValue readMysqlCatalog(QSqlDatabase &db, QString *error = nullptr);

} // namespace mc
