#include "connectiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mc {

namespace {

const QString kRecentKey = QStringLiteral("database/recentConnections");

int defaultPortOf(Engine engine)
{
    return engine == Engine::MySQL ? 3306 : 5432;
}

} // namespace

ConnectionDialog::ConnectionDialog(Purpose purpose, QWidget *parent, QSettings *settings)
    : QDialog(parent), m_purpose(purpose), m_settings(settings), m_recentCombo(new QComboBox(this)),
      m_engineCombo(new QComboBox(this)), m_pages(new QStackedWidget(this)),
      m_urlLabel(new QLabel(this)), m_messageLabel(new QLabel(this))
{
    const bool apply = purpose == Purpose::Apply;
    setWindowTitle(apply ? tr("Apply to Database") : tr("Import from Database"));
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }

    m_recentCombo->setObjectName(QStringLiteral("recentCombo"));
    m_recentCombo->setPlaceholderText(tr("Recent connections"));
    m_recentCombo->addItems(recentUrls());
    m_recentCombo->setCurrentIndex(-1);
    m_recentCombo->setEnabled(m_recentCombo->count() > 0);
    connect(m_recentCombo, &QComboBox::activated, this,
            [this](int i) { chooseRecent(m_recentCombo->itemText(i)); });

    m_engineCombo->setObjectName(QStringLiteral("engineCombo"));
    m_engineCombo->addItem(QStringLiteral("SQLite"), int(Engine::SQLite));
    m_engineCombo->addItem(QStringLiteral("PostgreSQL"), int(Engine::Postgres));
    m_engineCombo->addItem(QStringLiteral("MariaDB\u00b7MySQL"), int(Engine::MySQL));

    auto *sqlitePage = new QWidget(m_pages);
    m_pathEdit = new QLineEdit(sqlitePage);
    m_pathEdit->setObjectName(QStringLiteral("sqlitePathEdit"));
    m_pathEdit->setPlaceholderText(apply ? tr("created if missing") : tr("an existing file"));
    m_browseButton = new QPushButton(tr("&Browse\u2026"), sqlitePage);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    connect(m_browseButton, &QPushButton::clicked, this, &ConnectionDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pathEdit);
    fileRow->addWidget(m_browseButton);
    auto *sqliteForm = new QFormLayout(sqlitePage);
    sqliteForm->setContentsMargins(0, 0, 0, 0);
    // The row's field is a layout: a label given as text would get no buddy, so its
    // mnemonic would show as a literal "&" and the field would have no name.
    auto *fileLabel = new QLabel(tr("&File:"), sqlitePage);
    fileLabel->setObjectName(QStringLiteral("sqlitePathLabel"));
    fileLabel->setBuddy(m_pathEdit);
    m_pathEdit->setAccessibleName(tr("SQLite database file"));
    m_browseButton->setAccessibleName(tr("Browse for the SQLite database file"));
    sqliteForm->addRow(fileLabel, fileRow);
    m_pages->addWidget(sqlitePage);
    auto *serverPage = new QWidget(m_pages);
    buildServerPage(serverPage);
    m_pages->addWidget(serverPage);

    m_urlLabel->setObjectName(QStringLiteral("urlLabel"));
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(apply ? tr("&Continue") : tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Recent:"), m_recentCombo);
    form->addRow(tr("&Engine:"), m_engineCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages);
    layout->addWidget(m_urlLabel);
    layout->addWidget(m_messageLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);
    resize(560, 0);

    connect(m_engineCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::engineChanged);
    for (QLineEdit *edit : {m_pathEdit, m_hostEdit, m_userEdit, m_databaseEdit})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    connect(m_portSpin, &QSpinBox::valueChanged, this, &ConnectionDialog::revalidate);
    // Start from the last connection used: usually the one wanted again.
    if (m_recentCombo->count() > 0)
        chooseRecent(m_recentCombo->itemText(0));
    else
        engineChanged();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::buildServerPage(QWidget *page)
{
    m_hostEdit = new QLineEdit(QStringLiteral("localhost"), page);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_portSpin = new QSpinBox(page);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(1, 65535);
    m_userEdit = new QLineEdit(page);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_userEdit->setPlaceholderText(tr("the driver's default"));
    m_databaseEdit = new QLineEdit(page);
    m_databaseEdit->setObjectName(QStringLiteral("databaseEdit"));
    m_passwordEdit = new QLineEdit(page);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("not saved; empty for trust authentication"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), m_hostEdit);
    form->addRow(tr("&Port:"), m_portSpin);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("&Database:"), m_databaseEdit);
    form->addRow(tr("Pass&word:"), m_passwordEdit);
}

Engine ConnectionDialog::engine() const
{
    return Engine(m_engineCombo->currentData().toInt());
}

QSettings &ConnectionDialog::settings() const
{
    return *m_settings;
}

