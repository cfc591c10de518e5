// What a user sees in the connection dialog of Database > Apply and Import: the URL
// each engine's fields make, a password that reaches the target but never the URL or
// the settings, recent connections (most recent first, no duplicates, at most ten),
// and OK kept disabled with the offending field named until the fields are valid.
#include "connectiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using mc::ConnectionDialog;
using mc::Engine;

namespace {

template <typename T> T *child(const ConnectionDialog &d, const char *name)
{
    T *w = d.findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

QPushButton *okButton(const ConnectionDialog &d)
{
    return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void chooseEngine(const ConnectionDialog &d, Engine engine)
{
    auto *combo = child<QComboBox>(d, "engineCombo");
    combo->setCurrentIndex(combo->findData(int(engine)));
}

/// Types into the fields of \a engine: SQLite takes `path`, servers the rest.
void fill(const ConnectionDialog &d, Engine engine, const QString &path, const QString &host,
          int port, const QString &user, const QString &database, const QString &password)
{
    chooseEngine(d, engine);
    if (engine == Engine::SQLite) {
        child<QLineEdit>(d, "sqlitePathEdit")->setText(path);
        return;
    }
    child<QLineEdit>(d, "hostEdit")->setText(host);
    if (port > 0)
        child<QSpinBox>(d, "portSpin")->setValue(port);
    child<QLineEdit>(d, "userEdit")->setText(user);
    child<QLineEdit>(d, "databaseEdit")->setText(database);
    child<QLineEdit>(d, "passwordEdit")->setText(password);
}

QString message(const ConnectionDialog &d)
{
    return child<QLabel>(d, "messageLabel")->text();
}

} // namespace

class TstConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void buildsUrlPerEngine_data();
    void buildsUrlPerEngine();
    void passwordIsNeverStored();
    void recentsAreOrderedDeduplicatedAndCapped();
    void choosingARecentFillsTheFields();
    void invalidInputDisablesOk_data();
    void invalidInputDisablesOk();
    void portFollowsTheEngineUnlessTyped();
    void purposeDecidesTitleAndWhetherTheFileMustExist();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_settingsPath;
};

void TstConnectionDialog::init()
{
    // A settings file of the test's own: its bytes show what would reach the disk.
    m_dir = std::make_unique<QTemporaryDir>();
    m_settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
}

void TstConnectionDialog::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TstConnectionDialog::buildsUrlPerEngine_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("url"); // %1: the temporary directory

    QTest::newRow("sqlite") << int(Engine::SQLite) << QStringLiteral("%1/shop.db") << QString() << 0
                            << QString() << QString() << QStringLiteral("sqlite:%1/shop.db");
    QTest::newRow("postgres") << int(Engine::Postgres) << QString()
                              << QStringLiteral("db.example.org") << 0 << QStringLiteral("alice")
                              << QStringLiteral("shop")
                              << QStringLiteral("postgres://alice@db.example.org:5432/shop");
    QTest::newRow("postgres, own port")
        << int(Engine::Postgres) << QString() << QStringLiteral("127.0.0.1") << 55381
        << QStringLiteral("postgres") << QStringLiteral("mc")
        << QStringLiteral("postgres://postgres@127.0.0.1:55381/mc");
    QTest::newRow("postgres, the driver's user")
        << int(Engine::Postgres) << QString() << QStringLiteral("localhost") << 0 << QString()
        << QStringLiteral("shop") << QStringLiteral("postgres://localhost:5432/shop");
    QTest::newRow("mariadb") << int(Engine::MySQL) << QString() << QStringLiteral("localhost") << 0
                             << QStringLiteral("root") << QStringLiteral("shop")
                             << QStringLiteral("mysql://root@localhost:3306/shop");
}

void TstConnectionDialog::buildsUrlPerEngine()
{
    QFETCH(int, engine);
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QString, url);
    ConnectionDialog d(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    fill(d, Engine(engine), path.replace(QLatin1String("%1"), m_dir->path()), host, port, user,
         database, QString());
    const QString expected = url.replace(QLatin1String("%1"), m_dir->path());
    QVERIFY2(d.isValid(), qPrintable(d.validationError()));
    QVERIFY(okButton(d)->isEnabled());
    QCOMPARE(d.target().url(), expected);
    QCOMPARE(child<QLabel>(d, "urlLabel")->text(), expected);
    // The URL names the same database again: what recents store is enough.
    const auto parsed = mc::parseDatabaseUrl(expected);
    QVERIFY(parsed);
    QCOMPARE(int(parsed->engine), engine);
    QCOMPARE(parsed->url(), expected);
}

