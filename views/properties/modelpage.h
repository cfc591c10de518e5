#pragma once

#include "document/document.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace mc {

class AttributeForm;
class EditPusher;
class IndexEditor;
class OptionsForm;
class ReasonLabel;

/// The property page of one model: name, table name (the derived one as a
/// placeholder), options with their inherited values, attributes (add, remove,
/// reorder, and the selected one's form) and indexes. Each edit is checked by the
/// loader (checkModelEdit()) and then pushed as one undoable command.
class ModelPage : public QWidget
{
    Q_OBJECT

public:
    ModelPage(Document *document, EditPusher *pusher, QWidget *parent = nullptr);

    void setModel(ModelId id);
    ModelId model() const { return m_id; }
    /// Shows the document's current values.
    void refresh();

    QLineEdit *nameEdit() const { return m_name; }
    QListWidget *attributeList() const { return m_attributes; }
    AttributeForm *attributeForm() const { return m_attributeForm; }
    ReasonLabel *nameReason() const { return m_nameReason; }

private:
    void buildAttributeSection(QWidget *box);
    /// Checks and pushes \a after; the reason (file format or Sequelize) goes to
    /// \a showReason. \a field names the merge key's field when \a typing.
    void commit(const Model &after, const QString &field, bool typing,
                const std::function<void(const QString &)> &showReason);
    void commitAttribute(const Attribute &attribute, const QString &field, bool typing);
    void addAttribute();
    void removeAttribute();
    void moveAttribute(int delta);
    void refreshAttributes(bool keepFocused);
    void updateAttributeButtons();
    const Model *current() const { return m_document->model(m_id); }

    Document *m_document;
    EditPusher *m_pusher;
    ModelId m_id = 0;
    QLineEdit *m_name;
    ReasonLabel *m_nameReason;
    QLineEdit *m_tableName;
    ReasonLabel *m_tableReason;
    QListWidget *m_attributes;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    AttributeForm *m_attributeForm;
    IndexEditor *m_indexes;
    OptionsForm *m_options; ///< last: the tab order follows the page from top to bottom
};

} // namespace mc
