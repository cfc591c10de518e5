#pragma once

#include "ddl/ddldialect.h"

namespace mc {

/// SQLite's generator: inline REFERENCES, a single integer key rewritten to
/// `INTEGER PRIMARY KEY [AUTOINCREMENT]`, composite keys as NOT NULL columns plus a
/// trailing `PRIMARY KEY (a, b)` (sqlite/query-generator.js).
class SqliteDdlDialect : public DdlDialect
{
public:
    SqliteDdlDialect() : DdlDialect(Dialect::SQLite) {}

    QStringList createTable(const DerivedTable &table, bool withForeignKeys) const override;

protected:
    QString typeSql(const DerivedTable &table, const DerivedColumn &column) const override;

private:
    QString columnSql(const DerivedTable &table, const DerivedColumn &column,
                      bool compositeKey) const;
};

} // namespace mc
