#include "sqliteddldialect.h"

namespace mc {

QString SqliteDdlDialect::typeSql(const DerivedTable &table, const DerivedColumn &column) const
{
    // sqlite/data-types.js CHAR: `CHAR BINARY(n)`, like STRING's `VARCHAR BINARY(n)`.
    const DataType &t = column.type;
    if (t.name() == QLatin1String("CHAR") && t.hasModifier(QStringLiteral("BINARY")))
        return QStringLiteral("CHAR BINARY(%1)")
            .arg(t.args().isEmpty() ? QStringLiteral("255") : t.args().first().text);
    return DdlDialect::typeSql(table, column);
}

QString SqliteDdlDialect::columnSql(const DerivedTable &table, const DerivedColumn &c,
                                    bool compositeKey) const
{
    // attributesToSQL: TYPE [NOT NULL] [DEFAULT x] [UNIQUE] [PRIMARY KEY [AUTOINCREMENT]]
    // [REFERENCES ...]; createTableQuery then rewrites the key columns.
    const QString type = typeSql(table, c);
    const QString notNull = c.notNull() ? QStringLiteral(" NOT NULL") : QString();
    const QString dflt = defaultClause(c);
    const QString unique = c.uniqueInline ? QStringLiteral(" UNIQUE") : QString();
    const QString refs = c.hasReference ? QLatin1Char(' ') + referencesClause(c) : QString();
    if (!c.primaryKey)
        return type + notNull + dflt + unique + refs;
    const QString autoInc = c.autoIncrement ? QStringLiteral(" AUTOINCREMENT") : QString();
    if (compositeKey) {
        // dataType.replace(' PRIMARY KEY', '') when it has NOT NULL, else
        // dataType.replace('PRIMARY KEY', 'NOT NULL').
        return c.notNull() ? type + notNull + dflt + unique + autoInc + refs
                           : type + dflt + unique + QStringLiteral(" NOT NULL") + autoInc + refs;
    }
    // "Only INTEGER is allowed for primary key": any type containing INT (the test
    // Sequelize runs on the whole definition; names and literals are left out here).
    if (type.contains(QLatin1String("INT")))
        return QStringLiteral("INTEGER PRIMARY KEY") + autoInc + refs;
    return type + notNull + dflt + unique + QStringLiteral(" PRIMARY KEY") + autoInc + refs;
}

QStringList SqliteDdlDialect::createTable(const DerivedTable &table, bool) const
{
    const bool composite = table.primaryKey.size() > 1;
    QStringList parts, keys;
    for (const DerivedColumn *c : columnsInJsOrder(table)) {
        parts << quote(c->column) + QLatin1Char(' ') + columnSql(table, *c, composite);
        if (c->primaryKey)
            keys << c->column;
    }
    for (const DerivedIndex &u : uniqueKeysInJsOrder(table))
        parts << QStringLiteral("UNIQUE (%1)").arg(quotedList(u.columns, QStringLiteral(", ")));
    if (composite)
        parts << QStringLiteral("PRIMARY KEY (%1)").arg(quotedList(keys, QStringLiteral(", ")));
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2);")
                .arg(quote(table.table), parts.join(QStringLiteral(", ")))};
}

} // namespace mc
