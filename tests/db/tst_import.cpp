// importCatalog(): applying what it imports must give back the catalog it read,
// offline for every conformance case and dialect, live on SQLite, and for the
// mapping rules one by one.

#include "importtestutil.h"

#include <QJsonArray>
#include <QTest>

using namespace mc;
using namespace importtest;

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conformanceRoundTrip_data();
    void conformanceRoundTrip();
    void typeRoundTrip_data();
    void typeRoundTrip();
    void liveSqliteRoundTrip_data();
    void liveSqliteRoundTrip();
    void foreignKeyGivesBelongsToAndHasMany();
    void uniqueForeignKeyGivesHasOne();
    void junctionGivesBelongsToManyPair();
    void junctionWithExtraColumnStaysModel();
    void nonDefaultActionsKept();
    void aliasAndTargetKey();
    void mysqlCheckAndCollationWarn();
    void checkAndUnknownTypeWarn();
    void postgresEnumLabelsImported();
    void sqliteCheckClausesAreFound();
    void sqliteAutoincrementIsAKeyword();
    void liveSqliteChecksWarn();
    void hostileNamesRoundTrip();
    void unreadableCatalogFails();
};

void TestImport::conformanceRoundTrip_data()
{
    QTest::addColumn<QString>("expectation");
    QTest::addColumn<int>("dialect");
    const QStringList names = caseNames();
    QVERIFY(names.size() >= 14); // every case but the define error
    for (const QString &name : names) {
        QTest::newRow(qPrintable(name + QStringLiteral("/sqlite")))
            << QStringLiteral("expected/%1.json").arg(name) << int(Dialect::SQLite);
        QTest::newRow(qPrintable(name + QStringLiteral("/postgres")))
            << QStringLiteral("expected/postgres/%1.json").arg(name) << int(Dialect::Postgres);
        QTest::newRow(qPrintable(name + QStringLiteral("/mysql")))
            << QStringLiteral("expected/mysql-live/%1.json").arg(name) << int(Dialect::MySQL);
    }
}

void TestImport::conformanceRoundTrip()
{
    QFETCH(QString, expectation);
    QFETCH(int, dialect);
    const JsonValue tables = *readJson(fixture(expectation)).find(QStringLiteral("tables"));
    QVERIFY(tables.size() > 0);
    const RoundTrip r = roundTrip(tables, Dialect(dialect));
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    // Exact imports say nothing, except that PostgreSQL does not list ENUM values.
    for (const Diagnostic &d : r.imported.diagnostics)
        QVERIFY2(d.message.contains(QLatin1String("ENUM")), qPrintable(d.toString()));
}

void TestImport::typeRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("imported");
    // Types whose catalog spelling another type shares come back as the plainer one.
    const QHash<QByteArray, QByteArray> sqlite = {
        {"TEXT('tiny')", "TEXT"}, {"TEXT('medium')", "TEXT"},      {"TEXT('long')", "TEXT"},
        {"CITEXT", "TEXT"},       {"INTEGER.UNSIGNED", "INTEGER"}, {"DATE(6)", "DATE"},
        {"ENUM('a','b')", "TEXT"}};
    const QHash<QByteArray, QByteArray> postgres = {
        {"STRING.BINARY", "BLOB"},
        {"TEXT('tiny')", "TEXT"},
        {"TEXT('medium')", "TEXT"},
        {"TEXT('long')", "TEXT"},
        {"INTEGER.UNSIGNED", "INTEGER"},
        {"FLOAT", "DOUBLE"},
        {"FLOAT(8,2)", "DOUBLE"},
        {"DATE(6)", "DATE"},
        {"BLOB('tiny')", "BLOB"},
        {"ENUM('a','b')", "ENUM('value')"}}; // pg_catalog names the type, not its values
    const JsonValue rows =
        *readJson(fixture(QStringLiteral("expected/types.json"))).find(QStringLiteral("rows"));
    QVERIFY(rows.size() >= 30);
    for (const JsonValue &row : rows.items()) {
        const QString type = row.find(QStringLiteral("type"))->text();
        QTest::newRow(qPrintable(type + QStringLiteral("/sqlite")))
            << type << int(Dialect::SQLite)
            << QString::fromUtf8(sqlite.value(type.toUtf8(), type.toUtf8()));
        QTest::newRow(qPrintable(type + QStringLiteral("/postgres")))
            << type << int(Dialect::Postgres)
            << QString::fromUtf8(postgres.value(type.toUtf8(), type.toUtf8()));
        QTest::newRow(qPrintable(type + QStringLiteral("/mysql")))
            << type << int(Dialect::MySQL) << type;
    }
}

