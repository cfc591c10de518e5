#pragma once

#include <QRectF>

class QPainter;

namespace mc {

class CanvasScene;

/// Zoomed out, the diagram is drawn in one pass over the scene's maps instead of
/// item by item: edges as bare lines and nodes as named boxes, batched per colour.
/// Graphics View walks, sorts and sets up a painter state for every item in sight
/// (about 16,000 at 5,000 models), which cost far more than the drawing.
class CanvasOverview
{
public:
    /// Paints what the items would paint at \a lod (below CanvasStyle::detailThreshold)
    /// inside \a exposed (scene coordinates); \a painter maps scene to device.
    static void paint(QPainter *painter, const CanvasScene &scene, const QRectF &exposed,
                      qreal lod);

private:
    static void paintEdges(QPainter *painter, const CanvasScene &scene, const QRectF &exposed);
    static void paintNodes(QPainter *painter, const CanvasScene &scene, const QRectF &exposed,
                           qreal lod);
};

} // namespace mc
