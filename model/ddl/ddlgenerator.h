#pragma once

#include <optional>

#include "ddl/sqltypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QString>
#include <QStringList>

namespace mc {

/// The statements that create a schema, or why there are none.
struct DdlResult
{
    QStringList statements; ///< as Sequelize sends them, in order
    QStringList errors;     ///< names the dialect would reject or truncate (identifierrules.h)

    bool ok() const { return errors.isEmpty(); }
};

/// What Sequelize 6.37.8's `sequelize.sync()` sends to create the whole schema
/// (spec §7.4, §9), text for text:
/// - acyclic: per table in creation order, its CREATE TABLE (PostgreSQL: the
///   `DO '...'` blocks of its ENUM types first), then its model indexes;
/// - cyclic, SQLite: `PRAGMA foreign_keys = OFF`, every table in definition order
///   with inline REFERENCES (and its indexes), `PRAGMA foreign_keys = ON`;
/// - cyclic, PostgreSQL/MySQL: every table (and its indexes) without foreign keys in
///   definition order, then one `ALTER TABLE ... ADD FOREIGN KEY` per foreign key
///   column that is not part of the primary key (sync({alter: true}) skips those).
///   The redundant `ALTER COLUMN` / `CHANGE` statements of that pass are left out.
/// Statements keep Sequelize's terminators: CREATE TABLE and ALTER TABLE end with `;`,
/// PRAGMA and index statements have none (see ddlScript()).
/// A define error gives no statements and no errors (the caller reports it); names
/// the dialect would reject give no statements and one error each.
DdlResult generateDdl(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect);

/// The statements an applier runs, or nullopt with why not in \a error: the define
/// error (`path: message`, as Diagnostic::toString writes it) or the identifier errors.
std::optional<QStringList> applicableDdl(const DerivedSchema &derived, const Analysis &analysis,
                                         Dialect dialect, QString *error);

/// generateDdl()'s statements, or an empty list on a define or identifier error.
QStringList createSchemaStatements(const DerivedSchema &derived, const Analysis &analysis,
                                   Dialect dialect);

/// A runnable script: each statement on its own line, ending with `;`.
QString ddlScript(const QStringList &statements);

} // namespace mc
