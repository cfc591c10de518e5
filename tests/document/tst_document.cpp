// The Document and its commands: every command kind applies, undoes and redoes to
// exactly the same saved file and the same derived schema; ids survive renames,
// reordering, undo and redo; the document knows when it is modified.

#include "commands/commands.h"
#include "document/document.h"
#include "io/schemareader.h"
#include "io/schemawriter.h"
#include "rules/lint.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace mc;

namespace {

Schema example()
{
    LoadResult r = readSchemaFile(QStringLiteral(MC_EXAMPLE));
    if (!r.schema)
        qFatal("cannot read the example");
    return *r.schema;
}

/// Everything a user can observe of a document: the file it saves, what Sequelize
/// derives from it, the creation order, the cycles and the problems.
QString state(const Document &d)
{
    QStringList out;
    out << QString::fromUtf8(writeSchema(d.schema()));
    for (const DerivedTable &t : d.derived().tables) {
        QStringList cols;
        for (const DerivedColumn &c : t.columns)
            cols << c.column + QLatin1Char(':') + c.type.toString() + QLatin1Char(':') +
                        c.refTable + QLatin1Char(':') + c.onDelete;
        out << t.table + QLatin1String(": ") + cols.join(QLatin1Char(' '));
    }
    for (const auto &a : d.derived().accessors)
        out << a.first + QLatin1String(" -> ") + a.second.join(QLatin1Char(' '));
    out << QStringLiteral("error: ") + (d.derived().error ? d.derived().error->message : QString());
    out << QStringLiteral("order: ") + d.analysis().order.join(QLatin1Char(' '));
    out << QStringLiteral("cycles: %1").arg(d.analysis().cycles.size());
    for (const Diagnostic &p : d.problems())
        out << p.toString();
    return out.join(QLatin1Char('\n'));
}

/// The example with both User/Picture associations creating constraints: a cycle.
Schema seedCycle()
{
    Schema s = example();
    s.associations[1].constraints.reset();
    return s;
}

Association hasMany(const QString &source, const QString &target)
{
    Association a;
    a.type = AssociationType::HasMany;
    a.source = source;
    a.target = target;
    return a;
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void undoRedoRoundTrip_data();
    void undoRedoRoundTrip();
    void renameRewritesAssociations();
    void idsSurviveUndoRedoAndReordering();
    void typingMergesIntoOneStep();
    void modifiedFollowsUndoToTheSavedPoint();
    void saveAndReloadGiveTheSameDocument();
    void cycleAppearsAndItsFixClearsIt();
    void signalsNameWhatChanged();
    void pasteRenamesAndKeepsAssociationsAmongCopies();
    void deleteOneModelTakesItsAssociationsInOneStep();
    void modelEditsNameOnlyTheTablesTheyRebuild();
};

using MakeCommand = std::function<QUndoCommand *(Document *)>;
Q_DECLARE_METATYPE(MakeCommand)

void TestDocument::undoRedoRoundTrip_data()
{
    QTest::addColumn<MakeCommand>("make");
    auto user = [](Document *d) { return d->modelIdByName(QStringLiteral("User")); };
    auto picture = [](Document *d) { return d->modelIdByName(QStringLiteral("Picture")); };
    QTest::newRow("add model") << MakeCommand(
        [](Document *d) { return addModelCommand(d, QPointF(10, 20)); });
    QTest::newRow("add association") << MakeCommand([](Document *d) {
        return addAssociationCommand(d, hasMany(QStringLiteral("Picture"), QStringLiteral("User")));
    });
    QTest::newRow("delete model") << MakeCommand(
        [=](Document *d) { return deleteCommand(d, {user(d)}, {}); });
    QTest::newRow("delete association")
        << MakeCommand([](Document *d) { return deleteCommand(d, {}, {d->associationIdAt(0)}); });
    QTest::newRow("rename model") << MakeCommand(
        [=](Document *d) { return renameModelCommand(d, picture(d), QStringLiteral("Photo")); });
    QTest::newRow("set attribute type") << MakeCommand([=](Document *d) {
        Model m = *d->model(user(d));
        m.attributes[0].type = DataType::parse(QStringLiteral("STRING(40)"));
        return setModelCommand(d, user(d), m, QStringLiteral("type"));
    });
    QTest::newRow("add attribute") << MakeCommand([=](Document *d) {
        Model m = *d->model(picture(d));
        Attribute a;
        a.name = QStringLiteral("width");
        a.type = DataType::parse(QStringLiteral("INTEGER"));
        a.allowNull = false;
        m.attributes << a;
        return setModelCommand(d, picture(d), m, QStringLiteral("attribute"));
    });
    QTest::newRow("table name") << MakeCommand([=](Document *d) {
        Model m = *d->model(user(d));
        m.tableName = QStringLiteral("people");
        return setModelCommand(d, user(d), m, QStringLiteral("table"));
    });
    QTest::newRow("association alias") << MakeCommand([](Document *d) {
        Association a = *d->association(d->associationIdAt(0));
        a.as.kind = AliasSpec::Kind::String;
        a.as.name = QStringLiteral("Photos");
        return setAssociationCommand(d, d->associationIdAt(0), a, QStringLiteral("as"));
    });
    QTest::newRow("association type") << MakeCommand([](Document *d) {
        Association a = *d->association(d->associationIdAt(0));
        a.type = AssociationType::HasOne;
        return setAssociationCommand(d, d->associationIdAt(0), a, QStringLiteral("type"));
    });
    QTest::newRow("global options") << MakeCommand([](Document *d) {
        ModelOptions o = d->schema().options;
        o.underscored = true;
        return setGlobalOptionsCommand(d, o, true);
    });
    QTest::newRow("move") << MakeCommand([=](Document *d) {
        return moveCommand(d, {{user(d), d->model(user(d))->position}},
                           {{user(d), QPointF(300, 400)}}, QStringLiteral("Move"));
    });
    QTest::newRow("paste") << MakeCommand([=](Document *d) {
        return pasteCommand(d, copyModels(*d, {user(d), picture(d)}), QPointF(50, 50));
    });
    QTest::newRow("duplicate") << MakeCommand(
        [=](Document *d) { return duplicateCommand(d, {picture(d)}); });
    QTest::newRow("constraints false fix") << MakeCommand(
        [](Document *d) { return constraintsFalseCommand(d, d->associationIdAt(0)); });
    QTest::newRow("add index fix") << MakeCommand(
        [=](Document *d) { return addIndexCommand(d, picture(d), {QStringLiteral("UserId")}); });
}

void TestDocument::undoRedoRoundTrip()
{
    QFETCH(MakeCommand, make);
    Document doc;
    doc.reset(seedCycle());
    const QString before = state(doc);
    QUndoCommand *cmd = make(&doc);
    QVERIFY(cmd);
    doc.undoStack()->push(cmd);
    const QString after = state(doc);
    QVERIFY2(after != before, "the command changed nothing");
    for (int round = 0; round < 2; ++round) {
        doc.undoStack()->undo();
        QCOMPARE(state(doc), before);
        doc.undoStack()->redo();
        QCOMPARE(state(doc), after);
    }
    // A fresh document of the edited schema derives exactly the same.
    Document fresh;
    fresh.reset(doc.schema());
    QCOMPARE(state(fresh), after);
}

void TestDocument::renameRewritesAssociations()
{
    Document doc;
    doc.reset(example());
    const ModelId user = doc.modelIdByName(QStringLiteral("User"));
    doc.undoStack()->push(renameModelCommand(&doc, user, QStringLiteral("Person")));
    QCOMPARE(doc.model(user)->name, QStringLiteral("Person"));
    for (const Association &a : doc.schema().associations)
        QCOMPARE(a.source, QStringLiteral("Person"));
    QVERIFY(!doc.derived().error);
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(doc.derived().tableIndexByName(QStringLiteral("People")) >= 0);
    doc.undoStack()->undo();
    QCOMPARE(doc.schema().associations[0].source, QStringLiteral("User"));
}

void TestDocument::idsSurviveUndoRedoAndReordering()
{
    Document doc;
    doc.reset(example());
    const ModelId user = doc.modelIdByName(QStringLiteral("User"));
    const ModelId picture = doc.modelIdByName(QStringLiteral("Picture"));
    const AssociationId second = doc.associationIdAt(1);
    // Deleting User (and its two associations) and undoing it puts everything back
    // in the same order under the same ids.
    doc.undoStack()->push(deleteCommand(&doc, {user}, {}));
    QVERIFY(!doc.model(user));
    QCOMPARE(doc.indexOfModel(picture), 0);
    QCOMPARE(doc.associationCount(), 0);
    doc.undoStack()->undo();
    QCOMPARE(doc.indexOfModel(user), 0);
    QCOMPARE(doc.indexOfModel(picture), 1);
    QCOMPARE(doc.indexOfAssociation(second), 1);
    QCOMPARE(doc.association(second)->as.name, QStringLiteral("ProfilePicture"));
    doc.undoStack()->push(renameModelCommand(&doc, user, QStringLiteral("Person")));
    doc.undoStack()->undo();
    doc.undoStack()->redo();
    QCOMPARE(doc.model(user)->name, QStringLiteral("Person"));
    QCOMPARE(doc.modelIdByName(QStringLiteral("Person")), user);
}

void TestDocument::typingMergesIntoOneStep()
{
    Document doc;
    doc.reset(example());
    const ModelId user = doc.modelIdByName(QStringLiteral("User"));
    const QString key = QStringLiteral("model:%1:name").arg(user);
    for (const QString &name : {QStringLiteral("P"), QStringLiteral("Pe"), QStringLiteral("Per")}) {
        Model m = *doc.model(user);
        m.name = name;
        doc.undoStack()->push(setModelCommand(&doc, user, m, QStringLiteral("Rename"), key));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.schema().associations[0].source, QStringLiteral("Per"));
    doc.undoStack()->undo();
    QCOMPARE(doc.model(user)->name, QStringLiteral("User"));
    QCOMPARE(doc.schema().associations[0].source, QStringLiteral("User"));
    QCOMPARE(doc.schema().associations[1].source, QStringLiteral("User"));
}

void TestDocument::modifiedFollowsUndoToTheSavedPoint()
{
    QTemporaryDir dir;
    Document doc;
    doc.reset(example());
    QSignalSpy modified(&doc, &Document::modifiedChanged);
    QVERIFY(!doc.isModified());
    doc.undoStack()->push(addModelCommand(&doc, QPointF()));
    QVERIFY(doc.isModified());
    QCOMPARE(modified.size(), 1);
    QVERIFY(doc.save(dir.filePath(QStringLiteral("a.json"))));
    QVERIFY(!doc.isModified());
    doc.undoStack()->undo();
    QVERIFY(doc.isModified());
    doc.undoStack()->redo();
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.path(), dir.filePath(QStringLiteral("a.json")));
}

