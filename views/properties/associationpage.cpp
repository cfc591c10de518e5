#include "associationpage.h"

#include "actionexplanation.h"
#include "editpusher.h"
#include "fieldtext.h"
#include "reasonlabel.h"

#include "commands/commands.h"
#include "document/editcheck.h"
#include "io/schemawriter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace mc {

namespace {

enum TriItem { Omitted, True, False };

const QList<AssociationType> kTypes{AssociationType::BelongsTo, AssociationType::HasOne,
                                    AssociationType::HasMany, AssociationType::BelongsToMany};

std::optional<bool> triValue(const QComboBox *combo)
{
    const int i = combo->currentIndex();
    return i == Omitted ? std::nullopt : std::optional<bool>(i == True);
}

int triItem(const std::optional<bool> &v)
{
    return !v ? Omitted : *v ? True : False;
}

std::optional<QString> optionalText(const QLineEdit *edit)
{
    return edit->text().isEmpty() ? std::nullopt : std::optional<QString>(edit->text());
}

/// Whether an edit changes nothing that would be saved (a combo set to its value).
bool sameDeclaration(const Association &a, const Association &b)
{
    Schema x, y;
    x.associations = {a};
    y.associations = {b};
    return writeSchema(x) == writeSchema(y);
}

/// Drops what has no effect on the new type (the reader would refuse it).
void fitToType(Association &a)
{
    const bool btm = a.type == AssociationType::BelongsToMany;
    const bool single = a.type == AssociationType::BelongsTo || a.type == AssociationType::HasOne;
    if (!btm) {
        a.otherKey = KeySpec();
        a.through.reset();
    } else {
        a.foreignKeyConstraint.reset();
        // Sequelize requires `through`: start from a junction named after both ends.
        if (!a.through)
            a.through = a.source + a.target;
    }
    if (a.type == AssociationType::BelongsTo)
        a.sourceKey.reset();
    if (a.type == AssociationType::HasOne || a.type == AssociationType::HasMany)
        a.targetKey.reset();
    if (single && a.as.kind == AliasSpec::Kind::Object)
        a.as = {AliasSpec::Kind::String, a.as.singular, QString(), QString(), {}};
}

} // namespace

AssociationPage::AssociationPage(Document *document, EditPusher *pusher, QWidget *parent)
    : QWidget(parent), m_document(document), m_pusher(pusher)
{
    auto *box = new QGroupBox(tr("Association"), this);
    auto *form = new QFormLayout(box);
    QStringList typeNames;
    for (AssociationType t : kTypes)
        typeNames << associationTypeName(t);
    m_type = addCombo(form, QStringLiteral("type"), tr("T&ype:"), typeNames);
    m_source = addCombo(form, QStringLiteral("source"), tr("&Source:"), {});
    m_target = addCombo(form, QStringLiteral("target"), tr("&Target:"), {});
    for (QComboBox *c : {m_source, m_target}) {
        c->setEditable(true);
        c->setInsertPolicy(QComboBox::NoInsert);
    }
    m_asKind = addCombo(form, QStringLiteral("asKind"), tr("&as:"),
                        {tr("default"), tr("name"), tr("singular and plural")});
    m_as = addLine(form, QStringLiteral("as"), tr("Alias:"));
    m_singular = addLine(form, QStringLiteral("singular"), tr("Singular:"));
    m_plural = addLine(form, QStringLiteral("plural"), tr("Plural:"));
    m_fkKind = addCombo(form, QStringLiteral("foreignKeyKind"), tr("&foreignKey:"),
                        {tr("default"), tr("name"), tr("attribute")});
    m_fkName = addLine(form, QStringLiteral("foreignKey"), tr("FK name:"));
    m_fkType = addLine(form, QStringLiteral("foreignKeyType"), tr("FK type:"));
    m_fkAllowNull = addCombo(form, QStringLiteral("foreignKeyAllowNull"), tr("FK allowNull:"),
                             {tr("omitted"), QStringLiteral("true"), QStringLiteral("false")});
    m_sourceKey = addLine(form, QStringLiteral("sourceKey"), tr("sour&ceKey:"));
    m_targetKey = addLine(form, QStringLiteral("targetKey"), tr("tar&getKey:"));
    m_otherKey = addLine(form, QStringLiteral("otherKey"), tr("&otherKey:"));
    m_through = addLine(form, QStringLiteral("through"), tr("t&hrough:"));
    const QStringList tri{tr("omitted"), QStringLiteral("true"), QStringLiteral("false")};
    m_constraints = addCombo(form, QStringLiteral("constraints"), tr("co&nstraints:"), tri);
    m_fkConstraint =
        addCombo(form, QStringLiteral("foreignKeyConstraint"), tr("foreignKeyConstra&int:"), tri);
    const QStringList actions{tr("default"),
                              QStringLiteral("CASCADE"),
                              QStringLiteral("SET NULL"),
                              QStringLiteral("RESTRICT"),
                              QStringLiteral("NO ACTION"),
                              QStringLiteral("SET DEFAULT")};
    m_onDelete = addCombo(form, QStringLiteral("onDelete"), tr("on&Delete:"), actions);
    m_onDeleteEffective = new QLabel(this);
    m_onDeleteEffective->setObjectName(QStringLiteral("onDeleteEffective"));
    form->addRow(tr("Effective onDelete:"), m_onDeleteEffective);
    m_onUpdate = addCombo(form, QStringLiteral("onUpdate"), tr("on&Update:"), actions);
    m_onUpdateEffective = new QLabel(this);
    m_onUpdateEffective->setObjectName(QStringLiteral("onUpdateEffective"));
    form->addRow(tr("Effective onUpdate:"), m_onUpdateEffective);
    for (QLabel *l : {m_onDeleteEffective, m_onUpdateEffective}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    layout->addStretch(1);
    connectFields();
}

QLineEdit *AssociationPage::addLine(QFormLayout *form, const QString &key, const QString &label)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(key);
    edit->setAccessibleName(key);
    form->addRow(label, edit);
    addReason(form, key, edit);
    return edit;
}

