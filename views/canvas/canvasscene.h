#pragma once

#include "canvasstyle.h"
#include "ddl/sqltypes.h"
#include "document/document.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPair>
#include <QSet>

namespace mc {

class AssociationEdgeItem;
class JunctionNodeItem;
class ModelNodeItem;
class NodeItem;

/// The diagram of a Document: owns the id-to-item maps, follows the document's
/// signals and updates only the items an edit affects (a full build only when the
/// document is reset). Items hold ids and paint; gestures become commands in
/// CanvasView, never direct changes here.
class CanvasScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit CanvasScene(Document *document, QObject *parent = nullptr);
    ~CanvasScene() override;

    Document *document() const { return m_document; }

    QVector<ModelId> selectedModels() const;
    QVector<AssociationId> selectedAssociations() const;
    void selectItems(const QVector<ModelId> &models, const QVector<AssociationId> &associations);
    /// The scene rectangle covering these items (empty when none is drawn).
    QRectF itemsRect(const QVector<ModelId> &models,
                     const QVector<AssociationId> &associations) const;

    /// Colours for the items, following the scene's palette (light or dark).
    const CanvasStyle &style() const { return m_style; }

    /// While nodes are dragged or the view panned, edges are drawn without
    /// antialiasing (hundreds of long smooth lines cost a frame); the end of the
    /// motion repaints them smooth.
    void setInMotion(bool inMotion);
    bool inMotion() const { return m_inMotion; }

    Dialect dialect() const { return m_dialect; }
    void setDialect(Dialect dialect);

    ModelNodeItem *modelNode(ModelId id) const { return m_nodes.value(id); }
    AssociationEdgeItem *edge(AssociationId id) const { return m_edges.value(id); }
    JunctionNodeItem *junctionNode(const QString &model) const { return m_junctions.value(model); }
    int junctionCount() const { return m_junctionOrder.size(); }
    const QVector<JunctionNodeItem *> &junctionNodes() const { return m_junctionOrder; }

    /// Nodes (document order), junctions, then edges (document order): what the
    /// view's accessible interface lists as its children.
    int accessibleItemCount() const;
    QGraphicsItem *accessibleItemAt(int index) const;
    int accessibleIndexOf(const QGraphicsItem *item) const;

protected:
    bool event(QEvent *event) override;

Q_SIGNALS:
    /// The selected models or associations changed.
    void selectionIdsChanged();
    /// Items were added or removed (assistive technology lists them).
    void itemsChanged();

private:
    using Pair = QPair<ModelId, ModelId>;

    void rebuild();
    void clearItems();
    void addNode(ModelId id);
    void removeNode(ModelId id);
    void refreshNode(ModelId id);
    void placeNode(ModelId id);
    void addEdge(AssociationId id);
    void removeEdge(AssociationId id);
    void refreshEdge(AssociationId id);
    void attachEdge(AssociationId id);
    void restackPair(const Pair &pair);
    Pair pairOf(AssociationId id) const;
    void syncJunctions();
    void refreshDerived(const QVector<int> &tables, bool all);
    void refreshCycles();
    NodeItem *nodeOfTable(const QString &table) const;
    /// The model named \a name (Document::modelIdByName() scans every model).
    ModelId idOfModel(const QString &name) const;

    void onPositionsChanged(const QVector<ModelId> &ids);

    Document *m_document;
    Dialect m_dialect = Dialect::SQLite;
    CanvasStyle m_style;
    QHash<ModelId, ModelNodeItem *> m_nodes;
    QHash<AssociationId, AssociationEdgeItem *> m_edges;
    QHash<QString, JunctionNodeItem *> m_junctions;
    QVector<JunctionNodeItem *> m_junctionOrder;
    QHash<Pair, QVector<AssociationId>> m_pairs;
    QHash<AssociationId, Pair> m_pairOfEdge;
    QHash<ModelId, QPointF> m_autoPositions;
    int m_autoCount = 0;
    QPointF m_autoOrigin;
    QSet<NodeItem *> m_cycleNodes;
    QSet<AssociationId> m_cycleEdges;
    bool m_junctionsDirty = false;
    bool m_inMotion = false;
};

} // namespace mc
