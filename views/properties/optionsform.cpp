#include "optionsform.h"

#include "reasonlabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace mc {

namespace {

enum FlagItem { FlagUnset, FlagTrue, FlagFalse };
enum TimestampItem { TimestampUnset, TimestampDisabled, TimestampNamed };

const QStringList &flagKeys()
{
    static const QStringList keys{QStringLiteral("underscored"), QStringLiteral("timestamps"),
                                  QStringLiteral("freezeTableName"), QStringLiteral("paranoid")};
    return keys;
}

const QStringList &timestampKeys()
{
    static const QStringList keys{QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
                                  QStringLiteral("deletedAt")};
    return keys;
}

std::optional<bool> &flagOf(ModelOptions &o, const QString &key)
{
    if (key == QLatin1String("underscored"))
        return o.underscored;
    if (key == QLatin1String("timestamps"))
        return o.timestamps;
    if (key == QLatin1String("freezeTableName"))
        return o.freezeTableName;
    return o.paranoid;
}

bool effectiveFlag(const EffectiveOptions &e, const QString &key)
{
    if (key == QLatin1String("underscored"))
        return e.underscored;
    if (key == QLatin1String("timestamps"))
        return e.timestamps;
    if (key == QLatin1String("freezeTableName"))
        return e.freezeTableName;
    return e.paranoid;
}

TimestampName &timestampOf(ModelOptions &o, const QString &key)
{
    if (key == QLatin1String("createdAt"))
        return o.createdAt;
    if (key == QLatin1String("updatedAt"))
        return o.updatedAt;
    return o.deletedAt;
}

QString effectiveTimestamp(const EffectiveOptions &e, const QString &key)
{
    if (key == QLatin1String("createdAt"))
        return e.createdAt;
    if (key == QLatin1String("updatedAt"))
        return e.updatedAt;
    return e.deletedAt;
}

QString boolWord(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

OptionsForm::OptionsForm(const QString &inheritedWord, QWidget *parent)
    : QWidget(parent), m_inheritedWord(inheritedWord)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    addFlag(form, QStringLiteral("underscored"), tr("&underscored:"));
    addFlag(form, QStringLiteral("timestamps"), tr("&timestamps:"));
    addFlag(form, QStringLiteral("freezeTableName"), tr("&freezeTableName:"));
    addFlag(form, QStringLiteral("paranoid"), tr("&paranoid:"));
    addTimestamp(form, QStringLiteral("createdAt"), tr("&createdAt:"));
    addTimestamp(form, QStringLiteral("updatedAt"), tr("u&pdatedAt:"));
    addTimestamp(form, QStringLiteral("deletedAt"), tr("&deletedAt:"));
}

void OptionsForm::addFlag(QFormLayout *form, const QString &key, const QString &label)
{
    auto *combo = new QComboBox(this);
    combo->addItems({QString(), boolWord(true), boolWord(false)});
    combo->setAccessibleName(key);
    combo->setObjectName(key);
    form->addRow(label, combo);
    auto *reason = new ReasonLabel(combo, this);
    form->addRow(QString(), reason);
    m_flags.insert(key, combo);
    m_reasons.insert(key, reason);
    connect(combo, &QComboBox::activated, this, [this, key] { emitEdit(key, true); });
}

void OptionsForm::addTimestamp(QFormLayout *form, const QString &key, const QString &label)
{
    Timestamp t;
    t.mode = new QComboBox(this);
    t.mode->addItems({QString(), tr("false (no column)"), tr("renamed")});
    t.mode->setAccessibleName(key);
    t.mode->setObjectName(key);
    t.name = new QLineEdit(this);
    t.name->setAccessibleName(tr("%1 column name").arg(key));
    t.name->setObjectName(key + QStringLiteral("Name"));
    auto *row = new QHBoxLayout;
    row->addWidget(t.mode);
    row->addWidget(t.name, 1);
    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(t.mode);
    form->addRow(buddy, row);
    auto *reason = new ReasonLabel(t.name, this);
    form->addRow(QString(), reason);
    m_timestamps.insert(key, t);
    m_reasons.insert(key, reason);
    connect(t.mode, &QComboBox::activated, this, [this, key, t](int item) {
        if (item == TimestampNamed && t.name->text().isEmpty())
            t.name->setText(key); // a valid name to start from
        emitEdit(key, true);
    });
    connect(t.name, &QLineEdit::editingFinished, this, &OptionsForm::fieldLeft);
    connect(t.name, &QLineEdit::textEdited, this, [this, key, t] {
        t.mode->setCurrentIndex(TimestampNamed);
        emitEdit(key, true);
    });
}

ModelOptions OptionsForm::current() const
{
    ModelOptions o = m_options;
    for (const QString &key : flagKeys()) {
        const int item = m_flags.value(key)->currentIndex();
        flagOf(o, key) = item == FlagUnset ? std::nullopt : std::optional<bool>(item == FlagTrue);
    }
    for (const QString &key : timestampKeys()) {
        const Timestamp t = m_timestamps.value(key);
        TimestampName &n = timestampOf(o, key);
        const int item = t.mode->currentIndex();
        n.present = item != TimestampUnset;
        n.disabled = item == TimestampDisabled;
        n.name = item == TimestampNamed ? t.name->text() : QString();
    }
    return o;
}

void OptionsForm::emitEdit(const QString &field, bool typing)
{
    Q_EMIT edited(current(), field, typing);
}

void OptionsForm::setOptions(const ModelOptions &options, const EffectiveOptions &inherited,
                             bool keepFocused)
{
    m_options = options;
    ModelOptions o = options;
    for (const QString &key : flagKeys()) {
        QComboBox *combo = m_flags.value(key);
        const QSignalBlocker block(combo);
        combo->setItemText(
            FlagUnset,
            QStringLiteral("%1: %2").arg(m_inheritedWord, boolWord(effectiveFlag(inherited, key))));
        const std::optional<bool> v = flagOf(o, key);
        combo->setCurrentIndex(!v ? FlagUnset : *v ? FlagTrue : FlagFalse);
    }
    for (const QString &key : timestampKeys()) {
        const Timestamp t = m_timestamps.value(key);
        const QSignalBlocker block(t.mode);
        const QString name = effectiveTimestamp(inherited, key);
        t.mode->setItemText(
            TimestampUnset,
            QStringLiteral("%1: %2").arg(m_inheritedWord, name.isEmpty() ? boolWord(false) : name));
        const TimestampName &n = timestampOf(o, key);
        t.mode->setCurrentIndex(!n.present   ? TimestampUnset
                                : n.disabled ? TimestampDisabled
                                             : TimestampNamed);
        if (!(keepFocused && t.name->hasFocus()) && t.name->text() != n.name) {
            const int cursor = t.name->cursorPosition();
            t.name->setText(n.name);
            t.name->setCursorPosition(qMin(cursor, int(n.name.size())));
        }
    }
}

void OptionsForm::setReason(const QString &field, const QString &reason)
{
    for (auto it = m_reasons.begin(); it != m_reasons.end(); ++it)
        it.value()->setReason(it.key() == field ? reason : QString());
}

} // namespace mc
