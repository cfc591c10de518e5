#pragma once

#include <QAction>
#include <QKeySequence>
#include <QMenu>

namespace mc {

/// A menu entry with an objectName (for automation and tests) and an optional key.
inline QAction *menuAction(QMenu *menu, const QString &name, const QString &text,
                           const QKeySequence &key = QKeySequence())
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    action->setShortcut(key);
    return action;
}

} // namespace mc
