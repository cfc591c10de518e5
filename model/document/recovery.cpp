#include "document/recovery.h"

#include "io/schemareader.h"
#include "io/schemawriter.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace mc {

namespace {

const QString kRecoveryKey = QStringLiteral("x-modelcanvas-recovery");

QString lockName(const QString &file)
{
    return file + QStringLiteral(".lock");
}

/// \a schema with the recovery key naming \a originalPath (replacing an older one).
Schema withRecoveryKey(Schema schema, const QString &originalPath)
{
    auto &ext = schema.extensions;
    ext.erase(std::remove_if(ext.begin(), ext.end(),
                             [](const auto &e) { return e.first == kRecoveryKey; }),
              ext.end());
    JsonValue info = JsonValue::object();
    info.insert(QStringLiteral("path"), JsonValue::string(originalPath));
    ext.emplace_back(kRecoveryKey, std::move(info));
    return schema;
}

} // namespace

Recovery::Recovery(Document *document, QObject *parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    m_timer->setInterval(defaultInterval());
    connect(m_timer, &QTimer::timeout, this, &Recovery::writeNow);
    connect(document, &Document::modifiedChanged, this, &Recovery::modifiedChanged);
    // A replaced document (New, Open, Revert) has nothing left to recover.
    connect(document, &Document::documentReset, this, [this] { modifiedChanged(false); });
}

Recovery::~Recovery()
{
    discard();
}

QString Recovery::directory()
{
    const QString dir = qEnvironmentVariable("MODELCANVAS_RECOVERY_DIR");
    if (!dir.isEmpty())
        return dir;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

int Recovery::defaultInterval()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("MODELCANVAS_AUTOSAVE_MS", &ok);
    return ok && ms > 0 ? ms : 60 * 1000;
}

void Recovery::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int Recovery::interval() const
{
    return m_timer->interval();
}

void Recovery::modifiedChanged(bool modified)
{
    if (modified && !m_document->isModified())
        return;
    if (modified) {
        if (!m_timer->isActive())
            m_timer->start();
        return;
    }
    discard();
}

bool Recovery::writeNow()
{
    if (!m_document->isModified())
        return true;
    if (m_file.isEmpty()) {
        const QString dir = directory();
        if (!QDir().mkpath(dir))
            return false;
        m_file = QDir(dir).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                    QStringLiteral(".json"));
        m_lock = std::make_unique<QLockFile>(lockName(m_file));
        m_lock->setStaleLockTime(0); // held for the whole run: only a dead owner frees it
        if (!m_lock->tryLock(0)) {
            m_lock.reset();
            m_file.clear();
            return false;
        }
    }
    const Schema schema = withRecoveryKey(m_document->schema(), m_document->path());
    if (!saveSchemaFile(schema, m_file))
        return false;
    Q_EMIT written(m_file);
    return true;
}

void Recovery::discard()
{
    m_timer->stop();
    if (m_file.isEmpty())
        return;
    QFile::remove(m_file);
    m_lock.reset(); // unlocks and removes the lock file
    m_file.clear();
}

QVector<Recovery::Orphan> Recovery::orphans()
{
    QVector<Orphan> out;
    const QDir dir(directory());
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : files) {
        QLockFile lock(lockName(info.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // a running editor's
        lock.unlock();
        Orphan orphan{info.absoluteFilePath(), QString(), info.lastModified()};
        read(orphan.file, &orphan.originalPath);
        out.append(orphan);
    }
    return out;
}

std::optional<Schema> Recovery::read(const QString &file, QString *originalPath,
                                     Diagnostics *diagnostics)
{
    LoadResult result = readSchemaFile(file);
    if (diagnostics)
        *diagnostics = result.diagnostics;
    if (!result.schema)
        return std::nullopt;
    auto &ext = result.schema->extensions;
    for (auto it = ext.begin(); it != ext.end(); ++it) {
        if (it->first != kRecoveryKey)
            continue;
        if (const JsonValue *path = it->second.find(QStringLiteral("path")); path && originalPath)
            *originalPath = path->text();
        ext.erase(it);
        break;
    }
    return result.schema;
}

void Recovery::remove(const QString &file)
{
    QFile::remove(file);
    QFile::remove(lockName(file));
}

} // namespace mc
