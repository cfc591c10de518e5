#pragma once

#include "domain/schema.h"
#include "io/diagnostic.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

class QUndoStack;

namespace mc {

class IncrementalDerivation;
class Lint;

/// Stable identity of a model or association in an open document: survives
/// renames, reordering, undo and redo. 0 is never a valid id.
using ModelId = quint32;
using AssociationId = quint32;

/// A model's position before or after a move (nullopt: no position).
struct PositionChange
{
    ModelId model = 0;
    std::optional<QPointF> position;
};

/// The open project: the declared Schema, its file path, the undo stack, and what
/// Sequelize derives from it (kept current incrementally after every edit), plus
/// the analysis and the problems. Views read it and listen to its signals; every
/// change goes through a QUndoCommand from model/commands, which calls the
/// primitives below between beginEdit() and endEdit().
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // ---- the whole document ---------------------------------------------------
    /// Replaces the whole document (New, Open, Revert, recovery): fresh ids, an empty
    /// undo stack, clean. \a loadWarnings are the loader's, shown with the problems.
    void reset(Schema schema, const QString &path = QString(),
               const Diagnostics &loadWarnings = Diagnostics());
    /// Reads \a path; on success reset()s to it. On failure nothing changes and
    /// \a diagnostics (if given) holds every problem.
    bool load(const QString &path, Diagnostics *diagnostics = nullptr);
    /// Writes the canonical file atomically; on success the path becomes \a path and
    /// the undo stack is marked clean. On failure *error names the path and reason.
    bool save(const QString &path, QString *error = nullptr);

    QString path() const { return m_path; }
    /// The undo stack is not at its clean index (the saved state).
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undoStack.get(); }

    const Schema &schema() const { return m_schema; }
    const DerivedSchema &derived() const;
    const Analysis &analysis() const { return m_analysis; }
    /// Loader warnings, the define error, cycles and lint (checkSchema()).
    const Diagnostics &problems() const;

    /// Editor state saved with the file (`view`: zoom, centre); not undoable and
    /// does not make the document modified.
    void setView(std::optional<JsonValue> view) { m_schema.view = std::move(view); }

    // ---- ids --------------------------------------------------------------------
    int modelCount() const { return m_schema.models.size(); }
    ModelId modelIdAt(int index) const { return m_modelIds.value(index); }
    int indexOfModel(ModelId id) const;               ///< -1 when absent
    const Model *model(ModelId id) const;             ///< nullptr when absent
    ModelId modelIdByName(const QString &name) const; ///< 0 when absent
    int associationCount() const { return m_schema.associations.size(); }
    AssociationId associationIdAt(int index) const { return m_associationIds.value(index); }
    int indexOfAssociation(AssociationId id) const;
    const Association *association(AssociationId id) const;
    /// Associations whose source, target or `through` names the model.
    QVector<AssociationId> associationsOf(ModelId id) const;
    /// Index in derived().tables of the model's table, -1 (define error, absent).
    int tableOf(ModelId id) const;
    /// The derived result of an association (check `applied`), nullptr when absent.
    const ResolvedAssociation *resolved(AssociationId id) const;

    // ---- primitives, for model/commands only ------------------------------------
    // Each applies at once; derivation, analysis and signals run at the outermost
    // endEdit(). \a index is a position in the array (the order is meaningful).
    ModelId newModelId() { return ++m_lastModelId; }
    AssociationId newAssociationId() { return ++m_lastAssociationId; }
    void beginEdit();
    void endEdit();
    void insertModel(ModelId id, int index, const Model &model);
    void removeModel(ModelId id);
    void setModel(ModelId id, const Model &model);
    void insertAssociation(AssociationId id, int index, const Association &association);
    void removeAssociation(AssociationId id);
    void setAssociation(AssociationId id, const Association &association);
    void setPositions(const QVector<PositionChange> &changes);
    void setGlobalOptions(const ModelOptions &options, bool hasOptions);

Q_SIGNALS:
    /// Everything was replaced (reset(), load()): views rebuild from scratch.
    void documentReset();
    void modelAdded(mc::ModelId id);
    void modelRemoved(mc::ModelId id);
    void modelChanged(mc::ModelId id);
    void associationAdded(mc::AssociationId id);
    void associationRemoved(mc::AssociationId id);
    void associationChanged(mc::AssociationId id);
    void globalOptionsChanged();
    void positionsChanged(const QVector<mc::ModelId> &ids);
    /// After an edit's derivation: \a tables (indices into derived().tables) were
    /// rebuilt; \a all means every table may have changed (indices may have moved,
    /// junctions come and gone). Emitted after the model/association signals.
    void derivedChanged(const QVector<int> &tables, bool all);
    /// The analysis (order, cycles) and the problems are current again.
    void analysisChanged();
    void pathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void refreshProblems(bool incremental);
    void rebuildIndexLookups() const;

    Schema m_schema;
    QString m_path;
    Diagnostics m_loadWarnings;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<IncrementalDerivation> m_derivation;
    std::unique_ptr<Lint> m_lint;
    Analysis m_analysis;
    Diagnostics m_problems;

    QVector<ModelId> m_modelIds;             ///< parallel to m_schema.models
    QVector<AssociationId> m_associationIds; ///< parallel to m_schema.associations
    mutable QHash<ModelId, int> m_modelIndex;
    mutable QHash<AssociationId, int> m_associationIndex;
    mutable QHash<QString, ModelId> m_modelByName; ///< first model of each name
    mutable bool m_lookupsStale = true;
    ModelId m_lastModelId = 0;
    AssociationId m_lastAssociationId = 0;

    // The edit in progress (between beginEdit() and endEdit()).
    struct PendingEdit;
    std::unique_ptr<PendingEdit> m_pending;
    int m_editDepth = 0;
};

} // namespace mc
