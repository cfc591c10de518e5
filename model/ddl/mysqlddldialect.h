#pragma once

#include "ddl/ddldialect.h"

namespace mc {

/// MySQL's generator: `auto_increment`, trailing `PRIMARY KEY`, named
/// `UNIQUE \`name\` (...)`, trailing `FOREIGN KEY (...) REFERENCES ...`,
/// `ENGINE=InnoDB`, indexes via `ALTER TABLE ... ADD INDEX` (mysql/query-generator.js).
class MysqlDdlDialect : public DdlDialect
{
public:
    MysqlDdlDialect() : DdlDialect(Dialect::MySQL) {}

    QStringList createTable(const DerivedTable &table, bool withForeignKeys) const override;
    QString addIndex(const DerivedTable &table, const DerivedIndex &index) const override;
    QString addForeignKey(const DerivedTable &table, const DerivedColumn &column) const override;
    QString columnDefinition(const DerivedTable &table, const DerivedColumn &column) const override;

protected:
    QString typeSql(const DerivedTable &table, const DerivedColumn &column) const override;

private:
    QString columnSql(const DerivedTable &table, const DerivedColumn &column) const;
};

} // namespace mc
