// What the apply confirmation names as dropped, from the statements a plan holds: the
// force and alter plans of every engine's quoting, rebuilds told apart from losses,
// and the ALTER clauses that drop nothing left out.
#include "db/droppedobjects.h"

#include <QTest>

class TstDroppedObjects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
};

void TstDroppedObjects::names_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QStringList>("dropped");

    QTest::newRow("create only") << QStringList{QStringLiteral("BEGIN"),
                                                QStringLiteral("CREATE TABLE IF NOT EXISTS `Users` "
                                                               "(`id` INTEGER);"),
                                                QStringLiteral("COMMIT")}
                                 << QStringList();
    QTest::newRow("sqlite force")
        << QStringList{QStringLiteral("DROP TABLE IF EXISTS `Pictures`;"),
                       QStringLiteral("DROP TABLE IF EXISTS `Users`;"),
                       QStringLiteral("CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER);")}
        << QStringList{QStringLiteral("table `Pictures`"), QStringLiteral("table `Users`")};
    QTest::newRow("sqlite rebuild")
        << QStringList{QStringLiteral("CREATE TABLE IF NOT EXISTS `Users_mc_new` (`id` INTEGER);"),
                       QStringLiteral("INSERT INTO `Users_mc_new` (`id`) SELECT `id` FROM `Users`"),
                       QStringLiteral("DROP TABLE `Users`"),
                       QStringLiteral("ALTER TABLE `Users_mc_new` RENAME TO `Users`"),
                       QStringLiteral("DROP INDEX `users_name`")}
        << QStringList{QStringLiteral("table `Users` (rebuilt: its rows are copied into the new "
                                      "definition)"),
                       QStringLiteral("index `users_name`")};
    QTest::newRow("postgres quoting and clauses")
        << QStringList{QStringLiteral(
                           "DROP TABLE IF EXISTS \"public\".\"Odd \"\"name\"\"\" CASCADE;"),
                       QStringLiteral("ALTER TABLE \"Users\" DROP COLUMN \"age\", ALTER COLUMN "
                                      "\"name\" DROP NOT NULL, ALTER COLUMN \"x\" DROP DEFAULT;"),
                       QStringLiteral("ALTER TABLE ONLY \"Posts\" DROP CONSTRAINT "
                                      "\"Posts_UserId_fkey\";"),
                       QStringLiteral("DROP TYPE IF EXISTS \"enum_Users_role\";")}
        << QStringList{QStringLiteral("table \"public\".\"Odd \"\"name\"\"\""),
                       QStringLiteral("column \"age\" of \"Users\""),
                       QStringLiteral("constraint \"Posts_UserId_fkey\" of \"Posts\""),
                       QStringLiteral("type \"enum_Users_role\"")};
    QTest::newRow("postgres ENUM relabel")
        << QStringList{QStringLiteral("CREATE TYPE \"public\".\"modelcanvas_relabeled_enum\" AS "
                                      "ENUM('a', 'b');"),
                       QStringLiteral("ALTER TABLE \"Users\" ALTER COLUMN \"role\" DROP DEFAULT;"),
                       QStringLiteral("DROP TYPE \"public\".\"enum_Users_role\";"),
                       QStringLiteral("ALTER TYPE \"public\".\"modelcanvas_relabeled_enum\" "
                                      "RENAME TO \"enum_Users_role\";"),
                       QStringLiteral("DROP TYPE \"public\".\"enum_Posts_kind\";")}
        << QStringList{QStringLiteral("type \"public\".\"enum_Users_role\" (re-created with the "
                                      "design's labels: its column's values are cast to the new "
                                      "type)"),
                       QStringLiteral("type \"public\".\"enum_Posts_kind\"")};
    QTest::newRow("mysql clauses")
        << QStringList{QStringLiteral("ALTER TABLE `Posts` DROP FOREIGN KEY `Posts_ibfk_1`;"),
                       QStringLiteral("ALTER TABLE `Users` DROP `age`, DROP PRIMARY KEY;"),
                       QStringLiteral("drop index `ix` on `Users`;")}
        << QStringList{QStringLiteral("foreign key `Posts_ibfk_1` of `Posts`"),
                       QStringLiteral("column `age` of `Users`"),
                       QStringLiteral("the primary key of `Users`"), QStringLiteral("index `ix`")};
}

void TstDroppedObjects::names()
{
    QFETCH(QStringList, statements);
    QFETCH(QStringList, dropped);
    QCOMPARE(mc::droppedObjects(statements), dropped);
}

QTEST_APPLESS_MAIN(TstDroppedObjects)
#include "tst_droppedobjects.moc"
