#include "identifierrules.h"

#include <QSet>

#include <algorithm>

namespace mc {

namespace {

QString dialectTitle(Dialect d)
{
    switch (d) {
    case Dialect::SQLite:
        return QStringLiteral("SQLite");
    case Dialect::Postgres:
        return QStringLiteral("PostgreSQL");
    case Dialect::MySQL:
        return QStringLiteral("MySQL");
    }
    return QString();
}

/// The name as a message shows it: control characters as \uXXXX.
QString shown(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

class Checker
{
public:
    explicit Checker(Dialect d) : m_dialect(d) {}

    /// \a what: `table name`, `column name`, ...; \a where: ` in table "T"` or empty.
    void name(const QString &what, const QString &name, const QString &where = QString(),
              bool trailingSpaceMatters = false)
    {
        const QString subject = QStringLiteral("%1 \"%2\"%3").arg(what, shown(name), where);
        if (name.isEmpty() && m_dialect != Dialect::SQLite)
            add(QStringLiteral("%1 is empty; %2 does not allow empty names")
                    .arg(subject, dialectTitle(m_dialect)));
        if (name.contains(QChar(0)))
            add(QStringLiteral("%1 contains a NUL character, which %2 does not allow")
                    .arg(subject, dialectTitle(m_dialect)));
        if (m_dialect == Dialect::Postgres) {
            const int bytes = int(name.toUtf8().size());
            if (bytes > 63)
                add(QStringLiteral("%1 is %2 bytes; PostgreSQL allows 63 (it would truncate it)")
                        .arg(subject, QString::number(bytes)));
        } else if (m_dialect == Dialect::MySQL) {
            const QList<uint> ucs4 = name.toUcs4();
            if (ucs4.size() > 64)
                add(QStringLiteral("%1 is %2 characters; MySQL allows 64")
                        .arg(subject, QString::number(ucs4.size())));
            if (std::any_of(ucs4.begin(), ucs4.end(), [](uint c) { return c > 0xffff; }))
                add(QStringLiteral("%1 contains a character outside the Basic Multilingual "
                                   "Plane, which MySQL does not allow in names")
                        .arg(subject));
            if (trailingSpaceMatters && name.endsWith(QLatin1Char(' ')))
                add(QStringLiteral("%1 ends with a space, which MySQL does not allow")
                        .arg(subject));
        }
    }

    /// A string literal (default, ENUM value, comment).
    void literal(const QString &what, const QString &value, const QString &where)
    {
        if (m_dialect != Dialect::MySQL && value.contains(QChar(0)))
            add(QStringLiteral("%1 \"%2\"%3 contains a NUL character, which %4 does not allow "
                               "in strings")
                    .arg(what, shown(value), where, dialectTitle(m_dialect)));
    }

    /// InnoDB names the n-th foreign key of a table `<table>_ibfk_<n>`.
    void mysqlForeignKeyNames(const QString &table, int count)
    {
        const int length = int(table.toUcs4().size());
        if (count == 0 || length > 64)
            return;
        const QString fk = table + QStringLiteral("_ibfk_") + QString::number(count);
        const int fkLength = int(fk.toUcs4().size());
        if (fkLength > 64)
            add(QStringLiteral("table name \"%1\" is %2 characters: the name MySQL gives its "
                               "foreign key, \"%3\", is %4 characters; MySQL allows 64")
                    .arg(shown(table), QString::number(length), shown(fk),
                         QString::number(fkLength)));
    }

    QStringList problems() const { return m_problems; }

private:
    void add(const QString &message)
    {
        if (!m_seen.contains(message)) {
            m_seen.insert(message);
            m_problems << message;
        }
    }

    Dialect m_dialect;
    QStringList m_problems;
    QSet<QString> m_seen;
};

QString inTable(const QString &table)
{
    return QStringLiteral(" in table \"%1\"").arg(shown(table));
}

void checkTable(Checker &check, const DerivedTable &t, Dialect dialect, bool cyclic)
{
    const QString where = inTable(t.table);
    check.name(QStringLiteral("table name"), t.table, QString(), true);
    int foreignKeys = 0;
    for (const DerivedColumn &c : t.columns) {
        const QString at =
            QStringLiteral(" (column \"%1\" in table \"%2\")").arg(shown(c.column), shown(t.table));
        check.name(QStringLiteral("column name"), c.column, where, true);
        if (c.hasReference) {
            check.name(QStringLiteral("referenced column name"), c.refColumn, inTable(c.refTable));
            if (!cyclic || !c.primaryKey)
                ++foreignKeys;
        }
        if (!c.uniqueGroup.isEmpty() && dialect == Dialect::MySQL)
            check.name(QStringLiteral("unique constraint name"), c.uniqueGroup, where);
        if (c.type.isEnum()) {
            if (dialect == Dialect::Postgres)
                check.name(QStringLiteral("ENUM type name"),
                           postgresEnumTypeName(t.table, c.column), at);
            if (dialect != Dialect::SQLite) {
                for (const QString &v : c.type.stringArgs())
                    check.literal(QStringLiteral("ENUM value"), v, at);
            }
        }
        if (c.defaultValue && c.defaultValue->isString())
            check.literal(QStringLiteral("default value"), c.defaultValue->text(), at);
        if (c.comment && dialect != Dialect::SQLite)
            check.literal(QStringLiteral("comment"), *c.comment, at);
    }
    for (const DerivedIndex &ix : t.indexes) {
        check.name(QStringLiteral("index name"), ix.name, where);
        for (const QString &field : ix.columns)
            check.name(QStringLiteral("index column name"), field, where);
    }
    if (dialect == Dialect::MySQL)
        check.mysqlForeignKeyNames(t.table, foreignKeys);
}

} // namespace

QStringList identifierProblems(const DerivedSchema &derived, Dialect dialect, bool cyclic)
{
    Checker check(dialect);
    for (const DerivedTable &t : derived.tables)
        checkTable(check, t, dialect, cyclic);
    return check.problems();
}

} // namespace mc
