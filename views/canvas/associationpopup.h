#pragma once

#include "document/document.h"

#include <QMenu>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace mc {

/// Asks for an alias (`as`); nullopt cancels. QInputDialog by default, replaced in tests.
using AliasPrompt = std::function<std::optional<QString>(QWidget *parent, const QString &label,
                                                         const QString &suggestion)>;

/// The popup that ends a drag from one node's handle onto another (or the same)
/// node: the four association types, each saying where the FK goes. Choosing one
/// asks for `as` where Sequelize would otherwise reject or collide (a
/// self-association, a second association between the pair) and pushes the
/// command. Deletes itself when the menu closes.
class AssociationPopup : public QObject
{
    Q_OBJECT

public:
    AssociationPopup(Document *document, ModelId source, ModelId target, AliasPrompt prompt,
                     QWidget *parent);
    ~AssociationPopup() override;

    QMenu *menu() const { return m_menu; }
    void popup(const QPoint &globalPos);

    /// The text of the menu entry for \a type: where its FK goes.
    /// The default `as` question: a QInputDialog.
    static AliasPrompt defaultPrompt();
    static QString describe(AssociationType type, const QString &source, const QString &target);

Q_SIGNALS:
    /// The association was added (its command pushed).
    void created(mc::AssociationId id);

private:
    void choose(AssociationType type);
    bool needsAlias(const QString &source, const QString &target) const;
    QString suggestAlias(AssociationType type, const QString &source, const QString &target) const;
    QString suggestThrough(const QString &source, const QString &plural) const;

    Document *m_document;
    ModelId m_source;
    ModelId m_target;
    AliasPrompt m_prompt;
    QWidget *m_parent;
    QPointer<QMenu> m_menu;
};

} // namespace mc
