// Import on real PostgreSQL and MariaDB servers (scripts/servers.sh; MC_PG_* and
// MC_MYSQL_*): apply(import(db)) into an empty database gives db's catalog (and its
// PostgreSQL ENUM labels) again, for every conformance case on both engines, and the
// `import` verb writes a project that the `apply` verb turns back into the same
// database. Without the variables the test
// FAILS, unless the developer opts out with MC_NO_SERVERS=1 (then it skips); in CI
// (CI=true) the opt-out is ignored.

#include "casetestutil.h"
#include "servertestutil.h"

#include "db/catalogimport.h"
#include "ddl/catalog.h"
#include "io/schemareader.h"
#include "io/schemawriter.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

using namespace mc;
using namespace servertest;
using namespace casetest;

namespace {

/// The catalog, and on PostgreSQL the labels of its ENUM types, which the catalog's
/// columns name but do not list.
QString catalogText(const DatabaseTarget &t)
{
    QString error;
    QHash<QString, QStringList> enumLabels;
    const auto tables = readDatabaseCatalog(t, &error, &enumLabels);
    if (!tables)
        qFatal("catalog: %s", qPrintable(error));
    QStringList types = enumLabels.keys();
    types.sort();
    QString text = prettyJson(*tables);
    for (const QString &type : types)
        text += QStringLiteral("\nENUM %1: %2").arg(type, enumLabels[type].join(QLatin1Char('|')));
    return text;
}

QString urlWithUser(const DatabaseTarget &t)
{
    return QStringLiteral("%1://%2@%3:%4/%5")
        .arg(t.engine == Engine::Postgres ? QStringLiteral("postgres") : QStringLiteral("mysql"),
             t.server.user, t.server.host, QString::number(t.server.port), t.server.database);
}

} // namespace

class TestServerImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_servers.init(); }
    void cleanup() { m_servers.dropAll(); }
    void cleanupTestCase() { cleanup(); }
    void importThenApplyGivesTheSameCatalog_data();
    void importThenApplyGivesTheSameCatalog();
    void importVerbWritesAProjectThatApplies_data();
    void importVerbWritesAProjectThatApplies();
    void importWarnsAboutCheckConstraints_data() { Servers::engines(); }
    void importWarnsAboutCheckConstraints();

private:
    Servers m_servers;
};

void TestServerImport::importThenApplyGivesTheSameCatalog_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("name");
    const QStringList names = caseNames();
    QVERIFY(names.size() >= 15);
    for (const QString &name : names) {
        if (name == QLatin1String("error-duplicate-alias"))
            continue; // Sequelize creates nothing for it: there is no database to import
        QTest::addRow("postgres/%s", qPrintable(name)) << int(Engine::Postgres) << name;
        QTest::addRow("mariadb/%s", qPrintable(name)) << int(Engine::MySQL) << name;
    }
}

// The round trip goes through the file format, as a user's project would.
void TestServerImport::importThenApplyGivesTheSameCatalog()
{
    QFETCH(int, engine);
    QFETCH(QString, name);
    const DerivedSchema design = prepareCase(name).derived;
    const DatabaseTarget original = m_servers.fresh(engine, QStringLiteral("mc_import"));
    const ApplyResult created = applySchema(original, design, analyse(design));
    QVERIFY2(created.ok, qPrintable(created.error));
    QString error;
    QHash<QString, QStringList> enumLabels;
    const std::optional<JsonValue> tables = readDatabaseCatalog(original, &error, &enumLabels);
    QVERIFY2(tables, qPrintable(error));
    const ImportResult imported = importCatalog(*tables, original.dialect(), enumLabels);
    QVERIFY(imported.schema);
    const QByteArray project = writeSchema(*imported.schema);
    const LoadResult reloaded = readSchema(project);
    QVERIFY(reloaded.schema);
    const DerivedSchema again = derive(*reloaded.schema);
    QVERIFY2(!again.error, qPrintable(again.error ? again.error->message : QString()));
    const DatabaseTarget copy = m_servers.fresh(engine, QStringLiteral("mc_import"));
    const ApplyResult applied = applySchema(copy, again, analyse(again));
    QVERIFY2(applied.ok, qPrintable(applied.error));
    const QString want = catalogText(original);
    const QString got = catalogText(copy);
    if (got != want)
        qWarning("imported project:\n%s", project.constData());
    QCOMPARE(got, want);
}

void TestServerImport::importVerbWritesAProjectThatApplies_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("name");
    for (const char *name : {"btm-explicit-keys", "datatypes"}) { // junctions; ENUM labels
        QTest::addRow("postgres/%s", name) << int(Engine::Postgres) << QString::fromLatin1(name);
        QTest::addRow("mariadb/%s", name) << int(Engine::MySQL) << QString::fromLatin1(name);
    }
}

void TestServerImport::importVerbWritesAProjectThatApplies()
{
    QFETCH(int, engine);
    QFETCH(QString, name);
    const DerivedSchema design = prepareCase(name).derived;
    const DatabaseTarget original = m_servers.fresh(engine, QStringLiteral("mc_import"));
    QVERIFY(applySchema(original, design, analyse(design)).ok);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("imported.json"));
    QProcess cli;
    cli.start(QStringLiteral(MC_BINARY), {QStringLiteral("import"), QStringLiteral("--db"),
                                          urlWithUser(original), QStringLiteral("-o"), project});
    QVERIFY(cli.waitForFinished(60000));
    const QByteArray warnings = cli.readAllStandardError();
    QVERIFY2(cli.exitCode() == 0, warnings.constData());
    QVERIFY2(!warnings.contains("ENUM"), warnings.constData()); // the labels were read
    const DatabaseTarget copy = m_servers.fresh(engine, QStringLiteral("mc_import"));
    cli.start(QStringLiteral(MC_BINARY),
              {QStringLiteral("apply"), project, QStringLiteral("--db"), urlWithUser(copy)});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QCOMPARE(catalogText(copy), catalogText(original));
}

// A CHECK constraint has no modelcanvas/1 spelling: the catalog reader finds it (on
// PostgreSQL in pg_constraint) and the import says, naming the column, that it is
// left out.
void TestServerImport::importWarnsAboutCheckConstraints()
{
    QFETCH(int, engine);
    const DatabaseTarget db = m_servers.fresh(engine, QStringLiteral("mc_import"));
    run(db, {QStringLiteral("CREATE TABLE {Products} ({id} INTEGER NOT NULL PRIMARY KEY, "
                            "{price} INTEGER CHECK ({price} > 0), {name} VARCHAR(255))")});
    QString error;
    QHash<QString, QStringList> enumLabels;
    const std::optional<JsonValue> tables = readDatabaseCatalog(db, &error, &enumLabels);
    QVERIFY2(tables, qPrintable(error));
    const ImportResult imported = importCatalog(*tables, db.dialect(), enumLabels);
    QVERIFY(imported.schema);
    QStringList checks;
    for (const Diagnostic &d : imported.diagnostics) {
        if (d.message.contains(QLatin1String("CHECK")))
            checks << d.message;
    }
    QCOMPARE(checks.size(), 1);
    // The expression as the engine prints it, without PostgreSQL's extra parentheses.
    QVERIFY2(checks.first().contains(QLatin1String("column \"price\"")) &&
                 checks.first().contains(engine == int(Engine::Postgres)
                                             ? QLatin1String("CHECK (price > 0) has")
                                             : QLatin1String("CHECK (`price` > 0) has")),
             qPrintable(checks.first()));
}

QTEST_GUILESS_MAIN(TestServerImport)
#include "tst_serverimport.moc"
