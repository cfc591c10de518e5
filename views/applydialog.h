#pragma once

#include "applyrunner.h"
#include "db/applytypes.h"
#include "db/database.h"

#include <QDialog>

#include <functional>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace mc {

/// Database > Apply, once the database is chosen: the mode, the exact SQL the applier
/// would send (a dry run), and the run itself on a worker thread with progress and
/// Cancel. Anything that drops is confirmed first; a force run refused because tables
/// hold rows is offered again with data loss allowed after a second confirmation.
/// It is handed copies of the derived schema; it derives nothing itself.
class ApplyDialog : public QDialog
{
    Q_OBJECT

public:
    /// Asks a yes/no question; true goes on. The default is a warning message box;
    /// tests install their own to answer without a modal loop.
    using Confirmation = std::function<bool(const QString &title, const QString &question)>;

    ApplyDialog(const DatabaseTarget &target, const DerivedSchema &derived,
                const Analysis &analysis, QWidget *parent = nullptr);
    ~ApplyDialog() override;

    const DatabaseTarget &target() const { return m_target; }
    ApplyMode mode() const { return m_mode; }
    /// Selects \a mode and plans it again (a new dry run).
    void setMode(ApplyMode mode);

    /// A dry run or an apply is under way.
    bool isPlanning() const { return m_planRunner != nullptr; }
    bool isApplying() const { return m_runRunner != nullptr; }
    /// The statements the dry run of the current mode reports (with data loss allowed
    /// when the plain dry run was refused for it); empty while planning or on error.
    QStringList plannedStatements() const { return m_planned; }
    /// Why the current mode cannot run (empty when it can), or why it needs data loss.
    QString planProblem() const { return m_planProblem; }
    /// Text of the SQL preview: the planned script, or why there is none.
    QString previewText() const;
    bool canApply() const;

    /// The outcome of the last apply, and what the dialog says about it.
    ApplyResult lastResult() const { return m_result; }
    QString resultText() const;

    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    /// Installed on the runners of real applies (not dry runs): see ApplyRunner.
    void setRunHook(ApplyRunner::WorkerHook hook) { m_runHook = std::move(hook); }

public Q_SLOTS:
    /// Confirms what needs confirming, then applies on a worker thread.
    void apply();
    /// Asks a running apply to stop; it rolls back where the engine can.
    void cancelApply();
    /// While applying, closing means canceling: the dialog stays until the run ends.
    void reject() override;

Q_SIGNALS:
    /// A dry run finished and the preview shows it.
    void planned();
    /// An apply finished: done, failed, refused or canceled.
    void applied(const mc::ApplyResult &result);

private:
    QWidget *buildModes();
    void startPlan(bool allowDataLoss = false);
    void planFinished(const ApplyResult &result, bool allowDataLoss);
    bool confirmDrops();
    void startRun(bool allowDataLoss);
    void runProgressed(int done, int total, const QString &table);
    void runFinished(const ApplyResult &result, bool allowDataLoss);
    void showResult(const ApplyResult &result);
    void updateButtons();

    DatabaseTarget m_target;
    DerivedSchema m_derived;
    Analysis m_analysis;
    ApplyMode m_mode = ApplyMode::Create;
    Confirmation m_confirm;
    ApplyRunner::WorkerHook m_runHook;

    ApplyRunner *m_planRunner = nullptr;
    ApplyRunner *m_runRunner = nullptr;
    QStringList m_planned;
    QStringList m_planNotes;
    QString m_planProblem;
    bool m_planRunnable = false;
    ApplyResult m_result;
    bool m_hasResult = false;

    QButtonGroup *m_modes = nullptr;
    QLabel *m_planLabel = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPlainTextEdit *m_resultView = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace mc
