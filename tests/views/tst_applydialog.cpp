// What a user sees in Database > Apply: the exact SQL of a dry run per mode, an apply
// that creates what the catalog expectations say, confirmations before anything is
// dropped (declining changes nothing), a second confirmation before rows are lost,
// Cancel that leaves the database as it was, the work done off the GUI thread, and
// the main window's menu item and that its Database shortcuts clash with nothing.
#include "applydialog.h"
#include "connectiondialog.h"
#include "ddl/catalog.h"
#include "ddl/ddlgenerator.h"
#include "io/schemareader.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <functional>

using mc::ApplyDialog;
using mc::ApplyMode;
using mc::ApplyResult;

static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

Q_DECLARE_METATYPE(mc::ApplyMode)

namespace {

struct Loaded
{
    mc::DerivedSchema derived;
    mc::Analysis analysis;
};

Loaded load(const QByteArray &json)
{
    const mc::LoadResult result = mc::readSchema(json);
    if (!result.schema)
        qFatal("unreadable schema");
    Loaded out{mc::derive(*result.schema), {}};
    out.analysis = mc::analyse(out.derived);
    return out;
}

QByteArray exampleBytes()
{
    QFile f(QStringLiteral(":/examples/users-pictures.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

mc::DatabaseTarget sqliteTarget(const QString &path)
{
    mc::DatabaseTarget t;
    t.sqlitePath = path;
    return t;
}

/// Runs \a body on a connection of the test's own to the SQLite file \a path.
void withDb(const QString &path, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void exec(const QString &path, const QString &sql)
{
    withDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    });
}

qint64 scalar(const QString &path, const QString &sql)
{
    qint64 value = -1;
    withDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            value = q.value(0).toLongLong();
    });
    return value;
}

QString catalogJson(const QString &path)
{
    QString error;
    const auto catalog = mc::readDatabaseCatalog(sqliteTarget(path), &error);
    return catalog ? catalog->toCompactJson() : QStringLiteral("error: ") + error;
}

QString dryRunScript(const QString &path, const Loaded &s, ApplyMode mode, bool allowDataLoss)
{
    mc::ApplyOptions options;
    options.mode = mode;
    options.dryRun = true;
    options.allowDataLoss = allowDataLoss;
    const ApplyResult r = mc::applySchema(sqliteTarget(path), s.derived, s.analysis, options);
    return r.ok ? mc::ddlScript(r.executed) : QString();
}

/// Records the questions asked and answers them from \a answers in turn.
struct Answers
{
    QList<bool> answers;
    QStringList questions;
    ApplyDialog::Confirmation hook()
    {
        return [this](const QString &, const QString &question) {
            questions << question;
            return answers.isEmpty() ? false : answers.takeFirst();
        };
    }
};

bool waitPlanned(const ApplyDialog &d)
{
    return QTest::qWaitFor([&] { return !d.isPlanning(); }, 10000);
}

/// Clicks Apply and waits for the run (and any second run) to end.
ApplyResult applyAndWait(ApplyDialog &d)
{
    QSignalSpy applied(&d, &ApplyDialog::applied);
    d.findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    (void)QTest::qWaitFor([&] { return !applied.isEmpty(); }, 20000);
    return applied.isEmpty() ? ApplyResult() : applied.constLast().at(0).value<ApplyResult>();
}

} // namespace

class TstApplyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void previewIsTheDryRun_data();
    void previewIsTheDryRun();
    void applyCreatesTheCatalog();
    void forceOnRowsAsksTwice_data();
    void forceOnRowsAsksTwice();
    void alterAsksBeforeDroppingAnIndex();
    void cancelLeavesTheDatabaseUnchanged();
    void failureIsShownWithTheError();
    void destroyingMidRunRollsBackFirst();
    void mainWindowActionOpensConnectionThenApply();
    void databaseShortcutsAreFree_data();
    void databaseShortcutsAreFree();

