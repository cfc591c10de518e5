#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace mc {

namespace {
const QString kKey = QStringLiteral("recentFiles");
} // namespace

RecentFiles::RecentFiles(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }
}

RecentFiles::~RecentFiles() = default;

QStringList RecentFiles::paths() const
{
    return m_settings->value(kKey).toStringList().mid(0, kMax);
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMax));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = paths();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store(list);
}

void RecentFiles::clear()
{
    store(QStringList());
}

void RecentFiles::store(const QStringList &paths)
{
    if (paths.isEmpty())
        m_settings->remove(kKey);
    else
        m_settings->setValue(kKey, paths);
    m_settings->sync();
    Q_EMIT changed();
}

} // namespace mc
