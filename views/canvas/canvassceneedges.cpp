// CanvasScene: the edges, the junction nodes, derived refreshes and cycles.
#include "canvasscene.h"

#include "associationedgeitem.h"
#include "junctionnodeitem.h"
#include "modelnodeitem.h"
#include "nodecontent.h"

namespace mc {

ModelId CanvasScene::idOfModel(const QString &name) const
{
    const DerivedSchema &derived = m_document->derived();
    const int t = derived.tableIndexByModel(name);
    if (t >= 0 && derived.tables[t].modelIndex >= 0) {
        const int index = derived.tables[t].modelIndex;
        const Model *model = m_document->model(m_document->modelIdAt(index));
        if (model && model->name == name)
            return m_document->modelIdAt(index);
    }
    return m_document->modelIdByName(name);
}

CanvasScene::Pair CanvasScene::pairOf(AssociationId id) const
{
    const Association *a = m_document->association(id);
    if (!a)
        return Pair(0, 0);
    const ModelId s = idOfModel(a->source);
    const ModelId t = idOfModel(a->target);
    return Pair(qMin(s, t), qMax(s, t));
}

void CanvasScene::addEdge(AssociationId id)
{
    const Pair pair = pairOf(id);
    const Association *a = m_document->association(id);
    if (m_edges.contains(id) || !a)
        return;
    ModelNodeItem *source = m_nodes.value(idOfModel(a->source));
    ModelNodeItem *target = m_nodes.value(idOfModel(a->target));
    if (!source || !target)
        return;
    auto *edge = new AssociationEdgeItem(id, source, target);
    m_edges.insert(id, edge);
    edge->setContent(associationEdgeContent(*m_document, id));
    addItem(edge);
    m_pairs[pair] << id;
    m_pairOfEdge.insert(id, pair);
    restackPair(pair);
    if (a->type == AssociationType::BelongsToMany)
        m_junctionsDirty = true;
}

void CanvasScene::removeEdge(AssociationId id)
{
    AssociationEdgeItem *edge = m_edges.take(id);
    if (!edge)
        return;
    const Pair pair = m_pairOfEdge.take(id);
    m_pairs[pair].removeAll(id);
    if (m_pairs[pair].isEmpty())
        m_pairs.remove(pair);
    else
        restackPair(pair);
    m_cycleEdges.remove(id);
    if (edge->junction())
        m_junctionsDirty = true;
    delete edge;
}

void CanvasScene::refreshEdge(AssociationId id)
{
    if (AssociationEdgeItem *edge = m_edges.value(id))
        edge->setContent(associationEdgeContent(*m_document, id));
}

/// An association changed: its ends, slot, junction and labels may all have moved.
void CanvasScene::attachEdge(AssociationId id)
{
    AssociationEdgeItem *edge = m_edges.value(id);
    const Association *a = m_document->association(id);
    if (!edge || !a)
        return;
    ModelNodeItem *source = m_nodes.value(idOfModel(a->source));
    ModelNodeItem *target = m_nodes.value(idOfModel(a->target));
    if (source && target)
        edge->setEndpoints(source, target);
    const Pair pair = pairOf(id);
    const Pair old = m_pairOfEdge.value(id);
    if (pair != old) {
        m_pairs[old].removeAll(id);
        if (m_pairs[old].isEmpty())
            m_pairs.remove(old);
        else
            restackPair(old);
        m_pairs[pair] << id;
        m_pairOfEdge.insert(id, pair);
    }
    restackPair(pair);
    refreshEdge(id);
    if (a->type == AssociationType::BelongsToMany || edge->junction())
        m_junctionsDirty = true;
}

void CanvasScene::restackPair(const Pair &pair)
{
    QVector<AssociationId> &ids = m_pairs[pair];
    // Document order keeps slots stable across undo and redo.
    std::sort(ids.begin(), ids.end(), [this](AssociationId a, AssociationId b) {
        return m_document->indexOfAssociation(a) < m_document->indexOfAssociation(b);
    });
    for (int i = 0; i < ids.size(); ++i)
        if (AssociationEdgeItem *edge = m_edges.value(ids[i]))
            edge->setSlot(i, ids.size());
}

void CanvasScene::syncJunctions()
{
    m_junctionsDirty = false;
    const DerivedSchema &derived = m_document->derived();
    QVector<JunctionNodeItem *> order;
    QHash<QString, JunctionNodeItem *> present;
    for (int t = 0; t < derived.tables.size(); ++t) {
        const DerivedTable &table = derived.tables[t];
        if (table.modelIndex >= 0 || !table.junction)
            continue;
        JunctionNodeItem *junction = m_junctions.take(table.model);
        if (!junction) {
            junction = new JunctionNodeItem(table.model);
            addItem(junction);
        }
        junction->setContent(junctionNodeContent(*m_document, t, m_dialect));
        present.insert(table.model, junction);
        order << junction;
    }
    bool changed = !m_junctions.isEmpty() || order.size() != m_junctionOrder.size();
    for (JunctionNodeItem *gone : qAsConst(m_junctions)) {
        for (AssociationEdgeItem *edge : gone->edges())
            edge->setJunction(nullptr, false);
        m_cycleNodes.remove(gone);
        delete gone;
    }
    m_junctions = present;
    m_junctionOrder = order;

    // Each belongsToMany edge runs through its junction; the first one places it.
    QSet<NodeItem *> anchored;
    for (int i = 0; i < m_document->associationCount(); ++i) {
        const AssociationId id = m_document->associationIdAt(i);
        AssociationEdgeItem *edge = m_edges.value(id);
        const ResolvedAssociation *r = m_document->resolved(id);
        if (!edge)
            continue;
        NodeItem *junction = nullptr;
        if (edge->content().type == AssociationType::BelongsToMany && r && r->applied) {
            junction = m_junctions.value(r->through);
            if (!junction)
                junction = m_nodes.value(idOfModel(r->through));
        }
        const bool anchor =
            junction && junction->type() == JunctionNodeItem::Type && !anchored.contains(junction);
        if (anchor)
            anchored.insert(junction);
        edge->setJunction(junction, anchor);
    }
    if (changed)
        Q_EMIT itemsChanged();
}

void CanvasScene::refreshDerived(const QVector<int> &tables, bool all)
{
    if (all) {
        for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
            refreshNode(it.key());
        for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
            refreshEdge(it.key());
        syncJunctions();
        return;
    }
    if (m_junctionsDirty)
        syncJunctions();
    const DerivedSchema &derived = m_document->derived();
    QSet<AssociationId> edges;
    for (int t : tables) {
        const DerivedTable &table = derived.tables.value(t);
        NodeItem *node = nullptr;
        if (table.modelIndex >= 0) {
            const ModelId id = m_document->modelIdAt(table.modelIndex);
            refreshNode(id);
            node = m_nodes.value(id);
        } else if (JunctionNodeItem *junction = m_junctions.value(table.model)) {
            junction->setContent(junctionNodeContent(*m_document, t, m_dialect));
            node = junction;
        }
        if (node)
            for (AssociationEdgeItem *edge : node->edges())
                edges.insert(edge->id());
    }
    for (AssociationId id : qAsConst(edges))
        refreshEdge(id);
}

NodeItem *CanvasScene::nodeOfTable(const QString &table) const
{
    const DerivedSchema &derived = m_document->derived();
    const int t = derived.tableIndexByName(table);
    if (t < 0)
        return nullptr;
    const DerivedTable &dt = derived.tables[t];
    if (dt.modelIndex >= 0)
        return m_nodes.value(m_document->modelIdAt(dt.modelIndex));
    return m_junctions.value(dt.model);
}

/// Lights the items of every FK cycle; only items whose state flips are touched.
void CanvasScene::refreshCycles()
{
    QSet<NodeItem *> nodes;
    QSet<AssociationId> edges;
    for (const Cycle &cycle : m_document->analysis().cycles) {
        for (const QString &table : cycle.tables)
            if (NodeItem *node = nodeOfTable(table))
                nodes.insert(node);
        for (int index : cycle.associations)
            edges.insert(m_document->associationIdAt(index));
    }
    for (NodeItem *node : qAsConst(m_cycleNodes))
        if (!nodes.contains(node))
            node->setInCycle(false);
    for (NodeItem *node : qAsConst(nodes))
        node->setInCycle(true);
    for (AssociationId id : qAsConst(m_cycleEdges))
        if (!edges.contains(id))
            if (AssociationEdgeItem *edge = m_edges.value(id))
                edge->setInCycle(false);
    for (AssociationId id : qAsConst(edges))
        if (AssociationEdgeItem *edge = m_edges.value(id))
            edge->setInCycle(true);
    m_cycleNodes = nodes;
    m_cycleEdges = edges;
}

} // namespace mc
