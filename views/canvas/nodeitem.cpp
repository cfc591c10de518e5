#include "nodeitem.h"

#include "associationedgeitem.h"
#include "canvasstyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace mc {

namespace {
constexpr qreal minWidth = 150;
constexpr qreal maxWidth = 420;
constexpr qreal typeGap = 16;
} // namespace

NodeItem::NodeItem()
{
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    relayout();
}

void NodeItem::setContent(NodeContent content)
{
    if (content == m_content)
        return;
    m_content = std::move(content);
    setToolTip(m_content.toolTip);
    relayout();
}

void NodeItem::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    relayout();
}

void NodeItem::setInCycle(bool inCycle)
{
    if (inCycle == m_inCycle)
        return;
    m_inCycle = inCycle;
    update();
}

void NodeItem::addEdge(AssociationEdgeItem *edge)
{
    if (!m_edges.contains(edge))
        m_edges << edge;
}

void NodeItem::removeEdge(AssociationEdgeItem *edge)
{
    m_edges.removeAll(edge);
}

// Font metrics are measured once (static): the canvas uses the application font as it
// is when the first node is laid out.
void NodeItem::relayout()
{
    prepareGeometryChange();
    static const QFontMetricsF title(CanvasStyle::titleFont());
    static const QFontMetricsF body(CanvasStyle::bodyFont());
    static const QFontMetricsF small(CanvasStyle::smallFont());
    m_rowHeight = body.height() + 4;
    m_headerHeight = title.height() + small.height() + CanvasStyle::padding * 1.5;
    m_markerWidth = small.horizontalAdvance(QStringLiteral("PK")) + 6;
    m_nameWidth = 0;
    qreal typeWidth = 0;
    for (const NodeRow &row : m_content.rows) {
        m_nameWidth = qMax(m_nameWidth, body.horizontalAdvance(row.name));
        typeWidth = qMax(typeWidth, small.horizontalAdvance(row.type));
    }
    const qreal header = qMax(title.horizontalAdvance(m_content.title),
                              small.horizontalAdvance(m_content.subtitle)) +
                         2 * CanvasStyle::handleRadius + 16;
    const qreal rows = m_markerWidth + m_nameWidth + typeGap + typeWidth;
    const qreal width = qBound(minWidth, qMax(header, rows) + 2 * CanvasStyle::padding, maxWidth);
    const qreal height = m_collapsed ? m_headerHeight
                                     : m_headerHeight + m_content.rows.size() * m_rowHeight +
                                           CanvasStyle::padding / 2;
    m_size = QSizeF(width, height);
    const qreal right = width - CanvasStyle::padding;
    const qreal nameLeft = CanvasStyle::padding + m_markerWidth;
    m_rowLayout.clear();
    m_rowLayout.reserve(m_content.rows.size());
    for (const NodeRow &row : m_content.rows) {
        const qreal typeX = right - small.horizontalAdvance(row.type);
        m_rowLayout.append(
            {body.elidedText(row.name, Qt::ElideRight, typeX - typeGap - nameLeft), typeX});
    }
    update();
    for (AssociationEdgeItem *edge : qAsConst(m_edges))
        edge->nodeMoved(this);
}

QRectF NodeItem::boundingRect() const
{
    const qreal m = 2 + CanvasStyle::handleRadius; // selection pen and the handle
    return QRectF(QPointF(0, 0), m_size).adjusted(-m, -m, m, m);
}

QRectF NodeItem::headerRect() const
{
    return QRectF(0, 0, m_size.width(), m_headerHeight);
}

int NodeItem::rowAt(const QPointF &pos) const
{
    if (m_collapsed || pos.x() < 0 || pos.x() > m_size.width() || pos.y() < m_headerHeight)
        return -1;
    const int row = int((pos.y() - m_headerHeight) / m_rowHeight);
    return row < m_content.rows.size() ? row : -1;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const bool detailed = lod >= CanvasStyle::detailThreshold;
    (void)option;
    paintBox(painter, detailed);
    if (detailed && !m_collapsed)
        paintRows(painter);
}

