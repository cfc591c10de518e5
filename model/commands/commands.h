#pragma once

#include "commands/editcommand.h"

#include <QByteArray>
#include <QPointF>
#include <QStringList>

namespace mc {

// The undoable edits of the editor. Each returns a command to push on the
// document's undo stack (push runs it), or nullptr when there is nothing to do.

/// `Model`, `Model2`, ...: a model name (and default table) not yet in use.
QString freshModelName(const Document &document, const QString &base = QStringLiteral("Model"));

/// A new model with an `id`-less attribute list at \a position.
EditCommand *addModelCommand(Document *document, const QPointF &position,
                             const QString &name = QString());
/// Appends \a association (source and target name existing models).
EditCommand *addAssociationCommand(Document *document, const Association &association);
/// Deletes the models, every association that names them, and \a associations.
EditCommand *deleteCommand(Document *document, const QVector<ModelId> &models,
                           const QVector<AssociationId> &associations);
/// Replaces a model's declaration (options, attributes, indexes, table name...).
/// A changed name also rewrites every association that names the model (source,
/// target, through) in the same step. \a mergeKey merges repeated edits of one field.
EditCommand *setModelCommand(Document *document, ModelId id, const Model &after,
                             const QString &text, const QString &mergeKey = QString());
EditCommand *renameModelCommand(Document *document, ModelId id, const QString &name);
EditCommand *setAssociationCommand(Document *document, AssociationId id,
                                   const Association &after, const QString &text,
                                   const QString &mergeKey = QString());
EditCommand *setGlobalOptionsCommand(Document *document, const ModelOptions &options,
                                     bool hasOptions);
/// Moves models (a drag, a placement): \a before is where they were.
EditCommand *moveCommand(Document *document, const QVector<PositionChange> &before,
                         const QVector<PositionChange> &after, const QString &text);

/// Copy: a modelcanvas/1 document holding \a models and the associations among them.
QByteArray copyModels(const Document &document, const QVector<ModelId> &models);
/// Paste: adds the models of a copyModels() document under fresh names (associations
/// renamed along), shifted by \a offset. nullptr and *error when it is unreadable.
EditCommand *pasteCommand(Document *document, const QByteArray &fragment,
                          const QPointF &offset, QString *error = nullptr);
EditCommand *duplicateCommand(Document *document, const QVector<ModelId> &models);

// Quick fixes offered by the problems.
/// Sets `constraints: false` on the association (breaks an FK cycle).
EditCommand *constraintsFalseCommand(Document *document, AssociationId id);
/// Adds `indexes: [{fields: [column]}]` to the model holding the column.
EditCommand *addIndexCommand(Document *document, ModelId model, const QStringList &fields);

} // namespace mc