void TestImport::typeRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(int, dialect);
    QFETCH(QString, imported);
    const QString doc =
        QStringLiteral(
            R"({"format": "modelcanvas/1", "models": [{"name": "Sample", "tableName": null, )"
            R"("attributes": [{"name": "v", "type": %1, "allowNull": false}]}]})")
            .arg(jsonQuote(type));
    const LoadResult design = readSchema(doc.toUtf8());
    QVERIFY(design.schema);
    const DerivedSchema derived = derive(*design.schema);
    const JsonValue tables = catalogTables(derived, Dialect(dialect));
    const RoundTrip r = roundTrip(tables, Dialect(dialect));
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    const Model &m = r.reloaded->models.first();
    QCOMPARE(m.attributes.size(), 1); // implicit id and timestamps stay implicit
    QCOMPARE(m.attributes.first().type->toString(), imported);
}

void TestImport::liveSqliteRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : caseNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestImport::liveSqliteRoundTrip()
{
    QFETCH(QString, name);
    const LoadResult design =
        readSchemaFile(fixture(QStringLiteral("cases/%1.model.json").arg(name)));
    QVERIFY(design.schema);
    QTemporaryDir dir;
    const JsonValue original = applyAndRead(*design.schema, dir.filePath(QStringLiteral("a.db")));
    const ImportResult imported = importCatalog(original, Dialect::SQLite);
    QVERIFY2(imported.schema, qPrintable(warnings(imported)));
    QVERIFY2(imported.diagnostics.isEmpty(), qPrintable(warnings(imported)));
    const JsonValue again = applyAndRead(*imported.schema, dir.filePath(QStringLiteral("b.db")));
    QVERIFY2(toQt(again) == toQt(original), qPrintable(diff(original, again)));
}

void TestImport::foreignKeyGivesBelongsToAndHasMany()
{
    const JsonValue tables = usersAndPosts(col(QStringLiteral("UserId"), QStringLiteral("INTEGER")),
                                           fk(QStringLiteral("UserId"), QStringLiteral("Users")));
    const RoundTrip r = roundTrip(tables, Dialect::SQLite);
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    const Schema &s = *r.reloaded;
    QCOMPARE(s.models.size(), 2);
    for (const Model &m : s.models) {
        QVERIFY(!m.tableName);            // Post -> Posts, User -> Users by default
        QCOMPARE(m.attributes.size(), 1); // implicit id, timestamps and the FK are derived
    }
    QCOMPARE(s.associations.size(), 2);
    const Association *bt = findAssociation(s, AssociationType::BelongsTo, "Post", "User");
    QVERIFY(bt);
    QVERIFY(!bt->foreignKey.isSet() && !bt->onDelete && !bt->onUpdate); // all defaults
    QVERIFY(findAssociation(s, AssociationType::HasMany, "User", "Post"));
    QVERIFY2(r.imported.diagnostics.isEmpty(), qPrintable(warnings(r.imported)));
}

