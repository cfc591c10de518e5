#include "canvasview.h"

#include "canvasaccessible.h"
#include "canvaslegend.h"
#include "canvasscene.h"
#include "canvasstyle.h"
#include "modelnodeitem.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace mc {

namespace {
constexpr double minZoom = 0.03;
constexpr double maxZoom = 4.0;
constexpr double sceneMargin = 2000;
} // namespace

CanvasView::CanvasView(CanvasScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent), m_scene(scene),
      m_legend(new CanvasLegend(scene->document(), this))
{
    installCanvasAccessibility();
    setAccessibleName(tr("Diagram"));
    setAccessibleDescription(tr("Models as nodes, associations as edges"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    // Every item sets the pen, brush, font and hints it uses: no save/restore per item.
    setOptimizationFlags(DontAdjustForAntialiasing | DontSavePainterState);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    m_aliasPrompt = AssociationPopup::defaultPrompt();
    connect(scene->document(), &Document::analysisChanged, this, &CanvasView::placeLegend);
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &CanvasView::updateSceneRect);
    connect(scene, &CanvasScene::itemsChanged, this, [this] {
        if (QAccessible::isActive()) {
            QAccessibleEvent event(this, QAccessible::ObjectReorder);
            QAccessible::updateAccessibility(&event);
        }
    });
    connect(scene, &CanvasScene::selectionIdsChanged, this, [this] {
        if (QAccessible::isActive()) {
            QAccessibleEvent event(this, QAccessible::SelectionWithin);
            QAccessible::updateAccessibility(&event);
        }
    });
    updateSceneRect();
    m_legend->raise();
}

CanvasView::~CanvasView()
{
    // An open name editor commits when it loses focus, which its destruction as our
    // child would cause after this object is no longer a CanvasView.
    delete m_nameEditor;
}

// ---- zoom and pan -------------------------------------------------------------------

void CanvasView::setZoom(double zoom)
{
    zoom = qBound(minZoom, zoom, maxZoom);
    if (qFuzzyCompare(zoom, m_zoom) && qFuzzyCompare(transform().m11(), zoom))
        return;
    m_zoom = zoom;
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(m_zoom);
}

void CanvasView::zoomBy(double factor)
{
    setZoom(m_zoom * factor);
}

void CanvasView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(1.25);
    setTransformationAnchor(anchor);
}

void CanvasView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(0.8);
    setTransformationAnchor(anchor);
}

void CanvasView::fitAll()
{
    const QRectF rect = m_scene->itemsBoundingRect();
    if (rect.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    fitInView(rect.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    const double fitted = qMin(transform().m11(), 1.5);
    m_zoom = 0; // force setZoom to apply the clamped value
    setZoom(fitted);
    centerOn(rect.center());
}

void CanvasView::centreOn(const QVector<ModelId> &models,
                          const QVector<AssociationId> &associations)
{
    const QRectF rect = m_scene->itemsRect(models, associations);
    if (rect.isNull())
        return;
    const QSizeF visible = mapToScene(viewport()->rect()).boundingRect().size();
    if (rect.width() > visible.width() * 0.9 || rect.height() > visible.height() * 0.9) {
        const double scale =
            qMin(visible.width() * 0.9 / rect.width(), visible.height() * 0.9 / rect.height());
        setZoom(m_zoom * scale);
    }
    centerOn(rect.center());
}

void CanvasView::updateSceneRect()
{
    const QRectF items = m_scene->sceneRect();
    setSceneRect(items.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

// ---- keys ---------------------------------------------------------------------------

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (ctrl && event->key() == Qt::Key_0) {
        fitAll();
    } else if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        deleteSelection();
    } else if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->matches(QKeySequence::Paste)) {
        paste();
    } else if (ctrl && event->key() == Qt::Key_D) {
        duplicateSelection();
    } else if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
    } else if (event->key() == Qt::Key_F2 && !m_scene->selectedModels().isEmpty()) {
        editName(m_scene->selectedModels().first());
    } else if (event->matches(QKeySequence::SelectAll)) {
        for (QGraphicsItem *item : m_scene->items())
            item->setSelected(item->flags() & QGraphicsItem::ItemIsSelectable);
    } else if (event->key() >= Qt::Key_Left && event->key() <= Qt::Key_Down &&
               !m_scene->selectedModels().isEmpty()) {
        const qreal step = event->modifiers() & Qt::ShiftModifier ? 1 : 10;
        const int key = event->key();
        nudgeSelection(QPointF(key == Qt::Key_Left    ? -step
                               : key == Qt::Key_Right ? step
                                                      : 0,
                               key == Qt::Key_Up     ? -step
                               : key == Qt::Key_Down ? step
                                                     : 0));
    } else if (event->key() == Qt::Key_Escape && m_connectFrom) {
        m_connectFrom = 0;
        viewport()->update();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

bool CanvasView::event(QEvent *event)
{
    // Ctrl+C/V/D and Delete belong to the canvas while it has focus, even when a
    // window action uses the same keys.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Paste) ||
            key->matches(QKeySequence::Delete) ||
            (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_D)) {
            event->accept();
            return true;
        }
    }
    return QGraphicsView::event(event);
}

