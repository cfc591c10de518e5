#include "derive.h"
#include "deriver_p.h"

#include "inflection.h"

#include <algorithm>
#include <utility>

// The small public helpers of derive.h that do not replay Sequelize, and the
// deriver's last step: model states turned into the derived schema, rebuilding
// only the tables an incremental update rewrote.

namespace mc {

EffectiveOptions effectiveOptions(const ModelOptions &global, const ModelOptions *model)
{
    EffectiveOptions e;
    auto pick = [&](std::optional<bool> ModelOptions::*k, bool dflt) {
        if (model && (model->*k))
            return *(model->*k);
        return (global.*k).value_or(dflt);
    };
    e.underscored = pick(&ModelOptions::underscored, false);
    e.timestamps = pick(&ModelOptions::timestamps, true);
    e.freezeTableName = pick(&ModelOptions::freezeTableName, false);
    e.paranoid = pick(&ModelOptions::paranoid, false);
    auto name = [&](TimestampName ModelOptions::*k, const QString &dflt) {
        const TimestampName &t = (model && (model->*k).present) ? model->*k : global.*k;
        if (!t.present)
            return dflt;
        return t.disabled ? QString() : t.name;
    };
    e.createdAt = name(&ModelOptions::createdAt, QStringLiteral("createdAt"));
    e.updatedAt = name(&ModelOptions::updatedAt, QStringLiteral("updatedAt"));
    e.deletedAt = name(&ModelOptions::deletedAt, QStringLiteral("deletedAt"));
    return e;
}

QString derivedTableName(const Model &model, const EffectiveOptions &opts)
{
    if (model.tableName && !model.tableName->isEmpty())
        return *model.tableName;
    if (opts.freezeTableName)
        return model.name;
    const QString plural = pluralize(model.name);
    return opts.underscored ? underscore(plural) : plural;
}

int DerivedTable::columnIndexByAttribute(const QString &attribute) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].attribute == attribute)
            return i;
    }
    return -1;
}

int DerivedTable::columnIndexByName(const QString &column) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].column == column)
            return i;
    }
    return -1;
}

int DerivedSchema::tableIndexByName(const QString &table) const
{
    return m_tableByName.value(table, -1);
}

int DerivedSchema::tableIndexByModel(const QString &model) const
{
    return m_tableByModel.value(model, -1);
}

} // namespace mc

