#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QSettings;

namespace mc {

/// File > Open Recent: the last ten projects opened or saved, newest first, kept in
/// QSettings (`recentFiles`) so every window and the next run see the same list.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMax = 10;

    /// \a settings: where the list lives (the application's QSettings when null).
    explicit RecentFiles(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~RecentFiles() override;

    QStringList paths() const;
    /// Puts \a path first (absolute, no duplicates, at most kMax).
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store(const QStringList &paths);

    QSettings *m_settings;
    std::unique_ptr<QSettings> m_ownSettings;
};

} // namespace mc