void TestDocument::saveAndReloadGiveTheSameDocument()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("design.json"));
    Document doc;
    doc.reset(example());
    doc.undoStack()->push(
        addAssociationCommand(&doc, hasMany(QStringLiteral("Picture"), QStringLiteral("User"))));
    QVERIFY(doc.save(path));
    Document reopened;
    Diagnostics problems;
    QVERIFY(reopened.load(path, &problems));
    QCOMPARE(state(reopened), state(doc));
    QCOMPARE(reopened.path(), path);
    // A failed load changes nothing.
    QVERIFY(!reopened.load(dir.filePath(QStringLiteral("missing.json")), &problems));
    QVERIFY(hasErrors(problems));
    QCOMPARE(state(reopened), state(doc));
}

void TestDocument::cycleAppearsAndItsFixClearsIt()
{
    Document doc;
    Schema s = example();
    const Association profile = s.associations.takeLast();
    doc.reset(s);
    QVERIFY(doc.analysis().cycles.isEmpty());
    Association withConstraints = profile;
    withConstraints.constraints.reset();
    doc.undoStack()->push(addAssociationCommand(&doc, withConstraints));
    QCOMPARE(doc.analysis().cycles.size(), 1);
    QVERIFY(doc.analysis().toposortError.contains(QStringLiteral("Cyclic dependency found")));
    QVERIFY(!doc.problems().isEmpty());
    doc.undoStack()->push(constraintsFalseCommand(&doc, doc.associationIdAt(1)));
    QVERIFY(doc.analysis().cycles.isEmpty());
    QVERIFY(doc.analysis().toposortError.isEmpty());
    doc.undoStack()->undo();
    QCOMPARE(doc.analysis().cycles.size(), 1);
}

