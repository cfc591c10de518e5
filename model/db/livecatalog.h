#pragma once

#include "db/catalogdiff.h"
#include "domain/jsonvalue.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace mc {

/// Runs \a sql on \a query; false with "SQL: the driver's text" in \a error.
bool execOrExplain(QSqlQuery &query, const QString &sql, QString &error);

/// Extra facts an engine reads for one design table (MariaDB: SHOW CREATE TABLE).
using LiveTableReader =
    std::function<bool(QSqlQuery &query, const QString &table, LiveTable &live, QString &error)>;

/// The live tables of a server, from its catalog reader's \a catalog (tables by name),
/// with the row count of each design table: what force's refusal and alter's checks
/// need. \a more, when set, reads engine-specific facts per design table.
bool readLiveTables(QSqlDatabase &db, const JsonValue &catalog, Dialect dialect,
                    const QStringList &designTables, LiveSchema &live, QString &error,
                    const LiveTableReader &more = {});

} // namespace mc
