#include "problemresolver.h"

#include "commands/commands.h"
#include "rules/lint.h"

#include <QRegularExpression>
#include <QUndoStack>

namespace mc {

namespace {

template <typename T> void appendUnique(QVector<T> &list, T value)
{
    if (value != 0 && !list.contains(value))
        list.append(value);
}

} // namespace

bool ProblemResolver::isCycle(const Diagnostic &diagnostic)
{
    return diagnostic.message.startsWith(QLatin1String("FK cycle"));
}

ResolvedProblem ProblemResolver::resolve(const Diagnostic &diagnostic, int cycle) const
{
    ResolvedProblem out;
    if (cycle >= 0)
        resolveCycle(cycle, out);
    else
        resolvePath(diagnostic.path, out);
    resolveIndexFix(diagnostic, out);
    return out;
}

void ProblemResolver::resolvePath(const QString &path, ResolvedProblem &out) const
{
    static const QRegularExpression head(QStringLiteral("^(models|associations)\\[(\\d+)\\]"));
    const QRegularExpressionMatch m = head.match(path);
    if (!m.hasMatch())
        return;
    const int index = m.captured(2).toInt();
    if (m.captured(1) == QLatin1String("models")) {
        if (index < m_document->modelCount())
            appendUnique(out.models, m_document->modelIdAt(index));
    } else if (index < m_document->associationCount()) {
        appendUnique(out.associations, m_document->associationIdAt(index));
    }
}

void ProblemResolver::resolveCycle(int cycle, ResolvedProblem &out) const
{
    const QVector<Cycle> &cycles = m_document->analysis().cycles;
    if (cycle >= cycles.size())
        return;
    const Cycle &c = cycles[cycle];
    const QVector<DerivedTable> &tables = m_document->derived().tables;
    for (const QString &name : c.tables) {
        const int t = m_document->derived().tableIndexByName(name);
        const int model = t >= 0 && t < tables.size() ? tables[t].modelIndex : -1;
        if (model >= 0 && model < m_document->modelCount())
            appendUnique(out.models, m_document->modelIdAt(model));
    }
    // The suggested fix (the one association that breaks the cycle alone) comes first.
    QVector<int> order = c.associations;
    if (c.suggestedFix >= 0 && order.removeOne(c.suggestedFix))
        order.prepend(c.suggestedFix);
    const Schema &schema = m_document->schema();
    for (int a : order) {
        if (a < 0 || a >= schema.associations.size())
            continue;
        const AssociationId id = m_document->associationIdAt(a);
        appendUnique(out.associations, id);
        QuickFix fix;
        fix.kind = QuickFix::Kind::ConstraintsFalse;
        fix.association = id;
        fix.text = QStringLiteral("Set constraints: false on %1")
                       .arg(describeAssociation(schema.associations[a]));
        out.fixes << fix;
    }
}

void ProblemResolver::resolveIndexFix(const Diagnostic &diagnostic, ResolvedProblem &out) const
{
    // The unindexed-FK lint names its fix in a fixed form (rules/lint.cpp).
    static const QRegularExpression fixText(QStringLiteral(
        "fix: add \\{\"fields\": \\[\"(.+)\"\\]\\} to models\\[(\\d+)\\]\\.indexes$"));
    if (!diagnostic.message.contains(QLatin1String("has no index")))
        return;
    const QRegularExpressionMatch m = fixText.match(diagnostic.message);
    if (!m.hasMatch())
        return;
    const int index = m.captured(2).toInt();
    if (index >= m_document->modelCount())
        return;
    QuickFix fix;
    fix.kind = QuickFix::Kind::AddIndex;
    fix.model = m_document->modelIdAt(index);
    fix.column = m.captured(1);
    fix.text = QStringLiteral("Add an index on %1").arg(fix.column);
    out.fixes << fix;
}

bool ProblemResolver::apply(const QuickFix &fix) const
{
    Document *document = m_document;
    EditCommand *command = nullptr;
    switch (fix.kind) {
    case QuickFix::Kind::ConstraintsFalse:
        if (document->association(fix.association))
            command = constraintsFalseCommand(document, fix.association);
        break;
    case QuickFix::Kind::AddIndex:
        if (document->model(fix.model))
            command = addIndexCommand(document, fix.model, {fix.column});
        break;
    }
    if (!command)
        return false;
    document->undoStack()->push(command);
    return true;
}

} // namespace mc
