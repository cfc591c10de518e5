// The problems dock on a live document: the FK cycle of Sequelize's docs listed with
// the message Sequelize 6.19 gave, a click naming its models and associations for the
// canvas, its quick fixes run by mouse and by keyboard (one undo brings the cycle
// back), the unindexed-FK fix adding the index, and a failed file's loader errors.
#include "commands/commands.h"
#include "documentproblemspanel.h"
#include "panelstestutil.h"
#include "problemlistmodel.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using mc::DocumentProblemsPanel;
using mc::ProblemListModel;

namespace {

int cycleRow(const DocumentProblemsPanel &panel)
{
    for (int r = 0; r < panel.count(); ++r) {
        if (panel.model()->index(r, 0).data(ProblemListModel::CycleRole).toBool())
            return r;
    }
    return -1;
}

int rowWithFix(const DocumentProblemsPanel &panel, const QString &fixText)
{
    for (int r = 0; r < panel.count(); ++r) {
        if (panel.model()->index(r, ProblemListModel::FixColumn).data().toString() == fixText)
            return r;
    }
    return -1;
}

void clickRow(DocumentProblemsPanel &panel, int row)
{
    QTreeView *view = panel.view();
    const QModelIndex index = panel.model()->index(row, ProblemListModel::ProblemColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

template <typename T> QVector<T> sorted(QVector<T> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

struct Fixture
{
    mc::Document document;
    DocumentProblemsPanel *panel = nullptr;

    explicit Fixture(bool cyclic)
    {
        paneltest::loadExample(document, cyclic);
        panel = new DocumentProblemsPanel(&document);
        panel->resize(900, 500);
        panel->show();
    }
    ~Fixture() { delete panel; }
    mc::ModelId model(const char *name) const
    {
        return document.modelIdByName(QLatin1String(name));
    }
};

} // namespace

class TestProblemsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycleShowsSequelizesMessage();
    void clickingAProblemNamesItsItems();
    void quickFixByMouseClearsTheCycleAndUndoBringsItBack();
    void quickFixByKeyboard();
    void unindexedForeignKeyFixAddsTheIndex();
    void loaderErrorsShowWithTheirCaption();
    void unchangedProblemsKeepTheSelection();
};

void TestProblemsPanel::cycleShowsSequelizesMessage()
{
    Fixture f(true);
    QVERIFY(QTest::qWaitForWindowExposed(f.panel));
    QCOMPARE(f.panel->cycleCount(), 1);
    const int row = cycleRow(*f.panel);
    QVERIFY(row >= 0);
    const QString message =
        f.panel->model()->index(row, 0).data(ProblemListModel::MessageRole).toString();
    const QString sequelize = f.document.analysis().toposortError;
    QVERIFY(sequelize.startsWith(QLatin1String("Cyclic dependency found.")));
    QVERIFY2(message.contains(QString(sequelize).replace(QLatin1Char('\n'), QLatin1String(" | "))),
             qPrintable(message));
    QVERIFY(f.panel->findChild<QLabel *>(QStringLiteral("cycleBanner"))->isVisible());

    // The whole message shows once the problem is chosen.
    clickRow(*f.panel, row);
    auto *details = f.panel->findChild<QLabel *>(QStringLiteral("problemDetails"));
    QVERIFY(details->text().contains(QLatin1String("Cyclic dependency found.")));

    // The acyclic example has none.
    Fixture plain(false);
    QCOMPARE(plain.panel->cycleCount(), 0);
    QVERIFY(!plain.panel->findChild<QLabel *>(QStringLiteral("cycleBanner"))->isVisible());
}

void TestProblemsPanel::clickingAProblemNamesItsItems()
{
    Fixture f(true);
    QVERIFY(QTest::qWaitForWindowExposed(f.panel));
    QSignalSpy spy(f.panel, &DocumentProblemsPanel::itemsActivated);
    clickRow(*f.panel, cycleRow(*f.panel));
    QCOMPARE(spy.count(), 1);
    const auto models = spy.at(0).at(0).value<QVector<mc::ModelId>>();
    const auto associations = spy.at(0).at(1).value<QVector<mc::AssociationId>>();
    QCOMPARE(sorted(models), sorted(QVector<mc::ModelId>{f.model("User"), f.model("Picture")}));
    QCOMPARE(sorted(associations),
             sorted(QVector<mc::AssociationId>{f.document.associationIdAt(0),
                                               f.document.associationIdAt(1)}));

    // Enter on a lint problem names the model its path points at.
    const int lint = rowWithFix(*f.panel, QStringLiteral("Add an index on UserId"));
    QVERIFY(lint >= 0);
    f.panel->view()->setCurrentIndex(f.panel->model()->index(lint, 1));
    QTest::keyClick(f.panel->view(), Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<QVector<mc::ModelId>>(),
             QVector<mc::ModelId>{f.model("Picture")});

    // A define error names the association Sequelize stopped at.
    mc::Association clash; // User has an attribute `name`
    clash.type = mc::AssociationType::HasMany;
    clash.source = QStringLiteral("User");
    clash.target = QStringLiteral("Picture");
    clash.as.kind = mc::AliasSpec::Kind::String;
    clash.as.name = QStringLiteral("name");
    mc::EditCommand *add = mc::addAssociationCommand(&f.document, clash);
    f.document.undoStack()->push(add);
    const mc::AssociationId added = f.document.associationIdAt(2);
    QCOMPARE(f.panel->errorCount(), 1);
    int error = -1;
    for (int r = 0; r < f.panel->count(); ++r) {
        if (f.panel->model()->index(r, 0).data(ProblemListModel::SeverityRole).toInt() ==
            int(mc::Diagnostic::Severity::Error))
            error = r;
    }
    clickRow(*f.panel, error);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).value<QVector<mc::AssociationId>>(),
             QVector<mc::AssociationId>{added});
}