private:
    QString freshPath();
    Loaded m_example;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;
};

void TstApplyDialog::initTestCase()
{
    initResources();
    qRegisterMetaType<mc::ApplyResult>();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ModelCanvasTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_applydialog"));
    m_example = load(exampleBytes());
    QVERIFY(!m_example.derived.tables.isEmpty());
    m_dir = std::make_unique<QTemporaryDir>();
}

void TstApplyDialog::init()
{
    QSettings().clear();
}

QString TstApplyDialog::freshPath()
{
    return m_dir->filePath(QStringLiteral("db%1.sqlite").arg(++m_counter));
}

void TstApplyDialog::previewIsTheDryRun_data()
{
    QTest::addColumn<ApplyMode>("mode");
    QTest::addColumn<bool>("existing"); // the design applied before the dialog opens
    QTest::newRow("create, new file") << ApplyMode::Create << false;
    QTest::newRow("force, new file") << ApplyMode::Force << false;
    QTest::newRow("alter, new file") << ApplyMode::Alter << false;
    QTest::newRow("create, applied") << ApplyMode::Create << true;
    QTest::newRow("force, applied") << ApplyMode::Force << true;
}

void TstApplyDialog::previewIsTheDryRun()
{
    QFETCH(ApplyMode, mode);
    QFETCH(bool, existing);
    const QString path = freshPath();
    if (existing)
        QVERIFY(mc::applySchema(sqliteTarget(path), m_example.derived, m_example.analysis).ok);
    const QString expected = dryRunScript(path, m_example, mode, false);
    QVERIFY(expected.contains(QLatin1String("CREATE TABLE")));
    QCOMPARE(expected.contains(QLatin1String("DROP TABLE")), existing && mode == ApplyMode::Force);

    ApplyDialog d(sqliteTarget(path), m_example.derived, m_example.analysis);
    QVERIFY(waitPlanned(d));
    d.setMode(mode);
    QVERIFY(waitPlanned(d));
    QCOMPARE(d.mode(), mode);
    QCOMPARE(d.previewText(), expected);
    QVERIFY(d.canApply());
    QVERIFY(d.findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
    // A dry run changes nothing, not even by creating the file.
    QCOMPARE(QFile::exists(path), existing);
}

void TstApplyDialog::applyCreatesTheCatalog()
{
    const QString path = freshPath();
    ApplyDialog d(sqliteTarget(path), m_example.derived, m_example.analysis);
    Answers answers;
    d.setConfirmation(answers.hook());
    const Qt::HANDLE gui = QThread::currentThreadId();
    std::atomic<int> offGuiThread{0}, onGuiThread{0};
    QStringList reported; // filled on the worker, read after the run
    d.setRunHook([&](int done, int total, const QString &table) {
        (QThread::currentThreadId() == gui ? onGuiThread : offGuiThread)++;
        reported << QStringLiteral("%1/%2 %3").arg(done).arg(total).arg(table);
        return false;
    });
    QVERIFY(waitPlanned(d));
    const ApplyResult r = applyAndWait(d);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(answers.questions.isEmpty()); // creating drops nothing: no question
    QCOMPARE(onGuiThread.load(), 0);
    QCOMPARE(offGuiThread.load(), 2);
    QCOMPARE(reported, (QStringList{QStringLiteral("1/2 Users"), QStringLiteral("2/2 Pictures")}));

    const mc::JsonValue expected =
        mc::catalogTables(m_example.derived, mc::Dialect::SQLite, m_example.analysis.cyclic());
    QCOMPARE(catalogJson(path), expected.toCompactJson());
    QVERIFY2(d.resultText().contains(QStringLiteral("%1 statement").arg(r.executed.size())),
             qPrintable(d.resultText()));
    QVERIFY(d.findChild<QPlainTextEdit *>(QStringLiteral("resultView"))->isVisible() ||
            !d.isVisible());
    QCOMPARE(d.findChild<QPlainTextEdit *>(QStringLiteral("resultView"))->toPlainText(),
             d.resultText());
    // Afterwards the preview plans again from the database as it now is.
    QVERIFY(waitPlanned(d));
    QCOMPARE(d.previewText(), dryRunScript(path, m_example, ApplyMode::Create, false));
}

void TstApplyDialog::forceOnRowsAsksTwice_data()
{
    QTest::addColumn<QList<bool>>("answers");
    QTest::addColumn<int>("questions");
    QTest::addColumn<bool>("dropped");
    QTest::newRow("no to the drop") << QList<bool>{false} << 1 << false;
    QTest::newRow("yes, then no to losing rows") << QList<bool>{true, false} << 2 << false;
    QTest::newRow("yes and yes") << QList<bool>{true, true} << 2 << true;
}

void TstApplyDialog::forceOnRowsAsksTwice()
{
    QFETCH(QList<bool>, answers);
    QFETCH(int, questions);
    QFETCH(bool, dropped);
    const QString path = freshPath();
    QVERIFY(mc::applySchema(sqliteTarget(path), m_example.derived, m_example.analysis).ok);
    exec(path, QStringLiteral("INSERT INTO Users (name, createdAt, updatedAt) VALUES "
                              "('ada', '2024-01-01', '2024-01-01')"));
    const QString before = catalogJson(path);

    ApplyDialog d(sqliteTarget(path), m_example.derived, m_example.analysis);
    Answers a{answers, {}};
    d.setConfirmation(a.hook());
    d.findChild<QRadioButton *>(QStringLiteral("forceRadio"))->click();
    QCOMPARE(d.mode(), ApplyMode::Force);
    QVERIFY(waitPlanned(d));
    // The plain dry run is refused; the preview shows what runs once allowed.
    QVERIFY2(d.planProblem().contains(QLatin1String("`Users`")), qPrintable(d.planProblem()));
    QCOMPARE(d.previewText(), dryRunScript(path, m_example, ApplyMode::Force, true));
    QVERIFY(d.canApply());

    QSignalSpy applied(&d, &ApplyDialog::applied);
    d.findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    if (questions > 1)
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 20000);
    else
        QVERIFY(!d.isApplying()); // declined: nothing started
    QCOMPARE(a.questions.size(), questions);
    QVERIFY2(a.questions.at(0).startsWith(QLatin1String("This will drop")),
             qPrintable(a.questions.at(0)));
    QVERIFY2(a.questions.at(0).contains(QLatin1String("table `Users`")),
             qPrintable(a.questions.at(0)));
    QVERIFY2(a.questions.at(0).contains(QLatin1String("table `Pictures`")),
             qPrintable(a.questions.at(0)));
    if (questions > 1)
        QVERIFY2(a.questions.at(1).contains(QLatin1String("`Users` (1 row")),
                 qPrintable(a.questions.at(1)));
    if (questions > 1) // the command line's way out means nothing in the window
        QVERIFY2(!a.questions.at(1).contains(QLatin1String("--yes")),
                 qPrintable(a.questions.at(1)));

    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM Users")), dropped ? 0 : 1);
    QCOMPARE(catalogJson(path), before); // the same tables either way
    if (questions > 1) {
        const ApplyResult r = applied.constFirst().at(0).value<ApplyResult>();
        QCOMPARE(r.ok, dropped);
        QCOMPARE(r.unchanged, !dropped);
        if (!dropped) {
            QVERIFY2(d.resultText().contains(QLatin1String("left unchanged")),
                     qPrintable(d.resultText()));
            QVERIFY2(!d.resultText().contains(QLatin1String("--yes")), qPrintable(d.resultText()));
        }
    }
}

