#pragma once

#include "derive.h"

#include <memory>
#include <vector>

namespace mc {

namespace detail {
class Deriver;
}

/// Keeps what derive() computed, so that an edit re-derives only what it touches:
/// an association edit its source, target and junction; a model edit that model,
/// plus the models at the other end of its associations when what they read of it
/// (names, table, key attributes) changed. Falls back to a full derive() whenever
/// an edit could reach further: a define error before or after, keys that name
/// attributes associations add, two models of one name, global options.
///
/// The edit calls only record what changed. The replay runs when the result is
/// next read (derived(), lastUpdateWasIncremental(), lastRebuiltTables()), once for
/// all the calls since the last read, against the schema passed to the last call,
/// which must still be alive then. So an edit that changes several things (a
/// rename and the associations it rewrites, a model deleted with its associations)
/// makes one call per change, in the order the changes were made, each right after
/// its change, and reads the result once at the end.
class IncrementalDerivation
{
public:
    explicit IncrementalDerivation(const Schema &schema);
    ~IncrementalDerivation();
    IncrementalDerivation(const IncrementalDerivation &) = delete;
    IncrementalDerivation &operator=(const IncrementalDerivation &) = delete;

    const DerivedSchema &derived() const;
    /// Whether the last update replayed only the touched models.
    bool lastUpdateWasIncremental() const;
    /// Indices into derived().tables rebuilt by the last update, ascending. Tables not
    /// listed kept their content, though after a model or junction came or went their
    /// index may have shifted. Meaningless when !lastUpdateWasIncremental(): then
    /// everything may have changed.
    QVector<int> lastRebuiltTables() const;

    /// Full replay, at once.
    void reset(const Schema &schema);
    /// `schema.associations[index]` was just inserted.
    void associationInserted(const Schema &schema, int index);
    /// `removed` was at `index` and has just been removed from `schema`.
    void associationRemoved(const Schema &schema, int index, const Association &removed);
    /// `schema.associations[index]` was `before` and has just been replaced.
    void associationChanged(const Schema &schema, int index, const Association &before);
    /// `schema.models[index]` was just inserted.
    void modelInserted(const Schema &schema, int index);
    /// `removed` was at `index` and has just been removed from `schema`.
    void modelRemoved(const Schema &schema, int index, const Model &removed);
    /// `schema.models[index]` was `before` and has just been replaced (any property,
    /// a rename included).
    void modelChanged(const Schema &schema, int index, const Model &before);
    /// The global options changed: every model may change, so this replays everything.
    void globalOptionsChanged(const Schema &schema);

private:
    bool record(const Schema &schema);
    void shift(int index, int delta);
    void flush() const;
    void replayAll(const Schema &schema) const;

    // The replay is deferred to the next read, so the readers (const) apply it.
    mutable std::unique_ptr<detail::Deriver> m_deriver;
    mutable DerivedSchema m_derived;
    mutable QVector<int> m_rebuilt;
    mutable bool m_incremental = false;
    mutable bool m_replayAllPending = false;
    /// Per association of the last result, its index after the recorded insertions
    /// and removals (empty: none); the result's columns are renumbered once.
    mutable std::vector<int> m_shifted;
    const Schema *m_schema = nullptr; ///< of the last call, until the next read
};

} // namespace mc
