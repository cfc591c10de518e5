// What a user sees and does on the canvas: the example's nodes and edges, drawing an
// association from a handle, moving, deleting, duplicating, creating models by
// double-click and by a palette drop, cycles lighting up and clearing, undo/redo.
#include "canvastestutil.h"

#include "canvaslegend.h"
#include "commands/commands.h"
#include "nameeditor.h"

#include <QApplication>
#include <QMenu>
#include <QMimeData>
#include <QUndoStack>
#include <QUrl>

using namespace mc;
using canvastest::Canvas;
using canvastest::row;
using canvastest::rowNames;
using canvastest::sceneState;
using canvastest::schemaFromJson;

namespace {

Schema example()
{
    LoadResult r = readSchemaFile(QStringLiteral(MC_EXAMPLES "/users-pictures.json"));
    if (!r.ok())
        qFatal("example does not load");
    return *r.schema;
}

/// User and Picture, no association yet.
Schema twoModels()
{
    return schemaFromJson(R"({"format": "modelcanvas/1", "models": [
        {"name": "User", "tableName": null, "attributes": [{"name": "name", "type": "STRING"}],
         "position": {"x": 0, "y": 0}},
        {"name": "Picture", "tableName": null, "attributes": [{"name": "format", "type": "STRING"}],
         "position": {"x": 420, "y": 0}}],
        "associations": []})");
}

/// Drags with intermediate moves (so the scene sees a real drag).
void drag(QWidget *w, const QPoint &from, const QPoint &to, Qt::MouseButton button = Qt::LeftButton,
          Qt::KeyboardModifiers mods = {})
{
    QTest::mousePress(w, button, mods, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(w, from + (to - from) * i / 5);
    QTest::mouseRelease(w, button, mods, to);
}

QMenu *openPopup()
{
    QMenu *menu = nullptr;
    for (int i = 0; i < 100 && !menu; ++i) {
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            QTest::qWait(10);
    }
    return menu;
}

/// Clicks the popup's entry for \a type.
bool choose(QMenu *menu, const QString &type)
{
    for (QAction *action : menu->actions())
        if (action->data().toString() == type) {
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
            return true;
        }
    return false;
}

} // namespace

class TestCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleShowsEveryModelAndAssociation();
    void dragFromHandleCreatesTheChosenAssociation();
    void popupSaysWhereTheForeignKeyGoes();
    void selfAssociationAsksForAlias();
    void belongsToManyShowsItsJunction();
    void movingIsOneUndoStep();
    void movingSeveralNodesIsOneStep();
    void deleteRemovesModelAndItsAssociations();
    void ctrlDDuplicates();
    void copyAndPaste();
    void doubleClickCreatesModelNamedInPlace();
    void paletteDropCreatesModelAtDropPoint();
    void cycleLightsUpAndClears();
    void undoRedoReturnToTheSameScene();
    void zoomAndPan();
    void rubberBandSelects();
    void collapseShowsOnlyTheName();
    void dialectChangesColumnTypes();
    void keyboardReachesEveryItem();
    void coloursFollowThePalette();
};

void TestCanvas::exampleShowsEveryModelAndAssociation()
{
    Canvas c(example());
    QVERIFY(c.node(QStringLiteral("User")));
    QVERIFY(c.node(QStringLiteral("Picture")));
    QCOMPARE(c.scene->accessibleItemCount(), 4);
    AssociationEdgeItem *hasMany = c.scene->edge(c.document.associationIdAt(0));
    AssociationEdgeItem *belongsTo = c.scene->edge(c.document.associationIdAt(1));
    QVERIFY(hasMany && belongsTo);
    QCOMPARE(hasMany->content().badge, QStringLiteral("1:n"));
    QCOMPARE(hasMany->content().holder, FkHolder::Target);
    QCOMPARE(belongsTo->content().badge, QStringLiteral("n:1"));
    QCOMPARE(belongsTo->content().holder, FkHolder::Source);
    QVERIFY(belongsTo->content().noConstraint);
    QVERIFY(!hasMany->content().noConstraint);
    QCOMPARE(belongsTo->content().alias, QStringLiteral("ProfilePicture"));
    // Drawn apart: different slots, their middles well separated.
    QVERIFY(hasMany->slotIndex() != belongsTo->slotIndex());
    QVERIFY(QLineF(hasMany->badgePos(), belongsTo->badgePos()).length() > 15);
    QVERIFY(!hasMany->shape().intersects(belongsTo->shape()));
    // Derived FK columns on the holders, marked and naming their association.
    const NodeRow *userId = row(c.node(QStringLiteral("Picture")), QStringLiteral("UserId"));
    QVERIFY(userId);
    QCOMPARE(userId->kind, NodeRow::ForeignKey);
    QVERIFY2(userId->toolTip.contains(QStringLiteral("User hasMany Picture")),
             qPrintable(userId->toolTip));
    QVERIFY(row(c.node(QStringLiteral("User")), QStringLiteral("ProfilePictureId")));
    QVERIFY(row(c.node(QStringLiteral("User")), QStringLiteral("id"))->primaryKey);
    QCOMPARE(rowNames(c.node(QStringLiteral("User"))).first(), QStringLiteral("id"));
    // Hover tooltip: the accessors.
    QVERIFY(hasMany->toolTip().contains(QStringLiteral("user.getPictures()")));
    QVERIFY(hasMany->toolTip().contains(QStringLiteral("user.setPictures()")));
    QCOMPARE(c.node(QStringLiteral("Picture"))->pos(), QPointF(440, 0));
}

