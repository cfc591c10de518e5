#include "attributeform.h"

#include "fieldtext.h"
#include "reasonlabel.h"
#include "typeeditor.h"

#include "document/editcheck.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace mc {

namespace {

enum TriItem { Omitted, True, False };
enum UniqueItem { UniqueOmitted, UniqueTrue, UniqueFalse, UniqueGroup };

QComboBox *triCombo(const QString &accessible, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItems({QObject::tr("omitted"), QStringLiteral("true"), QStringLiteral("false")});
    combo->setAccessibleName(accessible);
    return combo;
}

std::optional<bool> triValue(const QComboBox *combo)
{
    const int i = combo->currentIndex();
    return i == Omitted ? std::nullopt : std::optional<bool>(i == True);
}

int triItem(const std::optional<bool> &v)
{
    return !v ? Omitted : *v ? True : False;
}

} // namespace

AttributeForm::AttributeForm(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = addLine(QStringLiteral("name"), tr("&Name:"), tr("Attribute name"));
    m_type = new TypeEditor(this);
    form->addRow(tr("T&ype:"), m_type);
    addReason(QStringLiteral("type"), m_type->textEdit());
    m_allowNull = triCombo(tr("allowNull"), this);
    form->addRow(tr("&allowNull:"), m_allowNull);
    addReason(QStringLiteral("allowNull"), m_allowNull);
    m_primaryKey = new QCheckBox(tr("&primaryKey"), this);
    m_autoIncrement = new QCheckBox(tr("aut&oIncrement"), this);
    auto *flags = new QHBoxLayout;
    flags->addWidget(m_primaryKey);
    flags->addWidget(m_autoIncrement);
    flags->addStretch(1);
    form->addRow(QString(), flags);
    m_primaryKey->setObjectName(QStringLiteral("primaryKey"));
    m_autoIncrement->setObjectName(QStringLiteral("autoIncrement"));
    addReason(QStringLiteral("primaryKey"), m_primaryKey);
    addReason(QStringLiteral("autoIncrement"), m_autoIncrement);
    m_unique = new QComboBox(this);
    m_unique->addItems(
        {tr("omitted"), QStringLiteral("true"), QStringLiteral("false"), tr("group")});
    m_unique->setAccessibleName(tr("unique"));
    m_uniqueGroup = new QLineEdit(this);
    m_uniqueGroup->setAccessibleName(tr("Unique group name"));
    m_uniqueGroup->setObjectName(QStringLiteral("uniqueGroup"));
    auto *unique = new QHBoxLayout;
    unique->addWidget(m_unique);
    unique->addWidget(m_uniqueGroup, 1);
    auto *uniqueLabel = new QLabel(tr("&unique:"), this);
    uniqueLabel->setBuddy(m_unique);
    form->addRow(uniqueLabel, unique);
    addReason(QStringLiteral("unique"), m_uniqueGroup);
    m_default = addLine(QStringLiteral("defaultValue"), tr("&defaultValue:"), tr("Default value"));
    m_default->setToolTip(tr("true, false, a number, or text (\"42\" in quotes for the text 42); "
                             "empty: none"));
    m_field = addLine(QStringLiteral("field"), tr("&field:"), tr("Column name (field)"));
    m_comment = addLine(QStringLiteral("comment"), tr("co&mment:"), tr("Comment"));

    connect(m_type, &TypeEditor::edited, this, &AttributeForm::onTypeEdited);
    const auto edits = findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        connect(edit, &QLineEdit::editingFinished, this, &AttributeForm::fieldLeft);
    connect(m_allowNull, &QComboBox::activated, this,
            [this] { emitEdit(QStringLiteral("allowNull"), true); });
    connect(m_primaryKey, &QCheckBox::clicked, this,
            [this] { emitEdit(QStringLiteral("primaryKey"), false); });
    connect(m_autoIncrement, &QCheckBox::clicked, this,
            [this] { emitEdit(QStringLiteral("autoIncrement"), false); });
    connect(m_unique, &QComboBox::activated, this, [this](int item) {
        if (item == UniqueGroup && m_uniqueGroup->text().isEmpty())
            m_uniqueGroup->setText(m_name->text() + QStringLiteral("_unique"));
        emitEdit(QStringLiteral("unique"), true);
    });
    connect(m_uniqueGroup, &QLineEdit::textEdited, this, [this] {
        m_unique->setCurrentIndex(UniqueGroup);
        emitEdit(QStringLiteral("unique"), true);
    });
}

QLineEdit *AttributeForm::addLine(const QString &key, const QString &label,
                                  const QString &accessible)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(key);
    edit->setAccessibleName(accessible);
    static_cast<QFormLayout *>(layout())->addRow(label, edit);
    addReason(key, edit);
    connect(edit, &QLineEdit::textEdited, this, [this, key] { emitEdit(key, true); });
    return edit;
}

