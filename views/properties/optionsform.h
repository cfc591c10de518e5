#pragma once

#include "domain/schema.h"
#include "rules/derive.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLineEdit;

namespace mc {

class ReasonLabel;

/// Edits a set of `define` options (a model's own or the global ones). Each option
/// can be left out, and then shows the value it inherits ("inherited: false"), or
/// be set. `createdAt`/`updatedAt`/`deletedAt` are default, false or a name.
class OptionsForm : public QWidget
{
    Q_OBJECT

public:
    /// \a inheritedWord names where unset values come from ("inherited", "default").
    OptionsForm(const QString &inheritedWord, QWidget *parent = nullptr);

    /// Shows \a options; unset ones display \a inherited. \a keepFocused leaves the
    /// text of a focused name field alone (the user is typing in it).
    void setOptions(const ModelOptions &options, const EffectiveOptions &inherited,
                    bool keepFocused);
    /// The reason shown for the last edit of \a field (empty: none).
    void setReason(const QString &field, const QString &reason);

Q_SIGNALS:
    /// The user changed \a field. \a merge: repeated changes of the field merge into
    /// one undo step (typing a name, stepping through a combo box's values).
    void edited(const mc::ModelOptions &options, const QString &field, bool merge);
    /// The user left a name field: a refused value gives way to the document's.
    void fieldLeft();

private:
    void addFlag(QFormLayout *form, const QString &key, const QString &label);
    void addTimestamp(QFormLayout *form, const QString &key, const QString &label);
    void emitEdit(const QString &field, bool typing);
    ModelOptions current() const;

    struct Timestamp
    {
        QComboBox *mode = nullptr;
        QLineEdit *name = nullptr;
    };
    QHash<QString, QComboBox *> m_flags;
    QHash<QString, Timestamp> m_timestamps;
    QHash<QString, ReasonLabel *> m_reasons;
    ModelOptions m_options;
    QString m_inheritedWord;
};

} // namespace mc
