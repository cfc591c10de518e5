#pragma once

#include "ddl/sqltypes.h"

#include <QString>

#include <optional>

namespace mc {

/// The `DEFAULT` literal Sequelize 6.37.8 writes in CREATE TABLE for a literal
/// `defaultValue` (string, number or boolean), or nullopt when it writes no DEFAULT
/// (MySQL: TEXT, BLOB, JSON and BINARY columns).
///
/// SQLite and PostgreSQL pass the value through the column type's stringify first:
/// FLOAT/DOUBLE/REAL give a quoted number (`'1.5'`, `'NaN'`), JSON a quoted
/// JSON.stringify (`'"draft"'`), BLOB a hex literal, DATE/DATEONLY a formatted date
/// (ISO strings and epoch milliseconds, read in UTC as Sequelize does on a UTC host;
/// anything else gives Sequelize's `'Invalid date'`). SQLite writes booleans as 1/0
/// and turns a whole `'true'`/`'false'` literal into 1/0 (replaceBooleanDefaults).
/// MySQL escapes the raw value. Numbers are spelled as JavaScript prints them.
std::optional<QString> defaultLiteralSql(const JsonValue &value, const DataType &type,
                                         Dialect dialect);

} // namespace mc
