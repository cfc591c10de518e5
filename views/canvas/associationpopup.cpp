#include "associationpopup.h"

#include "commands/commands.h"
#include "rules/inflection.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QTimer>
#include <QUndoStack>

namespace mc {

namespace {

const AssociationType allTypes[] = {AssociationType::BelongsTo, AssociationType::HasOne,
                                    AssociationType::HasMany, AssociationType::BelongsToMany};

bool isMany(AssociationType type)
{
    return type == AssociationType::HasMany || type == AssociationType::BelongsToMany;
}

} // namespace

AssociationPopup::AssociationPopup(Document *document, ModelId source, ModelId target,
                                   AliasPrompt prompt, QWidget *parent)
    : QObject(parent), m_document(document), m_source(source), m_target(target),
      m_prompt(std::move(prompt)), m_parent(parent), m_menu(new QMenu(parent))
{
    const QString s = document->model(source)->name;
    const QString t = document->model(target)->name;
    m_menu->setAccessibleName(tr("New association from %1 to %2").arg(s, t));
    m_menu->setToolTipsVisible(true);
    for (AssociationType type : allTypes) {
        QAction *action = m_menu->addAction(describe(type, s, t));
        action->setData(associationTypeName(type));
        connect(action, &QAction::triggered, this, [this, type] { choose(type); });
    }
    // Deleted once the menu closes and a chosen action (queued after it) has run.
    connect(m_menu, &QMenu::aboutToHide, this,
            [this] { QTimer::singleShot(0, this, &QObject::deleteLater); });
}

AssociationPopup::~AssociationPopup()
{
    if (m_menu)
        m_menu->deleteLater();
}

AliasPrompt AssociationPopup::defaultPrompt()
{
    return [](QWidget *parent, const QString &label,
              const QString &suggestion) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(parent, tr("Association alias"), label,
                                                   QLineEdit::Normal, suggestion, &ok);
        if (!ok)
            return std::nullopt;
        return text;
    };
}

void AssociationPopup::popup(const QPoint &globalPos)
{
    m_menu->popup(globalPos);
}

QString AssociationPopup::describe(AssociationType type, const QString &source,
                                   const QString &target)
{
    switch (type) {
    case AssociationType::BelongsTo:
        return tr("belongsTo: the FK goes on %1 (each %1 points to one %2)").arg(source, target);
    case AssociationType::HasOne:
        return tr("hasOne: the FK goes on %2 (a %1 has one %2)").arg(source, target);
    case AssociationType::HasMany:
        return tr("hasMany: the FK goes on %2 (a %1 has many %3)")
            .arg(source, target, pluralize(target));
    case AssociationType::BelongsToMany:
        return tr("belongsToMany: both FKs go in a new junction table (many %1 to many %2)")
            .arg(pluralize(source), pluralize(target));
    }
    return QString();
}

bool AssociationPopup::needsAlias(const QString &source, const QString &target) const
{
    if (source == target)
        return true;
    for (int i = 0; i < m_document->associationCount(); ++i) {
        const Association *a = m_document->association(m_document->associationIdAt(i));
        if ((a->source == source && a->target == target) ||
            (a->source == target && a->target == source))
            return true;
    }
    return false;
}

QString AssociationPopup::suggestAlias(AssociationType type, const QString &source,
                                       const QString &target) const
{
    QString base;
    if (source == target) {
        switch (type) {
        case AssociationType::BelongsTo:
            base = QStringLiteral("Parent");
            break;
        case AssociationType::HasOne:
            base = QStringLiteral("Child");
            break;
        case AssociationType::HasMany:
            base = QStringLiteral("Children");
            break;
        case AssociationType::BelongsToMany:
            base = QStringLiteral("Related") + pluralize(target);
            break;
        }
    } else {
        base = QStringLiteral("Other") + (isMany(type) ? pluralize(target) : target);
    }
    // Unique among the source's association keys (Sequelize rejects a repeated alias).
    QSet<QString> taken;
    for (int i = 0; i < m_document->associationCount(); ++i) {
        const ResolvedAssociation *r = m_document->resolved(m_document->associationIdAt(i));
        if (r && r->source == source)
            taken.insert(r->as);
    }
    QString alias = base;
    for (int n = 2; taken.contains(alias); ++n)
        alias = base + QString::number(n);
    return alias;
}

QString AssociationPopup::suggestThrough(const QString &source, const QString &plural) const
{
    QSet<QString> taken;
    for (int i = 0; i < m_document->modelCount(); ++i)
        taken.insert(m_document->model(m_document->modelIdAt(i))->name);
    for (const DerivedTable &t : m_document->derived().tables)
        taken.insert(t.model);
    const QString base = source + plural;
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = base + QString::number(n);
    return name;
}

void AssociationPopup::choose(AssociationType type)
{
    const Model *source = m_document->model(m_source);
    const Model *target = m_document->model(m_target);
    if (!source || !target)
        return;
    Association a;
    a.type = type;
    a.source = source->name;
    a.target = target->name;
    if (needsAlias(a.source, a.target)) {
        const QString label =
            a.source == a.target
                ? tr("%1 %2 %1 is a self-association: name it with `as`")
                      .arg(a.source, associationTypeName(type))
                : tr("%1 and %2 already have an association: name this one with `as` "
                     "so their accessors and keys do not collide")
                      .arg(a.source, a.target);
        const std::optional<QString> alias =
            m_prompt(m_parent, label, suggestAlias(type, a.source, a.target));
        if (!alias)
            return;
        if (!alias->trimmed().isEmpty()) {
            a.as.kind = AliasSpec::Kind::String;
            a.as.name = alias->trimmed();
        }
    }
    if (type == AssociationType::BelongsToMany) {
        const QString plural =
            a.as.kind == AliasSpec::Kind::String ? a.as.name : pluralize(a.target);
        a.through = suggestThrough(a.source, plural);
    }
    EditCommand *command = addAssociationCommand(m_document, a);
    if (!command)
        return;
    const QVector<AssociationId> ids = command->createdAssociations();
    m_document->undoStack()->push(command);
    if (!ids.isEmpty())
        Q_EMIT created(ids.first());
}

} // namespace mc
