#pragma once

#include "db/applytypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QString>

namespace mc {

/// Creates the schema in the SQLite database at \a path (a file, created if missing,
/// or ":memory:") the way Sequelize 6.37.8's `sync()` does: generateDdl()'s
/// CREATE TABLE IF NOT EXISTS statements in creation order. Unlike sync(), every
/// statement runs in one transaction, so on failure nothing is left behind.
/// A cyclic schema runs with `PRAGMA foreign_keys = OFF` (set before BEGIN, since
/// SQLite ignores it inside a transaction) and ON after COMMIT; otherwise ON.
/// Refuses a schema with a define error or names SQLite cannot take.
/// Force and alter (see ApplyMode) read the live catalog first and always run as
/// `PRAGMA foreign_keys = OFF`, BEGIN, the changes, `PRAGMA foreign_key_check` (any
/// row reported fails the run and rolls it back), COMMIT, `PRAGMA foreign_keys = ON`.
ApplyResult applySqlite(const QString &path, const DerivedSchema &derived, const Analysis &analysis,
                        const ApplyOptions &options = {});

} // namespace mc
