#include "modelnodeitem.h"

#include "canvasstyle.h"

#include <QCoreApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace mc {

ModelNodeItem::ModelNodeItem(ModelId id) : m_id(id)
{
    setFlags(flags() | ItemIsMovable | ItemIsSelectable);
}

QString ModelNodeItem::accessibleName() const
{
    return QCoreApplication::translate("mc::ModelNodeItem", "model %1").arg(content().title);
}

QRectF ModelNodeItem::handleRect() const
{
    const qreal r = CanvasStyle::handleRadius;
    const QRectF h = headerRect();
    return QRectF(h.right() - r, h.center().y() - r, 2 * r, 2 * r);
}

QRectF ModelNodeItem::chevronRect() const
{
    const QRectF h = headerRect();
    const qreal s = 12;
    return QRectF(h.right() - CanvasStyle::handleRadius - 8 - s, h.center().y() - s / 2, s, s);
}

void ModelNodeItem::paintDecorations(QPainter *painter, const QColor &accent)
{
    const QRectF c = chevronRect().adjusted(3, 4, -3, -4);
    QPainterPath chevron;
    if (isCollapsed()) { // pointing right: expand
        chevron.moveTo(c.left() + 1, c.top() - 1);
        chevron.lineTo(c.right(), c.center().y());
        chevron.lineTo(c.left() + 1, c.bottom() + 1);
    } else { // pointing down: collapse
        chevron.moveTo(c.topLeft());
        chevron.lineTo(c.center().x(), c.bottom());
        chevron.lineTo(c.topRight());
    }
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(accent, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(chevron);
    painter->setPen(QPen(accent.darker(120), 1));
    painter->setBrush(accent);
    painter->drawEllipse(handleRect());
}

void ModelNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && chevronRect().contains(event->pos())) {
        setCollapsed(!isCollapsed());
        event->accept();
        return;
    }
    NodeItem::mousePressEvent(event);
}

} // namespace mc
