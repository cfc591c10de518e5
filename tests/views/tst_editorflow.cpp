// The editor end to end, as a person uses it (issue 8, "done when"): a new document,
// User and Picture made on the canvas and named in place, both associations of the
// Sequelize docs drawn by dragging from a node's handle, the cycle listed and lit, its
// quick fix clicked, undo and redo by key, save, reopen, the same document and view,
// and the DDL dock. Also: the property panel follows the canvas selection, and the
// zoom and edit keys reach the focused canvas without clashing with the menus.
#include "associationedgeitem.h"
#include "canvasgestures.h"
#include "canvasscene.h"
#include "canvasview.h"
#include "ddlpanel.h"
#include "documentproblemspanel.h"
#include "io/schemawriter.h"
#include "modelnodeitem.h"
#include "modelpage.h"
#include "nameeditor.h"
#include "problemlistmodel.h"
#include "propertypanel.h"
#include "windowtestutil.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace mc;
using namespace mc::test;

namespace {

bool cycleLit(MainWindow &w)
{
    Document *d = w.document();
    CanvasScene *scene = w.canvasScene();

    bool lit = scene->modelNode(d->modelIdByName(QStringLiteral("User")))->inCycle() &&
               scene->modelNode(d->modelIdByName(QStringLiteral("Picture")))->inCycle();
    for (int i = 0; i < d->associationCount(); ++i)
        lit = lit && scene->edge(d->associationIdAt(i))->inCycle();
    return lit;
}

bool nothingLit(MainWindow &w)
{
    Document *d = w.document();
    for (int i = 0; i < d->modelCount(); ++i)
        if (w.canvasScene()->modelNode(d->modelIdAt(i))->inCycle())
            return false;
    for (int i = 0; i < d->associationCount(); ++i)
        if (w.canvasScene()->edge(d->associationIdAt(i))->inCycle())
            return false;
    return true;
}

int cycleRow(const DocumentProblemsPanel *panel)
{
    for (int r = 0; r < panel->count(); ++r)
        if (panel->model()->index(r, 0).data(ProblemListModel::CycleRole).toBool())
            return r;
    return -1;
}

} // namespace

class TstEditorFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void drawFixUndoSaveReopen();
    void selectingANodeShowsItsProperties();
    void zoomAndEditKeysReachTheCanvas();
    void droppingAProjectOnTheCanvasOpensIt();

private:
    void draw(MainWindow &w);
    QTemporaryDir m_home;
};

void TstEditorFlow::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QSettings::setDefaultFormat(QSettings::NativeFormat);
    qputenv("MODELCANVAS_RECOVERY_DIR", m_home.filePath(QStringLiteral("recovery")).toLocal8Bit());
}

