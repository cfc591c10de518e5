// AssociationEdgeItem: painting and the labels' layout.
#include "associationedgeitem.h"

#include "canvasscene.h"
#include "canvasstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <optional>

namespace mc {

namespace {

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

QFont badgeFont()
{
    QFont f = CanvasStyle::smallFont();
    f.setBold(true);
    return f;
}

} // namespace

QString AssociationEdgeItem::detailText() const
{
    QStringList parts;
    if (!m_content.alias.isEmpty())
        parts << QStringLiteral("as %1").arg(m_content.alias);
    if (!m_content.fkName.isEmpty())
        parts << m_content.fkName;
    return parts.join(QStringLiteral(" · "));
}

QPen AssociationEdgeItem::linePen(const CanvasStyle &style) const
{
    QColor colour = m_inCycle ? CanvasStyle::warning() : style.edge();
    qreal width = m_inCycle ? 2.2 : 1;
    if (isSelected()) {
        colour = style.accent();
        width = 2.6;
    }
    // Cosmetic: the same width at every zoom, and 1 px lines take Qt's fast path.
    QPen pen(colour, width, m_content.noConstraint ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    pen.setCosmetic(true);
    return pen;
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
    QPen pen = linePen(style);
    const QColor colour = pen.color();
    // Antialiased, a 1 px cosmetic line goes through Qt's per-pixel cosmetic stroker;
    // a hair wider, through the span rasteriser: the same look at about a third of
    // the cost (bench_canvas, hundreds of long edges crossing the view at 100%).
    auto *canvas = qobject_cast<CanvasScene *>(scene());
    const bool smooth = detailed && !(canvas && canvas->inMotion());
    if (smooth && pen.widthF() == 1)
        pen.setWidthF(1.05);
    const qreal width = pen.widthF();
    painter->setRenderHint(QPainter::Antialiasing, smooth);
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

/// Shapes the labels' text, once per content (not once per route: a drag re-routes).
void AssociationEdgeItem::measureLabels()
{
    static const QFontMetricsF bm(badgeFont());
    static const QFontMetricsF sm(CanvasStyle::smallFont());
    const QString detail = detailText();
    m_badgeWidth = bm.horizontalAdvance(m_content.badge) + 8;
    m_detailWidth = detail.isEmpty() ? 0 : sm.horizontalAdvance(detail);
    m_badgeText.setText(m_content.badge);
    m_detailText.setText(detail);
}

void AssociationEdgeItem::layoutLabels()
{
    static const qreal badgeHeight = QFontMetricsF(badgeFont()).height();
    static const qreal detailHeight = QFontMetricsF(CanvasStyle::smallFont()).height();
    m_badgeRect = QRectF(m_badge.x() - m_badgeWidth / 2, m_badge.y() - badgeHeight / 2 - 1,
                         m_badgeWidth, badgeHeight + 2);
    // Alias and FK name, where the edge is long enough to carry them readably.
    const qreal dw = m_detailWidth;
    // Centred under the badge; a loop's runs rightwards, away from its node.
    const bool loop = m_source == m_target && !m_junction;
    const qreal left = loop ? m_badgeRect.left() : m_badge.x() - dw / 2 - 2;
    m_detailRect = m_detailText.text().isEmpty() || dw > m_room
                       ? QRectF()
                       : QRectF(left, m_badgeRect.bottom() + 1, dw + 4, detailHeight);
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