void TstConnectionDialog::passwordIsNeverStored()
{
    const QString password = QStringLiteral("pw-Xy7-secret");
    {
        ConnectionDialog d(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
        fill(d, Engine::Postgres, QString(), QStringLiteral("localhost"), 5433,
             QStringLiteral("alice"), QStringLiteral("shop"), password);
        QCOMPARE(d.target().server.password, password); // in memory, for the run
        QVERIFY(!d.target().url().contains(password));
        d.accept();
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }
    m_settings->sync();
    QCOMPARE(ConnectionDialog::recentUrls(*m_settings),
             QStringList(QStringLiteral("postgres://alice@localhost:5433/shop")));
    QFile file(m_settingsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains("alice@localhost"), bytes.constData()); // the URL did get there
    QVERIFY2(!bytes.contains(password.toUtf8()), bytes.constData());

    // Opening again offers the connection, without the password.
    ConnectionDialog again(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    QCOMPARE(again.target().url(), QStringLiteral("postgres://alice@localhost:5433/shop"));
    QVERIFY(again.target().server.password.isEmpty());
    QVERIFY(child<QLineEdit>(again, "passwordEdit")->text().isEmpty());
    QCOMPARE(child<QLineEdit>(again, "passwordEdit")->echoMode(), QLineEdit::Password);
}

void TstConnectionDialog::recentsAreOrderedDeduplicatedAndCapped()
{
    const auto url = [this](int i) {
        return QStringLiteral("sqlite:%1/db%2.sqlite").arg(m_dir->path()).arg(i);
    };
    for (int i = 0; i < 12; ++i)
        ConnectionDialog::rememberUrl(*m_settings, url(i));
    QStringList expected;
    for (int i = 11; i >= 2; --i)
        expected << url(i);
    QCOMPARE(ConnectionDialog::recentUrls(*m_settings), expected);
    QCOMPARE(expected.size(), ConnectionDialog::kMaxRecent);

    // Using one again moves it to the front instead of adding a second entry.
    ConnectionDialog d(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    QCOMPARE(d.target().url(), url(11)); // starts from the most recent
    fill(d, Engine::SQLite, QStringLiteral("%1/db5.sqlite").arg(m_dir->path()), {}, 0, {}, {}, {});
    d.accept();
    expected.removeAll(url(5));
    expected.prepend(url(5));
    QCOMPARE(ConnectionDialog::recentUrls(*m_settings), expected);

    // A URL with a password, whatever put it there, is neither offered nor kept.
    const QString withPassword = QStringLiteral("postgres://bob:hunter2@localhost:5432/x");
    m_settings->setValue(QStringLiteral("database/recentConnections"),
                         QStringList{withPassword, url(1)});
    QCOMPARE(ConnectionDialog::recentUrls(*m_settings), QStringList(url(1)));
    ConnectionDialog::rememberUrl(*m_settings, withPassword);
    ConnectionDialog::rememberUrl(*m_settings, url(3));
    m_settings->sync();
    QFile file(m_settingsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("hunter2"));
    QCOMPARE(ConnectionDialog::recentUrls(*m_settings), (QStringList{url(3), url(1)}));
}

void TstConnectionDialog::choosingARecentFillsTheFields()
{
    const QString pg = QStringLiteral("postgres://carol@pg.local:6543/sales");
    const QString lite = QStringLiteral("sqlite:%1/a.db").arg(m_dir->path());
    ConnectionDialog::rememberUrl(*m_settings, pg);
    ConnectionDialog::rememberUrl(*m_settings, lite);
    ConnectionDialog d(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    auto *recent = child<QComboBox>(d, "recentCombo");
    QCOMPARE(recent->count(), 2);
    QCOMPARE(recent->itemText(0), lite);
    QCOMPARE(recent->itemText(1), pg);
    QCOMPARE(d.target().engine, Engine::SQLite);

    child<QLineEdit>(d, "passwordEdit")->setText(QStringLiteral("typed-before"));
    Q_EMIT recent->activated(1);
    QCOMPARE(d.target().engine, Engine::Postgres);
    QCOMPARE(child<QLineEdit>(d, "hostEdit")->text(), QStringLiteral("pg.local"));
    QCOMPARE(child<QSpinBox>(d, "portSpin")->value(), 6543);
    QCOMPARE(child<QLineEdit>(d, "userEdit")->text(), QStringLiteral("carol"));
    QCOMPARE(child<QLineEdit>(d, "databaseEdit")->text(), QStringLiteral("sales"));
    // A password typed for another connection must not be sent to this one.
    QVERIFY(d.target().server.password.isEmpty());
    QCOMPARE(d.target().url(), pg);
    Q_EMIT recent->activated(0);
    QCOMPARE(d.target().url(), lite);
    QCOMPARE(child<QLineEdit>(d, "sqlitePathEdit")->text(),
             QStringLiteral("%1/a.db").arg(m_dir->path()));
}

void TstConnectionDialog::invalidInputDisablesOk_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("field");

    QTest::newRow("sqlite, no file")
        << int(Engine::SQLite) << QString() << QString() << QString() << QStringLiteral("File");
    QTest::newRow("sqlite, no folder") << int(Engine::SQLite) << QStringLiteral("%1/missing/x.db")
                                       << QString() << QString() << QStringLiteral("File");
    QTest::newRow("sqlite, a folder") << int(Engine::SQLite) << QStringLiteral("%1") << QString()
                                      << QString() << QStringLiteral("File");
    QTest::newRow("postgres, no database")
        << int(Engine::Postgres) << QString() << QStringLiteral("localhost") << QString()
        << QStringLiteral("Database");
    QTest::newRow("mariadb, no host") << int(Engine::MySQL) << QString() << QString()
                                      << QStringLiteral("shop") << QStringLiteral("Host");
    QTest::newRow("postgres, host with a space")
        << int(Engine::Postgres) << QString() << QStringLiteral("my host") << QStringLiteral("shop")
        << QStringLiteral("Connection");
}

void TstConnectionDialog::invalidInputDisablesOk()
{
    QFETCH(int, engine);
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(QString, database);
    QFETCH(QString, field);
    ConnectionDialog d(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    fill(d, Engine(engine), path.replace(QLatin1String("%1"), m_dir->path()), host, 0, QString(),
         database, QString());
    QVERIFY(!d.isValid());
    QVERIFY(!okButton(d)->isEnabled());
    QVERIFY2(message(d).startsWith(field + QLatin1Char(':')), qPrintable(message(d)));
    QCOMPARE(message(d), d.validationError());
    d.accept(); // Enter on a disabled OK must not get through either
    QCOMPARE(d.result(), int(QDialog::Rejected));
    QVERIFY(ConnectionDialog::recentUrls(*m_settings).isEmpty());

    // Mending the field enables OK and clears the message.
    fill(d, Engine(engine), m_dir->filePath(QStringLiteral("ok.db")), QStringLiteral("localhost"),
         0, QString(), QStringLiteral("shop"), QString());
    QVERIFY2(d.isValid(), qPrintable(d.validationError()));
    QVERIFY(okButton(d)->isEnabled());
    QVERIFY(message(d).isEmpty());
}

void TstConnectionDialog::portFollowsTheEngineUnlessTyped()
{
    ConnectionDialog d(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    auto *port = child<QSpinBox>(d, "portSpin");
    chooseEngine(d, Engine::Postgres);
    QCOMPARE(port->value(), 5432);
    chooseEngine(d, Engine::MySQL);
    QCOMPARE(port->value(), 3306);
    port->setValue(6000);
    chooseEngine(d, Engine::Postgres);
    QCOMPARE(port->value(), 6000);
}

void TstConnectionDialog::purposeDecidesTitleAndWhetherTheFileMustExist()
{
    const QString missing = m_dir->filePath(QStringLiteral("new.db"));
    ConnectionDialog apply(ConnectionDialog::Purpose::Apply, nullptr, m_settings.get());
    QCOMPARE(apply.windowTitle(), QStringLiteral("Apply to Database"));
    fill(apply, Engine::SQLite, missing, {}, 0, {}, {}, {});
    QVERIFY2(apply.isValid(), qPrintable(apply.validationError())); // created if missing

    ConnectionDialog import(ConnectionDialog::Purpose::Import, nullptr, m_settings.get());
    QCOMPARE(import.windowTitle(), QStringLiteral("Import from Database"));
    fill(import, Engine::SQLite, missing, {}, 0, {}, {}, {});
    QVERIFY(!import.isValid());
    QVERIFY2(message(import).contains(QDir::toNativeSeparators(missing)),
             qPrintable(message(import)));
    QFile f(missing);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    fill(import, Engine::SQLite, missing, {}, 0, {}, {}, {});
    QVERIFY2(import.isValid(), qPrintable(import.validationError()));
}

QTEST_MAIN(TstConnectionDialog)
#include "tst_connectiondialog.moc"
