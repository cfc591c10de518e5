#pragma once

#include <QString>

#include <functional>

namespace mc {

class Document;
class EditCommand;

/// Pushes the property panel's commands on the document's undo stack and takes
/// back the ones Sequelize rejects at define time, so that the document never
/// holds a value the panel refused.
class EditPusher
{
public:
    explicit EditPusher(Document *document) : m_document(document) {}

    /// Pushes \a command (nothing when null). When the document had no define error
    /// and now has one, the edit is undone and dropped from the stack, and Sequelize's
    /// message is returned. If the command had merged into the previous step (typing),
    /// undoing takes that whole step back, so \a restore (if given) makes the command
    /// that re-applies the state just before this push (under the same merge key).
    QString push(EditCommand *command, const std::function<EditCommand *()> &restore = {});

    /// True while a push runs: the panel keeps the text of the field being typed in.
    bool isPushing() const { return m_pushing; }

private:
    Document *m_document;
    bool m_pushing = false;
};

} // namespace mc
