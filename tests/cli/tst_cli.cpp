// The command line as users and scripts see it: output, exit codes, --help.

#include "clitestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpOnEveryVerb_data();
    void helpOnEveryVerb();
    void inspectPrintsTheDerivedSchema();
    void inspectPostgresSpelling();
    void inspectBadUsage();
    void inspectMalformedFileIsExit2WithPaths();
    void checkReportsCycleAndFix();
    void checkStrictFailsOnCycles();
    void checkReportsDefineErrorWithExit1();
    void checkLintsUnindexedForeignKeys();
    void ddlPrintsSequelizesStatements();
    void ddlCyclicPostgresAddsForeignKeysLast();
    void ddlWritesTheOutputFile();
    void ddlBadUsageIsExit2();
    void ddlDefineErrorIsExit1();
    void ddlNameTooLongIsExit1();
    void applyCreatesTheTablesWithProgress();
    void applyDryRunPrintsAndTouchesNothing();
    void applyBadUsageIsExit2();
    void applyDefineErrorIsExit1();
    void applyFailedStatementIsExit1AndChangesNothing();
    void applyForceRefusesRowsUnlessYes();
    void importWritesAProjectThatRecreatesTheDatabase();
    void importErrors();
};

void TestCli::helpOnEveryVerb_data()
{
    QTest::addColumn<QString>("verb");
    QTest::newRow("inspect") << QStringLiteral("inspect");
    QTest::newRow("check") << QStringLiteral("check");
    QTest::newRow("ddl") << QStringLiteral("ddl");
    QTest::newRow("apply") << QStringLiteral("apply");
}

void TestCli::helpOnEveryVerb()
{
    QFETCH(QString, verb);
    const Run r = run({verb, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("FILE")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("--help")));
}

void TestCli::inspectPrintsTheDerivedSchema()
{
    const Run r = run(
        {QStringLiteral("inspect"), fixture(QStringLiteral("cases/seed-user-picture.model.json"))});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("order")).toArray(),
             (QJsonArray{QStringLiteral("Users"), QStringLiteral("Pictures")}));
    const QJsonObject pictures =
        doc.value(QStringLiteral("tables")).toObject().value(QStringLiteral("Pictures")).toObject();
    const QJsonObject fk = pictures.value(QStringLiteral("foreignKeys")).toArray().at(0).toObject();
    QCOMPARE(fk.value(QStringLiteral("from")).toString(), QStringLiteral("UserId"));
    QCOMPARE(fk.value(QStringLiteral("onDelete")).toString(), QStringLiteral("SET NULL"));
    QVERIFY(doc.value(QStringLiteral("accessors"))
                .toObject()
                .value(QStringLiteral("User"))
                .toArray()
                .contains(QStringLiteral("setProfilePicture")));
    QVERIFY(doc.value(QStringLiteral("error")).isNull());
}

void TestCli::inspectPostgresSpelling()
{
    const Run r =
        run({QStringLiteral("inspect"), fixture(QStringLiteral("cases/datatypes.model.json")),
             QStringLiteral("--dialect"), QStringLiteral("postgres")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("timestamp with time zone")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("nextval(")));
}

void TestCli::inspectBadUsage()
{
    QCOMPARE(run({QStringLiteral("inspect")}).code, 2);
    const Run r = run({QStringLiteral("inspect"),
                       fixture(QStringLiteral("cases/seed-user-picture.model.json")),
                       QStringLiteral("--dialect"), QStringLiteral("oracle")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("oracle")));
    const Run missing = run({QStringLiteral("inspect"), QStringLiteral("/nonexistent/x.json")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QLatin1String("/nonexistent/x.json")));
}

void TestCli::inspectMalformedFileIsExit2WithPaths()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "modelcanvas/1", "models": [{"name": "User", "attributes": []}],
        "associations": [{"type": "hasMany", "source": "User", "target": "Usr"}, {"type": "hasSome", "source": "User", "target": "User"}]})");
    f.close();
    const Run r = run({QStringLiteral("inspect"), path});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("associations[0].target")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("associations[1].type")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::checkReportsCycleAndFix()
{
    const Run r =
        run({QStringLiteral("check"),
             fixture(QStringLiteral("cases/seed-cycle-no-constraints-false.model.json"))});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("Dependency chain: Users -> Pictures => Users")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("\"constraints\": false to associations[1]")));
}

void TestCli::checkStrictFailsOnCycles()
{
    const QString cyclic =
        fixture(QStringLiteral("cases/seed-cycle-no-constraints-false.model.json"));
    QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--strict"), cyclic}).code, 1);
    const QString acyclic = fixture(QStringLiteral("cases/seed-user-picture.model.json"));
    QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--strict"), acyclic}).code, 0);
}