void TestImport::uniqueForeignKeyGivesHasOne()
{
    const JsonValue tables = usersAndPosts(col(QStringLiteral("UserId"), QStringLiteral("INTEGER")),
                                           fk(QStringLiteral("UserId"), QStringLiteral("Users")),
                                           QStringLiteral(R"([["UserId"]])"));
    const RoundTrip r = roundTrip(tables, Dialect::SQLite);
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    QVERIFY(findAssociation(*r.reloaded, AssociationType::HasOne, "User", "Post"));
    QVERIFY(!findAssociation(*r.reloaded, AssociationType::HasMany, "User", "Post"));
}

void TestImport::junctionGivesBelongsToManyPair()
{
    const QStringList users = {idCol(), col(QStringLiteral("name"), QStringLiteral("VARCHAR(255)")),
                               stampCols()};
    const QStringList groups = {idCol(), stampCols()};
    const QString junction =
        table(QStringLiteral("Memberships"),
              {stampCols(), col(QStringLiteral("memberId"), QStringLiteral("INTEGER"), true, true),
               col(QStringLiteral("GroupId"), QStringLiteral("INTEGER"), true, true)},
              QStringLiteral(R"(["memberId", "GroupId"])"),
              {fk(QStringLiteral("GroupId"), QStringLiteral("Groups"), QStringLiteral("CASCADE")),
               fk(QStringLiteral("memberId"), QStringLiteral("Users"), QStringLiteral("CASCADE"))});
    const JsonValue tables = catalog(
        {table(QStringLiteral("Groups"), groups), junction, table(QStringLiteral("Users"), users)});
    const RoundTrip r = roundTrip(tables, Dialect::SQLite);
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    const Schema &s = *r.reloaded;
    QCOMPARE(s.models.size(), 2); // no model for the junction
    const Association *a = findAssociation(s, AssociationType::BelongsToMany, "User", "Group");
    const Association *b = findAssociation(s, AssociationType::BelongsToMany, "Group", "User");
    QVERIFY(a && b);
    QCOMPARE(a->through.value_or(QString()), QStringLiteral("Memberships"));
    QCOMPARE(b->through.value_or(QString()), QStringLiteral("Memberships"));
    QCOMPARE(a->foreignKey.explicitName(), QStringLiteral("memberId"));
}

void TestImport::junctionWithExtraColumnStaysModel()
{
    const QString junction =
        table(QStringLiteral("Memberships"),
              {stampCols(), col(QStringLiteral("role"), QStringLiteral("VARCHAR(255)")),
               col(QStringLiteral("UserId"), QStringLiteral("INTEGER"), true, true),
               col(QStringLiteral("GroupId"), QStringLiteral("INTEGER"), true, true)},
              QStringLiteral(R"(["UserId", "GroupId"])"),
              {fk(QStringLiteral("GroupId"), QStringLiteral("Groups"), QStringLiteral("CASCADE")),
               fk(QStringLiteral("UserId"), QStringLiteral("Users"), QStringLiteral("CASCADE"))});
    const JsonValue tables = catalog({table(QStringLiteral("Groups"), {idCol(), stampCols()}),
                                      junction, table(QStringLiteral("Users"), {idCol()})});
    const RoundTrip r = roundTrip(tables, Dialect::SQLite);
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    QCOMPARE(r.reloaded->models.size(), 3);
    for (const Association &a : r.reloaded->associations)
        QVERIFY(a.type != AssociationType::BelongsToMany);
}

void TestImport::nonDefaultActionsKept()
{
    const JsonValue tables =
        usersAndPosts(col(QStringLiteral("UserId"), QStringLiteral("INTEGER"), true),
                      fk(QStringLiteral("UserId"), QStringLiteral("Users"),
                         QStringLiteral("CASCADE"), QStringLiteral("RESTRICT")));
    const RoundTrip r = roundTrip(tables, Dialect::SQLite);
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    const Association *bt =
        findAssociation(*r.reloaded, AssociationType::BelongsTo, "Post", "User");
    QVERIFY(bt);
    QCOMPARE(bt->onDelete.value_or(QString()), QStringLiteral("CASCADE"));
    QCOMPARE(bt->onUpdate.value_or(QString()), QStringLiteral("RESTRICT"));
}

