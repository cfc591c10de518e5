#include "editcommand.h"

namespace mc {

namespace {
constexpr int kMergeableId = 0x4d43; // any non-negative id; the merge key decides
} // namespace

EditCommand::EditCommand(Document *document, const QString &text) : m_document(document)
{
    setText(text);
}

// ---- recording -------------------------------------------------------------------

const Model *EditCommand::recordedModel(ModelId id) const
{
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it) {
        if (const auto *s = std::get_if<ModelStep>(&*it); s && s->id == id)
            return s->kind == ModelStep::Remove ? nullptr : &s->after;
    }
    return m_document->model(id);
}

const Association *EditCommand::recordedAssociation(AssociationId id) const
{
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it) {
        if (const auto *s = std::get_if<AssociationStep>(&*it); s && s->id == id)
            return s->kind == AssociationStep::Remove ? nullptr : &s->after;
    }
    return m_document->association(id);
}

ModelId EditCommand::recordedModelAfter(ModelId id) const
{
    // The next model in document order that the recorded steps have not removed.
    // Undo re-inserts in reverse order, so each removed model finds its follower.
    for (int i = m_document->indexOfModel(id) + 1; i > 0 && i < m_document->modelCount(); ++i) {
        const ModelId next = m_document->modelIdAt(i);
        if (recordedModel(next))
            return next;
    }
    return 0;
}

AssociationId EditCommand::recordedAssociationAfter(AssociationId id) const
{
    const int count = m_document->associationCount();
    for (int i = m_document->indexOfAssociation(id) + 1; i > 0 && i < count; ++i) {
        const AssociationId next = m_document->associationIdAt(i);
        if (recordedAssociation(next))
            return next;
    }
    return 0;
}

ModelId EditCommand::insertModel(const Model &model, ModelId beforeId)
{
    const ModelId id = m_document->newModelId();
    m_steps << ModelStep{ModelStep::Insert, id, beforeId, Model(), model};
    return id;
}

void EditCommand::removeModel(ModelId id)
{
    if (const Model *m = recordedModel(id))
        m_steps << ModelStep{ModelStep::Remove, id, recordedModelAfter(id), *m, Model()};
}

void EditCommand::setModel(ModelId id, const Model &after)
{
    if (const Model *m = recordedModel(id))
        m_steps << ModelStep{ModelStep::Set, id, 0, *m, after};
}

AssociationId EditCommand::insertAssociation(const Association &association,
                                             AssociationId beforeId)
{
    const AssociationId id = m_document->newAssociationId();
    m_steps << AssociationStep{AssociationStep::Insert, id, beforeId, Association(), association};
    return id;
}

void EditCommand::removeAssociation(AssociationId id)
{
    if (const Association *a = recordedAssociation(id))
        m_steps << AssociationStep{AssociationStep::Remove, id, recordedAssociationAfter(id), *a,
                                   Association()};
}

void EditCommand::setAssociation(AssociationId id, const Association &after)
{
    if (const Association *a = recordedAssociation(id))
        m_steps << AssociationStep{AssociationStep::Set, id, 0, *a, after};
}

void EditCommand::setPositions(const QVector<PositionChange> &before,
                               const QVector<PositionChange> &after)
{
    m_steps << PositionsStep{before, after};
}

void EditCommand::setGlobalOptions(const ModelOptions &after, bool hasOptions)
{
    const Schema &s = m_document->schema();
    m_steps << OptionsStep{s.options, s.hasOptions, after, hasOptions};
}

QVector<ModelId> EditCommand::createdModels() const
{
    QVector<ModelId> out;
    for (const Step &step : m_steps) {
        if (const auto *s = std::get_if<ModelStep>(&step); s && s->kind == ModelStep::Insert)
            out << s->id;
    }
    return out;
}

QVector<AssociationId> EditCommand::createdAssociations() const
{
    QVector<AssociationId> out;
    for (const Step &step : m_steps) {
        if (const auto *s = std::get_if<AssociationStep>(&step);
            s && s->kind == AssociationStep::Insert)
            out << s->id;
    }
    return out;
}

// ---- running ---------------------------------------------------------------------

void EditCommand::apply(const Step &step, bool forward)
{
    Document *d = m_document;
    if (const auto *s = std::get_if<ModelStep>(&step)) {
        const bool inserting = (s->kind == ModelStep::Insert) == forward;
        if (s->kind == ModelStep::Set) {
            d->setModel(s->id, forward ? s->after : s->before);
        } else if (inserting) {
            const int at = s->beforeId ? d->indexOfModel(s->beforeId) : -1;
            d->insertModel(s->id, at < 0 ? d->modelCount() : at,
                           s->kind == ModelStep::Insert ? s->after : s->before);
        } else {
            d->removeModel(s->id);
        }
    } else if (const auto *s = std::get_if<AssociationStep>(&step)) {
        const bool inserting = (s->kind == AssociationStep::Insert) == forward;
        if (s->kind == AssociationStep::Set) {
            d->setAssociation(s->id, forward ? s->after : s->before);
        } else if (inserting) {
            const int at = s->beforeId ? d->indexOfAssociation(s->beforeId) : -1;
            d->insertAssociation(s->id, at < 0 ? d->associationCount() : at,
                                 s->kind == AssociationStep::Insert ? s->after : s->before);
        } else {
            d->removeAssociation(s->id);
        }
    } else if (const auto *s = std::get_if<PositionsStep>(&step)) {
        d->setPositions(forward ? s->after : s->before);
    } else if (const auto *s = std::get_if<OptionsStep>(&step)) {
        d->setGlobalOptions(forward ? s->after : s->before,
                            forward ? s->hasOptions : s->hadOptions);
    }
}

void EditCommand::redo()
{
    m_document->beginEdit();
    for (const Step &step : std::as_const(m_steps))
        apply(step, true);
    m_document->endEdit();
}

void EditCommand::undo()
{
    m_document->beginEdit();
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it)
        apply(*it, false);
    m_document->endEdit();
}

int EditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kMergeableId;
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const EditCommand *>(other);
    if (!o || o->m_document != m_document || m_mergeKey.isEmpty() || o->m_mergeKey != m_mergeKey)
        return false;
    // Same field of the same object: keep the first before, take the latest after.
    for (const Step &step : o->m_steps) {
        bool merged = false;
        for (Step &mine : m_steps) {
            if (auto *m = std::get_if<ModelStep>(&mine)) {
                const auto *s = std::get_if<ModelStep>(&step);
                if (s && m->kind == ModelStep::Set && s->kind == ModelStep::Set && m->id == s->id) {
                    m->after = s->after;
                    merged = true;
                    break;
                }
            } else if (auto *a = std::get_if<AssociationStep>(&mine)) {
                const auto *s = std::get_if<AssociationStep>(&step);
                if (s && a->kind == AssociationStep::Set && s->kind == AssociationStep::Set &&
                    a->id == s->id) {
                    a->after = s->after;
                    merged = true;
                    break;
                }
            } else if (auto *p = std::get_if<OptionsStep>(&mine)) {
                if (const auto *s = std::get_if<OptionsStep>(&step)) {
                    p->after = s->after;
                    p->hasOptions = s->hasOptions;
                    merged = true;
                    break;
                }
            }
        }
        if (!merged)
            m_steps << step;
    }
    setText(o->text());
    return true;
}

} // namespace mc