/// New document; User by Ctrl+M, Picture by a double-click, both named in place; a
/// third model dropped from the palette and deleted again with the Delete key; then
/// User hasMany Picture and User belongsTo Picture (as ProfilePicture) by dragging.
void TstEditorFlow::draw(MainWindow &w)
{
    CanvasView *canvas = w.canvasView();
    Document *d = w.document();
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(d->modelCount(), 0);
    QCOMPARE(shownTitle(w), QStringLiteral("Untitled \u2014 ModelCanvas"));
    canvas->setZoom(1.0);
    canvas->centerOn(300, 150);
    canvas->setFocus();

    QTest::keyClick(canvas, Qt::Key_M, Qt::ControlModifier);
    QCOMPARE(d->modelCount(), 1);
    QTRY_VERIFY(canvas->nameEditor() && canvas->nameEditor()->hasFocus());
    QVERIFY(nameInPlace(canvas, QStringLiteral("User")));
    const ModelId user = d->modelIdByName(QStringLiteral("User"));
    QVERIFY(user);
    QCOMPARE(w.canvasScene()->modelNode(user)->content().subtitle, QStringLiteral("Users"));

    // Picture: a double-click on empty canvas right of User.
    const QRectF userBox = w.canvasScene()->modelNode(user)->sceneBox();
    const QPointF empty = userBox.topRight() + QPointF(160, 0);
    QVERIFY(!w.canvasScene()->itemAt(empty, canvas->transform()));
    QTest::mouseDClick(canvas->viewport(), Qt::LeftButton, {}, viewPos(canvas, empty));
    QCOMPARE(d->modelCount(), 2);
    QTRY_VERIFY(canvas->nameEditor() && canvas->nameEditor()->hasFocus());
    QVERIFY(nameInPlace(canvas, QStringLiteral("Picture")));
    QVERIFY(d->modelIdByName(QStringLiteral("Picture")));
    // The new model is selected, so its properties are shown.
    QCOMPARE(w.propertyPanel()->currentPage(), w.propertyPanel()->modelPage());
    QCOMPARE(w.propertyPanel()->modelPage()->model(), d->modelIdByName(QStringLiteral("Picture")));

    // A palette drop makes a third model at the drop point; Delete on the canvas
    // removes it again (the Edit menu's Delete does not make the key ambiguous).
    QMimeData mime;
    mime.setData(CanvasView::paletteMimeType(), "model");
    const QPoint drop = viewPos(canvas, userBox.bottomLeft() + QPointF(0, 200));
    QDragEnterEvent enter(drop, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(canvas->viewport(), &enter);
    QDragMoveEvent move(drop, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(canvas->viewport(), &move);
    QDropEvent dropped(drop, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(canvas->viewport(), &dropped);
    QCOMPARE(d->modelCount(), 3);
    QTRY_VERIFY(canvas->nameEditor());
    QTest::keyClick(canvas->nameEditor(), Qt::Key_Escape);
    QTRY_VERIFY(!canvas->nameEditor());
    canvas->setFocus();
    QCOMPARE(w.canvasScene()->selectedModels().size(), 1);
    QTest::keyClick(canvas, Qt::Key_Delete);
    QCOMPARE(d->modelCount(), 2);

    // User hasMany Picture: from User's handle onto Picture, chosen in the popup.
    drag(canvas->viewport(), handleOf(w, QStringLiteral("User")),
         centreOf(w, QStringLiteral("Picture")));
    QMenu *menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("hasMany")));
    QTRY_COMPARE(d->associationCount(), 1);
    QVERIFY(w.problemsPanel()->cycleCount() == 0);

    // User belongsTo Picture: a second association of the pair asks for `as`.
    QStringList asked;
    canvas->setAliasPrompt([&asked](QWidget *, const QString &label, const QString &) {
        asked << label;
        return std::optional<QString>(QStringLiteral("ProfilePicture"));
    });
    drag(canvas->viewport(), handleOf(w, QStringLiteral("User")),
         centreOf(w, QStringLiteral("Picture")));
    menu = openPopup();
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("belongsTo")));
    QTRY_COMPARE(d->associationCount(), 2);
    QCOMPARE(asked.size(), 1);
    const Association *belongsTo = d->association(d->associationIdAt(1));
    QCOMPARE(belongsTo->type, AssociationType::BelongsTo);
    QCOMPARE(belongsTo->as.name, QStringLiteral("ProfilePicture"));
}

