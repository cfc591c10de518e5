// applySqlite() against real SQLite files: the catalog it leaves must be what
// Sequelize 6.37.8 left (the conformance expectations), and a failure must leave
// the database as it was.

#include "casetestutil.h"

#include "db/sqliteapplier.h"
#include "db/sqlitecatalog.h"
#include "ddl/catalog.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace mc;
using namespace casetest;

namespace {

/// Runs \a body on a connection of the test's own to \a path, then removes it.
void withDb(const QString &path, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QJsonObject catalogOf(const QString &path)
{
    QJsonObject tables;
    withDb(path, [&](QSqlDatabase &db) {
        QString error;
        tables = toQt(readSqliteCatalog(db, &error));
        if (!error.isEmpty())
            qFatal("catalog: %s", qPrintable(error));
    });
    return tables;
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
}

int foreignKeyCheckRows(const QString &path)
{
    int rows = 0;
    withDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
            qFatal("foreign_key_check failed");
        while (q.next())
            ++rows;
    });
    return rows;
}

} // namespace

class TestSqliteApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesSequelizesCatalog_data();
    void matchesSequelizesCatalog();
    void defineErrorIsRefusedAndCreatesNothing();
    void failureMidwayLeavesTheDatabaseAsItWas_data();
    void failureMidwayLeavesTheDatabaseAsItWas();
    void dryRunTouchesNothing();
    void applyingTwiceIsIdempotent();
    void cyclicSchemaEndsWithForeignKeysOn();
    void progressNamesEveryTableInCreationOrder();
    void unopenableDatabaseIsAnError();
    void newFileAppearsOnlyWhenComplete();
    void canceledRunLeavesTheDatabaseAsItWas();

private:
    QTemporaryDir m_dir;
};

void TestSqliteApply::matchesSequelizesCatalog_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = caseNames();
    QVERIFY(names.size() >= 15);
    for (const QString &name : names) {
        if (name != QLatin1String("error-duplicate-alias"))
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestSqliteApply::matchesSequelizesCatalog()
{
    QFETCH(QString, name);
    const Prepared p = prepareCase(name);
    const QString db = m_dir.filePath(name + QStringLiteral(".db"));
    const ApplyResult r = applySqlite(db, p.derived, p.analysis);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonObject expected = expectedTables(QString(), name);
    QVERIFY(!expected.isEmpty());
    const QJsonObject actual = catalogOf(db);
    if (actual != expected)
        qWarning("actual: %s", QJsonDocument(actual).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(actual, expected);
    // What the catalog reports is what the model layer predicts without a database.
    QCOMPARE(actual, toQt(catalogTables(p.derived, Dialect::SQLite)));
}

void TestSqliteApply::defineErrorIsRefusedAndCreatesNothing()
{
    const Prepared p = prepareCase(QStringLiteral("error-duplicate-alias"));
    const QString db = m_dir.filePath(QStringLiteral("refused.db"));
    const ApplyResult r = applySqlite(db, p.derived, p.analysis);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String(
                 "You have used the alias Photos in two separate associations. Aliased "
                 "associations must have unique aliases.")),
             qPrintable(r.error));
    QVERIFY(r.executed.isEmpty());
    QVERIFY(!QFile::exists(db));
}

void TestSqliteApply::failureMidwayLeavesTheDatabaseAsItWas_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("acyclic") << QStringLiteral("seed-user-picture");
    QTest::newRow("cyclic") << QStringLiteral("seed-cycle-no-constraints-false");
}

void TestSqliteApply::failureMidwayLeavesTheDatabaseAsItWas()
{
    QFETCH(QString, name);
    // Tables and indexes share SQLite's namespace: an index named `Pictures` makes
    // the second CREATE TABLE fail after `Users` was created.
    const QString db = m_dir.filePath(QStringLiteral("collide-%1.db").arg(name));
    withDb(db, [](QSqlDatabase &c) {
        exec(c, QStringLiteral("CREATE TABLE Other (x INTEGER)"));
        exec(c, QStringLiteral("CREATE INDEX Pictures ON Other (x)"));
    });
    const QJsonObject before = catalogOf(db);
    const Prepared p = prepareCase(name);
    const ApplyResult r = applySqlite(db, p.derived, p.analysis);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("CREATE TABLE IF NOT EXISTS `Pictures`")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("already an index named Pictures")),
             qPrintable(r.error));
    QVERIFY(r.executed.contains(QStringLiteral("ROLLBACK")));
    QVERIFY(r.executed.filter(QStringLiteral("CREATE TABLE IF NOT EXISTS `Users`")).size() == 1);
    QCOMPARE(catalogOf(db), before);
    QCOMPARE(before.keys(), QStringList{QStringLiteral("Other")});
}

void TestSqliteApply::dryRunTouchesNothing()
{
    const Prepared p = prepareCase(QStringLiteral("seed-cycle-no-constraints-false"));
    const QString db = m_dir.filePath(QStringLiteral("dry.db"));
    ApplyOptions o;
    o.dryRun = true;
    bool progressed = false;
    o.progress = [&](int, int, const QString &) { progressed = true; };
    const ApplyResult r = applySqlite(db, p.derived, p.analysis, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!QFile::exists(db));
    QVERIFY(!progressed);
    // The PRAGMAs sit outside the transaction, where SQLite honours them.
    QCOMPARE(r.executed.size(), 6);
    QCOMPARE(r.executed.first(), QStringLiteral("PRAGMA foreign_keys = OFF"));
    QCOMPARE(r.executed.at(1), QStringLiteral("BEGIN"));
    QCOMPARE(r.executed.at(4), QStringLiteral("COMMIT"));
    QCOMPARE(r.executed.last(), QStringLiteral("PRAGMA foreign_keys = ON"));
}

