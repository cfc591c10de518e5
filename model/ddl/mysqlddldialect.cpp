#include "mysqlddldialect.h"

#include "ddl/sqlliteral.h"

namespace mc {

QString MysqlDdlDialect::typeSql(const DerivedTable &table, const DerivedColumn &column) const
{
    if (column.type.isEnum()) {
        QStringList values;
        for (const QString &v : column.type.stringArgs())
            values << quoteString(v, Dialect::MySQL);
        return QStringLiteral("ENUM(") + values.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return DdlDialect::typeSql(table, column);
}

QString MysqlDdlDialect::columnSql(const DerivedTable &table, const DerivedColumn &c) const
{
    // attributeToSQL: TYPE [NOT NULL] [auto_increment] [DEFAULT x] [UNIQUE]
    // [PRIMARY KEY] [COMMENT 'x']; createTableQuery removes "PRIMARY KEY" (its
    // leading space stays) and moves REFERENCES to a trailing FOREIGN KEY.
    QString sql = typeSql(table, c);
    if (c.notNull())
        sql += QStringLiteral(" NOT NULL");
    if (c.autoIncrement)
        sql += QStringLiteral(" auto_increment");
    sql += defaultClause(c);
    if (c.uniqueInline)
        sql += QStringLiteral(" UNIQUE");
    if (c.primaryKey)
        sql += QLatin1Char(' ');
    if (c.comment && !c.comment->isEmpty())
        sql += QStringLiteral(" COMMENT ") + quoteString(*c.comment, Dialect::MySQL);
    return sql;
}

QStringList MysqlDdlDialect::createTable(const DerivedTable &table, bool withForeignKeys) const
{
    QStringList parts, keys, foreignKeys;
    for (const DerivedColumn *c : columnsInJsOrder(table)) {
        parts << quote(c->column) + QLatin1Char(' ') + columnSql(table, *c);
        if (c->primaryKey)
            keys << c->column;
        if (c->hasReference && withForeignKeys)
            foreignKeys << QStringLiteral("FOREIGN KEY (%1) %2")
                               .arg(quote(c->column), referencesClause(*c));
    }
    for (const DerivedIndex &u : uniqueKeysInJsOrder(table))
        parts << QStringLiteral("UNIQUE %1 (%2)")
                     .arg(quote(u.name), quotedList(u.columns, QStringLiteral(", ")));
    if (!keys.isEmpty())
        parts << QStringLiteral("PRIMARY KEY (%1)").arg(quotedList(keys, QStringLiteral(", ")));
    parts += foreignKeys;
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2) ENGINE=InnoDB;")
                .arg(quote(table.table), parts.join(QStringLiteral(", ")))};
}

QString MysqlDdlDialect::addIndex(const DerivedTable &table, const DerivedIndex &index) const
{
    // indexViaAlter: `ALTER TABLE t ADD [UNIQUE] INDEX name (fields)`.
    return QStringLiteral("ALTER TABLE %1 ADD %2INDEX %3 (%4)")
        .arg(quote(table.table), index.unique ? QStringLiteral("UNIQUE ") : QString(),
             quote(index.name), quotedList(index.columns, QStringLiteral(", ")));
}

QString MysqlDdlDialect::addForeignKey(const DerivedTable &table, const DerivedColumn &column) const
{
    return QStringLiteral("ALTER TABLE %1 ADD FOREIGN KEY (%2) %3;")
        .arg(quote(table.table), quote(column.column), referencesClause(column));
}

QString MysqlDdlDialect::columnDefinition(const DerivedTable &table,
                                          const DerivedColumn &column) const
{
    DerivedColumn bare = column;
    bare.uniqueInline = false;
    bare.primaryKey = false;
    bare.hasReference = false;
    // trimmed(): the generator's gaps (`  SERIAL`) around what was left out.
    return columnSql(table, bare).trimmed();
}

} // namespace mc
