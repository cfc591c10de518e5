#include "document.h"

#include "io/schemareader.h"
#include "io/schemawriter.h"
#include "rules/incremental.h"
#include "rules/lint.h"

#include <QUndoStack>
#include <utility>

namespace mc {

/// What the edit in progress changed, for the derivation and the signals at its end.
struct Document::PendingEdit
{
    bool optionsChanged = false;
    bool derivationTouched = false; ///< anything but positions changed
    QVector<ModelId> addedModels, removedModels, changedModels;
    QVector<AssociationId> addedAssociations, removedAssociations, changedAssociations;
    QVector<ModelId> moved;
};

Document::Document(QObject *parent)
    : QObject(parent), m_undoStack(std::make_unique<QUndoStack>()),
      m_derivation(std::make_unique<IncrementalDerivation>(Schema())),
      m_lint(std::make_unique<Lint>())
{
    connect(m_undoStack.get(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    reset(Schema());
}

Document::~Document()
{
    // The stack announces its clearing when it goes, after this document's lookups
    // are gone: views listening to it must not come back here then.
    m_undoStack->blockSignals(true);
}

void Document::reset(Schema schema, const QString &path, const Diagnostics &loadWarnings)
{
    const bool wasModified = isModified();
    m_undoStack->clear();
    m_schema = std::move(schema);
    m_loadWarnings = loadWarnings;
    m_modelIds.clear();
    m_associationIds.clear();
    for (int i = 0; i < m_schema.models.size(); ++i)
        m_modelIds << newModelId();
    for (int i = 0; i < m_schema.associations.size(); ++i)
        m_associationIds << newAssociationId();
    m_lookupsStale = true;
    m_pending.reset();
    m_editDepth = 0;
    m_derivation->reset(m_schema);
    m_analysis = analyse(m_derivation->derived());
    refreshProblems(false);
    const bool pathChangedNow = m_path != path;
    m_path = path;
    Q_EMIT documentReset();
    Q_EMIT analysisChanged();
    if (pathChangedNow)
        Q_EMIT pathChanged(m_path);
    if (wasModified)
        Q_EMIT modifiedChanged(false);
}

bool Document::load(const QString &path, Diagnostics *diagnostics)
{
    LoadResult result = readSchemaFile(path);
    if (diagnostics)
        *diagnostics = result.diagnostics;
    if (!result.schema)
        return false;
    reset(std::move(*result.schema), path, result.diagnostics);
    return true;
}

bool Document::save(const QString &path, QString *error)
{
    if (!saveSchemaFile(m_schema, path, error))
        return false;
    m_undoStack->setClean();
    if (m_path != path) {
        m_path = path;
        Q_EMIT pathChanged(m_path);
    }
    return true;
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

const DerivedSchema &Document::derived() const
{
    return m_derivation->derived();
}

// ---- ids -------------------------------------------------------------------------

void Document::rebuildIndexLookups() const
{
    if (!m_lookupsStale)
        return;
    m_modelIndex.clear();
    m_modelIndex.reserve(m_modelIds.size());
    m_modelByName.clear();
    m_modelByName.reserve(m_modelIds.size());
    // Backwards, so that the first model of a name (Schema::modelIndex()) wins.
    for (int i = m_modelIds.size() - 1; i >= 0; --i) {
        m_modelIndex.insert(m_modelIds[i], i);
        m_modelByName.insert(m_schema.models[i].name, m_modelIds[i]);
    }
    m_associationIndex.clear();
    m_associationIndex.reserve(m_associationIds.size());
    for (int i = 0; i < m_associationIds.size(); ++i)
        m_associationIndex.insert(m_associationIds[i], i);
    m_lookupsStale = false;
}

int Document::indexOfModel(ModelId id) const
{
    rebuildIndexLookups();
    return m_modelIndex.value(id, -1);
}

const Model *Document::model(ModelId id) const
{
    const int i = indexOfModel(id);
    return i < 0 ? nullptr : &m_schema.models[i];
}

ModelId Document::modelIdByName(const QString &name) const
{
    rebuildIndexLookups();
    return m_modelByName.value(name, 0);
}

int Document::indexOfAssociation(AssociationId id) const
{
    rebuildIndexLookups();
    return m_associationIndex.value(id, -1);
}

const Association *Document::association(AssociationId id) const
{
    const int i = indexOfAssociation(id);
    return i < 0 ? nullptr : &m_schema.associations[i];
}

QVector<AssociationId> Document::associationsOf(ModelId id) const
{
    QVector<AssociationId> out;
    const Model *m = model(id);
    if (!m)
        return out;
    for (int i = 0; i < m_schema.associations.size(); ++i) {
        const Association &a = m_schema.associations[i];
        if (a.source == m->name || a.target == m->name || (a.through && *a.through == m->name))
            out << m_associationIds[i];
    }
    return out;
}

int Document::tableOf(ModelId id) const
{
    const Model *m = model(id);
    return m ? derived().tableIndexByModel(m->name) : -1;
}

const ResolvedAssociation *Document::resolved(AssociationId id) const
{
    const int i = indexOfAssociation(id);
    const DerivedSchema &d = derived();
    return i < 0 || i >= d.associations.size() ? nullptr : &d.associations[i];
}

// ---- edits -----------------------------------------------------------------------

void Document::beginEdit()
{
    if (m_editDepth++ == 0)
        m_pending = std::make_unique<PendingEdit>();
}

void Document::insertModel(ModelId id, int index, const Model &model)
{
    Q_ASSERT(m_pending);
    m_schema.models.insert(index, model);
    m_modelIds.insert(index, id);
    m_lookupsStale = true;
    m_lastModelId = std::max(m_lastModelId, id);
    m_pending->addedModels << id;
    m_pending->derivationTouched = true;
    m_derivation->modelInserted(m_schema, index);
}

void Document::removeModel(ModelId id)
{
    Q_ASSERT(m_pending);
    const int index = indexOfModel(id);
    if (index < 0)
        return;
    const Model removed = m_schema.models.takeAt(index);
    m_modelIds.removeAt(index);
    m_lookupsStale = true;
    if (!m_pending->addedModels.removeOne(id))
        m_pending->removedModels << id;
    m_pending->changedModels.removeOne(id);
    m_pending->derivationTouched = true;
    m_derivation->modelRemoved(m_schema, index, removed);
}

void Document::setModel(ModelId id, const Model &model)
{
    Q_ASSERT(m_pending);
    const int index = indexOfModel(id);
    if (index < 0)
        return;
    const Model before = std::exchange(m_schema.models[index], model);
    if (before.name != model.name)
        m_lookupsStale = true;
    if (!m_pending->changedModels.contains(id) && !m_pending->addedModels.contains(id))
        m_pending->changedModels << id;
    m_pending->derivationTouched = true;
    m_derivation->modelChanged(m_schema, index, before);
}

void Document::insertAssociation(AssociationId id, int index, const Association &association)
{
    Q_ASSERT(m_pending);
    m_schema.associations.insert(index, association);
    m_associationIds.insert(index, id);
    m_lookupsStale = true;
    m_lastAssociationId = std::max(m_lastAssociationId, id);
    m_pending->addedAssociations << id;
    m_pending->derivationTouched = true;
    m_derivation->associationInserted(m_schema, index);
}

void Document::removeAssociation(AssociationId id)
{
    Q_ASSERT(m_pending);
    const int index = indexOfAssociation(id);
    if (index < 0)
        return;
    const Association removed = m_schema.associations.takeAt(index);
    m_associationIds.removeAt(index);
    m_lookupsStale = true;
    if (!m_pending->addedAssociations.removeOne(id))
        m_pending->removedAssociations << id;
    m_pending->changedAssociations.removeOne(id);
    m_pending->derivationTouched = true;
    m_derivation->associationRemoved(m_schema, index, removed);
}

void Document::setAssociation(AssociationId id, const Association &association)
{
    Q_ASSERT(m_pending);
    const int index = indexOfAssociation(id);
    if (index < 0)
        return;
    const Association before = std::exchange(m_schema.associations[index], association);
    if (!m_pending->changedAssociations.contains(id) && !m_pending->addedAssociations.contains(id))
        m_pending->changedAssociations << id;
    m_pending->derivationTouched = true;
    m_derivation->associationChanged(m_schema, index, before);
}

void Document::setPositions(const QVector<PositionChange> &changes)
{
    Q_ASSERT(m_pending);
    for (const PositionChange &c : changes) {
        const int index = indexOfModel(c.model);
        if (index < 0)
            continue;
        m_schema.models[index].position = c.position;
        if (!m_pending->moved.contains(c.model))
            m_pending->moved << c.model;
    }
}

void Document::setGlobalOptions(const ModelOptions &options, bool hasOptions)
{
    Q_ASSERT(m_pending);
    m_schema.options = options;
    m_schema.hasOptions = hasOptions;
    m_pending->optionsChanged = true;
    m_pending->derivationTouched = true;
    m_derivation->globalOptionsChanged(m_schema);
}

void Document::endEdit()
{
    Q_ASSERT(m_editDepth > 0);
    if (--m_editDepth > 0)
        return;
    const std::unique_ptr<PendingEdit> edit = std::move(m_pending);
    // The derivation replays what the steps recorded once, here, at the first read.
    bool incremental = false;
    if (edit->derivationTouched) {
        m_analysis = analyse(derived());
        incremental = m_derivation->lastUpdateWasIncremental();
        refreshProblems(incremental);
    }

    for (ModelId id : edit->removedModels)
        Q_EMIT modelRemoved(id);
    for (AssociationId id : edit->removedAssociations)
        Q_EMIT associationRemoved(id);
    for (ModelId id : edit->addedModels)
        Q_EMIT modelAdded(id);
    for (ModelId id : edit->changedModels)
        Q_EMIT modelChanged(id);
    if (edit->optionsChanged)
        Q_EMIT globalOptionsChanged();
    for (AssociationId id : edit->addedAssociations)
        Q_EMIT associationAdded(id);
    for (AssociationId id : edit->changedAssociations)
        Q_EMIT associationChanged(id);
    if (!edit->moved.isEmpty())
        Q_EMIT positionsChanged(edit->moved);
    if (!edit->derivationTouched)
        return;

    if (incremental)
        Q_EMIT derivedChanged(m_derivation->lastRebuiltTables(), false);
    else
        Q_EMIT derivedChanged({}, true);
    Q_EMIT analysisChanged();
}

void Document::refreshProblems(bool incremental)
{
    // Lint keeps the problems of the tables an incremental update did not rebuild.
    if (incremental)
        m_lint->update(m_schema, derived(), m_analysis, false, m_derivation->lastRebuiltTables());
    else
        m_lint->reset(m_schema, derived(), m_analysis, false);
    // Lint updates its list in place: a copy held here would make it copy 35,000
    // problems at 10,000 models on every edit, so one is made only for load warnings.
    m_problems = m_loadWarnings.isEmpty() ? Diagnostics() : m_loadWarnings + m_lint->problems();
}

const Diagnostics &Document::problems() const
{
    return m_loadWarnings.isEmpty() ? m_lint->problems() : m_problems;
}

} // namespace mc
