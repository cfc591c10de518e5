#pragma once

#include "db/applytypes.h"
#include "db/database.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

Q_DECLARE_METATYPE(mc::ApplyResult)

class QThread;

namespace mc {

/// Runs one applySchema() call on a worker thread of its own, so neither a server's
/// catalog read nor a long apply blocks the window. Progress and the result arrive
/// as queued signals in the runner's thread; cancel() sets the flag the applier polls.
/// The worker gets copies of everything: destroying the runner mid-run cancels the run
/// and lets it finish on its own (nothing it touches belongs to the runner), or waits
/// for it (setWaitOnDestruction()).
class ApplyRunner : public QObject
{
    Q_OBJECT

public:
    /// Called on the worker thread on every progress report, before it is relayed;
    /// returning true cancels the run there (tests check the thread and cancel at a
    /// known point with it).
    using WorkerHook = std::function<bool(int done, int total, const QString &table)>;

    explicit ApplyRunner(QObject *parent = nullptr);
    ~ApplyRunner() override;

    /// Starts applySchema(target, derived, analysis, options) on a new thread;
    /// options.progress and options.canceled are the runner's. Only one run per runner.
    void start(const DatabaseTarget &target, const DerivedSchema &derived, const Analysis &analysis,
               ApplyOptions options);
    bool isRunning() const { return m_running; }
    void setWorkerHook(WorkerHook hook) { m_hook = std::move(hook); }
    /// Destroying the runner mid-run waits for the canceled run to end (rolled back)
    /// instead of letting it finish on its own: for applies, so that quitting never
    /// leaves a transaction open behind the window. Dry runs do not wait.
    void setWaitOnDestruction(bool wait) { m_waitOnDestruction = wait; }

public Q_SLOTS:
    /// Asks the applier to stop at its next poll; finished() follows with `canceled`.
    void cancel();

Q_SIGNALS:
    void progressed(int done, int total, const QString &table);
    void finished(const mc::ApplyResult &result);

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    WorkerHook m_hook;
    QPointer<QThread> m_thread;
    bool m_running = false;
    bool m_waitOnDestruction = false;
};

} // namespace mc