bool CanvasView::focusNextPrevChild(bool next)
{
    // Tab walks the diagram's items, then leaves the canvas (no keyboard trap).
    if (hasFocus() && selectNext(next))
        return true;
    return QGraphicsView::focusNextPrevChild(next);
}

// ---- mouse --------------------------------------------------------------------------

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_scene->setInMotion(true);
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && startConnect(event->position().toPoint())) {
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
    m_dragStart.clear();
    if (event->button() == Qt::LeftButton)
        for (QGraphicsItem *item : m_scene->selectedItems())
            if (auto *node = qgraphicsitem_cast<ModelNodeItem *>(item))
                m_dragStart.insert(node->id(), node->pos());
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint pos = event->position().toPoint();
        const QPoint delta = pos - m_panLast;
        m_panLast = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    if (m_connectFrom) {
        m_connectEnd = mapToScene(event->position().toPoint());
        viewport()->update();
        event->accept();
        return;
    }
    if ((event->buttons() & Qt::LeftButton) && !m_dragStart.isEmpty())
        m_scene->setInMotion(true);
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        m_scene->setInMotion(false);
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    if (m_connectFrom) {
        finishConnect(event->position().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton) {
        commitMove();
        m_scene->setInMotion(false);
    }
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mouseDoubleClickEvent(event);
        return;
    }
    QGraphicsItem *item = itemAt(event->position().toPoint());
    if (!item) {
        createModelAt(mapToScene(event->position().toPoint()));
        event->accept();
        return;
    }
    if (auto *node = qgraphicsitem_cast<ModelNodeItem *>(item)) {
        const QPointF local = node->mapFromScene(mapToScene(event->position().toPoint()));
        if (node->headerRect().contains(local) && !node->chevronRect().contains(local)) {
            editName(node->id());
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

// ---- palette drops ------------------------------------------------------------------

void CanvasView::dragEnterEvent(QDragEnterEvent *event)
{
    // Anything else (a .json file) is left to the window: ignored, it propagates up.
    if (event->mimeData()->hasFormat(paletteMimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void CanvasView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(paletteMimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void CanvasView::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(paletteMimeType()) && mime->data(paletteMimeType()) == "model") {
        event->acceptProposedAction();
        createModelAt(mapToScene(event->position().toPoint()));
        return;
    }
    event->ignore();
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeLegend();
}

void CanvasView::placeLegend()
{
    m_legend->adjustSize();
    const QRect area = viewport()->geometry();
    m_legend->move(area.left() + 10, area.bottom() - m_legend->height() - 10);
}

} // namespace mc