QComboBox *AssociationPage::addCombo(QFormLayout *form, const QString &key, const QString &label,
                                     const QStringList &items)
{
    auto *combo = new QComboBox(this);
    combo->addItems(items);
    combo->setObjectName(key);
    combo->setAccessibleName(key);
    form->addRow(label, combo);
    addReason(form, key, combo);
    return combo;
}

void AssociationPage::addReason(QFormLayout *form, const QString &key, QWidget *field)
{
    auto *reason = new ReasonLabel(field, this);
    form->addRow(QString(), reason);
    m_fields.insert(key, field);
    m_reasons.insert(key, reason);
}

void AssociationPage::connectFields()
{
    for (QComboBox *c : {m_type, m_asKind, m_fkKind, m_fkAllowNull, m_constraints, m_fkConstraint,
                         m_onDelete, m_onUpdate}) {
        connect(c, &QComboBox::activated, this, [this, c] { edit(c->objectName(), true); });
    }
    for (QComboBox *c : {m_source, m_target}) {
        connect(c, &QComboBox::activated, this, [this, c] { edit(c->objectName(), true); });
        connect(c->lineEdit(), &QLineEdit::editingFinished, this, [this, c] {
            const Association *a = m_document->association(m_id);
            const QString now =
                c == m_source ? (a ? a->source : QString()) : (a ? a->target : QString());
            if (a && c->currentText() != now)
                edit(c->objectName(), false);
        });
    }
    for (QLineEdit *e : {m_as, m_singular, m_plural, m_fkName, m_fkType, m_sourceKey, m_targetKey,
                         m_otherKey, m_through}) {
        connect(e, &QLineEdit::textEdited, this, [this, e] { edit(e->objectName(), true); });
        // Leaving a field whose value was refused shows the document's value again.
        connect(e, &QLineEdit::editingFinished, this, [this] { refresh(); });
    }
}

void AssociationPage::edit(const QString &field, bool typing)
{
    if (!m_document->association(m_id))
        return;
    Association after = fromFields(field);
    if (field == QLatin1String("foreignKeyType") && !m_fkType->text().isEmpty()) {
        QString error;
        const std::optional<DataType> type = parseTypeEdit(m_fkType->text(), &error);
        if (!type)
            return setReason(field, error);
        after.foreignKey.attribute.edit().type = type;
    }
    commit(after, field, typing);
}

