#include "lint.h"

#include <QHash>
#include <QSet>
#include <QStringBuilder>

#include <algorithm>
#include <climits>

// The per-table problems build their messages by concatenation rather than arg():
// a large schema has tens of thousands of unindexed foreign keys, and the editor
// finds them again after every edit.

namespace mc {

QString describeAssociation(const Association &a)
{
    // Concatenated rather than arg(): the problems describe thousands of them.
    QString opts;
    if (a.as.kind == AliasSpec::Kind::String)
        opts = QLatin1String(", as '") % a.as.name % QLatin1Char('\'');
    else if (a.as.kind == AliasSpec::Kind::Object)
        opts = QLatin1String(", as {") % a.as.singular % QLatin1String(", ") % a.as.plural %
               QLatin1Char('}');
    if (a.through)
        opts += QLatin1String(", through '") % *a.through % QLatin1Char('\'');
    return a.source % QLatin1Char('.') % associationTypeName(a.type) % QLatin1Char('(') % a.target %
           opts % QLatin1Char(')');
}

namespace {

QString associationRef(int index, const Schema &s)
{
    return QLatin1String("associations[") % QString::number(index) % QLatin1String("]: ") %
           describeAssociation(s.associations[index]);
}

void cycleProblems(const Schema &s, const DerivedSchema &d, const Analysis &an, bool strict,
                   Diagnostics &out)
{
    bool first = true;
    for (const Cycle &c : an.cycles) {
        QStringList lines;
        lines << QLatin1String("FK cycle between ") % c.tables.join(QLatin1String(", ")) %
                     QLatin1String(" (Sequelize >= 6.20 creates it; 6.19 and earlier refuse it)");
        for (const DependencyEdge &e : c.edges) {
            const QString via =
                e.associationIndex >= 0
                    ? QString(QLatin1String(" (") % associationRef(e.associationIndex, s) %
                              QLatin1Char(')'))
                    : QString();
            lines << QLatin1String("  ") % d.tables[e.from].table % QLatin1Char('.') % e.column %
                         QLatin1String(" -> ") % (e.to >= 0 ? d.tables[e.to].table : QString()) %
                         via;
        }
        if (first)
            lines << QStringLiteral("  Sequelize 6.19: ") +
                         QString(an.toposortError).replace(QLatin1Char('\n'), QLatin1String(" | "));
        if (c.suggestedFix >= 0)
            lines << QLatin1String("  fix: add \"constraints\": false to associations[") %
                         QString::number(c.suggestedFix) % QLatin1String("] (") %
                         describeAssociation(s.associations[c.suggestedFix]) % QLatin1Char(')');
        else
            lines << QStringLiteral("  fix: add \"constraints\": false to one association of each "
                                    "loop listed above");
        const QString path = c.suggestedFix >= 0
                                 ? QString(QLatin1String("associations[") %
                                           QString::number(c.suggestedFix) % QLatin1Char(']'))
                                 : QString();
        out << Diagnostic{strict ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning,
                          path, lines.join(QLatin1Char('\n'))};
        first = false;
    }
}

// The kept entries are compared with every association after each edit: texts
// shared with the schema compare by pointer, without reading their characters
// (which, for tens of thousands of them, costs more in cache misses than the rest).
bool sameText(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

bool sameList(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    if (a.constData() == b.constData())
        return true;
    for (int i = 0; i < a.size(); ++i) {
        if (!sameText(a[i], b[i]))
            return false;
    }
    return true;
}

int digitsOf(int n)
{
    int digits = 1;
    for (; n >= 10; n /= 10)
        ++digits;
    return digits;
}

/// The same texts, not merely equal ones: nothing to assign.
bool identical(const Diagnostic &a, const Diagnostic &b)
{
    return a.severity == b.severity && a.path.constData() == b.path.constData() &&
           a.path.size() == b.path.size() && a.message.constData() == b.message.constData() &&
           a.message.size() == b.message.size();
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

/// Returns where the owner's index starts in the message (-1: none), so that a
/// shift of the owner only rewrites that number.
int accessorProblem(const ResolvedAssociation &r, const QString &m, int owner,
                    Descriptions &describe, Diagnostics &out)
{
    const QLatin1String lead("accessor "), of("() of "), notDefined(" is not defined: "),
        claimed("associations[");
    const QString &self = describe(r.index);
    const QString by = owner >= 0
                           ? QString(claimed % QString::number(owner) % QLatin1String("] (") %
                                     describe(owner) % QLatin1String(") already defines it"))
                           : QString(r.source % QLatin1String(" has an attribute of that name"));
    out << Diagnostic::warning(claimed % QString::number(r.index) % QLatin1String("].as"),
                               lead % r.source % QLatin1Char('.') % m % of % self % notDefined %
                                   by % QLatin1String("; give this association another \"as\""));
    if (owner < 0)
        return -1;
    return int(lead.size() + r.source.size() + 1 + m.size() + of.size() + self.size() +
               notDefined.size() + claimed.size());
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
            c.associationIndex >= 0
                ? QString(QLatin1String("associations[") % QString::number(c.associationIndex) %
                          QLatin1Char(']'))
                : QString(),
            t.table % QLatin1Char('.') % c.column %
                QLatin1String(" gets no foreign key on PostgreSQL and MySQL: the schema has "
                              "an FK cycle, so Sequelize adds its foreign keys after creating "
                              "the tables and skips primary key columns (SQLite keeps it); "
                              "break the cycle to keep the constraint"));
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
    m_cyclicKeys.clear();
    m_cyclicKeysStale = true;
    m_problems.clear();
    m_headSize = 0;
    m_accessorCount = 0;
    update(schema, derived, analysis, strictCycles, QVector<int>());
}

void Lint::update(const Schema &schema, const DerivedSchema &derived, const Analysis &analysis,
                  bool strictCycles, const QVector<int> &rebuilt)
{
    m_firstTable = INT_MAX;
    m_firstAccessor = INT_MAX;
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
    updateAccessors(schema, derived);
    Diagnostics head;
    if (derived.error)
        head << Diagnostic::error(derived.error->path, derived.error->message);
    cycleProblems(schema, derived, analysis, strictCycles, head);
    if (analysis.cyclic())
        head << m_cyclicKeys;
    tableProblems(derived, head);
    head << m_indexFields;
    assemble(head);
}

void Lint::assemble(const Diagnostics &head)
{
    // m_problems is written in place: the head, then the tail from the first entry
    // that changed, moved or follows a stretch whose length changed. Copying the
    // whole list (tens of thousands of problems) costs more than the edit itself.
    if (head.size() != m_headSize) {
        if (head.size() < m_headSize)
            m_problems.remove(0, m_headSize - head.size());
        else
            m_problems.insert(0, head.size() - m_headSize, Diagnostic());
        m_headSize = head.size();
    }
    for (int k = 0; k < head.size(); ++k) {
        if (!identical(m_problems.at(k), head[k]))
            m_problems[k] = head[k];
    }
    int at = m_headSize;
    auto put = [&](const Diagnostics &list) {
        for (const Diagnostic &d : list) {
            if (at >= m_problems.size())
                m_problems.append(d);
            else if (!identical(m_problems.at(at), d))
                m_problems[at] = d;
            ++at;
        }
    };
    // A stretch of accessor problems grown or shrunk moves the tables' stretch as a
    // block (elements moved, their texts untouched), so its entries stay in place.
    const int accessors = int(m_accessors.size());
    int count = 0;
    for (int p = 0; p < accessors; ++p) {
        if (p == m_firstAccessor)
            at += count;
        count += m_accessors[p].problems.size();
    }
    if (m_firstAccessor >= accessors)
        at += count;
    const int end = m_headSize + m_accessorCount;
    if (count > m_accessorCount)
        m_problems.insert(std::min(end, int(m_problems.size())), count - m_accessorCount,
                          Diagnostic());
    else if (count < m_accessorCount)
        m_problems.remove(end - (m_accessorCount - count), m_accessorCount - count);
    m_accessorCount = count;
    for (int p = m_firstAccessor; p < accessors; ++p)
        put(m_accessors[p].problems);
    at = m_headSize + m_accessorCount;
    const int tables = int(m_tables.size());
    for (int t = 0; t < std::min(m_firstTable, tables); ++t)
        at += m_tables[t].unindexed.size();
    for (int t = m_firstTable; t < tables; ++t)
        put(m_tables[t].unindexed);
    if (m_problems.size() > at)
        m_problems.resize(at);
}

bool Lint::updateTables(const DerivedSchema &derived, const QVector<int> &rebuilt)
{
    // Keep the problems of every table that is as it was, wherever it went; a moved
    // model changes the index in its paths and fixes, and only that is rewritten.
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
    if (!inPlace)
        realignTables(derived, fresh);
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
            if (was.referencingKeys == p.referencingKeys && was.indexFields == p.indexFields &&
                was.unindexed == p.unindexed) {
                // Rebuilt, yet the same problems: their column names may differ,
                // and the model's name (a rename that changed no message).
                m_tables[t].keyAssociations = {-2};
                m_tables[t].model = p.model;
                continue;
            }
        }
        m_tables[t] = std::move(p);
        m_firstTable = std::min(m_firstTable, t);
        changed = true;
    }
    if (changed) {
        m_indexFields.clear();
        for (const TableProblems &p : std::as_const(m_tables))
            m_indexFields << p.indexFields;
    }
    return changed;
}

void Lint::realignTables(const DerivedSchema &derived, std::vector<char> &fresh)
{
    // Usually a few tables came or went: the others are where they were, or a few
    // further, the same distance as the table before them; a hash by model name
    // finds them otherwise. A table not found, or whose index could not be
    // rewritten, is marked fresh.
    const int n = derived.tables.size();
    QHash<QString, int> byModel;
    int shift = 0; // the last table found was `shift` further than before
    auto previous = [&](int t) {
        const QString &model = derived.tables[t].model;
        for (int k = 0; k <= 8; ++k) {
            const int was = t - shift - (k % 2 ? (k + 1) / 2 : -(k / 2));
            if (was >= 0 && was < m_tables.size() && m_tables[was].model == model) {
                shift = t - was;
                return was;
            }
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
        const bool moved = was >= 0 && m_tables[was].modelIndex != derived.tables[t].modelIndex;
        if (was < 0 || (moved && !renumber(m_tables[was], derived.tables[t]))) {
            fresh[size_t(t)] = 1;
            continue;
        }
        if (was != t || moved)
            m_firstTable = std::min(m_firstTable, t);
        kept[t] = std::move(m_tables[was]);
    }
    if (n < m_tables.size())
        m_firstTable = std::min(m_firstTable, n); // the stretch got shorter
    m_tables = std::move(kept);
}

bool Lint::renumber(TableProblems &p, const DerivedTable &table)
{
    // A table that only moved with its model: the model's index in the paths and
    // fixes is all that changed. `models[N].indexes` ends each unindexed message.
    const QLatin1String end("].indexes");
    if (p.modelIndex < 0 || table.modelIndex < 0)
        return false;
    const int digits = digitsOf(p.modelIndex);
    for (const Diagnostic &d : std::as_const(p.unindexed)) {
        const qsizetype at = d.message.size() - end.size() - digits;
        if (at < 1 || d.message.at(at - 1) != QLatin1Char('[') || !d.message.endsWith(end))
            return false;
    }
    if (!p.unindexed.isEmpty()) {
        const QString number = QString::number(table.modelIndex);
        const QString path = QLatin1String("models[") % number % QLatin1Char(']');
        for (Diagnostic &d : p.unindexed) {
            d.path = path;
            d.message.replace(d.message.size() - end.size() - digits, digits, number);
        }
    }
    p.modelIndex = table.modelIndex;
    if (!table.indexes.isEmpty() || !p.indexFields.isEmpty()) {
        p.indexFields.clear();
        indexFields(table, p.indexFields);
    }
    return true;
}

bool Lint::updateCyclicKeys(const DerivedSchema &derived)
{
    // Their paths name associations, whose indices move with insertions and removals.
    bool changed = false;
    for (int t = 0; t < m_tables.size(); ++t) {
        TableProblems &p = m_tables[t];
        if (p.referencingKeys.isEmpty())
            continue;
        const QVector<DerivedColumn> &columns = derived.tables[t].columns;
        bool same = p.keyAssociations.size() == p.referencingKeys.size();
        for (int k = 0; same && k < p.referencingKeys.size(); ++k)
            same = columns[p.referencingKeys[k]].associationIndex == p.keyAssociations[k];
        if (same)
            continue;
        p.keyAssociations.clear();
        for (int c : std::as_const(p.referencingKeys))
            p.keyAssociations << columns[c].associationIndex;
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
    return e.known && e.type == d.type && e.as == d.as.kind && sameText(e.source, d.source) &&
           sameText(e.target, d.target) && sameText(e.resolvedSource, r.source) &&
           sameList(e.shadowed, r.shadowed) && sameList(e.accessors, r.accessors) &&
           e.through.has_value() == d.through.has_value() &&
           (!e.through || sameText(*e.through, *d.through)) && sameText(e.asName, d.as.name) &&
           sameText(e.asSingular, d.as.singular) && sameText(e.asPlural, d.as.plural);
}

bool Lint::alignAccessors(const Schema &schema, const DerivedSchema &derived,
                          std::vector<char> &same, QVector<int> &oldToNew)
{
    // Insertions and removals move the associations after them: each kept entry is
    // looked for where it was, then the same distance further as the one before it,
    // then a few positions either side; an entry not found is dropped. Returns
    // whether any entry moved.
    const int n = derived.associations.size(), m = m_accessors.size();
    oldToNew = QVector<int>(m, -1);
    int shift = 0, last = -1;
    bool moved = n != m;
    for (int i = 0; i < m; ++i) {
        if (!m_accessors[i].known)
            continue;
        for (int k = 0; k <= 16; ++k) {
            const int p = i + shift + (k % 2 ? (k + 1) / 2 : -(k / 2));
            if (p <= last || p >= n ||
                !matches(m_accessors[i], schema.associations[p], derived.associations[p]))
                continue;
            shift = p - i;
            last = p;
            oldToNew[i] = p;
            same[size_t(p)] = 1;
            break;
        }
        if (oldToNew[i] != i) {
            moved = true;
            const int from = oldToNew[i] >= 0 ? std::min(i, oldToNew[i]) : std::min(i, n);
            m_firstAccessor = std::min(m_firstAccessor, from);
        }
    }
    if (!moved)
        return false;
    // Moved in place, only the entries that moved: the map only ever grows, so
    // those going down are moved first to last and those going up last to first.
    if (n > m)
        m_accessors.resize(n);
    auto move = [&](int i) {
        AccessorProblems &from = m_accessors[i];
        if (oldToNew[i] >= 0)
            m_accessors[oldToNew[i]] = std::move(from);
        from.known = false; // gone, or moved from: holds nothing
        from.problems.clear();
        from.owners.clear();
        from.ownerAt.clear();
    };
    for (int i = 0; i < m; ++i) {
        if (m_accessors[i].known && oldToNew[i] < i)
            move(i);
    }
    for (int i = m - 1; i >= 0; --i) {
        if (m_accessors[i].known && oldToNew[i] > i)
            move(i);
    }
    m_accessors.resize(n);
    return true;
}

bool Lint::renumber(AccessorProblems &e, int at, const QVector<int> &oldToNew)
{
    // A kept entry whose association or owners moved: only the indices change.
    bool changed = false;
    QString number; // of the last index written: usually every owner is the association
    int numbered = -1;
    if (e.at != at) {
        numbered = at;
        number = QString::number(at);
    }
    const QString path =
        e.at != at ? QString(QLatin1String("associations[") % number % QLatin1String("].as"))
                   : QString();
    for (int k = 0; k < e.problems.size(); ++k) {
        Diagnostic &d = e.problems[k];
        if (!path.isNull())
            d.path = path;
        const int before = e.owners[k];
        if (before < 0 || oldToNew[before] == before)
            continue;
        if (numbered != oldToNew[before]) {
            numbered = oldToNew[before];
            number = QString::number(numbered);
        }
        d.message.replace(e.ownerAt[k], digitsOf(before), number);
        e.owners[k] = oldToNew[before];
        changed = true;
    }
    e.at = at;
    return changed || !path.isNull();
}

bool Lint::updateAccessors(const Schema &schema, const DerivedSchema &derived)
{
    const int n = derived.associations.size();
    bool changed = false;
    // Which kept entries still describe an association, and where it is now.
    std::vector<char> same(size_t(n), 0), refreshed(size_t(n), 0);
    QVector<int> oldToNew;
    if (alignAccessors(schema, derived, same, oldToNew))
        changed = true; // entries moved or went: the concatenation is made again
    else
        m_accessors.resize(n);
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
            if (!e.problems.isEmpty()) {
                changed = true;
                m_firstAccessor = std::min(m_firstAccessor, p);
            }
            e.problems.clear();
            e.owners.clear();
            e.ownerAt.clear();
            // its identity and problems go together
            e.known = e.known && (same[size_t(p)] || refreshed[size_t(p)]);
            continue;
        }
        // A kept entry's owners are where they were before this update: kept too?
        bool keep = same[size_t(p)];
        for (int k = 0; keep && k < e.owners.size(); ++k)
            keep = e.owners[k] < 0 || oldToNew[e.owners[k]] >= 0;
        if (keep) {
            if (renumber(e, p, oldToNew)) {
                changed = true;
                m_firstAccessor = std::min(m_firstAccessor, p);
            }
            continue;
        }
        m_firstAccessor = std::min(m_firstAccessor, p);
        remember(e, schema.associations[p], r);
        refreshed[size_t(p)] = 1;
        e.at = p;
        e.owners.clear();
        e.ownerAt.clear();
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
            e.ownerAt << accessorProblem(r, m, owner, describe, e.problems);
        }
        for (int o : std::as_const(e.owners)) {
            if (o >= 0 && !same[size_t(o)] && !refreshed[size_t(o)]) {
                remember(m_accessors[o], schema.associations[o], derived.associations[o]);
                m_accessors[o].at = o;
                refreshed[size_t(o)] = 1;
            }
        }
        changed = true;
    }
    return changed;
}

} // namespace mc
