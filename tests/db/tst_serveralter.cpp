// Force and alter modes on real PostgreSQL and MariaDB servers (scripts/servers.sh;
// MC_PG_* and MC_MYSQL_*): every test runs on both. After a successful run the live
// catalog must equal catalogTables() of the design, and alter must keep the rows.
// Without the variables the test FAILS, unless the developer opts out with
// MC_NO_SERVERS=1 (then it skips); in CI (CI=true) the opt-out is ignored.

#include "servertestutil.h"
#include "sqlitetestutil.h"

#include "db/database.h"
#include "db/mysqlapplier.h"
#include "db/postgresapplier.h"
#include "ddl/catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

using namespace mc;
using namespace servertest;
using namespace sqlitetest;

namespace {

using Rows = QVector<QMap<QString, QString>>;

QJsonObject serverCatalog(const DatabaseTarget &t)
{
    QString error;
    const auto c = readDatabaseCatalog(t, &error);
    if (!c)
        qFatal("catalog: %s", qPrintable(error));
    return toQt(*c);
}

/// PostgreSQL's ENUM labels by type ("type: a|b" lines); empty on MariaDB, whose
/// catalog spells them in the column type.
QStringList enumLabels(const DatabaseTarget &t)
{
    QString error;
    QHash<QString, QStringList> labels;
    if (!readDatabaseCatalog(t, &error, &labels))
        qFatal("catalog: %s", qPrintable(error));
    QStringList out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out << it.key() + QStringLiteral(": ") + it->join(QLatin1Char('|'));
    out.sort();
    return out;
}

Rows serverRows(const DatabaseTarget &t, const QString &table)
{
    Rows out;
    onServer(t, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(sql(t, QStringLiteral("SELECT * FROM {%1} ORDER BY {id}").arg(table))))
            qFatal("rows: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            QMap<QString, QString> row;
            for (int i = 0; i < q.record().count(); ++i)
                row.insert(q.record().fieldName(i),
                           q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out.append(row);
        }
    });
    return out;
}

ApplyResult applyTo(const DatabaseTarget &t, const Prepared &p, ApplyMode mode, bool dryRun = false,
                    bool allowDataLoss = false)
{
    ApplyOptions o;
    o.mode = mode;
    o.dryRun = dryRun;
    o.allowDataLoss = allowDataLoss;
    return applySchema(t, p.derived, p.analysis, o);
}

QJsonObject predicted(const DatabaseTarget &t, const Prepared &p)
{
    return toQt(catalogTables(p.derived, t.dialect(), p.analysis.cyclic()));
}

const QStringList kServerSeed{
    QStringLiteral(
        "INSERT INTO {Users} ({id}, {name}, {age}) VALUES (1, 'ann', 30), (2, 'bob', 40)"),
    QStringLiteral("INSERT INTO {Posts} ({id}, {title}, {UserId}) VALUES (1, 'hello', 2)")};

} // namespace

class TestServerAlter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase() { cleanup(); }
    void alterClosesEachKindOfGap_data();
    void alterClosesEachKindOfGap();
    void alterLeavesOtherTablesAloneAndSendsNothingWhenDone_data() { engines(); }
    void alterLeavesOtherTablesAloneAndSendsNothingWhenDone();
    void alterRefusesNotNullColumnWithoutDefault_data() { engines(); }
    void alterRefusesNotNullColumnWithoutDefault();
    void forceRefusesTablesWithRowsThenRecreates_data() { engines(); }
    void forceRefusesTablesWithRowsThenRecreates();
    void forceRecreatesCases_data();
    void forceRecreatesCases();
    void dryRunChangesNothing_data() { engines(); }
    void dryRunChangesNothing();
    void failingAlterMidway_data();
    void failingAlterMidway();
    void alterKeepsEnumLabelsInUse_data() { engines(); }
    void alterKeepsEnumLabelsInUse();
    void alterMovesAForeignEnumToTheDesignsType();

private:
    static void engines() { Servers::engines(); }
    DatabaseTarget fresh(int engine) { return m_servers.fresh(engine, QStringLiteral("mc_alter")); }
    DatabaseTarget seeded(int engine, const QString &json);

    Servers m_servers;
};

void TestServerAlter::initTestCase()
{
    m_servers.init();
}

DatabaseTarget TestServerAlter::seeded(int engine, const QString &json)
{
    const DatabaseTarget t = fresh(engine);
    const ApplyResult r = applyTo(t, prepare(json), ApplyMode::Create);
    if (!r.ok)
        qFatal("create: %s", qPrintable(r.error));
    run(t, kServerSeed);
    return t;
}

void TestServerAlter::cleanup()
{
    m_servers.dropAll();
}

#include "tst_serveralter_cases.inc"

QTEST_GUILESS_MAIN(TestServerAlter)
#include "tst_serveralter.moc"
