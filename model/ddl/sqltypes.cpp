#include "sqltypes.h"

namespace mc {

QString dialectName(Dialect d)
{
    switch (d) {
    case Dialect::SQLite:
        return QStringLiteral("sqlite");
    case Dialect::Postgres:
        return QStringLiteral("postgres");
    case Dialect::MySQL:
        return QStringLiteral("mysql");
    }
    return QString();
}

std::optional<Dialect> dialectFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("sqlite"))
        return Dialect::SQLite;
    if (n == QLatin1String("postgres") || n == QLatin1String("postgresql"))
        return Dialect::Postgres;
    if (n == QLatin1String("mysql") || n == QLatin1String("mariadb"))
        return Dialect::MySQL;
    return std::nullopt;
}

QString sqlQuote(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString postgresEnumTypeName(const QString &table, const QString &column)
{
    return QStringLiteral("enum_%1_%2").arg(table, column);
}

QString unquotedPostgresType(const QString &catalogType)
{
    if (catalogType.size() < 2 || !catalogType.startsWith(QLatin1Char('"')) ||
        !catalogType.endsWith(QLatin1Char('"')))
        return catalogType;
    return catalogType.mid(1, catalogType.size() - 2)
        .replace(QStringLiteral("\"\""), QStringLiteral("\""));
}

namespace {

QString argList(const DataType &t, const QString &sep = QStringLiteral(","))
{
    QStringList parts;
    for (const TypeArg &a : t.args())
        parts << (a.quoted ? sqlQuote(a.text) : a.text);
    return parts.join(sep);
}

QString firstArg(const DataType &t)
{
    return t.args().isEmpty() ? QString() : t.args().first().text;
}

QString sizedText(const DataType &t, const char *base)
{
    const QString size = firstArg(t).toLower();
    const QString b = QLatin1String(base);
    if (size == QLatin1String("tiny"))
        return QStringLiteral("TINY") + b;
    if (size == QLatin1String("medium"))
        return QStringLiteral("MEDIUM") + b;
    if (size == QLatin1String("long"))
        return QStringLiteral("LONG") + b;
    return b;
}

QString withArgs(const QString &name, const DataType &t)
{
    return t.args().isEmpty() ? name : name + QLatin1Char('(') + argList(t) + QLatin1Char(')');
}

} // namespace

QString columnTypeSql(const DataType &t, Dialect d, const QString &table, const QString &column)
{
    const QString &n = t.name();
    const bool sqlite = d == Dialect::SQLite, pg = d == Dialect::Postgres, my = d == Dialect::MySQL;
    if (n == QLatin1String("STRING")) {
        const QString len = t.args().isEmpty() ? QStringLiteral("255") : firstArg(t);
        if (t.hasModifier(QStringLiteral("BINARY"))) {
            if (pg)
                return QStringLiteral("BYTEA");
            return sqlite ? QStringLiteral("VARCHAR BINARY(%1)").arg(len)
                          : QStringLiteral("VARCHAR(%1) BINARY").arg(len);
        }
        return QStringLiteral("VARCHAR(%1)").arg(len);
    }
    if (n == QLatin1String("CHAR")) {
        const QString len = t.args().isEmpty() ? QStringLiteral("255") : firstArg(t);
        if (t.hasModifier(QStringLiteral("BINARY")))
            return pg ? QStringLiteral("BYTEA") : QStringLiteral("CHAR(%1) BINARY").arg(len);
        return QStringLiteral("CHAR(%1)").arg(len);
    }
    if (n == QLatin1String("TEXT"))
        return my ? sizedText(t, "TEXT") : QStringLiteral("TEXT");
    if (n == QLatin1String("CITEXT"))
        return sqlite ? QStringLiteral("TEXT COLLATE NOCASE") : QStringLiteral("CITEXT");
    if (t.isInteger()) {
        if (my && t.hasModifier(QStringLiteral("UNSIGNED")))
            return n + QStringLiteral(" UNSIGNED");
        return n;
    }
    if (n == QLatin1String("FLOAT"))
        return pg ? QStringLiteral("FLOAT") : withArgs(n, t);
    if (n == QLatin1String("REAL") || n == QLatin1String("DECIMAL"))
        return withArgs(n, t);
    if (n == QLatin1String("DOUBLE"))
        return withArgs(QStringLiteral("DOUBLE PRECISION"), t);
    if (n == QLatin1String("BOOLEAN"))
        return pg ? QStringLiteral("BOOLEAN") : QStringLiteral("TINYINT(1)");
    if (n == QLatin1String("DATE")) {
        if (pg)
            return QStringLiteral("TIMESTAMP WITH TIME ZONE");
        if (my && !t.args().isEmpty())
            return QStringLiteral("DATETIME(%1)").arg(firstArg(t));
        return QStringLiteral("DATETIME");
    }
    if (n == QLatin1String("DATEONLY"))
        return QStringLiteral("DATE");
    if (n == QLatin1String("UUID"))
        return my ? QStringLiteral("CHAR(36) BINARY") : QStringLiteral("UUID");
    if (n == QLatin1String("BLOB"))
        return pg ? QStringLiteral("BYTEA") : sizedText(t, "BLOB");
    if (n == QLatin1String("ENUM")) {
        if (sqlite)
            return QStringLiteral("TEXT");
        if (pg && !table.isEmpty())
            return QStringLiteral("\"public\".\"%1\"").arg(postgresEnumTypeName(table, column));
        return QStringLiteral("ENUM(") + argList(t, QStringLiteral(", ")) + QLatin1Char(')');
    }
    return n; // TIME, JSON, JSONB
}

QString defaultValueSql(const JsonValue &v, const DataType &type, Dialect d)
{
    if (v.isBool()) {
        if (d == Dialect::SQLite ||
            (type.name() != QLatin1String("BOOLEAN") && d == Dialect::MySQL))
            return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (v.isNumber())
        return v.text();
    return sqlQuote(v.text());
}

} // namespace mc
