#include "modelpage.h"

#include "attributeform.h"
#include "editpusher.h"
#include "fieldtext.h"
#include "indexeditor.h"
#include "optionsform.h"
#include "reasonlabel.h"

#include "commands/commands.h"
#include "document/editcheck.h"
#include "io/schemawriter.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace mc {

namespace {

bool anySet(const ModelOptions &o)
{
    return o.underscored || o.timestamps || o.freezeTableName || o.paranoid ||
           o.createdAt.present || o.updatedAt.present || o.deletedAt.present ||
           !o.extensions.empty();
}

/// Whether an edit changes nothing that would be saved (a combo set to its value).
bool sameDeclaration(const Model &a, const Model &b)
{
    Schema x, y;
    x.models = {a};
    y.models = {b};
    return writeSchema(x) == writeSchema(y);
}

QString attributeLabel(const Attribute &a)
{
    return a.name + QStringLiteral("  ") + (a.type ? a.type->toString() : QString());
}

QPushButton *button(const QString &text, const QString &accessible, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

} // namespace

ModelPage::ModelPage(Document *document, EditPusher *pusher, QWidget *parent)
    : QWidget(parent), m_document(document), m_pusher(pusher), m_name(new QLineEdit(this)),
      m_nameReason(new ReasonLabel(m_name, this)), m_tableName(new QLineEdit(this)),
      m_tableReason(new ReasonLabel(m_tableName, this)), m_attributes(new QListWidget(this)),
      m_add(button(tr("&Add"), tr("Add attribute"), this)),
      m_remove(button(tr("&Remove"), tr("Remove attribute"), this)),
      m_up(button(tr("U&p"), tr("Move attribute up"), this)),
      m_down(button(tr("Do&wn"), tr("Move attribute down"), this)),
      m_attributeForm(new AttributeForm(this)), m_indexes(new IndexEditor(this)),
      m_options(new OptionsForm(tr("inherited"), this))
{
    m_name->setObjectName(QStringLiteral("modelName"));
    m_name->setAccessibleName(tr("Model name"));
    m_tableName->setObjectName(QStringLiteral("tableName"));
    m_tableName->setAccessibleName(tr("Table name"));
    m_tableName->setToolTip(tr("Empty: derived from the model name and options"));

    auto *modelBox = new QGroupBox(tr("Model"), this);
    auto *form = new QFormLayout(modelBox);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameReason);
    form->addRow(tr("&Table name:"), m_tableName);
    form->addRow(QString(), m_tableReason);
    auto *optionsBox = new QGroupBox(tr("Options"), this);
    (new QVBoxLayout(optionsBox))->addWidget(m_options);
    auto *attributesBox = new QGroupBox(tr("Attributes"), this);
    buildAttributeSection(attributesBox);
    auto *indexesBox = new QGroupBox(tr("Indexes"), this);
    (new QVBoxLayout(indexesBox))->addWidget(m_indexes);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w :
         std::initializer_list<QWidget *>{modelBox, attributesBox, indexesBox, optionsBox})
        layout->addWidget(w);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        Model after = *current();
        after.name = text;
        commit(after, QStringLiteral("name"), true,
               [this](const QString &r) { m_nameReason->setReason(r); });
    });
    connect(m_tableName, &QLineEdit::textEdited, this, [this](const QString &text) {
        Model after = *current();
        after.tableName = text.isEmpty() ? std::nullopt : std::optional<QString>(text);
        after.tableNameWritten = true;
        commit(after, QStringLiteral("tableName"), true,
               [this](const QString &r) { m_tableReason->setReason(r); });
    });
    connect(m_options, &OptionsForm::edited, this,
            [this](const ModelOptions &o, const QString &field, bool typing) {
                Model after = *current();
                after.options = o;
                after.hasOptions = anySet(o);
                commit(after, QStringLiteral("options.") + field, typing,
                       [this, field](const QString &r) { m_options->setReason(field, r); });
            });
    connect(m_indexes, &IndexEditor::edited, this,
            [this](const std::optional<QVector<IndexSpec>> &indexes, const QString &field,
                   bool typing) {
                Model after = *current();
                after.indexes = indexes;
                commit(after, QStringLiteral("indexes.") + field, typing,
                       [this](const QString &r) { m_indexes->setReason(r); });
            });
    // Leaving a field whose value was refused shows the document's value again.
    for (QLineEdit *edit : {m_name, m_tableName})
        connect(edit, &QLineEdit::editingFinished, this, [this] { refresh(); });
    connect(m_attributeForm, &AttributeForm::fieldLeft, this, [this] { refresh(); });
    connect(m_options, &OptionsForm::fieldLeft, this, [this] { refresh(); });
    connect(m_indexes, &IndexEditor::fieldLeft, this, [this] { refresh(); });
}

void ModelPage::buildAttributeSection(QWidget *box)
{
    m_attributes->setAccessibleName(tr("Attributes"));
    m_attributes->setObjectName(QStringLiteral("attributes"));
    m_attributes->setMaximumHeight(140);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_attributes);
    layout->addLayout(buttons);
    layout->addWidget(m_attributeForm);

    connect(m_attributes, &QListWidget::currentRowChanged, this, [this] {
        m_attributeForm->setReason(QString(), QString());
        refreshAttributes(false);
    });
    connect(m_add, &QPushButton::clicked, this, &ModelPage::addAttribute);
    connect(m_remove, &QPushButton::clicked, this, &ModelPage::removeAttribute);
    connect(m_up, &QPushButton::clicked, this, [this] { moveAttribute(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveAttribute(1); });
    connect(m_attributeForm, &AttributeForm::edited, this, &ModelPage::commitAttribute);
}

