#include "typeeditor.h"

#include "fieldtext.h"

#include "domain/datatype.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace mc {

namespace {

bool takesLength(const QString &n)
{
    return n == QLatin1String("STRING") || n == QLatin1String("CHAR") || n == QLatin1String("DATE");
}

bool takesPrecision(const QString &n)
{
    return n == QLatin1String("DECIMAL") || n == QLatin1String("FLOAT") ||
           n == QLatin1String("DOUBLE") || n == QLatin1String("REAL");
}

bool takesSize(const QString &n)
{
    return n == QLatin1String("TEXT") || n == QLatin1String("BLOB");
}

QSpinBox *numberBox(const QString &accessibleName, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 65535);
    box->setSpecialValueText(QObject::tr("none"));
    box->setAccessibleName(accessibleName);
    return box;
}

TypeArg numberArg(int n)
{
    return TypeArg{false, QString::number(n)};
}

} // namespace

TypeEditor::TypeEditor(QWidget *parent)
    : QWidget(parent), m_text(new QLineEdit(this)), m_name(new QComboBox(this)),
      m_length(numberBox(tr("Length"), this)), m_precision(numberBox(tr("Precision"), this)),
      m_scale(numberBox(tr("Scale"), this)), m_size(new QComboBox(this)),
      m_unsigned(new QCheckBox(tr("UNSIGNED"), this)), m_binary(new QCheckBox(tr("BINARY"), this)),
      m_values(new QLineEdit(this))
{
    m_text->setObjectName(QStringLiteral("type"));
    m_text->setAccessibleName(tr("Type string"));
    m_text->setToolTip(tr("A type string such as STRING(64), DECIMAL(10,2), INTEGER.UNSIGNED "
                          "or ENUM('a','b')"));
    m_name->addItems(DataType::knownNames());
    m_name->setAccessibleName(tr("Type name"));
    m_size->addItems(
        {tr("default"), QStringLiteral("tiny"), QStringLiteral("medium"), QStringLiteral("long")});
    m_size->setAccessibleName(tr("Size"));
    m_values->setAccessibleName(tr("ENUM values"));
    m_values->setPlaceholderText(tr("values, separated by commas"));
    m_unsigned->setAccessibleName(tr("UNSIGNED"));
    m_binary->setAccessibleName(tr("BINARY"));

    auto *helpers = new QHBoxLayout;
    helpers->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_length, m_precision, m_scale,
                                                       m_size, m_unsigned, m_binary, m_values})
        helpers->addWidget(w);
    helpers->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addLayout(helpers);

    connect(m_text, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (const auto t = DataType::parse(text))
            showHelpers(*t);
        Q_EMIT edited(text, true);
    });
    connect(m_name, &QComboBox::activated, this, [this] { composeFromHelpers(); });
    connect(m_size, &QComboBox::activated, this, [this] { composeFromHelpers(); });
    for (QSpinBox *box : {m_length, m_precision, m_scale})
        connect(box, &QSpinBox::valueChanged, this, [this] { composeFromHelpers(); });
    for (QCheckBox *box : {m_unsigned, m_binary})
        connect(box, &QCheckBox::toggled, this, [this] { composeFromHelpers(); });
    connect(m_values, &QLineEdit::textEdited, this, [this] { composeFromHelpers(); });
    updateVisibility(m_name->currentText());
}

QString TypeEditor::typeText() const
{
    return m_text->text();
}

void TypeEditor::setTypeText(const QString &text, bool keepFocused)
{
    showFieldText(m_text, text, keepFocused);
    if (const auto t = DataType::parse(m_text->text()))
        showHelpers(*t);
}

void TypeEditor::showHelpers(const DataType &t)
{
    const QList<QWidget *> all{m_name, m_length,   m_precision, m_scale,
                               m_size, m_unsigned, m_binary,    m_values};
    for (QWidget *w : all)
        w->blockSignals(true);
    m_name->setCurrentText(t.name());
    const QVector<TypeArg> &args = t.args();
    auto number = [&args](int i) { return i < args.size() ? args[i].text.toInt() : 0; };
    m_length->setValue(takesLength(t.name()) ? number(0) : 0);
    m_precision->setValue(takesPrecision(t.name()) ? number(0) : 0);
    m_scale->setValue(takesPrecision(t.name()) ? number(1) : 0);
    const int size = takesSize(t.name()) && !args.isEmpty() ? m_size->findText(args[0].text) : 0;
    m_size->setCurrentIndex(qMax(size, 0));
    m_unsigned->setChecked(t.hasModifier(QStringLiteral("UNSIGNED")));
    m_binary->setChecked(t.hasModifier(QStringLiteral("BINARY")));
    if (!m_values->hasFocus())
        m_values->setText(t.stringArgs().join(QLatin1String(", ")));
    updateVisibility(t.name());
    for (QWidget *w : all)
        w->blockSignals(false);
}

void TypeEditor::updateVisibility(const QString &name)
{
    m_length->setVisible(takesLength(name));
    m_precision->setVisible(takesPrecision(name));
    m_scale->setVisible(takesPrecision(name));
    m_size->setVisible(takesSize(name));
    m_unsigned->setVisible(DataType(name).isInteger());
    m_binary->setVisible(name == QLatin1String("STRING") || name == QLatin1String("CHAR"));
    m_values->setVisible(name == QLatin1String("ENUM"));
}

void TypeEditor::composeFromHelpers()
{
    const QString name = m_name->currentText();
    DataType t(name);
    QStringList modifiers;
    if (m_unsigned->isChecked() && t.isInteger())
        modifiers << QStringLiteral("UNSIGNED");
    if (m_binary->isChecked() && (name == QLatin1String("STRING") || name == QLatin1String("CHAR")))
        modifiers << QStringLiteral("BINARY");
    t.setModifiers(modifiers);
    QVector<TypeArg> args;
    if (takesLength(name) && m_length->value() > 0)
        args << numberArg(m_length->value());
    if (takesPrecision(name) && m_precision->value() > 0) {
        args << numberArg(m_precision->value());
        if (m_scale->value() > 0)
            args << numberArg(m_scale->value());
    }
    if (takesSize(name) && m_size->currentIndex() > 0)
        args << TypeArg{true, m_size->currentText()};
    if (t.isEnum()) {
        for (const QString &v : m_values->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            args << TypeArg{true, v.trimmed()};
    }
    t.setArgs(args);
    updateVisibility(name);
    m_text->setText(t.toString());
    Q_EMIT edited(m_text->text(), true);
}

} // namespace mc
