// Zoomed out, the canvas draws the diagram in one batched pass (CanvasOverview)
// instead of item by item: what it draws must be what the items would draw, and it
// must follow edits, selection and palette changes like the items do. Also: the
// scene going away is not a selection change.
#include "canvastestutil.h"

#include "commands/commands.h"

#include <QPainter>
#include <QUndoStack>

using namespace mc;
using canvastest::Canvas;
using canvastest::schemaFromJson;

namespace {

/// Two models far apart, one association between them.
Schema farApart()
{
    return schemaFromJson(R"({"format": "modelcanvas/1", "models": [
        {"name": "User", "tableName": null, "attributes": [{"name": "name", "type": "STRING"}],
         "position": {"x": 0, "y": 0}},
        {"name": "Picture", "tableName": null, "attributes": [{"name": "format", "type": "STRING"}],
         "position": {"x": 1500, "y": 0}}],
        "associations": [{"type": "hasMany", "source": "User", "target": "Picture"}]})");
}

/// Whether \a colour is within \a radius pixels of \a at in \a image, each channel
/// within \a tolerance (lines thinner than a pixel are drawn lighter, as Qt does).
bool near(const QImage &image, const QPoint &at, const QColor &colour, int radius = 1,
          int tolerance = 0)
{
    for (int dx = -radius; dx <= radius; ++dx)
        for (int dy = -radius; dy <= radius; ++dy) {
            const QPoint p = at + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (qAbs(c.red() - colour.red()) <= tolerance &&
                qAbs(c.green() - colour.green()) <= tolerance &&
                qAbs(c.blue() - colour.blue()) <= tolerance)
                return true;
        }
    return false;
}

/// Counts the viewport's paint events: a repaint the user would see.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

class TestCanvasOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zoomedOutDrawsBoxesAndEdges();
    void zoomedOutShowsSelectionAndCycles();
    void zoomedOutFollowsEditsAfterAPaletteChange();
    void edgesAreSmoothAgainAfterADragOrPan();
    void destroyingTheSceneIsNotASelectionChange();
};

void TestCanvasOverview::zoomedOutDrawsBoxesAndEdges()
{
    Canvas c(farApart());
    c.view->setZoom(0.3);
    c.view->centerOn(c.node(QStringLiteral("User"))->sceneBox().center());
    const QImage shot = c.viewport()->grab().toImage();
    const CanvasStyle &style = c.scene->style();
    // The box is filled (its corner: the name is written in the middle).
    const QRectF box = c.node(QStringLiteral("User"))->sceneBox();
    QVERIFY(near(shot, c.at(box.topLeft() + QPointF(15, 15)), style.nodeFill(), 0));
    // The edge is drawn as a bare line, in the edge colour, along its route.
    const AssociationEdgeItem *edge = c.scene->edge(c.document.associationIdAt(0));
    QVERIFY(!edge->segments().isEmpty());
    const QLineF line = edge->segments().first();
    QVERIFY(near(shot, c.at(line.pointAt(0.3)), style.edge()));
    // Below the overview threshold: boxes only, no edges.
    c.view->setZoom(0.08);
    c.view->centerOn(line.pointAt(0.3));
    const QImage overview = c.viewport()->grab().toImage();
    QVERIFY(!near(overview, c.at(line.pointAt(0.3)), style.edge(), 2));
    QVERIFY(near(overview, c.at(box.center()), style.nodeFill(), 0));
}

void TestCanvasOverview::zoomedOutShowsSelectionAndCycles()
{
    Canvas c(farApart());
    c.view->setZoom(0.3);
    c.view->centerOn(c.node(QStringLiteral("User"))->sceneBox().center());
    ModelNodeItem *user = c.node(QStringLiteral("User"));
    const QRectF box = user->sceneBox();
    const QPointF border(box.left(), box.center().y());
    QVERIFY(!near(c.viewport()->grab().toImage(), c.at(border), c.scene->style().accent(), 1, 60));
    // Selected by a click: the border turns to the accent colour.
    QTest::mouseClick(c.viewport(), Qt::LeftButton, {}, c.at(box.center()));
    QCOMPARE(c.scene->selectedModels(), QVector<ModelId>{user->id()});
    QVERIFY(near(c.viewport()->grab().toImage(), c.at(border), c.scene->style().accent(), 1, 60));
    // In a cycle: the warning fill.
    c.scene->clearSelection();
    user->setInCycle(true);
    QVERIFY(near(c.viewport()->grab().toImage(), c.at(box.topLeft() + QPointF(15, 15)),
                 c.scene->style().warningFill(), 0));
}

void TestCanvasOverview::zoomedOutFollowsEditsAfterAPaletteChange()
{
    Canvas c(farApart());
    c.view->setZoom(0.3);
    c.view->centerOn(c.node(QStringLiteral("User"))->sceneBox().center());
    QPalette dark = c.scene->palette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    c.scene->setPalette(dark); // a full scene update
    PaintCounter counter;
    c.viewport()->installEventFilter(&counter);
    QTRY_VERIFY(counter.paints > 0);
    QTRY_VERIFY(near(c.viewport()->grab().toImage(),
                     c.at(c.node(QStringLiteral("User"))->sceneBox().topLeft() + QPointF(15, 15)),
                     QColor(0x2b, 0x2d, 0x31), 0));
    // A later edit still reaches the screen: the moved box is repainted where it went.
    const ModelId user = c.node(QStringLiteral("User"))->id();
    const int before = counter.paints;
    c.document.undoStack()->push(moveCommand(&c.document, {{user, QPointF(0, 0)}},
                                             {{user, QPointF(0, 300)}}, QStringLiteral("Move")));
    QTRY_VERIFY(counter.paints > before);
    QCOMPARE(c.node(QStringLiteral("User"))->pos(), QPointF(0, 300));
}

void TestCanvasOverview::edgesAreSmoothAgainAfterADragOrPan()
{
    Canvas c(farApart());
    const QPoint header = c.headerOf(QStringLiteral("User"));
    QTest::mousePress(c.viewport(), Qt::LeftButton, {}, header);
    QVERIFY(!c.scene->inMotion());
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(c.viewport(), header + QPoint(8 * i, 6 * i));
    QVERIFY(c.scene->inMotion()); // plain lines while the node moves
    QTest::mouseRelease(c.viewport(), Qt::LeftButton, {}, header + QPoint(40, 30));
    QVERIFY(!c.scene->inMotion());
    QCOMPARE(c.node(QStringLiteral("User"))->pos(), QPointF(40, 30));
    // A middle-button pan likewise.
    const QPoint empty = c.at(QPointF(700, 400));
    QTest::mousePress(c.viewport(), Qt::MiddleButton, {}, empty);
    QTest::mouseMove(c.viewport(), empty + QPoint(-30, -20));
    QVERIFY(c.scene->inMotion());
    QTest::mouseRelease(c.viewport(), Qt::MiddleButton, {}, empty + QPoint(-30, -20));
    QVERIFY(!c.scene->inMotion());
}

void TestCanvasOverview::destroyingTheSceneIsNotASelectionChange()
{
    Canvas c(farApart());
    c.scene->selectItems({c.node(QStringLiteral("User"))->id()}, {});
    int changes = 0;
    connect(c.scene.get(), &CanvasScene::selectionIdsChanged, this, [&changes] { ++changes; });
    c.view.reset();
    c.scene.reset();
    QCOMPARE(changes, 0);
}

QTEST_MAIN(TestCanvasOverview)
#include "tst_canvasoverview.moc"
