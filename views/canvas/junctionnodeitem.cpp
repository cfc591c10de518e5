#include "junctionnodeitem.h"

#include <QCoreApplication>

namespace mc {

JunctionNodeItem::JunctionNodeItem(const QString &model) : m_model(model)
{
    setFlags(flags() | ItemIsSelectable);
}

QString JunctionNodeItem::accessibleName() const
{
    return QCoreApplication::translate("mc::JunctionNodeItem", "junction table %1")
        .arg(content().subtitle);
}

} // namespace mc
