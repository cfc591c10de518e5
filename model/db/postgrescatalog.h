#pragma once

#include "domain/jsonvalue.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace mc {

/// The `tables` of the conformance dump read back from an open PostgreSQL (QPSQL)
/// database, exactly as `conformance/tools/dump-pg.py` builds them from pg_catalog:
/// ordinary and partitioned tables of \a schema, sorted by name; columns in attnum
/// order with format_type(), attnotnull, pk, pg_get_expr() of the default and
/// autoIncrement (a `nextval(` default or an identity column); the primary key in key
/// order; foreign keys with pg_constraint's actions (NO ACTION, RESTRICT, CASCADE,
/// SET NULL, SET DEFAULT) sorted by (from, table, to); unique indexes and constraints
/// other than the primary key as `uniques`, the other indexes as `indexes`, each a
/// list of column lists in key order, sorted (an expression key reads `<expr>`).
/// It compares directly with catalogTables(derived, Dialect::Postgres). A table with
/// CHECK constraints (which Sequelize never makes, and the dump leaves out) also gets
/// `checks`, pg_get_constraintdef()'s text inside CHECK (...), so that an import can
/// say what it cannot carry.
/// On a query error, \a error (if given) receives the statement and the driver's text
/// and the result holds what was read so far.
JsonValue readPostgresCatalog(QSqlDatabase &db, QString *error = nullptr,
                              const QString &schema = QStringLiteral("public"));

/// The labels of every ENUM type of \a schema, in their sort order, by type name
/// (pg_type.typname, unquoted: `enum_Samples_status`). The catalog above names a
/// column's ENUM type but not its labels; importing needs them.
QHash<QString, QStringList>
readPostgresEnumLabels(QSqlDatabase &db, QString *error = nullptr,
                       const QString &schema = QStringLiteral("public"));

} // namespace mc