void TestImport::aliasAndTargetKey()
{
    // The catalog of Task.belongsTo(User, {as: 'Assignee'}) and
    // Department.belongsTo(Company, {targetKey: 'code'}), on every dialect.
    const QByteArray design = R"json({"format": "modelcanvas/1", "models": [
      {"name": "User", "tableName": null, "attributes": []},
      {"name": "Task", "tableName": null, "attributes": []},
      {"name": "Company", "tableName": null, "attributes": [
        {"name": "code", "type": "STRING(16)", "unique": true}]},
      {"name": "Department", "tableName": null, "attributes": []}],
     "associations": [
      {"type": "belongsTo", "source": "Task", "target": "User", "as": "Assignee"},
      {"type": "belongsTo", "source": "Department", "target": "Company", "targetKey": "code"}]
    })json";
    const DerivedSchema derived = derive(*readSchema(design).schema);
    for (Dialect d : {Dialect::SQLite, Dialect::Postgres, Dialect::MySQL}) {
        const JsonValue tables = catalogTables(derived, d);
        const RoundTrip r = roundTrip(tables, d);
        QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
        QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
        const Association *task =
            findAssociation(*r.reloaded, AssociationType::BelongsTo, "Task", "User");
        QVERIFY(task);
        QCOMPARE(task->as.name, QStringLiteral("Assignee"));
        QVERIFY(!task->foreignKey.isSet()); // the alias alone names AssigneeId
        const Association *dept =
            findAssociation(*r.reloaded, AssociationType::BelongsTo, "Department", "Company");
        QVERIFY(dept);
        QCOMPARE(dept->targetKey.value_or(QString()), QStringLiteral("code"));
        const Association *inverse =
            findAssociation(*r.reloaded, AssociationType::HasMany, "Company", "Department");
        QVERIFY(inverse);
        QCOMPARE(inverse->sourceKey.value_or(QString()), QStringLiteral("code"));
    }
}

void TestImport::mysqlCheckAndCollationWarn()
{
    const JsonValue tables = parse(R"json({"Items": {"columns": [
      {"name": "id", "type": "int(11)", "notNull": true, "pk": true, "default": null,
       "autoIncrement": true},
      {"name": "j", "type": "longtext", "notNull": false, "pk": false, "default": null,
       "autoIncrement": false},
      {"name": "price", "type": "int(11)", "notNull": false, "pk": false, "default": "0",
       "autoIncrement": false},
      {"name": "name", "type": "varchar(50)", "notNull": false, "pk": false, "default": null,
       "autoIncrement": false}],
     "primaryKey": ["id"], "foreignKeys": [], "uniques": [], "indexes": [], "fkIndexes": [],
     "checks": ["`price` > 0", "json_valid(`j`)"],
     "collations": {"j": "utf8mb4_bin", "name": "utf8mb4_unicode_ci"}}})json");
    const ImportResult r = importCatalog(tables, Dialect::MySQL);
    QVERIFY(r.schema);
    QCOMPARE(r.diagnostics.size(), 2);
    QVERIFY2(r.diagnostics[0].message.contains(QLatin1String("column \"name\"")) &&
                 r.diagnostics[0].message.contains(QLatin1String("utf8mb4_unicode_ci")),
             qPrintable(warnings(r)));
    QVERIFY2(r.diagnostics[1].message.contains(QLatin1String("column \"price\"")) &&
                 r.diagnostics[1].message.contains(QLatin1String("CHECK")),
             qPrintable(warnings(r)));
    const Model &m = r.schema->models.first();
    QCOMPARE(m.attributes.size(), 3); // implicit id: the table is otherwise exact
    QCOMPARE(m.attributes[0].type->toString(), QStringLiteral("JSON")); // longtext + json_valid
    QCOMPARE(m.attributes[2].type->toString(), QStringLiteral("STRING(50)"));
}

