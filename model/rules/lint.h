#pragma once

#include "io/diagnostic.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QHash>

#include <vector>

namespace mc {

/// Human description of an association call: `User.belongsTo(Picture, as 'ProfilePicture')`.
QString describeAssociation(const Association &a);

/// Problems for people: the define error, every cycle with its fix, and lint about
/// what Sequelize accepts but users regret (unindexed FK columns, accessor names
/// claimed twice, tables shared by two models).
Diagnostics checkSchema(const Schema &schema, const DerivedSchema &derived,
                        const Analysis &analysis, bool strictCycles);

/// checkSchema() kept current across edits for the editor: the problems of one
/// table (unindexed foreign keys, index fields, keys that lose their FK in a cycle)
/// are kept per table and found again only for the tables an incremental
/// derivation rebuilt; those of shadowed accessors are kept per association and
/// found again only when it, or the association claiming the name first, changed.
/// An insertion or removal in the middle only rewrites the indices in the problems
/// that moved, and problems() is updated in place from the first one that changed.
/// problems() always equals what checkSchema() returns for the same arguments.
class Lint
{
public:
    /// Finds every problem again.
    void reset(const Schema &schema, const DerivedSchema &derived, const Analysis &analysis,
               bool strictCycles);
    /// After an incremental derivation: `rebuilt` are the tables it rebuilt
    /// (IncrementalDerivation::lastRebuiltTables()); every other table is as it was,
    /// though it may have moved.
    void update(const Schema &schema, const DerivedSchema &derived, const Analysis &analysis,
                bool strictCycles, const QVector<int> &rebuilt);
    const Diagnostics &problems() const { return m_problems; }

private:
    /// The problems found in one table; `model` and `modelIndex` say whose they are.
    struct TableProblems
    {
        QString model;
        int modelIndex = -1;
        QVector<int> referencingKeys; ///< key columns with REFERENCES (lose it in a cycle)
        QVector<int> keyAssociations; ///< their associations when cyclicKeys was made
        Diagnostics cyclicKeys;       ///< reported only while the schema has a cycle
        Diagnostics indexFields;
        Diagnostics unindexed;
    };
    /// The shadowed-accessor problems of one association, with what they were found
    /// from: its declaration and resolved accessors, and the associations that
    /// claimed the names first (whose own entries hold what they were then).
    struct AccessorProblems
    {
        bool known = false;
        AssociationType type = AssociationType::BelongsTo;
        AliasSpec::Kind as = AliasSpec::Kind::Absent;
        std::optional<QString> through;
        QString source, target, asName, asSingular, asPlural, resolvedSource;
        QStringList shadowed, accessors;
        QVector<int> owners;  ///< per shadowed name: the association claiming it, -1: an attribute
        QVector<int> ownerAt; ///< per shadowed name: where the owner's index is in the message
        int at = -1;          ///< the association's index when its problems were written
        Diagnostics problems;
    };
    bool updateTables(const DerivedSchema &derived, const QVector<int> &rebuilt);
    void realignTables(const DerivedSchema &derived, std::vector<char> &fresh);
    bool updateCyclicKeys(const DerivedSchema &derived);
    bool updateAccessors(const Schema &schema, const DerivedSchema &derived);
    bool alignAccessors(const Schema &schema, const DerivedSchema &derived, std::vector<char> &same,
                        QVector<int> &oldToNew);
    static bool renumber(AccessorProblems &e, int at, const QVector<int> &oldToNew);
    static bool renumber(TableProblems &p, const DerivedTable &table);
    void remember(AccessorProblems &e, const Association &d, const ResolvedAssociation &r) const;
    bool matches(const AccessorProblems &e, const Association &d,
                 const ResolvedAssociation &r) const;
    void assemble(const Diagnostics &head);

    QVector<TableProblems> m_tables;       ///< parallel to the last derived tables
    QVector<AccessorProblems> m_accessors; ///< parallel to the last associations
    /// Parts of the head, concatenated in checkSchema()'s order.
    Diagnostics m_cyclicKeys, m_indexFields;
    bool m_cyclicKeysStale = true;
    /// The first table / association whose problems changed or moved in this update:
    /// m_problems is as it was up to their stretch.
    int m_firstTable = 0, m_firstAccessor = 0;
    int m_headSize = 0;      ///< m_problems' head: define error, cycles, index fields
    int m_accessorCount = 0; ///< then the shadowed accessors; then the unindexed keys
    Diagnostics m_problems;
};

} // namespace mc
