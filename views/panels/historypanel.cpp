#include "historypanel.h"

#include "document/document.h"

#include <QApplication>
#include <QStyle>

namespace mc {

HistoryPanel::HistoryPanel(Document *document, QWidget *parent)
    : QUndoView(document->undoStack(), parent)
{
    setObjectName(QStringLiteral("historyPanel"));
    setAccessibleName(tr("Undo history"));
    setEmptyLabel(tr("<original>"));
    setCleanIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
}

} // namespace mc
