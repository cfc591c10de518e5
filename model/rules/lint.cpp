#include "lint.h"

#include <QHash>
#include <QSet>
#include <QStringBuilder>

#include <algorithm>

// The per-table problems build their messages by concatenation rather than arg():
// a large schema has tens of thousands of unindexed foreign keys, and the editor
// finds them again after every edit.

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

bool same(const Diagnostics &a, const Diagnostics &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].severity != b[i].severity || a[i].path != b[i].path ||
            a[i].message != b[i].message)
            return false;
    }
    return true;
}

QString modelPath(const DerivedTable &t)
{
    return t.modelIndex >= 0 ? QString(QLatin1String("models[") % QString::number(t.modelIndex) %
                                       QLatin1Char(']'))
                             : QString();
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

void unindexedKeys(const DerivedTable &t, Diagnostics &out)
{
    QString path;
    for (const DerivedColumn &c : t.columns) {
        if (c.origin != ColumnOrigin::ForeignKey && !c.hasReference)
            continue;
        if (startsIndex(t, c.column))
            continue;
        if (path.isNull())
            path = modelPath(t);
        const QString fix =
            t.modelIndex >= 0
                ? QString(QLatin1String("add {\"fields\": [\"") % c.column %
                          QLatin1String("\"]} to ") % path % QLatin1String(".indexes"))
                : QString(QLatin1String("declare ") % t.model %
                          QLatin1String(" as a model with an index on ") % c.attribute);
        out << Diagnostic::warning(
            path, QLatin1String("foreign key column ") % t.table % QLatin1Char('.') % c.column %
                      QLatin1String(" has no index: Sequelize creates none, so every read of "
                                    "this association scans the whole table; fix: ") %
                      fix);
    }
}

/// describeAssociation() of each association at most once per update.
class Descriptions
{
public:
    explicit Descriptions(const Schema &s) : m_schema(s) {}
    const QString &operator()(int i)
    {
        if (m_text.isEmpty())
            m_text.resize(m_schema.associations.size());
        if (m_text[i].isNull())
            m_text[i] = describeAssociation(m_schema.associations[i]);
        return m_text[i];
    }

private:
    const Schema &m_schema;
    QVector<QString> m_text;
};

void accessorProblem(const ResolvedAssociation &r, const QString &m, int owner,
                     Descriptions &describe, Diagnostics &out)
{
    const QString by = owner >= 0
                           ? QString(QLatin1String("associations[") % QString::number(owner) %
                                     QLatin1String("] (") % describe(owner) %
                                     QLatin1String(") already defines it"))
                           : QString(r.source % QLatin1String(" has an attribute of that name"));
    out << Diagnostic::warning(
        QLatin1String("associations[") % QString::number(r.index) % QLatin1String("].as"),
        QLatin1String("accessor ") % r.source % QLatin1Char('.') % m % QLatin1String("() of ") %
            describe(r.index) % QLatin1String(" is not defined: ") % by %
            QLatin1String("; give this association another \"as\""));
}

void indexFields(const DerivedTable &t, Diagnostics &out)
{
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

QVector<int> referencingKeys(const DerivedTable &t)
{
    QVector<int> out;
    for (int i = 0; i < t.columns.size(); ++i) {
        if (t.columns[i].hasReference && t.columns[i].primaryKey)
            out << i;
    }
    return out;
}

void cyclicKeys(const DerivedTable &t, const QVector<int> &keys, Diagnostics &out)
{
    // Sequelize >= 6.20 creates a cyclic schema on PostgreSQL and MySQL without FKs and
    // then adds them with ALTER TABLE, skipping primary key columns (junction keys).
    for (int k : keys) {
        const DerivedColumn &c = t.columns[k];
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

void tableProblems(const DerivedSchema &d, Diagnostics &out)
{
    if (d.m_tableByName.size() == d.tables.size())
        return;                // every table name is used once
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
    Lint lint;
    lint.reset(schema, derived, analysis, strictCycles);
    return lint.problems();
}

void Lint::reset(const Schema &schema, const DerivedSchema &derived, const Analysis &analysis,
                 bool strictCycles)
{
    m_tables.clear();
    m_accessors.clear();
    m_indexFields.clear();
    m_unindexed.clear();
    m_accessorProblems.clear();
    m_cyclicKeys.clear();
    m_cyclicKeysStale = true;
    m_tailStale = true;
    update(schema, derived, analysis, strictCycles, QVector<int>());
}

void Lint::update(const Schema &schema, const DerivedSchema &derived, const Analysis &analysis,
                  bool strictCycles, const QVector<int> &rebuilt)
{
    const bool tablesChanged = updateTables(derived, rebuilt);
    m_cyclicKeysStale = m_cyclicKeysStale || tablesChanged;
    if (analysis.cyclic()) {
        if (updateCyclicKeys(derived) || m_cyclicKeysStale) {
            m_cyclicKeys.clear();
            for (const TableProblems &p : std::as_const(m_tables))
                m_cyclicKeys << p.cyclicKeys;
        }
        m_cyclicKeysStale = false;
    }
    const bool accessorsChanged = updateAccessors(schema, derived);
    if (accessorsChanged) {
        m_accessorProblems.clear();
        for (const AccessorProblems &p : std::as_const(m_accessors))
            m_accessorProblems << p.problems;
    }
    // In checkSchema()'s order: define error, cycles, keys a cycle costs, shared
    // tables, index fields (the head, small and found every time), then shadowed
    // accessors and unindexed foreign keys (the tail: most of a large schema's).
    Diagnostics head;
    if (derived.error)
        head << Diagnostic::error(derived.error->path, derived.error->message);
    cycleProblems(schema, derived, analysis, strictCycles, head);
    if (analysis.cyclic())
        head << m_cyclicKeys;
    tableProblems(derived, head);
    head << m_indexFields;
    Diagnostics out;
    out.reserve(head.size() + m_accessorProblems.size() + m_unindexed.size());
    out << head;
    if (accessorsChanged || m_tailStale) {
        out << m_accessorProblems << m_unindexed;
    } else { // the tail is as it was, but for the rebuilt tables: moved over, not copied
        for (auto it = m_problems.begin() + m_headSize; it != m_problems.end(); ++it)
            out.append(std::move(*it));
        for (const Splice &splice : std::as_const(m_splices))
            splice.apply(out, head.size() + m_accessorProblems.size());
    }
    m_splices.clear();
    m_problems = std::move(out);
    m_headSize = head.size();
    m_tailStale = false;
}

bool Lint::updateTables(const DerivedSchema &derived, const QVector<int> &rebuilt)
{
    // Keep the problems of every table that is as it was, wherever it went; a moved
    // model changes the paths in its messages, so those are found again.
    const int n = derived.tables.size();
    std::vector<char> fresh(size_t(n), 0);
    for (int t : rebuilt) {
        if (t >= 0 && t < n)
            fresh[size_t(t)] = 1;
    }
    bool inPlace = m_tables.size() == n;
    for (int t = 0; t < n && inPlace; ++t) {
        inPlace = fresh[size_t(t)] || (m_tables[t].modelIndex == derived.tables[t].modelIndex &&
                                       m_tables[t].model == derived.tables[t].model);
    }
    QVector<int> unindexedBefore; // per fresh table in place, how many it had
    if (!inPlace) {
        // Usually one table came or went: the others are where they were, or one
        // further; a hash by model name finds them otherwise.
        const int delta = n - m_tables.size();
        QHash<QString, int> byModel;
        auto previous = [&](int t) {
            const QString &model = derived.tables[t].model;
            for (int was : {t, t - delta}) {
                if (was >= 0 && was < m_tables.size() && m_tables[was].model == model)
                    return was;
            }
            if (byModel.isEmpty()) {
                for (int k = 0; k < m_tables.size(); ++k)
                    byModel.insert(m_tables[k].model, k);
            }
            return byModel.value(model, -1);
        };
        QVector<TableProblems> kept(n);
        for (int t = 0; t < n; ++t) {
            const int was = fresh[size_t(t)] ? -1 : previous(t);
            if (was >= 0 && m_tables[was].modelIndex == derived.tables[t].modelIndex)
                kept[t] = std::move(m_tables[was]);
            else
                fresh[size_t(t)] = 1;
        }
        m_tables = std::move(kept);
    }
    bool changed = !inPlace;
    for (int t = 0; t < n; ++t) {
        if (!fresh[size_t(t)])
            continue;
        const DerivedTable &table = derived.tables[t];
        TableProblems p;
        p.model = table.model;
        p.modelIndex = table.modelIndex;
        p.referencingKeys = referencingKeys(table);
        p.keyAssociations << -2; // never the current ones: made on first use
        indexFields(table, p.indexFields);
        unindexedKeys(table, p.unindexed);
        if (inPlace) {
            const TableProblems &was = m_tables[t];
            if (was.referencingKeys == p.referencingKeys && same(was.indexFields, p.indexFields) &&
                same(was.unindexed, p.unindexed)) {
                fresh[size_t(t)] = 0;               // rebuilt, yet the same problems
                m_tables[t].keyAssociations = {-2}; // their column names may differ
                continue;
            }
            unindexedBefore << was.unindexed.size();
        }
        m_tables[t] = std::move(p);
        changed = true;
    }
    if (changed)
        concatenateTables(inPlace, fresh, unindexedBefore);
    else
        m_splices.clear();
    return changed;
}

void Lint::concatenateTables(bool inPlace, const std::vector<char> &fresh,
                             const QVector<int> &unindexedBefore)
{
    // In place, each rebuilt table's problems replace its own stretch of the
    // concatenation (recorded, so that m_problems can follow); anything else is
    // concatenated again.
    m_indexFields.clear();
    for (const TableProblems &p : std::as_const(m_tables))
        m_indexFields << p.indexFields;
    m_splices.clear();
    if (inPlace) {
        int k = 0, at = 0;
        for (int t = 0; t < m_tables.size(); ++t) {
            const Diagnostics &now = m_tables[t].unindexed;
            if (fresh[size_t(t)]) {
                const Splice splice{at, unindexedBefore[k++], now};
                splice.apply(m_unindexed, 0);
                m_splices << splice;
            }
            at += now.size();
        }
        return;
    }
    m_tailStale = true;
    m_unindexed.clear();
    for (const TableProblems &p : std::as_const(m_tables))
        m_unindexed << p.unindexed;
}

void Lint::Splice::apply(Diagnostics &list, int base) const
{
    const int common = std::min(removed, int(inserted.size()));
    for (int i = 0; i < common; ++i)
        list[base + at + i] = inserted[i];
    if (removed > common)
        list.remove(base + at + common, removed - common);
    else if (inserted.size() > common)
        list.insert(base + at + common, inserted.size() - common, Diagnostic());
    for (int i = common; i < inserted.size(); ++i)
        list[base + at + i] = inserted[i];
}

bool Lint::updateCyclicKeys(const DerivedSchema &derived)
{
    // Their paths name associations, whose indices move with insertions and removals.
    bool changed = false;
    for (int t = 0; t < m_tables.size(); ++t) {
        TableProblems &p = m_tables[t];
        if (p.referencingKeys.isEmpty())
            continue;
        QVector<int> associations;
        for (int c : std::as_const(p.referencingKeys))
            associations << derived.tables[t].columns[c].associationIndex;
        if (associations == p.keyAssociations)
            continue;
        p.keyAssociations = associations;
        p.cyclicKeys.clear();
        cyclicKeys(derived.tables[t], p.referencingKeys, p.cyclicKeys);
        changed = true;
    }
    return changed;
}

void Lint::remember(AccessorProblems &e, const Association &d, const ResolvedAssociation &r) const
{
    e.known = true;
    e.type = d.type;
    e.as = d.as.kind;
    e.through = d.through;
    e.source = d.source;
    e.target = d.target;
    e.asName = d.as.name;
    e.asSingular = d.as.singular;
    e.asPlural = d.as.plural;
    e.resolvedSource = r.source;
    e.shadowed = r.shadowed;
    e.accessors = r.accessors;
}

bool Lint::matches(const AccessorProblems &e, const Association &d,
                   const ResolvedAssociation &r) const
{
    // Positions move with insertions and removals: a kept entry counts only if the
    // association now there is the one it was found for, described the same way.
    return e.known && e.type == d.type && e.as == d.as.kind && e.shadowed == r.shadowed &&
           e.accessors == r.accessors && e.source == d.source && e.target == d.target &&
           e.resolvedSource == r.source && e.through == d.through && e.asName == d.as.name &&
           e.asSingular == d.as.singular && e.asPlural == d.as.plural;
}

bool Lint::updateAccessors(const Schema &schema, const DerivedSchema &derived)
{
    const int n = derived.associations.size();
    bool changed = false;
    for (int p = n; p < m_accessors.size(); ++p)
        changed = changed || !m_accessors[p].problems.isEmpty();
    m_accessors.resize(n);
    // Which kept entries still describe the association at their position.
    std::vector<char> same(size_t(n), 0), refreshed(size_t(n), 0);
    for (int p = 0; p < n; ++p) {
        if (m_accessors[p].known)
            same[size_t(p)] =
                matches(m_accessors[p], schema.associations[p], derived.associations[p]);
    }
    Descriptions describe(schema);
    QHash<QString, QVector<int>> bySource; // per source looked at: its associations
    bool indexed = false;                  // bySource holds every source
    auto claimantsOf = [&](const QString &source) -> const QVector<int> & {
        auto claimants = bySource.find(source);
        if (claimants == bySource.end() && !indexed && bySource.size() >= 4) {
            bySource.clear(); // many sources to look at: index them all at once
            for (int q = 0; q < n; ++q)
                bySource[derived.associations[q].source] << q;
            indexed = true;
            claimants = bySource.find(source);
        }
        if (claimants == bySource.end()) {
            QVector<int> same; // the associations of one source, found by a scan
            for (int q = 0; q < n && !indexed; ++q) {
                if (derived.associations[q].source == source)
                    same << q;
            }
            claimants = bySource.insert(source, same);
        }
        return *claimants;
    };
    for (int p = 0; p < n; ++p) {
        const ResolvedAssociation &r = derived.associations[p];
        AccessorProblems &e = m_accessors[p];
        if (r.shadowed.isEmpty()) {
            changed = changed || !e.problems.isEmpty();
            e.problems.clear();
            e.owners.clear();
            e.known = e.known && same[size_t(p)]; // its identity and problems go together
            continue;
        }
        bool keep = same[size_t(p)];
        for (int k = 0; keep && k < e.owners.size(); ++k)
            keep = e.owners[k] < 0 || same[size_t(e.owners[k])];
        if (keep)
            continue;
        remember(e, schema.associations[p], r);
        refreshed[size_t(p)] = 1;
        e.owners.clear();
        e.problems.clear();
        for (const QString &m : r.shadowed) {
            // A name is claimed once per source: usually by this association itself.
            int owner = r.accessors.contains(m) ? p : -1;
            if (owner < 0) {
                const QVector<int> &claimants = claimantsOf(r.source);
                for (int k = claimants.size() - 1; k >= 0 && owner < 0; --k) {
                    if (derived.associations[claimants[k]].accessors.contains(m))
                        owner = claimants[k];
                }
            }
            e.owners << owner;
            accessorProblem(r, m, owner, describe, e.problems);
        }
        for (int o : std::as_const(e.owners)) {
            if (o >= 0 && !same[size_t(o)] && !refreshed[size_t(o)]) {
                remember(m_accessors[o], schema.associations[o], derived.associations[o]);
                refreshed[size_t(o)] = 1;
            }
        }
        changed = true;
    }
    return changed;
}

} // namespace mc
