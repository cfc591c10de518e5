// The association rules the spec marks "verified against Sequelize 6.37.8" that no
// conformance case covers, each with the example the spec gives.

#include "io/schemareader.h"
#include "rules/derive.h"

#include <QTest>

using namespace mc;

namespace {

/// Models are `Name:attr:TYPE,...`-free JSON snippets; this wraps them in a document.
DerivedSchema deriveJson(const char *models, const char *associations)
{
    const QByteArray doc =
        QByteArray("{\"format\": \"modelcanvas/1\", \"options\": {\"underscored\": "
                   "false, \"timestamps\": true, \"freezeTableName\": false}, "
                   "\"models\": [") +
        models + "], \"associations\": [" + associations + "]}";
    const LoadResult r = readSchema(doc);
    if (!r.schema) {
        for (const Diagnostic &d : r.diagnostics)
            qWarning("%s", qPrintable(d.toString()));
        qFatal("test schema does not load");
    }
    return derive(*r.schema);
}

const DerivedColumn &column(const DerivedSchema &d, const QString &table, const QString &col)
{
    const int t = d.tableIndexByName(table);
    if (t < 0)
        qFatal("no table %s", qPrintable(table));
    const int c = d.tables[t].columnIndexByName(col);
    if (c < 0)
        qFatal("no column %s.%s", qPrintable(table), qPrintable(col));
    return d.tables[t].columns[c];
}

QStringList columns(const DerivedSchema &d, const QString &table)
{
    QStringList out;
    for (const DerivedColumn &c : d.tables[d.tableIndexByName(table)].columns)
        out << c.column;
    return out;
}

QStringList accessorsOf(const DerivedSchema &d, const QString &model)
{
    for (const auto &e : d.accessors) {
        if (e.first == model) {
            QStringList s = e.second;
            s.sort();
            return s;
        }
    }
    return {};
}

QString errorOf(const DerivedSchema &d)
{
    return d.error ? d.error->message : QString();
}

} // namespace

class TestDerive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void customPrimaryKeysNameAndTypeTheForeignKey();
    void latinPluralModel();
    void targetKeyDoesNotRenameForeignKey();
    void belongsToManySourceKeyIsPartOfTheName();
    void unknownKeysThrowSequelizesMessage_data();
    void unknownKeysThrowSequelizesMessage();
    void selfBelongsToMany();
    void throughModelWithOwnPrimaryKeyGetsNamedUnique();
    void declaredForeignKeyWithoutAllowNullCascades();
    void firstAssociationFixesTheActions();
    void constraintsFalseIsNotAbsolute();
    void belongsToManyConstraintsFalseIsAbsolute();
    void collapsedAccessorsAndSelfHasMany();
    void namingCollision_data();
    void namingCollision();
    void duplicateAliases();
    void idWithoutPrimaryKey();
    void declaredForeignKeyKeepsItsPosition();
    void junctionInheritsSourceOptionsButGlobalTimestamps();
    void errorStopsLaterAssociations();
    void modelIndexesGetSequelizeNames();
    void objectAliasesNeverCollide();
    void indexFieldsAreColumnsVerbatim();
};

void TestDerive::customPrimaryKeysNameAndTypeTheForeignKey()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "Author", "attributes": [{"name": "authorId", "type": "INTEGER", "primaryKey": true, "autoIncrement": true}]},
           {"name": "Book", "attributes": [{"name": "isbn", "type": "STRING(13)", "primaryKey": true}]},
           {"name": "Review", "attributes": []})j",
        R"j({"type": "hasMany", "source": "Author", "target": "Book"},
           {"type": "belongsTo", "source": "Review", "target": "Book"})j");
    QVERIFY(!d.error);
    QCOMPARE(column(d, QStringLiteral("Books"), QStringLiteral("AuthorAuthorId")).type.toString(),
             QStringLiteral("INTEGER"));
    const DerivedColumn &isbn = column(d, QStringLiteral("Reviews"), QStringLiteral("BookIsbn"));
    QCOMPARE(isbn.type.toString(), QStringLiteral("STRING(13)"));
    QCOMPARE(isbn.refTable, QStringLiteral("Books"));
    QCOMPARE(isbn.refColumn, QStringLiteral("isbn"));
}

