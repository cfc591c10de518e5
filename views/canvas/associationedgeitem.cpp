#include "associationedgeitem.h"

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
constexpr qreal markerSize = 10;

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

/// The part of \a line inside \a rect (Liang-Barsky), nullopt when none.
std::optional<QLineF> clipped(const QLineF &line, const QRectF &rect)
{
    const qreal dx = line.dx();
    const qreal dy = line.dy();
    qreal t0 = 0;
    qreal t1 = 1;
    const qreal p[] = {-dx, dx, -dy, dy};
    const qreal q[] = {line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                       rect.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (qFuzzyIsNull(p[i])) {
            if (q[i] < 0)
                return std::nullopt;
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0)
            t0 = qMax(t0, t);
        else
            t1 = qMin(t1, t);
        if (t0 > t1)
            return std::nullopt;
    }
    return QLineF(line.pointAt(t0), line.pointAt(t1));
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
    if (reroute)
        adjust();
    else if (repaint)
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

QString AssociationEdgeItem::detailText() const
{
    QStringList parts;
    if (!m_content.alias.isEmpty())
        parts << QStringLiteral("as %1").arg(m_content.alias);
    if (!m_content.fkName.isEmpty())
        parts << m_content.fkName;
    return parts.join(QStringLiteral(" · "));
}

void AssociationEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                                QWidget *)
{
    const CanvasStyle &style = CanvasStyle::of(this);
    const qreal lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod < CanvasStyle::overviewThreshold)
        return;
    const bool detailed = lod >= CanvasStyle::detailThreshold;
    QColor colour = m_inCycle ? CanvasStyle::warning() : style.edge();
    qreal width = m_inCycle ? 2.2 : 1;
    if (isSelected()) {
        colour = style.accent();
        width = 2.6;
    }
    // Cosmetic: the same width at every zoom, and 1 px lines take Qt's fast path.
    QPen pen(colour, width, m_content.noConstraint ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    pen.setCosmetic(true);
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setBrush(Qt::NoBrush);
    if (m_segments.isEmpty()) {
        painter->setPen(pen);
        painter->drawPath(m_path);
    }
    const QRectF exposed = option->exposedRect.adjusted(-4, -4, 4, 4);
    for (const QLineF &segment : std::as_const(m_segments)) {
        const std::optional<QLineF> part = clipped(segment, exposed);
        if (!part)
            continue;
        // Dashes keep their phase where the line is cut.
        pen.setDashOffset(QLineF(segment.p1(), part->p1()).length() * lod / width);
        painter->setPen(pen);
        painter->drawLine(*part);
    }
    if (!detailed)
        return;
    // Long edges cross many views: only the ends and labels in sight are drawn.
    for (const End &end : std::as_const(m_ends))
        if (exposed.adjusted(-20, -20, 20, 20).contains(end.point))
            paintEnd(painter, end, colour);
    if (exposed.intersects(m_badgeRect.united(m_detailRect)))
        paintLabels(painter, colour);
}

void AssociationEdgeItem::paintEnd(QPainter *painter, const End &end, const QColor &colour) const
{
    const QPointF n(-end.out.y(), end.out.x());
    painter->setPen(QPen(colour, 1.4, Qt::SolidLine, Qt::RoundCap));
    if (end.many) { // crow's foot: the "many" side
        const QPointF root = end.point + end.out * markerSize;
        painter->drawLine(root, end.point + n * 6);
        painter->drawLine(root, end.point);
        painter->drawLine(root, end.point - n * 6);
    } else { // a bar: the "one" side
        const QPointF at = end.point + end.out * 6;
        painter->drawLine(at + n * 5, at - n * 5);
    }
    if (end.holder) { // a dot on the border of the table that holds the FK
        painter->setBrush(colour);
        painter->drawEllipse(end.point + end.out * 3, 3, 3);
        painter->setBrush(Qt::NoBrush);
    }
}

static QFont badgeFont()
{
    QFont f = CanvasStyle::smallFont();
    f.setBold(true);
    return f;
}

void AssociationEdgeItem::layoutLabels()
{
    static const QFontMetricsF bm(badgeFont());
    const qreal bw = bm.horizontalAdvance(m_content.badge) + 8;
    m_badgeRect =
        QRectF(m_badge.x() - bw / 2, m_badge.y() - bm.height() / 2 - 1, bw, bm.height() + 2);
    // Alias and FK name, where the edge is long enough to carry them readably.
    const QString detail = detailText();
    static const QFontMetricsF sm(CanvasStyle::smallFont());
    const qreal dw = detail.isEmpty() ? 0 : sm.horizontalAdvance(detail);
    // Centred under the badge; a loop's runs rightwards, away from its node.
    const bool loop = m_source == m_target && !m_junction;
    const qreal left = loop ? m_badgeRect.left() : m_badge.x() - dw / 2 - 2;
    m_detailRect = detail.isEmpty() || dw > m_room
                       ? QRectF()
                       : QRectF(left, m_badgeRect.bottom() + 1, dw + 4, sm.height());
    // Laid out once: shaping text on every paint cost more than drawing it.
    m_badgeText.setText(m_content.badge);
    m_detailText.setText(detail);
}

void AssociationEdgeItem::paintLabels(QPainter *painter, const QColor &colour) const
{
    const CanvasStyle &style = CanvasStyle::of(this);
    static const QFont bold = badgeFont();
    painter->setPen(QPen(colour, 1));
    painter->setBrush(style.labelFill());
    painter->drawRoundedRect(m_badgeRect, 4, 4);
    painter->setFont(bold);
    painter->setPen(m_inCycle ? CanvasStyle::warning() : style.text());
    painter->drawStaticText(m_badgeRect.topLeft() + QPointF(4, 1), m_badgeText);
    if (m_detailRect.isEmpty())
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.labelFill());
    painter->drawRect(m_detailRect);
    painter->setFont(CanvasStyle::smallFont());
    painter->setPen(style.mutedText());
    painter->drawStaticText(m_detailRect.topLeft() + QPointF(2, 0), m_detailText);
}

} // namespace mc
