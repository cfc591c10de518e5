#pragma once

#include <QLabel>

namespace mc {

/// Why the value typed in a field was refused: red text under the field, hidden
/// when there is none. The field's accessible description carries the same text,
/// so a screen reader announces it with the field.
class ReasonLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ReasonLabel(QWidget *field, QWidget *parent = nullptr);

    /// Shows \a reason (empty: hides the label and clears the field's description).
    void setReason(const QString &reason);
    QString reason() const { return m_reason; }
    QWidget *field() const { return m_field; }

private:
    QWidget *m_field;
    QString m_reason;
};

} // namespace mc
