#pragma once

#include "document/document.h"

#include <QUndoCommand>

#include <variant>

namespace mc {

/// One undo step: a list of primitive edits on a Document, each holding stable ids
/// and its before/after values, never pointers or indices. redo() applies them in
/// order, undo() reverts them in reverse, both inside one Document edit (one
/// derivation, one round of signals). Consecutive commands with the same non-empty
/// merge key (typing in one field) merge into one step.
class EditCommand : public QUndoCommand
{
public:
    EditCommand(Document *document, const QString &text);

    // Recording: each call describes an edit of the document as it will be when the
    // edits recorded before it have run. Nothing applies until redo().
    /// Inserts before the model \a beforeId (0: at the end); returns the new id.
    ModelId insertModel(const Model &model, ModelId beforeId = 0);
    void removeModel(ModelId id);
    void setModel(ModelId id, const Model &after);
    AssociationId insertAssociation(const Association &association, AssociationId beforeId = 0);
    void removeAssociation(AssociationId id);
    void setAssociation(AssociationId id, const Association &after);
    void setPositions(const QVector<PositionChange> &before, const QVector<PositionChange> &after);
    void setGlobalOptions(const ModelOptions &after, bool hasOptions);

    /// Consecutive pushes of commands with this key merge into one undo step.
    void setMergeKey(const QString &key) { m_mergeKey = key; }
    QString mergeKey() const { return m_mergeKey; }
    bool isEmpty() const { return m_steps.isEmpty(); }
    /// Ids this command creates (in recording order).
    QVector<ModelId> createdModels() const;
    QVector<AssociationId> createdAssociations() const;

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    struct ModelStep
    {
        enum Kind { Insert, Remove, Set } kind;
        ModelId id;
        ModelId beforeId; ///< Insert/Remove: the model that follows it, 0 at the end
        Model before;     ///< Remove, Set
        Model after;      ///< Insert, Set
    };
    struct AssociationStep
    {
        enum Kind { Insert, Remove, Set } kind;
        AssociationId id;
        AssociationId beforeId;
        Association before;
        Association after;
    };
    struct PositionsStep
    {
        QVector<PositionChange> before;
        QVector<PositionChange> after;
    };
    struct OptionsStep
    {
        ModelOptions before;
        bool hadOptions;
        ModelOptions after;
        bool hasOptions;
    };
    using Step = std::variant<ModelStep, AssociationStep, PositionsStep, OptionsStep>;

    void apply(const Step &step, bool forward);
    /// The state the recorded steps leave (for recording the next one).
    const Model *recordedModel(ModelId id) const;
    const Association *recordedAssociation(AssociationId id) const;
    ModelId recordedModelAfter(ModelId id) const;
    AssociationId recordedAssociationAfter(AssociationId id) const;

    Document *m_document;
    QVector<Step> m_steps;
    QString m_mergeKey;
};

} // namespace mc
