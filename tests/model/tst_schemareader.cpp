// Tests for loading modelcanvas/1 documents (model/io/schemareader.h).
#include "io/schemareader.h"
#include "io/schemawriter.h"

#include <QtTest>

using namespace mc;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(MC_FIXTURES "/") + relative;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList messages(const Diagnostics &diags)
{
    QStringList out;
    for (const Diagnostic &d : diags)
        out << d.toString();
    return out;
}

/// A minimal valid document around the given models and associations.
QByteArray document(const char *models, const char *associations = "[]", const char *extra = "")
{
    return QByteArray("{\"format\": \"modelcanvas/1\", \"models\": ") + models +
           ", \"associations\": " + associations + extra + "}";
}

} // namespace

class TestSchemaReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformed_data();
    void malformed();
    void malformedCorpusIsLarge();
    void validCases_data();
    void validCases();
    void sequelizeLevelProblemsLoad_data();
    void sequelizeLevelProblemsLoad();
    void extensionsPreserved();
    void allowNullThreeStates();
    void presenceFlags();
    void keySpecsAndAliases();
    void referentialActionsKeepSpelling();
    void viewAndLayoutVerbatim();
    void byteOrderMarkAccepted();
    void unreadableFile();
};

void TestSchemaReader::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    const QDir dir(fixture(QStringLiteral("malformed")));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString base = name.chopped(int(qstrlen(".json")));
        const QByteArray expected = readFile(dir.filePath(base + QStringLiteral(".expected.txt")));
        QStringList lines = QString::fromUtf8(expected).split(QLatin1Char('\n'));
        while (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        QTest::newRow(qPrintable(base)) << dir.filePath(name) << lines;
    }
}

void TestSchemaReader::malformed()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QVERIFY2(!expected.isEmpty(), "missing or empty .expected.txt");
    const LoadResult r = readSchemaFile(file);
    QVERIFY(!r.schema);
    QVERIFY(hasErrors(r.diagnostics));
    QCOMPARE(messages(r.diagnostics), expected);
}

void TestSchemaReader::malformedCorpusIsLarge()
{
    const QDir dir(fixture(QStringLiteral("malformed")));
    QVERIFY(dir.entryList({QStringLiteral("*.json")}, QDir::Files).size() >= 35);
    // At least one file shows that every problem is reported, not just the first.
    const LoadResult r = readSchemaFile(dir.filePath(QStringLiteral("many-problems.json")));
    QVERIFY(r.diagnostics.size() >= 8);
}

void TestSchemaReader::validCases_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(fixture(QStringLiteral("cases")));
    const QStringList files =
        dir.entryList({QStringLiteral("*.model.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 15);
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestSchemaReader::validCases()
{
    QFETCH(QString, file);
    const LoadResult r = readSchemaFile(file);
    QVERIFY2(r.schema, qPrintable(messages(r.diagnostics).join(QLatin1Char('\n'))));
    QVERIFY(r.diagnostics.isEmpty());
    QVERIFY(!r.schema->models.isEmpty());
    QVERIFY(r.schema->hasOptions);
    for (const Model &m : r.schema->models) {
        QVERIFY(m.position);
        for (const Attribute &a : m.attributes)
            QVERIFY(a.type);
    }
}

void TestSchemaReader::sequelizeLevelProblemsLoad_data()
{
    QTest::addColumn<QByteArray>("input");
    const char *twoModels = R"([{"name": "User", "attributes": [{"name": "id", "type": "INTEGER"}]},
                               {"name": "Group", "attributes": []}])";
    QTest::newRow("duplicate alias case")
        << readFile(fixture(QStringLiteral("cases/error-duplicate-alias.model.json")));
    QTest::newRow("belongsToMany without through") << document(
        twoModels, R"([{"type": "belongsToMany", "source": "User", "target": "Group"}])");
    QTest::newRow("unknown targetKey and sourceKey") << document(
        twoModels,
        R"([{"type": "belongsTo", "source": "User", "target": "Group", "targetKey": "nope"},
                                   {"type": "hasMany", "source": "User", "target": "Group", "sourceKey": "nope"}])");
    QTest::newRow("self btm without as") << document(
        twoModels,
        R"([{"type": "belongsToMany", "source": "User", "target": "User", "through": "F"}])");
    QTest::newRow("cycle") << document(twoModels,
                                       R"([{"type": "hasMany", "source": "User", "target": "Group"},
                                   {"type": "hasMany", "source": "Group", "target": "User"}])");
}

