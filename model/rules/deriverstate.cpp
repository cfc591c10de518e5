#include "deriver_p.h"

#include <algorithm>

// The parts of the replay that serve incremental updates: which associations touch
// which models, recording edits (renumbering after an insertion or removal), and
// replaying only what the recorded edits reach. Building the result from the model
// states is in derivedschema.cpp.

namespace mc::detail {

namespace {

// m_modelEdited values: the declaration changed, and whether other models read
// what changed (so the models on the other end of its associations are replayed too).
constexpr char kRedeclare = 1;
constexpr char kReachesOthers = 2;

/// What the other end of an association reads of a model: its names, table,
/// naming options and attributes' names, types, fields and keys (foreign keys copy
/// a key's type and field). Defaults, comments, nullability and indexes stay inside
/// the model.
bool sameForOthers(const ModelState &a, const ModelState &b)
{
    if (a.name != b.name || a.table != b.table || a.singular != b.singular ||
        a.plural != b.plural || a.attrs.size() != b.attrs.size())
        return false;
    // A junction made from a `through` takes its source's naming options.
    if (a.opts.underscored != b.opts.underscored || a.opts.createdAt != b.opts.createdAt ||
        a.opts.updatedAt != b.opts.updatedAt || a.opts.deletedAt != b.opts.deletedAt)
        return false;
    for (size_t i = 0; i < a.attrs.size(); ++i) {
        const Attr &x = a.attrs[i], &y = b.attrs[i];
        if (x.name != y.name || x.type != y.type || x.field != y.field || x.isPk() != y.isPk())
            return false;
    }
    return true;
}

} // namespace

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

void Deriver::markDirty(int slot)
{
    if (slot < 0)
        return;
    if (m_isDirty.size() < m_models.size())
        m_isDirty.resize(m_models.size(), 0);
    if (m_isDirty[size_t(slot)])
        return;
    m_isDirty[size_t(slot)] = 1;
    m_dirty << slot;
}

void Deriver::markDirty(const std::array<int, 3> &touch)
{
    for (int s : touch)
        markDirty(s);
}

bool Deriver::replay(const QVector<int> &dirty)
{
    m_writable.assign(m_models.size(), 0);
    m_written = dirty;
    for (int s : dirty) {
        m_writable[size_t(s)] = 1;
        if (m_kind[size_t(s)] == SlotKind::Model) {
            m_models[size_t(s)] = m_declared[size_t(s)];
        } else if (m_kind[size_t(s)] == SlotKind::Junction && m_defined[size_t(s)]) {
            m_defined[size_t(s)] = 0; // re-created by its first belongsToMany, if any
            const auto it = m_byName.find(m_models[size_t(s)].name);
            if (it != m_byName.end() && *it == s) // a model may have taken the name
                m_byName.erase(it);
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
        m_touch[size_t(i)] = touchOf(i); // a junction may have been made for it
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
    m_staleTouch.push_back(1); // its slots are looked up when the edit is applied
    m_idOfPos.insert(m_idOfPos.begin() + index, id);
    m_touch.insert(m_touch.begin() + index, std::array<int, 3>{-1, -1, -1});
    m_resolved.insert(index, ResolvedAssociation());
    renumberFrom(index + 1);
    m_editsRecorded = true;
}

void Deriver::associationRemoved(int index)
{
    markDirty(m_touch[size_t(index)]);
    const int id = idAt(index);
    m_assocs[size_t(id)] = AssocState(); // the id is never used again
    m_posOfId[size_t(id)] = -1;
    m_staleTouch[size_t(id)] = 0;
    m_idOfPos.erase(m_idOfPos.begin() + index);
    m_touch.erase(m_touch.begin() + index);
    m_resolved.removeAt(index);
    renumberFrom(index);
    m_editsRecorded = true;
}

void Deriver::associationChanged(int index)
{
    markDirty(m_touch[size_t(index)]);
    m_staleTouch[size_t(idAt(index))] = 1;
    m_editsRecorded = true;
}

void Deriver::modelInserted(int index)
{
    m_slotOfModel.insert(m_slotOfModel.begin() + index, -1); // a slot is made when applied
    m_editsRecorded = true;
}

void Deriver::modelRemoved(int index)
{
    const int slot = m_slotOfModel[size_t(index)];
    m_slotOfModel.erase(m_slotOfModel.begin() + index);
    if (slot >= 0)
        m_removedSlots << slot;
    m_editsRecorded = true;
}

void Deriver::modelChanged(int index)
{
    const int slot = m_slotOfModel[size_t(index)];
    if (slot >= 0) {
        m_modelEdited.resize(m_models.size(), 0);
        m_modelEdited[size_t(slot)] = kRedeclare;
    }
    m_editsRecorded = true;
}

void Deriver::renumberFrom(int position)
{
    // Only positions move: attributes, aliases, junctions and pairs hold ids.
    for (int p = position; p < int(m_idOfPos.size()); ++p) {
        m_posOfId[size_t(m_idOfPos[size_t(p)])] = p;
        m_resolved[p].index = p;
    }
}

bool Deriver::redeclareModels(QStringList &names)
{
    // Removed models free their slots; their names may now resolve elsewhere.
    m_modelEdited.resize(m_models.size(), 0);
    for (int slot : std::as_const(m_removedSlots)) {
        const QString name = m_declared[size_t(slot)].name;
        names << name;
        const auto it = m_byName.find(name);
        if (it != m_byName.end() && *it == slot)
            m_byName.erase(it);
        m_kind[size_t(slot)] = SlotKind::Free;
        m_defined[size_t(slot)] = 0;
        m_models[size_t(slot)] = ModelState();
        m_declared[size_t(slot)] = ModelState();
        m_modelEdited[size_t(slot)] = kReachesOthers;
        markDirty(slot);
    }
    const bool moved =
        !m_removedSlots.isEmpty() ||
        std::find(m_slotOfModel.begin(), m_slotOfModel.end(), -1) != m_slotOfModel.end();
    for (int i = 0; i < int(m_slotOfModel.size()); ++i) {
        int &slot = m_slotOfModel[size_t(i)];
        bool fresh = false;
        if (slot < 0) {
            slot = newSlot(SlotKind::Model);
            m_modelEdited.resize(m_models.size(), 0);
            fresh = true;
        }
        if (moved) {
            m_declared[size_t(slot)].modelIndex = i;
            m_models[size_t(slot)].modelIndex = i;
        }
        if (!fresh && !m_modelEdited[size_t(slot)])
            continue;
        ModelState st = declareModel(i); // throws on a define error
        const QString old = fresh ? QString() : m_declared[size_t(slot)].name;
        if (fresh || old != st.name) {
            if (!fresh) {
                names << old;
                const auto it = m_byName.find(old);
                if (it != m_byName.end() && *it == slot)
                    m_byName.erase(it);
            }
            names << st.name;
            const auto taken = m_byName.constFind(st.name);
            if (taken != m_byName.cend()) {
                if (m_kind[size_t(*taken)] == SlotKind::Model)
                    return false;  // two models of one name: replay it all
                markDirty(*taken); // a junction made from a `through` of that name goes
            }
            m_byName.insert(st.name, slot);
        }
        const bool reaches = fresh || !sameForOthers(m_declared[size_t(slot)], st);
        m_modelEdited[size_t(slot)] = reaches ? kReachesOthers : kRedeclare;
        m_declared[size_t(slot)] = st;
        m_models[size_t(slot)] = std::move(st);
        m_defined[size_t(slot)] = 1;
        markDirty(slot);
    }
    return true;
}

bool Deriver::retouchAssociations(const QStringList &names)
{
    // Associations naming an edited model reach it through their slots; only a
    // `through` can start or stop naming a declared model (a junction made from it
    // gives way to the model, or comes back), so only those compare names.
    auto reaches = [this](int slot) {
        return slot >= 0 && size_t(slot) < m_modelEdited.size() &&
               m_modelEdited[size_t(slot)] == kReachesOthers;
    };
    auto gone = [this](int slot) { return slot >= 0 && m_kind[size_t(slot)] == SlotKind::Free; };
    for (int i = 0; i < int(m_touch.size()); ++i) {
        std::array<int, 3> &t = m_touch[size_t(i)];
        const int id = idAt(i);
        const std::optional<QString> &through = m_schema->associations[i].through;
        const bool stale = m_staleTouch[size_t(id)] || gone(t[0]) || gone(t[1]) || gone(t[2]) ||
                           (through && !names.isEmpty() && names.contains(*through));
        if (stale) {
            markDirty(t);
            t = touchOf(i);
            m_staleTouch[size_t(id)] = 0;
            if (t[0] < 0 || t[1] < 0)
                return false; // names no model: the full replay reports it
            markDirty(t);
        } else if (reaches(t[0]) || reaches(t[1]) || reaches(t[2])) {
            markDirty(t);
        }
    }
    return true;
}

bool Deriver::applyEdits()
{
    if (int(m_slotOfModel.size()) != m_schema->models.size() ||
        int(m_touch.size()) != m_schema->associations.size())
        return false;  // the calls do not describe this schema
    QStringList names; // model names that appeared or went
    try {
        if (!redeclareModels(names))
            return false;
    } catch (const DefineFailure &) {
        return false;
    }
    if (!retouchAssociations(names))
        return false;
    const QVector<int> dirty = m_dirty;
    clearEdits();
    return replay(dirty);
}

void Deriver::clearEdits()
{
    for (int s : std::as_const(m_dirty))
        m_isDirty[size_t(s)] = 0;
    m_dirty.clear();
    std::fill(m_modelEdited.begin(), m_modelEdited.end(), 0);
    m_removedSlots.clear();
    m_editsRecorded = false;
}

} // namespace mc::detail
