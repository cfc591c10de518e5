// check's lint: what Sequelize accepts but users regret.

#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/incremental.h"
#include "rules/lint.h"

#include <QTest>

using namespace mc;

namespace {

Diagnostics lint(const char *models, const char *associations)
{
    const QByteArray doc = QByteArray("{\"format\": \"modelcanvas/1\", \"models\": [") + models +
                           "], \"associations\": [" + associations + "]}";
    const LoadResult r = readSchema(doc);
    if (!r.schema)
        qFatal("test schema does not load");
    const DerivedSchema d = derive(*r.schema);
    return checkSchema(*r.schema, d, analyse(d), false);
}

QStringList texts(const Diagnostics &ds)
{
    QStringList out;
    for (const Diagnostic &d : ds)
        out << severityName(d.severity) + QLatin1String(": ") + d.toString();
    return out;
}

bool anyContains(const Diagnostics &ds, const QString &needle)
{
    return texts(ds).join(QLatin1Char('\n')).contains(needle);
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unindexedForeignKeyOffersTheIndex();
    void declaredIndexSilencesIt();
    void junctionSecondKeyIsUnindexed();
    void shadowedAccessorNamesTheClaimant();
    void indexOnAttributeNameOfUnderscoredModel();
    void sharedTableName();
    void junctionKeysInACycleLoseTheirForeignKeys();
    void problemsKeptAcrossEditsFollowThem();
    void problemsFollowRemovalsInTheMiddle();
};

void TestLint::unindexedForeignKeyOffersTheIndex()
{
    const Diagnostics ds =
        lint(R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": []})j",
             R"j({"type": "hasMany", "source": "User", "target": "Picture"})j");
    QVERIFY2(
        anyContains(ds, QStringLiteral(
                            "warning: models[1]: foreign key column Pictures.UserId has no index")),
        qPrintable(texts(ds).join(QLatin1Char('\n'))));
    QVERIFY(anyContains(ds, QStringLiteral("add {\"fields\": [\"UserId\"]} to models[1].indexes")));
}

void TestLint::declaredIndexSilencesIt()
{
    const Diagnostics ds = lint(
        R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": [], "indexes": [{"fields": ["UserId"]}]})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture"})j");
    QVERIFY2(ds.isEmpty(), qPrintable(texts(ds).join(QLatin1Char('\n'))));
}

void TestLint::junctionSecondKeyIsUnindexed()
{
    // The composite primary key (UserId, ProjectId) serves lookups by UserId only.
    const Diagnostics ds = lint(
        R"j({"name": "User", "attributes": []}, {"name": "Project", "attributes": []})j",
        R"j({"type": "belongsToMany", "source": "User", "target": "Project", "through": "UserProjects"})j");
    QVERIFY(anyContains(ds, QStringLiteral("UserProjects.ProjectId has no index")));
    QVERIFY(!anyContains(ds, QStringLiteral("UserProjects.UserId has no index")));
}

void TestLint::shadowedAccessorNamesTheClaimant()
{
    const Diagnostics ds = lint(
        R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": [], "indexes": [{"fields": ["UserId"]}, {"fields": ["ownerId"]}]})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture"},
           {"type": "hasMany", "source": "User", "target": "Picture", "as": {"singular": "Picture", "plural": "Photos"}, "foreignKey": "ownerId"})j");
    QVERIFY2(anyContains(
                 ds, QStringLiteral("associations[1].as: accessor User.addPicture() of "
                                    "User.hasMany(Picture, as {Picture, Photos}) is not defined: "
                                    "associations[0] (User.hasMany(Picture)) already defines it")),
             qPrintable(texts(ds).join(QLatin1Char('\n'))));
}

void TestLint::indexOnAttributeNameOfUnderscoredModel()
{
    const Diagnostics ds = lint(
        R"j({"name": "User", "attributes": []},
           {"name": "Picture", "attributes": [], "options": {"underscored": true}, "indexes": [{"fields": ["UserId"]}]})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture"})j");
    QVERIFY2(
        anyContains(
            ds, QStringLiteral("error: models[1].indexes[0].fields: index pictures__user_id names "
                               "UserId, which is no column of pictures")),
        qPrintable(texts(ds).join(QLatin1Char('\n'))));
    QVERIFY(anyContains(ds, QStringLiteral("stored in column user_id")));
}

