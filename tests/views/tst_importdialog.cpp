// What a user sees in Database > Import: the catalog read and imported off the GUI
// thread, a project saved where they say (named after the database, in the folder
// used last) that Sequelize turns back into the same tables and that the window then
// shows; failures and every kind of cancel change nothing; warnings reach them.
#include "connectiondialog.h"
#include "ddl/catalog.h"
#include "importdialog.h"
#include "io/schemareader.h"
#include "mainwindow.h"
#include "schemapanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>

using mc::ImportDialog;
using mc::MainWindow;

namespace {

mc::DatabaseTarget sqliteTarget(const QString &path)
{
    mc::DatabaseTarget t;
    t.sqlitePath = path;
    return t;
}

/// Applies the conformance case \a name to a new SQLite file at \a path.
bool applyCase(const QString &name, const QString &path)
{
    const mc::LoadResult loaded =
        mc::readSchemaFile(QStringLiteral(MC_FIXTURES "/cases/%1.model.json").arg(name));
    if (!loaded.schema)
        return false;
    const mc::DerivedSchema derived = mc::derive(*loaded.schema);
    return mc::applySchema(sqliteTarget(path), derived, mc::analyse(derived)).ok;
}

/// Runs plain SQL on a connection of the test's own.
QString execSql(const QString &path, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (!db.open())
            error = db.lastError().text();
        else if (!q.exec(sql))
            error = q.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QJsonObject toQt(const mc::JsonValue &v)
{
    return QJsonDocument::fromJson(v.toCompactJson().toUtf8()).object();
}

struct Notice
{
    QMessageBox::Icon icon;
    QString title, text, details;
};

/// Answers the import's questions and records them; shared with the worker only
/// through the atomics and the semaphore.
struct Answers
{
    QString savePath; ///< what the save dialog returns; empty = Cancel
    QStringList suggested;
    QVector<Notice> notices;
    std::atomic<QThread *> workerThread{nullptr};
    std::atomic<bool> hold{false}; ///< the worker waits for release before answering
    QSemaphore release;

    mc::ImportHooks hooks()
    {
        mc::ImportHooks h;
        h.savePath = [this](QWidget *, const QString &suggestion) {
            suggested << suggestion;
            return savePath;
        };
        h.notify = [this](QWidget *, QMessageBox::Icon icon, const QString &title,
                          const QString &text, const QString &details) {
            notices.append({icon, title, text, details});
        };
        h.worker = [this] {
            workerThread = QThread::currentThread();
            if (hold)
                release.tryAcquire(1, 10000); // never hang the suite on a failed test
        };
        return h;
    }
};

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
}

/// Database > Import through the real connection dialog, its file field set to \a db.
QPointer<ImportDialog> triggerImport(MainWindow &w, const QString &db)
{
    auto *action = w.findChild<QAction *>(QStringLiteral("actionImportFromDatabase"));
    if (!action)
        return nullptr;
    action->trigger();
    auto *connection = w.findChild<mc::ConnectionDialog *>();
    if (!connection || connection->purpose() != mc::ConnectionDialog::Purpose::Import ||
        !connection->isVisible())
        return nullptr;
    connection->findChild<QLineEdit *>(QStringLiteral("sqlitePathEdit"))->setText(db);
    connection->accept();
    return w.findChild<ImportDialog *>();
}

} // namespace

class TstImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void importSavesAndShowsTheProject();
    void cancelingTheSaveWritesNothing();
    void cancelWhileReadingDropsTheResult();
    void missingDatabaseShowsTheError();
    void unreadableDatabaseShowsTheError();
    void warningsReachTheUser();
    void savingOverTheDatabaseIsRefused();
    void suggestedNameComesFromTheDatabase_data();
    void suggestedNameComesFromTheDatabase();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TstImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ModelCanvasTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importdialog"));
}

void TstImportDialog::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("db")));
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("projects")));
}

