#pragma once

#include "derive.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace mc {

/// One FK dependency: `fromTable.column` REFERENCES `toTable`.
struct DependencyEdge
{
    int from = -1; ///< index into DerivedSchema::tables
    int to = -1;
    QString column;
    int associationIndex = -1; ///< association that created the column, -1 if declared
};

/// A strongly connected component of the FK graph with more than one table.
struct Cycle
{
    QStringList tables;            ///< in definition order
    QVector<DependencyEdge> edges; ///< FK edges inside the component
    QVector<int> associations;     ///< associations whose FKs form it (sorted)
    int suggestedFix = -1;         ///< association to give `constraints: false`, -1 if none
};

/// Creation order and cycles, computed exactly as Sequelize does (spec §7).
struct Analysis
{
    QStringList order;         ///< CREATE TABLE order (definition order when cyclic)
    QStringList toposortOrder; ///< empty when cyclic
    QString toposortError;     ///< Sequelize <= 6.19 message for the first cycle, or empty
    QVector<Cycle> cycles;     ///< every cycle (strongly connected component)

    bool cyclic() const { return !toposortError.isEmpty(); }
};

/// Runs Sequelize's depth-first sort over the FK graph and finds all cycles.
Analysis analyse(const DerivedSchema &derived);

} // namespace mc
