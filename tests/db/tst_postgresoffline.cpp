// applyPostgres() and parsePostgresUrl() where no server is needed: URL parsing,
// dry runs (which must not connect) and the error for an unreachable server.

#include "db/postgresapplier.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QTest>

using namespace mc;

namespace {

struct Prepared
{
    DerivedSchema derived;
    Analysis analysis;
};

Prepared prepareCase(const QString &caseName)
{
    const LoadResult r = readSchemaFile(QStringLiteral(MC_FIXTURES) +
                                        QStringLiteral("/cases/%1.model.json").arg(caseName));
    if (!r.schema)
        qFatal("unreadable case %s", qPrintable(caseName));
    Prepared p{derive(*r.schema), {}};
    p.analysis = analyse(p.derived);
    return p;
}

/// Port 1 on loopback: nothing listens there.
const PostgresTarget kNowhere{QStringLiteral("127.0.0.1"), 1, QStringLiteral("nobody"),
                              QStringLiteral("none"), QString()};

} // namespace

class TestPostgresOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lockTableExhaustionSaysWhatToRaise();
    void parsesSequelizeUrls();
    void dryRunConnectsToNothing();
    void unreachableServerIsAnError();
};

void TestPostgresOffline::parsesSequelizeUrls()
{
    const auto t = parsePostgresUrl(QStringLiteral("postgres://app@db.example:6543/shop"));
    QVERIFY(t);
    QCOMPARE(t->host, QStringLiteral("db.example"));
    QCOMPARE(t->port, 6543);
    QCOMPARE(t->user, QStringLiteral("app"));
    QCOMPARE(t->database, QStringLiteral("shop"));
    const auto d = parsePostgresUrl(QStringLiteral("postgresql://localhost/x%20y"));
    QVERIFY(d);
    QCOMPARE(d->port, 5432);
    QVERIFY(d->user.isEmpty());
    QCOMPARE(d->database, QStringLiteral("x y"));
    QString why;
    QVERIFY(!parsePostgresUrl(QStringLiteral("postgres://app:secret@h/db"), &why));
    QVERIFY2(why.contains(QLatin1String("MODELCANVAS_DB_PASSWORD")), qPrintable(why));
    QVERIFY(!parsePostgresUrl(QStringLiteral("postgres://h"), &why));
    QVERIFY(!parsePostgresUrl(QStringLiteral("postgres:///db"), &why));
    QVERIFY(!parsePostgresUrl(QStringLiteral("mysql://h/db"), &why));
}

void TestPostgresOffline::dryRunConnectsToNothing()
{
    const Prepared p = prepareCase(QStringLiteral("seed-cycle-no-constraints-false"));
    ApplyOptions o;
    o.dryRun = true;
    bool progressed = false;
    o.progress = [&](int, int, const QString &) { progressed = true; };
    const ApplyResult r = applyPostgres(kNowhere, p.derived, p.analysis, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!progressed);
    // BEGIN, two CREATE TABLEs, the two ALTER TABLE ... ADD FOREIGN KEYs, COMMIT.
    QCOMPARE(r.executed.size(), 6);
    QCOMPARE(r.executed.first(), QStringLiteral("BEGIN"));
    QVERIFY(r.executed.at(3).startsWith(QLatin1String("ALTER TABLE \"Users\"  ADD FOREIGN KEY")));
    QCOMPARE(r.executed.last(), QStringLiteral("COMMIT"));
}

void TestPostgresOffline::unreachableServerIsAnError()
{
    const Prepared p = prepareCase(QStringLiteral("has-one"));
    const ApplyResult r = applyPostgres(kNowhere, p.derived, p.analysis);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("cannot connect")), qPrintable(r.error));
    QVERIFY(r.executed.isEmpty());
}

void TestPostgresOffline::lockTableExhaustionSaysWhatToRaise()
{
    const QSqlError outOfLocks(QStringLiteral("out of shared memory"),
                               QStringLiteral("ERROR:  out of shared memory\nHINT:  You might "
                                              "need to increase max_locks_per_transaction."),
                               QSqlError::StatementError);
    const QString text = postgresFailure(QStringLiteral("CREATE TABLE t (x int)"), outOfLocks);
    QVERIFY(text.startsWith(QLatin1String("statement failed: CREATE TABLE t (x int)\n")));
    QVERIFY2(text.contains(QLatin1String("Raise max_locks_per_transaction in postgresql.conf")),
             qPrintable(text));
    const QSqlError other(QStringLiteral("syntax"), QStringLiteral("ERROR:  syntax error"),
                          QSqlError::StatementError);
    QVERIFY(!postgresFailure(QStringLiteral("x"), other).contains(QLatin1String("Raise")));
}

QTEST_GUILESS_MAIN(TestPostgresOffline)
#include "tst_postgresoffline.moc"
