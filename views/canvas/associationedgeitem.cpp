#include "associationedgeitem.h"

#include "canvasscene.h"
#include "canvasstyle.h"
#include "nodeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStaticText>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include <functional>

namespace mc {

namespace {

constexpr qreal slotSpacing = 26;

QPointF unit(const QPointF &v)
{
    const qreal len = qSqrt(v.x() * v.x() + v.y() * v.y());
    return len > 0 ? v / len : QPointF(1, 0);
}

/// Where \a line, which starts inside \a box, leaves it.
std::optional<QPointF> exitPoint(const QRectF &box, const QLineF &line)
{
    const QLineF sides[] = {{box.topLeft(), box.topRight()},
                            {box.topRight(), box.bottomRight()},
                            {box.bottomRight(), box.bottomLeft()},
                            {box.bottomLeft(), box.topLeft()}};
    for (const QLineF &side : sides) {
        QPointF p;
        if (line.intersects(side, &p) == QLineF::BoundedIntersection)
            return p;
    }
    return std::nullopt;
}

} // namespace

AssociationEdgeItem::AssociationEdgeItem(AssociationId id, NodeItem *source, NodeItem *target)
    : m_id(id), m_source(nullptr), m_target(nullptr)
{
    setZValue(-1); // under the nodes: edges end on their borders
    setFlags(ItemIsSelectable | ItemUsesExtendedStyleOption);
    setAcceptHoverEvents(true);
    setEndpoints(source, target);
}

AssociationEdgeItem::~AssociationEdgeItem()
{
    for (NodeItem *node : {m_source, m_target, m_junction})
        if (node)
            node->removeEdge(this);
}

void AssociationEdgeItem::setEndpoints(NodeItem *source, NodeItem *target)
{
    if (source == m_source && target == m_target)
        return;
    for (NodeItem *node : {m_source, m_target})
        if (node && node != m_junction)
            node->removeEdge(this);
    m_source = source;
    m_target = target;
    for (NodeItem *node : {m_source, m_target})
        if (node)
            node->addEdge(this);
    adjust();
}

void AssociationEdgeItem::setJunction(NodeItem *junction, bool anchor)
{
    if (junction == m_junction && (anchor && junction) == m_junctionAnchor)
        return;
    if (m_junction && m_junction != junction)
        m_junction->removeEdge(this);
    m_junction = junction;
    m_junctionAnchor = anchor && junction;
    if (m_junction)
        m_junction->addEdge(this);
    nodeMoved(m_source);
}

void AssociationEdgeItem::setSlot(int index, int count)
{
    if (index == m_slot && count == m_slotCount)
        return;
    m_slot = index;
    m_slotCount = qMax(1, count);
    nodeMoved(m_source);
}

void AssociationEdgeItem::setContent(EdgeContent content)
{
    // Re-routing re-indexes the edge in the scene (costly for long edges): only
    // when what it draws changed, not for a new tooltip or title.
    const bool reroute = content.type != m_content.type || content.badge != m_content.badge ||
                         content.alias != m_content.alias || content.fkName != m_content.fkName ||
                         content.holder != m_content.holder || content.many != m_content.many;
    const bool repaint = reroute || content.noConstraint != m_content.noConstraint;
    m_content = std::move(content);
    setToolTip(m_content.toolTip);
    if (reroute) {
        measureLabels();
        adjust();
    } else if (repaint)
        update();
}

void AssociationEdgeItem::setInCycle(bool inCycle)
{
    if (inCycle == m_inCycle)
        return;
    m_inCycle = inCycle;
    update();
}

qreal AssociationEdgeItem::slotOffset() const
{
    return (m_slot - (m_slotCount - 1) / 2.0) * slotSpacing;
}

void AssociationEdgeItem::nodeMoved(NodeItem *node)
{
    if (m_junction && m_junctionAnchor && node != m_junction)
        placeJunction(); // moving the junction re-routes this edge through its edge list
    else
        adjust();
}

void AssociationEdgeItem::placeJunction()
{
    const QRectF a = m_source->sceneBox();
    const QRectF b = m_target->sceneBox();
    const QRectF j = m_junction->sceneBox();
    QPointF centre;
    if (m_source == m_target) {
        centre =
            QPointF(a.right() + 60 + j.width() / 2, a.top() + j.height() / 2 + slotOffset() * 4);
    } else {
        const QPointF d = unit(b.center() - a.center());
        centre = (a.center() + b.center()) / 2 + QPointF(-d.y(), d.x()) * slotOffset() * 4;
    }
    const QPointF pos = centre - QPointF(j.width() / 2, j.height() / 2);
    if (pos != m_junction->pos())
        m_junction->setPos(pos); // its itemChange re-routes every edge that uses it
    else
        adjust();
}

void AssociationEdgeItem::adjust()
{
    if (!m_source || !m_target)
        return;
    prepareGeometryChange();
    m_path = QPainterPath();
    m_segments.clear();
    m_ends.clear();
    if (m_junction) {
        routeStraight(m_source, m_junction, false, true);
        const QPointF badge = m_badge;
        const qreal room = m_room;
        const QPointF outward = m_outward;
        routeStraight(m_target, m_junction, false, true);
        m_badge = badge;
        m_room = room;
        m_outward = outward;
    } else if (m_source == m_target) {
        routeLoop();
    } else {
        routeStraight(m_source, m_target, m_content.holder == FkHolder::Source,
                      m_content.holder == FkHolder::Target);
    }
    m_shape = QPainterPath(); // stroked again when hit testing asks for it
    layoutLabels();
    m_bounds = m_path.boundingRect()
                   .adjusted(-markerSize - 6, -markerSize - 6, markerSize + 6, markerSize + 6)
                   .united(m_badgeRect.adjusted(-2, -2, 2, 2))
                   .united(m_detailRect);
    update();
}

void AssociationEdgeItem::routeStraight(NodeItem *from, NodeItem *to, bool fromHolds, bool toHolds)
{
    const QRectF a = from->sceneBox();
    const QRectF b = to->sceneBox();
    // The offset is taken across a canonical direction so that A->B and B->A edges
    // between one pair get distinct, stable sides.
    const bool flip = std::less<NodeItem *>()(to, from);
    const QPointF d = unit(flip ? a.center() - b.center() : b.center() - a.center());
    const QPointF offset = QPointF(-d.y(), d.x()) * slotOffset();
    QLineF line(a.center() + offset, b.center() + offset);
    if (!a.contains(line.p1()) || !b.contains(line.p2()))
        line = QLineF(a.center(), b.center());
    const QPointF p1 = exitPoint(a, line).value_or(line.p1());
    const QPointF p2 = exitPoint(b, QLineF(line.p2(), line.p1())).value_or(line.p2());
    m_path.moveTo(p1);
    m_path.lineTo(p2);
    m_segments << QLineF(p1, p2);
    const QPointF dir = unit(p2 - p1);
    m_ends << End{p1, dir, fromHolds, fromHolds && m_content.many}
           << End{p2, -dir, toHolds, toHolds && m_content.many};
    m_badge = (p1 + p2) / 2;
    m_room = QLineF(p1, p2).length() - 2 * markerSize - 8;
    // The side its slot lies on (for a lone edge: its left), away from its siblings.
    m_outward = QPointF(-d.y(), d.x()) * (slotOffset() < 0 ? -1 : 1);
}

void AssociationEdgeItem::routeLoop()
{
    const QRectF r = m_source->sceneBox();
    const qreal k = m_slot;
    // Out of the top-right corner, clear of the handle; each further loop larger.
    const QPointF start(r.right() - 56 - 18 * k, r.top());
    const QPointF end(r.right(), r.top() + qMin(r.height() - 4, 60 + 18 * k));
    const qreal ext = 56 + 22 * k;
    m_path.moveTo(start);
    m_path.cubicTo(start + QPointF(0, -ext), end + QPointF(ext, 0), end);
    const bool sourceHolds = m_content.holder == FkHolder::Source;
    m_ends << End{start, QPointF(0, -1), sourceHolds, sourceHolds && m_content.many}
           << End{end, QPointF(1, 0), !sourceHolds, !sourceHolds && m_content.many};
    // Outside the loop's apex, clear of the node (which paints over edges).
    m_badge = m_path.pointAtPercent(0.5) + QPointF(26, -14);
    m_room = 1e9; // the loop's labels go outside it
    m_outward = QPointF();
}

QRectF AssociationEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath AssociationEdgeItem::shape() const
{
    // Lazily: stroking every edge on open and on every drag step is the costly part,
    // and only hit tests (clicks, rubber bands) need the outline.
    if (m_shape.isEmpty() && !m_path.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        m_shape = stroker.createStroke(m_path);
    }
    return m_shape;
}

} // namespace mc