void TstApplyDialog::alterAsksBeforeDroppingAnIndex()
{
    const QString path = freshPath();
    QVERIFY(mc::applySchema(sqliteTarget(path), m_example.derived, m_example.analysis).ok);
    exec(path, QStringLiteral("CREATE INDEX extra_name ON Users (name)"));
    ApplyDialog d(sqliteTarget(path), m_example.derived, m_example.analysis);
    Answers a{{false}, {}};
    d.setConfirmation(a.hook());
    d.setMode(ApplyMode::Alter);
    QVERIFY(waitPlanned(d));
    QVERIFY2(d.previewText().contains(QLatin1String("DROP INDEX `extra_name`")),
             qPrintable(d.previewText()));
    d.apply();
    QCOMPARE(a.questions.size(), 1);
    QVERIFY2(a.questions.at(0).contains(QLatin1String("index `extra_name`")),
             qPrintable(a.questions.at(0)));
    QVERIFY(!d.isApplying());
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                         "'extra_name'")),
             1);

    a.answers = {true};
    const ApplyResult r = applyAndWait(d);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                         "'extra_name'")),
             0);
}

void TstApplyDialog::cancelLeavesTheDatabaseUnchanged()
{
    const QString path = freshPath();
    ApplyDialog d(sqliteTarget(path), m_example.derived, m_example.analysis);
    const Qt::HANDLE gui = QThread::currentThreadId();
    std::atomic<bool> offGuiThread{false};
    std::atomic<int> calls{0};
    // Cancel as the first table starts: deterministic, whatever the machine's speed.
    d.setRunHook([&](int, int, const QString &) {
        offGuiThread = QThread::currentThreadId() != gui;
        return ++calls == 1;
    });
    QVERIFY(waitPlanned(d));
    const ApplyResult r = applyAndWait(d);
    QCOMPARE(calls.load(), 1);
    QVERIFY(offGuiThread.load());
    QVERIFY(!r.ok);
    QVERIFY(r.canceled);
    QVERIFY(r.unchanged);
    QVERIFY(!QFile::exists(path)); // a new database appears only once complete
    QVERIFY2(d.resultText().startsWith(QLatin1String("Canceled")), qPrintable(d.resultText()));
    QVERIFY2(d.resultText().contains(QLatin1String("left unchanged")), qPrintable(d.resultText()));
}