void TestImport::checkAndUnknownTypeWarn()
{
    const JsonValue tables =
        catalog({table(QStringLiteral("Products"),
                       {idCol(), col(QStringLiteral("price"), QStringLiteral("INTEGER")),
                        col(QStringLiteral("shape"), QStringLiteral("GEOMETRY"))},
                       QStringLiteral(R"(["id"])"), {}, QStringLiteral("[]"),
                       QStringLiteral(R"(, "checks": ["price > 0"])"))});
    const ImportResult r = importCatalog(tables, Dialect::SQLite);
    QVERIFY(r.schema); // still imported, with the closest representation
    QVERIFY(!hasErrors(r.diagnostics));
    auto warned = [&](const QString &column, const QString &what) {
        for (const Diagnostic &d : r.diagnostics) {
            if (d.severity == Diagnostic::Severity::Warning &&
                d.message.contains(QStringLiteral("\"Products\"")) &&
                d.message.contains(QStringLiteral("column \"%1\"").arg(column)) &&
                d.message.contains(what))
                return true;
        }
        return false;
    };
    QVERIFY2(warned(QStringLiteral("price"), QStringLiteral("CHECK")), qPrintable(warnings(r)));
    QVERIFY2(warned(QStringLiteral("shape"), QStringLiteral("GEOMETRY")), qPrintable(warnings(r)));
    const Model &m = r.schema->models.first();
    QCOMPARE(m.attributes.size(), 2);
    QCOMPARE(m.attributes[1].name, QStringLiteral("shape"));
}

// pg_catalog names an ENUM column's type, not its labels: with the labels read from
// pg_enum the column imports exactly; without them its default is the one label known.
void TestImport::postgresEnumLabelsImported()
{
    const JsonValue tables = parse(R"json({"Posts": {"columns": [
      {"name": "id", "type": "integer", "notNull": true, "pk": true,
       "default": "nextval('\"Posts_id_seq\"'::regclass)", "autoIncrement": true},
      {"name": "status", "type": "\"enum_Posts_status\"", "notNull": true, "pk": false,
       "default": "'draft'::\"enum_Posts_status\"", "autoIncrement": false}],
     "primaryKey": ["id"], "foreignKeys": [], "uniques": [], "indexes": []}})json");
    auto statusType = [](const ImportResult &r) {
        for (const Attribute &a : r.schema->models.first().attributes) {
            if (a.name == QLatin1String("status"))
                return a.type->toString();
        }
        return QString();
    };
    const QHash<QString, QStringList> labels{
        {QStringLiteral("enum_Posts_status"),
         {QStringLiteral("draft"), QStringLiteral("it's out"), QStringLiteral("archived")}}};
    const ImportResult known = importCatalog(tables, Dialect::Postgres, labels);
    QVERIFY(known.schema);
    QVERIFY2(known.diagnostics.isEmpty(), qPrintable(warnings(known)));
    QCOMPARE(statusType(known), QStringLiteral("ENUM('draft','it''s out','archived')"));

    const ImportResult unknown = importCatalog(tables, Dialect::Postgres);
    QVERIFY(unknown.schema);
    QCOMPARE(statusType(unknown), QStringLiteral("ENUM('draft')"));
    QCOMPARE(unknown.diagnostics.size(), 1);
    QVERIFY2(unknown.diagnostics[0].message.contains(QLatin1String("ENUM's values")),
             qPrintable(warnings(unknown)));
}

void TestImport::sqliteCheckClausesAreFound()
{
    QCOMPARE(sqliteCheckClauses(QStringLiteral(
                 R"sql(CREATE TABLE "t" (a INTEGER CHECK(a > 0), "check" TEXT DEFAULT 'check(x)',
  b TEXT /* CHECK (no) */ check ( length(b) < 5 AND b <> ')' ), -- CHECK (nor this)
  [CHECK (x)] INT, CONSTRAINT c CHECK ((a + 1) * 2 < "CHECK (y)")))sql")),
             (QStringList{QStringLiteral("a > 0"), QStringLiteral("length(b) < 5 AND b <> ')'"),
                          QStringLiteral(R"e((a + 1) * 2 < "CHECK (y)")e")}));
    QVERIFY(
        sqliteCheckClauses(QStringLiteral("CREATE TABLE t (checked INTEGER, x CHECK)")).isEmpty());
}

