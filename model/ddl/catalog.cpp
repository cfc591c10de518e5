#include "catalog.h"

#include <QRegularExpression>

#include <algorithm>

namespace mc {

namespace {

JsonValue str(const QString &s)
{
    return JsonValue::string(s);
}

JsonValue strOrNull(const QString &s)
{
    return s.isNull() ? JsonValue::null() : JsonValue::string(s);
}

JsonValue strings(const QStringList &list)
{
    JsonValue a = JsonValue::array();
    for (const QString &s : list)
        a.append(str(s));
    return a;
}

/// PostgreSQL's quote_ident(): plain lower-case identifiers stay bare.
QString pgIdent(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    static const QStringList reserved = {
        QStringLiteral("all"),    QStringLiteral("and"),        QStringLiteral("as"),
        QStringLiteral("check"),  QStringLiteral("column"),     QStringLiteral("default"),
        QStringLiteral("from"),   QStringLiteral("group"),      QStringLiteral("order"),
        QStringLiteral("select"), QStringLiteral("table"),      QStringLiteral("user"),
        QStringLiteral("where"),  QStringLiteral("references"), QStringLiteral("primary")};
    if (plain.match(name).hasMatch() && !reserved.contains(name))
        return name;
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString pgCatalogType(const DataType &t, const QString &table, const QString &column)
{
    if (t.isEnum())
        return pgIdent(postgresEnumTypeName(table, column));
    const QString sql = columnTypeSql(t, Dialect::Postgres);
    static const QRegularExpression varchar(QStringLiteral("^VARCHAR\\((\\d+)\\)$"));
    static const QRegularExpression chr(QStringLiteral("^CHAR\\((\\d+)\\)$"));
    static const QRegularExpression dec(QStringLiteral("^DECIMAL(\\(.*\\))?$"));
    QRegularExpressionMatch m;
    if ((m = varchar.match(sql)).hasMatch())
        return QStringLiteral("character varying(%1)").arg(m.captured(1));
    if ((m = chr.match(sql)).hasMatch())
        return QStringLiteral("character(%1)").arg(m.captured(1));
    if ((m = dec.match(sql)).hasMatch())
        return QStringLiteral("numeric") + m.captured(1);
    if (sql == QLatin1String("FLOAT") || sql.startsWith(QLatin1String("DOUBLE PRECISION")))
        return QStringLiteral("double precision");
    if (sql == QLatin1String("TIME"))
        return QStringLiteral("time without time zone");
    return sql.toLower();
}

QString pgDefault(const JsonValue &v, const DataType &t, const QString &catalogType)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    const bool numericType = t.isInteger() || t.name() == QLatin1String("FLOAT") ||
                             t.name() == QLatin1String("DOUBLE") ||
                             t.name() == QLatin1String("REAL") ||
                             t.name() == QLatin1String("DECIMAL");
    if (v.isNumber() && numericType && !v.text().startsWith(QLatin1Char('-')))
        return v.text();
    // The stored default is the literal cast to the bare type: PostgreSQL drops the
    // type modifier (`'x'::character varying`, `'-1.5'::numeric`) and spells
    // character(n) as bpchar (checked on PostgreSQL 15).
    static const QRegularExpression typmod(QStringLiteral("\\(\\d+(,\\d+)?\\)$"));
    QString bare = QString(catalogType).remove(typmod);
    if (bare == QLatin1String("character"))
        bare = QStringLiteral("bpchar");
    return sqlQuote(v.text()) + QStringLiteral("::") + bare;
}

QString mysqlCatalogType(const DataType &t)
{
    const bool unsignedInt = t.hasModifier(QStringLiteral("UNSIGNED"));
    const QString &n = t.name();
    if (t.isInteger()) {
        static const QHash<QString, QPair<int, int>> widths = {
            {QStringLiteral("TINYINT"), {4, 3}},
            {QStringLiteral("SMALLINT"), {6, 5}},
            {QStringLiteral("MEDIUMINT"), {9, 8}},
            {QStringLiteral("INTEGER"), {11, 10}},
            {QStringLiteral("BIGINT"), {20, 20}}};
        const auto w = widths.value(n);
        QString base = n == QLatin1String("INTEGER") ? QStringLiteral("int") : n.toLower();
        return QStringLiteral("%1(%2)%3")
            .arg(base)
            .arg(unsignedInt ? w.second : w.first)
            .arg(unsignedInt ? QStringLiteral(" unsigned") : QString());
    }
    if (n == QLatin1String("JSON"))
        return QStringLiteral("longtext");
    if (n == QLatin1String("DOUBLE"))
        return QStringLiteral("double");
    if (n == QLatin1String("DECIMAL") && t.args().isEmpty())
        return QStringLiteral("decimal(10,0)");
    if (n == QLatin1String("ENUM")) {
        QStringList vals;
        // MariaDB's COLUMN_TYPE doubles backslashes as well as quotes (10.11).
        for (const QString &s : t.stringArgs())
            vals << sqlQuote(QString(s).replace(QLatin1Char('\\'), QStringLiteral("\\\\")));
        return QStringLiteral("enum(") + vals.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    QString sql = columnTypeSql(t, Dialect::MySQL).toLower();
    sql.remove(QStringLiteral(" binary"));
    return sql;
}

bool mysqlBinaryCollation(const DataType &t)
{
    return t.name() == QLatin1String("UUID") || t.name() == QLatin1String("JSON") ||
           t.hasModifier(QStringLiteral("BINARY"));
}

} // namespace

CatalogTable catalogTable(const DerivedTable &t, Dialect d, bool cyclic)
{
    const bool keysSkipped = cyclic && d != Dialect::SQLite;
    CatalogTable out;
    out.name = t.table;
    out.primaryKey = t.primaryKey;
    const int pkCount = t.primaryKey.size();
    out.columns.reserve(t.columns.size());
    for (const DerivedColumn &c : t.columns) {
        CatalogColumn col;
        col.name = c.column;
        col.pk = c.primaryKey;
        col.notNull = c.notNull();
        bool unique = c.uniqueInline;
        if (d == Dialect::SQLite) {
            col.type = columnTypeSql(c.type, d);
            col.type.remove(QStringLiteral(" COLLATE NOCASE"));
            if (c.defaultValue)
                col.defaultValue = defaultValueSql(*c.defaultValue, c.type, d);
            if (c.primaryKey && pkCount == 1 && col.type.contains(QLatin1String("INT"))) {
                // createTableQuery rewrites it to INTEGER PRIMARY KEY [AUTOINCREMENT].
                col.type = QStringLiteral("INTEGER");
                col.notNull = false;
                col.defaultValue = QString();
                unique = false;
                col.autoIncrement = c.autoIncrement;
            } else if (c.primaryKey && pkCount > 1) {
                col.notNull = true;
            }
        } else if (d == Dialect::Postgres) {
            col.type = pgCatalogType(c.type, t.table, c.column);
            if (c.autoIncrement && (c.type.name() == QLatin1String("INTEGER") ||
                                    c.type.name() == QLatin1String("BIGINT"))) {
                col.autoIncrement = true;
                col.notNull = true;
                col.defaultValue =
                    QStringLiteral("nextval('%1'::regclass)")
                        .arg(pgIdent(t.table + QLatin1Char('_') + c.column + QStringLiteral("_seq"))
                                 .replace(QLatin1Char('\''), QLatin1String("''")));
            } else if (c.defaultValue) {
                col.defaultValue = pgDefault(*c.defaultValue, c.type, col.type);
            }
            col.notNull = col.notNull || c.primaryKey;
        } else {
            col.type = mysqlCatalogType(c.type);
            col.autoIncrement = c.autoIncrement;
            col.notNull = col.notNull || c.primaryKey;
            if (c.defaultValue)
                col.defaultValue =
                    c.defaultValue->isBool()
                        ? (c.defaultValue->toBool() ? QStringLiteral("1") : QStringLiteral("0"))
                        : defaultValueSql(*c.defaultValue, c.type, d);
        }
        out.columns.append(std::move(col));
        if (unique)
            out.uniques.append({c.column});
    }
    for (const DerivedIndex &u : t.uniques)
        out.uniques.append(u.columns);
    for (const DerivedIndex &ix : t.indexes)
        (ix.unique ? out.uniques : out.indexes).append(ix.columns);

    const QString unset =
        d == Dialect::MySQL ? QStringLiteral("RESTRICT") : QStringLiteral("NO ACTION");
    for (const DerivedColumn &c : t.columns) {
        if (c.hasReference && !(keysSkipped && c.primaryKey))
            out.foreignKeys.append({c.column, c.refTable, c.refColumn,
                                    c.onDelete.isEmpty() ? unset : c.onDelete,
                                    c.onUpdate.isEmpty() ? unset : c.onUpdate});
    }
    std::sort(out.foreignKeys.begin(), out.foreignKeys.end(),
              [](const CatalogForeignKey &a, const CatalogForeignKey &b) {
                  return std::tie(a.from, a.table, a.to) < std::tie(b.from, b.table, b.to);
              });
    if (d == Dialect::MySQL) {
        // InnoDB adds an index for each FK column that no index starts with.
        QVector<QStringList> covering = out.uniques + out.indexes;
        covering.append(t.primaryKey);
        out.mysql = true;
        for (const DerivedColumn &c : t.columns) {
            if (c.hasReference && !(keysSkipped && c.primaryKey)) {
                const bool covered =
                    std::any_of(covering.begin(), covering.end(), [&](const QStringList &ix) {
                        return !ix.isEmpty() && ix.first() == c.column;
                    });
                if (!covered) {
                    out.fkIndexes.append({c.column});
                    covering.append({c.column});
                }
            }
            if (c.type.name() == QLatin1String("JSON"))
                out.checks << QStringLiteral("json_valid(`%1`)").arg(c.column);
            if (mysqlBinaryCollation(c.type))
                out.collations.append({c.column, QStringLiteral("utf8mb4_bin")});
        }
        std::sort(out.fkIndexes.begin(), out.fkIndexes.end());
    }
    std::sort(out.uniques.begin(), out.uniques.end());
    std::sort(out.indexes.begin(), out.indexes.end());
    return out;
}

QVector<const DerivedTable *> catalogOrder(const DerivedSchema &derived)
{
    QVector<const DerivedTable *> sorted;
    sorted.reserve(derived.tables.size());
    for (const DerivedTable &t : derived.tables)
        sorted.append(&t);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const DerivedTable *a, const DerivedTable *b) {
                         return a->table < b->table; // UTF-16 order = code point order in the BMP
                     });
    // Two models sharing a table: the catalog holds one (lint reports it).
    sorted.erase(std::unique(sorted.begin(), sorted.end(),
                             [](const DerivedTable *a, const DerivedTable *b) {
                                 return a->table == b->table;
                             }),
                 sorted.end());
    return sorted;
}