void TestDerive::latinPluralModel()
{
    const DerivedSchema d =
        deriveJson(R"j({"name": "Release", "attributes": []}, {"name": "Beta", "attributes": []})j",
                   R"j({"type": "belongsTo", "source": "Release", "target": "Beta"})j");
    QVERIFY(d.tableIndexByName(QStringLiteral("Beta")) >= 0);
    QCOMPARE(column(d, QStringLiteral("Releases"), QStringLiteral("BetumId")).refTable,
             QStringLiteral("Beta"));
    QCOMPARE(accessorsOf(d, QStringLiteral("Release")),
             (QStringList{QStringLiteral("createBetum"), QStringLiteral("getBetum"),
                          QStringLiteral("setBetum")}));
}

void TestDerive::targetKeyDoesNotRenameForeignKey()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "Company", "attributes": [{"name": "code", "type": "STRING(16)", "unique": true}]},
           {"name": "Department", "attributes": []})j",
        R"j({"type": "belongsTo", "source": "Department", "target": "Company", "targetKey": "code"})j");
    const DerivedColumn &fk = column(d, QStringLiteral("Departments"), QStringLiteral("CompanyId"));
    QCOMPARE(fk.type.toString(), QStringLiteral("STRING(16)"));
    QCOMPARE(fk.refTable, QStringLiteral("Companies"));
    QCOMPARE(fk.refColumn, QStringLiteral("code"));
}

void TestDerive::belongsToManySourceKeyIsPartOfTheName()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "Team", "attributes": [{"name": "code", "type": "STRING(8)", "unique": true}]},
           {"name": "Player", "attributes": []})j",
        R"j({"type": "belongsToMany", "source": "Team", "target": "Player", "through": "Rosters", "sourceKey": "code"})j");
    QVERIFY(!d.error);
    QCOMPARE(columns(d, QStringLiteral("Rosters")),
             (QStringList{QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
                          QStringLiteral("TeamCode"), QStringLiteral("PlayerId")}));
    QCOMPARE(column(d, QStringLiteral("Rosters"), QStringLiteral("TeamCode")).refColumn,
             QStringLiteral("code"));
}

void TestDerive::unknownKeysThrowSequelizesMessage_data()
{
    QTest::addColumn<QString>("association");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("path");
    QTest::newRow("belongsTo targetKey")
        << R"j({"type": "belongsTo", "source": "Task", "target": "User", "targetKey": "x"})j"
        << R"j(Unknown attribute "x" passed as targetKey, define this attribute on model "User" first)j"
        << "associations[0].targetKey";
    QTest::newRow("hasOne sourceKey")
        << R"j({"type": "hasOne", "source": "User", "target": "Task", "sourceKey": "x"})j"
        << R"j(Unknown attribute "x" passed as sourceKey, define this attribute on model "User" first)j"
        << "associations[0].sourceKey";
    // Recorded from Sequelize 6.37.8: these fail with a TypeError, not a message of
    // Sequelize's own.
    QTest::newRow("hasMany sourceKey")
        << R"j({"type": "hasMany", "source": "User", "target": "Task", "sourceKey": "nope"})j"
        << "Cannot read properties of undefined (reading 'field')"
        << "associations[0].sourceKey";
    QTest::newRow("belongsToMany targetKey")
        << R"j({"type": "belongsToMany", "source": "User", "target": "Task", "through": "UT", "targetKey": "nope"})j"
        << "Cannot read properties of undefined (reading 'field')"
        << "associations[0].targetKey";
    QTest::newRow("belongsToMany sourceKey")
        << R"j({"type": "belongsToMany", "source": "User", "target": "Task", "through": "UT", "sourceKey": "nope"})j"
        << "Cannot read properties of undefined (reading 'field')"
        << "associations[0].sourceKey";
    QTest::newRow("belongsToMany without through")
        << R"j({"type": "belongsToMany", "source": "User", "target": "Task"})j"
        << "User.belongsToMany(Task) requires through option, pass either a string or a model"
        << "associations[0]";
}

