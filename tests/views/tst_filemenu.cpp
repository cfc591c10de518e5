// The File menu around the document, as a user meets it: new, open, save, save as,
// revert, recent files, the modified marker in the title following undo, the
// question before unsaved changes are lost, and project files dropped on the window.
#include "documentproblemspanel.h"
#include "io/schemawriter.h"
#include "recentfiles.h"
#include "schemapanel.h"
#include "viewstate.h"
#include "windowtestutil.h"

#include <QApplication>
#include <QDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QTest>

using mc::MainWindow;
using mc::SchemaPanel;
using namespace mc::test;

class TstFileMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void saveReopenSameBytesAndSchema();
    void saveKeepsExtensionsAndView();
    void saveAsShortcutIsBound();
    void newDocumentIsEmptyAndUntitled();
    void modifiedMarkerFollowsUndo();
    void revertDropsChangesAfterAsking();
    void closeAsksAboutUnsavedChanges_data();
    void closeAsksAboutUnsavedChanges();
    void openAsksAboutUnsavedChanges();
    void tenRecentFilesNewestFirst();
    void droppedJsonFileOpens();
    void newAndImportAskFirst();
    void viewStateRoundTrip();

private:
    QTemporaryDir m_home;
    QString copyExample(const QString &name) { return writeFile(m_home, name, exampleBytes()); }
};

void TstFileMenu::initTestCase()
{
    QVERIFY2(!exampleBytes().isEmpty(), "the example resource is not linked in");
    // Recent files and autosaves go to a throwaway place, never the user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    qputenv("MODELCANVAS_RECOVERY_DIR", m_home.filePath(QStringLiteral("recovery")).toLocal8Bit());
}

void TstFileMenu::init()
{
    mc::RecentFiles().clear();
}

void TstFileMenu::saveReopenSameBytesAndSchema()
{
    QTemporaryDir dir;
    const QString original = writeFile(dir, QStringLiteral("a.json"), exampleBytes());
    MainWindow w;
    Answers answers;
    w.setFileHooks(answers.hooks());
    QVERIFY(w.openFile(original));
    rename(w, QStringLiteral("Picture"), QStringLiteral("Photo"));
    answers.savePath = dir.filePath(QStringLiteral("b.json"));
    action(w, "actionSaveAs")->trigger();
    QCOMPARE(answers.errors, QStringList());
    QCOMPARE(w.currentPath(), QFileInfo(answers.savePath).absoluteFilePath());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(shownTitle(w), QStringLiteral("b.json \u2014 ModelCanvas"));
    const QByteArray saved = readAll(answers.savePath);
    QVERIFY(saved.contains("\"name\": \"Photo\""));
    const QString derived = derivedText(*w.document());
    QVERIFY(derived.contains(QLatin1String("Photos(")));

    MainWindow again;
    QVERIFY(again.openFile(answers.savePath));
    QCOMPARE(derivedText(*again.document()), derived);
    QCOMPARE(QString::fromUtf8(mc::writeSchema(again.document()->schema())),
             QString::fromUtf8(saved));
    // Save (no question, same path) writes the same bytes again.
    QVERIFY(QFile::remove(answers.savePath));
    action(again, "actionSave")->trigger();
    QCOMPARE(readAll(answers.savePath), saved);
}

void TstFileMenu::saveKeepsExtensionsAndView()
{
    QTemporaryDir dir;
    QByteArray bytes = exampleBytes();
    bytes.replace("\"format\": \"modelcanvas/1\",",
                  "\"format\": \"modelcanvas/1\",\n  \"x-reviewed-by\": \"ana\",");
    bytes.replace("\"associations\": [",
                  "\"view\": {\"zoom\": 1.5, \"center\": {\"x\": 10, \"y\": 20}},\n  "
                  "\"associations\": [");
    const QString path = writeFile(dir, QStringLiteral("x.json"), bytes);
    MainWindow w;
    QVERIFY2(w.openFile(path), qPrintable(QString::fromUtf8(bytes)));
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    QVERIFY(w.save());
    const QByteArray saved = readAll(path);
    QVERIFY(saved.contains("\"x-reviewed-by\": \"ana\""));
    QVERIFY(saved.contains("\"zoom\": 1.5"));
    QVERIFY(saved.contains("\"source\": \"Person\""));
}

