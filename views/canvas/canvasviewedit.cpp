// CanvasView: the gestures that edit the document, each one command.
#include "canvasview.h"

#include "associationedgeitem.h"
#include "canvasscene.h"
#include "commands/commands.h"
#include "modelnodeitem.h"
#include "nameeditor.h"

#include <QAccessible>
#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QUndoStack>

namespace mc {

namespace {

/// Pushes \a command (if any) and returns the models it created.
QVector<ModelId> push(Document *document, EditCommand *command)
{
    if (!command)
        return {};
    const QVector<ModelId> created = command->createdModels();
    document->undoStack()->push(command);
    return created;
}

} // namespace

void CanvasView::deleteSelection()
{
    Document *document = m_scene->document();
    const QVector<ModelId> models = m_scene->selectedModels();
    const QVector<AssociationId> associations = m_scene->selectedAssociations();
    if (models.isEmpty() && associations.isEmpty())
        return;
    push(document, deleteCommand(document, models, associations));
}

void CanvasView::copySelection()
{
    const QVector<ModelId> models = m_scene->selectedModels();
    if (models.isEmpty())
        return;
    const QByteArray fragment = copyModels(*m_scene->document(), models);
    auto *mime = new QMimeData;
    mime->setData(clipboardMimeType(), fragment);
    mime->setText(QString::fromUtf8(fragment));
    QGuiApplication::clipboard()->setMimeData(mime);
}

void CanvasView::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return;
    const QByteArray fragment = mime->hasFormat(clipboardMimeType())
                                    ? mime->data(clipboardMimeType())
                                    : mime->text().toUtf8();
    if (fragment.trimmed().isEmpty())
        return;
    QString error;
    Document *document = m_scene->document();
    EditCommand *command = pasteCommand(document, fragment, QPointF(40, 40), &error);
    if (!command) {
        if (!error.isEmpty())
            Q_EMIT messageRequested(tr("Nothing pasted: %1").arg(error));
        return;
    }
    m_scene->selectItems(push(document, command), {});
}

void CanvasView::duplicateSelection()
{
    const QVector<ModelId> models = m_scene->selectedModels();
    if (models.isEmpty())
        return;
    Document *document = m_scene->document();
    m_scene->selectItems(push(document, duplicateCommand(document, models)), {});
}

void CanvasView::createModelAt(const QPointF &scenePos)
{
    Document *document = m_scene->document();
    const QVector<ModelId> created =
        push(document, addModelCommand(document, scenePos, freshModelName(*document)));
    if (created.isEmpty())
        return;
    m_scene->selectItems(created, {});
    editName(created.first());
}

void CanvasView::editName(ModelId id)
{
    ModelNodeItem *node = m_scene->modelNode(id);
    Document *document = m_scene->document();
    if (!node || !document->model(id))
        return;
    if (m_nameEditor)
        m_nameEditor->deleteLater();
    auto *editor = new NameEditor(document->model(id)->name, viewport());
    const QRect header = mapFromScene(node->mapToScene(node->headerRect())).boundingRect();
    editor->setGeometry(header.left() + 4, header.top() + 4, qMax(120, header.width() - 40),
                        editor->sizeHint().height());
    connect(editor, &NameEditor::committed, this, [this, id](const QString &name) {
        Document *doc = m_scene->document();
        const Model *model = doc->model(id);
        if (model && !name.isEmpty() && name != model->name)
            push(doc, renameModelCommand(doc, id, name));
        setFocus();
    });
    connect(editor, &NameEditor::cancelled, this, [this] { setFocus(); });
    editor->show();
    editor->setFocus();
    m_nameEditor = editor;
}

void CanvasView::nudgeSelection(const QPointF &delta)
{
    Document *document = m_scene->document();
    QVector<PositionChange> before;
    QVector<PositionChange> after;
    for (ModelId id : m_scene->selectedModels()) {
        ModelNodeItem *node = m_scene->modelNode(id);
        before << PositionChange{id, document->model(id)->position};
        after << PositionChange{id, node->pos() + delta};
    }
    if (after.isEmpty())
        return;
    EditCommand *command = moveCommand(document, before, after, tr("Nudge"));
    if (command)
        command->setMergeKey(QStringLiteral("nudge"));
    push(document, command);
}

bool CanvasView::selectNext(bool forward)
{
    const int count = m_scene->accessibleItemCount();
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    int index =
        selected.isEmpty() ? (forward ? -1 : count) : m_scene->accessibleIndexOf(selected.first());
    index += forward ? 1 : -1;
    if (index < 0 || index >= count)
        return false;
    QGraphicsItem *item = m_scene->accessibleItemAt(index);
    if (!item)
        return false;
    m_scene->clearSelection();
    item->setSelected(true);
    ensureVisible(item, 40, 40);
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::Focus);
        event.setChild(index);
        QAccessible::updateAccessibility(&event);
    }
    return true;
}

// ---- moves --------------------------------------------------------------------------

void CanvasView::commitMove()
{
    Document *document = m_scene->document();
    QVector<PositionChange> before;
    QVector<PositionChange> after;
    for (auto it = m_dragStart.cbegin(); it != m_dragStart.cend(); ++it) {
        ModelNodeItem *node = m_scene->modelNode(it.key());
        const Model *model = document->model(it.key());
        if (!node || !model || node->pos() == it.value())
            continue;
        before << PositionChange{it.key(), model->position};
        after << PositionChange{it.key(), node->pos()};
    }
    m_dragStart.clear();
    if (after.isEmpty())
        return;
    const QString text = after.size() == 1
                             ? tr("Move %1").arg(document->model(after.first().model)->name)
                             : tr("Move %n models", nullptr, int(after.size()));
    push(document, moveCommand(document, before, after, text));
}

// ---- associations by drag -----------------------------------------------------------

bool CanvasView::startConnect(const QPoint &viewPos)
{
    for (QGraphicsItem *item : items(viewPos)) {
        auto *node = qgraphicsitem_cast<ModelNodeItem *>(item);
        if (!node)
            continue;
        const QPointF local = node->mapFromScene(mapToScene(viewPos));
        if (!node->handleRect().adjusted(-3, -3, 3, 3).contains(local))
            return false;
        m_connectFrom = node->id();
        m_connectEnd = mapToScene(viewPos);
        viewport()->update();
        return true;
    }
    return false;
}

void CanvasView::finishConnect(const QPoint &viewPos)
{
    const ModelId source = m_connectFrom;
    m_connectFrom = 0;
    viewport()->update();
    ModelNodeItem *target = nullptr;
    for (QGraphicsItem *item : items(viewPos))
        if ((target = qgraphicsitem_cast<ModelNodeItem *>(item)))
            break;
    if (!target || !m_scene->document()->model(source))
        return;
    auto *popup =
        new AssociationPopup(m_scene->document(), source, target->id(), m_aliasPrompt, this);
    connect(popup, &AssociationPopup::created, this,
            [this](AssociationId id) { m_scene->selectItems({}, {id}); });
    popup->popup(viewport()->mapToGlobal(viewPos));
}

} // namespace mc
