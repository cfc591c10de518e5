#pragma once

#include <QString>
#include <QStringList>

namespace mc {

/// What a planned statement list destroys, one phrase per object for a confirmation
/// people read: "table `Users`", "column `age` of `Users`", "index `users_email`",
/// "table `Users` (rebuilt: its rows are copied into the new definition)". Names are
/// kept as the statements quote them. Empty when nothing is dropped.
QStringList droppedObjects(const QStringList &statements);

} // namespace mc
