// applySqlite()'s force and alter modes against real SQLite files: what they refuse,
// that the catalog they leave is catalogTables() of the new design, and that alter
// keeps the rows of the columns it keeps.

#include "sqlitetestutil.h"

#include "ddl/catalog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mc;
using namespace sqlitetest;

namespace {

const QStringList kSeed{
    QStringLiteral("INSERT INTO Users (id, name, age) VALUES (1, 'ann', 30), (2, 'bob', 40)"),
    QStringLiteral("INSERT INTO Posts (id, title, UserId) VALUES (1, 'hello', 2)")};

} // namespace

class TestSqliteAlter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forceRefusesTablesWithRows();
    void forceWithAllowDataLossRecreates();
    void alterClosesEachKindOfGap_data();
    void alterClosesEachKindOfGap();
    void alterWithNothingToDoSendsNothing();
    void alterBuildsAndThenMatchesEveryCase_data();
    void alterBuildsAndThenMatchesEveryCase();
    void alterRefusesNotNullColumnWithoutDefault();
    void alterViolatingANewForeignKeyChangesNothing();
    void alterToNotNullOverNullsChangesNothing();
    void alterDryRunPrintsAndChangesNothing();

private:
    QString seeded(const QString &name, const QString &json)
    {
        const QString db = m_dir.filePath(name + QStringLiteral(".db"));
        const ApplyResult r = apply(db, prepare(json), ApplyMode::Create);
        if (!r.ok)
            qFatal("create: %s", qPrintable(r.error));
        exec(db, kSeed);
        return db;
    }

    QTemporaryDir m_dir;
};

void TestSqliteAlter::forceRefusesTablesWithRows()
{
    const QString db = seeded(QStringLiteral("force-refused"), design());
    exec(db, {QStringLiteral("CREATE TABLE Legacy (x INTEGER)")});
    const QJsonObject before = catalogOf(db);
    const ApplyResult r = apply(db, prepare(design()), ApplyMode::Force);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("`Posts` (1 row), `Users` (2 rows)")),
             qPrintable(r.error));
    QVERIFY(r.error.contains(QLatin1String("Nothing was changed")));
    QVERIFY(r.refusedDataLoss);
    QVERIFY(r.executed.isEmpty());
    QCOMPARE(catalogOf(db), before);
    QCOMPARE(rows(db, QStringLiteral("Users")).size(), 2);
    QCOMPARE(rows(db, QStringLiteral("Posts")).size(), 1);
}

void TestSqliteAlter::forceWithAllowDataLossRecreates()
{
    const QString db = seeded(QStringLiteral("force"), design());
    exec(db, {QStringLiteral("CREATE TABLE Legacy (x INTEGER)"),
              QStringLiteral("INSERT INTO Legacy VALUES (7)")});
    const Prepared next = prepare(design(
        kUser + QStringLiteral(R"(, {"name": "email", "type": "STRING", "allowNull": false})")));
    const ApplyResult dry = apply(db, next, ApplyMode::Force, true, true);
    QVERIFY2(dry.ok, qPrintable(dry.error));
    QCOMPARE(dry.executed.mid(0, 4),
             (QStringList{QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("BEGIN"),
                          QStringLiteral("DROP TABLE IF EXISTS `Posts`;"),
                          QStringLiteral("DROP TABLE IF EXISTS `Users`;")}));
    QCOMPARE(dry.executed.mid(dry.executed.size() - 3),
             (QStringList{QStringLiteral("PRAGMA foreign_key_check"), QStringLiteral("COMMIT"),
                          QStringLiteral("PRAGMA foreign_keys = ON")}));
    QCOMPARE(rows(db, QStringLiteral("Users")).size(), 2); // the dry run changed nothing

    const ApplyResult r = apply(db, next, ApplyMode::Force, false, true);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.executed, dry.executed);
    QVERIFY(r.foreignKeysEnforced);
    QVERIFY2(r.notes.contains(QStringLiteral("`Legacy` left alone (not in the design)")),
             qPrintable(r.notes.join(QLatin1Char('\n'))));
    QJsonObject expected = toQt(catalogTables(next.derived, Dialect::SQLite));
    expected.insert(QStringLiteral("Legacy"), catalogOf(db).value(QStringLiteral("Legacy")));
    QCOMPARE(catalogOf(db), expected);
    QVERIFY(rows(db, QStringLiteral("Users")).isEmpty());
    QVERIFY(rows(db, QStringLiteral("Posts")).isEmpty());
    QCOMPARE(rows(db, QStringLiteral("Legacy")).size(), 1);
    // Empty tables are dropped without asking.
    const ApplyResult again = apply(db, next, ApplyMode::Force);
    QVERIFY2(again.ok, qPrintable(again.error));
}

