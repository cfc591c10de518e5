#include "lint.h"

#include <QHash>

namespace mc {

QString describeAssociation(const Association &a)
{
    QString opts;
    if (a.as.kind == AliasSpec::Kind::String)
        opts = QStringLiteral(", as '%1'").arg(a.as.name);
    else if (a.as.kind == AliasSpec::Kind::Object)
        opts = QStringLiteral(", as {%1, %2}").arg(a.as.singular, a.as.plural);
    if (a.through)
        opts += QStringLiteral(", through '%1'").arg(*a.through);
    return QStringLiteral("%1.%2(%3%4)").arg(a.source, associationTypeName(a.type), a.target, opts);
}

namespace {

void cycleProblems(const Schema &s, const DerivedSchema &d, const Analysis &an, bool strict,
                   Diagnostics &out)
{
    bool first = true;
    for (const Cycle &c : an.cycles) {
        QStringList lines;
        lines << QStringLiteral("FK cycle between %1 (Sequelize >= 6.20 creates it; 6.19 and "
                                "earlier refuse it)")
                     .arg(c.tables.join(QLatin1String(", ")));
        for (const DependencyEdge &e : c.edges) {
            QString via;
            if (e.associationIndex >= 0)
                via = QStringLiteral(" (associations[%1]: %2)")
                          .arg(e.associationIndex)
                          .arg(describeAssociation(s.associations[e.associationIndex]));
            lines << QStringLiteral("  %1.%2 -> %3%4")
                         .arg(d.tables[e.from].table, e.column,
                              e.to >= 0 ? d.tables[e.to].table : QString(), via);
        }
        if (first)
            lines << QStringLiteral("  Sequelize 6.19: ") +
                         QString(an.toposortError).replace(QLatin1Char('\n'), QLatin1String(" | "));
        if (c.suggestedFix >= 0)
            lines << QStringLiteral("  fix: add \"constraints\": false to associations[%1] (%2)")
                         .arg(c.suggestedFix)
                         .arg(describeAssociation(s.associations[c.suggestedFix]));
        else
            lines << QStringLiteral("  fix: add \"constraints\": false to one association of each "
                                    "loop listed above");
        const QString path = c.suggestedFix >= 0
                                 ? QStringLiteral("associations[%1]").arg(c.suggestedFix)
                                 : QString();
        out << Diagnostic{strict ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning,
                          path, lines.join(QLatin1Char('\n'))};
        first = false;
    }
}

bool startsIndex(const DerivedTable &t, const QString &column)
{
    if (!t.primaryKey.isEmpty() && t.primaryKey.first() == column)
        return true;
    for (const DerivedColumn &c : t.columns) {
        if (c.column == column && c.uniqueInline)
            return true;
    }
    for (const DerivedIndex &u : t.uniques) {
        if (!u.columns.isEmpty() && u.columns.first() == column)
            return true;
    }
    for (const DerivedIndex &u : t.indexes) {
        if (!u.columns.isEmpty() && u.columns.first() == column)
            return true;
    }
    return false;
}

void indexProblems(const DerivedSchema &d, Diagnostics &out)
{
    for (const DerivedTable &t : d.tables) {
        for (const DerivedColumn &c : t.columns) {
            if (c.origin != ColumnOrigin::ForeignKey && !c.hasReference)
                continue;
            if (startsIndex(t, c.column))
                continue;
            const QString path =
                t.modelIndex >= 0 ? QStringLiteral("models[%1]").arg(t.modelIndex) : QString();
            QString fix =
                t.modelIndex >= 0
                    ? QStringLiteral("add {\"fields\": [\"%1\"]} to %2.indexes").arg(c.column, path)
                    : QStringLiteral("declare %1 as a model with an index on %2")
                          .arg(t.model, c.attribute);
            out << Diagnostic::warning(
                path, QStringLiteral("foreign key column %1.%2 has no index: Sequelize creates "
                                     "none, so every read of this association scans the whole "
                                     "table; fix: %3")
                          .arg(t.table, c.column, fix));
        }
    }
}

void accessorProblems(const Schema &s, const DerivedSchema &d, Diagnostics &out)
{
    QHash<QString, int> claimedBy; // "Model.method" -> association index
    for (const ResolvedAssociation &r : d.associations) {
        for (const QString &m : r.accessors)
            claimedBy.insert(r.source + QLatin1Char('.') + m, r.index);
    }
    for (const ResolvedAssociation &r : d.associations) {
        for (const QString &m : r.shadowed) {
            const int owner = claimedBy.value(r.source + QLatin1Char('.') + m, -1);
            const QString by =
                owner >= 0 ? QStringLiteral("associations[%1] (%2) already defines it")
                                 .arg(owner)
                                 .arg(describeAssociation(s.associations[owner]))
                           : QStringLiteral("%1 has an attribute of that name").arg(r.source);
            out << Diagnostic::warning(
                QStringLiteral("associations[%1].as").arg(r.index),
                QStringLiteral("accessor %1.%2() of %3 is not defined: %4; give this association "
                               "another \"as\"")
                    .arg(r.source, m, describeAssociation(s.associations[r.index]), by));
        }
    }
}

void indexFieldProblems(const DerivedSchema &d, Diagnostics &out)
{
    for (const DerivedTable &t : d.tables) {
        for (int i = 0; i < t.indexes.size(); ++i) {
            for (const QString &f : t.indexes[i].columns) {
                if (t.columnIndexByName(f) >= 0)
                    continue;
                const int attr = t.columnIndexByAttribute(f);
                QString hint;
                if (attr >= 0)
                    hint = QStringLiteral(" (the attribute %1 is stored in column %2: name the "
                                          "column)")
                               .arg(f, t.columns[attr].column);
                out << Diagnostic::error(
                    QStringLiteral("models[%1].indexes[%2].fields").arg(t.modelIndex).arg(i),
                    QStringLiteral("index %1 names %2, which is no column of %3: Sequelize's "
                                   "sync() fails with \"no such column\"%4")
                        .arg(t.indexes[i].name, f, t.table, hint));
            }
        }
    }
}

void cyclicKeyProblems(const DerivedSchema &d, const Analysis &an, Diagnostics &out)
{
    // Sequelize >= 6.20 creates a cyclic schema on PostgreSQL and MySQL without FKs and
    // then adds them with ALTER TABLE, skipping primary key columns (junction keys).
    if (!an.cyclic())
        return;
    for (const DerivedTable &t : d.tables) {
        for (const DerivedColumn &c : t.columns) {
            if (!c.hasReference || !c.primaryKey)
                continue;
            out << Diagnostic::warning(
                c.associationIndex >= 0 ? QStringLiteral("associations[%1]").arg(c.associationIndex)
                                        : QString(),
                QStringLiteral("%1.%2 gets no foreign key on PostgreSQL and MySQL: the schema has "
                               "an FK cycle, so Sequelize adds its foreign keys after creating "
                               "the tables and skips primary key columns (SQLite keeps it); "
                               "break the cycle to keep the constraint")
                    .arg(t.table, c.column));
        }
    }
}

void tableProblems(const DerivedSchema &d, Diagnostics &out)
{
    QHash<QString, int> first; // table name -> first table using it
    for (int i = 0; i < d.tables.size(); ++i) {
        const DerivedTable &t = d.tables[i];
        auto it = first.find(t.table);
        if (it == first.end()) {
            first.insert(t.table, i);
            continue;
        }
        out << Diagnostic::warning(
            t.modelIndex >= 0 ? QStringLiteral("models[%1]").arg(t.modelIndex) : QString(),
            QStringLiteral("models %1 and %2 share the table %3: Sequelize creates only one of "
                           "them")
                .arg(d.tables[*it].model, t.model, t.table));
    }
}

} // namespace

Diagnostics checkSchema(const Schema &schema, const DerivedSchema &derived,
                        const Analysis &analysis, bool strictCycles)
{
    Diagnostics out;
    if (derived.error)
        out << Diagnostic::error(derived.error->path, derived.error->message);
    cycleProblems(schema, derived, analysis, strictCycles, out);
    cyclicKeyProblems(derived, analysis, out);
    tableProblems(derived, out);
    indexFieldProblems(derived, out);
    accessorProblems(schema, derived, out);
    indexProblems(derived, out);
    return out;
}

} // namespace mc
