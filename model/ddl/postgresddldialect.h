#pragma once

#include "ddl/ddldialect.h"

namespace mc {

/// PostgreSQL's generator: SERIAL/BIGSERIAL with the gaps dataTypeMapping() leaves
/// (`"id"   SERIAL ,`), a trailing `PRIMARY KEY ("a","b")`, ENUM columns typed
/// `"public"."enum_<table>_<column>"` after a `DO '... CREATE TYPE ...'` block, and
/// column comments as `; COMMENT ON COLUMN` (postgres/query-generator.js).
class PostgresDdlDialect : public DdlDialect
{
public:
    PostgresDdlDialect() : DdlDialect(Dialect::Postgres) {}

    QStringList createTable(const DerivedTable &table, bool withForeignKeys) const override;
    QString addForeignKey(const DerivedTable &table, const DerivedColumn &column) const override;
    QString columnDefinition(const DerivedTable &table, const DerivedColumn &column) const override;

    /// The `DO '...'` statement that creates the ENUM type of \a column.
    QString createEnumType(const DerivedTable &table, const DerivedColumn &column) const;

protected:
    QString typeSql(const DerivedTable &table, const DerivedColumn &column) const override;

private:
    QString columnSql(const DerivedTable &table, const DerivedColumn &column,
                      bool withForeignKeys) const;
};

} // namespace mc
