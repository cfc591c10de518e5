#include "importrunner.h"

#include "db/catalogimport.h"

#include <QThread>

namespace mc {

namespace {

/// The whole import, as `modelcanvas import` does it; runs on the worker thread.
ImportOutcome importDatabase(const DatabaseTarget &target)
{
    ImportOutcome out;
    QHash<QString, QStringList> enumLabels;
    const std::optional<JsonValue> tables = readDatabaseCatalog(target, &out.error, &enumLabels);
    if (!tables)
        return out;
    ImportResult imported = importCatalog(*tables, target.dialect(), enumLabels);
    out.diagnostics = imported.diagnostics;
    if (!imported.schema) {
        QStringList errors;
        for (const Diagnostic &d : imported.diagnostics)
            if (d.severity == Diagnostic::Severity::Error)
                errors << d.toString();
        out.error = errors.isEmpty() ? QStringLiteral("the catalog could not be imported")
                                     : errors.join(QLatin1Char('\n'));
        return out;
    }
    out.tableCount = int(tables->size());
    out.schema = std::move(imported.schema);
    out.error.clear();
    return out;
}

} // namespace

ImportRunner::ImportRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<mc::ImportOutcome>();
}

ImportRunner::~ImportRunner() = default;

void ImportRunner::start(const DatabaseTarget &target)
{
    Q_ASSERT(!m_running && !m_thread);
    m_running = true;
    // Written by the worker, read here only after QThread::finished.
    auto outcome = std::make_shared<ImportOutcome>();
    WorkerHook hook = m_hook;
    QThread *thread = QThread::create([outcome, target, hook] {
        *outcome = importDatabase(target);
        if (hook)
            hook();
    });
    thread->setObjectName(QStringLiteral("mc-import"));
    m_thread = thread;
    // The result connection goes away with the runner, the clean-up one does not.
    connect(thread, &QThread::finished, this, [this, outcome] {
        m_running = false;
        Q_EMIT finished(*outcome);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace mc