void TestCanvas::dragFromHandleCreatesTheChosenAssociation()
{
    Canvas c(twoModels());
    QVERIFY(!row(c.node(QStringLiteral("Picture")), QStringLiteral("UserId")));
    drag(c.viewport(), c.handleOf(QStringLiteral("User")), c.centreOf(QStringLiteral("Picture")));
    QMenu *menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("hasMany")));
    QTRY_COMPARE(c.document.associationCount(), 1);
    const Association *a = c.document.association(c.document.associationIdAt(0));
    QCOMPARE(a->type, AssociationType::HasMany);
    QCOMPARE(a->source, QStringLiteral("User"));
    QCOMPARE(a->target, QStringLiteral("Picture"));
    // The FK column appears on the target (the holder), not on the source.
    const NodeRow *fk = row(c.node(QStringLiteral("Picture")), QStringLiteral("UserId"));
    QVERIFY(fk);
    QCOMPARE(fk->kind, NodeRow::ForeignKey);
    QVERIFY(!row(c.node(QStringLiteral("User")), QStringLiteral("PictureId")));
    QVERIFY(c.scene->edge(c.document.associationIdAt(0)));
    QCOMPARE(c.scene->selectedAssociations(),
             QVector<AssociationId>{c.document.associationIdAt(0)});
    QCOMPARE(c.document.undoStack()->count(), 1);
}

void TestCanvas::popupSaysWhereTheForeignKeyGoes()
{
    Canvas c(twoModels());
    drag(c.viewport(), c.handleOf(QStringLiteral("User")), c.centreOf(QStringLiteral("Picture")));
    QMenu *menu = openPopup();
    QVERIFY(menu);
    QStringList texts;
    for (QAction *action : menu->actions())
        texts << action->text();
    QCOMPARE(texts.size(), 4);
    QVERIFY(texts[0].startsWith(QStringLiteral("belongsTo: the FK goes on User")));
    QVERIFY(texts[1].startsWith(QStringLiteral("hasOne: the FK goes on Picture")));
    QVERIFY(texts[2].startsWith(QStringLiteral("hasMany: the FK goes on Picture")));
    QVERIFY(texts[3].contains(QStringLiteral("junction table")));
    menu->close();
    QCOMPARE(c.document.associationCount(), 0);
}

void TestCanvas::selfAssociationAsksForAlias()
{
    Canvas c(twoModels());
    QStringList asked;
    c.view->setAliasPrompt([&](QWidget *, const QString &label, const QString &suggestion) {
        asked << label;
        return std::optional<QString>(suggestion);
    });
    QPoint target = c.centreOf(QStringLiteral("User"));
    drag(c.viewport(), c.handleOf(QStringLiteral("User")), target);
    QMenu *menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("belongsTo")));
    QTRY_COMPARE(c.document.associationCount(), 1);
    QCOMPARE(asked.size(), 1);
    const Association *a = c.document.association(c.document.associationIdAt(0));
    QCOMPARE(a->source, a->target);
    QCOMPARE(a->as.name, QStringLiteral("Parent"));
    QVERIFY(row(c.node(QStringLiteral("User")), QStringLiteral("ParentId")));

    // A second association between a pair asks too; cancelling adds nothing.
    c.view->setAliasPrompt([&](QWidget *, const QString &label, const QString &) {
        asked << label;
        return std::optional<QString>();
    });
    drag(c.viewport(), c.handleOf(QStringLiteral("User")), c.centreOf(QStringLiteral("User")));
    menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("hasMany")));
    QTRY_COMPARE(asked.size(), 2);
    QCOMPARE(c.document.associationCount(), 1);
}