void TstFileMenu::saveAsShortcutIsBound()
{
    MainWindow w;
    QCOMPARE(action(w, "actionSaveAs")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QCOMPARE(action(w, "actionSave")->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(action(w, "actionUndo")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(action(w, "actionRedo")
                ->shortcuts()
                .contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    // The key works: Ctrl+Shift+S asks where to save the untitled example.
    Answers answers;
    w.setFileHooks(answers.hooks());
    QTemporaryDir dir;
    answers.savePath = dir.filePath(QStringLiteral("keyed.json"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(w.currentPath(), QFileInfo(answers.savePath).absoluteFilePath());
    QVERIFY(QFile::exists(answers.savePath));
}

void TstFileMenu::newDocumentIsEmptyAndUntitled()
{
    MainWindow w;
    QVERIFY(w.openFile(copyExample(QStringLiteral("n.json"))));
    action(w, "actionNew")->trigger();
    QCOMPARE(w.document()->modelCount(), 0);
    QCOMPARE(w.schemaPanel()->model()->rowCount(), 0);
    QCOMPARE(shownTitle(w), QStringLiteral("Untitled \u2014 ModelCanvas"));
    QVERIFY(w.currentPath().isEmpty());
    QVERIFY(!action(w, "actionRevert")->isEnabled());
}

void TstFileMenu::modifiedMarkerFollowsUndo()
{
    MainWindow w;
    QVERIFY(w.openFile(copyExample(QStringLiteral("m.json"))));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(shownTitle(w), QStringLiteral("m.json \u2014 ModelCanvas"));
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    QCOMPARE(shownTitle(w), QStringLiteral("m.json* \u2014 ModelCanvas"));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(shownTitle(w), QStringLiteral("m.json \u2014 ModelCanvas"));
    QVERIFY(w.document()->modelIdByName(QStringLiteral("User")) != 0);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(shownTitle(w), QStringLiteral("m.json* \u2014 ModelCanvas"));
    QVERIFY(w.save());
    QCOMPARE(shownTitle(w), QStringLiteral("m.json \u2014 ModelCanvas"));
    // Back before the saved point is a change too.
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(shownTitle(w), QStringLiteral("m.json* \u2014 ModelCanvas"));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(shownTitle(w), QStringLiteral("m.json \u2014 ModelCanvas"));
    // The schema tree follows the edits (it waits for typing to pause).
    rename(w, QStringLiteral("Person"), QStringLiteral("Member"));
    QTRY_COMPARE(w.schemaPanel()->model()->index(0, SchemaPanel::TypeColumn).data().toString(),
                 QStringLiteral("model Member"));
}

void TstFileMenu::revertDropsChangesAfterAsking()
{
    const QString path = copyExample(QStringLiteral("r.json"));
    MainWindow w;
    Answers answers;
    w.setFileHooks(answers.hooks());
    QVERIFY(w.openFile(path));
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    answers.reply = QMessageBox::Cancel;
    action(w, "actionRevert")->trigger();
    QCOMPARE(answers.asked, 1);
    QVERIFY(w.document()->modelIdByName(QStringLiteral("Person")) != 0);
    answers.reply = QMessageBox::Discard;
    action(w, "actionRevert")->trigger();
    QCOMPARE(answers.asked, 2);
    QVERIFY(w.document()->modelIdByName(QStringLiteral("User")) != 0);
    QVERIFY(!w.isWindowModified());
    QCOMPARE(readAll(path), exampleBytes());
}

void TstFileMenu::closeAsksAboutUnsavedChanges_data()
{
    QTest::addColumn<int>("reply");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<QString>("onDisk");
    QTest::newRow("cancel keeps the document") << int(QMessageBox::Cancel) << false << "User";
    QTest::newRow("discard drops the changes") << int(QMessageBox::Discard) << true << "User";
    QTest::newRow("save saves them") << int(QMessageBox::Save) << true << "Person";
}

void TstFileMenu::closeAsksAboutUnsavedChanges()
{
    QFETCH(int, reply);
    QFETCH(bool, closes);
    QFETCH(QString, onDisk);
    const QString path = copyExample(QStringLiteral("c.json"));
    MainWindow w;
    Answers answers;
    answers.reply = QMessageBox::StandardButton(reply);
    w.setFileHooks(answers.hooks());
    QVERIFY(w.openFile(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.close()); // clean: no question
    QCOMPARE(answers.asked, 0);
    w.show();
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    QCOMPARE(w.close(), closes);
    QCOMPARE(answers.asked, 1);
    QVERIFY(answers.lastQuestion.contains(QLatin1String("c.json")));
    QCOMPARE(w.isVisible(), !closes);
    QCOMPARE(w.document()->modelIdByName(QStringLiteral("Person")) != 0, true);
    QVERIFY(readAll(path).contains("\"source\": \"" + onDisk.toUtf8() + "\""));
}

void TstFileMenu::openAsksAboutUnsavedChanges()
{
    const QString first = copyExample(QStringLiteral("first.json"));
    const QString second =
        QStringLiteral(MC_FIXTURES "/cases/seed-cycle-no-constraints-false.model.json");
    MainWindow w;
    Answers answers;
    w.setFileHooks(answers.hooks());
    QVERIFY(w.openFile(first));
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    answers.reply = QMessageBox::Cancel;
    QVERIFY(!w.openFile(second));
    QCOMPARE(w.currentPath(), QFileInfo(first).absoluteFilePath());
    QVERIFY(w.isWindowModified());
    answers.reply = QMessageBox::Discard;
    answers.openPath = second;
    action(w, "actionOpen")->trigger();
    QCOMPARE(answers.asked, 2);
    QCOMPARE(w.currentPath(), QFileInfo(second).absoluteFilePath());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.problemsPanel()->cycleCount(), 1);
}

void TstFileMenu::tenRecentFilesNewestFirst()
{
    QStringList paths;
    for (int i = 0; i < 12; ++i)
        paths << copyExample(QStringLiteral("recent%1.json").arg(i));
    MainWindow w;
    for (const QString &path : paths)
        QVERIFY(w.openFile(path));
    auto *menu = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    auto recentNames = [menu] {
        QStringList names;
        for (QAction *a : menu->actions()) {
            if (a->data().isValid())
                names << QFileInfo(a->data().toString()).fileName();
        }
        return names;
    };
    QStringList expected;
    for (int i = 11; i >= 2; --i)
        expected << QStringLiteral("recent%1.json").arg(i);
    QCOMPARE(recentNames(), expected);
    // Opening one from the menu puts it first.
    QAction *fifth = menu->actions().at(4);
    fifth->trigger();
    QCOMPARE(w.currentPath(), QFileInfo(paths.at(7)).absoluteFilePath());
    QCOMPARE(recentNames().first(), QStringLiteral("recent7.json"));
    QCOMPARE(recentNames().size(), 10);
    // Another window (and the next run) sees the same list.
    MainWindow other;
    auto *otherMenu = other.findChild<QMenu *>(QStringLiteral("recentMenu"));
    QCOMPARE(otherMenu->actions().first()->data().toString(), w.currentPath());
    action(w, "actionClearRecent")->trigger();
    QCOMPARE(recentNames(), QStringList());
    QVERIFY(!menu->isEnabled());
}

void TstFileMenu::droppedJsonFileOpens()
{
    const QString first = copyExample(QStringLiteral("before-drop.json"));
    const QString dropped = copyExample(QStringLiteral("dropped.json"));
    MainWindow w;
    Answers answers;
    w.setFileHooks(answers.hooks());
    QVERIFY(w.openFile(first));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto drop = [&w](const QString &path) {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = w.centralWidget()->geometry().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent event(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &event);
        return event.isAccepted();
    };
    QVERIFY(!drop(writeFile(m_home, QStringLiteral("notes.txt"), "{}"))); // not a project
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    answers.reply = QMessageBox::Cancel;
    QVERIFY(drop(dropped));
    QTRY_COMPARE(answers.asked, 1);
    QCOMPARE(w.currentPath(), QFileInfo(first).absoluteFilePath());
    answers.reply = QMessageBox::Discard;
    QVERIFY(drop(dropped));
    QTRY_COMPARE(w.currentPath(), QFileInfo(dropped).absoluteFilePath());
    QCOMPARE(shownTitle(w), QStringLiteral("dropped.json \u2014 ModelCanvas"));
}

void TstFileMenu::newAndImportAskFirst()
{
    MainWindow w;
    Answers answers;
    w.setFileHooks(answers.hooks());
    QVERIFY(w.openFile(copyExample(QStringLiteral("ask.json"))));
    rename(w, QStringLiteral("User"), QStringLiteral("Person"));
    answers.reply = QMessageBox::Cancel;
    action(w, "actionNew")->trigger();
    QCOMPARE(answers.asked, 1);
    QCOMPARE(w.document()->modelCount(), 2);
    // Canceled before any connection is made: no import runs.
    mc::DatabaseTarget target;
    target.sqlitePath = m_home.filePath(QStringLiteral("none.sqlite"));
    w.importDatabase(target);
    QCOMPARE(answers.asked, 2);
    QVERIFY(!w.findChild<QDialog *>(QStringLiteral("importDialog")));
    action(w, "actionImportFromDatabase")->trigger();
    QCOMPARE(answers.asked, 3);
    QVERIFY(!w.findChild<QDialog *>(QStringLiteral("connectionDialog")));
    QVERIFY(w.document()->modelIdByName(QStringLiteral("Person")) != 0);
    answers.reply = QMessageBox::Discard;
    action(w, "actionNew")->trigger();
    QCOMPARE(w.document()->modelCount(), 0);
}

void TstFileMenu::viewStateRoundTrip()
{
    // What Save writes in `view` once the canvas hands over its zoom and centre:
    // other keys stay, and a reopened file gives the same zoom and centre back.
    std::optional<mc::JsonValue> view = mc::JsonValue::object();
    view->insert(QStringLiteral("x-theme"), mc::JsonValue::string(QStringLiteral("dark")));
    mc::Schema schema;
    schema.view = mc::withViewState(view, 1.25, QPointF(130, -60.5));
    const QByteArray bytes = mc::writeSchema(schema);
    QVERIFY2(
        bytes.contains("\"view\": {\"x-theme\": \"dark\", \"zoom\": 1.25, \"center\": {\"x\": 130, "
                       "\"y\": -60.5}}"),
        bytes.constData());
    const QString path = writeFile(m_home, QStringLiteral("view.json"), bytes);
    MainWindow w;
    QVERIFY(w.openFile(path));
    double zoom = 0;
    QPointF centre;
    QVERIFY(mc::readViewState(w.document()->schema().view, &zoom, &centre));
    QCOMPARE(zoom, 1.25);
    QCOMPARE(centre, QPointF(130, -60.5));
    QVERIFY(!mc::readViewState(std::nullopt, &zoom, &centre));
}

QTEST_MAIN(TstFileMenu)
#include "tst_filemenu.moc"
