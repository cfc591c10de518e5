#include "commands.h"

#include "io/schemareader.h"
#include "io/schemawriter.h"
#include "rules/lint.h"

#include <QHash>
#include <QSet>

namespace mc {

namespace {

bool nameTaken(const Document &document, const QSet<QString> &extra, const QString &name)
{
    return extra.contains(name) || document.modelIdByName(name) != 0;
}

QString freshName(const Document &document, const QSet<QString> &extra, const QString &base)
{
    if (!nameTaken(document, extra, base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QString::number(n);
        if (!nameTaken(document, extra, candidate))
            return candidate;
    }
}

/// \a a with every mention of the model \a from renamed to \a to.
Association renamedIn(Association a, const QString &from, const QString &to)
{
    if (a.source == from)
        a.source = to;
    if (a.target == from)
        a.target = to;
    if (a.through && *a.through == from)
        a.through = to;
    return a;
}

bool mentions(const Association &a, const QString &model)
{
    return a.source == model || a.target == model || (a.through && *a.through == model);
}

} // namespace

QString freshModelName(const Document &document, const QString &base)
{
    return freshName(document, {}, base);
}

EditCommand *addModelCommand(Document *document, const QPointF &position, const QString &name)
{
    Model m;
    m.name = name.isEmpty() ? freshModelName(*document) : name;
    m.position = position;
    auto *cmd = new EditCommand(document, QObject::tr("Add model %1").arg(m.name));
    cmd->insertModel(m);
    return cmd;
}

EditCommand *addAssociationCommand(Document *document, const Association &association)
{
    auto *cmd =
        new EditCommand(document, QObject::tr("Add %1").arg(describeAssociation(association)));
    cmd->insertAssociation(association);
    return cmd;
}

EditCommand *deleteCommand(Document *document, const QVector<ModelId> &models,
                           const QVector<AssociationId> &associations)
{
    QVector<AssociationId> doomed;
    for (AssociationId id : associations) {
        if (document->association(id) && !doomed.contains(id))
            doomed << id;
    }
    QVector<ModelId> doomedModels;
    for (ModelId id : models) {
        if (!document->model(id) || doomedModels.contains(id))
            continue;
        doomedModels << id;
        for (AssociationId a : document->associationsOf(id)) {
            if (!doomed.contains(a))
                doomed << a;
        }
    }
    if (doomed.isEmpty() && doomedModels.isEmpty())
        return nullptr;
    QString text;
    if (doomedModels.size() == 1 && models.size() == 1 && associations.isEmpty())
        text = QObject::tr("Delete model %1").arg(document->model(doomedModels[0])->name);
    else if (doomedModels.isEmpty() && doomed.size() == 1)
        text = QObject::tr("Delete %1").arg(describeAssociation(*document->association(doomed[0])));
    else
        text = QObject::tr("Delete %n item(s)", nullptr, int(doomedModels.size() + doomed.size()));
    auto *cmd = new EditCommand(document, text);
    // Associations first, so that no step leaves one naming a missing model.
    for (AssociationId id : std::as_const(doomed))
        cmd->removeAssociation(id);
    for (ModelId id : std::as_const(doomedModels))
        cmd->removeModel(id);
    return cmd;
}

EditCommand *setModelCommand(Document *document, ModelId id, const Model &after,
                             const QString &text, const QString &mergeKey)
{
    const Model *before = document->model(id);
    if (!before)
        return nullptr;
    auto *cmd = new EditCommand(document, text);
    cmd->setMergeKey(mergeKey);
    const QString oldName = before->name;
    cmd->setModel(id, after);
    if (after.name != oldName) {
        const Schema &s = document->schema();
        for (int i = 0; i < s.associations.size(); ++i) {
            if (mentions(s.associations[i], oldName))
                cmd->setAssociation(document->associationIdAt(i),
                                    renamedIn(s.associations[i], oldName, after.name));
        }
    }
    return cmd;
}

EditCommand *renameModelCommand(Document *document, ModelId id, const QString &name)
{
    const Model *m = document->model(id);
    if (!m || m->name == name)
        return nullptr;
    Model after = *m;
    after.name = name;
    return setModelCommand(document, id, after,
                           QObject::tr("Rename model %1 to %2").arg(m->name, name));
}

EditCommand *setAssociationCommand(Document *document, AssociationId id,
                                   const Association &after, const QString &text,
                                   const QString &mergeKey)
{
    if (!document->association(id))
        return nullptr;
    auto *cmd = new EditCommand(document, text);
    cmd->setMergeKey(mergeKey);
    cmd->setAssociation(id, after);
    return cmd;
}

EditCommand *setGlobalOptionsCommand(Document *document, const ModelOptions &options,
                                     bool hasOptions)
{
    auto *cmd = new EditCommand(document, QObject::tr("Change global options"));
    cmd->setGlobalOptions(options, hasOptions);
    return cmd;
}

EditCommand *moveCommand(Document *document, const QVector<PositionChange> &before,
                         const QVector<PositionChange> &after, const QString &text)
{
    if (after.isEmpty())
        return nullptr;
    auto *cmd = new EditCommand(document, text);
    cmd->setPositions(before, after);
    return cmd;
}

QByteArray copyModels(const Document &document, const QVector<ModelId> &models)
{
    Schema fragment;
    QSet<QString> names;
    for (int i = 0; i < document.modelCount(); ++i) {
        if (models.contains(document.modelIdAt(i))) {
            fragment.models << document.schema().models[i];
            names.insert(document.schema().models[i].name);
        }
    }
    for (const Association &a : document.schema().associations) {
        const bool throughOk = !a.through || names.contains(*a.through) ||
                               document.modelIdByName(*a.through) == 0;
        if (names.contains(a.source) && names.contains(a.target) && throughOk)
            fragment.associations << a;
    }
    return writeSchema(fragment);
}

EditCommand *pasteCommand(Document *document, const QByteArray &fragment, const QPointF &offset,
                          QString *error)
{
    const LoadResult loaded = readSchema(fragment);
    if (!loaded.schema) {
        if (error) {
            QStringList lines;
            for (const Diagnostic &d : loaded.diagnostics)
                lines << d.toString();
            *error = lines.join(QLatin1Char('\n'));
        }
        return nullptr;
    }
    if (loaded.schema->models.isEmpty())
        return nullptr;
    QHash<QString, QString> renamed;
    QSet<QString> taken;
    auto *cmd = new EditCommand(document, QObject::tr("Paste %n model(s)", nullptr,
                                                      int(loaded.schema->models.size())));
    for (Model m : loaded.schema->models) {
        const QString name = freshName(*document, taken, m.name);
        taken.insert(name);
        if (m.tableName && name != m.name) // keep tables apart as well
            *m.tableName += name.startsWith(m.name) ? name.mid(m.name.size())
                                                    : QStringLiteral("_copy");
        renamed.insert(m.name, name);
        m.name = name;
        if (m.position)
            *m.position += offset;
        cmd->insertModel(m);
    }
    for (Association a : loaded.schema->associations) {
        for (auto it = renamed.cbegin(); it != renamed.cend(); ++it)
            a = renamedIn(a, it.key(), it.value());
        cmd->insertAssociation(a);
    }
    return cmd;
}

EditCommand *duplicateCommand(Document *document, const QVector<ModelId> &models)
{
    EditCommand *cmd = pasteCommand(document, copyModels(*document, models), QPointF(40, 40));
    if (cmd)
        cmd->setText(QObject::tr("Duplicate %n model(s)", nullptr, int(models.size())));
    return cmd;
}

EditCommand *constraintsFalseCommand(Document *document, AssociationId id)
{
    const Association *a = document->association(id);
    if (!a || a->constraints == false)
        return nullptr;
    Association after = *a;
    after.constraints = false;
    return setAssociationCommand(
        document, id, after,
        QObject::tr("Set constraints: false on %1").arg(describeAssociation(*a)));
}

EditCommand *addIndexCommand(Document *document, ModelId model, const QStringList &fields)
{
    const Model *m = document->model(model);
    if (!m || fields.isEmpty())
        return nullptr;
    Model after = *m;
    if (!after.indexes)
        after.indexes = QVector<IndexSpec>();
    IndexSpec index;
    index.fields = fields;
    after.indexes->append(index);
    return setModelCommand(
        document, model, after,
        QObject::tr("Add an index on %1(%2)").arg(m->name, fields.join(QLatin1String(", "))));
}

} // namespace mc