void TestDerive::unknownKeysThrowSequelizesMessage()
{
    QFETCH(QString, association);
    QFETCH(QString, message);
    QFETCH(QString, path);
    const DerivedSchema d =
        deriveJson(R"j({"name": "User", "attributes": []}, {"name": "Task", "attributes": []})j",
                   association.toUtf8().constData());
    QVERIFY(d.error);
    QCOMPARE(d.error->message, message);
    QCOMPARE(d.error->path, path);
    QCOMPARE(d.error->associationIndex, 0);
}

void TestDerive::selfBelongsToMany()
{
    DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []})j",
        R"j({"type": "belongsToMany", "source": "User", "target": "User", "through": "Friendships"})j");
    QCOMPARE(errorOf(d), QStringLiteral("'as' must be defined for many-to-many self-associations"));
    d = deriveJson(
        R"j({"name": "User", "attributes": []})j",
        R"j({"type": "belongsToMany", "source": "User", "target": "User", "through": "Friendships", "as": "Friends"})j");
    QVERIFY(!d.error);
    const DerivedTable &j = d.tables[d.tableIndexByName(QStringLiteral("Friendships"))];
    QCOMPARE(j.primaryKey, (QStringList{QStringLiteral("UserId"), QStringLiteral("FriendId")}));
    QVERIFY(accessorsOf(d, QStringLiteral("User")).contains(QStringLiteral("addFriend")));
}

void TestDerive::throughModelWithOwnPrimaryKeyGetsNamedUnique()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "Student", "attributes": []}, {"name": "Course", "attributes": []},
           {"name": "Enrollment", "attributes": [{"name": "id", "type": "INTEGER", "primaryKey": true, "autoIncrement": true}]})j",
        R"j({"type": "belongsToMany", "source": "Student", "target": "Course", "through": "Enrollment"},
           {"type": "belongsToMany", "source": "Course", "target": "Student", "through": "Enrollment", "onDelete": "RESTRICT"})j");
    QVERIFY(!d.error);
    const DerivedTable &j = d.tables[d.tableIndexByName(QStringLiteral("Enrollments"))];
    QCOMPARE(j.primaryKey, QStringList{QStringLiteral("id")});
    QCOMPARE(j.uniques.size(), 1);
    QCOMPARE(j.uniques[0].name, QStringLiteral("Enrollments_CourseId_StudentId_unique"));
    QCOMPARE(j.uniques[0].columns,
             (QStringList{QStringLiteral("StudentId"), QStringLiteral("CourseId")}));
    QVERIFY(!column(d, QStringLiteral("Enrollments"), QStringLiteral("StudentId")).notNull());
    QCOMPARE(column(d, QStringLiteral("Enrollments"), QStringLiteral("CourseId")).onDelete,
             QStringLiteral("RESTRICT"));
    QCOMPARE(column(d, QStringLiteral("Enrollments"), QStringLiteral("StudentId")).onDelete,
             QStringLiteral("CASCADE"));
}

void TestDerive::declaredForeignKeyWithoutAllowNullCascades()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []}, {"name": "Post", "attributes": [{"name": "UserId", "type": "INTEGER"}]})j",
        R"j({"type": "hasMany", "source": "User", "target": "Post"})j");
    const DerivedColumn &fk = column(d, QStringLiteral("Posts"), QStringLiteral("UserId"));
    QCOMPARE(fk.onDelete, QStringLiteral("CASCADE"));
    QVERIFY(!fk.notNull());
}

