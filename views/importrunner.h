#pragma once

#include "db/database.h"
#include "domain/schema.h"
#include "io/diagnostic.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace mc {

/// What one catalog import produced: the schema with importCatalog()'s warnings, or
/// why there is none (the database could not be opened or read, or the catalog not
/// imported).
struct ImportOutcome
{
    std::optional<Schema> schema;
    Diagnostics diagnostics;
    QString error; ///< empty when schema is set
    int tableCount = 0;

    bool ok() const { return schema.has_value(); }
};

} // namespace mc

Q_DECLARE_METATYPE(mc::ImportOutcome)

namespace mc {

/// Runs readDatabaseCatalog() and importCatalog() on a worker thread of its own: a
/// server's catalog read can take seconds and must not freeze the window. The reader
/// opens and closes its connection inside that one thread. Reading is one call that
/// cannot be interrupted, so there is no cancel here: a caller that no longer wants the
/// result ignores it. Destroying the runner mid-run lets the worker finish on its own
/// (it holds copies of everything it touches).
class ImportRunner : public QObject
{
    Q_OBJECT

public:
    /// Called on the worker thread once the work is done, before the outcome is handed
    /// back (tests check the thread, and hold the run there to cancel at a known point).
    using WorkerHook = std::function<void()>;

    explicit ImportRunner(QObject *parent = nullptr);
    ~ImportRunner() override;

    /// Starts reading and importing \a target. Only one run per runner.
    void start(const DatabaseTarget &target);
    bool isRunning() const { return m_running; }
    void setWorkerHook(WorkerHook hook) { m_hook = std::move(hook); }

Q_SIGNALS:
    void finished(const mc::ImportOutcome &outcome);

private:
    WorkerHook m_hook;
    QPointer<QThread> m_thread;
    bool m_running = false;
};

} // namespace mc