void TestCli::checkReportsDefineErrorWithExit1()
{
    const Run r = run({QStringLiteral("check"),
                       fixture(QStringLiteral("cases/error-duplicate-alias.model.json"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(
                 QLatin1String("associations[1].as: You have used the alias Photos in two separate "
                               "associations. Aliased associations must have unique aliases.")),
             qPrintable(r.out));
}

void TestCli::checkLintsUnindexedForeignKeys()
{
    const Run r = run(
        {QStringLiteral("check"), fixture(QStringLiteral("cases/seed-user-picture.model.json"))});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("Pictures.UserId has no index")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("add {\"fields\": [\"UserId\"]} to models[1].indexes")));
}

void TestCli::ddlPrintsSequelizesStatements()
{
    const Run r =
        run({QStringLiteral("ddl"), fixture(QStringLiteral("cases/seed-user-picture.model.json")),
             QStringLiteral("--dialect"), QStringLiteral("sqlite")});
    QCOMPARE(r.code, 0);
    QFile expected(fixture(QStringLiteral("expected/seed-user-picture.json")));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QString script;
    for (const QJsonValue &s : QJsonDocument::fromJson(expected.readAll())
                                   .object()
                                   .value(QStringLiteral("ddl"))
                                   .toArray())
        script += s.toString() + QLatin1Char('\n');
    QCOMPARE(r.out, script);
    QVERIFY(r.err.isEmpty());
}

void TestCli::ddlCyclicPostgresAddsForeignKeysLast()
{
    const Run r = run({QStringLiteral("ddl"),
                       fixture(QStringLiteral("cases/seed-cycle-no-constraints-false.model.json")),
                       QStringLiteral("--dialect"), QStringLiteral("postgres")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QLatin1String("CREATE TABLE IF NOT EXISTS \"Users\"")));
    QVERIFY(!lines[0].contains(QLatin1String("REFERENCES")));
    QCOMPARE(lines[3], QStringLiteral("ALTER TABLE \"Pictures\"  ADD FOREIGN KEY (\"UserId\") "
                                      "REFERENCES \"Users\" (\"id\") ON DELETE SET NULL ON UPDATE "
                                      "CASCADE;"));
}

void TestCli::ddlWritesTheOutputFile()
{
    const QString input = fixture(QStringLiteral("cases/datatypes.model.json"));
    const Run toStdout =
        run({QStringLiteral("ddl"), input, QStringLiteral("--dialect"), QStringLiteral("mysql")});
    QCOMPARE(toStdout.code, 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("schema.sql"));
    const Run r = run({QStringLiteral("ddl"), input, QStringLiteral("--dialect"),
                       QStringLiteral("mysql"), QStringLiteral("-o"), path});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), toStdout.out);
    QVERIFY(toStdout.out.contains(QLatin1String("ENGINE=InnoDB;")));
    // Written atomically: no temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("schema.sql")});
}

void TestCli::ddlBadUsageIsExit2()
{
    const QString input = fixture(QStringLiteral("cases/seed-user-picture.model.json"));
    const Run oracle =
        run({QStringLiteral("ddl"), input, QStringLiteral("--dialect"), QStringLiteral("oracle")});
    QCOMPARE(oracle.code, 2);
    QVERIFY2(oracle.err.contains(QLatin1String("oracle")), qPrintable(oracle.err));
    QVERIFY(oracle.out.isEmpty());
    const Run noDialect = run({QStringLiteral("ddl"), input});
    QCOMPARE(noDialect.code, 2);
    QVERIFY(noDialect.err.contains(QLatin1String("--dialect")));
    QCOMPARE(
        run({QStringLiteral("ddl"), QStringLiteral("--dialect"), QStringLiteral("sqlite")}).code,
        2);
    const Run missing = run({QStringLiteral("ddl"), QStringLiteral("/nonexistent/x.json"),
                             QStringLiteral("--dialect"), QStringLiteral("sqlite")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QLatin1String("/nonexistent/x.json")));
}

void TestCli::ddlDefineErrorIsExit1()
{
    const Run r = run({QStringLiteral("ddl"),
                       fixture(QStringLiteral("cases/error-duplicate-alias.model.json")),
                       QStringLiteral("--dialect"), QStringLiteral("postgres")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("You have used the alias Photos in two separate "
                                          "associations.")),
             qPrintable(r.err));
}