void AttributeForm::addReason(const QString &key, QWidget *field)
{
    auto *reason = new ReasonLabel(field, this);
    static_cast<QFormLayout *>(layout())->addRow(QString(), reason);
    m_reasons.insert(key, reason);
}

void AttributeForm::onTypeEdited(const QString &text, bool typing)
{
    QString error;
    const std::optional<DataType> type = parseTypeEdit(text, &error);
    if (!type) {
        setReason(QStringLiteral("type"), error);
        return;
    }
    m_attribute.type = type;
    emitEdit(QStringLiteral("type"), typing);
}

void AttributeForm::emitEdit(const QString &field, bool typing)
{
    Attribute a = m_attribute;
    a.name = m_name->text();
    a.allowNull = triValue(m_allowNull);
    a.primaryKey = m_primaryKey->isChecked()                    ? std::optional<bool>(true)
                   : a.primaryKey == std::optional<bool>(false) ? a.primaryKey
                                                                : std::nullopt;
    a.autoIncrement = m_autoIncrement->isChecked()                    ? std::optional<bool>(true)
                      : a.autoIncrement == std::optional<bool>(false) ? a.autoIncrement
                                                                      : std::nullopt;
    switch (m_unique->currentIndex()) {
    case UniqueOmitted:
        a.unique = UniqueSpec();
        break;
    case UniqueTrue:
    case UniqueFalse:
        a.unique = {UniqueSpec::Kind::Bool, m_unique->currentIndex() == UniqueTrue, QString()};
        break;
    default:
        a.unique = {UniqueSpec::Kind::Group, false, m_uniqueGroup->text()};
    }
    a.defaultValue = defaultFromText(m_default->text());
    a.field = m_field->text().isEmpty() ? std::nullopt : std::optional<QString>(m_field->text());
    a.comment =
        m_comment->text().isEmpty() ? std::nullopt : std::optional<QString>(m_comment->text());
    Q_EMIT edited(a, field, typing);
}

void AttributeForm::setAttribute(const Attribute &a, bool keepFocused)
{
    m_attribute = a;
    showFieldText(m_name, a.name, keepFocused);
    m_type->setTypeText(a.type ? a.type->toString() : QString(), keepFocused);
    const QSignalBlocker b1(m_allowNull), b2(m_unique), b3(m_primaryKey), b4(m_autoIncrement);
    m_allowNull->setCurrentIndex(triItem(a.allowNull));
    m_primaryKey->setChecked(a.primaryKey.value_or(false));
    m_autoIncrement->setChecked(a.autoIncrement.value_or(false));
    switch (a.unique.kind) {
    case UniqueSpec::Kind::Absent:
        m_unique->setCurrentIndex(UniqueOmitted);
        break;
    case UniqueSpec::Kind::Bool:
        m_unique->setCurrentIndex(a.unique.flag ? UniqueTrue : UniqueFalse);
        break;
    case UniqueSpec::Kind::Group:
        m_unique->setCurrentIndex(UniqueGroup);
        showFieldText(m_uniqueGroup, a.unique.group, keepFocused);
        break;
    }
    showFieldText(m_default, defaultToText(a.defaultValue), keepFocused);
    showFieldText(m_field, a.field.value_or(QString()), keepFocused);
    showFieldText(m_comment, a.comment.value_or(QString()), keepFocused);
}

void AttributeForm::setReason(const QString &field, const QString &reason)
{
    for (auto it = m_reasons.begin(); it != m_reasons.end(); ++it)
        it.value()->setReason(it.key() == field ? reason : QString());
}

QString AttributeForm::reason(const QString &field) const
{
    const ReasonLabel *label = m_reasons.value(field);
    return label ? label->reason() : QString();
}

std::optional<JsonValue> AttributeForm::defaultFromText(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    if (text == QLatin1String("true") || text == QLatin1String("false"))
        return JsonValue::boolean(text == QLatin1String("true"));
    if (isJsonNumberLexeme(text))
        return JsonValue::number(text);
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"')))
        return JsonValue::string(text.mid(1, text.size() - 2));
    return JsonValue::string(text);
}

QString AttributeForm::defaultToText(const std::optional<JsonValue> &value)
{
    if (!value)
        return QString();
    if (!value->isString())
        return value->isBool()
                   ? (value->toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                   : value->text();
    // Text that would read back as something else is shown quoted.
    const std::optional<JsonValue> plain = defaultFromText(value->text());
    return plain && *plain == *value ? value->text()
                                     : QLatin1Char('"') + value->text() + QLatin1Char('"');
}

} // namespace mc
