#pragma once

#include <QLineEdit>

namespace mc {

/// The in-place editor of a node's name: Enter or leaving the field commits,
/// Escape cancels. Emits exactly one of the two signals, then deletes itself.
class NameEditor : public QLineEdit
{
    Q_OBJECT

public:
    NameEditor(const QString &name, QWidget *parent);

Q_SIGNALS:
    void committed(const QString &name);
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void finish(bool commit);
    bool m_done = false;
};

} // namespace mc