namespace {

JsonValue lists(const QVector<QStringList> &l)
{
    JsonValue a = JsonValue::array();
    for (const QStringList &x : l)
        a.append(strings(x));
    return a;
}

} // namespace

JsonValue catalogTableJson(const CatalogTable &t)
{
    JsonValue columns = JsonValue::array();
    for (const CatalogColumn &c : t.columns) {
        JsonValue col = JsonValue::object();
        col.appendMember(QStringLiteral("name"), str(c.name));
        col.appendMember(QStringLiteral("type"), str(c.type));
        col.appendMember(QStringLiteral("notNull"), JsonValue::boolean(c.notNull));
        col.appendMember(QStringLiteral("pk"), JsonValue::boolean(c.pk));
        col.appendMember(QStringLiteral("default"),
                         c.defaultValue.isEmpty() ? JsonValue::null() : str(c.defaultValue));
        col.appendMember(QStringLiteral("autoIncrement"), JsonValue::boolean(c.autoIncrement));
        columns.append(std::move(col));
    }
    JsonValue fks = JsonValue::array();
    for (const CatalogForeignKey &k : t.foreignKeys) {
        JsonValue o = JsonValue::object();
        o.appendMember(QStringLiteral("from"), str(k.from));
        o.appendMember(QStringLiteral("table"), str(k.table));
        o.appendMember(QStringLiteral("to"), str(k.to));
        o.appendMember(QStringLiteral("onDelete"), str(k.onDelete));
        o.appendMember(QStringLiteral("onUpdate"), str(k.onUpdate));
        fks.append(std::move(o));
    }
    JsonValue out = JsonValue::object();
    out.appendMember(QStringLiteral("columns"), std::move(columns));
    out.appendMember(QStringLiteral("primaryKey"), strings(t.primaryKey));
    out.appendMember(QStringLiteral("foreignKeys"), std::move(fks));
    out.appendMember(QStringLiteral("uniques"), lists(t.uniques));
    out.appendMember(QStringLiteral("indexes"), lists(t.indexes));
    if (t.mysql) {
        out.appendMember(QStringLiteral("fkIndexes"), lists(t.fkIndexes));
        out.appendMember(QStringLiteral("checks"), strings(t.checks));
        JsonValue collations = JsonValue::object();
        for (const auto &c : t.collations)
            collations.appendMember(c.first, str(c.second));
        out.appendMember(QStringLiteral("collations"), std::move(collations));
    } else if (!t.checks.isEmpty()) {
        // Only live catalogs have them here (Sequelize makes none): see the readers.
        out.appendMember(QStringLiteral("checks"), strings(t.checks));
    }
    return out;
}

