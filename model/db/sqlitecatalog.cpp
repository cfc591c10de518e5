#include "sqlitecatalog.h"

#include "sqltext.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>

namespace mc {

namespace {

QString quoted(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

JsonValue stringOrNull(const QVariant &v)
{
    return v.isNull() ? JsonValue::null() : JsonValue::string(v.toString());
}

JsonValue stringList(const QStringList &list)
{
    JsonValue a = JsonValue::array();
    for (const QString &s : list)
        a.append(JsonValue::string(s));
    return a;
}

/// Runs one catalog query; false (with the driver's text) when it fails.
bool select(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    if (error)
        *error = sql + QStringLiteral(": ") + q.lastError().text();
    return false;
}

struct Column
{
    QString name, type;
    bool notNull;
    QVariant defaultValue;
    int pk;
};

struct ForeignKey
{
    QString from, table;
    QVariant to;
    QString onDelete, onUpdate;
};

bool readColumns(QSqlDatabase &db, const QString &table, QVector<Column> &columns, QString *error)
{
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)), error))
        return false;
    // cid, name, type, notnull, dflt_value, pk
    while (q.next())
        columns.push_back({q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() != 0,
                           q.value(4), q.value(5).toInt()});
    return true;
}

bool readForeignKeys(QSqlDatabase &db, const QString &table, JsonValue &out, QString *error)
{
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted(table)), error))
        return false;
    // id, seq, table, from, to, on_update, on_delete, match
    QVector<ForeignKey> fks;
    while (q.next())
        fks.push_back({q.value(3).toString(), q.value(2).toString(), q.value(4),
                       q.value(6).toString(), q.value(5).toString()});
    // dump-sqlite.py sorts by (from, table, to or "").
    std::sort(fks.begin(), fks.end(), [](const ForeignKey &a, const ForeignKey &b) {
        return std::make_tuple(a.from, a.table, a.to.toString()) <
               std::make_tuple(b.from, b.table, b.to.toString());
    });
    out = JsonValue::array();
    for (const ForeignKey &k : fks) {
        JsonValue o = JsonValue::object();
        o.appendMember(QStringLiteral("from"), JsonValue::string(k.from));
        o.appendMember(QStringLiteral("table"), JsonValue::string(k.table));
        o.appendMember(QStringLiteral("to"), stringOrNull(k.to));
        o.appendMember(QStringLiteral("onDelete"), JsonValue::string(k.onDelete));
        o.appendMember(QStringLiteral("onUpdate"), JsonValue::string(k.onUpdate));
        out.append(std::move(o));
    }
    return true;
}

/// Unique and plain indexes as column lists, each list sorted; the primary key's
/// own index (origin "pk") is left out, as dump-sqlite.py does.
bool readIndexes(QSqlDatabase &db, const QString &table, JsonValue &uniques, JsonValue &indexes,
                 QString *error)
{
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("PRAGMA index_list(%1)").arg(quoted(table)), error))
        return false;
    // seq, name, unique, origin, partial
    QVector<QStringList> u, plain;
    while (q.next()) {
        if (q.value(3).toString() == QLatin1String("pk"))
            continue;
        QSqlQuery info(db);
        if (!select(info,
                    QStringLiteral("PRAGMA index_info(%1)").arg(quoted(q.value(1).toString())),
                    error))
            return false;
        // seqno, cid, name: rows come in seqno order
        QStringList columns;
        while (info.next())
            columns << info.value(2).toString();
        (q.value(2).toInt() != 0 ? u : plain).push_back(columns);
    }
    std::sort(u.begin(), u.end());
    std::sort(plain.begin(), plain.end());
    uniques = JsonValue::array();
    for (const QStringList &l : u)
        uniques.append(stringList(l));
    indexes = JsonValue::array();
    for (const QStringList &l : plain)
        indexes.append(stringList(l));
    return true;
}

/// Calls \a visit(start, end) for each bare word of \a sql, never one inside a
/// quoted name or string or a comment; visit returns where to go on from (\a end,
/// or past what it has read itself).
template <typename Visit> void forEachWord(const QString &sql, Visit visit)
{
    auto isWordChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n;) {
        if (!isWordChar(sql[i])) {
            i = skipSqlToken(sql, i);
            continue;
        }
        const qsizetype start = i;
        while (i < n && isWordChar(sql[i]))
            ++i;
        i = visit(start, i);
    }
}

