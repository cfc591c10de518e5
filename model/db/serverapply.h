#pragma once

#include "db/applytypes.h"
#include "db/catalogdiff.h"
#include "db/servertarget.h"
#include "ddl/sqltypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QSqlDatabase>

namespace mc {

/// What an engine plugs into applyOnServer(): its driver and names, how it runs
/// create mode, and its force/alter reader, planner and runner.
struct ServerEngine
{
    Dialect dialect;
    const char *driver;  ///< "QPSQL"
    const char *name;    ///< "PostgreSQL", for messages
    const char *package; ///< the Debian package of the driver
    /// Whether a plan runs inside BEGIN ... COMMIT (a dry run shows them).
    bool transactional;
    /// The create-mode statements for generateDdl()'s \a ddl.
    QStringList (*createSteps)(const QStringList &ddl);
    void (*runCreate)(QSqlDatabase &db, const QStringList &steps, const ApplyOptions &options,
                      ApplyResult &result);
    bool (*readLive)(QSqlDatabase &db, const QStringList &designTables, LiveSchema &live,
                     QString &error);
    AlterPlan (*plan)(const DerivedSchema &derived, const Analysis &analysis,
                      const QStringList &createDdl, const LiveSchema &live,
                      const ApplyOptions &options);
    void (*runPlan)(QSqlDatabase &db, const AlterPlan &plan, const ApplyOptions &options,
                    ApplyResult &result);
};

/// The part of applyPostgres() and applyMysql() that does not depend on the engine:
/// refusing a schema without DDL, the dry run of create mode, the connection, and for
/// force and alter reading the live catalog, planning and running (a dry run or a plan
/// with nothing to do sends nothing). Sets `unchanged` when nothing was sent.
ApplyResult applyOnServer(const ServerEngine &engine, const ServerTarget &target,
                          const DerivedSchema &derived, const Analysis &analysis,
                          const ApplyOptions &options);

} // namespace mc
