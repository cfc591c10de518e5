#pragma once

#include "nodecontent.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>
#include <QStaticText>
#include <QVector>

namespace mc {

class AssociationEdgeItem;
class CanvasStyle;

/// A table box: header (name, table name) and one row per column. The base of the
/// model and junction nodes; it caches what it paints and the edges that end on it
/// (so that a move re-routes only those).
class NodeItem : public QGraphicsItem
{
public:
    NodeItem();

    void setContent(NodeContent content);
    const NodeContent &content() const { return m_content; }
    void setCollapsed(bool collapsed);
    bool isCollapsed() const { return m_collapsed; }
    void setInCycle(bool inCycle);
    bool inCycle() const { return m_inCycle; }

    void addEdge(AssociationEdgeItem *edge);
    void removeEdge(AssociationEdgeItem *edge);
    const QVector<AssociationEdgeItem *> &edges() const { return m_edges; }

    /// Name for assistive technology: "model User".
    virtual QString accessibleName() const = 0;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QRectF headerRect() const;
    /// The box without the selection margin, in item and in scene coordinates.
    QRectF box() const { return QRectF(QPointF(0, 0), m_size); }
    QRectF sceneBox() const { return QRectF(pos(), m_size); }
    /// The column row under \a pos (item coordinates), -1 if none.
    int rowAt(const QPointF &pos) const;

    /// The border and fill of the box (cycle and selection included).
    QPen boxPen(const CanvasStyle &style) const;
    QColor boxFill(const CanvasStyle &style) const;
    /// Zoomed out, whether the enlarged name is large enough to read at \a lod.
    static bool overviewTitleReadable(qreal lod);
    /// The enlarged name in the box (item coordinates), as drawn zoomed out.
    void paintOverviewTitle(QPainter *painter, const CanvasStyle &style) const;

protected:
    virtual bool isJunction() const { return false; }
    /// Extras drawn over the header (the model node's handle and chevron).
    virtual void paintDecorations(QPainter *, const QColor &) {}
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void relayout();
    QPainterPath headerBand() const;
    void prepareHeaderTexts();
    void paintBox(QPainter *painter, bool detailed);
    void paintRows(QPainter *painter);

    /// What paintRows() draws per row, measured once per layout, not per paint.
    struct RowLayout
    {
        QStaticText name; ///< elided to the room left by the type
        QStaticText type;
        qreal typeX = 0;
    };

    NodeContent m_content;
    QVector<RowLayout> m_rowLayout;
    QVector<AssociationEdgeItem *> m_edges;
    /// The enlarged name of the zoomed-out box, laid out once per zoom, not per paint.
    QStaticText m_overviewTitle;
    /// Header texts: shaped once, not on every paint (most of a node's paint cost).
    QStaticText m_titleText;
    QStaticText m_subtitleText;
    QPainterPath m_headerBand;
    QSizeF m_size;
    qreal m_markerWidth = 0;
    qreal m_nameWidth = 0;
    qreal m_rowHeight = 0;
    qreal m_headerHeight = 0;
    bool m_collapsed = false;
    bool m_inCycle = false;
};

} // namespace mc
