#include "canvasscene.h"

#include "associationedgeitem.h"

#include "document/placement.h"
#include "junctionnodeitem.h"
#include "modelnodeitem.h"
#include "nodecontent.h"
#include <QEvent>

namespace mc {

CanvasScene::CanvasScene(Document *document, QObject *parent)
    : QGraphicsScene(parent), m_document(document)
{
    // The BSP index: zoomed in, it finds the few items in view (bench_canvas, 5,000
    // placed models: 4 ms per repaint and drag step at 100%, against 18 ms with
    // NoIndex); an edit never re-routes long edges needlessly (see setContent()).
    // Qt picks a depth from the item count (14 at 16,000 items: 16,384 leaves), and a
    // long edge that moves leaves and re-enters every leaf it crosses; at depth 10 a
    // drag step at 5,000 models costs about half, repaints the same (bench_canvas).
    setItemIndexMethod(BspTreeIndex);
    setBspTreeDepth(10);
    m_style = CanvasStyle(palette());
    connect(document, &Document::documentReset, this, &CanvasScene::rebuild);
    connect(document, &Document::modelAdded, this, [this](ModelId id) {
        addNode(id);
        Q_EMIT itemsChanged();
    });
    connect(document, &Document::modelRemoved, this, [this](ModelId id) {
        removeNode(id);
        Q_EMIT itemsChanged();
    });
    connect(document, &Document::modelChanged, this, &CanvasScene::refreshNode);
    connect(document, &Document::associationAdded, this, [this](AssociationId id) {
        addEdge(id);
        Q_EMIT itemsChanged();
    });
    connect(document, &Document::associationRemoved, this, [this](AssociationId id) {
        removeEdge(id);
        Q_EMIT itemsChanged();
    });
    connect(document, &Document::associationChanged, this, &CanvasScene::attachEdge);
    connect(document, &Document::positionsChanged, this, &CanvasScene::onPositionsChanged);
    connect(document, &Document::derivedChanged, this, &CanvasScene::refreshDerived);
    connect(document, &Document::analysisChanged, this, &CanvasScene::refreshCycles);
    connect(this, &QGraphicsScene::selectionChanged, this, &CanvasScene::selectionIdsChanged);
    rebuild();
}

CanvasScene::~CanvasScene()
{
    // Going away is not a selection change: nobody hears the items go.
    blockSignals(true);
    clearItems();
}

// ---- selection --------------------------------------------------------------------

QVector<ModelId> CanvasScene::selectedModels() const
{
    QVector<ModelId> ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *node = qgraphicsitem_cast<ModelNodeItem *>(item))
            ids << node->id();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QVector<AssociationId> CanvasScene::selectedAssociations() const
{
    QVector<AssociationId> ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *edge = qgraphicsitem_cast<AssociationEdgeItem *>(item))
            ids << edge->id();
    std::sort(ids.begin(), ids.end());
    return ids;
}

void CanvasScene::selectItems(const QVector<ModelId> &models,
                              const QVector<AssociationId> &associations)
{
    {
        // One selection change for the whole set, not one per item; the blocker
        // must be gone before it is announced.
        const QSignalBlocker blocker(this);
        clearSelection();
        for (ModelId id : models)
            if (ModelNodeItem *node = m_nodes.value(id))
                node->setSelected(true);
        for (AssociationId id : associations)
            if (AssociationEdgeItem *edge = m_edges.value(id))
                edge->setSelected(true);
    }
    Q_EMIT selectionChanged();
}

QRectF CanvasScene::itemsRect(const QVector<ModelId> &models,
                              const QVector<AssociationId> &associations) const
{
    QRectF rect;
    for (ModelId id : models)
        if (ModelNodeItem *node = m_nodes.value(id))
            rect = rect.united(node->sceneBox());
    for (AssociationId id : associations)
        if (AssociationEdgeItem *edge = m_edges.value(id))
            rect = rect.united(edge->sceneBoundingRect());
    return rect;
}

void CanvasScene::setInMotion(bool inMotion)
{
    if (inMotion == m_inMotion)
        return;
    m_inMotion = inMotion;
    if (!inMotion)
        update();
}

void CanvasScene::setDialect(Dialect dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    refreshDerived({}, true); // every node and junction shows types
}

bool CanvasScene::event(QEvent *event)
{
    const bool result = QGraphicsScene::event(event);
    // A light/dark switch: new colours, every item repainted.
    if (event->type() == QEvent::PaletteChange) {
        m_style = CanvasStyle(palette());
        update();
    }
    return result;
}

// ---- accessibility order ----------------------------------------------------------

