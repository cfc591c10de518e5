// The palette: dragging "Model" (mouse press and move on the entry) starts a QDrag
// that carries the palette's MIME type with "model" to the widget it is dropped on;
// activating the entry without a drag asks for a model.
#include "palettewidget.h"

#include <QApplication>
#include <QDrag>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using mc::PaletteWidget;

namespace {

/// Stands in for the canvas: accepts palette drops and remembers them.
class DropTarget : public QWidget
{
public:
    DropTarget() { setAcceptDrops(true); }
    QByteArray dropped;
    QPoint droppedAt;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasFormat(PaletteWidget::mimeType()))
            event->acceptProposedAction();
    }
    void dragMoveEvent(QDragMoveEvent *event) override { event->acceptProposedAction(); }
    void dropEvent(QDropEvent *event) override
    {
        dropped = event->mimeData()->data(PaletteWidget::mimeType());
        droppedAt = event->position().toPoint();
        event->acceptProposedAction();
    }
};

} // namespace

class TstPaletteWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dragCarriesModel();
    void clickAndKeyAskForModel();
    void entryIsNamed();
};

void TstPaletteWidget::dragCarriesModel()
{
    QWidget window;
    auto *palette = new PaletteWidget(&window);
    auto *target = new DropTarget;
    target->setMinimumSize(400, 300);
    auto *layout = new QHBoxLayout(&window);
    layout->addWidget(palette);
    layout->addWidget(target, 1);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy added(palette, &PaletteWidget::addRequested);

    // The offscreen platform drops nothing (its QDrag::exec() returns at once), so
    // the drag the gesture starts is delivered to the target as the platform would:
    // enter, move, drop, with the drag's own data.
    const QPoint dropAt(200, 150);
    int drags = 0;
    palette->setDragRunner([&](QDrag *drag) {
        ++drags;
        QMimeData *data = drag->mimeData();
        QDragEnterEvent enter(dropAt, drag->supportedActions(), data, Qt::LeftButton, {});
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return Qt::IgnoreAction;
        QDragMoveEvent move(dropAt, drag->supportedActions(), data, Qt::LeftButton, {});
        QApplication::sendEvent(target, &move);
        QDropEvent drop(QPointF(dropAt), drag->supportedActions(), data, Qt::NoButton, {});
        QApplication::sendEvent(target, &drop);
        return drop.dropAction();
    });
    QToolButton *entry = palette->modelEntry();
    const QPoint start = entry->rect().center();
    QTest::mousePress(entry, Qt::LeftButton, {}, start);
    QTest::mouseMove(entry, start + QPoint(2, 0)); // within the drag distance: no drag
    QCOMPARE(drags, 0);
    QTest::mouseMove(entry, start + QPoint(30, 0));
    QCOMPARE(drags, 1);
    QTRY_COMPARE(target->dropped, QByteArray("model"));
    QCOMPARE(target->droppedAt, dropAt);
    QCOMPARE(added.count(), 0); // a drag is not a click
}

void TstPaletteWidget::clickAndKeyAskForModel()
{
    PaletteWidget palette;
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QSignalSpy added(&palette, &PaletteWidget::addRequested);
    QTest::mouseClick(palette.modelEntry(), Qt::LeftButton);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("model"));
    palette.modelEntry()->setFocus();
    QTest::keyClick(palette.modelEntry(), Qt::Key_Space);
    QCOMPARE(added.count(), 2);
}

void TstPaletteWidget::entryIsNamed()
{
    PaletteWidget palette;
    QVERIFY(!palette.accessibleName().isEmpty());
    QVERIFY(palette.modelEntry()->accessibleName().contains(QLatin1String("Model")));
    QCOMPARE(palette.modelEntry()->focusPolicy(), Qt::StrongFocus);
    std::unique_ptr<QMimeData> data(PaletteWidget::mimeData(QStringLiteral("model")));
    QCOMPARE(data->data(QStringLiteral("application/x-modelcanvas-palette")), QByteArray("model"));
}

QTEST_MAIN(TstPaletteWidget)
#include "tst_palettewidget.moc"
