// What a user sees in the main window: the derived schema in creation order, derived
// columns and foreign keys, accessors, loader errors that keep the previous schema,
// and FK cycles in the problems panel.
#include "mainwindow.h"
#include "problemspanel.h"
#include "schemapanel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using mc::MainWindow;
using mc::ProblemsPanel;
using mc::SchemaPanel;

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

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return QString();
    return path;
}

QByteArray exampleBytes()
{
    QFile f(QStringLiteral(":/examples/users-pictures.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
    void doubleClickActivatesPath();
};

void TstMainWindow::initTestCase()
{
    QVERIFY2(!exampleBytes().isEmpty(), "the example resource is not linked in");
}

void TstMainWindow::openFileShowsDerivedSchema()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("users-pictures.json"), exampleBytes());
    QVERIFY(!path.isEmpty());
    MainWindow w;
    QVERIFY(w.openFile(path));
    QCOMPARE(w.windowTitle(), QStringLiteral("users-pictures.json \u2014 ModelCanvas"));
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
    QVERIFY(w.windowTitle().startsWith(QLatin1String("users-pictures.json")));
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
    const ProblemsPanel *problems = w.problemsPanel();
    QCOMPARE(problems->count(), 1);
    QCOMPARE(problems->errorCount(), 1);
    const QModelIndex where = problems->model()->index(0, ProblemsPanel::PathColumn);
    QCOMPARE(where.data(ProblemsPanel::PathRole).toString(),
             QStringLiteral("models[1].attributes[0].type"));
    QVERIFY(problems->model()
                ->index(0, ProblemsPanel::MessageColumn)
                .data()
                .toString()
                .contains(QLatin1String("VARCHARR")));
    QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("broken.json")));
    // Nothing lost: the good file is still shown and still the one Reload reads.
    QCOMPARE(w.windowTitle(), QStringLiteral("good.json \u2014 ModelCanvas"));
    QCOMPARE(w.currentPath(), QFileInfo(good).absoluteFilePath());
    verifyUsersPictures(w);
    if (QTest::currentTestFailed())
        return;

    // Reload re-reads the shown file and replaces the loader errors with its problems.
    auto *reload = w.findChild<QAction *>(QStringLiteral("actionReload"));
    QVERIFY(reload);
    reload->trigger();
    QCOMPARE(w.problemsPanel()->errorCount(), 0);
}

void TstMainWindow::cycleShowsWarning()
{
    MainWindow w;
    QVERIFY(w.openFile(
        QStringLiteral(MC_FIXTURES "/cases/seed-cycle-no-constraints-false.model.json")));
    const ProblemsPanel *problems = w.problemsPanel();
    QCOMPARE(problems->cycleCount(), 1);
    int row = -1;
    for (int r = 0; r < problems->count(); ++r) {
        if (problems->model()
                ->index(r, ProblemsPanel::PathColumn)
                .data(ProblemsPanel::CycleRole)
                .toBool())
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex where = problems->model()->index(row, ProblemsPanel::PathColumn);
    QCOMPARE(where.data(ProblemsPanel::SeverityRole).toInt(),
             int(mc::Diagnostic::Severity::Warning));
    QCOMPARE(where.data(ProblemsPanel::PathRole).toString(), QStringLiteral("associations[1]"));
    const QString message =
        problems->model()->index(row, ProblemsPanel::MessageColumn).data().toString();
    QVERIFY2(message.startsWith(QLatin1String("FK cycle between Users, Pictures")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("\"constraints\": false to associations[1]")),
             qPrintable(message));
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

void TstMainWindow::doubleClickActivatesPath()
{
    MainWindow w;
    QVERIFY(w.openFile(
        QStringLiteral(MC_FIXTURES "/cases/seed-cycle-no-constraints-false.model.json")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy spy(w.problemsPanel(), &ProblemsPanel::pathActivated);
    QTreeView *view = w.problemsPanel()->view();
    const QModelIndex first = view->model()->index(0, ProblemsPanel::MessageColumn);
    const QPoint centre = view->visualRect(first).center();
    // A real double click is click + double-click event; the view needs the press first.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), view->model()
                                             ->index(0, ProblemsPanel::PathColumn)
                                             .data(ProblemsPanel::PathRole)
                                             .toString());
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
