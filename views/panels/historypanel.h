#pragma once

#include <QUndoView>

namespace mc {

class Document;

/// The undo history dock: every step of the document's undo stack, the saved state
/// marked, "<original>" for the state it was opened in; choosing a step goes to it.
class HistoryPanel : public QUndoView
{
    Q_OBJECT

public:
    explicit HistoryPanel(Document *document, QWidget *parent = nullptr);
};

} // namespace mc
