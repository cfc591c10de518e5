#include "droppedobjects.h"

#include <QRegularExpression>

namespace mc {

namespace {

// One name part as any of our dialects quotes it, and an identifier: a part, possibly
// schema-qualified.
const QString kPart = QStringLiteral(R"((?:`(?:[^`]|``)*`|"(?:[^"]|"")*"|[^\s;,()."`]+))");
const QString kIdent = kPart + QStringLiteral(R"((?:\.)") + kPart + QStringLiteral(")?");

QRegularExpression pattern(const QString &text)
{
    return QRegularExpression(QString(text).replace(QLatin1String("IDENT"), kIdent),
                              QRegularExpression::CaseInsensitiveOption);
}

/// \a name without a schema: `"public"."t"` is `"t"`.
QString unqualified(const QString &name)
{
    static const QRegularExpression qualified(QStringLiteral("^%1\\.(%1)$").arg(kPart));
    const QRegularExpressionMatch m = qualified.match(name);
    return m.hasMatch() ? m.captured(1) : name;
}

/// The tables (or types) some later `ALTER TABLE tmp RENAME TO name` puts back: a
/// drop of those is a rebuild (SQLite's of a table, PostgreSQL's of an ENUM type
/// whose labels change), not the loss of the object.
QStringList renamedInto(const QStringList &statements, const QString &kind)
{
    const QRegularExpression rename =
        pattern(QStringLiteral(R"(^\s*ALTER\s+%1\s+IDENT\s+RENAME\s+TO\s+(IDENT))").arg(kind));
    QStringList names;
    for (const QString &s : statements) {
        const QRegularExpressionMatch m = rename.match(s);
        if (m.hasMatch())
            names << unqualified(m.captured(1));
    }
    return names;
}

void alterTableDrops(const QString &table, const QString &clauses, QStringList &out)
{
    static const QRegularExpression drop = pattern(QStringLiteral(
        R"(\bDROP\s+(?:(COLUMN|CONSTRAINT|INDEX|KEY|CHECK|FOREIGN\s+KEY|PRIMARY\s+KEY)\b\s*)?)"
        R"((?:IF\s+EXISTS\s+)?(IDENT)?)"));
    QRegularExpressionMatchIterator it = drop.globalMatch(clauses);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        // ALTER COLUMN c DROP NOT NULL / DEFAULT / IDENTITY / EXPRESSION loses no object.
        static const QStringList attributes = {QStringLiteral("NOT"), QStringLiteral("DEFAULT"),
                                               QStringLiteral("IDENTITY"),
                                               QStringLiteral("EXPRESSION")};
        if (m.captured(1).isEmpty() && attributes.contains(m.captured(2).toUpper()))
            continue;
        const QString kind = m.captured(1).isEmpty() ? QStringLiteral("column")
                                                     : m.captured(1).simplified().toLower();
        if (kind == QLatin1String("primary key"))
            out << QStringLiteral("the primary key of %1").arg(table);
        else
            out << QStringLiteral("%1 %2 of %3").arg(kind, m.captured(2), table);
    }
}

} // namespace

QStringList droppedObjects(const QStringList &statements)
{
    static const QRegularExpression dropObject =
        pattern(QStringLiteral(R"(^\s*DROP\s+(TABLE|INDEX|TYPE|VIEW|SEQUENCE|TRIGGER|SCHEMA|)"
                               R"(DATABASE)\s+(?:IF\s+EXISTS\s+)?(IDENT))"));
    static const QRegularExpression alterTable = pattern(
        QStringLiteral(R"(^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(IDENT)(.*)$)"));
    const QStringList rebuilt = renamedInto(statements, QStringLiteral("TABLE"));
    const QStringList retyped = renamedInto(statements, QStringLiteral("TYPE"));
    QStringList out;
    for (const QString &s : statements) {
        const QRegularExpressionMatch m = dropObject.match(s);
        if (m.hasMatch()) {
            const QString kind = m.captured(1).toLower();
            const QString name = m.captured(2);
            if (kind == QLatin1String("table") && rebuilt.contains(unqualified(name)))
                out << QStringLiteral("table %1 (rebuilt: its rows are copied into the new "
                                      "definition)")
                           .arg(name);
            else if (kind == QLatin1String("type") && retyped.contains(unqualified(name)))
                out << QStringLiteral("type %1 (re-created with the design's labels: its "
                                      "column's values are cast to the new type)")
                           .arg(name);
            else
                out << QStringLiteral("%1 %2").arg(kind, name);
            continue;
        }
        const QRegularExpressionMatch a = alterTable.match(s);
        if (a.hasMatch())
            alterTableDrops(a.captured(1), a.captured(2), out);
    }
    out.removeDuplicates();
    return out;
}

} // namespace mc
