#pragma once

#include "io/diagnostic.h"
#include "rules/analysis.h"
#include "rules/derive.h"

namespace mc {

/// Human description of an association call: `User.belongsTo(Picture, as 'ProfilePicture')`.
QString describeAssociation(const Association &a);

/// Problems for people: the define error, every cycle with its fix, and lint about
/// what Sequelize accepts but users regret (unindexed FK columns, accessor names
/// claimed twice, tables shared by two models).
Diagnostics checkSchema(const Schema &schema, const DerivedSchema &derived,
                        const Analysis &analysis, bool strictCycles);

} // namespace mc
