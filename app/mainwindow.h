#pragma once

#include "importdialog.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;

namespace mc {

class ProblemsPanel;
class SchemaPanel;
struct DatabaseTarget;
struct LoadResult;

/// The application window: loads a document and hands its derived schema to the
/// panels (read-only until the canvas lands). It wires; the panels render.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Loads \a path. On failure the problems panel lists the loader's errors and
    /// the schema shown before stays (nothing is lost); returns false.
    bool openFile(const QString &path);
    /// Loads the example bundled as a resource.
    bool openExample();
    /// Database > Import once the connection is chosen: reads and imports \a target
    /// off the GUI thread, asks where to save the project and opens it.
    void importDatabase(const DatabaseTarget &target);

    /// The file shown, empty for the bundled example or nothing.
    QString currentPath() const { return m_path; }
    SchemaPanel *schemaPanel() const { return m_schemaPanel; }

    /// What Database > Import asks through (save path, messages, worker hook): tests
    /// answer without modal loops. Unset members keep the dialogs.
    void setImportHooks(const ImportHooks &hooks) { m_importHooks = hooks; }
    ProblemsPanel *problemsPanel() const { return m_problemsPanel; }

protected:
    void showEvent(QShowEvent *event) override;

private Q_SLOTS:
    void chooseFile();
    void reload();
    void about();
    void exportDdl();
    void applyToDatabase();
    void importFromDatabase();

private:
    void createActions();
    bool present(const LoadResult &result, const QString &path, const QString &displayName);
    void updateProblemsTitle();
    void openApplyDialog(const DatabaseTarget &target);

    SchemaPanel *m_schemaPanel = nullptr;
    ProblemsPanel *m_problemsPanel = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_exportDdlAction = nullptr;
    QAction *m_applyAction = nullptr;
    ImportHooks m_importHooks;
    QString m_path;        ///< file shown; empty with the example
    QString m_displayName; ///< empty until something was shown
    QString m_projectName; ///< file name without `.json`, for exported files
    bool m_loadAttempted = false;
};

} // namespace mc
