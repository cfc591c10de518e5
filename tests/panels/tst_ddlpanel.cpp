// The live DDL dock as a user sees it: the example's statements, a dialect chosen in
// the combo, the text following an edit once typing pauses (also when generated on a
// worker thread), a define error explained instead of SQL, Copy, and colours that
// tell keywords from identifiers on light and dark palettes.
#include "commands/commands.h"
#include "ddl/ddlgenerator.h"
#include "ddlpanel.h"
#include "panelstestutil.h"
#include "sqlhighlighter.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>

using mc::DdlPanel;
using mc::Dialect;

namespace {

QString expected(const mc::Document &document, Dialect dialect)
{
    return mc::ddlScript(
        mc::generateDdl(document.derived(), document.analysis(), dialect).statements);
}

// The colour the highlighter gave the first occurrence of \a word in the text.
QColor colourOf(const QPlainTextEdit *editor, const QString &word)
{
    for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next()) {
        const int at = b.text().indexOf(word);
        if (at < 0)
            continue;
        for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
            if (r.start <= at && at < r.start + r.length)
                return r.format.foreground().color();
        }
        return {};
    }
    return {};
}

mc::Association nameCollision()
{
    // User already has an attribute `name`: Sequelize refuses the association.
    mc::Association a;
    a.type = mc::AssociationType::HasMany;
    a.source = QStringLiteral("User");
    a.target = QStringLiteral("Picture");
    a.as.kind = mc::AliasSpec::Kind::String;
    a.as.name = QStringLiteral("name");
    return a;
}

} // namespace

class TestDdlPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheExamplesDdl();
    void dialectComboSwitchesTheScript();
    void followsAnEditAfterThePause();
    void followsEditsGeneratedOffTheGuiThread();
    void textStaysExactOverManyEdits_data();
    void textStaysExactOverManyEdits();
    void defineErrorShowsTheMessage();
    void nameTheDialectRejectsShowsWhy();
    void copyPutsTheScriptOnTheClipboard();
    void keyboardSelectAllAndCopy();
    void highlightsKeywordsAndIdentifiers();
};

void TestDdlPanel::showsTheExamplesDdl()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    QTRY_VERIFY(!panel.isPending());
    QCOMPARE(panel.dialect(), Dialect::SQLite);
    QVERIFY(panel.script().contains(QLatin1String("CREATE TABLE IF NOT EXISTS `Users`")));
    QCOMPARE(panel.script(), expected(document, Dialect::SQLite));
    QCOMPARE(panel.editor()->toPlainText(), panel.script());
    QVERIFY(panel.editor()->isVisible());
    QVERIFY(panel.editor()->isReadOnly());
    QVERIFY(panel.message().isEmpty());
}

void TestDdlPanel::dialectComboSwitchesTheScript()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("dialectCombo"));
    QVERIFY(combo);
    QVERIFY(!combo->accessibleName().isEmpty());
    const QString sqlite = panel.editor()->toPlainText();

    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // SQLite -> PostgreSQL
    QCOMPARE(panel.dialect(), Dialect::Postgres);
    QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::Postgres));
    QVERIFY(panel.editor()->toPlainText().contains(QLatin1String("\"Users\"")));
    QVERIFY(panel.editor()->toPlainText() != sqlite);

    QTest::keyClick(combo, Qt::Key_Down); // -> MySQL/MariaDB
    QCOMPARE(panel.dialect(), Dialect::MySQL);
    QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::MySQL));
    QVERIFY(panel.editor()->toPlainText().contains(QLatin1String("ENGINE=InnoDB")));
}

void TestDdlPanel::followsAnEditAfterThePause()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    QVERIFY(!panel.script().contains(QLatin1String("`Accounts`")));

    document.undoStack()->push(mc::renameModelCommand(
        &document, document.modelIdByName(QStringLiteral("User")), QStringLiteral("Account")));
    // Debounced: nothing regenerates before the event loop runs the pause out.
    QVERIFY(panel.isPending());
    QTRY_VERIFY(panel.script().contains(QLatin1String("CREATE TABLE IF NOT EXISTS `Accounts`")));
    QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::SQLite));
    QVERIFY(!panel.script().contains(QLatin1String("`Users`")));

    document.undoStack()->undo();
    QTRY_VERIFY(panel.script().contains(QLatin1String("`Users`")));
    QCOMPARE(panel.script(), expected(document, Dialect::SQLite));
}

void TestDdlPanel::followsEditsGeneratedOffTheGuiThread()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.setBackgroundThreshold(0); // every schema counts as large
    panel.setDebounceInterval(0);
    panel.show();
    // Two edits in a row: whatever the worker finishes first, the text ends at the last.
    const mc::ModelId user = document.modelIdByName(QStringLiteral("User"));
    document.undoStack()->push(mc::renameModelCommand(&document, user, QStringLiteral("Account")));
    document.undoStack()->push(mc::renameModelCommand(&document, user, QStringLiteral("Member")));
    QTRY_VERIFY(!panel.isPending());
    QVERIFY(panel.script().contains(QLatin1String("`Members`")));
    QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::SQLite));

    panel.setDialect(Dialect::Postgres);
    QTRY_VERIFY(!panel.isPending());
    QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::Postgres));
}