void TestSchemaReader::sequelizeLevelProblemsLoad()
{
    QFETCH(QByteArray, input);
    const LoadResult r = readSchema(input);
    QVERIFY2(r.schema, qPrintable(messages(r.diagnostics).join(QLatin1Char('\n'))));
    QVERIFY(r.diagnostics.isEmpty());
}

void TestSchemaReader::extensionsPreserved()
{
    const QByteArray input = R"({
  "x-first": 1,
  "format": "modelcanvas/1",
  "options": {"x-o": [1.50], "underscored": true},
  "models": [{"x-m": {"b": 1, "a": 2}, "name": "User", "attributes": [
      {"name": "n", "x-a": null, "type": "STRING", "x-b": "two"}],
    "indexes": [{"fields": ["n"], "x-i": true}],
    "position": {"x": 1, "x-p": "kept", "y": 2}}],
  "associations": [{"type": "hasMany", "x-as": 3, "source": "User", "target": "User",
      "as": {"singular": "Child", "x-s": 0, "plural": "Children"},
      "foreignKey": {"x-fk": "k", "name": "parentId"}}],
  "x-last": {"nested": [{"deep": 1e999}]}
})";
    const LoadResult r = readSchema(input);
    QVERIFY2(r.schema, qPrintable(messages(r.diagnostics).join(QLatin1Char('\n'))));
    const Schema &s = *r.schema;
    QCOMPARE(s.extensions.size(), size_t(2));
    QCOMPARE(s.extensions[0].first, QStringLiteral("x-first"));
    QCOMPARE(s.extensions[1].first, QStringLiteral("x-last"));
    QCOMPARE(s.extensions[1].second.toCompactJson(),
             QStringLiteral(R"({"nested": [{"deep": 1e999}]})"));
    QCOMPARE(s.options.extensions[0].second.toCompactJson(), QStringLiteral("[1.50]"));
    const Model &m = s.models[0];
    QCOMPARE(m.extensions[0].second.toCompactJson(), QStringLiteral(R"({"b": 1, "a": 2})"));
    QCOMPARE(m.attributes[0].extensions.size(), size_t(2));
    QCOMPARE(m.attributes[0].extensions[0].first, QStringLiteral("x-a"));
    QCOMPARE(m.attributes[0].extensions[1].first, QStringLiteral("x-b"));
    QCOMPARE((*m.indexes)[0].extensions[0].first, QStringLiteral("x-i"));
    QCOMPARE(m.positionExtensions[0].second.text(), QStringLiteral("kept"));
    QCOMPARE(s.associations[0].extensions[0].first, QStringLiteral("x-as"));
    QCOMPARE(s.associations[0].as.extensions[0].first, QStringLiteral("x-s"));
    QCOMPARE(s.associations[0].foreignKey.attribute->extensions[0].first, QStringLiteral("x-fk"));

    // Written back at the end of their objects, values verbatim, and read again identically.
    const QByteArray written = writeSchema(s);
    QVERIFY(written.contains(R"({"name": "n", "type": "STRING", "x-a": null, "x-b": "two"})"));
    QVERIFY(written.contains(R"("position": {"x": 1, "y": 2, "x-p": "kept"})"));
    QVERIFY(written.contains(R"("as": {"singular": "Child", "plural": "Children", "x-s": 0})"));
    QVERIFY(written.endsWith(
        "  \"x-first\": 1,\n  \"x-last\": {\"nested\": [{\"deep\": 1e999}]}\n}\n"));
    const LoadResult again = readSchema(written);
    QVERIFY(again.schema);
    QCOMPARE(writeSchema(*again.schema), written);
}

