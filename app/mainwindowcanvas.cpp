// MainWindow's editor parts: the canvas in the centre, the docks around it, the
// canvas's Edit and View actions, and the view state (zoom, centre) kept in the file.
#include "mainwindow.h"

#include "canvasscene.h"
#include "canvasview.h"
#include "ddlpanel.h"
#include "document/document.h"
#include "documentproblemspanel.h"
#include "historypanel.h"
#include "menuaction.h"
#include "palettewidget.h"
#include "propertypanel.h"
#include "schemapanel.h"
#include "viewstate.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QLineF>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>

namespace mc {

namespace {

const QLatin1String kGeometryKey("mainWindow/geometry");
const QLatin1String kStateKey("mainWindow/state");

QDockWidget *makeDock(QMainWindow *window, const QString &name, const QString &title,
                      QWidget *content)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setAccessibleName(title);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    return dock;
}

/// Gives \a widget an objectName and accessible name unless its class chose them.
void name(QWidget *widget, const QString &objectName, const QString &accessibleName)
{
    if (widget->objectName().isEmpty())
        widget->setObjectName(objectName);
    if (widget->accessibleName().isEmpty())
        widget->setAccessibleName(accessibleName);
}

} // namespace

void MainWindow::createCanvas()
{
    m_scene = new CanvasScene(m_document, this);
    m_canvas = new CanvasView(m_scene, this);
    m_canvas->setObjectName(QStringLiteral("canvasView"));
    m_canvas->viewport()->setObjectName(QStringLiteral("canvasViewport"));
    setCentralWidget(m_canvas);
    m_canvas->viewport()->installEventFilter(this);
    connect(m_canvas, &CanvasView::messageRequested, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
}

void MainWindow::createDocks()
{
    m_properties = new PropertyPanel(m_document, this);
    m_problemsPanel = new DocumentProblemsPanel(m_document, this);
    m_ddlPanel = new DdlPanel(m_document, this);
    m_historyPanel = new HistoryPanel(m_document, this);
    name(m_properties, QStringLiteral("propertyPanel"), tr("Properties"));
    name(m_problemsPanel, QStringLiteral("problemsPanel"), tr("Problems"));
    name(m_ddlPanel, QStringLiteral("ddlPanel"), tr("Live DDL"));
    name(m_historyPanel, QStringLiteral("historyPanel"), tr("Undo history"));
    name(m_palette, QStringLiteral("paletteWidget"), tr("Palette"));
    m_schemaPanel->setObjectName(QStringLiteral("schemaPanel"));
    m_schemaPanel->setAccessibleName(tr("Derived schema"));
    m_schemaPanel->view()->setAccessibleName(tr("Derived tables, columns and accessors"));

    m_paletteDock = makeDock(this, QStringLiteral("paletteDock"), tr("Palette"), m_palette);
    m_propertiesDock =
        makeDock(this, QStringLiteral("propertiesDock"), tr("Properties"), m_properties);
    m_schemaDock = makeDock(this, QStringLiteral("schemaDock"), tr("Schema"), m_schemaPanel);
    m_problemsDock =
        makeDock(this, QStringLiteral("problemsDock"), tr("Problems"), m_problemsPanel);
    m_ddlDock = makeDock(this, QStringLiteral("ddlDock"), tr("DDL"), m_ddlPanel);
    m_historyDock = makeDock(this, QStringLiteral("historyDock"), tr("History"), m_historyPanel);

    // The palette and the right-hand docks run the window's full height; the bottom
    // docks sit under the canvas only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    tabifyDockWidget(m_propertiesDock, m_schemaDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    tabifyDockWidget(m_problemsDock, m_ddlDock);
    tabifyDockWidget(m_ddlDock, m_historyDock);
    m_propertiesDock->raise();
    m_problemsDock->raise();
    // Scroll areas inside the panels take focus: a screen reader must not meet an
    // unnamed one (reported to the panels' owners; harmless once they name them).
    for (QDockWidget *dock : {m_propertiesDock, m_problemsDock}) {
        for (QScrollArea *area : dock->widget()->findChildren<QScrollArea *>())
            name(area, dock->objectName() + QStringLiteral("ScrollArea"),
                 tr("%1, scrollable").arg(dock->windowTitle()));
    }

    connect(m_scene, &CanvasScene::selectionIdsChanged, this, [this] {
        m_properties->setSelection(m_scene->selectedModels(), m_scene->selectedAssociations());
    });
    connect(m_problemsPanel, &DocumentProblemsPanel::itemsActivated, this,
            &MainWindow::showProblemItems);
    connect(m_problemsPanel, &DocumentProblemsPanel::countChanged, this,
            &MainWindow::updateProblemsTitle);
    connect(m_ddlPanel, &DdlPanel::dialectChanged, this, &MainWindow::setDialect);
    connect(m_schemaPanel, &SchemaPanel::dialectChanged, this, &MainWindow::setDialect);
}

void MainWindow::arrangeDocks()
{
    // Roomy by default, never larger than the screen (small laptops, HiDPI scaling).
    QSize size(1440, 900);
    if (const QScreen *shown = screen())
        size = size.boundedTo(shown->availableGeometry().size() * 0.92);
    resize(size);
    resizeDocks({m_paletteDock, m_propertiesDock}, {150, 400}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {270}, Qt::Vertical);
    updateProblemsTitle();
}

void MainWindow::createCanvasActions(QMenu *edit)
{
    edit->addSeparator();
    // These act on the canvas's selection: their keys work while the canvas has
    // focus (Delete in the attribute list or the problems must not delete a model);
    // the menu entries work from anywhere. The canvas also takes Delete, Ctrl+C/V/D
    // itself (ShortcutOverride), so a key never reaches two handlers.
    const auto canvasAction = [this, edit](const char *name, const QString &text,
                                           const QKeySequence &key) {
        QAction *action = menuAction(edit, QLatin1String(name), text, key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_canvas->addAction(action);
        return action;
    };
    connect(canvasAction("actionDelete", tr("&Delete"), QKeySequence::Delete), &QAction::triggered,
            m_canvas, &CanvasView::deleteSelection);
    connect(canvasAction("actionCopy", tr("&Copy"), QKeySequence::Copy), &QAction::triggered,
            m_canvas, &CanvasView::copySelection);
    connect(canvasAction("actionPaste", tr("&Paste"), QKeySequence::Paste), &QAction::triggered,
            m_canvas, &CanvasView::paste);
    connect(canvasAction("actionDuplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D)),
            &QAction::triggered, m_canvas, &CanvasView::duplicateSelection);
    edit->addSeparator();
    connect(canvasAction("actionSelectAll", tr("Select &All"), QKeySequence::SelectAll),
            &QAction::triggered, this, &MainWindow::selectAll);
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = menuAction(m_viewMenu, QStringLiteral("actionZoomIn"), tr("Zoom &In"));
    zoomIn->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn, &QAction::triggered, m_canvas, &CanvasView::zoomIn);
    connect(menuAction(m_viewMenu, QStringLiteral("actionZoomOut"), tr("Zoom &Out"),
                       QKeySequence(Qt::CTRL | Qt::Key_Minus)),
            &QAction::triggered, m_canvas, &CanvasView::zoomOut);
    connect(menuAction(m_viewMenu, QStringLiteral("actionFitAll"), tr("&Fit All"),
                       QKeySequence(Qt::CTRL | Qt::Key_0)),
            &QAction::triggered, m_canvas, &CanvasView::fitAll);
    connect(menuAction(m_viewMenu, QStringLiteral("actionActualSize"), tr("&Actual Size")),
            &QAction::triggered, m_canvas, [this] { m_canvas->setZoom(1.0); });

    m_viewMenu->addSeparator();
    QMenu *types = m_viewMenu->addMenu(tr("Column &Types"));
    types->setObjectName(QStringLiteral("dialectMenu"));
    auto *group = new QActionGroup(this);
    const QVector<QPair<Dialect, QString>> dialects = {{Dialect::SQLite, tr("&SQLite")},
                                                       {Dialect::Postgres, tr("&PostgreSQL")},
                                                       {Dialect::MySQL, tr("&MariaDB / MySQL")}};
    for (const auto &[dialect, text] : dialects) {
        QAction *action =
            menuAction(types, QStringLiteral("actionDialect_") + dialectName(dialect), text);
        action->setCheckable(true);
        action->setChecked(dialect == m_scene->dialect());
        action->setData(int(dialect));
        group->addAction(action);
        const Dialect chosen = dialect;
        connect(action, &QAction::triggered, this, [this, chosen] { setDialect(chosen); });
        m_dialectActions << action;
    }

    m_viewMenu->addSeparator();
    for (QDockWidget *dock : {m_paletteDock, m_propertiesDock, m_schemaDock, m_problemsDock,
                              m_ddlDock, m_historyDock}) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionShow_") + dock->objectName());
        m_viewMenu->addAction(toggle);
    }
}

void MainWindow::setDialect(Dialect dialect)
{
    if (m_scene->dialect() != dialect)
        m_scene->setDialect(dialect);
    for (QAction *action : std::as_const(m_dialectActions))
        action->setChecked(action->data().toInt() == int(dialect));
    // Each emits dialectChanged only on a change: no loop back here.
    m_ddlPanel->setDialect(dialect);
    m_schemaPanel->setDialect(dialect);
}

void MainWindow::addModel()
{
    // At the centre of what is shown, stepped aside from a model already there, and
    // named in place.
    const QPointF centre = m_canvas->mapToScene(m_canvas->viewport()->rect().center());
    QPointF at = centre - QPointF(90, 40);
    for (int step = 0; step < 50; ++step) {
        bool taken = false;
        for (int i = 0; i < m_document->modelCount() && !taken; ++i) {
            const Model *model = m_document->model(m_document->modelIdAt(i));
            taken = model && model->position && QLineF(*model->position, at).length() < 24;
        }
        if (!taken)
            break;
        at += QPointF(32, 32);
    }
    m_canvas->setFocus();
    m_canvas->createModelAt(at);
}

void MainWindow::selectAll()
{
    QVector<ModelId> models;
    QVector<AssociationId> associations;
    for (int i = 0; i < m_document->modelCount(); ++i)
        models << m_document->modelIdAt(i);
    for (int i = 0; i < m_document->associationCount(); ++i)
        associations << m_document->associationIdAt(i);
    m_scene->selectItems(models, associations);
}

void MainWindow::showProblemItems(const QVector<ModelId> &models,
                                  const QVector<AssociationId> &associations)
{
    if (models.isEmpty() && associations.isEmpty())
        return;
    m_scene->selectItems(models, associations);
    m_canvas->centreOn(models, associations);
}

std::optional<JsonValue> MainWindow::currentView() const
{
    // Never laid out (a window that was not shown): keep the `view` that was loaded.
    if (m_viewStatePending)
        return m_document->schema().view;
    const QPointF centre = m_canvas->mapToScene(m_canvas->viewport()->rect().center());
    return withViewState(m_document->schema().view, m_canvas->zoom(), centre);
}

void MainWindow::applyViewState()
{
    if (!m_viewStatePending)
        return;
    double zoom = 1.0;
    QPointF centre;
    if (readViewState(m_document->schema().view, &zoom, &centre)) {
        m_canvas->setZoom(zoom);
        m_canvas->centerOn(centre);
    } else if (isVisible()) {
        // No saved view: everything in sight, but never blown up past 100%.
        m_canvas->fitAll();
        if (m_canvas->zoom() > 1.0 || m_document->modelCount() == 0) {
            m_canvas->setZoom(1.0);
            m_canvas->centerOn(m_scene->itemsBoundingRect().center());
        }
    }
    m_viewStatePending = !isVisible();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

} // namespace mc