void TstImportDialog::importSavesAndShowsTheProject()
{
    const QString db = path(QStringLiteral("db/shop.sqlite"));
    QVERIFY(applyCase(QStringLiteral("seed-user-picture"), db));
    MainWindow w;
    QVERIFY(w.openExample());
    Answers answers;
    answers.savePath = path(QStringLiteral("projects/shop.json"));
    w.setImportHooks(answers.hooks());

    QPointer<ImportDialog> dialog = triggerImport(w, db);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY(dialog.isNull()); // it goes once the run is over
    QCOMPARE(answers.suggested.size(), 1);
    QCOMPARE(QFileInfo(answers.suggested.first()).fileName(), QStringLiteral("shop.json"));
    QVERIFY(answers.workerThread.load());
    QVERIFY(answers.workerThread.load() != QApplication::instance()->thread());
    for (const Notice &n : answers.notices)
        QFAIL(qPrintable(QStringLiteral("unexpected message: %1\n%2").arg(n.text, n.details)));

    // The project loads cleanly and Sequelize would create exactly the database's tables.
    const mc::LoadResult loaded = mc::readSchemaFile(answers.savePath);
    QVERIFY(loaded.schema);
    QVERIFY(!mc::hasErrors(loaded.diagnostics));
    const mc::DerivedSchema derived = mc::derive(*loaded.schema);
    QVERIFY(!derived.error);
    QString error;
    const auto live = mc::readDatabaseCatalog(sqliteTarget(db), &error);
    QVERIFY2(live, qPrintable(error));
    const mc::JsonValue predicted =
        mc::catalogTables(derived, mc::Dialect::SQLite, mc::analyse(derived).cyclic());
    QVERIFY(live->size() >= 2);
    QVERIFY2(toQt(predicted) == toQt(*live),
             qPrintable(predicted.toCompactJson() + QStringLiteral("\n") + live->toCompactJson()));

    // The window shows it.
    QCOMPARE(w.currentPath(), QFileInfo(answers.savePath).absoluteFilePath());
    QCOMPARE(w.windowTitle().remove(QStringLiteral("[*]")),
             QStringLiteral("shop.json \u2014 ModelCanvas"));
    QVERIFY(w.schemaPanel()->model()->rowCount() >= 2);
}

void TstImportDialog::cancelingTheSaveWritesNothing()
{
    const QString db = path(QStringLiteral("db/gallery.db"));
    QVERIFY(applyCase(QStringLiteral("seed-user-picture"), db));
    MainWindow w;
    Answers answers;
    answers.savePath = path(QStringLiteral("projects/first.json"));
    w.setImportHooks(answers.hooks());
    QPointer<ImportDialog> first = triggerImport(w, db);
    QVERIFY(first);
    QTRY_VERIFY(first.isNull());
    QCOMPARE(w.currentPath(), QFileInfo(answers.savePath).absoluteFilePath());
    const QByteArray shown = [&] {
        QFile f(answers.savePath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!shown.isEmpty());

    answers.savePath.clear(); // Cancel in the save dialog
    QPointer<ImportDialog> second = triggerImport(w, db);
    QVERIFY(second);
    QTRY_VERIFY(second.isNull());
    // The folder used last is where the save dialog starts.
    QCOMPARE(answers.suggested.size(), 2);
    QCOMPARE(answers.suggested.at(1), path(QStringLiteral("projects/gallery.json")));
    QCOMPARE(entries(path(QStringLiteral("projects"))), QStringList(QStringLiteral("first.json")));
    QCOMPARE(w.currentPath(),
             QFileInfo(path(QStringLiteral("projects/first.json"))).absoluteFilePath());
    QCOMPARE(w.windowTitle().remove(QStringLiteral("[*]")),
             QStringLiteral("first.json \u2014 ModelCanvas"));
    QVERIFY(answers.notices.isEmpty());
}

void TstImportDialog::cancelWhileReadingDropsTheResult()
{
    const QString db = path(QStringLiteral("db/shop.sqlite"));
    QVERIFY(applyCase(QStringLiteral("seed-user-picture"), db));
    MainWindow w;
    QVERIFY(w.openExample());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Answers answers;
    answers.savePath = path(QStringLiteral("projects/shop.json"));
    answers.hold = true;
    w.setImportHooks(answers.hooks());

    QPointer<ImportDialog> dialog = triggerImport(w, db);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QProgressBar *>(QStringLiteral("progressBar"))->maximum(), 0);
    QTRY_VERIFY(answers.workerThread.load()); // the worker is done and waiting
    // The window keeps processing events while the worker is busy.
    QVERIFY(dialog->isRunning());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog->isVisible()); // released at once, not when the worker answers
    QVERIFY(dialog->isCanceled());
    answers.release.release();
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(answers.suggested.isEmpty());
    QVERIFY(answers.notices.isEmpty());
    QVERIFY(entries(path(QStringLiteral("projects"))).isEmpty());
    QVERIFY(w.currentPath().isEmpty());
    QVERIFY(w.windowTitle().startsWith(QLatin1String("users-pictures.json")));
}