// AUTOINCREMENT counts only as a keyword: a default or a comment that spells it
// does not make the key auto-increment.
void TestImport::sqliteAutoincrementIsAKeyword()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("auto.db"));
    QVERIFY(sqliteRun(path, {QStringLiteral("CREATE TABLE \"Plain\" (\"id\" INTEGER PRIMARY KEY, "
                                            "\"note\" TEXT DEFAULT 'AUTOINCREMENT' "
                                            "/* autoincrement */)"),
                             QStringLiteral("CREATE TABLE \"Counted\" (\"id\" INTEGER PRIMARY "
                                            "KEY autoincrement)")}));
    const QJsonObject tables = toQt(readSqlite(path));
    auto idAutoIncrement = [&](const char *table) {
        return tables[QLatin1String(table)][QStringLiteral("columns")][0]
                     [QStringLiteral("autoIncrement")]
                         .toBool();
    };
    QVERIFY(!idAutoIncrement("Plain"));
    QVERIFY(idAutoIncrement("Counted"));
}

// SQLite keeps CHECK constraints only in the table's SQL: the reader finds them there
// and the import names each one it leaves out, with its column.
void TestImport::liveSqliteChecksWarn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("checks.db"));
    QVERIFY(sqliteRun(
        path, {QStringLiteral(R"(CREATE TABLE "Products" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, )"
                              R"("price" INTEGER CHECK ("price" > 0), "name" VARCHAR(255)))")}));
    const JsonValue tables = readSqlite(path);
    QCOMPARE(toQt(tables)[QStringLiteral("Products")][QStringLiteral("checks")].toArray(),
             QJsonArray{QStringLiteral(R"("price" > 0)")});
    const ImportResult r = importCatalog(tables, Dialect::SQLite);
    QVERIFY(r.schema);
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY2(r.diagnostics[0].message.contains(QLatin1String("column \"price\"")) &&
                 r.diagnostics[0].message.contains(QLatin1String("CHECK")),
             qPrintable(warnings(r)));
}

void TestImport::hostileNamesRoundTrip()
{
    const QString bobby = QStringLiteral("Robert'); DROP TABLE Students;--");
    const QString name = QStringLiteral("名前");
    const QString select = QStringLiteral("select");
    const JsonValue tables =
        catalog({table(bobby, {idCol(), col(name, QStringLiteral("VARCHAR(255)"))}),
                 table(name,
                       {idCol(), col(select, QStringLiteral("INTEGER")),
                        col(QStringLiteral("owner\"id"), QStringLiteral("INTEGER"))},
                       QStringLiteral(R"(["id"])"), {fk(QStringLiteral("owner\"id"), bobby)}),
                 table(select, {idCol(), col(QStringLiteral("from"), QStringLiteral("TEXT"), true,
                                             false, QStringLiteral("'it''s'"))})});
    const RoundTrip r = roundTrip(tables, Dialect::SQLite);
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QVERIFY2(toQt(r.tables) == toQt(tables), qPrintable(diff(tables, r.tables)));
    QVERIFY2(r.imported.diagnostics.isEmpty(), qPrintable(warnings(r.imported)));
    QTemporaryDir dir;
    const JsonValue live = applyAndRead(*r.reloaded, dir.filePath(QStringLiteral("h.db")));
    QVERIFY2(toQt(live) == toQt(tables), qPrintable(diff(tables, live)));
}

void TestImport::unreadableCatalogFails()
{
    const ImportResult r = importCatalog(parse("[1, 2]"), Dialect::SQLite);
    QVERIFY(!r.schema);
    QVERIFY(hasErrors(r.diagnostics));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
