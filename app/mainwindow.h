#pragma once

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

class Document;
class JsonValue;
class PaletteWidget;
class ProblemsPanel;
class RecentFiles;
class Recovery;
class SchemaPanel;
struct DatabaseTarget;

/// The editor window around one Document: the File menu (new, open, save, revert,
/// recent files, autosave recovery), Edit (undo, redo, add model), Arrange, the
/// Database dialogs, and the docks that show the document (schema tree, problems,
/// palette). It wires; the document, the commands and the panels do the work.
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
    ProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    PaletteWidget *paletteWidget() const { return m_palette; }
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

private:
    // mainwindow.cpp: the window, its docks and menus, what the document shows.
    void createDocks();
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
    void addModel();
    void placeAllModels();
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
    ProblemsPanel *m_problemsPanel = nullptr;
    PaletteWidget *m_palette = nullptr;
    QDockWidget *m_schemaDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_paletteDock = nullptr;
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
};

} // namespace mc