void TestSchemaReader::allowNullThreeStates()
{
    const LoadResult r = readSchema(document(R"([{"name": "T", "attributes": [
        {"name": "omitted", "type": "INTEGER"},
        {"name": "yes", "type": "INTEGER", "allowNull": true},
        {"name": "no", "type": "INTEGER", "allowNull": false}]}])"));
    QVERIFY(r.schema);
    const QVector<Attribute> &attrs = r.schema->models[0].attributes;
    QVERIFY(!attrs[0].allowNull.has_value());
    QCOMPARE(attrs[1].allowNull, std::optional<bool>(true));
    QCOMPARE(attrs[2].allowNull, std::optional<bool>(false));
    const QByteArray written = writeSchema(*r.schema);
    QVERIFY(written.contains(R"({"name": "omitted", "type": "INTEGER"})"));
    QVERIFY(written.contains(R"({"name": "yes", "type": "INTEGER", "allowNull": true})"));
    QVERIFY(written.contains(R"({"name": "no", "type": "INTEGER", "allowNull": false})"));
}

void TestSchemaReader::presenceFlags()
{
    const LoadResult r = readSchema(document(R"([
        {"name": "A", "attributes": [{"name": "a", "type": "STRING", "unique": "grp", "defaultValue": 1.0}]},
        {"name": "B", "tableName": null, "options": {}, "attributes": [], "indexes": []},
        {"name": "C", "tableName": "cees", "options": {"createdAt": false, "updatedAt": "changed"},
         "attributes": [{"name": "c", "type": "STRING", "unique": false}], "position": {"x": -5.5, "y": 0}}])"));
    QVERIFY2(r.schema, qPrintable(messages(r.diagnostics).join(QLatin1Char('\n'))));
    const Schema &s = *r.schema;
    QVERIFY(!s.hasOptions);
    const Model &a = s.models[0];
    QVERIFY(!a.tableNameWritten);
    QVERIFY(!a.tableName);
    QVERIFY(!a.hasOptions);
    QVERIFY(!a.indexes);
    QVERIFY(!a.position);
    QCOMPARE(a.attributes[0].unique.kind, UniqueSpec::Kind::Group);
    QCOMPARE(a.attributes[0].unique.group, QStringLiteral("grp"));
    QCOMPARE(a.attributes[0].defaultValue->text(), QStringLiteral("1.0"));
    const Model &b = s.models[1];
    QVERIFY(b.tableNameWritten);
    QVERIFY(!b.tableName);
    QVERIFY(b.hasOptions);
    QVERIFY(b.indexes && b.indexes->isEmpty());
    const Model &c = s.models[2];
    QCOMPARE(c.tableName, std::optional<QString>(QStringLiteral("cees")));
    QVERIFY(c.options.createdAt.present && c.options.createdAt.disabled);
    QVERIFY(c.options.updatedAt.present && !c.options.updatedAt.disabled);
    QCOMPARE(c.options.updatedAt.name, QStringLiteral("changed"));
    QVERIFY(!c.options.deletedAt.present);
    QVERIFY(!c.options.timestamps);
    QCOMPARE(c.attributes[0].unique.kind, UniqueSpec::Kind::Bool);
    QVERIFY(!c.attributes[0].unique.isUnique());
    QCOMPARE(*c.position, QPointF(-5.5, 0));
}