void TestSqliteAlter::alterClosesEachKindOfGap_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expectedStatement");
    QTest::addColumn<bool>("rebuilds");
    const QString base = design();
    const QString renamed = QStringLiteral("RENAME TO");
    QTest::newRow("add a column") << base
                                  << design(kUser + QStringLiteral(
                                                        R"(, {"name": "email", "type": "STRING"})"))
                                  << renamed << true;
    QTest::newRow("drop a column")
        << base << design(QStringLiteral(R"({"name": "name", "type": "STRING"})")) << renamed
        << true;
    QTest::newRow("change nullability")
        << base
        << design(QStringLiteral(R"({"name": "name", "type": "STRING"}, )"
                                 R"({"name": "age", "type": "INTEGER", "allowNull": false})"))
        << renamed << true;
    QTest::newRow("change a type")
        << base
        << design(QStringLiteral(R"({"name": "name", "type": "STRING"}, )"
                                 R"({"name": "age", "type": "STRING"})"))
        << renamed << true;
    QTest::newRow("add a foreign key")
        << base
        << design(kUser, kPost,
                  kHasMany + QStringLiteral(R"(, {"type": "belongsTo", "source": "Post", )"
                                            R"("target": "User", "as": "Editor"})"))
        << QStringLiteral("REFERENCES `Users` (`id`)") << true;
    QTest::newRow("drop a foreign key (constraints: false)")
        << base
        << design(kUser, kPost,
                  QStringLiteral(R"({"type": "hasMany", "source": "User", "target": "Post", )"
                                 R"("constraints": false})"))
        << renamed << true;
    QTest::newRow("remove an association")
        << base << design(kUser, kPost, QString()) << renamed << true;
    QTest::newRow("add a unique") << base
                                  << design(QStringLiteral(
                                         R"({"name": "name", "type": "STRING", "unique": true}, )"
                                         R"({"name": "age", "type": "INTEGER"})"))
                                  << QStringLiteral("`name` VARCHAR(255) UNIQUE") << true;
    QTest::newRow("drop a unique")
        << design(QStringLiteral(R"({"name": "name", "type": "STRING", "unique": true}, )"
                                 R"({"name": "age", "type": "INTEGER"})"))
        << base << renamed << true;
    QTest::newRow("new table")
        << base
        << design(kUser, kPost, kHasMany, QString(),
                  QStringLiteral(R"(, {"name": "Tag", "tableName": null, "attributes": )"
                                 R"([{"name": "label", "type": "STRING"}], )"
                                 R"("position": {"x": 0, "y": 0}})"))
        << QStringLiteral("CREATE TABLE IF NOT EXISTS `Tags`") << false;
    const QString index = QStringLiteral(R"({"fields": ["name", "age"]})");
    QTest::newRow("new model index")
        << base << design(kUser, kPost, kHasMany, index)
        << QStringLiteral("CREATE INDEX `users_name_age` ON `Users` (`name`, `age`)") << false;
    QTest::newRow("removed model index") << design(kUser, kPost, kHasMany, index) << base
                                         << QStringLiteral("DROP INDEX `users_name_age`") << false;
}

