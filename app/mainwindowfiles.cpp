// MainWindow's File steps: open, save, revert, the unsaved-changes question, recovery.
#include "mainwindow.h"

#include "canvasview.h"
#include "commands/commands.h"
#include "document/document.h"
#include "document/placement.h"
#include "document/recovery.h"
#include "documentproblemspanel.h"
#include "io/schemareader.h"
#include "recentfiles.h"

#include <QCloseEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace mc {

namespace {

constexpr QLatin1String kExample(":/examples/users-pictures.json");

/// The first local .json file a drag carries, empty when none.
QString droppedProject(const QMimeData *data)
{
    if (!data || !data->hasUrls())
        return QString();
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() &&
            url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            return url.toLocalFile();
    }
    return QString();
}

} // namespace

QMessageBox::StandardButton MainWindow::ask(const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons)
{
    if (m_fileHooks.ask)
        return m_fileHooks.ask(this, title, text, buttons);
    return QMessageBox::question(this, title, text, buttons);
}

void MainWindow::showError(const QString &title, const QString &text)
{
    if (m_fileHooks.error)
        m_fileHooks.error(this, title, text);
    else
        QMessageBox::critical(this, title, text);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QString name = documentName();
    switch (ask(tr("Unsaved Changes"),
                tr("%1 has changes that are not saved. Save them first?").arg(name),
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel)) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool MainWindow::newDocument()
{
    if (!maybeSave())
        return false;
    m_loadAttempted = true;
    m_untitledName = tr("Untitled");
    m_untitledBase = QStringLiteral("untitled");
    m_document->reset(Schema());
    statusBar()->showMessage(tr("New project"), 5000);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    return maybeSave() && loadPath(path);
}

bool MainWindow::loadPath(const QString &path)
{
    m_loadAttempted = true;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString name = QFileInfo(path).fileName();
    Diagnostics problems;
    if (!m_document->load(absolute, &problems)) {
        const QString kept = m_hasDocument ? tr("still showing %1, unchanged").arg(documentName())
                                           : tr("nothing is shown");
        if (!QFileInfo::exists(absolute))
            m_recentFiles->remove(absolute); // a recent file that is gone
        m_problemsPanel->setDiagnostics(problems,
                                        tr("%1 could not be loaded; %2.").arg(name, kept));
        updateProblemsTitle();
        statusBar()->showMessage(tr("Could not load %1 (%2)").arg(name, kept));
        return false;
    }
    placeUnplacedModels();
    m_recentFiles->add(absolute);
    statusBar()->showMessage(tr("Loaded %1").arg(name), 5000);
    return true;
}

bool MainWindow::openExample()
{
    if (!maybeSave())
        return false;
    m_loadAttempted = true;
    QFile file(kExample);
    LoadResult result;
    if (file.open(QIODevice::ReadOnly))
        result = readSchema(file.readAll());
    if (!result.schema) {
        showError(tr("Open Example"), tr("The bundled example %1 is missing.").arg(kExample));
        return false;
    }
    m_untitledName = tr("users-pictures.json (example)");
    m_untitledBase = QFileInfo(kExample).completeBaseName();
    m_document->reset(std::move(*result.schema), QString(), result.diagnostics);
    placeUnplacedModels();
    statusBar()->showMessage(tr("Loaded the example"), 5000);
    return true;
}

void MainWindow::chooseFile()
{
    const QString current = m_document->path();
    const QString dir = current.isEmpty() ? QString() : QFileInfo(current).absolutePath();
    const QString path = m_fileHooks.openPath
                             ? m_fileHooks.openPath(this, dir)
                             : QFileDialog::getOpenFileName(this, tr("Open Project"), dir,
                                                            tr("ModelCanvas projects (*.json)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    const QString path = m_document->path();
    return path.isEmpty() ? saveAs() : writeTo(path);
}

bool MainWindow::saveAs(const QString &path)
{
    QString target = path;
    if (target.isEmpty()) {
        const QString current = m_document->path();
        const QString suggested =
            current.isEmpty() ? projectName() + QStringLiteral(".json") : current;
        target = m_fileHooks.savePath
                     ? m_fileHooks.savePath(this, suggested)
                     : QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested,
                                                    tr("ModelCanvas projects (*.json)"));
    }
    return !target.isEmpty() && writeTo(target);
}

bool MainWindow::writeTo(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_document->setView(currentView());
    QString error;
    if (!m_document->save(absolute, &error)) {
        showError(tr("Save"), error);
        return false;
    }
    m_recentFiles->add(absolute);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(absolute).fileName()), 5000);
    return true;
}