void TstApplyDialog::failureIsShownWithTheError()
{
    // An index takes the name of the second table: its CREATE TABLE fails after the
    // first one ran, so the rollback has something to undo.
    const QString path = freshPath();
    exec(path, QStringLiteral("CREATE TABLE other (x)"));
    exec(path, QStringLiteral("CREATE INDEX Pictures ON other (x)"));
    const QString before = catalogJson(path);
    ApplyDialog d(sqliteTarget(path), m_example.derived, m_example.analysis);
    QVERIFY(waitPlanned(d));
    const ApplyResult r = applyAndWait(d);
    QVERIFY(!r.ok);
    QVERIFY(!r.canceled);
    QVERIFY2(!r.error.isEmpty(), "an error text");
    QVERIFY2(d.resultText().contains(r.error), qPrintable(d.resultText()));
    QCOMPARE(r.unchanged, true);
    QVERIFY2(d.resultText().contains(QLatin1String("left unchanged")), qPrintable(d.resultText()));
    QCOMPARE(catalogJson(path), before);
    QVERIFY(d.findChild<QPlainTextEdit *>(QStringLiteral("resultView"))->isReadOnly());
}

void TstApplyDialog::destroyingMidRunRollsBackFirst()
{
    // The window closing (or the app quitting) mid-apply: the run is canceled and
    // rolled back before the dialog is gone, never left holding a transaction.
    const QString path = freshPath();
    auto *d = new ApplyDialog(sqliteTarget(path), m_example.derived, m_example.analysis);
    std::atomic<bool> holding{false}, release{false};
    d->setRunHook([&](int done, int, const QString &) {
        if (done == 2) { // `Users` is created, inside the open transaction
            holding = true;
            for (int i = 0; i < 500 && !release; ++i)
                QThread::msleep(10);
        }
        return false;
    });
    QVERIFY(waitPlanned(*d));
    d->findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(holding.load(), 10000);
    QScopedPointer<QThread> releaser(QThread::create([&] {
        QThread::msleep(200);
        release = true;
    }));
    releaser->start();
    delete d;
    // Without waiting, the worker would still hold SQLite's write lock here.
    QString error;
    withDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA busy_timeout = 0")) ||
            !q.exec(QStringLiteral("CREATE TABLE probe (x)")))
            error = q.lastError().text();
    });
    releaser->wait();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name IN "
                                         "('Users', 'Pictures')")),
             0);
}

