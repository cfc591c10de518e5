#pragma once

#include "ddl/sqltypes.h"
#include "rules/derive.h"

#include <QStringList>

namespace mc {

/// Names the dialect would reject or silently change, one message each, e.g.
/// `table name "..." is 70 characters; MySQL allows 64`:
/// - PostgreSQL: identifiers (tables, columns, index names, ENUM type names
///   `enum_<table>_<column>`) longer than 63 bytes, which it truncates;
/// - MySQL: identifiers longer than 64 characters, including the foreign key names
///   InnoDB generates (`<table>_ibfk_<n>`), table and column names ending with a
///   space, characters outside the Basic Multilingual Plane;
/// - every dialect: NUL characters in names; PostgreSQL and SQLite: NUL characters in
///   string literals (defaults, ENUM values, comments).
/// \a cyclic: the schema is created tables first, foreign keys afterwards (which
/// gives key columns no foreign key on MySQL).
QStringList identifierProblems(const DerivedSchema &derived, Dialect dialect, bool cyclic);

} // namespace mc