bool MainWindow::revert()
{
    const QString path = m_document->path();
    if (path.isEmpty())
        return false;
    if (m_document->isModified() &&
        ask(tr("Revert"),
            tr("Drop the changes made since %1 was saved?").arg(QFileInfo(path).fileName()),
            QMessageBox::Discard | QMessageBox::Cancel) != QMessageBox::Discard)
        return false;
    return loadPath(path);
}

void MainWindow::placeUnplacedModels()
{
    QVector<ModelId> unplaced;
    QVector<PositionChange> before;
    for (int i = 0; i < m_document->modelCount(); ++i) {
        const ModelId id = m_document->modelIdAt(i);
        if (!m_document->model(id)->position) {
            unplaced << id;
            before << PositionChange{id, std::nullopt};
        }
    }
    if (unplaced.isEmpty())
        return;
    // Part of opening, not an edit: applied without an undo step, so the document
    // stays clean (Arrange > Place All Models is the undoable one).
    std::unique_ptr<EditCommand> command(
        moveCommand(m_document, before, placeModels(*m_document, unplaced), QString()));
    if (command)
        command->redo();
}

bool MainWindow::offerRecovery()
{
    const QVector<Recovery::Orphan> orphans = Recovery::orphans();
    if (orphans.isEmpty())
        return false;
    const Recovery::Orphan &orphan = orphans.first();
    const QString name = orphan.originalPath.isEmpty() ? tr("An unsaved project")
                                                       : QFileInfo(orphan.originalPath).fileName();
    const auto answer =
        ask(tr("Recover Unsaved Changes"),
            tr("%1 had changes that were not saved when ModelCanvas last stopped (autosaved %2). "
               "Recover them?")
                .arg(name, QLocale().toString(orphan.modified, QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        Recovery::remove(orphan.file);
    if (answer != QMessageBox::Yes || !maybeSave())
        return false;
    QString originalPath;
    Diagnostics problems;
    std::optional<Schema> schema = Recovery::read(orphan.file, &originalPath, &problems);
    if (!schema) {
        showError(tr("Recover"), tr("%1 could not be read.").arg(orphan.file));
        return false;
    }
    m_loadAttempted = true;
    m_untitledName = tr("Recovered");
    m_untitledBase = QStringLiteral("recovered");
    m_document->reset(std::move(*schema), originalPath, problems);
    placeUnplacedModels();
    // Not what is on disk: modified until saved.
    m_document->undoStack()->resetClean();
    // Our own recovery file takes over before the orphan goes.
    if (m_recovery->writeNow())
        Recovery::remove(orphan.file);
    statusBar()->showMessage(tr("Recovered %1").arg(name), 5000);
    return true;
}

void MainWindow::startUp(const QString &path)
{
    m_loadAttempted = true;
    if (offerRecovery())
        return;
    if (path.isEmpty())
        openExample();
    else
        loadPath(path); // a failure shows in the problems dock
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_recovery->discard();
    saveWindowState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedProject(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedProject(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // Opened after the drop returns: the question must not block the drag source.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (m_canvas && watched == m_canvas->viewport()) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (droppedProject(drag->mimeData()).isEmpty())
                break;
            drag->acceptProposedAction();
            return true;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            if (droppedProject(drop->mimeData()).isEmpty())
                break;
            dropEvent(drop);
            return true;
        }
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace mc