JsonValue catalogTables(const DerivedSchema &derived, Dialect dialect, bool cyclic)
{
    JsonValue tables = JsonValue::object();
    for (const DerivedTable *t : catalogOrder(derived))
        tables.appendMember(t->table, catalogTableJson(catalogTable(*t, dialect, cyclic)));
    return tables;
}

JsonValue inspectDocument(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect)
{
    JsonValue doc = JsonValue::object();
    const bool failed = derived.error.has_value();
    doc.appendMember(QStringLiteral("dialect"), str(dialectName(dialect)));
    doc.appendMember(QStringLiteral("error"),
                     failed ? str(derived.error->message) : JsonValue::null());
    doc.appendMember(QStringLiteral("errorPhase"),
                     failed ? str(QStringLiteral("define")) : JsonValue::null());
    doc.appendMember(
        QStringLiteral("toposortError"),
        failed ? JsonValue::null()
               : strOrNull(analysis.toposortError.isEmpty() ? QString() : analysis.toposortError));
    doc.appendMember(QStringLiteral("toposortOrder"), failed || analysis.cyclic()
                                                          ? JsonValue::null()
                                                          : strings(analysis.toposortOrder));
    doc.appendMember(QStringLiteral("order"),
                     failed ? JsonValue::array() : strings(analysis.order));
    doc.appendMember(QStringLiteral("tables"),
                     failed ? JsonValue::object()
                            : catalogTables(derived, dialect, analysis.cyclic()));
    QVector<QPair<QString, QStringList>> acc = derived.accessors;
    std::sort(acc.begin(), acc.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    JsonValue accessors = JsonValue::object();
    for (auto &entry : acc) {
        QStringList names = entry.second;
        std::sort(names.begin(), names.end());
        accessors.appendMember(entry.first, strings(names));
    }
    doc.appendMember(QStringLiteral("accessors"), accessors);
    return doc;
}

namespace {

bool isLeaf(const JsonValue &v)
{
    if (!v.isArray() && !v.isObject())
        return true;
    for (const JsonValue &x : v.items()) {
        if (x.isArray() || x.isObject())
            return false;
    }
    return true;
}

/// jsonQuote() without a temporary: most names need no escaping at all.
void appendQuoted(const QString &s, QString &out)
{
    const QChar *p = s.constData();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (c < 0x20 || c == u'"' || c == u'\\') {
            out += jsonQuote(s);
            return;
        }
    }
    out += QLatin1Char('"');
    out += s;
    out += QLatin1Char('"');
}

void indent(int width, QString &out)
{
    static const QString spaces(64, QLatin1Char(' '));
    out += QStringView(spaces).left(std::min<qsizetype>(width, spaces.size()));
}

void appendCompact(const JsonValue &v, QString &out)
{
    switch (v.kind()) {
    case JsonValue::Kind::Null:
        out += QLatin1String("null");
        return;
    case JsonValue::Kind::Bool:
        out += v.toBool() ? QLatin1String("true") : QLatin1String("false");
        return;
    case JsonValue::Kind::Number:
        out += v.text();
        return;
    case JsonValue::Kind::String:
        appendQuoted(v.text(), out);
        return;
    case JsonValue::Kind::Array:
    case JsonValue::Kind::Object:
        break;
    }
    const bool obj = v.isObject();
    out += obj ? QLatin1Char('{') : QLatin1Char('[');
    for (int i = 0; i < v.size(); ++i) {
        if (i)
            out += QLatin1String(", ");
        if (obj) {
            appendQuoted(v.keys()[size_t(i)], out);
            out += QLatin1String(": ");
        }
        appendCompact(v.items()[size_t(i)], out);
    }
    out += obj ? QLatin1Char('}') : QLatin1Char(']');
}

void pretty(const JsonValue &v, int depth, QString &out)
{
    if (isLeaf(v)) {
        appendCompact(v, out);
        return;
    }
    const bool obj = v.isObject();
    out += obj ? QLatin1Char('{') : QLatin1Char('[');
    out += QLatin1Char('\n');
    for (int i = 0; i < v.size(); ++i) {
        indent(2 * (depth + 1), out);
        if (obj) {
            appendQuoted(v.keys()[size_t(i)], out);
            out += QLatin1String(": ");
        }
        pretty(v.items()[size_t(i)], depth + 1, out);
        if (i + 1 < v.size())
            out += QLatin1Char(',');
        out += QLatin1Char('\n');
    }
    indent(2 * depth, out);
    out += obj ? QLatin1Char('}') : QLatin1Char(']');
}

} // namespace

QString prettyJson(const JsonValue &value)
{
    QString out;
    out.reserve(1 << 16);
    pretty(value, 0, out);
    out += QLatin1Char('\n');
    return out;
}

} // namespace mc
