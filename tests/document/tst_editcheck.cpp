// Tests for checking edits with the loader's validation (model/document/editcheck.h).
#include "document/editcheck.h"
#include "io/schemareader.h"

#include <QtTest>

#include <functional>

using namespace mc;

namespace {

Schema example()
{
    LoadResult r = readSchemaFile(QStringLiteral(MC_EXAMPLE));
    return r.schema.value_or(Schema());
}

Attribute attribute(const QString &name, const QString &type = QStringLiteral("STRING"))
{
    Attribute a;
    a.name = name;
    a.type = DataType::parse(type);
    return a;
}

using ModelEdit = std::function<void(Model &)>;
using AssociationEdit = std::function<void(Association &)>;

/// Edits of models[1] (Picture) of the example, by row name.
const QHash<QString, ModelEdit> &modelEdits()
{
    static const QHash<QString, ModelEdit> edits{
        {QStringLiteral("valid rename"), [](Model &m) { m.name = QStringLiteral("Photo"); }},
        {QStringLiteral("empty name"), [](Model &m) { m.name.clear(); }},
        {QStringLiteral("name of another model"),
         [](Model &m) { m.name = QStringLiteral("User"); }},
        {QStringLiteral("duplicate attribute"),
         [](Model &m) { m.attributes.append(attribute(QStringLiteral("format"))); }},
        {QStringLiteral("empty attribute name"),
         [](Model &m) { m.attributes.append(attribute(QString())); }},
        {QStringLiteral("empty field"), [](Model &m) { m.attributes[0].field = QString(); }},
        {QStringLiteral("non-finite default"),
         [](Model &m) {
             m.attributes[0].defaultValue = JsonValue::number(QStringLiteral("1e999"));
         }},
        {QStringLiteral("empty unique group"),
         [](Model &m) {
             m.attributes[0].unique = {UniqueSpec::Kind::Group, false, QString()};
         }},
        {QStringLiteral("index without fields"),
         [](Model &m) { m.indexes = QVector<IndexSpec>{IndexSpec()}; }},
        {QStringLiteral("empty createdAt name"),
         [](Model &m) {
             m.hasOptions = true;
             m.options.createdAt = {true, false, QString()};
         }},
        {QStringLiteral("valid options and index"),
         [](Model &m) {
             m.hasOptions = true;
             m.options.paranoid = true;
             m.options.createdAt = {true, true, QString()};
             IndexSpec index;
             index.fields = QStringList{QStringLiteral("format")};
             m.indexes = QVector<IndexSpec>{index};
         }},
    };
    return edits;
}

/// Edits of associations[1] (User belongsTo Picture as ProfilePicture), by row name.
const QHash<QString, AssociationEdit> &associationEdits()
{
    static const QHash<QString, AssociationEdit> edits{
        {QStringLiteral("valid target"), [](Association &a) { a.target = QStringLiteral("User"); }},
        {QStringLiteral("misspelt target"),
         [](Association &a) { a.target = QStringLiteral("Pictur"); }},
        {QStringLiteral("unknown target"),
         [](Association &a) { a.target = QStringLiteral("Nothing"); }},
        {QStringLiteral("empty source"), [](Association &a) { a.source.clear(); }},
        {QStringLiteral("sourceKey on belongsTo"),
         [](Association &a) { a.sourceKey = QStringLiteral("id"); }},
        {QStringLiteral("through on hasMany"),
         [](Association &a) {
             a.type = AssociationType::HasMany;
             a.through = QStringLiteral("X");
         }},
        {QStringLiteral("object as on belongsTo"),
         [](Association &a) {
             a.as = {
                 AliasSpec::Kind::Object, QString(), QStringLiteral("P"), QStringLiteral("Ps"), {}};
         }},
        {QStringLiteral("as object without plural"),
         [](Association &a) {
             a.type = AssociationType::HasMany;
             a.as = {AliasSpec::Kind::Object, QString(), QStringLiteral("P"), QString(), {}};
         }},
        {QStringLiteral("empty foreignKey name"),
         [](Association &a) {
             a.foreignKey.kind = KeySpec::Kind::Object;
             a.foreignKey.attribute.edit().name = QString();
         }},
        {QStringLiteral("valid foreignKey object"),
         [](Association &a) {
             a.foreignKey.kind = KeySpec::Kind::Object;
             Attribute &k = a.foreignKey.attribute.edit();
             k.name = QStringLiteral("pictureUid");
             k.type = DataType::parse(QStringLiteral("UUID"));
             k.allowNull = false;
         }},
    };
    return edits;
}

QString describe(const Diagnostics &d)
{
    QStringList out;
    for (const Diagnostic &x : d)
        out << x.toString();
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestEditCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelEdit_data();
    void modelEdit();
    void newModelNamedLikeAnother();
    void associationEdit_data();
    void associationEdit();
    void optionsEdit();
    void typeString_data();
    void typeString();
    void clashFoundInLargeSchema();
};

void TestEditCheck::modelEdit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString m = QStringLiteral("models[1].");
    QTest::newRow("valid rename") << QString() << QString();
    QTest::newRow("empty name") << m + QStringLiteral("name") << QStringLiteral("non-empty string");
    QTest::newRow("name of another model")
        << m + QStringLiteral("name")
        << QStringLiteral("duplicate model name 'User' (first defined at models[0])");
    QTest::newRow("duplicate attribute")
        << m + QStringLiteral("attributes[1].name")
        << QStringLiteral("duplicate attribute name 'format' (first defined at "
                          "models[1].attributes[0])");
    QTest::newRow("empty attribute name")
        << m + QStringLiteral("attributes[1].name") << QStringLiteral("non-empty string");
    QTest::newRow("empty field") << m + QStringLiteral("attributes[0].field")
                                 << QStringLiteral("non-empty string");
    QTest::newRow("non-finite default")
        << m + QStringLiteral("attributes[0].defaultValue") << QStringLiteral("finite number");
    QTest::newRow("empty unique group")
        << m + QStringLiteral("attributes[0].unique") << QStringLiteral("group name");
    QTest::newRow("index without fields")
        << m + QStringLiteral("indexes[0].fields") << QStringLiteral("non-empty array");
    QTest::newRow("empty createdAt name")
        << m + QStringLiteral("options.createdAt") << QStringLiteral("non-empty string or false");
    QTest::newRow("valid options and index") << QString() << QString();
}

