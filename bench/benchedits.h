#pragma once

#include "domain/schema.h"

#include <QTextStream>

namespace mc {

/// Times one edit of each kind the editor makes on `schema` (incremental derivation
/// + analysis), median of `runs`; every edit is undone by the next one, so the
/// schema ends as it began. With `verify`, the problems after each edit are also
/// compared with checkSchema() (untimed) and every difference is reported.
void benchEdits(Schema &schema, int runs, QTextStream &out, bool verify = false);

/// Times checkSchema() on `schema`, median of `runs`.
void benchLint(const Schema &schema, int runs, QTextStream &out);

} // namespace mc
