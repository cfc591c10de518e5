#include "reasonlabel.h"

#include <QPalette>

namespace mc {

ReasonLabel::ReasonLabel(QWidget *field, QWidget *parent) : QLabel(parent), m_field(field)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A fixed red reads on both the light and the dark palette.
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    setPalette(p);
    hide();
}

void ReasonLabel::setReason(const QString &reason)
{
    if (reason == m_reason)
        return;
    m_reason = reason;
    setText(reason);
    setAccessibleName(reason.isEmpty() ? QString() : tr("Refused: %1").arg(reason));
    setVisible(!reason.isEmpty());
    if (m_field)
        m_field->setAccessibleDescription(reason);
}

} // namespace mc
