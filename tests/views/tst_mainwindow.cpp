// What a user sees in the main window: the derived schema in creation order, derived
// columns and foreign keys, accessors, loader errors that keep the previous schema,
// FK cycles in the problems panel, placement of unplaced models on open, Add Model,
// and named docks. The File menu has its own test (tst_filemenu).
#include "canvasscene.h"
#include "canvasview.h"
#include "documentproblemspanel.h"
#include "io/schemawriter.h"
#include "nameeditor.h"
#include "palettewidget.h"
#include "problemlistmodel.h"
#include "schemapanel.h"
#include "windowtestutil.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using mc::DocumentProblemsPanel;
using mc::MainWindow;
using mc::ProblemListModel;
using mc::SchemaPanel;
using namespace mc::test;

namespace {

QStringList tableTitles(const QAbstractItemModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, SchemaPanel::NameColumn).data().toString();
    return out;
}

QModelIndex childStartingWith(const QAbstractItemModel *m, const QModelIndex &parent,
                              const QString &prefix)
{
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, SchemaPanel::NameColumn, parent);
        if (i.data().toString().startsWith(prefix))
            return i;
    }
    return QModelIndex();
}

/// The NameColumn index of `group` > `name` under the table titled `tableTitle`.
QModelIndex find(const QAbstractItemModel *m, const QString &tableTitle, const QString &group,
                 const QString &name)
{
    const QModelIndex table = childStartingWith(m, QModelIndex(), tableTitle);
    const QModelIndex g = childStartingWith(m, table, group);
    for (int r = 0; r < m->rowCount(g); ++r) {
        const QModelIndex i = m->index(r, SchemaPanel::NameColumn, g);
        if (i.data().toString() == name)
            return i;
    }
    return QModelIndex();
}

QString cellText(const QModelIndex &nameIndex, int column)
{
    return nameIndex.siblingAtColumn(column).data().toString();
}

QString summaryText(const MainWindow &w)
{
    const auto *label = w.statusBar()->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    return label ? label->text() : QString();
}

/// Asserts the users-pictures example as a user reads it.
void verifyUsersPictures(const MainWindow &w)
{
    const QAbstractItemModel *m = w.schemaPanel()->model();
    QCOMPARE(tableTitles(m),
             QStringList({QStringLiteral("1. Users"), QStringLiteral("2. Pictures")}));
    QCOMPARE(m->index(0, SchemaPanel::TypeColumn).data().toString(), QStringLiteral("model User"));

    const QModelIndex userId =
        find(m, QStringLiteral("2. Pictures"), QStringLiteral("Columns"), QStringLiteral("UserId"));
    QVERIFY(userId.isValid());
    QVERIFY(userId.data(SchemaPanel::DerivedRole).toBool());
    QCOMPARE(cellText(userId, SchemaPanel::ReferenceColumn),
             QStringLiteral("\u2192 Users.id ON DELETE SET NULL ON UPDATE CASCADE"));
    QVERIFY(cellText(userId, SchemaPanel::OriginColumn).contains(QLatin1String("associations[0]")));
    QCOMPARE(cellText(userId, SchemaPanel::SqlTypeColumn), QStringLiteral("INTEGER"));

    const QModelIndex profile = find(m, QStringLiteral("1. Users"), QStringLiteral("Columns"),
                                     QStringLiteral("ProfilePictureId"));
    QVERIFY(profile.isValid());
    QVERIFY(profile.data(SchemaPanel::DerivedRole).toBool());
    QCOMPARE(cellText(profile, SchemaPanel::ReferenceColumn), QStringLiteral("no constraint"));
    QVERIFY(
        cellText(profile, SchemaPanel::OriginColumn).contains(QLatin1String("associations[1]")));

    const QModelIndex name =
        find(m, QStringLiteral("1. Users"), QStringLiteral("Columns"), QStringLiteral("name"));
    QVERIFY(name.isValid());
    QVERIFY(!name.data(SchemaPanel::DerivedRole).toBool());
    QCOMPARE(cellText(name, SchemaPanel::OriginColumn), QStringLiteral("declared"));
    QCOMPARE(cellText(name, SchemaPanel::SqlTypeColumn), QStringLiteral("VARCHAR(255)"));

    for (const char *method : {"getPictures()", "setProfilePicture()"}) {
        const QModelIndex a =
            find(m, QStringLiteral("1. Users"), QStringLiteral("Accessors"), QLatin1String(method));
        QVERIFY2(a.isValid(), method);
    }
    QCOMPARE(summaryText(w),
             QStringLiteral("2 models, 2 tables, 2 associations; creation order ok"));
}

} // namespace

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openFileShowsDerivedSchema();
    void exampleActionShowsExample();
    void startupWithoutFileShowsExample();
    void malformedFileKeepsPreviousSchema();
    void cycleShowsWarning();
    void dialectChangesSqlTypes();
    void clickOnProblemSelectsItsItems();
    void init();
    void unplacedModelsArePlacedOnOpen();
    void placeAllIsOneUndoStep();
    void addModelFromMenuAndPalette();
    void docksHaveNames();
    void windowLayoutIsRestored();

