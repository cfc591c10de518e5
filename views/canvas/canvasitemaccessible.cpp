#include "canvasitemaccessible.h"

#include "associationedgeitem.h"
#include "canvasscene.h"
#include "canvasview.h"
#include "junctionnodeitem.h"
#include "modelnodeitem.h"

#include <QCoreApplication>
#include <QWidget>

namespace mc {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mc::CanvasItemAccessible", text, nullptr, n);
}

} // namespace

CanvasItemAccessible::CanvasItemAccessible(CanvasView *view, const QString &key)
    : m_view(view), m_key(key)
{}

QString CanvasItemAccessible::keyOf(const QGraphicsItem *item)
{
    if (auto *node = qgraphicsitem_cast<const ModelNodeItem *>(item))
        return QStringLiteral("m:%1").arg(node->id());
    if (auto *junction = qgraphicsitem_cast<const JunctionNodeItem *>(item))
        return QStringLiteral("j:") + junction->model();
    if (auto *edge = qgraphicsitem_cast<const AssociationEdgeItem *>(item))
        return QStringLiteral("a:%1").arg(edge->id());
    return QString();
}

QGraphicsItem *CanvasItemAccessible::item() const
{
    if (!m_view)
        return nullptr;
    CanvasScene *scene = m_view->canvasScene();
    const QString payload = m_key.mid(2);
    switch (m_key.at(0).unicode()) {
    case 'm':
        return scene->modelNode(payload.toUInt());
    case 'j':
        return scene->junctionNode(payload);
    case 'a':
        return scene->edge(payload.toUInt());
    }
    return nullptr;
}

bool CanvasItemAccessible::isValid() const
{
    return item() != nullptr;
}

QWindow *CanvasItemAccessible::window() const
{
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *CanvasItemAccessible::parent() const
{
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

QString CanvasItemAccessible::text(QAccessible::Text t) const
{
    QGraphicsItem *it = item();
    if (!it)
        return QString();
    auto *node = dynamic_cast<NodeItem *>(it);
    auto *edge = qgraphicsitem_cast<AssociationEdgeItem *>(it);
    switch (t) {
    case QAccessible::Name:
        return node ? node->accessibleName() : edge->accessibleName();
    case QAccessible::Description: {
        QStringList parts;
        bool inCycle = false;
        if (node) {
            parts << tr("Table %1, %n column(s)", int(node->content().rows.size()))
                         .arg(node->content().subtitle);
            QStringList columns;
            for (const NodeRow &row : node->content().rows)
                columns << QStringLiteral("%1 %2").arg(row.name, row.type);
            parts << columns.join(QStringLiteral(", "));
            inCycle = node->inCycle();
        } else {
            parts << edge->content().toolTip.split(QLatin1Char('\n')).mid(1);
            inCycle = edge->inCycle();
        }
        // Qt has no accessible warning state: the description says it.
        if (inCycle)
            parts.prepend(tr("Warning: part of a foreign-key cycle"));
        return parts.join(QStringLiteral(". "));
    }
    case QAccessible::Help:
        return it->toolTip();
    default:
        return QString();
    }
}

QRect CanvasItemAccessible::rect() const
{
    QGraphicsItem *it = item();
    if (!it || !m_view)
        return QRect();
    auto *node = dynamic_cast<NodeItem *>(it);
    const QRectF scene = node ? node->sceneBox() : it->sceneBoundingRect();
    const QRect local = m_view->mapFromScene(scene).boundingRect();
    return QRect(m_view->viewport()->mapToGlobal(local.topLeft()), local.size());
}

QAccessible::Role CanvasItemAccessible::role() const
{
    return m_key.startsWith(QLatin1Char('a')) ? QAccessible::Link : QAccessible::Graphic;
}

QAccessible::State CanvasItemAccessible::state() const
{
    QAccessible::State s;
    QGraphicsItem *it = item();
    if (!it) {
        s.invalid = true;
        return s;
    }
    s.selectable = it->flags().testFlag(QGraphicsItem::ItemIsSelectable);
    s.selected = it->isSelected();
    s.focusable = it->flags().testFlag(QGraphicsItem::ItemIsFocusable);
    s.focused = it->hasFocus();
    s.movable = it->flags().testFlag(QGraphicsItem::ItemIsMovable);
    s.readOnly = m_key.startsWith(QLatin1Char('j'));
    s.invisible = !it->isVisible();
    s.offscreen = m_view && !m_view->viewport()->rect().intersects(
                                m_view->mapFromScene(it->sceneBoundingRect()).boundingRect());
    return s;
}

} // namespace mc
