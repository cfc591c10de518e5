#include "incremental.h"

#include "deriver_p.h"

namespace mc {

IncrementalDerivation::IncrementalDerivation(const Schema &schema)
{
    reset(schema);
}

IncrementalDerivation::~IncrementalDerivation() = default;

void IncrementalDerivation::reset(const Schema &schema)
{
    m_deriver = std::make_unique<detail::Deriver>(schema, true);
    m_derived = m_deriver->run();
    m_incremental = false;
}

bool IncrementalDerivation::canUpdate() const
{
    return m_deriver && !m_derived.error && m_deriver->incrementalSafe();
}

QVector<int> IncrementalDerivation::slotsOf(const Association &a) const
{
    // The slots of an association that may no longer be in the schema.
    QVector<int> out;
    QStringList names{a.source, a.target};
    if (a.through)
        names << *a.through;
    for (const QString &n : names) {
        const int t = m_derived.tableIndexByModel(n);
        if (t < 0)
            continue;
        const DerivedTable &table = m_derived.tables[t];
        const int slot = table.modelIndex >= 0 ? table.modelIndex : -1;
        if (slot >= 0 && !out.contains(slot))
            out << slot;
    }
    return out;
}

void IncrementalDerivation::update(const Schema &schema, const QVector<int> &dirty)
{
    m_deriver->setSchema(schema);
    if (!m_deriver->replay(dirty) || !m_deriver->incrementalSafe()) {
        reset(schema); // the edit made (or met) a define error: replay it all
        return;
    }
    m_derived = m_deriver->output(m_deriver->written(), std::move(m_derived));
    m_incremental = true;
}

void IncrementalDerivation::associationInserted(const Schema &schema, int index)
{
    if (!canUpdate()) {
        reset(schema);
        return;
    }
    m_deriver->setSchema(schema);
    m_derived.associations.clear(); // unshare, so the deriver's copy is not deep-copied
    m_deriver->associationInserted(index);
    detail::Deriver::shiftColumns(m_derived, index, 1);
    update(schema, m_deriver->touched(index));
}

void IncrementalDerivation::associationRemoved(const Schema &schema, int index,
                                               const Association &removed)
{
    if (!canUpdate()) {
        reset(schema);
        return;
    }
    QVector<int> dirty = slotsOf(removed);
    if (removed.through) {
        const int junction = m_deriver->junctionSlot(*removed.through);
        if (junction >= 0 && !dirty.contains(junction))
            dirty << junction;
    }
    m_deriver->setSchema(schema);
    m_derived.associations.clear();
    m_deriver->associationRemoved(index);
    detail::Deriver::shiftColumns(m_derived, index, -1);
    update(schema, dirty);
}

void IncrementalDerivation::associationChanged(const Schema &schema, int index,
                                               const Association &before)
{
    if (!canUpdate()) {
        reset(schema);
        return;
    }
    QVector<int> dirty = slotsOf(before);
    if (before.through) {
        const int junction = m_deriver->junctionSlot(*before.through);
        if (junction >= 0 && !dirty.contains(junction))
            dirty << junction;
    }
    m_deriver->setSchema(schema);
    m_derived.associations.clear();
    m_deriver->refreshTouch(index);
    for (int s : m_deriver->touched(index)) {
        if (!dirty.contains(s))
            dirty << s;
    }
    update(schema, dirty);
}

} // namespace mc