void ConnectionDialog::engineChanged()
{
    const Engine e = engine();
    m_pages->setCurrentIndex(e == Engine::SQLite ? 0 : 1);
    // Follow the engine's usual port unless the user typed another one.
    if (e != Engine::SQLite && (m_portSpin->value() == m_defaultPort || m_defaultPort == 0)) {
        m_defaultPort = defaultPortOf(e);
        m_portSpin->setValue(m_defaultPort);
    }
    revalidate();
}

DatabaseTarget ConnectionDialog::target() const
{
    DatabaseTarget t;
    t.engine = engine();
    if (t.engine == Engine::SQLite) {
        t.sqlitePath = m_pathEdit->text().trimmed();
        return t;
    }
    t.server.host = m_hostEdit->text().trimmed();
    t.server.port = m_portSpin->value();
    t.server.user = m_userEdit->text().trimmed();
    t.server.database = m_databaseEdit->text().trimmed();
    t.server.password = m_passwordEdit->text();
    return t;
}

void ConnectionDialog::setTarget(const DatabaseTarget &target)
{
    m_engineCombo->setCurrentIndex(m_engineCombo->findData(int(target.engine)));
    engineChanged(); // the page and default port first; the target's own port wins below
    if (target.engine == Engine::SQLite) {
        m_pathEdit->setText(target.sqlitePath);
    } else {
        m_hostEdit->setText(target.server.host);
        m_portSpin->setValue(target.server.port);
        m_userEdit->setText(target.server.user);
        m_databaseEdit->setText(target.server.database);
        m_passwordEdit->setText(target.server.password);
    }
    revalidate();
}

QString ConnectionDialog::validationError() const
{
    const DatabaseTarget t = target();
    if (t.engine == Engine::SQLite) {
        if (t.sqlitePath.isEmpty())
            return tr("File: choose the SQLite database file%1.")
                .arg(m_purpose == Purpose::Apply ? tr(" (it is created if missing)") : QString());
        const QFileInfo info(t.sqlitePath);
        if (m_purpose == Purpose::Import && !info.exists())
            return tr("File: %1 does not exist.").arg(QDir::toNativeSeparators(t.sqlitePath));
        if (info.isDir())
            return tr("File: %1 is a folder.").arg(QDir::toNativeSeparators(t.sqlitePath));
        if (!info.absoluteDir().exists())
            return tr("File: the folder %1 does not exist.")
                .arg(QDir::toNativeSeparators(info.absolutePath()));
    } else {
        if (t.server.host.isEmpty())
            return tr("Host: enter the server's host name or address.");
        if (t.server.database.isEmpty())
            return tr("Database: enter the name of the database.");
    }
    // What the fields make must read back as the same database (no stray characters).
    QString why;
    const auto parsed = parseDatabaseUrl(t.url(), &why);
    if (!parsed)
        return tr("Connection: %1.").arg(why);
    if (parsed->url() != t.url() || parsed->server.host != t.server.host ||
        parsed->server.user != t.server.user || parsed->server.database != t.server.database)
        return tr("Connection: the host, user or database name holds characters a URL "
                  "cannot keep.");
    return QString();
}

void ConnectionDialog::revalidate()
{
    const QString error = validationError();
    m_messageLabel->setText(error);
    m_messageLabel->setVisible(!error.isEmpty());
    m_urlLabel->setText(error.isEmpty() ? target().url() : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void ConnectionDialog::browse()
{
    const QString current = m_pathEdit->text();
    const QString dir = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString filter = tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)");
    // Apply creates the file when missing, so any name will do; import needs one.
    const QString path =
        m_purpose == Purpose::Apply
            ? QFileDialog::getSaveFileName(this, windowTitle(), current.isEmpty() ? dir : current,
                                           filter, nullptr, QFileDialog::DontConfirmOverwrite)
            : QFileDialog::getOpenFileName(this, windowTitle(), dir, filter);
    if (!path.isEmpty())
        m_pathEdit->setText(path);
}

void ConnectionDialog::chooseRecent(const QString &url)
{
    const auto t = parseDatabaseUrl(url);
    if (!t)
        return;
    m_passwordEdit->clear(); // it belonged to whatever was shown before
    setTarget(*t);
}

void ConnectionDialog::accept()
{
    if (!isValid())
        return;
    rememberUrl(settings(), target().url());
    QDialog::accept();
}

QStringList ConnectionDialog::recentUrls() const
{
    return recentUrls(settings());
}

QStringList ConnectionDialog::recentUrls(QSettings &settings)
{
    QStringList out;
    // Only what still parses: never offer (or keep) anything carrying a password.
    for (const QString &url : settings.value(kRecentKey).toStringList()) {
        if (parseDatabaseUrl(url) && !out.contains(url))
            out << url;
    }
    return out.mid(0, kMaxRecent);
}

void ConnectionDialog::rememberUrl(QSettings &settings, const QString &url)
{
    if (!parseDatabaseUrl(url))
        return;
    QStringList urls = recentUrls(settings);
    urls.removeAll(url);
    urls.prepend(url);
    settings.setValue(kRecentKey, urls.mid(0, kMaxRecent));
}

} // namespace mc
