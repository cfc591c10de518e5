#include "indexeditor.h"

#include "fieldtext.h"
#include "reasonlabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>

namespace mc {

namespace {

QString indexLabel(const IndexSpec &index)
{
    QString text = index.fields.join(QLatin1String(", "));
    if (index.unique.value_or(false))
        text += QObject::tr(" (unique)");
    return index.name ? *index.name + QStringLiteral(": ") + text : text;
}

} // namespace

IndexEditor::IndexEditor(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_add(new QPushButton(tr("Add index"), this)),
      m_remove(new QPushButton(tr("Remove index"), this)), m_fields(new QLineEdit(this)),
      m_unique(new QComboBox(this)), m_name(new QLineEdit(this)),
      m_reason(new ReasonLabel(m_fields, this))
{
    m_list->setAccessibleName(tr("Indexes"));
    m_list->setMaximumHeight(90);
    m_fields->setObjectName(QStringLiteral("indexFields"));
    m_fields->setAccessibleName(tr("Index fields"));
    m_fields->setPlaceholderText(tr("attribute names, separated by commas"));
    m_unique->addItems({tr("omitted"), QStringLiteral("true"), QStringLiteral("false")});
    m_unique->setAccessibleName(tr("Index unique"));
    m_name->setObjectName(QStringLiteral("indexName"));
    m_name->setAccessibleName(tr("Index name"));
    m_name->setPlaceholderText(tr("derived"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_list);
    form->addRow(buttons);
    form->addRow(tr("Fi&elds:"), m_fields);
    form->addRow(QString(), m_reason);
    form->addRow(tr("Uni&que:"), m_unique);
    form->addRow(tr("Index na&me:"), m_name);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(false); });
    connect(m_add, &QPushButton::clicked, this, [this] {
        QVector<IndexSpec> indexes = m_indexes.value_or(QVector<IndexSpec>());
        IndexSpec index;
        index.fields = QStringList{m_suggestion};
        indexes.append(index);
        Q_EMIT edited(indexes, QStringLiteral("indexes"), false);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (!m_indexes || row < 0 || row >= m_indexes->size())
            return;
        QVector<IndexSpec> indexes = *m_indexes;
        indexes.removeAt(row);
        Q_EMIT edited(indexes.isEmpty() ? std::nullopt : std::optional(indexes),
                      QStringLiteral("indexes"), false);
    });
    connect(m_fields, &QLineEdit::textEdited, this,
            [this] { editCurrent(QStringLiteral("fields"), true); });
    for (QLineEdit *edit : {m_fields, m_name})
        connect(edit, &QLineEdit::editingFinished, this, &IndexEditor::fieldLeft);
    connect(m_name, &QLineEdit::textEdited, this,
            [this] { editCurrent(QStringLiteral("name"), true); });
    connect(m_unique, &QComboBox::activated, this,
            [this] { editCurrent(QStringLiteral("unique"), true); });
}

void IndexEditor::setIndexes(const std::optional<QVector<IndexSpec>> &indexes, bool keepFocused)
{
    const int count = indexes ? int(indexes->size()) : 0;
    const int previousCount = m_indexes ? int(m_indexes->size()) : 0;
    m_indexes = indexes;
    const QSignalBlocker block(m_list);
    int row = m_list->currentRow();
    m_list->clear();
    for (int i = 0; i < count; ++i)
        m_list->addItem(indexLabel((*indexes)[i]));
    if (count > previousCount)
        row = count - 1; // an index was just added: edit it
    m_list->setCurrentRow(qMin(qMax(row, 0), count - 1));
    showCurrent(keepFocused);
}

void IndexEditor::showCurrent(bool keepFocused)
{
    const int row = m_list->currentRow();
    const bool has = m_indexes && row >= 0 && row < m_indexes->size();
    for (QWidget *w : std::initializer_list<QWidget *>{m_remove, m_fields, m_unique, m_name})
        w->setEnabled(has);
    const IndexSpec index = has ? (*m_indexes)[row] : IndexSpec();
    showFieldText(m_fields, index.fields.join(QLatin1String(", ")), keepFocused);
    showFieldText(m_name, index.name.value_or(QString()), keepFocused);
    const QSignalBlocker block(m_unique);
    m_unique->setCurrentIndex(!index.unique ? 0 : *index.unique ? 1 : 2);
}

void IndexEditor::editCurrent(const QString &field, bool typing)
{
    const int row = m_list->currentRow();
    if (!m_indexes || row < 0 || row >= m_indexes->size())
        return;
    QVector<IndexSpec> indexes = *m_indexes;
    IndexSpec &index = indexes[row];
    index.fields.clear();
    for (const QString &f : m_fields->text().split(QLatin1Char(',')))
        index.fields.append(f.trimmed());
    if (index.fields == QStringList{QString()})
        index.fields.clear();
    const int unique = m_unique->currentIndex();
    index.unique = unique == 0 ? std::nullopt : std::optional<bool>(unique == 1);
    index.name = m_name->text().isEmpty() ? std::nullopt : std::optional(m_name->text());
    Q_EMIT edited(indexes, field, typing);
}

void IndexEditor::setReason(const QString &reason)
{
    m_reason->setReason(reason);
}

} // namespace mc