namespace mc::detail {

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

QVector<int> Deriver::tableOrder() const
{
    // Declared models in order, then junctions in the order they were created.
    QVector<int> order;
    order.reserve(int(m_models.size()));
    for (int s : m_slotOfModel) {
        if (s >= 0 && m_defined[size_t(s)])
            order << s;
    }
    QVector<int> junctions;
    for (int s = 0; s < int(m_models.size()); ++s) {
        if (m_kind[size_t(s)] == SlotKind::Junction && m_defined[size_t(s)])
            junctions << s;
    }
    std::sort(junctions.begin(), junctions.end(), [this](int x, int y) {
        return positionOf(m_junctionCreator[size_t(x)]) < positionOf(m_junctionCreator[size_t(y)]);
    });
    return order + junctions;
}

namespace {

void indexTables(DerivedSchema &d)
{
    d.m_tableByName.clear();
    d.m_tableByModel.clear();
    d.m_tableByName.reserve(d.tables.size());
    d.m_tableByModel.reserve(d.tables.size());
    for (int i = 0; i < d.tables.size(); ++i) {
        d.m_tableByName.insert(d.tables[i].table, i);
        d.m_tableByModel.insert(d.tables[i].model, i);
    }
}

void remapValues(QHash<QString, int> &hash, const QVector<int> &remap)
{
    for (auto it = hash.begin(); it != hash.end();) {
        const int to = remap.value(*it, -1);
        if (to < 0) {
            it = hash.erase(it);
        } else {
            *it = to;
            ++it;
        }
    }
}

/// Points `hash[name]` at the last table whose `key` is `name` (as a full build,
/// where the last insertion wins); true when that is not where the old entry went,
/// so references resolved by that name may have to move.
bool relookup(QHash<QString, int> &hash, const QString &name, int oldValue,
              const QVector<int> &remap, const DerivedSchema &d, QString DerivedTable::*key)
{
    int now = -1;
    for (int i = d.tables.size() - 1; i >= 0 && now < 0; --i) {
        if (d.tables[i].*key == name)
            now = i;
    }
    if (now < 0)
        hash.remove(name);
    else
        hash.insert(name, now);
    const int expected = remap.isEmpty() ? oldValue : remap.value(oldValue, -1);
    return oldValue >= 0 && now >= 0 && now != expected;
}

} // namespace

void Deriver::fixLookups(DerivedSchema &out, const QVector<int> &dirty,
                         const QVector<TableNames> &before, const QVector<int> &remap,
                         bool &resolveAll) const
{
    // Only names that appeared or went need their lookups fixed; every other entry
    // just follows its table to its new index.
    QStringList tables, models;
    auto note = [](QStringList &list, const QString &n) {
        if (!list.contains(n))
            list << n;
    };
    for (int k = 0; k < dirty.size(); ++k) {
        const int now = m_positionOfSlot.value(dirty[k], -1);
        const TableNames &b = before[k];
        const DerivedTable *after = now >= 0 ? &out.tables[now] : nullptr;
        if (b.present && (!after || b.table != after->table))
            note(tables, b.table);
        if (after && (!b.present || b.table != after->table))
            note(tables, after->table);
        if (b.present && (!after || b.model != after->model))
            note(models, b.model);
        if (after && (!b.present || b.model != after->model))
            note(models, after->model);
    }
    if (tables.size() + models.size() > 32) {
        indexTables(out);
        resolveAll = true;
        return;
    }
    QVector<int> oldTable, oldModel;
    for (const QString &n : std::as_const(tables))
        oldTable << out.m_tableByName.value(n, -1);
    for (const QString &n : std::as_const(models))
        oldModel << out.m_tableByModel.value(n, -1);
    if (!remap.isEmpty()) {
        remapValues(out.m_tableByName, remap);
        remapValues(out.m_tableByModel, remap);
    }
    for (int k = 0; k < tables.size(); ++k) {
        if (relookup(out.m_tableByName, tables[k], oldTable[k], remap, out, &DerivedTable::table))
            resolveAll = true; // tables sharing a name: the last one owns it
    }
    for (int k = 0; k < models.size(); ++k)
        relookup(out.m_tableByModel, models[k], oldModel[k], remap, out, &DerivedTable::model);
}

DerivedSchema Deriver::output(const QVector<int> &dirty, DerivedSchema &&previous,
                              QVector<int> *rebuilt)
{
    const QVector<int> order = tableOrder();
    auto build = [this](DerivedSchema &out, int i, int s) {
        out.tables[i] = tableOf(m_models[size_t(s)]);
        out.accessors[i] = {m_models[size_t(s)].name, m_models[size_t(s)].accessors};
        // A one-off derivation keeps no state: each model's goes as soon as its
        // table is built, so the two are never held in memory together.
        if (!m_keepState)
            m_models[size_t(s)] = ModelState();
    };
    const QVector<int> wasAt =
        std::exchange(m_positionOfSlot, QVector<int>(int(m_models.size()), -1));
    for (int i = 0; i < order.size(); ++i)
        m_positionOfSlot[order[i]] = i;
    DerivedSchema out;
    if (rebuilt)
        rebuilt->clear();
    if (previous.tables.isEmpty()) {
        out.tables.resize(order.size());
        out.accessors.resize(order.size());
        for (int i = 0; i < order.size(); ++i) {
            build(out, i, order[i]);
            if (rebuilt)
                *rebuilt << i;
        }
        indexTables(out);
        for (int i = 0; i < order.size(); ++i)
            resolveReferences(out, i);
    } else {
        std::vector<char> isDirty(m_models.size(), 0);
        for (int s : dirty)
            isDirty[size_t(s)] = 1;
        // The names of the tables about to be rebuilt, as they were.
        QVector<TableNames> before(dirty.size());
        for (int k = 0; k < dirty.size(); ++k) {
            const int was = wasAt.value(dirty[k], -1);
            if (was >= 0)
                before[k] = {true, previous.tables[was].table, previous.tables[was].model};
        }
        const bool same = order == m_slotOrder;
        QVector<int> remap; // old table index -> new, when tables moved
        if (same) {
            out = std::move(previous);
        } else {
            // Tables of untouched slots move over from the previous result unchanged.
            remap = QVector<int>(previous.tables.size(), -1);
            out.tables.resize(order.size());
            out.accessors.resize(order.size());
            for (int i = 0; i < order.size(); ++i) {
                const int s = order[i];
                const int was = wasAt.value(s, -1);
                if (was >= 0)
                    remap[was] = i;
                if (was < 0 || isDirty[size_t(s)])
                    continue;
                out.tables[i] = std::move(previous.tables[was]);
                out.accessors[i] = std::move(previous.accessors[was]);
                out.tables[i].modelIndex = m_models[size_t(s)].modelIndex;
            }
            out.m_tableByName = std::move(previous.m_tableByName);
            out.m_tableByModel = std::move(previous.m_tableByModel);
        }
        for (int s : dirty) {
            const int i = m_positionOfSlot[s];
            if (i >= 0)
                build(out, i, s);
        }
        bool resolveAll = false;
        fixLookups(out, dirty, before, remap, resolveAll);
        for (int i = 0; i < order.size() && !same && !resolveAll; ++i) {
            if (isDirty[size_t(order[i])])
                continue;
            for (TableReference &r : out.tables[i].references) {
                r.table = remap.value(r.table, -1);
                resolveAll = resolveAll || r.table < 0;
            }
        }
        for (int i = 0; i < order.size(); ++i) {
            const bool rebuiltNow = isDirty[size_t(order[i])];
            if (rebuiltNow || resolveAll)
                resolveReferences(out, i);
            if (rebuiltNow && rebuilt)
                *rebuilt << i;
        }
    }
    m_slotOrder = order;
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

void Deriver::renumberColumns(DerivedSchema &d, const std::vector<int> &position)
{
    const int count = int(position.size());
    for (DerivedTable &t : d.tables) {
        for (int c = 0; c < t.columns.size(); ++c) {
            const int a = t.columns.at(c).associationIndex;
            if (a < 0 || a >= count || position[size_t(a)] == a)
                continue;
            t.columns[c].associationIndex = position[size_t(a)];
        }
    }
}

} // namespace mc::detail
