#include "canvasoverview.h"

#include "associationedgeitem.h"
#include "canvasscene.h"
#include "canvasstyle.h"
#include "junctionnodeitem.h"
#include "modelnodeitem.h"

#include <QPainter>
#include <QPainterPath>

#include <map>
#include <optional>
#include <tuple>

namespace mc {

namespace {

/// Pens and brushes as keys: the few looks (plain, in a cycle, selected, dashed).
using PenKey = std::tuple<QRgb, qreal, int>;

PenKey keyOf(const QPen &pen)
{
    return {pen.color().rgba(), pen.widthF(), int(pen.style())};
}

QPen penOf(const PenKey &key, bool cosmetic)
{
    QPen pen(QColor::fromRgba(std::get<0>(key)), std::get<1>(key), Qt::PenStyle(std::get<2>(key)),
             Qt::RoundCap);
    pen.setCosmetic(cosmetic);
    return pen;
}

} // namespace

void CanvasOverview::paint(QPainter *painter, const CanvasScene &scene, const QRectF &exposed,
                           qreal lod)
{
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (lod >= CanvasStyle::overviewThreshold)
        paintEdges(painter, scene, exposed);
    paintNodes(painter, scene, exposed, lod);
}

void CanvasOverview::paintEdges(QPainter *painter, const CanvasScene &scene, const QRectF &exposed)
{
    const CanvasStyle &style = scene.style();
    std::map<PenKey, QVector<QLineF>> lines;
    std::map<PenKey, QPainterPath> loops;
    // Most edges look plain (solid or dashed): their pen is built once, not per edge.
    std::optional<PenKey> plain[2];
    const Document *document = scene.document();
    for (int i = 0; i < document->associationCount(); ++i) {
        const AssociationEdgeItem *edge = scene.edge(document->associationIdAt(i));
        if (!edge || !edge->boundingRect().intersects(exposed))
            continue;
        PenKey key;
        if (!edge->isSelected() && !edge->inCycle()) {
            std::optional<PenKey> &known = plain[edge->content().noConstraint];
            if (!known)
                known = keyOf(edge->linePen(style));
            key = *known;
        } else {
            key = keyOf(edge->linePen(style));
        }
        if (edge->segments().isEmpty())
            loops[key].addPath(edge->path());
        else
            lines[key] += edge->segments();
    }
    painter->setBrush(Qt::NoBrush);
    for (const auto &[key, batch] : lines) {
        painter->setPen(penOf(key, true));
        painter->drawLines(batch.constData(), int(batch.size()));
    }
    for (const auto &[key, path] : loops) {
        painter->setPen(penOf(key, true));
        painter->drawPath(path);
    }
}

void CanvasOverview::paintNodes(QPainter *painter, const CanvasScene &scene, const QRectF &exposed,
                                qreal lod)
{
    const CanvasStyle &style = scene.style();
    QVector<const NodeItem *> visible;
    const Document *document = scene.document();
    for (int i = 0; i < document->modelCount(); ++i)
        if (const NodeItem *node = scene.modelNode(document->modelIdAt(i)))
            if (node->sceneBox().intersects(exposed))
                visible << node;
    for (const NodeItem *node : scene.junctionNodes())
        if (node->sceneBox().intersects(exposed))
            visible << node;
    // Boxes per look: one drawRects call each. Plain boxes (most) share the pen of
    // their kind, built once; selected and cyclic ones are drawn last, on top.
    std::map<std::pair<PenKey, QRgb>, QVector<QRectF>> boxes;
    std::map<std::pair<PenKey, QRgb>, QVector<QRectF>> marked;
    std::optional<std::pair<PenKey, QRgb>> plain[2];
    for (const NodeItem *node : std::as_const(visible)) {
        if (node->isSelected() || node->inCycle()) {
            marked[{keyOf(node->boxPen(style)), node->boxFill(style).rgba()}] << node->sceneBox();
            continue;
        }
        std::optional<std::pair<PenKey, QRgb>> &known =
            plain[node->type() == JunctionNodeItem::Type];
        if (!known)
            known = std::make_pair(keyOf(node->boxPen(style)), node->boxFill(style).rgba());
        boxes[*known] << node->sceneBox();
    }
    for (const auto *looks : {&boxes, &marked})
        for (const auto &[key, rects] : *looks) {
            QPen pen = penOf(key.first, false);
            pen.setCapStyle(Qt::SquareCap);
            painter->setPen(pen);
            painter->setBrush(QColor::fromRgba(key.second));
            painter->drawRects(rects.constData(), int(rects.size()));
        }
    if (!NodeItem::overviewTitleReadable(lod))
        return;
    const QTransform base = painter->worldTransform();
    for (const NodeItem *node : std::as_const(visible)) {
        painter->setWorldTransform(QTransform::fromTranslate(node->x(), node->y()) * base);
        node->paintOverviewTitle(painter, style);
    }
    painter->setWorldTransform(base);
}

} // namespace mc
