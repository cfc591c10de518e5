#include "importcolumns.h"

#include <QRegularExpression>

namespace mc {

namespace {

QString jsonCheckOf(const CatalogTable &table, const QString &column)
{
    const QString check = QStringLiteral("json_valid(`%1`)").arg(column);
    return table.checks.contains(check) ? check : QString();
}

/// The argument list inside the first parentheses, quoted items unescaped.
QVector<TypeArg> typeArgs(const QString &type, Dialect dialect)
{
    QVector<TypeArg> args;
    const int open = type.indexOf(QLatin1Char('('));
    const int close = type.lastIndexOf(QLatin1Char(')'));
    if (open < 0 || close < open)
        return args;
    const QString inner = type.mid(open + 1, close - open - 1);
    TypeArg cur;
    bool inQuote = false, any = false;
    for (int i = 0; i < inner.size(); ++i) {
        const QChar ch = inner[i];
        if (inQuote) {
            if (ch == QLatin1Char('\'') && i + 1 < inner.size() && inner[i + 1] == ch) {
                cur.text += ch;
                ++i;
            } else if (ch == QLatin1Char('\'')) {
                inQuote = false;
            } else if (ch == QLatin1Char('\\') && dialect == Dialect::MySQL &&
                       i + 1 < inner.size()) {
                cur.text += inner[++i]; // MariaDB doubles backslashes in COLUMN_TYPE
            } else {
                cur.text += ch;
            }
        } else if (ch == QLatin1Char('\'')) {
            inQuote = cur.quoted = any = true;
        } else if (ch == QLatin1Char(',')) {
            args << cur;
            cur = TypeArg();
        } else if (!ch.isSpace()) {
            cur.text += ch;
            any = true;
        }
    }
    if (any)
        args << cur;
    return args;
}

QString spelled(const QString &name, const QString &modifier, const QVector<TypeArg> &args)
{
    QString s = name;
    if (!modifier.isEmpty())
        s += QLatin1Char('.') + modifier;
    if (args.isEmpty())
        return s;
    QStringList parts;
    for (const TypeArg &a : args)
        parts << (a.quoted ? sqlQuote(a.text) : a.text);
    return s + QLatin1Char('(') + parts.join(QLatin1Char(',')) + QLatin1Char(')');
}

/// Type names in the order a match is preferred when several spell the same.
const QStringList &preferredNames()
{
    static const QStringList names = {
        QStringLiteral("STRING"),    QStringLiteral("CHAR"),    QStringLiteral("TEXT"),
        QStringLiteral("INTEGER"),   QStringLiteral("BIGINT"),  QStringLiteral("SMALLINT"),
        QStringLiteral("MEDIUMINT"), QStringLiteral("TINYINT"), QStringLiteral("BOOLEAN"),
        QStringLiteral("DOUBLE"),    QStringLiteral("FLOAT"),   QStringLiteral("REAL"),
        QStringLiteral("DECIMAL"),   QStringLiteral("DATE"),    QStringLiteral("DATEONLY"),
        QStringLiteral("TIME"),      QStringLiteral("UUID"),    QStringLiteral("JSON"),
        QStringLiteral("JSONB"),     QStringLiteral("BLOB"),    QStringLiteral("CITEXT"),
        QStringLiteral("ENUM")};
    return names;
}

/// SQLite's affinity rules, roughly: the nearest type when nothing spells it exactly.
DataType closestType(const QString &type)
{
    const QString t = type.toUpper();
    auto has = [&](const char *s) { return t.contains(QLatin1String(s)); };
    const char *name = "TEXT";
    if (has("BOOL"))
        name = "BOOLEAN";
    else if (has("INT") && !has("INTERVAL"))
        name = has("BIG") ? "BIGINT" : "INTEGER";
    else if (has("CHAR") || has("CLOB") || has("TEXT"))
        name = "TEXT";
    else if (has("BLOB") || has("BYTEA") || has("BINARY"))
        name = "BLOB";
    else if (has("REAL") || has("FLOA") || has("DOUB"))
        name = "DOUBLE";
    else if (has("NUMERIC") || has("DECIMAL"))
        name = "DECIMAL";
    else if (has("TIMESTAMP") || has("DATETIME"))
        name = "DATE";
    else if (has("DATE"))
        name = "DATEONLY";
    else if (has("TIME"))
        name = "TIME";
    else if (has("JSON"))
        name = "JSON";
    else if (has("UUID"))
        name = "UUID";
    return DataType(QLatin1String(name));
}

} // namespace

CatalogColumn ColumnMatcher::render(const CatalogTable &table, const CatalogColumn &column,
                                    const ColumnSpec &spec, QString *collation,
                                    QString *check) const
{
    DerivedTable t;
    t.table = table.name;
    t.primaryKey = table.primaryKey;
    DerivedColumn c;
    c.attribute = c.column = column.name;
    c.type = spec.type;
    c.allowNull = spec.allowNull;
    c.primaryKey = column.pk;
    c.autoIncrement = spec.autoIncrement;
    c.defaultValue = spec.defaultValue;
    t.columns << c;
    const CatalogTable out = catalogTable(t, m_dialect);
    if (collation)
        *collation = collationOf(out, column.name);
    if (check)
        *check = out.checks.isEmpty() ? QString() : out.checks.first();
    return out.columns.first();
}

static bool isPostgresEnumColumn(Dialect dialect, const CatalogTable &table, const CatalogColumn &c)
{
    return dialect == Dialect::Postgres &&
           unquotedPostgresType(c.type) == postgresEnumTypeName(table.name, c.name);
}

const QStringList *ColumnMatcher::enumLabelsOf(const CatalogTable &table,
                                               const CatalogColumn &c) const
{
    if (!isPostgresEnumColumn(m_dialect, table, c))
        return nullptr;
    const auto it = m_enumLabels.constFind(postgresEnumTypeName(table.name, c.name));
    return it == m_enumLabels.cend() || it->isEmpty() ? nullptr : &*it;
}

QVector<DataType> ColumnMatcher::typeCandidates(const CatalogTable &table,
                                                const CatalogColumn &c) const
{
    QVector<DataType> out;
    const QVector<TypeArg> extracted = typeArgs(c.type, m_dialect);
    if (isPostgresEnumColumn(m_dialect, table, c)) {
        // The table's catalog names the type; its labels come from pg_enum, when read.
        // Without them the default is the one label known.
        QVector<TypeArg> values;
        if (const QStringList *labels = enumLabelsOf(table, c)) {
            for (const QString &label : *labels)
                values << TypeArg{true, label};
        } else {
            static const QRegularExpression literal(QStringLiteral("^'((?:[^']|'')*)'::"));
            const auto m = literal.match(c.defaultValue);
            values << TypeArg{true, m.hasMatch() ? m.captured(1).replace(QStringLiteral("''"),
                                                                         QStringLiteral("'"))
                                                 : QStringLiteral("value")};
        }
        DataType e(QStringLiteral("ENUM"));
        e.setArgs(values);
        out << e;
        return out;
    }
    QVector<QVector<TypeArg>> argSets = {{}};
    if (!extracted.isEmpty())
        argSets << extracted;
    for (const char *size : {"tiny", "medium", "long"})
        argSets << QVector<TypeArg>{TypeArg{true, QLatin1String(size)}};
    for (const QString &modifier :
         {QString(), QStringLiteral("UNSIGNED"), QStringLiteral("BINARY")}) {
        for (const auto &args : argSets) {
            for (const QString &name : preferredNames()) {
                if (auto t = DataType::parse(spelled(name, modifier, args)))
                    out << *t;
            }
        }
    }
    return out;
}

QVector<std::optional<JsonValue>> ColumnMatcher::defaultCandidates(const CatalogColumn &c,
                                                                   const DataType &type) const
{
    // Several literals can spell one default (`'-3'::integer`, SQLite's 0 for false):
    // the type's own kind of value comes first.
    const QString &n = type.name();
    const bool numeric = type.isInteger() || n == QLatin1String("FLOAT") ||
                         n == QLatin1String("DOUBLE") || n == QLatin1String("REAL") ||
                         n == QLatin1String("DECIMAL");
    QVector<std::optional<JsonValue>> out;
    if (c.defaultValue.isEmpty())
        return {std::nullopt};
    QString s = c.defaultValue;
    static const QRegularExpression cast(QStringLiteral("^('(?:[^']|'')*')::[^']+$"));
    if (const auto m = cast.match(s); m.hasMatch())
        s = m.captured(1);
    if (s.size() >= 2 && s.startsWith(QLatin1Char('\'')) && s.endsWith(QLatin1Char('\''))) {
        const QString inner =
            s.mid(1, s.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
        out << JsonValue::string(inner);
        if (isJsonNumberLexeme(inner))
            out.insert(numeric ? 0 : 1, JsonValue::number(inner));
        s = inner;
    } else if (isJsonNumberLexeme(s)) {
        out << JsonValue::number(s);
    }
    const int boolAt = n == QLatin1String("BOOLEAN") ? 0 : int(out.size());
    if (s == QLatin1String("true") || s == QLatin1String("1"))
        out.insert(boolAt, JsonValue::boolean(true));
    if (s == QLatin1String("false") || s == QLatin1String("0"))
        out.insert(boolAt, JsonValue::boolean(false));
    out << std::nullopt; // autoIncrement's nextval() comes from the type, not a default
    return out;
}

bool ColumnMatcher::sameAs(const CatalogTable &table, const CatalogColumn &c,
                           const ColumnSpec &spec) const
{
    QString collation, check;
    const CatalogColumn r = render(table, c, spec, &collation, &check);
    if (r.type != c.type || collation != collationOf(table, c.name) ||
        check != jsonCheckOf(table, c.name))
        return false;
    return r.notNull == c.notNull && r.pk == c.pk && r.defaultValue == c.defaultValue &&
           r.autoIncrement == c.autoIncrement;
}

ColumnSpec ColumnMatcher::match(const CatalogTable &table, int index)
{
    const CatalogColumn &c = table.columns[index];
    ColumnSpec spec;
    spec.autoIncrement = c.autoIncrement;
    // The type alone depends on these (a PostgreSQL ENUM also on the names).
    const QString cacheKey =
        QStringList{c.type,
                    collationOf(table, c.name),
                    jsonCheckOf(table, c.name).isEmpty() ? QString() : QStringLiteral("json"),
                    QString::number(int(c.pk) + 2 * int(table.primaryKey.size() == 1)),
                    QString::number(int(c.autoIncrement)),
                    c.type.contains(QLatin1String("enum_"))
                        ? table.name + QLatin1Char('.') + c.name + QLatin1Char('=') + c.defaultValue
                        : QString()}
            .join(QChar(0));
    auto cached = m_typeCache.find(cacheKey);
    if (cached == m_typeCache.end()) {
        QVector<DataType> found;
        for (const DataType &t : typeCandidates(table, c)) {
            spec.type = t;
            QString collation, check;
            const CatalogColumn r = render(table, c, spec, &collation, &check);
            if (r.type == c.type && collation == collationOf(table, c.name) &&
                check == jsonCheckOf(table, c.name))
                found << t;
        }
        cached = m_typeCache.insert(cacheKey, found);
    }
    const QVector<DataType> types = *cached;
    for (const DataType &t : types) {
        for (const auto &dv : defaultCandidates(c, t)) {
            for (const std::optional<bool> allowNull :
                 {std::optional<bool>(), std::optional<bool>(false)}) {
                spec.type = t;
                spec.defaultValue = dv;
                spec.allowNull = allowNull;
                if (!sameAs(table, c, spec))
                    continue;
                if (t.isEnum() && m_dialect == Dialect::Postgres && !enumLabelsOf(table, c))
                    spec.problems << QStringLiteral("the catalog does not list the ENUM's values; "
                                                    "imported as %1")
                                         .arg(t.toString());
                return spec;
            }
        }
    }
    // Nothing exact: the closest spec, and why it differs.
    spec.exact = false;
    spec.allowNull = c.notNull && !c.pk ? std::optional<bool>(false) : std::nullopt;
    spec.defaultValue.reset();
    auto loose = [](QString s) { return s.remove(QLatin1Char(' ')).toUpper(); };
    std::optional<DataType> spelledAlike;
    for (const DataType &t : types.isEmpty() ? typeCandidates(table, c) : QVector<DataType>()) {
        spec.type = t;
        if (!spelledAlike && loose(render(table, c, spec).type) == loose(c.type))
            spelledAlike = t; // `varchar(100)` written by hand: Sequelize writes VARCHAR(100)
    }
    if (!types.isEmpty() || spelledAlike) {
        spec.type = types.isEmpty() ? *spelledAlike : types.first();
    } else {
        spec.type = closestType(c.type);
        const QString sql = render(table, c, spec).type;
        if (loose(sql) != loose(c.type))
            spec.problems << QStringLiteral("type %1 has no file-format spelling; imported as %2 "
                                            "(%3)")
                                 .arg(jsonQuote(c.type), spec.type.toString(), sql);
    }
    QString collation;
    const QString sql = render(table, c, spec, &collation).type;
    if (sql != c.type && loose(sql) == loose(c.type))
        spec.problems << QStringLiteral("type %1 is created as %2").arg(jsonQuote(c.type), sql);
    if (collation != collationOf(table, c.name))
        spec.problems << QStringLiteral("collation %1 is not representable; created with %2")
                             .arg(collationOf(table, c.name).isEmpty()
                                      ? QStringLiteral("(table default)")
                                      : collationOf(table, c.name),
                                  collation.isEmpty() ? QStringLiteral("the table default")
                                                      : collation);
    if (!c.defaultValue.isEmpty()) {
        bool found = false;
        for (const auto &dv : defaultCandidates(c, spec.type)) {
            ColumnSpec s = spec;
            s.defaultValue = dv;
            if (!found && render(table, c, s).defaultValue == c.defaultValue) {
                spec.defaultValue = dv;
                found = true;
            }
        }
        if (!found)
            spec.problems << QStringLiteral("default %1 is not a literal defaultValue; left out")
                                 .arg(c.defaultValue);
    }
    const CatalogColumn r = render(table, c, spec);
    if (r.autoIncrement != c.autoIncrement)
        spec.problems << QStringLiteral("autoIncrement %1 cannot be reproduced here")
                             .arg(c.autoIncrement ? QStringLiteral("on") : QStringLiteral("off"));
    if (r.notNull != c.notNull)
        spec.problems << (c.notNull ? QStringLiteral("NOT NULL cannot be declared on this column")
                                    : QStringLiteral("is nullable, but Sequelize makes this "
                                                     "primary key column NOT NULL"));
    if (spec.problems.isEmpty())
        spec.problems << QStringLiteral("comes out as %1").arg(r.type);
    return spec;
}

bool ColumnMatcher::isImplicitId(const CatalogTable &table, int index) const
{
    const CatalogColumn &c = table.columns[index];
    if (index != 0 || c.name != QLatin1String("id") || table.primaryKey != QStringList{c.name})
        return false;
    ColumnSpec id;
    id.type = DataType(QStringLiteral("INTEGER"));
    id.allowNull = false;
    id.autoIncrement = true;
    return sameAs(table, c, id);
}

bool ColumnMatcher::isTimestamp(const CatalogTable &table, int index, bool nullable) const
{
    const CatalogColumn &c = table.columns[index];
    ColumnSpec ts;
    ts.type = DataType(QStringLiteral("DATE"));
    if (!nullable)
        ts.allowNull = false;
    return !c.pk && sameAs(table, c, ts);
}

} // namespace mc