void TestDerive::firstAssociationFixesTheActions()
{
    DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []}, {"name": "Post", "attributes": []})j",
        R"j({"type": "hasMany", "source": "User", "target": "Post", "onDelete": "CASCADE"},
                                    {"type": "belongsTo", "source": "Post", "target": "User"})j");
    QCOMPARE(column(d, QStringLiteral("Posts"), QStringLiteral("UserId")).onDelete,
             QStringLiteral("CASCADE"));
    QCOMPARE(columns(d, QStringLiteral("Posts")).count(QStringLiteral("UserId")), 1);
    d = deriveJson(R"j({"name": "Blog", "attributes": []}, {"name": "Post", "attributes": []})j",
                   R"j({"type": "belongsTo", "source": "Post", "target": "Blog"},
                      {"type": "hasMany", "source": "Blog", "target": "Post", "onDelete": "CASCADE"})j");
    QCOMPARE(column(d, QStringLiteral("Posts"), QStringLiteral("BlogId")).onDelete,
             QStringLiteral("SET NULL"));
}

void TestDerive::constraintsFalseIsNotAbsolute()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []}, {"name": "Doc", "attributes": []})j",
        R"j({"type": "belongsTo", "source": "Doc", "target": "User", "as": "Editor", "constraints": false, "onDelete": "cascade"},
           {"type": "belongsTo", "source": "Doc", "target": "User", "as": "Owner", "constraints": false, "foreignKeyConstraint": true},
           {"type": "belongsTo", "source": "Doc", "target": "User", "as": "Viewer", "constraints": false})j");
    const DerivedColumn &editor = column(d, QStringLiteral("Docs"), QStringLiteral("EditorId"));
    QVERIFY(editor.hasReference);
    QCOMPARE(editor.onDelete, QStringLiteral("CASCADE"));
    QCOMPARE(editor.onUpdate, QString());
    const DerivedColumn &owner = column(d, QStringLiteral("Docs"), QStringLiteral("OwnerId"));
    QVERIFY(owner.hasReference);
    QVERIFY(owner.onDelete.isEmpty() && owner.onUpdate.isEmpty());
    QVERIFY(!column(d, QStringLiteral("Docs"), QStringLiteral("ViewerId")).hasReference);
}

void TestDerive::belongsToManyConstraintsFalseIsAbsolute()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []}, {"name": "Group", "attributes": []})j",
        R"j({"type": "belongsToMany", "source": "User", "target": "Group", "through": "UserGroups", "constraints": false, "onDelete": "CASCADE"})j");
    for (const DerivedColumn &c :
         d.tables[d.tableIndexByName(QStringLiteral("UserGroups"))].columns)
        QVERIFY2(!c.hasReference, qPrintable(c.column));
}

void TestDerive::collapsedAccessorsAndSelfHasMany()
{
    DerivedSchema d =
        deriveJson(R"j({"name": "Person", "attributes": []}, {"name": "Sheep", "attributes": []})j",
                   R"j({"type": "hasMany", "source": "Person", "target": "Sheep"})j");
    QCOMPARE(accessorsOf(d, QStringLiteral("Person")),
             (QStringList{QStringLiteral("addSheep"), QStringLiteral("countSheep"),
                          QStringLiteral("createSheep"), QStringLiteral("getSheep"),
                          QStringLiteral("hasSheep"), QStringLiteral("removeSheep"),
                          QStringLiteral("setSheep")}));
    QVERIFY(d.tableIndexByName(QStringLiteral("People")) >= 0);
    d = deriveJson(
        R"j({"name": "Person", "attributes": []})j",
        R"j({"type": "hasMany", "source": "Person", "target": "Person", "as": "Children"})j");
    const QStringList acc = accessorsOf(d, QStringLiteral("Person"));
    for (const char *m : {"getChildren", "addChild", "addChildren", "hasChild", "createChild"})
        QVERIFY2(acc.contains(QLatin1String(m)), m);
    QCOMPARE(column(d, QStringLiteral("People"), QStringLiteral("PersonId")).refTable,
             QStringLiteral("People"));
}

