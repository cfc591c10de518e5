#include "serverapply.h"

#include "ddl/ddlgenerator.h"

#include <QSqlError>
#include <QUuid>

namespace mc {

namespace {

/// Force and alter: plans from the live catalog, then runs the plan.
void runChanges(const ServerEngine &engine, QSqlDatabase &db, const DerivedSchema &derived,
                const Analysis &analysis, const QStringList &ddl, const ApplyOptions &options,
                ApplyResult &result)
{
    QStringList design;
    for (const DerivedTable &t : derived.tables)
        design << t.table;
    LiveSchema live;
    QString error;
    if (!engine.readLive(db, design, live, error)) {
        result.error = QStringLiteral("cannot read the catalog: ") + error;
        return;
    }
    const AlterPlan planned = engine.plan(derived, analysis, ddl, live, options);
    result.notes = planned.notes;
    if (!planned.error.isEmpty()) {
        result.error = planned.error;
        result.refusedDataLoss = planned.dataLossRefused;
        return;
    }
    if (planned.steps.isEmpty()) {
        result.notes << QStringLiteral("nothing to do: the database matches the design");
        result.ok = true;
        return;
    }
    if (!options.dryRun) {
        engine.runPlan(db, planned, options, result);
        return;
    }
    if (engine.transactional)
        result.executed << QStringLiteral("BEGIN");
    for (const AlterStep &s : planned.steps)
        result.executed << s.sql;
    if (engine.transactional)
        result.executed << QStringLiteral("COMMIT");
    result.ok = true;
}

} // namespace

ApplyResult applyOnServer(const ServerEngine &engine, const ServerTarget &target,
                          const DerivedSchema &derived, const Analysis &analysis,
                          const ApplyOptions &options)
{
    ApplyResult result;
    const std::optional<QStringList> ddl =
        applicableDdl(derived, analysis, engine.dialect, &result.error);
    if (!ddl) {
        result.unchanged = true;
        return result;
    }
    const bool create = options.mode == ApplyMode::Create;
    const QStringList steps = engine.createSteps(*ddl);
    if (create && options.dryRun) {
        result.executed = steps;
        result.ok = true;
        return result;
    }
    const QString driver = QLatin1String(engine.driver);
    const QString name = QLatin1String(engine.name);
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        result.error = QStringLiteral("the Qt SQL driver for %1 (%2) is not available (Debian: %3)")
                           .arg(name, driver, QLatin1String(engine.package));
        result.unchanged = true;
        return result;
    }
    // A name of its own, so concurrent appliers and the caller's connections never meet.
    const QString connection =
        QStringLiteral("mc-apply-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = addServerDatabase(driver, target, connection);
        if (!db.open())
            result.error = QStringLiteral("cannot connect to %1 database \"%2\" on %3:%4: %5")
                               .arg(name, target.database, target.host,
                                    QString::number(target.port), db.lastError().text());
        else if (create)
            engine.runCreate(db, steps, options, result);
        else
            runChanges(engine, db, derived, analysis, *ddl, options, result);
        db.close();
    } // every handle on the connection must be gone before removeDatabase()
    QSqlDatabase::removeDatabase(connection);
    if (!result.ok && (options.dryRun || result.executed.isEmpty()))
        result.unchanged = true; // refused, or failed before sending anything
    return result;
}

} // namespace mc