void TestDocument::signalsNameWhatChanged()
{
    Document doc;
    doc.reset(example());
    QSignalSpy added(&doc, &Document::associationAdded);
    QSignalSpy derived(&doc, &Document::derivedChanged);
    QSignalSpy analysis(&doc, &Document::analysisChanged);
    QSignalSpy moved(&doc, &Document::positionsChanged);
    doc.undoStack()->push(
        addAssociationCommand(&doc, hasMany(QStringLiteral("Picture"), QStringLiteral("User"))));
    QCOMPARE(added.size(), 1);
    QCOMPARE(added[0][0].value<AssociationId>(), doc.associationIdAt(2));
    QCOMPARE(derived.size(), 1);
    QCOMPARE(analysis.size(), 1);
    // The derived column landed on the User table, and that table is named.
    const int users = doc.tableOf(doc.modelIdByName(QStringLiteral("User")));
    QVERIFY(doc.derived().tables[users].columnIndexByName(QStringLiteral("PictureId")) >= 0);
    if (!derived[0][1].toBool())
        QVERIFY(derived[0][0].value<QVector<int>>().contains(users));
    // A move re-derives nothing.
    const ModelId user = doc.modelIdByName(QStringLiteral("User"));
    doc.undoStack()->push(
        moveCommand(&doc, {{user, QPointF()}}, {{user, QPointF(5, 5)}}, QStringLiteral("Move")));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(derived.size(), 1);
}