void TestProblemsPanel::quickFixByMouseClearsTheCycleAndUndoBringsItBack()
{
    Fixture f(true);
    QVERIFY(QTest::qWaitForWindowExposed(f.panel));
    clickRow(*f.panel, cycleRow(*f.panel));
    const QVector<QPushButton *> buttons = f.panel->fixButtons();
    QCOMPARE(buttons.size(), 2); // one per association in the cycle
    for (QPushButton *b : buttons) {
        QVERIFY(b->isVisible());
        QVERIFY(b->text().startsWith(QLatin1String("Set constraints: false on User.")));
    }
    QVERIFY(buttons[0]->text() != buttons[1]->text());
    QTRY_VERIFY(!buttons[0]->visibleRegion().isEmpty()); // laid out: a user can click it
    const mc::ResolvedProblem problem = f.panel->problemAt(cycleRow(*f.panel));
    const mc::AssociationId fixed = problem.fixes.first().association;

    QTest::mouseClick(buttons[0], Qt::LeftButton);
    QCOMPARE(f.panel->cycleCount(), 0);
    QVERIFY(f.document.analysis().cycles.isEmpty());
    QCOMPARE(f.document.association(fixed)->constraints, std::optional<bool>(false));
    QVERIFY(f.panel->fixButtons().isEmpty() || cycleRow(*f.panel) < 0);

    f.document.undoStack()->undo();
    QCOMPARE(f.panel->cycleCount(), 1);
    QVERIFY(!f.document.association(fixed)->constraints.has_value());
    f.document.undoStack()->redo();
    QCOMPARE(f.panel->cycleCount(), 0);
}

void TestProblemsPanel::quickFixByKeyboard()
{
    Fixture f(true);
    f.panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f.panel));
    QTreeView *view = f.panel->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home);
    for (int r = view->currentIndex().row(); r < cycleRow(*f.panel); ++r)
        QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), cycleRow(*f.panel));
    QCOMPARE(f.panel->fixButtons().size(), 2);

    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), f.panel->fixButtons().first());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QCOMPARE(f.panel->cycleCount(), 0);
    QCOMPARE(f.document.undoStack()->count(), 1);
    QCOMPARE(QApplication::focusWidget(), view); // back in the list, not lost
}