private:
    QTemporaryDir m_home;
    QString copyExample(const QString &name);
};

void TstMainWindow::initTestCase()
{
    QVERIFY2(!exampleBytes().isEmpty(), "the example resource is not linked in");
    // Recent files and autosaves go to a throwaway place, never the user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QSettings::setDefaultFormat(QSettings::NativeFormat);
    qputenv("MODELCANVAS_RECOVERY_DIR", m_home.filePath(QStringLiteral("recovery")).toLocal8Bit());
}

void TstMainWindow::init()
{
    QSettings().remove(QStringLiteral("recentFiles"));
}

QString TstMainWindow::copyExample(const QString &name)
{
    return writeFile(m_home, name, exampleBytes());
}

void TstMainWindow::openFileShowsDerivedSchema()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("users-pictures.json"), exampleBytes());
    QVERIFY(!path.isEmpty());
    MainWindow w;
    QVERIFY(w.openFile(path));
    QCOMPARE(shownTitle(w), QStringLiteral("users-pictures.json \u2014 ModelCanvas"));
    verifyUsersPictures(w);
    if (QTest::currentTestFailed())
        return;
    // The example's belongsTo has "constraints": false: no cycle, only lint.
    QCOMPARE(w.problemsPanel()->cycleCount(), 0);
    QCOMPARE(w.problemsPanel()->errorCount(), 0);

    const QByteArray dir_ = qgetenv("MC_SCREENSHOT_DIR");
    if (!dir_.isEmpty()) {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.grab().save(QString::fromLocal8Bit(dir_) + QStringLiteral("/mainwindow.png")));
    }
}

void TstMainWindow::exampleActionShowsExample()
{
    MainWindow w;
    auto *action = w.findChild<QAction *>(QStringLiteral("actionOpenExample"));
    QVERIFY(action);
    action->trigger();
    QVERIFY(shownTitle(w).startsWith(QLatin1String("users-pictures.json")));
    verifyUsersPictures(w);
}

void TstMainWindow::startupWithoutFileShowsExample()
{
    MainWindow w;
    QCOMPARE(w.schemaPanel()->model()->rowCount(), 0);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    verifyUsersPictures(w);
}

void TstMainWindow::malformedFileKeepsPreviousSchema()
{
    QTemporaryDir dir;
    const QString good = writeFile(dir, QStringLiteral("good.json"), exampleBytes());
    QByteArray broken = exampleBytes();
    broken.replace("{\"name\": \"format\", \"type\": \"STRING\"}",
                   "{\"name\": \"format\", \"type\": \"VARCHARR\"}");
    QVERIFY(broken != exampleBytes());
    const QString bad = writeFile(dir, QStringLiteral("broken.json"), broken);
    MainWindow w;
    QVERIFY(w.openFile(good));

    QVERIFY(!w.openFile(bad));
    const DocumentProblemsPanel *problems = w.problemsPanel();
    QCOMPARE(problems->count(), 1);
    QCOMPARE(problems->errorCount(), 1);
    const QModelIndex where = problems->model()->index(0, ProblemListModel::LocationColumn);
    QCOMPARE(where.data(ProblemListModel::PathRole).toString(),
             QStringLiteral("models[1].attributes[0].type"));
    QVERIFY(problems->model()
                ->index(0, ProblemListModel::ProblemColumn)
                .data(ProblemListModel::MessageRole)
                .toString()
                .contains(QLatin1String("VARCHARR")));
    // The dock's title counts what it lists.
    QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->windowTitle(),
             QStringLiteral("Problems (1)"));
    QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("broken.json")));
    // Nothing lost: the good file is still shown and still the one Reload reads.
    QCOMPARE(shownTitle(w), QStringLiteral("good.json \u2014 ModelCanvas"));
    QCOMPARE(w.currentPath(), QFileInfo(good).absoluteFilePath());
    verifyUsersPictures(w);
    if (QTest::currentTestFailed())
        return;

    // Revert re-reads the shown file and replaces the loader errors with its problems.
    auto *revert = w.findChild<QAction *>(QStringLiteral("actionRevert"));
    QVERIFY(revert);
    QVERIFY(revert->isEnabled());
    revert->trigger();
    QCOMPARE(w.problemsPanel()->errorCount(), 0);
}