Association AssociationPage::fromFields(const QString &field) const
{
    Association a = *m_document->association(m_id);
    const ResolvedAssociation *r = m_document->resolved(m_id);
    if (field == QLatin1String("type")) {
        a.type = kTypes.value(m_type->currentIndex());
        fitToType(a);
    } else if (field == QLatin1String("source") || field == QLatin1String("target")) {
        (field == QLatin1String("source") ? a.source : a.target) =
            (field == QLatin1String("source") ? m_source : m_target)->currentText();
    } else if (field == QLatin1String("asKind") || field == QLatin1String("as") ||
               field == QLatin1String("singular") || field == QLatin1String("plural")) {
        const int kind = m_asKind->currentIndex();
        const bool fresh = field == QLatin1String("asKind");
        a.as.kind = AliasSpec::Kind(kind);
        a.as.name = fresh && m_as->text().isEmpty() && r ? r->as : m_as->text();
        a.as.singular =
            fresh && m_singular->text().isEmpty() && r ? r->singular : m_singular->text();
        a.as.plural = fresh && m_plural->text().isEmpty() && r ? r->plural : m_plural->text();
    } else if (field.startsWith(QLatin1String("foreignKey")) &&
               field != QLatin1String("foreignKeyConstraint")) {
        const int kind = m_fkKind->currentIndex();
        a.foreignKey.kind = KeySpec::Kind(kind);
        a.foreignKey.name = m_fkName->text();
        if (a.foreignKey.kind == KeySpec::Kind::String && a.foreignKey.name.isEmpty() && r)
            a.foreignKey.name = r->foreignKey;
        if (a.foreignKey.kind == KeySpec::Kind::Object) {
            Attribute &k = a.foreignKey.attribute.edit();
            k.hasName = !m_fkName->text().isEmpty();
            k.name = m_fkName->text();
            k.allowNull = triValue(m_fkAllowNull);
            if (m_fkType->text().isEmpty())
                k.type.reset();
        }
    } else if (field == QLatin1String("otherKey")) {
        if (m_otherKey->text().isEmpty())
            a.otherKey = KeySpec();
        else if (a.otherKey.kind == KeySpec::Kind::Object)
            a.otherKey.attribute.edit().name = m_otherKey->text();
        else
            a.otherKey = {KeySpec::Kind::String, m_otherKey->text(), {}};
    } else if (field == QLatin1String("sourceKey")) {
        a.sourceKey = optionalText(m_sourceKey);
    } else if (field == QLatin1String("targetKey")) {
        a.targetKey = optionalText(m_targetKey);
    } else if (field == QLatin1String("through")) {
        a.through = optionalText(m_through);
    } else if (field == QLatin1String("constraints")) {
        a.constraints = triValue(m_constraints);
    } else if (field == QLatin1String("foreignKeyConstraint")) {
        a.foreignKeyConstraint = triValue(m_fkConstraint);
    } else if (field == QLatin1String("onDelete") || field == QLatin1String("onUpdate")) {
        const QComboBox *c = field == QLatin1String("onDelete") ? m_onDelete : m_onUpdate;
        (field == QLatin1String("onDelete") ? a.onDelete : a.onUpdate) =
            c->currentIndex() == 0 ? std::nullopt : std::optional<QString>(c->currentText());
    }
    return a;
}

void AssociationPage::commit(const Association &after, const QString &field, bool typing)
{
    const int index = m_document->indexOfAssociation(m_id);
    if (index < 0)
        return;
    const Diagnostics problems = checkAssociationEdit(m_document->schema(), index, after);
    if (!problems.isEmpty())
        return setReason(field, problems.first().message);
    const Association before = *m_document->association(m_id);
    if (sameDeclaration(before, after))
        return setReason(field, QString());
    const QString key =
        typing ? QStringLiteral("association:%1:%2").arg(m_id).arg(field) : QString();
    const QString text =
        tr("Change %1 of %2.%3(%4)")
            .arg(field, before.source, associationTypeName(before.type), before.target);
    Document *document = m_document;
    const AssociationId id = m_id;
    const QString refused =
        m_pusher->push(setAssociationCommand(document, id, after, text, key),
                       [=] { return setAssociationCommand(document, id, before, text, key); });
    setReason(field, refused);
    if (!refused.isEmpty())
        showFields(true); // combos show the document's value again, the typed text stays
}

void AssociationPage::setReason(const QString &field, const QString &reason)
{
    for (auto it = m_reasons.begin(); it != m_reasons.end(); ++it)
        it.value()->setReason(it.key() == field ? reason : QString());
}

QString AssociationPage::reason(const QString &field) const
{
    const ReasonLabel *label = m_reasons.value(field);
    return label ? label->reason() : QString();
}

void AssociationPage::setAssociation(AssociationId id)
{
    if (id != m_id)
        setReason(QString(), QString());
    m_id = id;
    refresh();
}

void AssociationPage::refresh()
{
    showFields(m_pusher->isPushing());
}

