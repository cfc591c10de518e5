#include "nameeditor.h"

#include <QKeyEvent>

namespace mc {

NameEditor::NameEditor(const QString &name, QWidget *parent) : QLineEdit(name, parent)
{
    setAccessibleName(tr("Model name"));
    selectAll();
}

void NameEditor::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish(true);
        return;
    case Qt::Key_Escape:
        finish(false);
        return;
    default:
        QLineEdit::keyPressEvent(event);
    }
}

void NameEditor::focusOutEvent(QFocusEvent *event)
{
    QLineEdit::focusOutEvent(event);
    finish(true);
}

void NameEditor::finish(bool commit)
{
    if (m_done)
        return;
    m_done = true;
    hide();
    if (commit)
        Q_EMIT committed(text().trimmed());
    else
        Q_EMIT cancelled();
    deleteLater();
}

} // namespace mc
