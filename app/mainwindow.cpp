#include "mainwindow.h"

#include "applydialog.h"
#include "connectiondialog.h"
#include "exportddldialog.h"
#include "importdialog.h"
#include "io/schemareader.h"
#include "problemspanel.h"
#include "rules/analysis.h"
#include "rules/derive.h"
#include "rules/lint.h"
#include "schemapanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

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
constexpr QLatin1String kExample(":/examples/users-pictures.json");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_schemaPanel(new SchemaPanel(this)),
      m_problemsPanel(new ProblemsPanel(this)), m_problemsDock(new QDockWidget(this)),
      m_summaryLabel(new QLabel(this))
{
    initResources();
    setWindowTitle(QStringLiteral("ModelCanvas"));
    setCentralWidget(m_schemaPanel);

    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problemsPanel);
    m_problemsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    updateProblemsTitle();
    // pathActivated will select the object on the canvas; until then nothing listens.

    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    statusBar()->addPermanentWidget(m_summaryLabel);
    m_summaryLabel->setText(m_schemaPanel->summary());
    createActions();

    resize(1440, 880);
    resizeDocks({m_problemsDock}, {230}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open..."), this, &MainWindow::chooseFile);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    m_reloadAction = file->addAction(tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setObjectName(QStringLiteral("actionReload"));
    m_reloadAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_reloadAction->setEnabled(false);
    QAction *example = file->addAction(tr("Open &Example"), this, &MainWindow::openExample);
    example->setObjectName(QStringLiteral("actionOpenExample"));
    file->addSeparator();
    m_exportDdlAction = file->addAction(tr("Export &DDL\u2026"), this, &MainWindow::exportDdl);
    m_exportDdlAction->setObjectName(QStringLiteral("actionExportDdl"));
    m_exportDdlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportDdlAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *database = menuBar()->addMenu(tr("&Database"));
    m_applyAction = database->addAction(tr("&Apply\u2026"), this, &MainWindow::applyToDatabase);
    m_applyAction->setObjectName(QStringLiteral("actionApplyToDatabase"));
    m_applyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_applyAction->setStatusTip(tr("Create or update the schema in a SQLite, PostgreSQL or "
                                   "MariaDB database"));
    m_applyAction->setEnabled(false);
    // Always available: importing needs no document, it makes one.
    QAction *import =
        database->addAction(tr("&Import\u2026"), this, &MainWindow::importFromDatabase);
    import->setObjectName(QStringLiteral("actionImportFromDatabase"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    import->setStatusTip(tr("Make a project from the tables of a SQLite, PostgreSQL or "
                            "MariaDB database"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_problemsDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About ModelCanvas"), this, &MainWindow::about);
    about->setObjectName(QStringLiteral("actionAbout"));
}

bool MainWindow::openFile(const QString &path)
{
    return present(readSchemaFile(path), QFileInfo(path).absoluteFilePath(),
                   QFileInfo(path).fileName());
}

bool MainWindow::openExample()
{
    QFile file(kExample);
    LoadResult result;
    if (file.open(QIODevice::ReadOnly))
        result = readSchema(file.readAll());
    else
        result.diagnostics << Diagnostic::error(
            QString(), tr("the bundled example %1 is missing").arg(kExample));
    return present(result, QString(), tr("users-pictures.json (example)"));
}

bool MainWindow::present(const LoadResult &result, const QString &path, const QString &displayName)
{
    m_loadAttempted = true;
    if (!result.schema) {
        const QString kept = m_displayName.isEmpty()
                                 ? tr("nothing is shown")
                                 : tr("still showing %1, unchanged").arg(m_displayName);
        m_problemsPanel->setDiagnostics(result.diagnostics,
                                        tr("%1 could not be loaded; %2.").arg(displayName, kept));
        updateProblemsTitle();
        m_problemsDock->show();
        statusBar()->showMessage(tr("Could not load %1 (%2)").arg(displayName, kept));
        return false;
    }
    const DerivedSchema derived = derive(*result.schema);
    const Analysis analysis = analyse(derived);
    // Loader warnings first: they are about the file as written.
    const Diagnostics problems =
        result.diagnostics + checkSchema(*result.schema, derived, analysis, false);
    m_schemaPanel->setSchema(*result.schema, derived, analysis);
    m_problemsPanel->setDiagnostics(problems);
    updateProblemsTitle();

    m_path = path;
    m_displayName = displayName;
    m_projectName = QFileInfo(path.isEmpty() ? QString(kExample) : path).completeBaseName();
    m_reloadAction->setEnabled(true);
    m_exportDdlAction->setEnabled(true);
    // Export explains a define error; applying has nothing to send, so it is not offered.
    m_applyAction->setEnabled(!derived.error);
    setWindowTitle(QStringLiteral("%1 \u2014 ModelCanvas").arg(displayName));
    m_summaryLabel->setText(m_schemaPanel->summary());
    statusBar()->showMessage(tr("Loaded %1").arg(displayName), 5000);
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Started without a file: show something useful rather than an empty tree.
    if (!m_loadAttempted)
        openExample();
}

void MainWindow::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), dir,
                                                      tr("ModelCanvas projects (*.json)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::reload()
{
    if (m_displayName.isEmpty())
        return;
    if (m_path.isEmpty())
        openExample();
    else
        openFile(m_path);
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
    auto *dialog = new ExportDdlDialog(m_schemaPanel->derived(), m_schemaPanel->analysis(),
                                       m_projectName, this);
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
    // The dialog gets copies: a reload while it runs cannot change what it applies.
    auto *dialog =
        new ApplyDialog(target, m_schemaPanel->derived(), m_schemaPanel->analysis(), this);
    dialog->setObjectName(QStringLiteral("applyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::importFromDatabase()
{
    auto *connection = new ConnectionDialog(ConnectionDialog::Purpose::Import, this);
    connection->setObjectName(QStringLiteral("connectionDialog"));
    connection->setAttribute(Qt::WA_DeleteOnClose);
    connect(connection, &QDialog::accepted, this,
            [this, connection] { importDatabase(connection->target()); });
    connection->open();
}

void MainWindow::importDatabase(const DatabaseTarget &target)
{
    // It deletes itself once the run is over (canceled or not), never earlier.
    auto *dialog = new ImportDialog(target, this);
    dialog->setObjectName(QStringLiteral("importDialog"));
    dialog->setHooks(m_importHooks);
    if (!m_path.isEmpty())
        dialog->setFallbackDirectory(QFileInfo(m_path).absolutePath());
    connect(dialog, &ImportDialog::saved, this, [this, target](const QString &path) {
        if (openFile(path))
            statusBar()->showMessage(
                tr("Imported %1 into %2").arg(target.url(), QFileInfo(path).fileName()), 5000);
    });
    dialog->start();
    dialog->open();
}

void MainWindow::updateProblemsTitle()
{
    const int n = m_problemsPanel->count();
    m_problemsDock->setWindowTitle(n == 0 ? tr("Problems") : tr("Problems (%1)").arg(n));
}

} // namespace mc