void TestLint::sharedTableName()
{
    const Diagnostics ds = lint(
        R"j({"name": "User", "attributes": []}, {"name": "Member", "tableName": "Users", "attributes": []})j",
        "");
    QVERIFY(anyContains(ds, QStringLiteral("models User and Member share the table Users")));
}

void TestLint::junctionKeysInACycleLoseTheirForeignKeys()
{
    const char *models =
        R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": []},
                             {"name": "Tag", "attributes": []})j";
    const char *btm =
        R"j({"type": "belongsToMany", "source": "Picture", "target": "Tag", "through": "PictureTags"})j";
    const QByteArray cyclic =
        QByteArray(R"j({"type": "hasMany", "source": "User", "target": "Picture"},
        {"type": "belongsTo", "source": "User", "target": "Picture", "as": "Avatar"}, )j") +
        btm;
    const Diagnostics ds = lint(models, cyclic.constData());
    QVERIFY2(anyContains(ds, QStringLiteral("associations[2]: PictureTags.PictureId gets no "
                                            "foreign key on PostgreSQL and MySQL")),
             qPrintable(texts(ds).join(QLatin1Char('\n'))));
    QVERIFY(anyContains(ds, QStringLiteral("PictureTags.TagId gets no foreign key")));
    // Without the cycle nothing is skipped.
    const QByteArray acyclic =
        QByteArray(R"j({"type": "hasMany", "source": "User", "target": "Picture"}, )j") + btm;
    QVERIFY(!anyContains(lint(models, acyclic.constData()), QStringLiteral("gets no foreign key")));
}

void TestLint::problemsKeptAcrossEditsFollowThem()
{
    // The editor keeps its problems with Lint across edits; after each one they are
    // what checkSchema() finds, including paths that moved with an insertion.
    const QByteArray doc = R"j({"format": "modelcanvas/1", "models": [
        {"name": "User", "attributes": []}, {"name": "Picture", "attributes": []},
        {"name": "Tag", "attributes": []}], "associations": [
        {"type": "hasMany", "source": "User", "target": "Picture"},
        {"type": "hasMany", "source": "User", "target": "Picture", "as": {"singular": "Picture", "plural": "Photos"}, "foreignKey": "ownerId"},
        {"type": "belongsTo", "source": "User", "target": "Picture", "as": "Avatar"},
        {"type": "belongsToMany", "source": "Picture", "target": "Tag", "through": "PictureTags"}]})j";
    Schema schema = *readSchema(doc).schema;
    IncrementalDerivation inc(schema);
    Lint kept;
    kept.reset(schema, inc.derived(), analyse(inc.derived()), false);
    auto check = [&] {
        const Analysis a = analyse(inc.derived());
        kept.update(schema, inc.derived(), a, false, inc.lastRebuiltTables());
        QCOMPARE(texts(kept.problems()), texts(checkSchema(schema, inc.derived(), a, false)));
    };
    QVERIFY(anyContains(kept.problems(),
                        QStringLiteral("associations[1].as: accessor User.addPicture()")));
    // An association inserted first moves the others: their problems follow.
    Association tagged;
    tagged.type = AssociationType::HasMany;
    tagged.source = QStringLiteral("Tag");
    tagged.target = QStringLiteral("User");
    schema.associations.prepend(tagged);
    inc.associationInserted(schema, 0);
    check();
    QVERIFY(anyContains(kept.problems(),
                        QStringLiteral("associations[2].as: accessor User.addPicture() "
                                       "of User.hasMany(Picture, as {Picture, "
                                       "Photos}) is not defined: associations[1]")));
    QVERIFY(anyContains(kept.problems(),
                        QStringLiteral("associations[4]: PictureTags.PictureId gets no")));
    // An index on Picture silences its foreign keys; the rest stays.
    Model before = schema.models[1];
    schema.models[1].indexes =
        QVector<IndexSpec>{IndexSpec{{QStringLiteral("UserId")}, {}, {}, {}}};
    inc.modelChanged(schema, 1, before);
    check();
    QVERIFY(!anyContains(kept.problems(), QStringLiteral("Pictures.UserId has no index")));
    QVERIFY(anyContains(kept.problems(), QStringLiteral("Pictures.ownerId has no index")));
    // A model inserted first moves every model path.
    Model first;
    first.name = QStringLiteral("Album");
    schema.models.prepend(first);
    inc.modelInserted(schema, 0);
    check();
    QVERIFY(anyContains(kept.problems(), QStringLiteral("to models[2].indexes")));
    // Breaking the cycle drops the keys it cost.
    const Association avatar = schema.associations.takeAt(3);
    inc.associationRemoved(schema, 3, avatar);
    check();
    QVERIFY(!anyContains(kept.problems(), QStringLiteral("gets no foreign key")));
}

