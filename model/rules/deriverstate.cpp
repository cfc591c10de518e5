#include "deriver_p.h"

#include <algorithm>

// The parts of the replay that serve incremental updates and build the result:
// which associations touch which models, replaying only those, renumbering after
// an insertion or removal, and turning model states into derived tables.

namespace mc::detail {

std::array<int, 3> Deriver::touchOf(int index) const
{
    const Association &d = m_schema->associations[index];
    std::array<int, 3> t{m_byName.value(d.source, -1), m_byName.value(d.target, -1), -1};
    if (d.through) {
        t[2] = m_byName.value(*d.through, -1);
        if (t[2] < 0)
            t[2] = m_junctionSlot.value(*d.through, -1);
    }
    return t;
}

void Deriver::refreshTouch(int index)
{
    if (size_t(index) < m_touch.size())
        m_touch[size_t(index)] = touchOf(index);
}

QVector<int> Deriver::touched(int index) const
{
    const Association &d = m_schema->associations[index];
    QVector<int> out;
    for (const QString &n : {d.source, d.target}) {
        const int slot = m_byName.value(n, -1);
        if (slot >= 0 && !out.contains(slot))
            out << slot;
    }
    if (d.through) {
        int slot = m_byName.value(*d.through, -1);
        if (slot < 0)
            slot = m_junctionSlot.value(*d.through, -1);
        if (slot >= 0 && !out.contains(slot))
            out << slot;
    }
    return out;
}

bool Deriver::replay(const QVector<int> &dirty)
{
    m_writable.assign(m_models.size(), 0);
    m_written = dirty;
    for (int s : dirty) {
        m_writable[size_t(s)] = 1;
        if (s < m_declaredCount) {
            m_models[size_t(s)] = m_declared[size_t(s)];
        } else if (m_defined[size_t(s)]) {
            m_defined[size_t(s)] = 0; // re-created by its first belongsToMany, if any
            m_byName.remove(m_models[size_t(s)].name);
        }
    }
    m_replayed.clear();
    bool ok = true;
    try {
        for (int i = 0; i < int(m_touch.size()); ++i) {
            const std::array<int, 3> &t = m_touch[size_t(i)];
            if (writable(t[0]) || writable(t[1]) || (t[2] >= 0 && writable(t[2])))
                apply(i);
        }
    } catch (const DefineFailure &) {
        ok = false;
    }
    m_writable.clear();
    for (int i : std::as_const(m_replayed)) {
        refreshTouch(i); // a junction may have been made for it
        resolve(i);
        const int paired = positionOf(m_assocs[size_t(idAt(i))].paired);
        if (paired >= 0)
            resolve(paired);
    }
    return ok;
}

void Deriver::associationInserted(int index)
{
    const int id = int(m_assocs.size());
    m_assocs.emplace_back();
    m_posOfId.push_back(index);
    m_idOfPos.insert(m_idOfPos.begin() + index, id);
    m_touch.insert(m_touch.begin() + index, touchOf(index));
    m_resolved.insert(index, ResolvedAssociation());
    renumberFrom(index + 1);
}

void Deriver::associationRemoved(int index)
{
    const int id = idAt(index);
    m_assocs[size_t(id)] = AssocState(); // the id is never used again
    m_posOfId[size_t(id)] = -1;
    m_idOfPos.erase(m_idOfPos.begin() + index);
    m_touch.erase(m_touch.begin() + index);
    m_resolved.removeAt(index);
    renumberFrom(index);
}

void Deriver::renumberFrom(int position)
{
    // Only positions move: attributes, aliases, junctions and pairs hold ids.
    for (int p = position; p < int(m_idOfPos.size()); ++p) {
        m_posOfId[size_t(m_idOfPos[size_t(p)])] = p;
        m_resolved[p].index = p;
    }
}

DerivedTable Deriver::tableOf(const ModelState &m) const
{
    DerivedTable t;
    t.model = m.name;
    t.table = m.table;
    t.modelIndex = m.modelIndex;
    t.junction = m.junction;
    QHash<QString, int> groupIndex;
    t.columns.reserve(int(m.attrs.size()));
    for (const Attr &a : m.attrs) {
        DerivedColumn c;
        c.attribute = a.name;
        c.column = m.fieldOf(a);
        c.type = a.type.value_or(DataType(QStringLiteral("INTEGER")));
        c.allowNull = a.allowNull;
        c.primaryKey = a.isPk();
        c.autoIncrement = a.autoIncrement.value_or(false);
        c.defaultValue = a.defaultValue;
        c.comment = a.comment;
        c.origin = a.origin;
        c.associationIndex = positionOf(a.associationId);
        if (a.unique) {
            if (a.unique->isEmpty()) {
                c.uniqueInline = true;
            } else {
                c.uniqueGroup = *a.unique;
                auto it = groupIndex.find(*a.unique);
                if (it == groupIndex.end()) {
                    groupIndex.insert(*a.unique, t.uniques.size());
                    t.uniques.append(DerivedIndex{*a.unique, {c.column}, true});
                } else {
                    t.uniques[*it].columns << c.column;
                }
            }
        }
        c.hasReference = a.hasReference;
        c.refTable = a.refTable;
        c.refColumn = a.refKey;
        c.refModel = a.refModel;
        c.onDelete = upperAction(a.onDelete);
        c.onUpdate = upperAction(a.onUpdate);
        if (c.primaryKey)
            t.primaryKey << c.column;
        t.columns.append(std::move(c));
    }
    for (const IndexSpec &ix : m.indexes) {
        DerivedIndex di;
        di.unique = ix.unique.value_or(false);
        di.name = ix.name
                      ? *ix.name
                      : underscore(m.table + QLatin1Char('_') + ix.fields.join(QLatin1Char('_')));
        // Sequelize passes index fields to the database verbatim (an attribute
        // name of an underscored model makes sync() fail: "no such column").
        di.columns = ix.fields;
        t.indexes.append(di);
    }
    return t;
}

void Deriver::resolve(int i)
{
    const AssocState &a = m_assocs[size_t(idAt(i))];
    ResolvedAssociation &r = m_resolved[i];
    ResolvedAssociation fresh; // an edit may have changed the type: keep no stale field
    fresh.accessors = r.accessors;
    fresh.shadowed = r.shadowed;
    fresh.applied = r.applied;
    r = fresh;
    const Association &d = m_schema->associations[i];
    r.index = i;
    r.type = d.type;
    r.source = d.source;
    r.target = d.target;
    if (!r.applied)
        return;
    r.as = a.as;
    r.singular = a.singular;
    r.plural = a.plural;
    r.foreignKey = a.foreignKey;
    r.sourceKey = a.sourceKey;
    r.targetKey = a.targetKey;
    r.otherKey = a.otherKey;
    const int holder = d.type == AssociationType::BelongsTo       ? a.source
                       : d.type == AssociationType::BelongsToMany ? a.junction
                                                                  : a.target;
    const ModelState &h = m_models[size_t(holder)];
    r.holderTable = h.table;
    r.identifierField = h.fieldOf(a.foreignKey);
    if (d.type == AssociationType::BelongsToMany) {
        r.through = h.name;
        r.throughTable = h.table;
        r.otherKeyField = h.fieldOf(a.otherKey);
    }
}

DerivedSchema Deriver::output(const QVector<int> &dirty, DerivedSchema &&previous)
{
    // Declared models in order, then junctions in the order they were created.
    QVector<int> order;
    order.reserve(int(m_models.size()));
    const int declared = m_declaredCount;
    for (int s = 0; s < declared; ++s)
        order << s;
    QVector<int> junctions;
    for (int s = declared; s < int(m_models.size()); ++s) {
        if (m_defined[size_t(s)])
            junctions << s;
    }
    std::sort(junctions.begin(), junctions.end(), [this](int x, int y) {
        return positionOf(m_junctionCreator[size_t(x)]) < positionOf(m_junctionCreator[size_t(y)]);
    });
    order += junctions;

    auto build = [this](DerivedSchema &out, int i, int s) {
        out.tables[i] = tableOf(m_models[size_t(s)]);
        out.accessors[i] = {m_models[size_t(s)].name, m_models[size_t(s)].accessors};
        // A one-off derivation keeps no state: each model's goes as soon as its
        // table is built, so the two are never held in memory together.
        if (!m_keepState)
            m_models[size_t(s)] = ModelState();
    };
    DerivedSchema out;
    if (!previous.tables.isEmpty() && order == m_slotOrder) {
        // The common edit: same tables in the same places. Only the dirty ones are
        // rebuilt, in place; every other table, and the name lookups, stay as they are.
        out = std::move(previous);
        for (int s : dirty) {
            const int i = s < m_positionOfSlot.size() ? m_positionOfSlot[s] : -1;
            if (i < 0)
                continue; // a junction slot that is not in use
            build(out, i, s);
            resolveReferences(out, i);
        }
    } else {
        // Tables of untouched slots move over from the previous result unchanged.
        std::vector<char> rebuild(m_models.size(), 0);
        for (int s : dirty)
            rebuild[size_t(s)] = 1;
        out.tables.resize(order.size());
        out.accessors.resize(order.size());
        for (int i = 0; i < order.size(); ++i) {
            const int s = order[i];
            const int was = s < m_positionOfSlot.size() ? m_positionOfSlot[s] : -1;
            if (rebuild[size_t(s)] || was < 0 || previous.tables.isEmpty()) {
                build(out, i, s);
            } else {
                out.tables[i] = std::move(previous.tables[was]);
                out.accessors[i] = std::move(previous.accessors[was]);
            }
        }
        out.m_tableByName.reserve(order.size());
        out.m_tableByModel.reserve(order.size());
        for (int i = 0; i < order.size(); ++i) {
            out.m_tableByName.insert(out.tables[i].table, i);
            out.m_tableByModel.insert(out.tables[i].model, i);
        }
        // Table indices moved: resolve every table's references again.
        for (int i = 0; i < order.size(); ++i)
            resolveReferences(out, i);
        m_positionOfSlot = QVector<int>(int(m_models.size()), -1);
        for (int i = 0; i < order.size(); ++i)
            m_positionOfSlot[order[i]] = i;
        m_slotOrder = order;
    }
    out.associations = m_resolved;
    out.error = m_error;
    return out;
}

void Deriver::resolveReferences(DerivedSchema &d, int table)
{
    // Resolved once here, so that the analysis needs no name lookups.
    DerivedTable &t = d.tables[table];
    t.references.clear();
    for (int c = 0; c < t.columns.size(); ++c) {
        const DerivedColumn &col = t.columns.at(c);
        if (!col.hasReference)
            continue;
        const int target = d.tableIndexByName(col.refTable);
        if (target >= 0)
            t.references.append(TableReference{c, target});
    }
}

void Deriver::shiftColumns(DerivedSchema &d, int index, int delta)
{
    for (DerivedTable &t : d.tables) {
        for (int c = 0; c < t.columns.size(); ++c) {
            const int a = t.columns.at(c).associationIndex;
            if (a < index)
                continue;
            t.columns[c].associationIndex = (delta < 0 && a == index) ? -1 : a + delta;
        }
    }
}

} // namespace mc::detail
