// Database > Apply against a real PostgreSQL server (scripts/servers.sh; MC_PG_HOST/PORT/
// USER): the preview is the server-side dry run, applying creates what the catalog
// expectations say, and the run reports progress from the worker thread. Database >
// Import's runner reads the server's ENUM labels along with its catalog. Without the
// MC_PG_* variables it FAILS, unless MC_NO_SERVERS=1 outside CI (then it skips), as
// tests/db/tst_postgresapply.cpp does.
#include "applydialog.h"
#include "ddl/catalog.h"
#include "ddl/ddlgenerator.h"
#include "importrunner.h"
#include "io/schemareader.h"

#include <QCoreApplication>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>

using mc::ApplyDialog;
using mc::ApplyResult;

static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

bool optedOut()
{
    const QByteArray ci = qgetenv("CI");
    const bool inCi = !ci.isEmpty() && ci != "false" && ci != "0";
    return !inCi && qgetenv("MC_NO_SERVERS") == "1";
}

/// Runs \a sql in the server's `postgres` database; the driver's text on failure.
QString adminExec(const mc::ServerTarget &server, const QString &sql)
{
    mc::ServerTarget admin = server;
    admin.database = QStringLiteral("postgres");
    const QString name = QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase db = mc::addServerDatabase(QStringLiteral("QPSQL"), admin, name);
        QSqlQuery q(db);
        if (!db.open())
            error = db.lastError().text();
        else if (!q.exec(sql))
            error = q.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

class TstApplyDialogPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void appliesThroughTheDialog();
    void importRunnerReadsEnumLabels();

private:
    mc::DatabaseTarget m_target;
    bool m_created = false;
};

void TstApplyDialogPostgres::initTestCase()
{
    initResources();
    qRegisterMetaType<mc::ApplyResult>();
    const QString host = qEnvironmentVariable("MC_PG_HOST");
    const QString port = qEnvironmentVariable("MC_PG_PORT");
    const QString user = qEnvironmentVariable("MC_PG_USER");
    if (host.isEmpty() || port.isEmpty() || user.isEmpty()) {
        const char *how = "MC_PG_HOST, MC_PG_PORT and MC_PG_USER are not set: run "
                          "scripts/test.sh, or scripts/servers.sh start && eval "
                          "\"$(scripts/servers.sh env)\"";
        if (optedOut())
            QSKIP("MC_NO_SERVERS=1: PostgreSQL tests skipped");
        QFAIL(how);
    }
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the Qt PostgreSQL driver (QPSQL, Debian: libqt6sql6-psql) is missing");
    m_target.engine = mc::Engine::Postgres;
    m_target.server = {host, port.toInt(), user,
                       QStringLiteral("mc_gui_%1").arg(QCoreApplication::applicationPid()),
                       QString()};
    const QString error = adminExec(
        m_target.server, QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0")
                             .arg(m_target.server.database));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_created = true;
}

void TstApplyDialogPostgres::cleanupTestCase()
{
    if (m_created)
        QCOMPARE(adminExec(m_target.server,
                           QStringLiteral("DROP DATABASE %1").arg(m_target.server.database)),
                 QString());
}

void TstApplyDialogPostgres::appliesThroughTheDialog()
{
    QFile f(QStringLiteral(":/examples/users-pictures.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const mc::LoadResult loaded = mc::readSchema(f.readAll());
    QVERIFY(loaded.schema);
    const mc::DerivedSchema derived = mc::derive(*loaded.schema);
    const mc::Analysis analysis = mc::analyse(derived);
    mc::ApplyOptions dry;
    dry.dryRun = true;
    const ApplyResult expected = mc::applySchema(m_target, derived, analysis, dry);
    QVERIFY2(expected.ok, qPrintable(expected.error));

    ApplyDialog d(m_target, derived, analysis);
    const Qt::HANDLE gui = QThread::currentThreadId();
    std::atomic<int> offGui{0};
    d.setRunHook([&](int, int, const QString &) {
        offGui += QThread::currentThreadId() != gui;
        return false;
    });
    QTRY_VERIFY_WITH_TIMEOUT(!d.isPlanning(), 20000);
    QCOMPARE(d.previewText(), mc::ddlScript(expected.executed));

    QSignalSpy applied(&d, &ApplyDialog::applied);
    d.findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 30000);
    const ApplyResult r = applied.constFirst().at(0).value<ApplyResult>();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(offGui.load(), 2);
    QString error;
    const auto catalog = mc::readDatabaseCatalog(m_target, &error);
    QVERIFY2(catalog, qPrintable(error));
    QCOMPARE(catalog->toCompactJson(),
             mc::catalogTables(derived, mc::Dialect::Postgres, analysis.cyclic()).toCompactJson());
}

void TstApplyDialogPostgres::importRunnerReadsEnumLabels()
{
    const mc::LoadResult loaded = mc::readSchema(R"j({"format": "modelcanvas/1", "models": [
        {"name": "Post", "attributes": [{"name": "status",
         "type": "ENUM('draft','it''s out','archived')", "defaultValue": "draft"}]}],
        "associations": []})j");
    QVERIFY(loaded.schema);
    const mc::DerivedSchema derived = mc::derive(*loaded.schema);
    const ApplyResult created = mc::applySchema(m_target, derived, mc::analyse(derived));
    QVERIFY2(created.ok, qPrintable(created.error));

    qRegisterMetaType<mc::ImportOutcome>();
    mc::ImportRunner runner;
    QSignalSpy finished(&runner, &mc::ImportRunner::finished);
    runner.start(m_target);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const auto outcome = finished.constFirst().at(0).value<mc::ImportOutcome>();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QString status;
    for (const mc::Model &m : outcome.schema->models) {
        for (const mc::Attribute &a : m.attributes) {
            if (m.name == QLatin1String("Post") && a.name == QLatin1String("status"))
                status = a.type->toString();
        }
    }
    QCOMPARE(status, QStringLiteral("ENUM('draft','it''s out','archived')"));
    for (const mc::Diagnostic &d : outcome.diagnostics)
        QVERIFY2(!d.message.contains(QLatin1String("ENUM")), qPrintable(d.message));
}

QTEST_MAIN(TstApplyDialogPostgres)
#include "tst_applydialogpostgres.moc"