void TestEditCheck::modelEdit()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Schema schema = example();
    QCOMPARE(schema.models.size(), 2);
    Model after = schema.models[1];
    modelEdits().value(QString::fromLatin1(QTest::currentDataTag()))(after);
    const Diagnostics d = checkModelEdit(schema, 1, after);
    if (path.isEmpty()) {
        QVERIFY2(d.isEmpty(), qPrintable(describe(d)));
        return;
    }
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].path, path);
    QVERIFY2(d[0].message.contains(message), qPrintable(d[0].message));
}

void TestEditCheck::newModelNamedLikeAnother()
{
    const Schema schema = example();
    Model m;
    m.name = QStringLiteral("Picture");
    Diagnostics d = checkModelEdit(schema, -1, m);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].path, QStringLiteral("models[2].name"));
    QVERIFY(d[0].message.contains(QLatin1String("models[1]")));
    m.name = QStringLiteral("Tag");
    QVERIFY(checkModelEdit(schema, -1, m).isEmpty());
    // Renaming a model to its own name is no clash.
    QVERIFY(checkModelEdit(schema, 0, schema.models[0]).isEmpty());
}

void TestEditCheck::associationEdit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString a = QStringLiteral("associations[1].");
    QTest::newRow("valid target") << QString() << QString();
    QTest::newRow("misspelt target")
        << a + QStringLiteral("target")
        << QStringLiteral("no model named 'Pictur' (did you mean 'Picture'?)");
    QTest::newRow("unknown target")
        << a + QStringLiteral("target") << QStringLiteral("no model named 'Nothing'");
    QTest::newRow("empty source") << a + QStringLiteral("source")
                                  << QStringLiteral("non-empty string");
    QTest::newRow("sourceKey on belongsTo")
        << a + QStringLiteral("sourceKey")
        << QStringLiteral("key \"sourceKey\" has no effect on belongsTo");
    QTest::newRow("through on hasMany")
        << a + QStringLiteral("through") << QStringLiteral("has no effect on hasMany");
    QTest::newRow("object as on belongsTo")
        << a + QStringLiteral("as") << QStringLiteral("has no effect on belongsTo");
    QTest::newRow("as object without plural")
        << a + QStringLiteral("as.plural") << QStringLiteral("non-empty string");
    QTest::newRow("empty foreignKey name")
        << a + QStringLiteral("foreignKey.name") << QStringLiteral("non-empty string");
    QTest::newRow("valid foreignKey object") << QString() << QString();
}

