#pragma once

#include "derive.h"

#include <memory>

namespace mc {

namespace detail {
class Deriver;
}

/// Keeps what derive() computed, so that adding, removing or changing one
/// association re-derives only the models it touches (its source, target and
/// junction), not the whole schema. Falls back to a full derive() whenever an
/// edit could reach further: a define error before or after, or keys that name
/// attributes associations add.
class IncrementalDerivation
{
public:
    explicit IncrementalDerivation(const Schema &schema);
    ~IncrementalDerivation();
    IncrementalDerivation(const IncrementalDerivation &) = delete;
    IncrementalDerivation &operator=(const IncrementalDerivation &) = delete;

    const DerivedSchema &derived() const { return m_derived; }
    /// Whether the last update replayed only the touched models.
    bool lastUpdateWasIncremental() const { return m_incremental; }

    /// Full replay (after edits to models, attributes or options).
    void reset(const Schema &schema);
    /// `schema.associations[index]` was just inserted.
    void associationInserted(const Schema &schema, int index);
    /// `removed` was at `index` and has just been removed from `schema`.
    void associationRemoved(const Schema &schema, int index, const Association &removed);
    /// `schema.associations[index]` was `before` and has just been replaced.
    void associationChanged(const Schema &schema, int index, const Association &before);

private:
    bool canUpdate() const;
    QVector<int> slotsOf(const Association &a) const;
    void update(const Schema &schema, const QVector<int> &dirty);

    std::unique_ptr<detail::Deriver> m_deriver;
    DerivedSchema m_derived;
    bool m_incremental = false;
};

} // namespace mc
