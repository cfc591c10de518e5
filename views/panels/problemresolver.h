#pragma once

#include "document/document.h"

#include <QString>
#include <QVector>

namespace mc {

/// One undoable repair a problem offers.
struct QuickFix
{
    enum class Kind { ConstraintsFalse, AddIndex };

    Kind kind = Kind::ConstraintsFalse;
    QString text;                  ///< button / menu text
    AssociationId association = 0; ///< ConstraintsFalse
    ModelId model = 0;             ///< AddIndex: the model holding the column
    QString column;                ///< AddIndex
};

/// What a problem names in the document, and how it can be fixed.
struct ResolvedProblem
{
    QVector<ModelId> models;
    QVector<AssociationId> associations;
    QVector<QuickFix> fixes;
};

/// Maps a diagnostic of Document::problems() to the ids of what it names (its JSON
/// path: `models[1].attributes[0]`, `associations[3].as`; for an FK cycle the tables
/// and associations of Analysis::cycles) and to its quick fixes. Resolved on demand
/// against the document as it is now, so a list of thousands costs nothing until a
/// row is shown or activated.
class ProblemResolver
{
public:
    explicit ProblemResolver(Document *document) : m_document(document) {}

    /// \a cycle is the ordinal of the diagnostic among the cycle warnings (the checker
    /// writes one per Analysis::cycles entry, in order), -1 when it is no cycle.
    ResolvedProblem resolve(const Diagnostic &diagnostic, int cycle) const;
    /// Runs \a fix as one undoable command on the document's stack; false when the
    /// document no longer has what it names.
    bool apply(const QuickFix &fix) const;

    /// The checker words every cycle warning this way (rules/lint.cpp).
    static bool isCycle(const Diagnostic &diagnostic);

private:
    void resolvePath(const QString &path, ResolvedProblem &out) const;
    void resolveCycle(int cycle, ResolvedProblem &out) const;
    void resolveIndexFix(const Diagnostic &diagnostic, ResolvedProblem &out) const;

    Document *m_document;
};

} // namespace mc