void TestEditCheck::associationEdit()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Schema schema = example();
    QCOMPARE(schema.associations.size(), 2);
    Association after = schema.associations[1];
    associationEdits().value(QString::fromLatin1(QTest::currentDataTag()))(after);
    const Diagnostics d = checkAssociationEdit(schema, 1, after);
    if (path.isEmpty()) {
        QVERIFY2(d.isEmpty(), qPrintable(describe(d)));
        return;
    }
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].path, path);
    QVERIFY2(d[0].message.contains(message), qPrintable(d[0].message));
    if (!message.contains(QLatin1String("did you mean")))
        QVERIFY2(!d[0].message.contains(QLatin1String("did you mean")), qPrintable(d[0].message));
}

void TestEditCheck::optionsEdit()
{
    ModelOptions o;
    o.underscored = true;
    o.deletedAt = {true, false, QStringLiteral("removedAt")};
    QVERIFY(checkOptionsEdit(o).isEmpty());
    o.updatedAt = {true, false, QString()};
    const Diagnostics d = checkOptionsEdit(o);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].path, QStringLiteral("options.updatedAt"));
}

void TestEditCheck::typeString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::addColumn<QString>("message");
    QTest::newRow("plain") << QStringLiteral("STRING") << QStringLiteral("STRING") << QString();
    QTest::newRow("length") << QStringLiteral("STRING(64)") << QStringLiteral("STRING(64)")
                            << QString();
    QTest::newRow("spaces") << QStringLiteral("DECIMAL( 10 , 2 )")
                            << QStringLiteral("DECIMAL(10,2)") << QString();
    QTest::newRow("unsigned") << QStringLiteral("INTEGER.UNSIGNED")
                              << QStringLiteral("INTEGER.UNSIGNED") << QString();
    QTest::newRow("enum") << QStringLiteral("ENUM('a', 'b''c')")
                          << QStringLiteral("ENUM('a','b''c')") << QString();
    QTest::newRow("unknown") << QStringLiteral("VARCHARR") << QString()
                             << QStringLiteral("unknown type \"VARCHARR\"");
    QTest::newRow("lower case") << QStringLiteral("string(64)") << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("enum without values") << QStringLiteral("ENUM") << QString() << QString();
    QTest::newRow("too many args") << QStringLiteral("STRING(1,2)") << QString() << QString();
}

void TestEditCheck::typeString()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, message);
    QString error;
    const std::optional<DataType> t = parseTypeEdit(text, &error);
    if (canonical.isEmpty()) {
        QVERIFY(!t);
        QVERIFY(!error.isEmpty());
        if (!message.isEmpty())
            QCOMPARE(error, message);
        // The reason is the loader's own.
        QString parseError;
        DataType::parse(text, &parseError);
        QCOMPARE(error, parseError);
        return;
    }
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->toString(), canonical);
}

void TestEditCheck::clashFoundInLargeSchema()
{
    Schema schema;
    for (int i = 0; i < 10000; ++i) {
        Model m;
        m.name = QStringLiteral("M%1").arg(i);
        m.attributes.append(attribute(QStringLiteral("a")));
        schema.models.append(m);
    }
    Model after = schema.models[3];
    after.name = QStringLiteral("M9999");
    const Diagnostics d = checkModelEdit(schema, 3, after);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].path, QStringLiteral("models[3].name"));
    QVERIFY2(d[0].message.contains(QLatin1String("models[9999]")), qPrintable(d[0].message));

    Association a;
    a.type = AssociationType::HasMany;
    a.source = QStringLiteral("M17");
    a.target = QStringLiteral("M9998x");
    const Diagnostics da = checkAssociationEdit(schema, -1, a);
    QCOMPARE(da.size(), 1);
    QCOMPARE(da[0].path, QStringLiteral("associations[0].target"));
    QVERIFY2(da[0].message.contains(QLatin1String("did you mean")), qPrintable(da[0].message));
}

QTEST_GUILESS_MAIN(TestEditCheck)
#include "tst_editcheck.moc"
