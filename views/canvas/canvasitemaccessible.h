#pragma once

#include <QAccessibleInterface>
#include <QPointer>

class QGraphicsItem;

namespace mc {

class CanvasView;

/// One node or edge of the diagram for assistive technology. It names its item by
/// a key (kind and id), not a pointer, and finds it again on every call, so an item
/// deleted by an edit makes it invalid rather than dangling.
class CanvasItemAccessible : public QAccessibleInterface
{
public:
    CanvasItemAccessible(CanvasView *view, const QString &key);

    /// "m:<model id>", "j:<junction model>", "a:<association id>".
    static QString keyOf(const QGraphicsItem *item);
    QGraphicsItem *item() const;

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QVector<QPair<QAccessibleInterface *, QAccessible::Relation>>
    relations(QAccessible::Relation) const override
    {
        return {};
    }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override;
    QAccessible::State state() const override;

private:
    QPointer<CanvasView> m_view;
    QString m_key;
};

} // namespace mc
