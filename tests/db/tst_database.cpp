// The engine-independent entry points of model/db/database.h: URLs in Sequelize's
// style, the dispatch to each engine's applier and catalog reader (SQLite here; the
// server-backed tests drive PostgreSQL and MariaDB through the same calls).

#include "db/database.h"
#include "ddl/catalog.h"
#include "io/schemareader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mc;

namespace {

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesUrls_data();
    void parsesUrls();
    void rejectsUrls_data();
    void rejectsUrls();
    void urlNeverCarriesThePassword();
    void applyAndReadBackThroughTheTarget();
    void readingAMissingSqliteFileCreatesNothing();
};

void TestDatabase::parsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("where"); // SQLite path, or host:port/db for servers
    QTest::addColumn<QString>("canonical");
    QTest::newRow("sqlite relative") << QStringLiteral("sqlite:app.db") << int(Engine::SQLite)
                                     << QStringLiteral("app.db") << QStringLiteral("sqlite:app.db");
    QTest::newRow("sqlite memory")
        << QStringLiteral("sqlite::memory:") << int(Engine::SQLite) << QStringLiteral(":memory:")
        << QStringLiteral("sqlite::memory:");
    QTest::newRow("sqlite slashes")
        << QStringLiteral("sqlite:///tmp/x.db") << int(Engine::SQLite)
        << QStringLiteral("/tmp/x.db") << QStringLiteral("sqlite:/tmp/x.db");
    QTest::newRow("postgres") << QStringLiteral("postgres://me@db.local:6543/app")
                              << int(Engine::Postgres) << QStringLiteral("db.local:6543/app")
                              << QStringLiteral("postgres://me@db.local:6543/app");
    QTest::newRow("postgresql default port")
        << QStringLiteral("postgresql://db.local/app") << int(Engine::Postgres)
        << QStringLiteral("db.local:5432/app") << QStringLiteral("postgres://db.local:5432/app");
    QTest::newRow("mysql") << QStringLiteral("mysql://root@127.0.0.1/shop") << int(Engine::MySQL)
                           << QStringLiteral("127.0.0.1:3306/shop")
                           << QStringLiteral("mysql://root@127.0.0.1:3306/shop");
    QTest::newRow("mariadb") << QStringLiteral("mariadb://u@h:3307/d") << int(Engine::MySQL)
                             << QStringLiteral("h:3307/d") << QStringLiteral("mysql://u@h:3307/d");
}

void TestDatabase::parsesUrls()
{
    QFETCH(QString, url);
    QFETCH(int, engine);
    QFETCH(QString, where);
    QFETCH(QString, canonical);
    QString error;
    const auto t = parseDatabaseUrl(url, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(int(t->engine), engine);
    if (t->engine == Engine::SQLite) {
        QCOMPARE(t->sqlitePath, where);
        QCOMPARE(t->dialect(), Dialect::SQLite);
    } else {
        QCOMPARE(QStringLiteral("%1:%2/%3")
                     .arg(t->server.host, QString::number(t->server.port), t->server.database),
                 where);
        QCOMPARE(t->dialect(),
                 engine == int(Engine::Postgres) ? Dialect::Postgres : Dialect::MySQL);
    }
    QCOMPARE(t->url(), canonical);
    // What url() gives is what a recent-connections list stores: it parses back the same.
    const auto again = parseDatabaseUrl(t->url());
    QVERIFY(again);
    QCOMPARE(again->url(), canonical);
}

void TestDatabase::rejectsUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty sqlite") << QStringLiteral("sqlite:") << QStringLiteral("no path");
    QTest::newRow("unknown scheme")
        << QStringLiteral("oracle://h/db") << QStringLiteral("unknown kind of database");
    QTest::newRow("password") << QStringLiteral("postgres://me:pw@h/db")
                              << QStringLiteral("MODELCANVAS_DB_PASSWORD");
    QTest::newRow("no database") << QStringLiteral("mysql://me@h")
                                 << QStringLiteral("no database name");
    QTest::newRow("no host") << QStringLiteral("postgres:///db") << QStringLiteral("no host");
}

void TestDatabase::rejectsUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!parseDatabaseUrl(url, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestDatabase::urlNeverCarriesThePassword()
{
    auto t = parseDatabaseUrl(QStringLiteral("postgres://me@h:1/db"));
    QVERIFY(t);
    t->server.password = QStringLiteral("s3cret");
    QVERIFY(!t->url().contains(QLatin1String("s3cret")));
    QVERIFY(!mayNeedPassword(*t));
    t->server.password.clear();
    qunsetenv("MODELCANVAS_DB_PASSWORD");
    QVERIFY(mayNeedPassword(*t));
    QVERIFY(!mayNeedPassword(*parseDatabaseUrl(QStringLiteral("sqlite::memory:"))));
}

void TestDatabase::applyAndReadBackThroughTheTarget()
{
    QTemporaryDir dir;
    const auto target =
        parseDatabaseUrl(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("a.db")));
    QVERIFY(target);
    const LoadResult loaded =
        readSchemaFile(QStringLiteral(MC_FIXTURES "/cases/seed-user-picture.model.json"));
    QVERIFY(loaded.schema);
    const DerivedSchema derived = derive(*loaded.schema);
    const ApplyResult r = applySchema(*target, derived, analyse(derived));
    QVERIFY2(r.ok, qPrintable(r.error));
    QString error;
    const auto tables = readDatabaseCatalog(*target, &error);
    QVERIFY2(tables, qPrintable(error));
    QCOMPARE(tables->toCompactJson(), catalogTables(derived, Dialect::SQLite).toCompactJson());
}

void TestDatabase::readingAMissingSqliteFileCreatesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.db"));
    QString error;
    QVERIFY(!readDatabaseCatalog(*parseDatabaseUrl(QStringLiteral("sqlite:") + path), &error));
    QVERIFY2(error.contains(QLatin1String("no SQLite database at")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

} // namespace

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
