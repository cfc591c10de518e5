#include "editpusher.h"

#include "commands/editcommand.h"

#include <QUndoStack>

namespace mc {

QString EditPusher::push(EditCommand *command, const std::function<EditCommand *()> &restore)
{
    if (!command)
        return QString();
    QUndoStack *stack = m_document->undoStack();
    const bool hadError = m_document->derived().error.has_value();
    const int indexBefore = stack->index();
    m_pushing = true;
    stack->push(command); // may delete command (merged)
    QString message;
    if (!hadError && m_document->derived().error) {
        message = m_document->derived().error->message;
        const bool merged = stack->index() == indexBefore;
        // QUndoStack skips undo() and redo() of an obsolete command and deletes it,
        // so: undo it while it counts, then mark it and "redo" it away.
        stack->undo();
        if (auto *top = const_cast<QUndoCommand *>(stack->command(stack->index()))) {
            top->setObsolete(true);
            stack->redo();
        }
        if (merged && restore) {
            if (EditCommand *again = restore())
                stack->push(again);
        }
    }
    m_pushing = false;
    return message;
}

} // namespace mc
