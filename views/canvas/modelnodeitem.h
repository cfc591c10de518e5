#pragma once

#include "nodeitem.h"

namespace mc {

/// A declared model: movable, selectable, collapsible to its name, with a
/// connection handle from which associations are drawn.
class ModelNodeItem : public NodeItem
{
public:
    enum { Type = UserType + 1 };
    explicit ModelNodeItem(ModelId id);

    int type() const override { return Type; }
    ModelId id() const { return m_id; }
    QString accessibleName() const override;

    /// The handle, in item coordinates: drag from it to draw an association.
    QRectF handleRect() const;
    /// The collapse chevron, in item coordinates.
    QRectF chevronRect() const;

protected:
    void paintDecorations(QPainter *painter, const QColor &accent) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    ModelId m_id;
};

} // namespace mc