void TestLint::problemsFollowRemovalsInTheMiddle()
{
    // Deleting in the middle moves the problems after it: their paths, the index
    // of the association that claimed a name first, and the model in the fix.
    const QByteArray doc = R"j({"format": "modelcanvas/1", "models": [
        {"name": "Tag", "attributes": []}, {"name": "User", "attributes": []},
        {"name": "Album", "attributes": []}, {"name": "Picture", "attributes": []},
        {"name": "Comment", "attributes": []}], "associations": [
        {"type": "hasMany", "source": "Tag", "target": "Album"},
        {"type": "hasMany", "source": "User", "target": "Picture"},
        {"type": "hasMany", "source": "User", "target": "Picture", "foreignKey": "ownerId"},
        {"type": "hasMany", "source": "Album", "target": "Comment"},
        {"type": "hasMany", "source": "Picture", "target": "Comment"},
        {"type": "belongsTo", "source": "Comment", "target": "Album", "as": "Cover"}]})j";
    Schema schema = *readSchema(doc).schema;
    IncrementalDerivation inc(schema);
    Lint kept;
    kept.reset(schema, inc.derived(), analyse(inc.derived()), false);
    auto check = [&] {
        const Analysis a = analyse(inc.derived());
        kept.update(schema, inc.derived(), a, false, inc.lastRebuiltTables());
        QCOMPARE(texts(kept.problems()), texts(checkSchema(schema, inc.derived(), a, false)));
    };
    QVERIFY(anyContains(kept.problems(), QStringLiteral("associations[2].as: accessor User.")));
    const Association first = schema.associations.takeFirst();
    inc.associationRemoved(schema, 0, first);
    check();
    QVERIFY(anyContains(kept.problems(), QStringLiteral("is not defined: associations[0] "
                                                        "(User.hasMany(Picture)) already")));
    QVERIFY(anyContains(kept.problems(), QStringLiteral("associations[1].as: accessor User.")));
    // Album with its associations, as the editor deletes it: one update.
    for (int i = schema.associations.size() - 1; i >= 0; --i) {
        const Association &a = schema.associations[i];
        if (a.source != QLatin1String("Album") && a.target != QLatin1String("Album"))
            continue;
        const Association removed = schema.associations.takeAt(i);
        inc.associationRemoved(schema, i, removed);
    }
    const Model album = schema.models.takeAt(2);
    inc.modelRemoved(schema, 2, album);
    check();
    QVERIFY(anyContains(kept.problems(), QStringLiteral("to models[2].indexes")));
    QVERIFY(!anyContains(kept.problems(), QStringLiteral("Albums")));
    // A rename that changes no message, then a model inserted before it.
    Model before = schema.models[1];
    schema.models[1].name = QStringLiteral("Person");
    inc.modelChanged(schema, 1, before);
    for (int i = 0; i < schema.associations.size(); ++i) {
        Association &a = schema.associations[i];
        const Association was = a;
        if (a.source == QLatin1String("User"))
            a.source = QStringLiteral("Person");
        if (a.target == QLatin1String("User"))
            a.target = QStringLiteral("Person");
        inc.associationChanged(schema, i, was);
    }
    check();
    schema.models.insert(1, album);
    inc.modelInserted(schema, 1);
    check();
    QVERIFY(anyContains(kept.problems(), QStringLiteral("to models[3].indexes")));
}

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