void TstApplyDialog::mainWindowActionOpensConnectionThenApply()
{
    mc::MainWindow w;
    auto *action = w.findChild<QAction *>(QStringLiteral("actionApplyToDatabase"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(!action->isEnabled()); // nothing loaded yet
    QVERIFY(w.openFile(QStringLiteral(MC_FIXTURES "/cases/error-duplicate-alias.model.json")));
    QVERIFY(!action->isEnabled()); // a define error: there is nothing to apply
    QVERIFY(w.openExample());
    QVERIFY(action->isEnabled());

    action->trigger();
    QPointer<mc::ConnectionDialog> connection = w.findChild<mc::ConnectionDialog *>();
    QVERIFY(connection);
    QVERIFY(connection->isVisible());
    QCOMPARE(connection->windowTitle(), QStringLiteral("Apply to Database"));
    const QString path = freshPath();
    connection->findChild<QLineEdit *>(QStringLiteral("sqlitePathEdit"))->setText(path);
    connection->accept();
    QTRY_VERIFY(connection.isNull()); // it deletes itself once closed

    QPointer<ApplyDialog> apply = w.findChild<ApplyDialog *>();
    QVERIFY(apply);
    QVERIFY(apply->isVisible());
    QCOMPARE(apply->target().url(), QStringLiteral("sqlite:") + path);
    QVERIFY(waitPlanned(*apply));
    QCOMPARE(apply->previewText(), dryRunScript(path, m_example, ApplyMode::Create, false));
    QCOMPARE(mc::ConnectionDialog::recentUrls(*std::make_unique<QSettings>()),
             QStringList(QStringLiteral("sqlite:") + path));
    const QByteArray shots = qgetenv("MC_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(apply->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/apply.png")));
    apply->close();
    QTRY_VERIFY(apply.isNull());
}

void TstApplyDialog::databaseShortcutsAreFree_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QKeySequence>("shortcut");
    QTest::newRow("apply") << QStringLiteral("actionApplyToDatabase")
                           << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    QTest::newRow("import") << QStringLiteral("actionImportFromDatabase")
                            << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I);
}

void TstApplyDialog::databaseShortcutsAreFree()
{
    QFETCH(QString, action);
    QFETCH(QKeySequence, shortcut);
    mc::MainWindow w;
    auto *mine = w.findChild<QAction *>(action);
    QVERIFY(mine);
    QCOMPARE(mine->shortcut(), shortcut);
    for (const QAction *other : w.findChildren<QAction *>()) {
        if (other != mine)
            QVERIFY2(!other->shortcuts().contains(shortcut), qPrintable(other->objectName()));
    }
    // Nor one the platform gives a standard meaning (Ctrl+Shift+A is Deselect on KDE
    // and GNOME, so it was not taken).
    for (int k = QKeySequence::HelpContents; k <= QKeySequence::Cancel; ++k)
        QVERIFY2(!QKeySequence::keyBindings(QKeySequence::StandardKey(k)).contains(shortcut),
                 qPrintable(QString::number(k)));
}

QTEST_MAIN(TstApplyDialog)
#include "tst_applydialog.moc"
