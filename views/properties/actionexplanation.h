#pragma once

#include "document/document.h"

#include <QString>

namespace mc {

/// The referential actions an association's FK column ends up with, each with why
/// ("SET NULL: the FK allows NULL", "CASCADE: belongsToMany junction"), read from
/// the derived schema (spec §5): the value is always the derived one; the reason
/// retraces the rule that produced it.
struct ActionExplanation
{
    QString onDelete;
    QString onUpdate;
};

ActionExplanation explainActions(const Document &document, AssociationId id);

} // namespace mc
