#pragma once

#include "document/document.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

class QLockFile;
class QTimer;

namespace mc {

/// Autosave of one open document to its own recovery file while it is modified,
/// and the files a crashed run left behind. The file is the canonical schema
/// (writeSchema()) plus an `x-modelcanvas-recovery` key naming the original path;
/// a lock file next to it, held while this object lives, tells a running editor's
/// file from an orphan (QLockFile sees that the process that held it is gone).
/// The file is removed when the document becomes clean (saved, undone back to the
/// saved state, replaced) and when this object is destroyed (a clean close).
class Recovery : public QObject
{
    Q_OBJECT

public:
    /// A recovery file that no running editor holds.
    struct Orphan
    {
        QString file;
        QString originalPath; ///< empty for a document never saved
        QDateTime modified;
    };

    explicit Recovery(Document *document, QObject *parent = nullptr);
    ~Recovery() override;

    /// $MODELCANVAS_RECOVERY_DIR, else `recovery` in the application's data folder.
    static QString directory();
    /// $MODELCANVAS_AUTOSAVE_MS, else 60 s.
    static int defaultInterval();
    void setInterval(int milliseconds);
    int interval() const;

    /// This document's recovery file (it exists only once something was written).
    QString fileName() const { return m_file; }
    /// Writes the recovery file now if the document is modified; false on failure.
    bool writeNow();
    /// Removes this document's recovery file and stops autosaving until the document
    /// is modified again.
    void discard();

    /// The recovery files left by editors that are no longer running, newest first.
    static QVector<Orphan> orphans();
    /// Reads an orphan: the schema (without the recovery key) and the original path.
    static std::optional<Schema> read(const QString &file, QString *originalPath = nullptr,
                                      Diagnostics *diagnostics = nullptr);
    /// Deletes an orphan and its lock file.
    static void remove(const QString &file);

Q_SIGNALS:
    /// The recovery file was written (tests and the status bar follow it).
    void written(const QString &file);

private:
    void modifiedChanged(bool modified);

    Document *m_document;
    QTimer *m_timer;
    QString m_file;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace mc