void TestSchemaReader::keySpecsAndAliases()
{
    const LoadResult r =
        readSchema(readFile(fixture(QStringLiteral("cases/fk-object-notnull.model.json"))));
    QVERIFY(r.schema);
    const Association &named = r.schema->associations[0];
    QCOMPARE(named.foreignKey.kind, KeySpec::Kind::Object);
    QVERIFY(named.foreignKey.attribute->hasName);
    QCOMPARE(named.foreignKey.explicitName(), QStringLiteral("uid"));
    QCOMPARE(named.foreignKey.attribute->allowNull, std::optional<bool>(false));
    QVERIFY(!named.foreignKey.attribute->type);
    const Association &unnamed = r.schema->associations[1];
    QVERIFY(!unnamed.foreignKey.attribute->hasName);
    QCOMPARE(unnamed.foreignKey.explicitName(), QString());
    QCOMPARE(unnamed.as.kind, AliasSpec::Kind::String);
    QCOMPARE(unnamed.as.name, QStringLiteral("Author"));
    QCOMPARE(unnamed.type, AssociationType::BelongsTo);

    const LoadResult alias =
        readSchema(readFile(fixture(QStringLiteral("cases/has-many-alias.model.json"))));
    QVERIFY(alias.schema);
    const Association &memos = alias.schema->associations[1];
    QCOMPARE(memos.as.kind, AliasSpec::Kind::Object);
    QCOMPARE(memos.as.singular, QStringLiteral("Memo"));
    QCOMPARE(memos.as.plural, QStringLiteral("Memos"));
    QCOMPARE(memos.foreignKey.kind, KeySpec::Kind::String);
    QCOMPARE(memos.foreignKey.name, QStringLiteral("ownerId"));
    QCOMPARE(alias.schema->associations[0].otherKey.kind, KeySpec::Kind::Absent);

    const LoadResult btm =
        readSchema(readFile(fixture(QStringLiteral("cases/btm-explicit-keys.model.json"))));
    QVERIFY(btm.schema);
    QCOMPARE(btm.schema->associations[0].through,
             std::optional<QString>(QStringLiteral("Memberships")));
    QCOMPARE(btm.schema->associations[0].otherKey.explicitName(), QStringLiteral("teamId"));
}

void TestSchemaReader::referentialActionsKeepSpelling()
{
    const LoadResult r = readSchema(document(
        R"([{"name": "A", "attributes": []}])",
        R"([{"type": "hasOne", "source": "A", "target": "A", "onDelete": "set null", "onUpdate": "No Action"}])"));
    QVERIFY(r.schema);
    QCOMPARE(r.schema->associations[0].onDelete,
             std::optional<QString>(QStringLiteral("set null")));
    QCOMPARE(r.schema->associations[0].onUpdate,
             std::optional<QString>(QStringLiteral("No Action")));
}

void TestSchemaReader::viewAndLayoutVerbatim()
{
    const LoadResult r = readSchema(document(
        "[]", "[]",
        R"(, "view": {"zoom": 1.0, "center": {"x": 130, "y": 60}}, "layout": {}, "x-exported-by": "some other tool")"));
    QVERIFY(r.schema);
    QCOMPARE(r.schema->view->toCompactJson(),
             QStringLiteral(R"({"zoom": 1.0, "center": {"x": 130, "y": 60}})"));
    QCOMPARE(r.schema->layout->toCompactJson(), QStringLiteral("{}"));
    QVERIFY(r.schema->models.isEmpty());
}

void TestSchemaReader::byteOrderMarkAccepted()
{
    const QByteArray seed = readFile(fixture(QStringLiteral("cases/seed-user-picture.model.json")));
    const LoadResult r = readSchema(QByteArray("\xEF\xBB\xBF") + seed);
    QVERIFY(r.schema);
    QCOMPARE(r.schema->models.size(), 2);
}

void TestSchemaReader::unreadableFile()
{
    const QString path = fixture(QStringLiteral("no-such-dir/missing.model.json"));
    const LoadResult r = readSchemaFile(path);
    QVERIFY(!r.schema);
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY(r.diagnostics[0].message.startsWith(QStringLiteral("cannot read \"") + path +
                                                QStringLiteral("\": ")));
    QVERIFY(r.diagnostics[0].message.contains(QStringLiteral("No such file")));

    const LoadResult dir = readSchemaFile(fixture(QStringLiteral("cases")));
    QVERIFY(!dir.schema);
    QVERIFY(hasErrors(dir.diagnostics));
}

QTEST_GUILESS_MAIN(TestSchemaReader)
#include "tst_schemareader.moc"