void TstImportDialog::missingDatabaseShowsTheError()
{
    // The connection dialog refuses a missing file, but one can vanish after it closed.
    const QString db = path(QStringLiteral("db/gone.sqlite"));
    MainWindow w;
    QVERIFY(w.openExample());
    Answers answers;
    answers.savePath = path(QStringLiteral("projects/gone.json"));
    w.setImportHooks(answers.hooks());
    w.importDatabase(sqliteTarget(db));
    QPointer<ImportDialog> dialog = w.findChild<ImportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(answers.notices.size(), 1);
    QCOMPARE(answers.notices.first().icon, QMessageBox::Critical);
    QVERIFY2(answers.notices.first().details.contains(QLatin1String("no SQLite database")),
             qPrintable(answers.notices.first().details));
    QVERIFY(answers.notices.first().text.contains(QLatin1String("gone.sqlite")));
    QVERIFY(answers.suggested.isEmpty());
    QVERIFY(!QFile::exists(db));
    QVERIFY(entries(path(QStringLiteral("projects"))).isEmpty());
    QVERIFY(w.currentPath().isEmpty());
    QVERIFY(w.windowTitle().startsWith(QLatin1String("users-pictures.json")));
}

void TstImportDialog::unreadableDatabaseShowsTheError()
{
    const QString db = path(QStringLiteral("db/notes.sqlite"));
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(QByteArray("these are notes, not a database\n").repeated(200)) > 0);
    }
    MainWindow w;
    QVERIFY(w.openExample());
    Answers answers;
    answers.savePath = path(QStringLiteral("projects/notes.json"));
    w.setImportHooks(answers.hooks());
    QPointer<ImportDialog> dialog = triggerImport(w, db);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(answers.notices.size(), 1);
    QCOMPARE(answers.notices.first().icon, QMessageBox::Critical);
    QVERIFY2(answers.notices.first().details.contains(QLatin1String("not a database")),
             qPrintable(answers.notices.first().details));
    QVERIFY(answers.suggested.isEmpty());
    QVERIFY(entries(path(QStringLiteral("projects"))).isEmpty());
    QVERIFY(w.currentPath().isEmpty());
}

void TstImportDialog::warningsReachTheUser()
{
    const QString db = path(QStringLiteral("db/maps.sqlite"));
    QCOMPARE(execSql(db, QStringLiteral("CREATE TABLE places (id INTEGER PRIMARY KEY "
                                        "AUTOINCREMENT, shape GEOMETRY)")),
             QString());
    MainWindow w;
    Answers answers;
    answers.savePath = path(QStringLiteral("projects/maps.json"));
    w.setImportHooks(answers.hooks());
    QPointer<ImportDialog> dialog = triggerImport(w, db);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(answers.notices.size(), 1);
    const Notice &n = answers.notices.first();
    QCOMPARE(n.icon, QMessageBox::Warning);
    QVERIFY2(n.details.contains(QLatin1String("places")) &&
                 n.details.contains(QLatin1String("shape")),
             qPrintable(n.details));
    QVERIFY2(n.text.contains(QLatin1String("1 table")) &&
                 n.text.contains(QLatin1String("with 1 warning:")),
             qPrintable(n.text));
    // Warnings do not stop the import: the project is saved and shown.
    QCOMPARE(w.currentPath(), QFileInfo(answers.savePath).absoluteFilePath());
}

void TstImportDialog::savingOverTheDatabaseIsRefused()
{
    const QString db = path(QStringLiteral("db/shop.sqlite"));
    QVERIFY(applyCase(QStringLiteral("seed-user-picture"), db));
    QString error;
    const auto before = mc::readDatabaseCatalog(sqliteTarget(db), &error);
    QVERIFY2(before, qPrintable(error));
    MainWindow w;
    Answers answers;
    answers.savePath = db;
    w.setImportHooks(answers.hooks());
    QPointer<ImportDialog> dialog = triggerImport(w, db);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(answers.notices.size(), 1);
    QCOMPARE(answers.notices.first().icon, QMessageBox::Critical);
    const auto after = mc::readDatabaseCatalog(sqliteTarget(db), &error);
    QVERIFY2(after, qPrintable(error));
    QVERIFY(toQt(*after) == toQt(*before));
    QVERIFY(w.currentPath().isEmpty());
}

void TstImportDialog::suggestedNameComesFromTheDatabase_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("name");
    QTest::newRow("sqlite") << QStringLiteral("sqlite:/data/shop.v2.sqlite")
                            << QStringLiteral("shop.v2.json");
    QTest::newRow("postgres") << QStringLiteral("postgres://me@db.example:5432/billing")
                              << QStringLiteral("billing.json");
    QTest::newRow("mariadb") << QStringLiteral("mysql://root@localhost:3306/crm")
                             << QStringLiteral("crm.json");
    QTest::newRow("memory") << QStringLiteral("sqlite::memory:") << QStringLiteral("imported.json");
}

void TstImportDialog::suggestedNameComesFromTheDatabase()
{
    QFETCH(QString, url);
    QFETCH(QString, name);
    QString why;
    const auto target = mc::parseDatabaseUrl(url, &why);
    QVERIFY2(target, qPrintable(why));
    QCOMPARE(ImportDialog::suggestedFileName(*target), name);
}

QTEST_MAIN(TstImportDialog)
#include "tst_importdialog.moc"
