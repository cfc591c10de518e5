#include "canvasaccessible.h"

#include "canvasitemaccessible.h"
#include "canvasscene.h"
#include "canvasview.h"

namespace mc {

namespace {

QAccessibleInterface *canvasFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("mc::CanvasView") && object && object->isWidgetType())
        return new CanvasViewAccessible(static_cast<CanvasView *>(object));
    return nullptr;
}

} // namespace

void installCanvasAccessibility()
{
    static bool installed = false;
    if (!installed) {
        QAccessible::installFactory(canvasFactory);
        installed = true;
    }
}

CanvasViewAccessible::CanvasViewAccessible(CanvasView *view)
    : QAccessibleWidget(view, QAccessible::Canvas)
{}

CanvasViewAccessible::~CanvasViewAccessible()
{
    for (QAccessible::Id id : qAsConst(m_ids))
        QAccessible::deleteAccessibleInterface(id);
}

CanvasView *CanvasViewAccessible::view() const
{
    return static_cast<CanvasView *>(widget());
}

int CanvasViewAccessible::childCount() const
{
    return view()->canvasScene()->accessibleItemCount();
}

QAccessibleInterface *CanvasViewAccessible::interfaceFor(QGraphicsItem *item) const
{
    if (!item)
        return nullptr;
    const QString key = CanvasItemAccessible::keyOf(item);
    if (key.isEmpty())
        return nullptr;
    auto it = m_ids.constFind(key);
    if (it != m_ids.constEnd())
        if (QAccessibleInterface *iface = QAccessible::accessibleInterface(*it))
            return iface;
    auto *iface = new CanvasItemAccessible(view(), key);
    m_ids.insert(key, QAccessible::registerAccessibleInterface(iface));
    return iface;
}

QAccessibleInterface *CanvasViewAccessible::child(int index) const
{
    return interfaceFor(view()->canvasScene()->accessibleItemAt(index));
}

int CanvasViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    auto *item = dynamic_cast<const CanvasItemAccessible *>(child);
    return item ? view()->canvasScene()->accessibleIndexOf(item->item()) : -1;
}

QAccessibleInterface *CanvasViewAccessible::childAt(int x, int y) const
{
    CanvasView *v = view();
    const QPoint pos = v->viewport()->mapFromGlobal(QPoint(x, y));
    for (QGraphicsItem *item : v->items(pos))
        if (QAccessibleInterface *iface = interfaceFor(item))
            return iface;
    return nullptr;
}

QAccessibleInterface *CanvasViewAccessible::focusChild() const
{
    const QList<QGraphicsItem *> selected = view()->canvasScene()->selectedItems();
    return selected.isEmpty() ? nullptr : interfaceFor(selected.first());
}

} // namespace mc
