#include "applyrunner.h"

#include <QThread>

namespace mc {

/// What the worker and the runner share. The relay lives in the runner's thread and
/// is deleted only after the worker has finished, so emitting on it from the worker
/// is safe even when the runner is gone by then.
struct ApplyRunner::Shared
{
    std::atomic<bool> canceled{false};
    ApplyResult result; ///< written by the worker, read after QThread::finished
};

namespace {

/// Carries the worker's reports across threads (queued into the relay's thread).
class Relay : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void progressed(int done, int total, const QString &table);
};

} // namespace

ApplyRunner::ApplyRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<mc::ApplyResult>();
}

ApplyRunner::~ApplyRunner()
{
    if (m_shared)
        m_shared->canceled = true; // the worker stops at its next poll
    if (m_waitOnDestruction && m_thread)
        m_thread->wait(); // it needs nothing from this thread to get there
}

void ApplyRunner::start(const DatabaseTarget &target, const DerivedSchema &derived,
                        const Analysis &analysis, ApplyOptions options)
{
    Q_ASSERT(!m_shared);
    m_shared = std::make_shared<Shared>();
    m_running = true;
    auto *relay = new Relay;
    connect(relay, &Relay::progressed, this, &ApplyRunner::progressed, Qt::QueuedConnection);

    std::shared_ptr<Shared> shared = m_shared;
    WorkerHook hook = m_hook;
    options.canceled = [shared] { return shared->canceled.load(); };
    options.progress = [relay, hook, shared](int done, int total, const QString &table) {
        if (hook && hook(done, total, table))
            shared->canceled = true;
        Q_EMIT relay->progressed(done, total, table);
    };
    QThread *thread = QThread::create([shared, target, derived, analysis, options] {
        shared->result = applySchema(target, derived, analysis, options);
    });
    thread->setObjectName(QStringLiteral("mc-apply"));
    m_thread = thread;
    // Queued: the result is read in this thread once the worker is done with it; the
    // connection goes away with the runner, the clean-up ones do not.
    connect(thread, &QThread::finished, this, [this, shared] {
        m_running = false;
        Q_EMIT finished(shared->result);
    });
    connect(thread, &QThread::finished, relay, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ApplyRunner::cancel()
{
    if (m_shared)
        m_shared->canceled = true;
}

} // namespace mc

#include "applyrunner.moc"