void TestSqliteAlter::alterClosesEachKindOfGap()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expectedStatement);
    QFETCH(bool, rebuilds);
    const QString db = seeded(
        QStringLiteral("alter-%1").arg(qHash(QString::fromLatin1(QTest::currentDataTag()))), from);
    const auto users = rows(db, QStringLiteral("Users"));
    const auto posts = rows(db, QStringLiteral("Posts"));
    const Prepared next = prepare(to);
    const ApplyResult r = apply(db, next, ApplyMode::Alter);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QString script = r.executed.join(QLatin1Char('\n'));
    QVERIFY2(script.contains(expectedStatement), qPrintable(script));
    QCOMPARE(script.contains(QLatin1String("RENAME TO")), rebuilds);
    QCOMPARE(r.executed.first(), QStringLiteral("PRAGMA foreign_keys = OFF"));
    QCOMPARE(r.executed.last(), QStringLiteral("PRAGMA foreign_keys = ON"));
    QVERIFY(r.foreignKeysEnforced);
    QCOMPARE(catalogOf(db), toQt(catalogTables(next.derived, Dialect::SQLite)));
    const auto usersAfter = rows(db, QStringLiteral("Users"));
    const auto postsAfter = rows(db, QStringLiteral("Posts"));
    QCOMPARE(kept(usersAfter, users), kept(users, usersAfter));
    QCOMPARE(kept(postsAfter, posts), kept(posts, postsAfter));
    QCOMPARE(usersAfter.size(), 2);
    QCOMPARE(postsAfter.size(), 1);
    // A second alter finds nothing left to do.
    const ApplyResult again = apply(db, next, ApplyMode::Alter);
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY2(again.executed.isEmpty(), qPrintable(again.executed.join(QLatin1Char('\n'))));
}

void TestSqliteAlter::alterWithNothingToDoSendsNothing()
{
    const QString db = seeded(QStringLiteral("noop"), design());
    exec(db, {QStringLiteral("CREATE TABLE Legacy (x INTEGER)")});
    const QJsonObject before = catalogOf(db);
    const ApplyResult r = apply(db, prepare(design()), ApplyMode::Alter);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.executed.isEmpty());
    QCOMPARE(r.notes,
             (QStringList{QStringLiteral("`Legacy` left alone (not in the design)"),
                          QStringLiteral("nothing to do: the database matches the design")}));
    QCOMPARE(catalogOf(db), before);
}

void TestSqliteAlter::alterBuildsAndThenMatchesEveryCase_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(QStringLiteral(MC_FIXTURES "/cases"))
                                  .entryList({QStringLiteral("*.model.json")}, QDir::Files);
    QVERIFY(files.size() >= 15);
    for (const QString &f : files) {
        const QString name = f.chopped(int(qstrlen(".model.json")));
        if (name != QLatin1String("error-duplicate-alias"))
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestSqliteAlter::alterBuildsAndThenMatchesEveryCase()
{
    // From an empty database alter creates what create does; on the result (and on
    // what create made) it finds nothing to do: no false differences.
    QFETCH(QString, name);
    QFile f(QStringLiteral(MC_FIXTURES "/cases/%1.model.json").arg(name));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Prepared p = prepare(QString::fromUtf8(f.readAll()));
    const QString altered = m_dir.filePath(QStringLiteral("case-alter-%1.db").arg(name));
    const ApplyResult r = apply(altered, p, ApplyMode::Alter);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(catalogOf(altered), toQt(catalogTables(p.derived, Dialect::SQLite)));
    const QString created = m_dir.filePath(QStringLiteral("case-create-%1.db").arg(name));
    QVERIFY(apply(created, p, ApplyMode::Create).ok);
    for (const QString &db : {altered, created}) {
        const ApplyResult again = apply(db, p, ApplyMode::Alter);
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY2(again.executed.isEmpty(), qPrintable(again.executed.join(QLatin1Char('\n'))));
    }
}

void TestSqliteAlter::alterRefusesNotNullColumnWithoutDefault()
{
    const QString db = seeded(QStringLiteral("notnull"), design());
    const QJsonObject before = catalogOf(db);
    const QString to = design(
        kUser + QStringLiteral(R"(, {"name": "email", "type": "STRING", "allowNull": false})"));
    const ApplyResult r = apply(db, prepare(to), ApplyMode::Alter);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("cannot add NOT NULL column `email` without a "
                                            "default to `Users`, which has 2 rows")),
             qPrintable(r.error));
    QVERIFY(r.error.contains(QLatin1String("NOT NULL constraint failed: Users.email")));
    QVERIFY(r.executed.isEmpty());
    QCOMPARE(catalogOf(db), before);
    // With a default the rows get it.
    const Prepared withDefault = prepare(design(
        kUser +
        QStringLiteral(
            R"(, {"name": "email", "type": "STRING", "allowNull": false, "defaultValue": "-"})")));
    const ApplyResult ok = apply(db, withDefault, ApplyMode::Alter);
    QVERIFY2(ok.ok, qPrintable(ok.error));
    QCOMPARE(rows(db, QStringLiteral("Users")).at(1).value(QStringLiteral("email")),
             QStringLiteral("-"));
}