void TestCli::ddlNameTooLongIsExit1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray table(70, 'x');
    f.write(R"({"format": "modelcanvas/1", "models": [{"name": "User", "tableName": ")" + table +
            R"(", "attributes": []}], "associations": []})");
    f.close();
    const Run r =
        run({QStringLiteral("ddl"), path, QStringLiteral("--dialect"), QStringLiteral("mysql")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("table name \"%1\" is 70 characters; MySQL allows 64")
                                .arg(QString::fromLatin1(table))),
             qPrintable(r.err));
    QCOMPARE(
        run({QStringLiteral("ddl"), path, QStringLiteral("--dialect"), QStringLiteral("sqlite")})
            .code,
        0);
}

void TestCli::applyCreatesTheTablesWithProgress()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("app.db"));
    const QStringList args{QStringLiteral("apply"),
                           fixture(QStringLiteral("cases/fk-object-notnull.model.json")),
                           QStringLiteral("--db"), QStringLiteral("sqlite:") + db};
    const Run r = run(args);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QLatin1String("[1/3] Users\n[2/3] Pictures\n[3/3] Comments\n")),
             qPrintable(r.err));
    QCOMPARE(sqliteTables(db), (QStringList{QStringLiteral("Comments"), QStringLiteral("Pictures"),
                                            QStringLiteral("Users")}));
    // CREATE TABLE IF NOT EXISTS: a second run succeeds and changes nothing.
    QCOMPARE(run(args).code, 0);
    const Run memory =
        run({QStringLiteral("apply"), fixture(QStringLiteral("cases/has-one.model.json")),
             QStringLiteral("--db"), QStringLiteral("sqlite::memory:")});
    QCOMPARE(memory.code, 0);
}

void TestCli::applyDryRunPrintsAndTouchesNothing()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("dry.db"));
    const Run r =
        run({QStringLiteral("apply"),
             fixture(QStringLiteral("cases/seed-cycle-no-constraints-false.model.json")),
             QStringLiteral("--db"), QStringLiteral("sqlite:") + db, QStringLiteral("--dry-run")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines[0], QStringLiteral("PRAGMA foreign_keys = OFF;"));
    QCOMPARE(lines[1], QStringLiteral("BEGIN;"));
    QVERIFY(lines[2].startsWith(QLatin1String("CREATE TABLE IF NOT EXISTS `Users`")));
    QCOMPARE(lines[4], QStringLiteral("COMMIT;"));
    QCOMPARE(lines[5], QStringLiteral("PRAGMA foreign_keys = ON;"));
    QVERIFY(!QFile::exists(db));
}

void TestCli::applyBadUsageIsExit2()
{
    const QString input = fixture(QStringLiteral("cases/seed-user-picture.model.json"));
    const Run noDb = run({QStringLiteral("apply"), input});
    QCOMPARE(noDb.code, 2);
    QVERIFY(noDb.err.contains(QLatin1String("--db")));
    const Run unknown = run({QStringLiteral("apply"), input, QStringLiteral("--db"),
                             QStringLiteral("oracle://localhost/app")});
    QCOMPARE(unknown.code, 2);
    QVERIFY2(unknown.err.contains(QLatin1String("oracle://localhost/app")),
             qPrintable(unknown.err));
    QVERIFY2(unknown.err.contains(QLatin1String("mysql://USER@HOST:PORT/DB")),
             qPrintable(unknown.err));
    const Run password = run({QStringLiteral("apply"), input, QStringLiteral("--db"),
                              QStringLiteral("mysql://me:secret@localhost/app")});
    QCOMPARE(password.code, 2);
    QVERIFY2(password.err.contains(QLatin1String("MODELCANVAS_DB_PASSWORD")),
             qPrintable(password.err));
    const Run mode =
        run({QStringLiteral("apply"), input, QStringLiteral("--db"),
             QStringLiteral("sqlite::memory:"), QStringLiteral("--mode"), QStringLiteral("merge")});
    QCOMPARE(mode.code, 2);
    QVERIFY2(mode.err.contains(QLatin1String("unknown mode \"merge\"")), qPrintable(mode.err));
    const Run missing = run({QStringLiteral("apply"), QStringLiteral("/nonexistent/x.json"),
                             QStringLiteral("--db"), QStringLiteral("sqlite::memory:")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QLatin1String("/nonexistent/x.json")));
}

void TestCli::applyDefineErrorIsExit1()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("refused.db"));
    const Run r = run({QStringLiteral("apply"),
                       fixture(QStringLiteral("cases/error-duplicate-alias.model.json")),
                       QStringLiteral("--db"), QStringLiteral("sqlite:") + db});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("You have used the alias Photos in two separate "
                                          "associations.")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(db));
}

