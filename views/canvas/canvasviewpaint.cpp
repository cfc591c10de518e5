// CanvasView: painting. Zoomed out, the diagram is drawn in one batched pass
// (CanvasOverview); zoomed in, item by item over the dot grid.
#include "canvasview.h"

#include "canvasoverview.h"
#include "canvasscene.h"
#include "canvasstyle.h"
#include "modelnodeitem.h"

#include <QPaintEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace mc {

void CanvasView::paintEvent(QPaintEvent *event)
{
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform());
    if (lod >= CanvasStyle::detailThreshold) {
        QGraphicsView::paintEvent(event);
        return;
    }
    // Zoomed out: the whole diagram in one batched pass (CanvasOverview), not item
    // by item.
    {
        QPainter painter(viewport());
        painter.setRenderHints(renderHints());
        painter.setWorldTransform(viewportTransform());
        const QRectF exposed = mapToScene(event->rect()).boundingRect();
        drawBackground(&painter, exposed);
        CanvasOverview::paint(&painter, *m_scene, exposed, lod);
    }
    // The base class still paints, over one pixel: that settles the scene's pending
    // updates (skipping it would leave a full update pending forever) and draws the
    // foreground (the line of an association being drawn) and the rubber band.
    QPaintEvent corner(QRect(0, 0, 1, 1));
    QGraphicsView::paintEvent(&corner);
}

void CanvasView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const CanvasStyle style(palette());
    painter->fillRect(rect, style.background());
    // A dot grid, only where it stays readable (every dot would be noise zoomed out).
    const qreal step = 40;
    if (m_zoom < 0.35)
        return;
    QPen dot(style.gridDot(), 1);
    dot.setCosmetic(true);
    painter->setPen(dot);
    QVector<QPointF> dots;
    for (qreal x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        for (qreal y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            dots << QPointF(x, y);
    painter->drawPoints(dots.constData(), int(dots.size()));
}

void CanvasView::drawForeground(QPainter *painter, const QRectF &)
{
    if (!m_connectFrom)
        return;
    ModelNodeItem *node = m_scene->modelNode(m_connectFrom);
    if (!node)
        return;
    const CanvasStyle style(palette());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(style.accent(), 2 / m_zoom, Qt::DashLine, Qt::RoundCap));
    painter->drawLine(node->mapToScene(node->handleRect().center()), m_connectEnd);
}

} // namespace mc