void TestDdlPanel::textStaysExactOverManyEdits_data()
{
    QTest::addColumn<bool>("background");
    QTest::newRow("GUI thread") << false;
    QTest::newRow("worker thread") << true;
}

void TestDdlPanel::textStaysExactOverManyEdits()
{
    // Only the changed part of the text is replaced: after edits that grow, shrink and
    // reorder the script, and their undo and redo, it still reads exactly as generated.
    QFETCH(bool, background);
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.setBackgroundThreshold(background ? 0 : 1000);
    panel.setDebounceInterval(0);
    panel.setDialect(Dialect::Postgres);
    panel.show();
    QUndoStack *stack = document.undoStack();
    const mc::ModelId user = document.modelIdByName(QStringLiteral("User"));
    auto settle = [&] {
        QTRY_VERIFY(!panel.isPending());
        QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::Postgres));
    };
    stack->push(mc::addModelCommand(&document, QPointF(500, 0), QStringLiteral("Tag")));
    settle();
    mc::Association tags;
    tags.type = mc::AssociationType::BelongsToMany;
    tags.source = QStringLiteral("Picture");
    tags.target = QStringLiteral("Tag");
    tags.through = QStringLiteral("PictureTags");
    stack->push(mc::addAssociationCommand(&document, tags));
    settle();
    stack->push(mc::renameModelCommand(&document, user, QStringLiteral("A")));
    settle();
    stack->push(
        mc::deleteCommand(&document, {document.modelIdByName(QStringLiteral("Picture"))}, {}));
    settle();
    while (stack->canUndo()) {
        stack->undo();
        settle();
    }
    while (stack->canRedo()) {
        stack->redo();
        settle();
    }
}

void TestDdlPanel::defineErrorShowsTheMessage()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    auto *copy = panel.findChild<QPushButton *>(QStringLiteral("copyButton"));
    QVERIFY(copy && copy->isEnabled());

    document.undoStack()->push(mc::addAssociationCommand(&document, nameCollision()));
    QVERIFY(document.derived().error.has_value());
    QTRY_VERIFY(panel.message().contains(
        QLatin1String("Naming collision between attribute 'name' and association 'name'")));
    QVERIFY(panel.script().isEmpty());
    QVERIFY(!panel.editor()->isVisible());
    QVERIFY(!copy->isEnabled());

    document.undoStack()->undo();
    QTRY_VERIFY(panel.message().isEmpty());
    QVERIFY(panel.editor()->isVisible());
    QCOMPARE(panel.editor()->toPlainText(), expected(document, Dialect::SQLite));
    QVERIFY(copy->isEnabled());
}

void TestDdlPanel::nameTheDialectRejectsShowsWhy()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.setDebounceInterval(0);
    panel.show();
    const QString longName = QStringLiteral("A").repeated(70);
    document.undoStack()->push(mc::renameModelCommand(
        &document, document.modelIdByName(QStringLiteral("User")), longName));
    QTRY_VERIFY(!panel.isPending());
    QVERIFY(panel.message().isEmpty()); // SQLite takes it

    panel.setDialect(Dialect::Postgres); // truncates beyond 63 bytes
    QVERIFY(panel.script().isEmpty());
    QVERIFY2(panel.message().contains(QLatin1String("PostgreSQL cannot take these names")),
             qPrintable(panel.message()));
    QVERIFY(panel.message().contains(longName));
    QVERIFY(!panel.editor()->isVisible());
}

void TestDdlPanel::copyPutsTheScriptOnTheClipboard()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    auto *copy = panel.findChild<QPushButton *>(QStringLiteral("copyButton"));
    QVERIFY(copy);
    QVERIFY(!copy->accessibleName().isEmpty());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected(document, Dialect::SQLite));
}

void TestDdlPanel::keyboardSelectAllAndCopy()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    panel.editor()->setFocus();
    QTest::keyClick(panel.editor(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(panel.editor(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), panel.script());
}

void TestDdlPanel::highlightsKeywordsAndIdentifiers()
{
    mc::Document document;
    QVERIFY(paneltest::loadExample(document));
    DdlPanel panel(&document);
    panel.show();
    const QColor keyword = colourOf(panel.editor(), QStringLiteral("CREATE"));
    const QColor identifier = colourOf(panel.editor(), QStringLiteral("`Users`"));
    QVERIFY(keyword.isValid());
    QVERIFY(identifier.isValid());
    QVERIFY(keyword != identifier);

    // A dark palette gets lighter colours, readable on its background.
    QPalette dark = panel.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    panel.setPalette(dark);
    const QColor darkKeyword = colourOf(panel.editor(), QStringLiteral("CREATE"));
    QVERIFY(darkKeyword.isValid());
    QVERIFY(darkKeyword.lightness() > dark.color(QPalette::Base).lightness() + 80);
    QVERIFY(keyword.lightness() < 128);
}

QTEST_MAIN(TestDdlPanel)
#include "tst_ddlpanel.moc"