void TstEditorFlow::drawFixUndoSaveReopen()
{
    Answers answers;
    answers.reply = QMessageBox::Discard;
    MainWindow w;
    w.setFileHooks(answers.hooks());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    draw(w);
    if (QTest::currentTestFailed())
        return;
    Document *d = w.document();
    CanvasView *canvas = w.canvasView();

    // The cycle: listed with Sequelize's message, both nodes and both edges lit.
    DocumentProblemsPanel *problems = w.problemsPanel();
    QTRY_COMPARE(problems->cycleCount(), 1);
    QTRY_VERIFY(cycleLit(w));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("problemsDock"));
    QCOMPARE(dock->windowTitle(), QStringLiteral("Problems (%1)").arg(problems->count()));
    const int row = cycleRow(problems);
    QVERIFY(row >= 0);
    const QString message =
        problems->model()->index(row, 0).data(ProblemListModel::MessageRole).toString();
    QVERIFY2(message.contains(QLatin1String("Cyclic dependency found")), qPrintable(message));

    // One click on the cycle, one on its fix for the belongsTo.
    QTreeView *list = problems->view();
    const QModelIndex cell = problems->model()->index(row, ProblemListModel::ProblemColumn);
    list->scrollTo(cell);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(cell).center());
    QTRY_COMPARE(problems->fixButtons().size(), 2);
    QPushButton *fix = nullptr;
    for (QPushButton *button : problems->fixButtons())
        if (button->text().contains(QLatin1String("belongsTo")))
            fix = button;
    QVERIFY(fix);
    QTRY_VERIFY(fix->isVisible());
    QTest::mouseClick(fix, Qt::LeftButton);
    QTRY_COMPARE(problems->cycleCount(), 0);
    QTRY_VERIFY(nothingLit(w));
    QVERIFY(d->association(d->associationIdAt(1))->constraints == std::optional<bool>(false));
    const QByteArray fixed = writeSchema(d->schema());

    // Undo brings the cycle back, redo clears it again: keys on the focused canvas.
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(problems->cycleCount(), 1);
    QTRY_VERIFY(cycleLit(w));
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(problems->cycleCount(), 0);
    QTRY_VERIFY(nothingLit(w));
    QCOMPARE(writeSchema(d->schema()), fixed);

    // A zoom to keep, then Ctrl+S (no path yet: asks where, through the hooks).
    // (clicking the problem centred its items, which may have zoomed to fit them)
    canvas->setZoom(1.0);
    QTest::keyClick(canvas, Qt::Key_Equal, Qt::ControlModifier);
    const double zoom = canvas->zoom();
    QVERIFY(qAbs(zoom - 1.25) < 1e-6);
    QTemporaryDir dir;
    answers.savePath = dir.filePath(QStringLiteral("users-pictures.json"));
    QTest::keyClick(canvas, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(answers.errors.isEmpty());
    QCOMPARE(w.currentPath(), answers.savePath);
    QVERIFY(!w.isWindowModified());
    const QByteArray saved = readAll(answers.savePath);
    QCOMPARE(saved, writeSchema(d->schema()));

    // Reopened in a new window: the same document, the same zoom, and its DDL.
    MainWindow again;
    again.setFileHooks(answers.hooks());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(again.openFile(answers.savePath));
    QCOMPARE(writeSchema(again.document()->schema()), saved);
    QCOMPARE(derivedText(*again.document()), derivedText(*d));
    QVERIFY(qAbs(again.canvasView()->zoom() - zoom) < 1e-6);
    QCOMPARE(again.problemsPanel()->cycleCount(), 0);
    QVERIFY(
        again.canvasScene()->modelNode(again.document()->modelIdByName(QStringLiteral("User"))));
    QTRY_VERIFY(again.ddlPanel()->script().contains(QLatin1String("CREATE TABLE")));
    const QString ddl = again.ddlPanel()->script();
    QVERIFY2(ddl.contains(QLatin1String("Users")) && ddl.contains(QLatin1String("Pictures")),
             qPrintable(ddl));
    QVERIFY(ddl.indexOf(QLatin1String("Users")) < ddl.indexOf(QLatin1String("Pictures")));
}

void TstEditorFlow::selectingANodeShowsItsProperties()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w)); // shows the example
    QVERIFY(w.document()->modelIdByName(QStringLiteral("Picture")));
    PropertyPanel *panel = w.propertyPanel();
    QVERIFY(panel->currentPage() != panel->modelPage());
    ModelNodeItem *picture =
        w.canvasScene()->modelNode(w.document()->modelIdByName(QStringLiteral("Picture")));
    const QPointF header = picture->mapToScene(picture->headerRect().center() - QPointF(30, 0));
    QTest::mouseClick(w.canvasView()->viewport(), Qt::LeftButton, {},
                      viewPos(w.canvasView(), header));
    QTRY_COMPARE(panel->currentPage(), panel->modelPage());
    QCOMPARE(panel->modelPage()->nameEdit()->text(), QStringLiteral("Picture"));
    // An edit in the panel is one undoable step and shows on the canvas.
    QLineEdit *name = panel->modelPage()->nameEdit();
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Photo"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE(picture->content().title, QStringLiteral("Photo"));
    // Clicking empty canvas shows the global options again.
    QTest::mouseClick(
        w.canvasView()->viewport(), Qt::LeftButton, {},
        viewPos(w.canvasView(), picture->sceneBox().bottomRight() + QPointF(300, 300)));
    QTRY_VERIFY(panel->currentPage() != panel->modelPage());
}

