#pragma once

#include "db/database.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;
class QStackedWidget;

namespace mc {

/// Database > Apply and Database > Import: which database. SQLite takes a file,
/// PostgreSQL and MariaDB a host, port, user, database and a password that is kept in
/// memory only. Recent connections are remembered as URLs without passwords, the most
/// recent first. OK stays disabled, with the reason shown, until the fields name a
/// database. Nothing here connects: the caller does that with target().
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose { Apply, Import };
    static constexpr int kMaxRecent = 10;

    /// \a settings: where recent connections live (the application's QSettings when
    /// null; tests pass their own). Not owned.
    explicit ConnectionDialog(Purpose purpose, QWidget *parent = nullptr,
                              QSettings *settings = nullptr);
    ~ConnectionDialog() override;

    Purpose purpose() const { return m_purpose; }
    /// The database the fields name, password included (in server.password).
    DatabaseTarget target() const;
    /// Fills the fields from \a target (its password too).
    void setTarget(const DatabaseTarget &target);

    /// Empty when the fields name a database; otherwise why not, naming the field.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }

    /// The remembered URLs, most recent first.
    QStringList recentUrls() const;
    /// Puts \a url first in \a settings' recent connections (no duplicates, at most
    /// kMaxRecent). URLs carrying a password are refused.
    static void rememberUrl(QSettings &settings, const QString &url);
    static QStringList recentUrls(QSettings &settings);

public Q_SLOTS:
    /// Remembers the URL, then closes; does nothing while the fields are invalid.
    void accept() override;
    /// Fills the fields from a remembered URL (the password field is cleared).
    void chooseRecent(const QString &url);

private:
    void buildServerPage(QWidget *page);
    void engineChanged();
    void browse();
    void revalidate();
    QSettings &settings() const;
    Engine engine() const;

    Purpose m_purpose;
    QSettings *m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    int m_defaultPort = 0; ///< the port the engine switch filled in last

    QComboBox *m_recentCombo = nullptr;
    QComboBox *m_engineCombo = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_databaseEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mc
