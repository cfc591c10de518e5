#pragma once

#include "associationpopup.h"
#include "document/document.h"
#include "nameeditor.h"

#include <QGraphicsView>
#include <QHash>
#include <QPointer>

namespace mc {

class CanvasLegend;
class CanvasScene;

/// The diagram view: zoom (Ctrl+wheel, Ctrl+plus/minus, Ctrl+0 fits all), pan
/// (middle button, space+drag), rubber-band selection, and the gestures that edit
/// the design, each one command on the document's undo stack: drag nodes (one
/// move per drag), Delete, copy/paste/duplicate, double-click or a palette drop to
/// create a model (named in place), a drag from a node's handle to associate.
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    /// The palette's drag: data "model" creates a model at the drop point.
    static QString paletteMimeType() { return QStringLiteral("application/x-modelcanvas-palette"); }
    /// Copied models: a modelcanvas/1 fragment (copyModels()).
    static QString clipboardMimeType() { return QStringLiteral("application/x-modelcanvas"); }

    explicit CanvasView(CanvasScene *scene, QWidget *parent = nullptr);
    ~CanvasView() override;

    CanvasScene *canvasScene() const { return m_scene; }
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    void fitAll();
    void centreOn(const QVector<ModelId> &models, const QVector<AssociationId> &associations);

    /// Replaces the `as` question (QInputDialog) of new associations, e.g. in tests.
    void setAliasPrompt(AliasPrompt prompt) { m_aliasPrompt = std::move(prompt); }
    /// The open in-place name editor, nullptr when none.
    NameEditor *nameEditor() const { return m_nameEditor; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void deleteSelection();
    void copySelection();
    void paste();
    void duplicateSelection();
    /// Adds a model at \a scenePos and opens its name for editing.
    void createModelAt(const QPointF &scenePos);
    void editName(mc::ModelId id);
    /// Moves the selected models by \a delta; repeated nudges merge into one step.
    void nudgeSelection(const QPointF &delta);
    /// Selects and shows the next (or previous) node or edge; false past the end.
    bool selectNext(bool forward);

Q_SIGNALS:
    void zoomChanged(double zoom);
    /// Something the user should read (a paste that could not be read...).
    void messageRequested(const QString &text);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    bool startConnect(const QPoint &viewPos);
    void finishConnect(const QPoint &viewPos);
    void commitMove();
    void zoomBy(double factor);
    void placeLegend();
    void updateSceneRect();

    CanvasScene *m_scene;
    CanvasLegend *m_legend;
    double m_zoom = 1.0;
    AliasPrompt m_aliasPrompt;
    QPointer<NameEditor> m_nameEditor;

    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;
    ModelId m_connectFrom = 0;
    QPointF m_connectEnd;
    /// Positions of the selected nodes when a press may start a drag.
    QHash<ModelId, QPointF> m_dragStart;
};

} // namespace mc