void AssociationPage::showFields(bool keep)
{
    const Association *a = m_document->association(m_id);
    if (!a)
        return;
    refreshModelNames();
    const QList<QComboBox *> combos{m_type,     m_source,      m_target,      m_asKind,
                                    m_fkKind,   m_fkAllowNull, m_constraints, m_fkConstraint,
                                    m_onDelete, m_onUpdate};
    for (QComboBox *c : combos)
        c->blockSignals(true);
    m_type->setCurrentIndex(int(kTypes.indexOf(a->type)));
    for (QComboBox *c : {m_source, m_target}) {
        const QString name = c == m_source ? a->source : a->target;
        if (!(keep && c->hasFocus()) && c->currentText() != name)
            c->setCurrentText(name);
    }
    m_asKind->setCurrentIndex(int(a->as.kind));
    showFieldText(m_as, a->as.kind == AliasSpec::Kind::String ? a->as.name : QString(), keep);
    showFieldText(m_singular, a->as.singular, keep);
    showFieldText(m_plural, a->as.plural, keep);
    showKeys(*a, keep);
    m_constraints->setCurrentIndex(triItem(a->constraints));
    m_fkConstraint->setCurrentIndex(triItem(a->foreignKeyConstraint));
    for (QComboBox *c : {m_onDelete, m_onUpdate}) {
        const std::optional<QString> &v = c == m_onDelete ? a->onDelete : a->onUpdate;
        c->setCurrentIndex(v ? qMax(1, c->findText(v->toUpper())) : 0);
    }
    for (QComboBox *c : combos)
        c->blockSignals(false);
    const ActionExplanation actions = explainActions(*m_document, m_id);
    m_onDeleteEffective->setText(actions.onDelete);
    m_onUpdateEffective->setText(actions.onUpdate);
    m_onDeleteEffective->setAccessibleName(tr("Effective onDelete: %1").arg(actions.onDelete));
    m_onUpdateEffective->setAccessibleName(tr("Effective onUpdate: %1").arg(actions.onUpdate));
    updateApplicable(a->type);
}

void AssociationPage::showKeys(const Association &a, bool keep)
{
    m_fkKind->setCurrentIndex(int(a.foreignKey.kind));
    const bool object = a.foreignKey.kind == KeySpec::Kind::Object;
    showFieldText(m_fkName, object ? a.foreignKey.attribute->name : a.foreignKey.name, keep);
    const auto &type = a.foreignKey.attribute->type;
    showFieldText(m_fkType, object && type ? type->toString() : QString(), keep);
    m_fkAllowNull->setCurrentIndex(object ? triItem(a.foreignKey.attribute->allowNull) : Omitted);
    const ResolvedAssociation *r = m_document->resolved(m_id);
    m_fkName->setPlaceholderText(r ? tr("default: %1").arg(r->foreignKey) : QString());
    showFieldText(m_sourceKey, a.sourceKey.value_or(QString()), keep);
    showFieldText(m_targetKey, a.targetKey.value_or(QString()), keep);
    showFieldText(m_otherKey, a.otherKey.explicitName(), keep);
    showFieldText(m_through, a.through.value_or(QString()), keep);
    m_as->setPlaceholderText(r ? tr("default: %1").arg(r->as) : QString());
}

void AssociationPage::updateApplicable(AssociationType t)
{
    const bool btm = t == AssociationType::BelongsToMany;
    const bool single = t == AssociationType::BelongsTo || t == AssociationType::HasOne;
    const int asKind = m_asKind->currentIndex();
    const int fkKind = m_fkKind->currentIndex();
    m_as->setEnabled(asKind == int(AliasSpec::Kind::String));
    m_singular->setEnabled(!single && asKind == int(AliasSpec::Kind::Object));
    m_plural->setEnabled(!single && asKind == int(AliasSpec::Kind::Object));
    m_fkName->setEnabled(fkKind != int(KeySpec::Kind::Absent));
    m_fkType->setEnabled(fkKind == int(KeySpec::Kind::Object));
    m_fkAllowNull->setEnabled(fkKind == int(KeySpec::Kind::Object));
    m_sourceKey->setEnabled(t != AssociationType::BelongsTo);
    m_targetKey->setEnabled(t == AssociationType::BelongsTo || btm);
    m_otherKey->setEnabled(btm);
    m_through->setEnabled(btm);
    m_fkConstraint->setEnabled(!btm);
}

void AssociationPage::refreshModelNames()
{
    const Schema &s = m_document->schema();
    bool same = m_modelNames.size() == s.models.size();
    for (int i = 0; same && i < s.models.size(); ++i)
        same = m_modelNames[i] == s.models[i].name;
    if (same)
        return;
    m_modelNames.clear();
    for (const Model &m : s.models)
        m_modelNames.append(m.name);
    for (QComboBox *c : {m_source, m_target}) {
        const QSignalBlocker block(c);
        const QString text = c->currentText();
        c->clear();
        c->addItems(m_modelNames);
        c->setCurrentText(text);
    }
}

} // namespace mc
