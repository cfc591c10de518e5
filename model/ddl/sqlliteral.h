#pragma once

#include "ddl/sqltypes.h"

#include <QString>

namespace mc {

/// Quotes an identifier so the database sees exactly \a name: backquotes for SQLite
/// and MySQL, double quotes for PostgreSQL, the quote character doubled inside.
/// (Sequelize strips the quote character instead, which changes the name.)
QString quoteIdentifier(const QString &name, Dialect dialect);

/// A string literal as Sequelize's SqlString.escape() writes it: quotes doubled on
/// SQLite and PostgreSQL; backslash escapes (`\'`, `\\`, `\n`, ...) on MySQL.
QString quoteString(const QString &value, Dialect dialect);

/// JavaScript's Number.prototype.toString() of \a value (`1.5`, `1e+21`, `NaN`).
QString jsNumberText(double value);

/// JavaScript's Number(\a text): a JSON number lexeme or any string; NaN when the
/// string is not numeric.
double jsToNumber(const QString &text);

} // namespace mc