void TestProblemsPanel::unindexedForeignKeyFixAddsTheIndex()
{
    Fixture f(false);
    QVERIFY(QTest::qWaitForWindowExposed(f.panel));
    const QString fixText = QStringLiteral("Add an index on UserId");
    const int row = rowWithFix(*f.panel, fixText);
    QVERIFY(row >= 0);
    clickRow(*f.panel, row);
    QCOMPARE(f.panel->fixButtons().size(), 1);
    QCOMPARE(f.panel->fixButtons().first()->text(), fixText);
    QTRY_VERIFY(!f.panel->fixButtons().first()->visibleRegion().isEmpty());

    QTest::mouseClick(f.panel->fixButtons().first(), Qt::LeftButton);
    const mc::Model *picture = f.document.model(f.model("Picture"));
    QVERIFY(picture->indexes.has_value());
    QCOMPARE(picture->indexes->size(), 1);
    QCOMPARE(picture->indexes->first().fields, QStringList{QStringLiteral("UserId")});
    QCOMPARE(rowWithFix(*f.panel, fixText), -1);

    f.document.undoStack()->undo();
    QVERIFY(rowWithFix(*f.panel, fixText) >= 0);
}

void TestProblemsPanel::loaderErrorsShowWithTheirCaption()
{
    Fixture f(false);
    QVERIFY(QTest::qWaitForWindowExposed(f.panel));
    const mc::Diagnostics errors{mc::Diagnostic::error(
        QStringLiteral("models[0].name"), QStringLiteral("name must be a non-empty string"))};
    f.panel->setDiagnostics(errors, QStringLiteral("broken.json could not be opened"));
    QCOMPARE(f.panel->count(), 1);
    QCOMPARE(f.panel->errorCount(), 1);
    auto *caption = f.panel->findChild<QLabel *>(QStringLiteral("problemsCaption"));
    QVERIFY(caption->isVisible());
    QCOMPARE(caption->text(), QStringLiteral("broken.json could not be opened"));

    // Its paths belong to the other file: they name nothing in this document.
    QSignalSpy items(f.panel, &DocumentProblemsPanel::itemsActivated);
    QSignalSpy paths(f.panel, &DocumentProblemsPanel::pathActivated);
    clickRow(*f.panel, 0);
    QCOMPARE(items.count(), 0);
    QCOMPARE(paths.count(), 1);
    QVERIFY(f.panel->fixButtons().isEmpty());

    // The next edit shows the document's own problems again.
    f.document.undoStack()->push(
        mc::renameModelCommand(&f.document, f.model("User"), QStringLiteral("Account")));
    QVERIFY(rowWithFix(*f.panel, QStringLiteral("Add an index on AccountId")) >= 0);
    QVERIFY(!caption->isVisible());
}

void TestProblemsPanel::unchangedProblemsKeepTheSelection()
{
    Fixture f(true);
    QVERIFY(QTest::qWaitForWindowExposed(f.panel));
    const int row = rowWithFix(*f.panel, QStringLiteral("Add an index on UserId"));
    clickRow(*f.panel, row);
    QSignalSpy resets(f.panel->model(), &QAbstractItemModel::modelReset);
    const mc::ModelId user = f.model("User");
    f.document.undoStack()->push(mc::moveCommand(
        &f.document, {{user, QPointF(0, 0)}}, {{user, QPointF(40, 80)}}, QStringLiteral("Move")));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(f.panel->view()->currentIndex().row(), row);

    // A change of the problems keeps the chosen one current where it moved to.
    f.document.undoStack()->push(
        mc::constraintsFalseCommand(&f.document, f.document.associationIdAt(1)));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(f.panel->view()->currentIndex().row(),
             rowWithFix(*f.panel, QStringLiteral("Add an index on UserId")));
}

QTEST_MAIN(TestProblemsPanel)
#include "tst_problemspanel.moc"
