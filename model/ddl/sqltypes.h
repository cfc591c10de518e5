#pragma once

#include "domain/datatype.h"
#include "domain/jsonvalue.h"

#include <QString>

#include <optional>

namespace mc {

enum class Dialect { SQLite, Postgres, MySQL };

QString dialectName(Dialect d); ///< "sqlite", "postgres", "mysql"
std::optional<Dialect> dialectFromName(const QString &name);

/// Column type SQL as Sequelize 6.37.8's query generator writes it
/// (expected/types.json). `table` and `column` name a PostgreSQL ENUM type.
QString columnTypeSql(const DataType &type, Dialect dialect, const QString &table = QString(),
                      const QString &column = QString());

/// Name of the PostgreSQL ENUM type Sequelize creates for a column.
QString postgresEnumTypeName(const QString &table, const QString &column);

/// A type as PostgreSQL's format_type() prints it, without the quotes it puts around
/// a name that needs them: `"enum_Users_role"` is `enum_Users_role`.
QString unquotedPostgresType(const QString &catalogType);

/// A literal default as the generator escapes it (`0`, `'draft'`, `42`, `false`).
QString defaultValueSql(const JsonValue &value, const DataType &type, Dialect dialect);

/// Single-quoted SQL string literal with quotes doubled.
QString sqlQuote(const QString &s);

} // namespace mc