void TestCanvas::belongsToManyShowsItsJunction()
{
    Canvas c(twoModels());
    drag(c.viewport(), c.handleOf(QStringLiteral("User")), c.centreOf(QStringLiteral("Picture")));
    QMenu *menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("belongsToMany")));
    QTRY_COMPARE(c.document.associationCount(), 1);
    const Association *a = c.document.association(c.document.associationIdAt(0));
    QVERIFY(a->through);
    QCOMPARE(*a->through, QStringLiteral("UserPictures"));
    QCOMPARE(c.scene->junctionCount(), 1);
    JunctionNodeItem *junction = c.scene->junctionNode(QStringLiteral("UserPictures"));
    QVERIFY(junction);
    QVERIFY(!(junction->flags() & QGraphicsItem::ItemIsMovable));
    QVERIFY(rowNames(junction).contains(QStringLiteral("UserId")));
    QVERIFY(rowNames(junction).contains(QStringLiteral("PictureId")));
    AssociationEdgeItem *edge = c.scene->edge(c.document.associationIdAt(0));
    QCOMPARE(edge->junction(), junction);
    // It sits between the two models and follows them.
    const QPointF before = junction->pos();
    c.node(QStringLiteral("Picture"))->setPos(620, 200);
    QVERIFY(junction->pos() != before);
    // Undo: the junction goes with the association.
    c.document.undoStack()->undo();
    QCOMPARE(c.scene->junctionCount(), 0);
    QVERIFY(!c.scene->junctionNode(QStringLiteral("UserPictures")));
    c.document.undoStack()->redo();
    QCOMPARE(c.scene->junctionCount(), 1);
}

void TestCanvas::movingIsOneUndoStep()
{
    Canvas c(example());
    ModelNodeItem *user = c.node(QStringLiteral("User"));
    const QPointF start = user->pos();
    const QPoint from = c.headerOf(QStringLiteral("User"));
    drag(c.viewport(), from, from + QPoint(40, 120));
    QCOMPARE(c.document.undoStack()->count(), 1);
    const Model *model = c.document.model(user->id());
    QVERIFY(model->position);
    QCOMPARE(*model->position, start + QPointF(40, 120));
    QCOMPARE(user->pos(), start + QPointF(40, 120));
    // The edges followed the node.
    AssociationEdgeItem *edge = c.scene->edge(c.document.associationIdAt(0));
    QVERIFY(edge->sceneBoundingRect().intersects(user->sceneBox().adjusted(-20, -20, 20, 20)));
    c.document.undoStack()->undo();
    QCOMPARE(user->pos(), start);
    QCOMPARE(*c.document.model(user->id())->position, start);
    c.document.undoStack()->redo();
    QCOMPARE(user->pos(), start + QPointF(40, 120));
    // A click without a move changes nothing.
    QTest::mouseClick(c.viewport(), Qt::LeftButton, {}, c.headerOf(QStringLiteral("User")));
    QCOMPARE(c.document.undoStack()->count(), 1);
}

void TestCanvas::movingSeveralNodesIsOneStep()
{
    Canvas c(example());
    c.scene->selectItems({c.document.modelIdAt(0), c.document.modelIdAt(1)}, {});
    const QPointF user = c.node(QStringLiteral("User"))->pos();
    const QPointF picture = c.node(QStringLiteral("Picture"))->pos();
    const QPoint from = c.headerOf(QStringLiteral("Picture"));
    drag(c.viewport(), from, from + QPoint(0, 200));
    QCOMPARE(c.document.undoStack()->count(), 1);
    QCOMPARE(c.node(QStringLiteral("User"))->pos(), user + QPointF(0, 200));
    QCOMPARE(c.node(QStringLiteral("Picture"))->pos(), picture + QPointF(0, 200));
    c.document.undoStack()->undo();
    QCOMPARE(c.node(QStringLiteral("User"))->pos(), user);
    QCOMPARE(c.node(QStringLiteral("Picture"))->pos(), picture);
}