void TstMainWindow::cycleShowsWarning()
{
    MainWindow w;
    QVERIFY(w.openFile(
        QStringLiteral(MC_FIXTURES "/cases/seed-cycle-no-constraints-false.model.json")));
    const DocumentProblemsPanel *problems = w.problemsPanel();
    QCOMPARE(problems->cycleCount(), 1);
    int row = -1;
    for (int r = 0; r < problems->count(); ++r) {
        if (problems->model()
                ->index(r, ProblemListModel::LocationColumn)
                .data(ProblemListModel::CycleRole)
                .toBool())
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex where = problems->model()->index(row, ProblemListModel::LocationColumn);
    QCOMPARE(where.data(ProblemListModel::SeverityRole).toInt(),
             int(mc::Diagnostic::Severity::Warning));
    QCOMPARE(where.data(ProblemListModel::PathRole).toString(), QStringLiteral("associations[1]"));
    const QString message = where.data(ProblemListModel::MessageRole).toString();
    QVERIFY2(message.startsWith(QLatin1String("FK cycle between Users, Pictures")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("\"constraints\": false to associations[1]")),
             qPrintable(message));
    // One quick fix per association of the cycle.
    QCOMPARE(problems->problemAt(row).fixes.size(), 2);
    // Both tables are flagged in the schema tree and the status bar counts the cycle.
    const QAbstractItemModel *m = w.schemaPanel()->model();
    QCOMPARE(tableTitles(m),
             QStringList({QStringLiteral("1. Users"), QStringLiteral("2. Pictures")}));
    QCOMPARE(m->index(0, SchemaPanel::OriginColumn).data().toString(),
             QStringLiteral("in FK cycle with Pictures"));
    const QModelIndex profile = find(m, QStringLiteral("1. Users"), QStringLiteral("Columns"),
                                     QStringLiteral("ProfilePictureId"));
    QCOMPARE(cellText(profile, SchemaPanel::ReferenceColumn),
             QStringLiteral("\u2192 Pictures.id ON DELETE SET NULL ON UPDATE CASCADE"));
    QVERIFY(summaryText(w).endsWith(QLatin1String("; 1 cycle")));

    const QByteArray shots = qgetenv("MC_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/cycle.png")));
    }
}

void TstMainWindow::dialectChangesSqlTypes()
{
    MainWindow w;
    QVERIFY(w.openExample());
    const QAbstractItemModel *m = w.schemaPanel()->model();
    auto *combo = w.schemaPanel()->findChild<QComboBox *>();
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findText(QStringLiteral("PostgreSQL")));
    QCOMPARE(w.schemaPanel()->dialect(), mc::Dialect::Postgres);
    const QModelIndex created =
        find(m, QStringLiteral("1. Users"), QStringLiteral("Columns"), QStringLiteral("createdAt"));
    QCOMPARE(cellText(created, SchemaPanel::SqlTypeColumn),
             QStringLiteral("TIMESTAMP WITH TIME ZONE"));
    QVERIFY(created.data(SchemaPanel::DerivedRole).toBool());
    QVERIFY(m->headerData(SchemaPanel::SqlTypeColumn, Qt::Horizontal)
                .toString()
                .contains(QLatin1String("PostgreSQL")));
}

