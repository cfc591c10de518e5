// The undo history dock: "<original>" first, one row per step, the current step
// selected, and clicking a row going back to it.
#include "commands/commands.h"
#include "historypanel.h"
#include "panelstestutil.h"

#include <QTest>
#include <QUndoStack>

using mc::HistoryPanel;

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsStepsAndGoesBack();
};

void TestHistoryPanel::listsStepsAndGoesBack()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    HistoryPanel panel(&document);
    panel.resize(300, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.accessibleName().isEmpty());
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.model()->index(0, 0).data().toString(), QStringLiteral("<original>"));

    const mc::ModelId user = document.modelIdByName(QStringLiteral("User"));
    document.undoStack()->push(mc::renameModelCommand(&document, user, QStringLiteral("Account")));
    QCOMPARE(panel.model()->rowCount(), 2);
    QVERIFY(panel.model()->index(1, 0).data().toString().contains(QLatin1String("Account")));
    QCOMPARE(panel.currentIndex().row(), 1);

    const QModelIndex original = panel.model()->index(0, 0);
    QTest::mouseClick(panel.viewport(), Qt::LeftButton, {}, panel.visualRect(original).center());
    QCOMPARE(document.undoStack()->index(), 0);
    QVERIFY(document.model(user)->name == QLatin1String("User"));
    QVERIFY(!document.isModified());
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