void TstEditorFlow::zoomAndEditKeysReachTheCanvas()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    CanvasView *canvas = w.canvasView();
    canvas->setFocus();
    QTRY_VERIFY(canvas->hasFocus());
    canvas->setZoom(1.0);
    QTest::keyClick(canvas, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(qAbs(canvas->zoom() - 1.25) < 1e-6);
    QTest::keyClick(canvas, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(qAbs(canvas->zoom() - 1.5625) < 1e-6);
    QTest::keyClick(canvas, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(qAbs(canvas->zoom() - 1.25) < 1e-6);
    canvas->setZoom(0.2);
    QTest::keyClick(canvas, Qt::Key_0, Qt::ControlModifier);
    // Fit all: larger than before, and every model in sight.
    QVERIFY(canvas->zoom() > 0.3);
    QRectF models;
    for (QGraphicsItem *item : canvas->scene()->items()) {
        if (item->type() == ModelNodeItem::Type)
            models |= item->sceneBoundingRect();
    }
    QVERIFY(!models.isEmpty());
    QVERIFY(canvas->viewport()->rect().contains(canvas->mapFromScene(models).boundingRect()));
    // The View menu's entries do the same from anywhere in the window.
    canvas->setZoom(1.0);
    action(w, "actionZoomOut")->trigger();
    QVERIFY(canvas->zoom() < 1.0);

    // Ctrl+A selects everything; Ctrl+D duplicates the selection once (not twice, not
    // swallowed); Ctrl+C, Ctrl+V paste a copy; Delete removes; undo restores.
    Document *d = w.document();
    QTest::keyClick(canvas, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(w.canvasScene()->selectedModels().size(), 2);
    w.canvasScene()->selectItems({d->modelIdByName(QStringLiteral("User"))}, {});
    QTest::keyClick(canvas, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(d->modelCount(), 3);
    QTest::keyClick(canvas, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(canvas, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(d->modelCount(), 4);
    QTest::keyClick(canvas, Qt::Key_Delete);
    QCOMPARE(d->modelCount(), 3);
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(d->modelCount(), 4);
    // Delete, Ctrl+D and Ctrl+A in another dock leave the canvas alone; the menu's
    // entries still act on the canvas's selection.
    QTreeView *problems = w.problemsPanel()->view();
    problems->setFocus();
    QTRY_VERIFY(problems->hasFocus());
    QTest::keyClick(problems, Qt::Key_Delete);
    QTest::keyClick(problems, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(d->modelCount(), 4);
    w.canvasScene()->selectItems({d->modelIdByName(QStringLiteral("User"))}, {});
    action(w, "actionDuplicate")->trigger();
    QCOMPARE(d->modelCount(), 5);

    // The dialect choice changes the canvas's column types and the DDL dock.
    action(w, "actionDialect_postgres")->trigger();
    QCOMPARE(w.canvasScene()->dialect(), Dialect::Postgres);
    QCOMPARE(w.ddlPanel()->dialect(), Dialect::Postgres);
    // and the DDL dock's own choice comes back to the canvas and the menu.
    w.ddlPanel()->setDialect(Dialect::MySQL);
    QCOMPARE(w.canvasScene()->dialect(), Dialect::MySQL);
    QVERIFY(action(w, "actionDialect_mysql")->isChecked());
}

void TstEditorFlow::droppingAProjectOnTheCanvasOpensIt()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("dropped.json"), exampleBytes());
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(w.document()->modelCount(), 0);
    // The canvas covers most of the window: a file dropped there opens too.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QWidget *viewport = w.canvasView()->viewport();
    const QPoint at = viewport->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(viewport, &drop);
    QTRY_COMPARE(w.currentPath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(w.document()->modelCount(), 2);
}

QTEST_MAIN(TstEditorFlow)
#include "tst_editorflow.moc"