void TestSqliteApply::applyingTwiceIsIdempotent()
{
    const Prepared p = prepareCase(QStringLiteral("btm-through-string"));
    const QString db = m_dir.filePath(QStringLiteral("twice.db"));
    const ApplyResult first = applySqlite(db, p.derived, p.analysis);
    QVERIFY2(first.ok, qPrintable(first.error));
    const QJsonObject once = catalogOf(db);
    const ApplyResult second = applySqlite(db, p.derived, p.analysis);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.executed, first.executed);
    QCOMPARE(catalogOf(db), once);
}

void TestSqliteApply::cyclicSchemaEndsWithForeignKeysOn()
{
    const Prepared p = prepareCase(QStringLiteral("seed-cycle-no-constraints-false"));
    QVERIFY(p.analysis.cyclic());
    const QString db = m_dir.filePath(QStringLiteral("cyclic.db"));
    const ApplyResult r = applySqlite(db, p.derived, p.analysis);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.foreignKeysEnforced);
    QCOMPARE(r.foreignKeyViolations, 0);
    QCOMPARE(foreignKeyCheckRows(db), 0);
    // Enforcement really is on for the data that follows: a dangling FK is refused.
    withDb(db, [](QSqlDatabase &c) {
        exec(c, QStringLiteral("PRAGMA foreign_keys = ON"));
        QSqlQuery q(c);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO Pictures (format, createdAt, updatedAt, "
                                       "UserId) VALUES ('png', 0, 0, 42)")));
        QVERIFY2(q.lastError().text().contains(QLatin1String("FOREIGN KEY constraint failed")),
                 qPrintable(q.lastError().text()));
    });
}

void TestSqliteApply::progressNamesEveryTableInCreationOrder()
{
    const Prepared p = prepareCase(QStringLiteral("fk-object-notnull"));
    ApplyOptions o;
    QStringList seen;
    o.progress = [&](int done, int total, const QString &table) {
        QCOMPARE(done, int(seen.size()) + 1);
        QCOMPARE(total, int(p.analysis.order.size()));
        seen << table;
    };
    const ApplyResult r =
        applySqlite(m_dir.filePath(QStringLiteral("progress.db")), p.derived, p.analysis, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(seen, p.analysis.order);
}

void TestSqliteApply::unopenableDatabaseIsAnError()
{
    const Prepared p = prepareCase(QStringLiteral("has-one"));
    const ApplyResult r =
        applySqlite(m_dir.filePath(QStringLiteral("no/such/dir/x.db")), p.derived, p.analysis);
    QVERIFY(!r.ok);
    QVERIFY(r.unchanged);
    QVERIFY2(r.error.startsWith(QStringLiteral("cannot create %1: ")
                                    .arg(m_dir.filePath(QStringLiteral("no/such/dir/x.db")))),
             qPrintable(r.error));
}

void TestSqliteApply::newFileAppearsOnlyWhenComplete()
{
    QTemporaryDir dir;
    const Prepared p = prepareCase(QStringLiteral("has-one"));
    const QString db = dir.filePath(QStringLiteral("new.db"));
    ApplyOptions o;
    QStringList seenFiles;
    // While it is being built, the file is not at its name yet.
    o.progress = [&](int, int, const QString &) {
        seenFiles = QDir(dir.path()).entryList(QDir::Files);
    };
    const ApplyResult r = applySqlite(db, p.derived, p.analysis, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(seenFiles.size(), 1);
    QVERIFY2(seenFiles.first().startsWith(QLatin1String("new.db.")) &&
                 seenFiles.first().endsWith(QLatin1String(".partial")),
             qPrintable(seenFiles.first()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("new.db")});
    QCOMPARE(catalogOf(db), toQt(catalogTables(p.derived, Dialect::SQLite)));

    // A run that fails on a new file leaves nothing behind: no file, no journal.
    const QString failing = dir.filePath(QStringLiteral("failing.db"));
    int started = 0;
    o.progress = [&](int, int, const QString &) { ++started; };
    o.canceled = [&] { return started >= 2; };
    const ApplyResult canceled = applySqlite(failing, p.derived, p.analysis, o);
    QVERIFY(!canceled.ok);
    QVERIFY(canceled.unchanged);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("new.db")});
}

void TestSqliteApply::canceledRunLeavesTheDatabaseAsItWas()
{
    const Prepared p = prepareCase(QStringLiteral("has-one"));
    const QString db = m_dir.filePath(QStringLiteral("canceled.db"));
    withDb(db, [](QSqlDatabase &c) { exec(c, QStringLiteral("CREATE TABLE Other (x INTEGER)")); });
    const QJsonObject before = catalogOf(db);
    ApplyOptions o;
    int started = 0;
    o.progress = [&](int, int, const QString &) { ++started; };
    o.canceled = [&] { return started >= 2; }; // stop once the second table is under way
    const ApplyResult r = applySqlite(db, p.derived, p.analysis, o);
    QVERIFY(!r.ok);
    QVERIFY(r.canceled);
    QVERIFY(r.unchanged);
    QVERIFY2(r.error.startsWith(QLatin1String("canceled before: CREATE TABLE IF NOT EXISTS "
                                              "`Profiles`")),
             qPrintable(r.error));
    QCOMPARE(r.executed.last(), QStringLiteral("ROLLBACK"));
    QCOMPARE(catalogOf(db), before);
}

QTEST_GUILESS_MAIN(TestSqliteApply)
#include "tst_sqliteapply.moc"
