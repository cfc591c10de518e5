// Autosave and crash recovery: while a document is modified it is written to a
// recovery file; a real editor process killed with SIGKILL leaves that file, and the
// next window offers it back as a modified document with its original path.
#include "document/document.h"
#include "document/recovery.h"
#include "filehooks.h"
#include "mainwindow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "commands/commands.h"

using mc::MainWindow;
using mc::Recovery;

namespace {

QByteArray exampleBytes()
{
    QFile f(QStringLiteral(MC_EXAMPLE));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return QString();
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Answers
{
    QMessageBox::StandardButton reply = QMessageBox::Cancel;
    int asked = 0;
    QString lastQuestion;

    mc::FileHooks hooks()
    {
        mc::FileHooks h;
        h.ask = [this](QWidget *, const QString &, const QString &text,
                       QMessageBox::StandardButtons) {
            ++asked;
            lastQuestion = text;
            return reply;
        };
        h.error = [](QWidget *, const QString &, const QString &text) {
            qWarning("unexpected error: %s", qPrintable(text));
        };
        return h;
    }
};

QStringList recoveryFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files);
}

} // namespace

class TstRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void autosaveWhileModifiedRemovedOnSave();
    void recoverAfterSigkill();
    void declineKeepsOrDiscards();
    void startUpOffersRecoveryFirst();

private:
    QTemporaryDir m_tmp;
    QString m_dir; ///< the recovery folder (MODELCANVAS_RECOVERY_DIR)
};

void TstRecovery::initTestCase()
{
    QVERIFY(!exampleBytes().isEmpty());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.path());
    m_dir = m_tmp.filePath(QStringLiteral("recovery"));
    qputenv("MODELCANVAS_RECOVERY_DIR", m_dir.toLocal8Bit());
}

void TstRecovery::init()
{
    QDir(m_dir).removeRecursively();
}

void TstRecovery::autosaveWhileModifiedRemovedOnSave()
{
    const QString path = writeFile(m_tmp.filePath(QStringLiteral("auto.json")), exampleBytes());
    MainWindow w;
    QVERIFY(w.openFile(path));
    w.recovery()->setInterval(50);
    mc::Document *d = w.document();
    d->undoStack()->push(mc::renameModelCommand(d, d->modelIdByName(QStringLiteral("User")),
                                                QStringLiteral("Person")));
    QTRY_VERIFY(QFile::exists(w.recovery()->fileName()));
    const QByteArray autosaved = readAll(w.recovery()->fileName());
    QVERIFY(autosaved.contains("\"name\": \"Person\""));
    QVERIFY(autosaved.contains(QFileInfo(path).absoluteFilePath().toUtf8()));
    // A running editor's file is not an orphan.
    QCOMPARE(Recovery::orphans().size(), 0);
    const QString file = w.recovery()->fileName();
    QVERIFY(w.save());
    QVERIFY(!QFile::exists(file));
    QCOMPARE(recoveryFiles(m_dir), QStringList());
}

void TstRecovery::recoverAfterSigkill()
{
    const QString path = writeFile(m_tmp.filePath(QStringLiteral("crash.json")), exampleBytes());
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("MODELCANVAS_RECOVERY_DIR"), m_dir);
    env.insert(QStringLiteral("MODELCANVAS_AUTOSAVE_MS"), QStringLiteral("100"));
    env.insert(QStringLiteral("MODELCANVAS_TEST_RENAME"), QStringLiteral("User=Person"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("data")));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(MC_APP), {path});
    QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(recoveryFiles(m_dir).size() == 1, 30000);
    // The autosave is complete once it names the edit (QSaveFile renames atomically).
    const QString file = QDir(m_dir).filePath(recoveryFiles(m_dir).first());
    QTRY_VERIFY(readAll(file).contains("\"name\": \"Person\""));
    QCOMPARE(Recovery::orphans().size(), 0); // its editor still runs
    app.kill();                              // SIGKILL: nothing is cleaned up
    QVERIFY(app.waitForFinished());
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);
    QCOMPARE(recoveryFiles(m_dir).size(), 1);

    MainWindow w;
    Answers answers;
    answers.reply = QMessageBox::Yes;
    w.setFileHooks(answers.hooks());
    QVERIFY(w.offerRecovery());
    QCOMPARE(answers.asked, 1);
    QVERIFY2(answers.lastQuestion.contains(QLatin1String("crash.json")),
             qPrintable(answers.lastQuestion));
    QCOMPARE(w.currentPath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(w.isWindowModified());
    QVERIFY(w.windowTitle().startsWith(QLatin1String("crash.json[*]")));
    QVERIFY(w.document()->modelIdByName(QStringLiteral("Person")) != 0);
    QVERIFY(w.document()->schema().extensions.empty()); // the recovery key is not kept
    QCOMPARE(readAll(path), exampleBytes());            // the file itself was never touched
    // The orphan is gone; this window's own autosave took over.
    QCOMPARE(Recovery::orphans().size(), 0);
    QCOMPARE(recoveryFiles(m_dir), QStringList(QFileInfo(w.recovery()->fileName()).fileName()));
    QVERIFY(w.save());
    QVERIFY(readAll(path).contains("\"name\": \"Person\""));
    QCOMPARE(recoveryFiles(m_dir), QStringList());
}

void TstRecovery::declineKeepsOrDiscards()
{
    QDir().mkpath(m_dir);
    const QString orphan =
        writeFile(QDir(m_dir).filePath(QStringLiteral("left.json")), exampleBytes());
    MainWindow w;
    Answers answers;
    w.setFileHooks(answers.hooks());
    answers.reply = QMessageBox::Cancel; // not now: asked again next time
    QVERIFY(!w.offerRecovery());
    QVERIFY(QFile::exists(orphan));
    answers.reply = QMessageBox::Discard;
    QVERIFY(!w.offerRecovery());
    QVERIFY(!QFile::exists(orphan));
    QCOMPARE(answers.asked, 2);
    QVERIFY(!w.offerRecovery()); // nothing left to offer
    QCOMPARE(answers.asked, 2);
}

void TstRecovery::startUpOffersRecoveryFirst()
{
    QDir().mkpath(m_dir);
    writeFile(QDir(m_dir).filePath(QStringLiteral("untitled.json")), exampleBytes());
    const QString other = writeFile(m_tmp.filePath(QStringLiteral("other.json")), exampleBytes());
    MainWindow w;
    Answers answers;
    answers.reply = QMessageBox::Yes;
    w.setFileHooks(answers.hooks());
    w.startUp(other);
    QCOMPARE(answers.asked, 1);
    QVERIFY(w.currentPath().isEmpty()); // a document never saved has no path
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.document()->modelCount(), 2);
}

QTEST_MAIN(TstRecovery)
#include "tst_recovery.moc"