void TstMainWindow::clickOnProblemSelectsItsItems()
{
    MainWindow w;
    QVERIFY(w.openFile(
        QStringLiteral(MC_FIXTURES "/cases/seed-cycle-no-constraints-false.model.json")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.canvasScene()->selectedModels().isEmpty());
    QTreeView *view = w.problemsPanel()->view();
    int row = -1;
    for (int r = 0; r < view->model()->rowCount() && row < 0; ++r)
        if (view->model()->index(r, 0).data(ProblemListModel::CycleRole).toBool())
            row = r;
    QVERIFY(row >= 0);
    const QModelIndex cell = view->model()->index(row, ProblemListModel::ProblemColumn);
    view->scrollTo(cell);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    // The cycle's two models and two associations are selected on the canvas.
    QTRY_COMPARE(w.canvasScene()->selectedModels().size(), 2);
    QCOMPARE(w.canvasScene()->selectedAssociations().size(), 2);
}

void TstMainWindow::unplacedModelsArePlacedOnOpen()
{
    QTemporaryDir dir;
    QByteArray bytes = exampleBytes();
    bytes.replace(",\n      \"position\": {\"x\": 0, \"y\": 0}", "");
    bytes.replace(",\n      \"position\": {\"x\": 440, \"y\": 0}", "");
    QVERIFY(!bytes.contains("position"));
    const QString path = writeFile(dir, QStringLiteral("unplaced.json"), bytes);
    MainWindow w;
    QVERIFY(w.openFile(path));
    const mc::Model *user =
        w.document()->model(w.document()->modelIdByName(QStringLiteral("User")));
    const mc::Model *picture =
        w.document()->model(w.document()->modelIdByName(QStringLiteral("Picture")));
    QVERIFY(user->position && picture->position);
    // Pictures references Users: the picture goes below the user.
    QVERIFY(picture->position->y() > user->position->y());
    // Placing is part of opening: nothing to save, nothing to undo.
    QVERIFY(!w.isWindowModified());
    QVERIFY(!w.document()->undoStack()->canUndo());
}

void TstMainWindow::placeAllIsOneUndoStep()
{
    MainWindow w;
    QVERIFY(w.openFile(copyExample(QStringLiteral("p.json"))));
    const QByteArray before = mc::writeSchema(w.document()->schema());
    action(w, "actionPlaceAll")->trigger();
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QVERIFY(w.isWindowModified());
    const QByteArray after = mc::writeSchema(w.document()->schema());
    QVERIFY(after != before); // the example puts both side by side; placed, one is below
    w.document()->undoStack()->undo();
    QCOMPARE(mc::writeSchema(w.document()->schema()), before);
    QVERIFY(!w.isWindowModified());
    w.document()->undoStack()->redo();
    QCOMPARE(mc::writeSchema(w.document()->schema()), after);
}

void TstMainWindow::addModelFromMenuAndPalette()
{
    MainWindow w;
    QVERIFY(w.openFile(copyExample(QStringLiteral("add.json"))));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_M, Qt::ControlModifier);
    QCOMPARE(w.document()->modelCount(), 3);
    const mc::ModelId first = w.document()->modelIdAt(2);
    const mc::Model *added = w.document()->model(first);
    QVERIFY(added->position);
    // At the centre of what the canvas shows, named in place.
    mc::CanvasView *canvas = w.canvasView();
    const QPointF centre = canvas->mapToScene(canvas->viewport()->rect().center());
    QVERIFY(QLineF(*added->position, centre).length() < 150);
    QVERIFY(canvas->nameEditor());
    QTest::keyClick(canvas->nameEditor(), Qt::Key_Escape);
    QTRY_VERIFY(!canvas->nameEditor());
    // The palette's entry, activated from the keyboard, adds one too, not on the first.
    QToolButton *entry = w.paletteWidget()->modelEntry();
    entry->setFocus();
    QTest::keyClick(entry, Qt::Key_Space);
    QCOMPARE(w.document()->modelCount(), 4);
    QVERIFY(*w.document()->model(w.document()->modelIdAt(3))->position !=
            *w.document()->model(first)->position);
    QTest::keyClick(canvas->nameEditor(), Qt::Key_Escape);
    QTRY_VERIFY(!canvas->nameEditor());
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w.document()->modelCount(), 3);
}

void TstMainWindow::docksHaveNames()
{
    MainWindow w;
    const QList<QDockWidget *> docks = w.findChildren<QDockWidget *>();
    QCOMPARE(docks.size(), 6);
    for (const QDockWidget *dock : docks) {
        QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
        QVERIFY2(!dock->accessibleName().isEmpty(), qPrintable(dock->objectName()));
        QVERIFY2(dock->widget() && !dock->widget()->accessibleName().isEmpty(),
                 qPrintable(dock->objectName()));
        QVERIFY2(!dock->widget()->objectName().isEmpty(), qPrintable(dock->objectName()));
    }
    QVERIFY(!w.centralWidget()->accessibleName().isEmpty());
}

void TstMainWindow::windowLayoutIsRestored()
{
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *history = w.findChild<QDockWidget *>(QStringLiteral("historyDock"));
        QVERIFY(history);
        action(w, "actionShow_historyDock")->trigger(); // shown (tabbed) -> closed
        QVERIFY(history->isHidden());
        QVERIFY(w.close());
    }
    MainWindow again;
    auto *history = again.findChild<QDockWidget *>(QStringLiteral("historyDock"));
    again.restoreWindowState();
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(history->isHidden());
    QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->isHidden());
    QSettings().remove(QStringLiteral("mainWindow"));
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
