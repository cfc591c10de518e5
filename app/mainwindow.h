#pragma once

#include "ddl/sqltypes.h"
#include "document/document.h"
#include "filehooks.h"
#include "importdialog.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;

namespace mc {

class CanvasScene;
class CanvasView;
class DdlPanel;
class Document;
class DocumentProblemsPanel;
class HistoryPanel;
class JsonValue;
class PaletteWidget;
class PropertyPanel;
class RecentFiles;
class Recovery;
class SchemaPanel;
struct DatabaseTarget;

/// The editor window around one Document: the canvas in the centre, the File menu
/// (new, open, save, revert, recent files, autosave recovery), Edit (undo, redo, add,
/// delete, copy, paste, duplicate), View (zoom, dialect, docks), Arrange, the
/// Database dialogs, and the docks that show the document (palette, properties,
/// schema tree, problems, DDL, history). It wires; the document, the commands, the
/// canvas and the panels do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }

    // ---- File (each asks before unsaved changes are lost; false when canceled) --
    /// Opens \a path. On failure the problems panel lists the loader's errors and
    /// the document stays as it was (nothing is lost).
    bool openFile(const QString &path);
    /// Opens the example bundled as a resource, as an untitled document.
    bool openExample();
    bool newDocument();
    /// Saves to the document's path, or asks for one (Save As) when it has none.
    bool save();
    /// Saves to \a path, or to the path asked for when \a path is empty.
    bool saveAs(const QString &path = QString());
    /// Re-reads the document's file, dropping the changes (after asking).
    bool revert();
    /// Offers the newest document that a crashed run autosaved; true when it was
    /// recovered (as a modified document with its original path).
    bool offerRecovery();
    /// What the executable does at start: offer a recovery, else open \a path, else
    /// the example.
    void startUp(const QString &path);
    /// Database > Import once the connection is chosen: reads and imports \a target
    /// off the GUI thread, asks where to save the project and opens it.
    void importDatabase(const DatabaseTarget &target);

    /// The document's file, empty when it was never saved (the example, New).
    QString currentPath() const;
    SchemaPanel *schemaPanel() const { return m_schemaPanel; }
    DocumentProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    PaletteWidget *paletteWidget() const { return m_palette; }
    CanvasScene *canvasScene() const { return m_scene; }
    CanvasView *canvasView() const { return m_canvas; }
    PropertyPanel *propertyPanel() const { return m_properties; }
    DdlPanel *ddlPanel() const { return m_ddlPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }

    /// The column types' dialect of the canvas and the DDL dock.
    void setDialect(Dialect dialect);
    /// The dock layout and window size of the last run (QSettings), if any.
    void restoreWindowState();
    RecentFiles *recentFiles() const { return m_recentFiles; }
    Recovery *recovery() const { return m_recovery; }

    /// What Database > Import asks through (save path, messages, worker hook): tests
    /// answer without modal loops. Unset members keep the dialogs.
    void setImportHooks(const ImportHooks &hooks) { m_importHooks = hooks; }
    /// What the File menu asks through; unset members keep the dialogs.
    void setFileHooks(const FileHooks &hooks) { m_fileHooks = hooks; }

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    /// A project dropped on the canvas opens like one dropped on the window (the
    /// canvas takes drags for its palette).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // mainwindow.cpp: the window, its menus, what the document shows.
    void createFileMenu();
    void createEditMenus();
    void createOtherMenus();
    void rebuildRecentMenu();
    void documentWasReset();
    void analysisWasChanged();
    void refreshSchemaPanel();
    void updateTitle();
    void updateProblemsTitle();
    void about();
    void exportDdl();
    void applyToDatabase();
    void openApplyDialog(const DatabaseTarget &target);
    void importFromDatabase();
    void placeAllModels();

    // mainwindowcanvas.cpp: the canvas, the docks, the View menu, the view state.
    void createCanvas();
    void createDocks();
    void arrangeDocks();
    void createCanvasActions(QMenu *edit);
    void createViewMenu();
    void addModel();
    void selectAll();
    void showProblemItems(const QVector<ModelId> &models,
                          const QVector<AssociationId> &associations);
    void applyViewState();
    void saveWindowState();
    QString projectName() const;
    QString documentName() const; ///< file name, or the untitled document's name

    // mainwindowfiles.cpp: the File menu's steps.
    void chooseFile();
    bool maybeSave();
    bool loadPath(const QString &path);
    bool writeTo(const QString &path);
    void placeUnplacedModels();
    std::optional<JsonValue> currentView() const;
    QMessageBox::StandardButton ask(const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons);
    void showError(const QString &title, const QString &text);

    Document *m_document = nullptr;
    Recovery *m_recovery = nullptr;
    RecentFiles *m_recentFiles = nullptr;
    SchemaPanel *m_schemaPanel = nullptr;
    CanvasScene *m_scene = nullptr;
    CanvasView *m_canvas = nullptr;
    DocumentProblemsPanel *m_problemsPanel = nullptr;
    PaletteWidget *m_palette = nullptr;
    PropertyPanel *m_properties = nullptr;
    DdlPanel *m_ddlPanel = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    QDockWidget *m_schemaDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_paletteDock = nullptr;
    QDockWidget *m_propertiesDock = nullptr;
    QDockWidget *m_ddlDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QVector<QAction *> m_dialectActions;
    QLabel *m_summaryLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_applyAction = nullptr;
    QAction *m_exportDdlAction = nullptr;
    QTimer *m_schemaRefresh = nullptr;
    ImportHooks m_importHooks;
    FileHooks m_fileHooks;
    QString m_untitledName; ///< the title of a document without a path
    QString m_untitledBase; ///< its name for exported files (`users-pictures`, `untitled`)
    bool m_loadAttempted = false;
    bool m_hasDocument = false; ///< something was opened or made (Export, Apply need it)
    bool m_skipAnalysisRefresh = false;
    bool m_viewStatePending = true; ///< apply the document's view once the window is laid out
};

} // namespace mc