void TestDerive::namingCollision_data()
{
    QTest::addColumn<QString>("models");
    QTest::addColumn<QString>("association");
    QTest::addColumn<QString>("message");
    QTest::newRow("attribute named like the alias")
        << R"j({"name": "Car", "attributes": [{"name": "owner", "type": "STRING"}]}, {"name": "Person", "attributes": []})j"
        << R"j({"type": "belongsTo", "source": "Car", "target": "Person", "as": "owner"})j"
        << "Naming collision between attribute 'owner' and association 'owner' on model Car. To "
           "remedy this, "
           "change either foreignKey or as in your association definition";
    QTest::newRow("foreignKey equal to the alias")
        << R"j({"name": "car", "attributes": []}, {"name": "person", "attributes": []})j"
        << R"j({"type": "belongsTo", "source": "car", "target": "person", "foreignKey": "person"})j"
        << "Naming collision between attribute 'person' and association 'person' on model car. To "
           "remedy "
           "this, change either foreignKey or as in your association definition";
}

void TestDerive::namingCollision()
{
    QFETCH(QString, models);
    QFETCH(QString, association);
    QFETCH(QString, message);
    const DerivedSchema d =
        deriveJson(models.toUtf8().constData(), association.toUtf8().constData());
    QCOMPARE(errorOf(d), message);
}

void TestDerive::duplicateAliases()
{
    DerivedSchema d =
        deriveJson(R"j({"name": "C", "attributes": []}, {"name": "D", "attributes": []})j",
                   R"j({"type": "hasMany", "source": "C", "target": "D"},
                                    {"type": "hasMany", "source": "C", "target": "D", "as": "Ds", "foreignKey": "otherId"})j");
    QCOMPARE(errorOf(d),
             QStringLiteral("You have used the alias Ds in two separate associations. Aliased "
                            "associations must have unique aliases."));
    d = deriveJson(R"j({"name": "C", "attributes": []}, {"name": "D", "attributes": []})j",
                   R"j({"type": "hasMany", "source": "C", "target": "D"},
                      {"type": "hasMany", "source": "C", "target": "D", "foreignKey": "otherId"})j");
    QVERIFY(!d.error);
    QVERIFY(columns(d, QStringLiteral("Ds")).contains(QStringLiteral("CId")));
    QVERIFY(columns(d, QStringLiteral("Ds")).contains(QStringLiteral("otherId")));
}

void TestDerive::idWithoutPrimaryKey()
{
    const DerivedSchema d =
        deriveJson(R"j({"name": "User", "attributes": [{"name": "id", "type": "INTEGER"}]})j", "");
    QCOMPARE(errorOf(d),
             QStringLiteral("A column called 'id' was added to the attributes of 'Users' but not "
                            "marked with 'primaryKey: true'"));
    QCOMPARE(d.error->path, QStringLiteral("models[0].attributes[0]"));
}

void TestDerive::declaredForeignKeyKeepsItsPosition()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []},
           {"name": "Post", "attributes": [{"name": "UserId", "type": "INTEGER"}, {"name": "title", "type": "STRING"}]})j",
        R"j({"type": "belongsTo", "source": "Post", "target": "User"})j");
    QCOMPARE(columns(d, QStringLiteral("Posts")),
             (QStringList{QStringLiteral("id"), QStringLiteral("UserId"), QStringLiteral("title"),
                          QStringLiteral("createdAt"), QStringLiteral("updatedAt")}));
    QCOMPARE(column(d, QStringLiteral("Posts"), QStringLiteral("UserId")).onDelete,
             QStringLiteral("NO ACTION"));
}