void TestCli::applyFailedStatementIsExit1AndChangesNothing()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("taken.db"));
    // An index named like the second table: `Users` is created, then `Pictures` fails.
    QCOMPARE(sqliteTables(db, {QStringLiteral("CREATE TABLE Other (x INTEGER)"),
                               QStringLiteral("CREATE INDEX Pictures ON Other (x)")}),
             QStringList{QStringLiteral("Other")});
    const Run r =
        run({QStringLiteral("apply"), fixture(QStringLiteral("cases/seed-user-picture.model.json")),
             QStringLiteral("--db"), QStringLiteral("sqlite:") + db});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("CREATE TABLE IF NOT EXISTS `Pictures`")),
             qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("already an index named Pictures")));
    QVERIFY(r.err.contains(QLatin1String("nothing was changed")));
    QCOMPARE(sqliteTables(db), QStringList{QStringLiteral("Other")});
}

void TestCli::applyForceRefusesRowsUnlessYes()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("force.db"));
    const QStringList args{QStringLiteral("apply"),
                           fixture(QStringLiteral("cases/seed-user-picture.model.json")),
                           QStringLiteral("--db"), QStringLiteral("sqlite:") + db};
    QCOMPARE(run(args).code, 0);
    sqliteTables(db, {QStringLiteral("INSERT INTO Users (name, createdAt, updatedAt) "
                                     "VALUES ('ann', 0, 0)")});
    const QStringList force = args + QStringList{QStringLiteral("--mode"), QStringLiteral("force")};
    for (int attempt = 0; attempt < 2; ++attempt) { // the refusal changed nothing
        const Run refused = run(force);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("`Users` (1 row)")), qPrintable(refused.err));
        QVERIFY(!refused.err.contains(QLatin1String("`Pictures`")));
        QVERIFY(refused.err.contains(QLatin1String("--yes")));
    }
    const Run yes = run(force + QStringList{QStringLiteral("--yes")});
    QCOMPARE(yes.code, 0);
    QVERIFY2(yes.err.contains(QLatin1String("[1/2] Users\n[2/2] Pictures\n")), qPrintable(yes.err));
    QCOMPARE(run(force).code, 0); // the tables are empty now
    const Run alter = run(args + QStringList{QStringLiteral("--mode"), QStringLiteral("alter")});
    QCOMPARE(alter.code, 0);
    QVERIFY2(alter.err.contains(QLatin1String("nothing to do")), qPrintable(alter.err));
    QCOMPARE(sqliteTables(db), (QStringList{QStringLiteral("Pictures"), QStringLiteral("Users")}));
}

void TestCli::importWritesAProjectThatRecreatesTheDatabase()
{
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("original.db"));
    QCOMPARE(run({QStringLiteral("apply"), fixture(QStringLiteral("cases/has-one.model.json")),
                  QStringLiteral("--db"), QStringLiteral("sqlite:") + original})
                 .code,
             0);
    const Run imported = run(
        {QStringLiteral("import"), QStringLiteral("--db"), QStringLiteral("sqlite:") + original});
    QCOMPARE(imported.code, 0);
    QVERIFY2(imported.out.startsWith(QLatin1String("{\n  \"format\": \"modelcanvas/1\"")),
             qPrintable(imported.out));
    const QString project = dir.filePath(QStringLiteral("imported.json"));
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--db"),
                  QStringLiteral("sqlite:") + original, QStringLiteral("-o"), project})
                 .code,
             0);
    QFile written(project);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()), imported.out); // -o writes what stdout shows
    const QString copy = dir.filePath(QStringLiteral("copy.db"));
    const Run applied = run({QStringLiteral("apply"), project, QStringLiteral("--db"),
                             QStringLiteral("sqlite:") + copy});
    QVERIFY2(applied.code == 0, qPrintable(applied.err));
    const QStringList want = sqliteSchema(original);
    QVERIFY(want.filter(QStringLiteral("Addresses fk ")).size() == 1);
    QCOMPARE(sqliteSchema(copy), want);
}

void TestCli::importErrors()
{
    const Run noDb = run({QStringLiteral("import")});
    QCOMPARE(noDb.code, 2);
    QVERIFY2(noDb.err.contains(QLatin1String("--db is required")), qPrintable(noDb.err));
    const Run badUrl =
        run({QStringLiteral("import"), QStringLiteral("--db"), QStringLiteral("oracle://h/db")});
    QCOMPARE(badUrl.code, 2);
    QVERIFY2(badUrl.err.contains(QLatin1String("unknown kind of database")),
             qPrintable(badUrl.err));
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.db"));
    const Run noFile = run(
        {QStringLiteral("import"), QStringLiteral("--db"), QStringLiteral("sqlite:") + missing});
    QCOMPARE(noFile.code, 1);
    QVERIFY2(noFile.err.contains(QLatin1String("no SQLite database at ") + missing),
             qPrintable(noFile.err));
    QVERIFY(!QFile::exists(missing)); // reading never creates the file
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
