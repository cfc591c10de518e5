#pragma once

#include "io/jsonvalue.h"

#include <QSqlDatabase>

namespace mc {

/// The `tables` of the conformance dump read back from an open SQLite database,
/// exactly as `conformance/tools/dump-sqlite.py` builds them (PRAGMA table_info /
/// foreign_key_list / index_list / index_info, AUTOINCREMENT from sqlite_master.sql),
/// so it compares directly with catalogTables(derived, Dialect::SQLite).
/// Tables by name; `sqlite_*` tables are left out. On a query error, \a error (if
/// given) receives the driver's text and the result holds what was read so far.
JsonValue readSqliteCatalog(QSqlDatabase &db, QString *error = nullptr);

} // namespace mc