void TestDerive::junctionInheritsSourceOptionsButGlobalTimestamps()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "BlogPost", "attributes": [], "options": {"underscored": true, "timestamps": false}},
           {"name": "Tag", "attributes": []})j",
        R"j({"type": "belongsToMany", "source": "BlogPost", "target": "Tag", "through": "PostTags"})j");
    QCOMPARE(columns(d, QStringLiteral("PostTags")),
             (QStringList{QStringLiteral("created_at"), QStringLiteral("updated_at"),
                          QStringLiteral("blog_post_id"), QStringLiteral("tag_id")}));
    QCOMPARE(columns(d, QStringLiteral("blog_posts")), QStringList{QStringLiteral("id")});
}

void TestDerive::errorStopsLaterAssociations()
{
    const DerivedSchema d =
        deriveJson(R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": []})j",
                   R"j({"type": "hasMany", "source": "User", "target": "Picture", "as": "Photos"},
           {"type": "hasMany", "source": "User", "target": "Picture", "as": "Photos"},
           {"type": "belongsTo", "source": "Picture", "target": "User"})j");
    QVERIFY(d.error);
    QCOMPARE(d.error->associationIndex, 1);
    QVERIFY(d.associations[0].applied);
    QVERIFY(!d.associations[2].applied);
    QVERIFY(accessorsOf(d, QStringLiteral("User")).contains(QStringLiteral("getPhotos")));
    QVERIFY(accessorsOf(d, QStringLiteral("Picture")).isEmpty());
}

void TestDerive::modelIndexesGetSequelizeNames()
{
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []},
           {"name": "Picture", "attributes": [{"name": "format", "type": "STRING"}, {"name": "takenAt", "type": "DATE"}],
            "indexes": [{"fields": ["UserId"]}, {"fields": ["format", "takenAt"], "unique": true}, {"fields": ["format"], "name": "by_format"}]})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture"})j");
    const DerivedTable &t = d.tables[d.tableIndexByName(QStringLiteral("Pictures"))];
    QCOMPARE(t.indexes.size(), 3);
    QCOMPARE(t.indexes[0].name, QStringLiteral("pictures__user_id"));
    QCOMPARE(t.indexes[1].name, QStringLiteral("pictures_format_taken_at"));
    QVERIFY(t.indexes[1].unique);
    QCOMPARE(t.indexes[2].name, QStringLiteral("by_format"));
}

void TestDerive::objectAliasesNeverCollide()
{
    // Recorded from Sequelize 6.37.8: hasAlias() is given the object itself, so
    // repeating an object alias is accepted (only the later one is kept).
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": []})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture", "as": {"singular": "Pic", "plural": "Pics"}},
           {"type": "hasMany", "source": "User", "target": "Picture", "as": {"singular": "Pic", "plural": "Pics"}, "foreignKey": "x"})j");
    QVERIFY(!d.error);
    QCOMPARE(
        columns(d, QStringLiteral("Pictures")),
        (QStringList{QStringLiteral("id"), QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
                     QStringLiteral("UserId"), QStringLiteral("x")}));
}

void TestDerive::indexFieldsAreColumnsVerbatim()
{
    // Recorded from Sequelize 6.37.8: with underscored, fields: ['UserId'] is sent as
    // is and sync() fails with "no such column: UserId".
    const DerivedSchema d = deriveJson(
        R"j({"name": "User", "attributes": []},
           {"name": "Picture", "attributes": [], "options": {"underscored": true}, "indexes": [{"fields": ["UserId"]}]})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture"})j");
    const DerivedTable &t = d.tables[d.tableIndexByName(QStringLiteral("pictures"))];
    QCOMPARE(t.indexes[0].columns, QStringList{QStringLiteral("UserId")});
    QVERIFY(t.columnIndexByName(QStringLiteral("user_id")) >= 0);
}

QTEST_GUILESS_MAIN(TestDerive)
#include "tst_derive.moc"
