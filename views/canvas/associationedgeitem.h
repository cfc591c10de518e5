#pragma once

#include "nodecontent.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>
#include <QStaticText>

namespace mc {

class CanvasStyle;
class NodeItem;

/// An association: a line from source to target (through the junction node for
/// belongsToMany, a loop for a self-association). The holder of the FK is marked
/// by a dot, its "many" end by a crow's foot; a badge says 1:1 / n:1 / 1:n / n:m.
/// Several edges between the same two nodes take different slots (drawn apart).
class AssociationEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };
    AssociationEdgeItem(AssociationId id, NodeItem *source, NodeItem *target);
    ~AssociationEdgeItem() override;

    int type() const override { return Type; }
    AssociationId id() const { return m_id; }
    NodeItem *source() const { return m_source; }
    NodeItem *target() const { return m_target; }
    NodeItem *junction() const { return m_junction; }

    void setEndpoints(NodeItem *source, NodeItem *target);
    /// Drops the nodes without telling them (they are being deleted with it).
    void forgetNodes() { m_source = m_target = m_junction = nullptr; }
    /// \a anchor: this edge places the junction (the first one using it).
    void setJunction(NodeItem *junction, bool anchor);
    /// This edge is number \a index of \a count between the same two models.
    void setSlot(int index, int count);
    int slotIndex() const { return m_slot; }
    void setContent(EdgeContent content);
    const EdgeContent &content() const { return m_content; }
    void setInCycle(bool inCycle);
    bool inCycle() const { return m_inCycle; }
    QString accessibleName() const { return m_content.title; }

    /// A node it ends on moved or resized: re-route (and place the junction).
    void nodeMoved(NodeItem *node);
    void adjust();
    /// Where the badge sits (scene coordinates): the middle of the edge.
    QPointF badgePos() const { return mapToScene(m_badgeRect.center()); }

    /// The route in scene coordinates, and its straight segments (none for a loop).
    const QPainterPath &path() const { return m_path; }
    const QVector<QLineF> &segments() const { return m_segments; }
    /// The line's pen: colour and width by cycle and selection, dashed without a
    /// constraint; cosmetic (the same width at every zoom).
    QPen linePen(const CanvasStyle &style) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    static constexpr qreal markerSize = 10; ///< crow's foot length, bar offset
    struct End
    {
        QPointF point;
        QPointF out; ///< unit vector from the node into the edge
        bool holder = false;
        bool many = false;
    };
    qreal slotOffset() const;
    void placeJunction();
    void routeStraight(NodeItem *from, NodeItem *to, bool fromHolds, bool toHolds);
    void routeLoop();
    void paintEnd(QPainter *painter, const End &end, const QColor &colour) const;
    void paintLabels(QPainter *painter, const QColor &colour) const;
    void measureLabels();
    void layoutLabels();
    QString detailText() const;

    AssociationId m_id;
    NodeItem *m_source;
    NodeItem *m_target;
    NodeItem *m_junction = nullptr;
    bool m_junctionAnchor = false;
    int m_slot = 0;
    int m_slotCount = 1;
    EdgeContent m_content;
    bool m_inCycle = false;

    QPainterPath m_path;
    /// The straight segments of m_path (empty for a loop): painted clipped to the
    /// exposed rectangle, since stroking a long line whole costs its full length.
    QVector<QLineF> m_segments;
    mutable QPainterPath m_shape; ///< hit-test outline, computed on first use
    QVector<End> m_ends;
    QPointF m_badge;
    QPointF m_outward;   ///< unit normal on the side of the edge's slot
    QRectF m_badgeRect;  ///< the badge, laid out once per route
    QRectF m_detailRect; ///< alias and FK name under it, empty when there is no room
    qreal m_badgeWidth = 8;
    qreal m_detailWidth = 0;
    QStaticText m_badgeText;
    QStaticText m_detailText;
    qreal m_room = 0; ///< length of the segment that carries the labels
    QRectF m_bounds;
};

} // namespace mc
