#pragma once

#include "domain/schema.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace mc {

class ReasonLabel;
class TypeEditor;

/// Edits one declared attribute: name, type, allowNull (omitted/true/false),
/// primaryKey, autoIncrement, unique (flag or group), defaultValue, field, comment.
class AttributeForm : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeForm(QWidget *parent = nullptr);

    /// Shows \a attribute; \a keepFocused leaves a focused text field alone.
    void setAttribute(const Attribute &attribute, bool keepFocused);
    /// Shows \a reason next to \a field (and clears the other fields' reasons).
    void setReason(const QString &field, const QString &reason);
    QString reason(const QString &field) const;

    /// `defaultValue` as typed: true/false, a JSON number, "quoted" or plain text.
    static std::optional<JsonValue> defaultFromText(const QString &text);
    static QString defaultToText(const std::optional<JsonValue> &value);

Q_SIGNALS:
    /// \a merge: repeated changes of \a field merge into one undo step (typing,
    /// stepping through a combo box); false for the check boxes.
    void edited(const mc::Attribute &attribute, const QString &field, bool merge);
    /// The user left a text field: a refused value gives way to the document's.
    void fieldLeft();

private:
    QLineEdit *addLine(const QString &key, const QString &label, const QString &accessible);
    void addReason(const QString &key, QWidget *field);
    void emitEdit(const QString &field, bool typing);
    void onTypeEdited(const QString &text, bool typing);

    Attribute m_attribute;
    QLineEdit *m_name = nullptr;
    TypeEditor *m_type = nullptr;
    QComboBox *m_allowNull = nullptr;
    QCheckBox *m_primaryKey = nullptr;
    QCheckBox *m_autoIncrement = nullptr;
    QComboBox *m_unique = nullptr;
    QLineEdit *m_uniqueGroup = nullptr;
    QLineEdit *m_default = nullptr;
    QLineEdit *m_field = nullptr;
    QLineEdit *m_comment = nullptr;
    QHash<QString, ReasonLabel *> m_reasons;
};

} // namespace mc
