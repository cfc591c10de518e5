#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace mc {

class DataType;

/// A type string (file-format §5) typed as text, with helpers that build it: the
/// type name, length, precision and scale, TEXT/BLOB size, UNSIGNED, BINARY and the
/// ENUM values. Only the helpers that apply to the chosen type are shown.
class TypeEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TypeEditor(QWidget *parent = nullptr);

    /// Shows \a text (a valid type string, or empty); see showFieldText().
    void setTypeText(const QString &text, bool keepFocused);
    QString typeText() const;
    QLineEdit *textEdit() const { return m_text; }

Q_SIGNALS:
    /// The type changed (typed or built with the helpers). \a merge: repeated changes
    /// merge into one undo step.
    void edited(const QString &text, bool merge);

private:
    void showHelpers(const DataType &type);
    void updateVisibility(const QString &name);
    void composeFromHelpers();

    QLineEdit *m_text;
    QComboBox *m_name;
    QSpinBox *m_length;
    QSpinBox *m_precision;
    QSpinBox *m_scale;
    QComboBox *m_size;
    QCheckBox *m_unsigned;
    QCheckBox *m_binary;
    QLineEdit *m_values;
};

} // namespace mc
