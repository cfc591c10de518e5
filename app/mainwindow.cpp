#include "mainwindow.h"

#include "applydialog.h"
#include "canvasscene.h"
#include "canvasview.h"
#include "commands/commands.h"
#include "connectiondialog.h"
#include "document/document.h"
#include "document/placement.h"
#include "document/recovery.h"
#include "documentproblemspanel.h"
#include "exportddldialog.h"
#include "menuaction.h"
#include "palettewidget.h"
#include "recentfiles.h"
#include "schemapanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <utility>

// The examples are compiled into mc_views, a static library: its resource initializer
// is linked in only when something references it. Q_INIT_RESOURCE must be used
// outside any namespace.
static void initResources()
{
    static bool done = false;
    if (!done) {
        Q_INIT_RESOURCE(resources);
        done = true;
    }
}

namespace mc {

namespace {
/// The schema tree is rebuilt whole: after an edit it waits for typing to pause.
constexpr int kSchemaRefreshMs = 250;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this)),
      m_recovery(new Recovery(m_document, this)), m_recentFiles(new RecentFiles(nullptr, this)),
      m_schemaPanel(new SchemaPanel(this)), m_palette(new PaletteWidget(this)),
      m_summaryLabel(new QLabel(this)), m_schemaRefresh(new QTimer(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_untitledName = tr("Untitled");
    m_untitledBase = QStringLiteral("untitled");

    // The canvas and the panels follow the document's signals: made before the
    // window connects its own, so they are current when the window reads them.
    createCanvas();
    createDocks();

    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setAccessibleName(tr("Schema summary"));
    statusBar()->addPermanentWidget(m_summaryLabel);
    m_schemaRefresh->setSingleShot(true);
    m_schemaRefresh->setInterval(kSchemaRefreshMs);
    connect(m_schemaRefresh, &QTimer::timeout, this, &MainWindow::refreshSchemaPanel);

    createFileMenu();
    createEditMenus();
    createOtherMenus();

    // The empty document made with the window is not shown as one until something is
    // opened or made: Export and Apply wait for that.
    connect(m_document, &Document::documentReset, this, [this] {
        m_hasDocument = true;
        documentWasReset();
    });
    connect(m_document, &Document::analysisChanged, this, &MainWindow::analysisWasChanged);
    connect(m_document, &Document::pathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &QWidget::setWindowModified);
    connect(m_palette, &PaletteWidget::addRequested, this, &MainWindow::addModel);
    connect(m_recentFiles, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    documentWasReset();
    analysisWasChanged();
    arrangeDocks();
}

MainWindow::~MainWindow()
{
    // The document is the window's first child and goes first: the canvas and its
    // scene, which read it, go before it.
    delete std::exchange(m_canvas, nullptr); // its viewport's filter checks m_canvas
    delete m_scene;
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    connect(menuAction(file, QStringLiteral("actionNew"), tr("&New"), QKeySequence::New),
            &QAction::triggered, this, &MainWindow::newDocument);
    connect(menuAction(file, QStringLiteral("actionOpen"), tr("&Open\u2026"), QKeySequence::Open),
            &QAction::triggered, this, &MainWindow::chooseFile);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    connect(menuAction(file, QStringLiteral("actionOpenExample"), tr("Open &Example")),
            &QAction::triggered, this, &MainWindow::openExample);
    file->addSeparator();
    connect(menuAction(file, QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save),
            &QAction::triggered, this, &MainWindow::save);
    // QKeySequence::SaveAs is empty on a bare X server: bind the usual key.
    connect(menuAction(file, QStringLiteral("actionSaveAs"), tr("Save &As\u2026"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)),
            &QAction::triggered, this, [this] { saveAs(); });
    m_revertAction = menuAction(file, QStringLiteral("actionRevert"), tr("Re&vert"), Qt::Key_F5);
    connect(m_revertAction, &QAction::triggered, this, &MainWindow::revert);
    file->addSeparator();
    m_exportDdlAction = menuAction(file, QStringLiteral("actionExportDdl"), tr("Export &DDL\u2026"),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportDdlAction, &QAction::triggered, this, &MainWindow::exportDdl);
    file->addSeparator();
    connect(menuAction(file, QStringLiteral("actionQuit"), tr("&Quit"), Qt::CTRL | Qt::Key_Q),
            &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createEditMenus()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    connect(
        menuAction(edit, QStringLiteral("actionAddModel"), tr("Add &Model"), Qt::CTRL | Qt::Key_M),
        &QAction::triggered, this, &MainWindow::addModel);
    createCanvasActions(edit);

    QMenu *arrange = menuBar()->addMenu(tr("&Arrange"));
    connect(menuAction(arrange, QStringLiteral("actionPlaceAll"), tr("&Place All Models")),
            &QAction::triggered, this, &MainWindow::placeAllModels);
}

void MainWindow::createOtherMenus()
{
    QMenu *database = menuBar()->addMenu(tr("&Database"));
    m_applyAction = menuAction(database, QStringLiteral("actionApplyToDatabase"),
                               tr("&Apply\u2026"), Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    m_applyAction->setStatusTip(tr("Create or update the schema in a SQLite, PostgreSQL or "
                                   "MariaDB database"));
    connect(m_applyAction, &QAction::triggered, this, &MainWindow::applyToDatabase);
    QAction *import = menuAction(database, QStringLiteral("actionImportFromDatabase"),
                                 tr("&Import\u2026"), Qt::CTRL | Qt::SHIFT | Qt::Key_I);
    import->setStatusTip(tr("Make a project from the tables of a SQLite, PostgreSQL or "
                            "MariaDB database"));
    connect(import, &QAction::triggered, this, &MainWindow::importFromDatabase);

    createViewMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(menuAction(help, QStringLiteral("actionAbout"), tr("&About ModelCanvas")),
            &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_recentFiles->paths();
    for (int i = 0; i < paths.size(); ++i) {
        const QString path = paths.at(i);
        // Numbered mnemonics 1-9, then 0 for the tenth.
        QAction *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName()));
        action->setObjectName(QStringLiteral("actionRecent%1").arg(i));
        action->setData(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Recent Files"));
    clear->setObjectName(QStringLiteral("actionClearRecent"));
    clear->setEnabled(!paths.isEmpty());
    connect(clear, &QAction::triggered, m_recentFiles, &RecentFiles::clear);
    m_recentMenu->setEnabled(!paths.isEmpty());
}

void MainWindow::documentWasReset()
{
    m_schemaRefresh->stop();
    refreshSchemaPanel();
    // reset() emits analysisChanged() next: the tree is current already.
    m_skipAnalysisRefresh = true;
    m_viewStatePending = true;
    applyViewState();
    m_revertAction->setEnabled(!m_document->path().isEmpty());
    setWindowModified(m_document->isModified());
    updateTitle();
}

void MainWindow::analysisWasChanged()
{
    // The problems panel follows the document itself.
    // Export explains a define error; applying has nothing to send, so it is not offered.
    m_exportDdlAction->setEnabled(m_hasDocument);
    m_applyAction->setEnabled(m_hasDocument && !m_document->derived().error);
    if (m_skipAnalysisRefresh)
        m_skipAnalysisRefresh = false;
    else
        m_schemaRefresh->start();
}

void MainWindow::refreshSchemaPanel()
{
    m_schemaPanel->setSchema(m_document->schema(), m_document->derived(), m_document->analysis());
    m_summaryLabel->setText(m_schemaPanel->summary());
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] \u2014 ModelCanvas").arg(documentName()));
    m_revertAction->setEnabled(!m_document->path().isEmpty());
}

void MainWindow::updateProblemsTitle()
{
    const int n = m_problemsPanel->count();
    m_problemsDock->setWindowTitle(n == 0 ? tr("Problems") : tr("Problems (%1)").arg(n));
}

QString MainWindow::documentName() const
{
    const QString path = m_document->path();
    return path.isEmpty() ? m_untitledName : QFileInfo(path).fileName();
}

QString MainWindow::currentPath() const
{
    return m_document->path();
}

QString MainWindow::projectName() const
{
    const QString path = m_document->path();
    return path.isEmpty() ? m_untitledBase : QFileInfo(path).completeBaseName();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Started without a file: show something useful rather than an empty canvas.
    if (!m_loadAttempted)
        openExample();
    // Fitting needs the viewport's real size, known once shown.
    applyViewState();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About ModelCanvas"),
        tr("<h3>ModelCanvas %1</h3>"
           "<p>A schema designer built on Sequelize 6 association semantics.</p>"
           "<p>Foreign keys, junction tables, accessors and the creation order are derived "
           "from the models and associations exactly as Sequelize derives them.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::exportDdl()
{
    // Window-modal but not blocking: the dialog deletes itself when closed.
    auto *dialog =
        new ExportDdlDialog(m_document->derived(), m_document->analysis(), projectName(), this);
    dialog->setObjectName(QStringLiteral("exportDdlDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::applyToDatabase()
{
    auto *connection = new ConnectionDialog(ConnectionDialog::Purpose::Apply, this);
    connection->setObjectName(QStringLiteral("connectionDialog"));
    connection->setAttribute(Qt::WA_DeleteOnClose);
    connect(connection, &QDialog::accepted, this,
            [this, connection] { openApplyDialog(connection->target()); });
    connection->open();
}

void MainWindow::openApplyDialog(const DatabaseTarget &target)
{
    // The dialog gets copies: an edit while it runs cannot change what it applies.
    auto *dialog = new ApplyDialog(target, m_document->derived(), m_document->analysis(), this);
    dialog->setObjectName(QStringLiteral("applyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::importFromDatabase()
{
    // Asked first, so that a canceled question costs no connection.
    if (!maybeSave())
        return;
    auto *connection = new ConnectionDialog(ConnectionDialog::Purpose::Import, this);
    connection->setObjectName(QStringLiteral("connectionDialog"));
    connection->setAttribute(Qt::WA_DeleteOnClose);
    connect(connection, &QDialog::accepted, this,
            [this, connection] { importDatabase(connection->target()); });
    connection->open();
}

void MainWindow::importDatabase(const DatabaseTarget &target)
{
    if (!maybeSave())
        return;
    // It deletes itself once the run is over (canceled or not), never earlier.
    auto *dialog = new ImportDialog(target, this);
    dialog->setObjectName(QStringLiteral("importDialog"));
    dialog->setHooks(m_importHooks);
    if (!m_document->path().isEmpty())
        dialog->setFallbackDirectory(QFileInfo(m_document->path()).absolutePath());
    connect(dialog, &ImportDialog::saved, this, [this, target](const QString &path) {
        if (loadPath(path))
            statusBar()->showMessage(
                tr("Imported %1 into %2").arg(target.url(), QFileInfo(path).fileName()), 5000);
    });
    dialog->start();
    dialog->open();
}

void MainWindow::placeAllModels()
{
    QVector<ModelId> ids;
    QVector<PositionChange> before;
    for (int i = 0; i < m_document->modelCount(); ++i) {
        const ModelId id = m_document->modelIdAt(i);
        ids << id;
        before << PositionChange{id, m_document->model(id)->position};
    }
    if (EditCommand *command =
            moveCommand(m_document, before, placeModels(*m_document, ids), tr("Place All Models")))
        m_document->undoStack()->push(command);
}

} // namespace mc
