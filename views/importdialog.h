#pragma once

#include "db/database.h"
#include "importrunner.h"

#include <QDialog>
#include <QMessageBox>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QSettings;

namespace mc {

/// What Database > Import asks the user, replaceable so that tests answer without a
/// modal loop (the defaults are a QFileDialog and message boxes).
struct ImportHooks
{
    /// Where to save the project, \a suggested proposed; empty means canceled.
    std::function<QString(QWidget *parent, const QString &suggested)> savePath;
    /// Tells the user something: a failure (Critical) or the import's warnings
    /// (Warning), the list in \a details.
    std::function<void(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                       const QString &text, const QString &details)>
        notify;
    /// Installed on the runner: see ImportRunner::WorkerHook.
    ImportRunner::WorkerHook worker;
};

/// Database > Import, once the database is chosen: reads and imports its catalog on a
/// worker thread behind a busy indicator with Cancel, then asks where to save the
/// project and saves it atomically. A failure is shown and changes nothing; so does
/// canceling either step. The dialog deletes itself once the run is over, also when
/// it was canceled (the result is then dropped): it must outlive the worker's answer.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a settings: where the last-used folder lives (the application's QSettings when
    /// null). Not owned.
    ImportDialog(const DatabaseTarget &target, QWidget *parent = nullptr,
                 QSettings *settings = nullptr);
    ~ImportDialog() override;

    const DatabaseTarget &target() const { return m_target; }
    /// Replaces the defaults of whichever hooks are set in \a hooks.
    void setHooks(const ImportHooks &hooks);
    /// Where the save dialog starts when no project was imported before.
    void setFallbackDirectory(const QString &dir) { m_fallbackDir = dir; }
    /// The path proposed to the save dialog: the database's name plus `.json`, in the
    /// folder used last.
    QString suggestedPath() const;
    static QString suggestedFileName(const DatabaseTarget &target);

    /// Starts reading the catalog on the worker thread.
    void start();
    bool isRunning() const { return m_runner && m_runner->isRunning(); }
    bool isCanceled() const { return m_canceled; }

public Q_SLOTS:
    /// While reading, closing means canceling: the window is released at once and
    /// the result is dropped when it arrives.
    void reject() override;

Q_SIGNALS:
    /// The project was written to \a path (the main window opens it).
    void saved(const QString &path);

private:
    void runFinished(const ImportOutcome &outcome);
    bool save(const ImportOutcome &outcome);
    void notify(QMessageBox::Icon icon, const QString &title, const QString &text,
                const QString &details = QString());
    QSettings &settings() const;

    DatabaseTarget m_target;
    ImportHooks m_hooks;
    QSettings *m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    QString m_fallbackDir;
    ImportRunner *m_runner = nullptr;
    bool m_canceled = false;

    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace mc
