// What assistive technology sees of the diagram, and a large schema opening with
// every node and edge present.
#include "canvastestutil.h"

#include "commands/commands.h"

#include <QAccessible>
#include <QUndoStack>

using namespace mc;
using canvastest::Canvas;
using canvastest::schemaFromJson;

namespace {

Schema example()
{
    LoadResult r = readSchemaFile(QStringLiteral(MC_EXAMPLES "/users-pictures.json"));
    if (!r.ok())
        qFatal("example does not load");
    return *r.schema;
}

QStringList childNames(QAccessibleInterface *view)
{
    QStringList names;
    for (int i = 0; i < view->childCount(); ++i)
        names << view->child(i)->text(QAccessible::Name);
    return names;
}

} // namespace

class TestCanvasAccessible : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void viewListsNodesAndEdges();
    void itemsReportBoundsSelectionAndCycles();
    void childrenFollowEdits();
    void largeSchemaOpensWithEveryItem();
};

void TestCanvasAccessible::viewListsNodesAndEdges()
{
    Canvas c(example());
    QAccessibleInterface *view = QAccessible::queryAccessibleInterface(c.view.get());
    QVERIFY(view);
    QCOMPARE(view->role(), QAccessible::Canvas);
    QCOMPARE(view->text(QAccessible::Name), QStringLiteral("Diagram"));
    QCOMPARE(view->childCount(), 4);
    QCOMPARE(childNames(view),
             (QStringList{QStringLiteral("model User"), QStringLiteral("model Picture"),
                          QStringLiteral("User hasMany Picture (Pictures)"),
                          QStringLiteral("User belongsTo Picture (ProfilePicture)")}));
    for (int i = 0; i < view->childCount(); ++i) {
        QAccessibleInterface *child = view->child(i);
        QCOMPARE(view->indexOfChild(child), i);
        QCOMPARE(child->parent(), view);
        QCOMPARE(child->role(), i < 2 ? QAccessible::Graphic : QAccessible::Link);
    }
    QVERIFY(view->child(2)->text(QAccessible::Description).contains(QStringLiteral("getPictures")));
}

void TestCanvasAccessible::itemsReportBoundsSelectionAndCycles()
{
    Canvas c(example());
    QAccessibleInterface *view = QAccessible::queryAccessibleInterface(c.view.get());
    QAccessibleInterface *user = view->child(0);
    // Bounds in screen coordinates, where the node is drawn.
    ModelNodeItem *node = c.node(QStringLiteral("User"));
    const QPoint centre = c.viewport()->mapToGlobal(c.centreOf(QStringLiteral("User")));
    QVERIFY(user->rect().contains(centre));
    QCOMPARE(view->childAt(centre.x(), centre.y()), user);
    QVERIFY(!user->state().selected);
    QVERIFY(user->state().selectable);
    c.scene->selectItems({node->id()}, {});
    QVERIFY(user->state().selected);
    QVERIFY(!user->text(QAccessible::Description).contains(QStringLiteral("cycle")));

    // Dropping constraints: false from the second association makes a cycle: the
    // description says so (Qt has no accessible warning state).
    const AssociationId profile = c.document.associationIdAt(1);
    Association a = *c.document.association(profile);
    a.constraints.reset();
    c.document.undoStack()->push(
        setAssociationCommand(&c.document, profile, a, QStringLiteral("x")));
    QVERIFY(user->text(QAccessible::Description).contains(QStringLiteral("cycle")));
    QVERIFY(view->child(3)->text(QAccessible::Description).contains(QStringLiteral("cycle")));
}

void TestCanvasAccessible::childrenFollowEdits()
{
    Canvas c(example());
    QAccessibleInterface *view = QAccessible::queryAccessibleInterface(c.view.get());
    QAccessibleInterface *picture = view->child(1);
    c.document.undoStack()->push(
        addModelCommand(&c.document, QPointF(0, 400), QStringLiteral("Tag")));
    QCOMPARE(view->childCount(), 5);
    QCOMPARE(view->child(2)->text(QAccessible::Name), QStringLiteral("model Tag"));
    c.document.undoStack()->push(
        deleteCommand(&c.document, {c.document.modelIdByName(QStringLiteral("Picture"))}, {}));
    QCOMPARE(view->childCount(), 2);
    QVERIFY(!picture->isValid());
    QCOMPARE(childNames(view),
             (QStringList{QStringLiteral("model User"), QStringLiteral("model Tag")}));
}

void TestCanvasAccessible::largeSchemaOpensWithEveryItem()
{
    // 5,000 models, each (but the first) belonging to the one before, half of them
    // also to the one 7 back: about 7,500 associations, no positions (placed on open).
    const int count = 5000;
    QByteArray json = R"({"format": "modelcanvas/1", "models": [)";
    for (int i = 0; i < count; ++i)
        json += (i ? "," : "") + QStringLiteral(R"({"name": "M%1", "tableName": null,
            "attributes": [{"name": "title", "type": "STRING"}]})")
                                     .arg(i)
                                     .toUtf8();
    json += R"(], "associations": [)";
    int associations = 0;
    for (int i = 1; i < count; ++i) {
        json += (associations++ ? "," : "") +
                QStringLiteral(R"({"type": "belongsTo", "source": "M%1", "target": "M%2"})")
                    .arg(i)
                    .arg(i - 1)
                    .toUtf8();
        if (i % 2 == 0 && i >= 7) {
            json += QStringLiteral(
                        R"(,{"type": "belongsTo", "source": "M%1", "target": "M%2", "as": "Back"})")
                        .arg(i)
                        .arg(i - 7)
                        .toUtf8();
            ++associations;
        }
    }
    json += "]}";
    Canvas c(schemaFromJson(json));
    QCOMPARE(c.document.modelCount(), count);
    QCOMPARE(c.document.associationCount(), associations);
    for (int i = 0; i < count; ++i) {
        ModelNodeItem *node = c.scene->modelNode(c.document.modelIdAt(i));
        QVERIFY(node);
        QCOMPARE(node->content().title, QStringLiteral("M%1").arg(i));
        if (i > 0)
            QVERIFY(canvastest::row(node, QStringLiteral("M%1Id").arg(i - 1)));
    }
    for (int i = 0; i < associations; ++i)
        QVERIFY(c.scene->edge(c.document.associationIdAt(i)));
    QCOMPARE(c.scene->accessibleItemCount(), count + associations);
    // Placed without overlaps.
    const QRectF a = c.scene->modelNode(c.document.modelIdAt(10))->sceneBox();
    int overlapping = 0;
    for (int i = 0; i < count; ++i)
        if (i != 10 && c.scene->modelNode(c.document.modelIdAt(i))->sceneBox().intersects(a))
            ++overlapping;
    QCOMPARE(overlapping, 0);
    c.view->fitAll();
    QVERIFY(c.view->zoom() < 0.5);
    c.viewport()->repaint();
}

QTEST_MAIN(TestCanvasAccessible)
#include "tst_canvasaccessible.moc"