void NodeItem::paintBox(QPainter *painter, bool detailed)
{
    const CanvasStyle &style = CanvasStyle::of(this);
    const QRectF box(QPointF(0, 0), m_size);
    QColor border = m_inCycle ? CanvasStyle::warning() : style.border();
    qreal width = m_inCycle ? 2.5 : 1;
    if (isSelected()) {
        border = style.accent();
        width = 2.5;
    }
    QPen pen(border, width);
    if (isJunction())
        pen.setStyle(Qt::DashLine);
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setPen(pen);
    painter->setBrush(m_inCycle ? style.warningFill() : style.nodeFill());
    if (detailed)
        painter->drawRoundedRect(box, CanvasStyle::radius, CanvasStyle::radius);
    else
        painter->drawRect(box); // corners too small to see

    if (!detailed) {
        // Zoomed out: a named box, the name enlarged; too small to read, no text.
        static const QFont big = [] {
            QFont f = CanvasStyle::titleFont();
            f.setPointSizeF(f.pointSizeF() * 2.2);
            return f;
        }();
        const qreal lod =
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
        static const qreal bigHeight = QFontMetricsF(big).height();
        if (lod * bigHeight < 5)
            return;
        painter->setFont(big);
        painter->setPen(style.text());
        painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_content.title);
        return;
    }
    // Header band: rounded top corners, square bottom.
    const QRectF header = headerRect();
    QPainterPath band;
    band.setFillRule(Qt::WindingFill);
    band.addRoundedRect(header.adjusted(0.5, 0.5, -0.5, 0), CanvasStyle::radius,
                        CanvasStyle::radius);
    if (!m_collapsed)
        band.addRect(header.adjusted(0.5, header.height() / 2, -0.5, 0));
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_inCycle ? style.warningFill()
                                : (isJunction() ? style.junctionHeaderFill() : style.headerFill()));
    painter->drawPath(band.simplified());
    if (!m_collapsed) {
        painter->setPen(QPen(style.border(), 0.8));
        painter->drawLine(header.bottomLeft(), header.bottomRight());
    }

    static const QFontMetricsF title(CanvasStyle::titleFont());
    const qreal x = CanvasStyle::padding;
    painter->setFont(CanvasStyle::titleFont());
    painter->setPen(style.text());
    painter->drawText(QPointF(x, CanvasStyle::padding * 0.75 + title.ascent()), m_content.title);
    painter->setFont(CanvasStyle::smallFont());
    painter->setPen(style.mutedText());
    static const QFontMetricsF small(CanvasStyle::smallFont());
    painter->drawText(QPointF(x, CanvasStyle::padding * 0.75 + title.height() + small.ascent()),
                      m_content.subtitle);
    paintDecorations(painter, m_inCycle ? CanvasStyle::warning() : style.accent());
}

void NodeItem::paintRows(QPainter *painter)
{
    const CanvasStyle &style = CanvasStyle::of(this);
    static const QFont body = CanvasStyle::bodyFont();
    static const QFont small = CanvasStyle::smallFont();
    static const QFont italic = [] {
        QFont f = CanvasStyle::bodyFont();
        f.setItalic(true);
        return f;
    }();
    static const QFontMetricsF metrics(body);
    const qreal left = CanvasStyle::padding;
    const qreal nameLeft = left + m_markerWidth;
    qreal y = m_headerHeight;
    for (int i = 0; i < m_content.rows.size(); ++i) {
        const NodeRow &row = m_content.rows[i];
        const RowLayout &layout = m_rowLayout[i];
        const qreal base = y + (m_rowHeight + metrics.ascent() - metrics.descent()) / 2;
        painter->setFont(small);
        if (row.primaryKey) {
            painter->setPen(style.accent());
            painter->drawText(QPointF(left, base), QStringLiteral("PK"));
        } else if (row.kind == NodeRow::ForeignKey || row.kind == NodeRow::Key) {
            painter->setPen(style.derived());
            painter->drawText(QPointF(left, base), QStringLiteral("FK"));
        }
        painter->setPen(style.mutedText());
        painter->drawText(QPointF(layout.typeX, base), row.type);
        // Derived FK columns: italic in the link colour (the tooltip names the association).
        const bool derived = row.kind == NodeRow::ForeignKey;
        painter->setFont(derived ? italic : body);
        painter->setPen(derived
                            ? style.derived()
                            : (row.kind == NodeRow::Implicit ? style.mutedText() : style.text()));
        painter->drawText(QPointF(nameLeft, base), layout.name);
        y += m_rowHeight;
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (AssociationEdgeItem *edge : qAsConst(m_edges))
            edge->nodeMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    // One tooltip per row: the FK rows name the association that added them.
    const int row = rowAt(event->pos());
    setToolTip(row >= 0 ? m_content.rows[row].toolTip : m_content.toolTip);
    QGraphicsItem::hoverMoveEvent(event);
}

} // namespace mc