void TestDocument::pasteRenamesAndKeepsAssociationsAmongCopies()
{
    Document doc;
    doc.reset(example());
    const QVector<ModelId> both{doc.modelIdByName(QStringLiteral("User")),
                                doc.modelIdByName(QStringLiteral("Picture"))};
    EditCommand *cmd = pasteCommand(&doc, copyModels(doc, both), QPointF(100, 0));
    QVERIFY(cmd);
    doc.undoStack()->push(cmd);
    QCOMPARE(doc.modelCount(), 4);
    QVERIFY(doc.modelIdByName(QStringLiteral("User2")));
    QVERIFY(doc.modelIdByName(QStringLiteral("Picture2")));
    QCOMPARE(doc.associationCount(), 4);
    QCOMPARE(doc.schema().associations[2].source, QStringLiteral("User2"));
    QCOMPARE(doc.schema().associations[2].target, QStringLiteral("Picture2"));
    QCOMPARE(doc.model(doc.modelIdByName(QStringLiteral("Picture2")))->position, QPointF(540, 0));
    QVERIFY(!doc.derived().error);
    QString error;
    QVERIFY(!pasteCommand(&doc, QByteArray("{not json"), QPointF(), &error));
    QVERIFY(!error.isEmpty());
}

void TestDocument::deleteOneModelTakesItsAssociationsInOneStep()
{
    Document doc;
    doc.reset(example());
    doc.undoStack()->push(deleteCommand(&doc, {doc.modelIdByName(QStringLiteral("Picture"))}, {}));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.modelCount(), 1);
    QCOMPARE(doc.associationCount(), 0);
    QVERIFY(!doc.derived().error);
}

void TestDocument::modelEditsNameOnlyTheTablesTheyRebuild()
{
    Document doc;
    doc.reset(example());
    QSignalSpy derived(&doc, &Document::derivedChanged);
    const ModelId picture = doc.modelIdByName(QStringLiteral("Picture"));
    Model m = *doc.model(picture);
    m.attributes[0].comment = QStringLiteral("jpeg, png or gif");
    doc.undoStack()->push(setModelCommand(&doc, picture, m, QStringLiteral("comment")));
    QCOMPARE(derived.size(), 1);
    QCOMPARE(derived[0][1].toBool(), false); // incremental
    QCOMPARE(derived[0][0].value<QVector<int>>(), QVector<int>{doc.tableOf(picture)});
    const DerivedTable &pictures = doc.derived().tables[doc.tableOf(picture)];
    QCOMPARE(pictures.columns[pictures.columnIndexByName(QStringLiteral("format"))].comment,
             QStringLiteral("jpeg, png or gif"));
    // A rename changes what the other end reads (the FK's name): both tables.
    doc.undoStack()->push(renameModelCommand(&doc, picture, QStringLiteral("Photo")));
    QCOMPARE(derived.size(), 2);
    QCOMPARE(derived[1][1].toBool(), false);
    const QVector<int> rebuilt = derived[1][0].value<QVector<int>>();
    QVERIFY(rebuilt.contains(doc.tableOf(picture)));
    QVERIFY(rebuilt.contains(doc.tableOf(doc.modelIdByName(QStringLiteral("User")))));
    const int users = doc.tableOf(doc.modelIdByName(QStringLiteral("User")));
    QVERIFY(doc.derived().tables[users].columnIndexByName(QStringLiteral("ProfilePictureId")) >= 0);
    QVERIFY(doc.derived().tables[doc.tableOf(picture)].columnIndexByName(
                QStringLiteral("UserId")) >= 0);
    QCOMPARE(doc.derived().tables[doc.tableOf(picture)].table, QStringLiteral("Photos"));
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
