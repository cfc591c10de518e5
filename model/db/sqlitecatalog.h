#pragma once

#include "domain/jsonvalue.h"

#include <QSqlDatabase>
#include <QStringList>

namespace mc {

/// The `tables` of the conformance dump read back from an open SQLite database,
/// exactly as `conformance/tools/dump-sqlite.py` builds them (PRAGMA table_info /
/// foreign_key_list / index_list / index_info, AUTOINCREMENT from sqlite_master.sql),
/// so it compares directly with catalogTables(derived, Dialect::SQLite).
/// Tables by name; `sqlite_*` tables are left out. A table with CHECK constraints
/// (which Sequelize never makes, and the dump leaves out) also gets `checks`, their
/// expressions as written, so that an import can say what it cannot carry. On a query error, \a
/// error (if given) receives the driver's text and the result holds what was read so far.
JsonValue readSqliteCatalog(QSqlDatabase &db, QString *error = nullptr);

/// The expressions of the CHECK constraints in a CREATE TABLE statement, column and
/// table constraints alike, in order, as written between CHECK's parentheses.
/// SQLite keeps them only in the statement's text. Quoted names and strings,
/// comments and nested parentheses are skipped over, never mistaken for syntax.
QStringList sqliteCheckClauses(const QString &createTableSql);

} // namespace mc