int CanvasScene::accessibleItemCount() const
{
    return m_nodes.size() + m_junctionOrder.size() + m_edges.size();
}

QGraphicsItem *CanvasScene::accessibleItemAt(int index) const
{
    const int models = m_document->modelCount();
    if (index < 0)
        return nullptr;
    if (index < models)
        return m_nodes.value(m_document->modelIdAt(index));
    index -= models;
    if (index < m_junctionOrder.size())
        return m_junctionOrder[index];
    index -= m_junctionOrder.size();
    return m_edges.value(m_document->associationIdAt(index));
}

int CanvasScene::accessibleIndexOf(const QGraphicsItem *item) const
{
    if (auto *node = qgraphicsitem_cast<const ModelNodeItem *>(item))
        return m_document->indexOfModel(node->id());
    const int models = m_document->modelCount();
    if (auto *junction = qgraphicsitem_cast<const JunctionNodeItem *>(item)) {
        const int i = m_junctionOrder.indexOf(const_cast<JunctionNodeItem *>(junction));
        return i < 0 ? -1 : models + i;
    }
    if (auto *edge = qgraphicsitem_cast<const AssociationEdgeItem *>(item)) {
        const int i = m_document->indexOfAssociation(edge->id());
        return i < 0 ? -1 : models + m_junctionOrder.size() + i;
    }
    return -1;
}

// ---- building -----------------------------------------------------------------------

void CanvasScene::clearItems()
{
    // Every item goes: clear() drops the index once, where deleting item by item
    // took each long edge out of many index leaves (a third of a second at 5,000
    // models). Edges forget their nodes first, so that the order does not matter;
    // the maps are emptied first, so that whoever hears the selection go finds no
    // deleted item in them.
    for (AssociationEdgeItem *edge : qAsConst(m_edges))
        edge->forgetNodes();
    m_edges.clear();
    m_nodes.clear();
    m_junctionOrder.clear();
    m_junctions.clear();
    m_pairs.clear();
    m_pairOfEdge.clear();
    m_cycleNodes.clear();
    m_cycleEdges.clear();
    m_autoPositions.clear();
    clear();
}

void CanvasScene::rebuild()
{
    clearItems();
    QVector<ModelId> unplaced;
    for (int i = 0; i < m_document->modelCount(); ++i) {
        const ModelId id = m_document->modelIdAt(i);
        if (!m_document->model(id)->position)
            unplaced << id;
    }
    // Models without a position get a layered placement (not a document change: the
    // first move or the menu's placement makes it one).
    if (!unplaced.isEmpty())
        for (const PositionChange &c : placeModels(*m_document, unplaced))
            if (c.position)
                m_autoPositions.insert(c.model, *c.position);
    for (int i = 0; i < m_document->modelCount(); ++i)
        addNode(m_document->modelIdAt(i));
    for (int i = 0; i < m_document->associationCount(); ++i)
        addEdge(m_document->associationIdAt(i));
    syncJunctions();
    refreshCycles();
    Q_EMIT itemsChanged();
}

void CanvasScene::addNode(ModelId id)
{
    if (m_nodes.contains(id) || !m_document->model(id))
        return;
    auto *node = new ModelNodeItem(id);
    m_nodes.insert(id, node);
    node->setContent(modelNodeContent(*m_document, id, m_dialect));
    placeNode(id);
    addItem(node);
}

void CanvasScene::placeNode(ModelId id)
{
    ModelNodeItem *node = m_nodes.value(id);
    const Model *model = m_document->model(id);
    if (!node || !model)
        return;
    if (model->position) {
        node->setPos(*model->position);
        return;
    }
    if (!m_autoPositions.contains(id))
        for (const PositionChange &c : placeModels(*m_document, {id}))
            if (c.position)
                m_autoPositions.insert(id, *c.position);
    node->setPos(m_autoPositions.value(id));
}

void CanvasScene::removeNode(ModelId id)
{
    ModelNodeItem *node = m_nodes.take(id);
    if (!node)
        return;
    // Its associations were removed in the same edit; any edge still on it goes too.
    const QVector<AssociationEdgeItem *> edges = node->edges();
    for (AssociationEdgeItem *edge : edges)
        removeEdge(edge->id());
    m_cycleNodes.remove(node);
    m_autoPositions.remove(id);
    delete node;
}

void CanvasScene::refreshNode(ModelId id)
{
    if (ModelNodeItem *node = m_nodes.value(id))
        node->setContent(modelNodeContent(*m_document, id, m_dialect));
}

void CanvasScene::onPositionsChanged(const QVector<ModelId> &ids)
{
    for (ModelId id : ids)
        placeNode(id);
}

} // namespace mc
