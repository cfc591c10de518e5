#pragma once

#include "domain/schema.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace mc {

class ReasonLabel;

/// A model's `indexes`: the list with Add and Remove, and per index its fields
/// (names separated by commas), unique (omitted/true/false) and name.
class IndexEditor : public QWidget
{
    Q_OBJECT

public:
    explicit IndexEditor(QWidget *parent = nullptr);

    void setIndexes(const std::optional<QVector<IndexSpec>> &indexes, bool keepFocused);
    void setReason(const QString &reason);
    /// \a suggestion: the fields a new index starts with (the first attribute).
    void setSuggestion(const QString &field) { m_suggestion = field; }

Q_SIGNALS:
    void edited(const std::optional<QVector<mc::IndexSpec>> &indexes, const QString &field,
                bool merge);
    /// The user left a text field: a refused value gives way to the document's.
    void fieldLeft();

private:
    void showCurrent(bool keepFocused);
    void editCurrent(const QString &field, bool typing);

    std::optional<QVector<IndexSpec>> m_indexes;
    QString m_suggestion;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLineEdit *m_fields;
    QComboBox *m_unique;
    QLineEdit *m_name;
    ReasonLabel *m_reason;
};

} // namespace mc
