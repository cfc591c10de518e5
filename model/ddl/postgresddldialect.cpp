#include "postgresddldialect.h"

#include "ddl/sqlliteral.h"

namespace mc {

namespace {

QString removeFirst(QString s, const QString &what)
{
    const int at = int(s.indexOf(what));
    if (at >= 0)
        s.remove(at, what.size());
    return s;
}

bool hasComment(const DerivedColumn &c)
{
    return c.comment && !c.comment->isEmpty();
}

} // namespace

QString PostgresDdlDialect::typeSql(const DerivedTable &table, const DerivedColumn &column) const
{
    if (column.type.isEnum())
        return quote(QStringLiteral("public")) + QLatin1Char('.') +
               quote(postgresEnumTypeName(table.table, column.column));
    return DdlDialect::typeSql(table, column);
}

QString PostgresDdlDialect::createEnumType(const DerivedTable &table,
                                           const DerivedColumn &column) const
{
    QStringList values;
    for (const QString &v : column.type.stringArgs())
        values << quoteString(v, Dialect::Postgres);
    const QString body = QStringLiteral("BEGIN CREATE TYPE %1 AS ENUM(%2); EXCEPTION WHEN "
                                        "duplicate_object THEN null; END")
                             .arg(typeSql(table, column), values.join(QStringLiteral(", ")));
    return QStringLiteral("DO ") + quoteString(body, Dialect::Postgres) + QLatin1Char(';');
}

QString PostgresDdlDialect::columnSql(const DerivedTable &table, const DerivedColumn &c,
                                      bool withForeignKeys) const
{
    // attributeToSQL: TYPE [NOT NULL] [SERIAL] [DEFAULT x] [UNIQUE] [PRIMARY KEY]
    // [REFERENCES ...] [COMMENT text]; then createTableQuery cuts the comment off at
    // "COMMENT " and dataTypeMapping() removes "PRIMARY KEY", the integer type name
    // for SERIAL and "NOT NULL", leaving their surrounding spaces behind.
    QString type = typeSql(table, c);
    QString serial;
    if (c.autoIncrement) {
        if (type.contains(QLatin1String("BIGINT"))) {
            type = removeFirst(type, QStringLiteral("BIGINT"));
            serial = QStringLiteral(" BIGSERIAL");
        } else if (type.contains(QLatin1String("SMALLINT"))) {
            type = removeFirst(type, QStringLiteral("SMALLINT"));
            serial = QStringLiteral(" SMALLSERIAL");
        } else {
            type = removeFirst(type, QStringLiteral("INTEGER"));
            serial = QStringLiteral(" SERIAL");
        }
    }
    QString sql = type;
    if (c.notNull())
        sql += c.autoIncrement ? QStringLiteral(" ") : QStringLiteral(" NOT NULL");
    sql += serial + defaultClause(c);
    if (c.uniqueInline)
        sql += QStringLiteral(" UNIQUE");
    if (c.primaryKey)
        sql += QLatin1Char(' ');
    if (c.hasReference && withForeignKeys)
        sql += QLatin1Char(' ') + referencesClause(c);
    if (hasComment(c))
        sql += QLatin1Char(' ');
    return sql;
}

QStringList PostgresDdlDialect::createTable(const DerivedTable &table, bool withForeignKeys) const
{
    const QVector<const DerivedColumn *> columns = columnsInJsOrder(table);
    QStringList statements, parts, keys;
    QString comments;
    for (const DerivedColumn *c : columns) {
        // QueryInterface.createTable() runs ensureEnums() first, in column order.
        if (c->type.isEnum())
            statements << createEnumType(table, *c);
        parts << quote(c->column) + QLatin1Char(' ') + columnSql(table, *c, withForeignKeys);
        if (c->primaryKey)
            keys << quote(c->column);
        if (hasComment(*c))
            comments += QStringLiteral("; COMMENT ON COLUMN %1.%2 IS %3")
                            .arg(quote(table.table), quote(c->column),
                                 quoteString(*c->comment, Dialect::Postgres));
    }
    for (const DerivedIndex &u : uniqueKeysInJsOrder(table))
        parts << QStringLiteral("UNIQUE (%1)").arg(quotedList(u.columns, QStringLiteral(", ")));
    if (!keys.isEmpty())
        parts << QStringLiteral("PRIMARY KEY (%1)").arg(keys.join(QLatin1Char(',')));
    statements << QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2)%3;")
                      .arg(quote(table.table), parts.join(QStringLiteral(", ")), comments);
    return statements;
}

QString PostgresDdlDialect::addForeignKey(const DerivedTable &table,
                                          const DerivedColumn &column) const
{
    // changeColumnQuery(): `ALTER TABLE t ALTER COLUMN ADD FOREIGN KEY ...` with
    // "ALTER COLUMN" removed, hence the two spaces.
    return QStringLiteral("ALTER TABLE %1  ADD FOREIGN KEY (%2) %3;")
        .arg(quote(table.table), quote(column.column), referencesClause(column));
}

QString PostgresDdlDialect::columnDefinition(const DerivedTable &table,
                                             const DerivedColumn &column) const
{
    DerivedColumn bare = column;
    bare.uniqueInline = false;
    bare.primaryKey = false;
    bare.hasReference = false;
    bare.comment.reset(); // COMMENT ON COLUMN is a statement of its own
    // trimmed(): the generator's gaps (`  SERIAL`) around what was left out.
    return columnSql(table, bare, false).trimmed();
}

} // namespace mc
