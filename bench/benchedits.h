#pragma once

#include "domain/schema.h"

#include <QTextStream>

namespace mc {

/// Times one edit of each kind the editor makes on `schema` (incremental derivation
/// + analysis), median of `runs`; every edit is undone by the next one, so the
/// schema ends as it began.
void benchEdits(Schema &schema, int runs, QTextStream &out);

/// Times checkSchema() on `schema`, median of `runs`.
void benchLint(const Schema &schema, int runs, QTextStream &out);

} // namespace mc