/// SQLite records AUTOINCREMENT only in the table's SQL, as a keyword.
bool hasAutoincrement(const QString &sql)
{
    bool found = false;
    forEachWord(sql, [&](qsizetype start, qsizetype end) {
        found = found || QStringView(sql)
                                 .mid(start, end - start)
                                 .compare(u"AUTOINCREMENT", Qt::CaseInsensitive) == 0;
        return end;
    });
    return found;
}

bool readTable(QSqlDatabase &db, const QString &table, const QString &sql, JsonValue &out,
               QString *error)
{
    QVector<Column> columns;
    if (!readColumns(db, table, columns, error))
        return false;
    QVector<const Column *> pkColumns;
    for (const Column &c : columns) {
        if (c.pk > 0)
            pkColumns.push_back(&c);
    }
    std::stable_sort(pkColumns.begin(), pkColumns.end(),
                     [](const Column *a, const Column *b) { return a->pk < b->pk; });
    const bool autoincrementKeyword = hasAutoincrement(sql);
    JsonValue cols = JsonValue::array();
    for (const Column &c : columns) {
        // SQLite records AUTOINCREMENT only in the table's SQL; like dump-sqlite.py,
        // credit it to the single INTEGER primary key column.
        const bool autoIncrement = autoincrementKeyword && c.pk > 0 && pkColumns.size() == 1 &&
                                   c.type.toUpper() == QLatin1String("INTEGER");
        JsonValue col = JsonValue::object();
        col.appendMember(QStringLiteral("name"), JsonValue::string(c.name));
        col.appendMember(QStringLiteral("type"), JsonValue::string(c.type));
        col.appendMember(QStringLiteral("notNull"), JsonValue::boolean(c.notNull));
        col.appendMember(QStringLiteral("pk"), JsonValue::boolean(c.pk > 0));
        col.appendMember(QStringLiteral("default"), stringOrNull(c.defaultValue));
        col.appendMember(QStringLiteral("autoIncrement"), JsonValue::boolean(autoIncrement));
        cols.append(std::move(col));
    }
    QStringList primaryKey;
    for (const Column *c : pkColumns)
        primaryKey << c->name;
    JsonValue fks, uniques, indexes;
    if (!readForeignKeys(db, table, fks, error) || !readIndexes(db, table, uniques, indexes, error))
        return false;
    out = JsonValue::object();
    out.appendMember(QStringLiteral("columns"), std::move(cols));
    out.appendMember(QStringLiteral("primaryKey"), stringList(primaryKey));
    out.appendMember(QStringLiteral("foreignKeys"), std::move(fks));
    out.appendMember(QStringLiteral("uniques"), std::move(uniques));
    out.appendMember(QStringLiteral("indexes"), std::move(indexes));
    const QStringList checks = sqliteCheckClauses(sql);
    if (!checks.isEmpty())
        out.appendMember(QStringLiteral("checks"), stringList(checks));
    return true;
}

} // namespace

QStringList sqliteCheckClauses(const QString &sql)
{
    QStringList out;
    const qsizetype n = sql.size();
    forEachWord(sql, [&](qsizetype start, qsizetype end) {
        if (QStringView(sql).mid(start, end - start).compare(u"CHECK", Qt::CaseInsensitive) != 0)
            return end;
        qsizetype open = end;
        while (open < n && sql[open].isSpace())
            ++open;
        if (open >= n || sql[open] != QLatin1Char('('))
            return end;
        const qsizetype k = closingParen(sql, open);
        if (k < 0)
            return n; // unbalanced: not a statement SQLite accepted
        out << sql.mid(open + 1, k - open - 1).trimmed();
        return k + 1;
    });
    return out;
}

JsonValue readSqliteCatalog(QSqlDatabase &db, QString *error)
{
    JsonValue tables = JsonValue::object();
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type='table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name"),
                error))
        return tables;
    while (q.next()) {
        const QString name = q.value(0).toString();
        JsonValue table;
        if (!readTable(db, name, q.value(1).toString(), table, error))
            return tables;
        tables.appendMember(name, std::move(table));
    }
    return tables;
}

} // namespace mc
