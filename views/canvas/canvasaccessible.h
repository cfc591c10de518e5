#pragma once

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>

class QGraphicsItem;

namespace mc {

class CanvasView;

/// Installs the factory that gives every CanvasView the interface below (once).
void installCanvasAccessibility();

/// What assistive technology sees of the diagram: the view, whose children are
/// one interface per node and edge (CanvasItemAccessible) instead of one opaque
/// widget.
class CanvasViewAccessible : public QAccessibleWidget
{
public:
    explicit CanvasViewAccessible(CanvasView *view);
    ~CanvasViewAccessible() override;

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

    CanvasView *view() const;
    /// The interface of \a item, created and registered on first use.
    QAccessibleInterface *interfaceFor(QGraphicsItem *item) const;

private:
    mutable QHash<QString, QAccessible::Id> m_ids;
};

} // namespace mc