void TestCanvas::deleteRemovesModelAndItsAssociations()
{
    Canvas c(example());
    QTest::mouseClick(c.viewport(), Qt::LeftButton, {}, c.headerOf(QStringLiteral("User")));
    QCOMPARE(c.scene->selectedModels(),
             QVector<ModelId>{c.document.modelIdByName(QStringLiteral("User"))});
    QTest::keyClick(c.viewport(), Qt::Key_Delete);
    QCOMPARE(c.document.modelCount(), 1);
    QCOMPARE(c.document.associationCount(), 0);
    QVERIFY(!c.node(QStringLiteral("User")));
    QCOMPARE(c.scene->accessibleItemCount(), 1);
    QVERIFY(!row(c.node(QStringLiteral("Picture")), QStringLiteral("UserId")));
    QCOMPARE(c.document.undoStack()->count(), 1);
    c.document.undoStack()->undo();
    QCOMPARE(c.scene->accessibleItemCount(), 4);
    QVERIFY(row(c.node(QStringLiteral("Picture")), QStringLiteral("UserId")));
}

void TestCanvas::ctrlDDuplicates()
{
    Canvas c(example());
    QTest::mouseClick(c.viewport(), Qt::LeftButton, {}, c.headerOf(QStringLiteral("Picture")));
    QTest::keyClick(c.viewport(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(c.document.modelCount(), 3);
    const ModelId copy = c.document.modelIdAt(2);
    QVERIFY(c.scene->modelNode(copy));
    QCOMPARE(c.scene->selectedModels(), QVector<ModelId>{copy});
    QCOMPARE(c.document.undoStack()->count(), 1);
}

void TestCanvas::copyAndPaste()
{
    Canvas c(example());
    c.scene->selectItems({c.document.modelIdAt(0), c.document.modelIdAt(1)}, {});
    QTest::keyClick(c.viewport(), Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(c.viewport(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(c.document.modelCount(), 4);
    QCOMPARE(c.document.associationCount(), 4); // the associations among the copied ones
    QCOMPARE(c.scene->accessibleItemCount(), 8);
    QCOMPARE(c.scene->selectedModels().size(), 2);
}

void TestCanvas::doubleClickCreatesModelNamedInPlace()
{
    Canvas c(example());
    const QPointF empty(200, 400);
    QTest::mouseDClick(c.viewport(), Qt::LeftButton, {}, c.at(empty));
    QCOMPARE(c.document.modelCount(), 3);
    const ModelId id = c.document.modelIdAt(2);
    QVERIFY(c.document.model(id)->position);
    QVERIFY(QLineF(*c.document.model(id)->position, empty).length() < 2);
    NameEditor *editor = c.view->nameEditor();
    QVERIFY(editor);
    QTRY_VERIFY(editor->hasFocus());
    QCOMPARE(editor->text(), c.document.model(id)->name);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Comment"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(c.document.model(id)->name, QStringLiteral("Comment"));
    QCOMPARE(c.scene->modelNode(id)->content().title, QStringLiteral("Comment"));
    QCOMPARE(c.scene->modelNode(id)->content().subtitle, QStringLiteral("Comments"));
}

void TestCanvas::paletteDropCreatesModelAtDropPoint()
{
    Canvas c(example());
    QMimeData mime;
    mime.setData(CanvasView::paletteMimeType(), "model");
    const QPoint pos = c.at(QPointF(500, 300));
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(c.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(c.viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(c.viewport(), &drop);
    QCOMPARE(c.document.modelCount(), 3);
    const Model *m = c.document.model(c.document.modelIdAt(2));
    QVERIFY(QLineF(*m->position, QPointF(500, 300)).length() < 2);
    QVERIFY(c.scene->modelNode(c.document.modelIdAt(2)));
    QVERIFY(c.view->nameEditor());

    // A dragged file is not the canvas's: left to the window (opening it).
    QMimeData file;
    file.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/x.json"))});
    QDragEnterEvent fileEnter(pos, Qt::CopyAction, &file, Qt::LeftButton, {});
    QApplication::sendEvent(c.viewport(), &fileEnter);
    QVERIFY(!fileEnter.isAccepted());
    QCOMPARE(c.document.modelCount(), 3);
}

void TestCanvas::cycleLightsUpAndClears()
{
    Canvas c(twoModels());
    Association hasMany;
    hasMany.type = AssociationType::HasMany;
    hasMany.source = QStringLiteral("User");
    hasMany.target = QStringLiteral("Picture");
    c.document.undoStack()->push(addAssociationCommand(&c.document, hasMany));
    ModelNodeItem *user = c.node(QStringLiteral("User"));
    ModelNodeItem *picture = c.node(QStringLiteral("Picture"));
    QVERIFY(!user->inCycle() && !picture->inCycle());
    CanvasLegend *legend = c.view->findChild<CanvasLegend *>();
    QVERIFY(legend);
    QCOMPARE(legend->cycleCount(), 0);

    // The seed's second association, without constraints: false, drawn by hand: a
    // second association between the pair asks for its alias.
    c.view->setAliasPrompt([](QWidget *, const QString &, const QString &) {
        return std::optional<QString>(QStringLiteral("ProfilePicture"));
    });
    drag(c.viewport(), c.handleOf(QStringLiteral("User")), c.centreOf(QStringLiteral("Picture")));
    QMenu *menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("belongsTo")));
    QTRY_COMPARE(c.document.associationCount(), 2);
    QCOMPARE(c.document.association(c.document.associationIdAt(1))->as.name,
             QStringLiteral("ProfilePicture"));
    AssociationEdgeItem *first = c.scene->edge(c.document.associationIdAt(0));
    AssociationEdgeItem *second = c.scene->edge(c.document.associationIdAt(1));
    QVERIFY(user->inCycle() && picture->inCycle());
    QVERIFY(first->inCycle() && second->inCycle());
    QCOMPARE(legend->cycleCount(), 1);
    QVERIFY(legend->isVisible());

    c.document.undoStack()->push(constraintsFalseCommand(&c.document, second->id()));
    QVERIFY(!user->inCycle() && !picture->inCycle());
    QVERIFY(!first->inCycle() && !second->inCycle());
    QVERIFY(second->content().noConstraint);
    QCOMPARE(legend->cycleCount(), 0);
    c.document.undoStack()->undo();
    QVERIFY(user->inCycle() && second->inCycle());
    c.document.undoStack()->redo();
    QVERIFY(!user->inCycle() && !second->inCycle());
}

void TestCanvas::undoRedoReturnToTheSameScene()
{
    Canvas c(example());
    QUndoStack *stack = c.document.undoStack();
    QStringList states{sceneState(c.scene.get())};
    auto step = [&](EditCommand *command) {
        QVERIFY(command);
        stack->push(command);
        states << sceneState(c.scene.get());
    };
    const ModelId user = c.document.modelIdByName(QStringLiteral("User"));
    const ModelId picture = c.document.modelIdByName(QStringLiteral("Picture"));
    step(addModelCommand(&c.document, QPointF(0, 300), QStringLiteral("Tag")));
    Association tags;
    tags.type = AssociationType::BelongsToMany;
    tags.source = QStringLiteral("Picture");
    tags.target = QStringLiteral("Tag");
    tags.through = QStringLiteral("PictureTags");
    step(addAssociationCommand(&c.document, tags));
    step(renameModelCommand(&c.document, user, QStringLiteral("Person")));
    step(moveCommand(&c.document, {{picture, QPointF(440, 0)}}, {{picture, QPointF(500, 80)}},
                     QStringLiteral("Move")));
    step(constraintsFalseCommand(&c.document, c.document.associationIdAt(0)));
    step(duplicateCommand(&c.document, {picture}));
    step(deleteCommand(&c.document, {user}, {}));
    for (int i = states.size() - 2; i >= 0; --i) {
        stack->undo();
        QCOMPARE(sceneState(c.scene.get()), states[i]);
    }
    for (int i = 1; i < states.size(); ++i) {
        stack->redo();
        QCOMPARE(sceneState(c.scene.get()), states[i]);
    }
}

void TestCanvas::zoomAndPan()
{
    Canvas c(example());
    QCOMPARE(c.view->zoom(), 1.0);
    QTest::keyClick(c.viewport(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(c.view->zoom() < 1.0);
    QTest::keyClick(c.viewport(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(qAbs(c.view->zoom() - 1.0) < 1e-9);
    const double before = c.view->zoom();
    QWheelEvent wheel(QPointF(300, 300), c.viewport()->mapToGlobal(QPointF(300, 300)), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(c.viewport(), &wheel);
    QVERIFY(c.view->zoom() > before);
    QTest::keyClick(c.viewport(), Qt::Key_0, Qt::ControlModifier);
    const QRect visible = c.view->mapFromScene(c.scene->itemsBoundingRect()).boundingRect();
    QVERIFY(c.viewport()->rect().contains(visible));

    // Middle-button pan moves the view, not the nodes.
    const QPointF centre = c.view->mapToScene(c.viewport()->rect().center());
    drag(c.viewport(), QPoint(500, 500), QPoint(400, 450), Qt::MiddleButton);
    const QPointF moved = c.view->mapToScene(c.viewport()->rect().center());
    QVERIFY(QLineF(centre, moved).length() > 20);
    QCOMPARE(c.document.undoStack()->count(), 0);
}

void TestCanvas::rubberBandSelects()
{
    Canvas c(example());
    const QRectF all = c.scene->itemsBoundingRect();
    drag(c.viewport(), c.at(all.topLeft() - QPointF(30, 30)),
         c.at(all.bottomRight() + QPointF(30, 30)));
    QCOMPARE(c.scene->selectedModels().size(), 2);
    QCOMPARE(c.scene->selectedAssociations().size(), 2);
    QCOMPARE(c.document.undoStack()->count(), 0);
}

void TestCanvas::collapseShowsOnlyTheName()
{
    Canvas c(example());
    ModelNodeItem *user = c.node(QStringLiteral("User"));
    const qreal height = user->sceneBox().height();
    QTest::mouseClick(c.viewport(), Qt::LeftButton, {},
                      c.at(user->mapToScene(user->chevronRect().center())));
    QVERIFY(user->isCollapsed());
    QVERIFY(user->sceneBox().height() < height / 2);
    QCOMPARE(c.document.undoStack()->count(), 0);
}

void TestCanvas::dialectChangesColumnTypes()
{
    Canvas c(example());
    QCOMPARE(row(c.node(QStringLiteral("User")), QStringLiteral("name"))->type,
             QStringLiteral("VARCHAR(255)"));
    const QString sqlite = row(c.node(QStringLiteral("User")), QStringLiteral("createdAt"))->type;
    c.scene->setDialect(Dialect::Postgres);
    const QString postgres = row(c.node(QStringLiteral("User")), QStringLiteral("createdAt"))->type;
    QVERIFY2(sqlite != postgres, qPrintable(sqlite + QStringLiteral(" / ") + postgres));
    QCOMPARE(postgres, QStringLiteral("TIMESTAMP WITH TIME ZONE"));
}

void TestCanvas::keyboardReachesEveryItem()
{
    Canvas c(example());
    // Tab walks nodes then edges, in document order, then leaves the canvas.
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(c.view.get(), Qt::Key_Tab);
        const QList<QGraphicsItem *> selected = c.scene->selectedItems();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(c.scene->accessibleIndexOf(selected.first()), i);
        QVERIFY(c.view->hasFocus());
    }
    // Arrows nudge the selected model; a run of nudges is one undo step.
    QTest::keyClick(c.view.get(), Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(c.scene->accessibleIndexOf(c.scene->selectedItems().value(0)), 2);
    c.scene->selectItems({c.document.modelIdByName(QStringLiteral("Picture"))}, {});
    const QPointF start = c.node(QStringLiteral("Picture"))->pos();
    QTest::keyClick(c.viewport(), Qt::Key_Right);
    QTest::keyClick(c.viewport(), Qt::Key_Right);
    QTest::keyClick(c.viewport(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(c.node(QStringLiteral("Picture"))->pos(), start + QPointF(20, 1));
    QCOMPARE(c.document.undoStack()->count(), 1);
    c.document.undoStack()->undo();
    QCOMPARE(c.node(QStringLiteral("Picture"))->pos(), start);
    // F2 renames in place.
    QTest::keyClick(c.viewport(), Qt::Key_F2);
    QVERIFY(c.view->nameEditor());
    QTest::keyClick(c.view->nameEditor(), Qt::Key_Escape);
    QTRY_VERIFY(!c.view->nameEditor());
    QCOMPARE(c.document.model(c.document.modelIdByName(QStringLiteral("Picture")))->name,
             QStringLiteral("Picture"));
}

void TestCanvas::coloursFollowThePalette()
{
    Canvas c(example());
    QPalette dark = c.scene->palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    c.scene->setPalette(dark);
    QCOMPARE(c.scene->style().background(), QColor(0x1e, 0x1f, 0x22));
    QCOMPARE(c.scene->style().nodeFill(), QColor(0x2b, 0x2d, 0x31));
    QCOMPARE(c.scene->style().text(), QColor(0xe6, 0xe6, 0xe6));
    // The node's text still stands out from its fill.
    QVERIFY(qAbs(c.scene->style().text().lightness() - c.scene->style().nodeFill().lightness()) >
            128);
}

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