void TestSqliteAlter::alterViolatingANewForeignKeyChangesNothing()
{
    const QString noFk = design(
        kUser, kPost,
        QStringLiteral(
            R"({"type": "hasMany", "source": "User", "target": "Post", "constraints": false})"));
    const QString db = seeded(QStringLiteral("violation"), noFk);
    exec(db, {QStringLiteral("INSERT INTO Posts (id, title, UserId) VALUES (2, 'orphan', 99)")});
    const QJsonObject before = catalogOf(db);
    const auto posts = rows(db, QStringLiteral("Posts"));
    const ApplyResult r = apply(db, prepare(design()), ApplyMode::Alter);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("`Posts` rowid 2 references a missing row of `Users`")),
             qPrintable(r.error));
    QCOMPARE(r.executed.mid(r.executed.size() - 2),
             (QStringList{QStringLiteral("PRAGMA foreign_key_check"), QStringLiteral("ROLLBACK")}));
    QCOMPARE(catalogOf(db), before);
    QCOMPARE(rows(db, QStringLiteral("Posts")), posts);
}

void TestSqliteAlter::alterToNotNullOverNullsChangesNothing()
{
    const QString db = seeded(QStringLiteral("nulls"), design());
    exec(db, {QStringLiteral("INSERT INTO Users (id, name, age) VALUES (3, 'cy', NULL)")});
    const QJsonObject before = catalogOf(db);
    const auto users = rows(db, QStringLiteral("Users"));
    const ApplyResult r = apply(db,
                                prepare(design(QStringLiteral(
                                    R"({"name": "name", "type": "STRING"}, )"
                                    R"({"name": "age", "type": "INTEGER", "allowNull": false})"))),
                                ApplyMode::Alter);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("NOT NULL constraint failed")), qPrintable(r.error));
    QCOMPARE(r.executed.last(), QStringLiteral("ROLLBACK"));
    QCOMPARE(catalogOf(db), before);
    QCOMPARE(rows(db, QStringLiteral("Users")), users);
}

void TestSqliteAlter::alterDryRunPrintsAndChangesNothing()
{
    const QString db = seeded(QStringLiteral("dry"), design());
    const QJsonObject before = catalogOf(db);
    const Prepared next =
        prepare(design(kUser + QStringLiteral(R"(, {"name": "email", "type": "STRING"})")));
    const ApplyResult r = apply(db, next, ApplyMode::Alter, true);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.executed,
             (QStringList{
                 QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("BEGIN"),
                 QStringLiteral("CREATE TABLE IF NOT EXISTS `__mc_rebuild_Users` (`id` INTEGER "
                                "PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255), `age` INTEGER, "
                                "`email` VARCHAR(255));"),
                 QStringLiteral("INSERT INTO `__mc_rebuild_Users` (`id`, `name`, `age`) SELECT "
                                "`id`, `name`, `age` FROM `Users`"),
                 QStringLiteral("DROP TABLE `Users`"),
                 QStringLiteral("ALTER TABLE `__mc_rebuild_Users` RENAME TO `Users`"),
                 QStringLiteral("PRAGMA foreign_key_check"), QStringLiteral("COMMIT"),
                 QStringLiteral("PRAGMA foreign_keys = ON")}));
    QCOMPARE(catalogOf(db), before);
    // A database that does not exist yet is planned as empty and not created.
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    const ApplyResult fresh = apply(missing, next, ApplyMode::Alter, true);
    QVERIFY2(fresh.ok, qPrintable(fresh.error));
    QVERIFY(fresh.executed.contains(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY(!QFile::exists(missing));
}

QTEST_GUILESS_MAIN(TestSqliteAlter)
#include "tst_sqlitealter.moc"