void ModelPage::setModel(ModelId id)
{
    if (id != m_id) {
        m_id = id;
        m_nameReason->setReason(QString());
        m_tableReason->setReason(QString());
        m_options->setReason(QString(), QString());
        m_attributeForm->setReason(QString(), QString());
        m_indexes->setReason(QString());
        const QSignalBlocker block(m_attributes);
        m_attributes->clear();
    }
    refresh();
}

void ModelPage::refresh()
{
    const Model *m = current();
    if (!m)
        return;
    const bool keep = m_pusher->isPushing();
    showFieldText(m_name, m->name, keep);
    showFieldText(m_tableName, m->tableName.value_or(QString()), keep);
    const ModelOptions &global = m_document->schema().options;
    m_tableName->setPlaceholderText(
        tr("derived: %1").arg(derivedTableName(*m, effectiveOptions(global, &m->options))));
    m_options->setOptions(m->options, effectiveOptions(global, nullptr), keep);
    m_indexes->setSuggestion(m->attributes.isEmpty() ? QString() : m->attributes[0].name);
    m_indexes->setIndexes(m->indexes, keep);
    refreshAttributes(keep);
}

void ModelPage::refreshAttributes(bool keepFocused)
{
    const Model *m = current();
    if (!m)
        return;
    const QSignalBlocker block(m_attributes);
    int row = m_attributes->currentRow();
    while (m_attributes->count() > m->attributes.size())
        delete m_attributes->takeItem(m_attributes->count() - 1);
    for (int i = 0; i < m->attributes.size(); ++i) {
        const QString label = attributeLabel(m->attributes[i]);
        if (i < m_attributes->count())
            m_attributes->item(i)->setText(label);
        else
            m_attributes->addItem(label);
    }
    if (row < 0 || row >= m_attributes->count())
        row = m_attributes->count() > 0 ? 0 : -1;
    m_attributes->setCurrentRow(row);
    m_attributeForm->setEnabled(row >= 0);
    if (row >= 0)
        m_attributeForm->setAttribute(m->attributes[row], keepFocused);
    updateAttributeButtons();
}

void ModelPage::updateAttributeButtons()
{
    const int row = m_attributes->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_attributes->count());
}

void ModelPage::commit(const Model &after, const QString &field, bool typing,
                       const std::function<void(const QString &)> &showReason)
{
    const int index = m_document->indexOfModel(m_id);
    if (index < 0)
        return;
    const Diagnostics problems = checkModelEdit(m_document->schema(), index, after);
    if (!problems.isEmpty()) {
        showReason(problems.first().message);
        return;
    }
    const Model before = *current();
    if (sameDeclaration(before, after))
        return showReason(QString());
    // One merge key per model and field: typing in it is one undo step.
    const QString key = typing ? QStringLiteral("model:%1:%2").arg(m_id).arg(field) : QString();
    const QString text = tr("Change %1 of %2").arg(field, before.name);
    Document *document = m_document;
    const ModelId id = m_id;
    const QString refused = m_pusher->push(setModelCommand(document, id, after, text, key), [=] {
        return setModelCommand(document, id, before, text, key);
    });
    showReason(refused);
}

void ModelPage::commitAttribute(const Attribute &attribute, const QString &field, bool typing)
{
    const int row = m_attributes->currentRow();
    const Model *m = current();
    if (!m || row < 0 || row >= m->attributes.size())
        return;
    Model after = *m;
    after.attributes[row] = attribute;
    commit(after, QStringLiteral("attributes[%1].%2").arg(row).arg(field), typing,
           [this, field](const QString &r) { m_attributeForm->setReason(field, r); });
}

void ModelPage::addAttribute()
{
    const Model *m = current();
    if (!m)
        return;
    Model after = *m;
    Attribute a;
    int n = after.attributes.size() + 1;
    auto taken = [&after](const QString &name) {
        return std::any_of(after.attributes.begin(), after.attributes.end(),
                           [&name](const Attribute &x) { return x.name == name; });
    };
    do {
        a.name = QStringLiteral("attribute%1").arg(n++);
    } while (taken(a.name));
    a.type = DataType(QStringLiteral("STRING"));
    after.attributes.append(a);
    commit(after, QStringLiteral("attributes"), false,
           [this](const QString &r) { m_attributeForm->setReason(QStringLiteral("name"), r); });
    m_attributes->setCurrentRow(m_attributes->count() - 1);
    m_attributeForm->setFocus();
}

void ModelPage::removeAttribute()
{
    const int row = m_attributes->currentRow();
    const Model *m = current();
    if (!m || row < 0 || row >= m->attributes.size())
        return;
    Model after = *m;
    after.attributes.removeAt(row);
    commit(after, QStringLiteral("attributes"), false, [](const QString &) {});
}

void ModelPage::moveAttribute(int delta)
{
    const int row = m_attributes->currentRow();
    const Model *m = current();
    if (!m || row + delta < 0 || row + delta >= m->attributes.size())
        return;
    Model after = *m;
    after.attributes.move(row, row + delta);
    commit(after, QStringLiteral("attributes"), false, [](const QString &) {});
    m_attributes->setCurrentRow(row + delta);
}

} // namespace mc
