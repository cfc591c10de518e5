#pragma once
// What a person does on the window's canvas, for the GUI tests: where a node's
// handle and centre are, a real mouse drag, the association popup, naming in place.

#include "canvasscene.h"
#include "canvasview.h"
#include "mainwindow.h"
#include "modelnodeitem.h"
#include "nameeditor.h"

#include <QApplication>
#include <QMenu>
#include <QTest>

namespace mc::test {

inline QPoint viewPos(CanvasView *view, const QPointF &scenePos)
{
    return view->mapFromScene(scenePos);
}

inline QPoint handleOf(MainWindow &w, const QString &model)
{
    ModelNodeItem *node = w.canvasScene()->modelNode(w.document()->modelIdByName(model));
    return node ? viewPos(w.canvasView(), node->mapToScene(node->handleRect().center())) : QPoint();
}

inline QPoint centreOf(MainWindow &w, const QString &model)
{
    ModelNodeItem *node = w.canvasScene()->modelNode(w.document()->modelIdByName(model));
    return node ? viewPos(w.canvasView(), node->sceneBox().center()) : QPoint();
}

/// A left-button drag with intermediate moves, so the view sees a real drag.
inline void drag(QWidget *w, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(w, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(w, from + (to - from) * i / 5);
    QTest::mouseRelease(w, Qt::LeftButton, {}, to);
}

inline QMenu *openPopup()
{
    QMenu *menu = nullptr;
    for (int i = 0; i < 100 && !menu; ++i) {
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            QTest::qWait(10);
    }
    return menu;
}

/// Clicks the association popup's entry for \a type.
inline bool choose(QMenu *menu, const QString &type)
{
    for (QAction *action : menu->actions())
        if (action->data().toString() == type) {
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
            return true;
        }
    return false;
}

/// Types \a name into the open in-place name editor and presses Enter.
inline bool nameInPlace(CanvasView *view, const QString &name)
{
    NameEditor *editor = view->nameEditor();
    if (!editor)
        return false;
    editor->selectAll();
    QTest::keyClicks(editor, name);
    QTest::keyClick(editor, Qt::Key_Return);
    return true;
}

} // namespace mc::test
