#include "incremental.h"

#include "deriver_p.h"

namespace mc {

IncrementalDerivation::IncrementalDerivation(const Schema &schema)
{
    reset(schema);
}

IncrementalDerivation::~IncrementalDerivation() = default;

const DerivedSchema &IncrementalDerivation::derived() const
{
    flush();
    return m_derived;
}

bool IncrementalDerivation::lastUpdateWasIncremental() const
{
    flush();
    return m_incremental;
}

QVector<int> IncrementalDerivation::lastRebuiltTables() const
{
    flush();
    return m_rebuilt;
}

void IncrementalDerivation::reset(const Schema &schema)
{
    m_schema = &schema;
    replayAll(schema);
}

void IncrementalDerivation::replayAll(const Schema &schema) const
{
    m_deriver = std::make_unique<detail::Deriver>(schema, true);
    m_derived = m_deriver->run();
    m_incremental = false;
    m_replayAllPending = false;
    m_shifted.clear();
    m_rebuilt.clear();
    for (int i = 0; i < m_derived.tables.size(); ++i)
        m_rebuilt << i;
}

bool IncrementalDerivation::record(const Schema &schema)
{
    // Whether this edit can be recorded for an incremental replay; once one cannot,
    // the rest of the edits until the next read are covered by the full replay.
    m_schema = &schema;
    if (m_replayAllPending)
        return false;
    if (!m_deriver || m_derived.error || !m_deriver->incrementalSafe()) {
        m_replayAllPending = true;
        return false;
    }
    m_deriver->setSchema(schema);
    return true;
}

void IncrementalDerivation::flush() const
{
    if (m_replayAllPending) {
        replayAll(*m_schema);
        return;
    }
    if (!m_deriver || !m_deriver->hasEdits())
        return;
    m_deriver->setSchema(*m_schema);
    m_derived.associations.clear(); // unshare: the replay writes to the deriver's copy
    if (!m_deriver->applyEdits() || !m_deriver->incrementalSafe()) {
        replayAll(*m_schema); // the edit made (or met) a define error, or reaches further
        return;
    }
    if (!m_shifted.empty()) {
        detail::Deriver::renumberColumns(m_derived, m_shifted);
        m_shifted.clear();
    }
    m_derived = m_deriver->output(m_deriver->written(), std::move(m_derived), &m_rebuilt);
    m_incremental = true;
}

void IncrementalDerivation::shift(int index, int delta)
{
    // Columns name their association by index: an insertion or removal moves the
    // ones after it. The moves of an edit are composed here, applied in one pass.
    if (m_shifted.empty()) {
        m_shifted.resize(size_t(m_schema->associations.size() - delta));
        for (size_t i = 0; i < m_shifted.size(); ++i)
            m_shifted[i] = int(i);
    }
    for (int &p : m_shifted) {
        if (p < index)
            continue;
        p = delta < 0 && p == index ? -1 : p + delta;
    }
}

void IncrementalDerivation::associationInserted(const Schema &schema, int index)
{
    if (!record(schema))
        return;
    m_derived.associations.clear(); // unshare, so the deriver's copy is not deep-copied
    m_deriver->associationInserted(index);
    shift(index, 1);
}

void IncrementalDerivation::associationRemoved(const Schema &schema, int index,
                                               const Association &removed)
{
    Q_UNUSED(removed); // the deriver remembers which models it touched
    if (!record(schema))
        return;
    m_derived.associations.clear();
    m_deriver->associationRemoved(index);
    shift(index, -1);
}

void IncrementalDerivation::associationChanged(const Schema &schema, int index,
                                               const Association &before)
{
    Q_UNUSED(before);
    if (!record(schema))
        return;
    m_derived.associations.clear();
    m_deriver->associationChanged(index);
}

void IncrementalDerivation::modelInserted(const Schema &schema, int index)
{
    if (record(schema))
        m_deriver->modelInserted(index);
}

void IncrementalDerivation::modelRemoved(const Schema &schema, int index, const Model &removed)
{
    Q_UNUSED(removed);
    if (record(schema))
        m_deriver->modelRemoved(index);
}

void IncrementalDerivation::modelChanged(const Schema &schema, int index, const Model &before)
{
    Q_UNUSED(before);
    if (record(schema))
        m_deriver->modelChanged(index);
}

void IncrementalDerivation::globalOptionsChanged(const Schema &schema)
{
    m_schema = &schema;
    m_replayAllPending = true;
}

} // namespace mc
