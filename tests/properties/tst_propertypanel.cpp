// The property panel (views/properties) driven like a user: keys typed in its real
// fields, combos changed from the keyboard, buttons clicked. Every check reads the
// document (saved file, derived schema, analysis, undo stack) or what the panel shows.
#include "associationpage.h"
#include "attributeform.h"
#include "modelpage.h"
#include "optionsform.h"
#include "propertypanel.h"
#include "reasonlabel.h"

#include "io/schemareader.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

using namespace mc;

namespace {

Schema example()
{
    LoadResult r = readSchemaFile(QStringLiteral(MC_EXAMPLE));
    if (!r.schema)
        qFatal("cannot read the example");
    return *r.schema;
}

template <typename T> T *child(QWidget *root, const QString &name)
{
    T *w = root->findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

/// Replaces the text of \a edit the way a user does: focus, select all, type.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

/// Moves a closed combo box to the item \a text with the arrow keys.
void chooseByKeys(QComboBox *combo, const QString &text)
{
    combo->setFocus();
    const int target = combo->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    while (combo->currentIndex() != target)
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
}

const DerivedColumn *derivedColumn(const Document &d, const QString &table, const QString &col)
{
    const int t = d.derived().tableIndexByName(table);
    if (t < 0)
        return nullptr;
    const int c = d.derived().tables[t].columnIndexByAttribute(col);
    return c < 0 ? nullptr : &d.derived().tables[t].columns[c];
}

} // namespace

class TestPropertyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void renameModelIsOneUndoStep();
    void attributeTypeUpdatesDerivedSchema();
    void badTypeStringIsRefused();
    void duplicateModelNameIsRefused();
    void constraintsFalseClearsCycle();
    void effectiveOnDeleteIsExplained();
    void sequelizeErrorIsRefusedWithItsMessage();
    void belongsToManyGetsAJunction();
    void unknownTargetKeyIsRefusedWithoutATrace();
    void addRemoveAndReorderAttributes();
    void attributeDefineErrorsAreRefused();
    void globalOptionsAreEditable();
    void modelOptionsShowInheritedValues();
    void followsUndoFromOutside();
    void everyControlHasAnAccessibleName();
    void tabOrderGoesDownThePage_data();
    void tabOrderGoesDownThePage();

private:
    Document *m_document = nullptr;
    PropertyPanel *m_panel = nullptr;
    ModelId m_user = 0;
    ModelId m_picture = 0;
};

void TestPropertyPanel::init()
{
    m_document = new Document;
    m_document->reset(example());
    m_panel = new PropertyPanel(m_document);
    m_panel->resize(480, 900);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_user = m_document->modelIdByName(QStringLiteral("User"));
    m_picture = m_document->modelIdByName(QStringLiteral("Picture"));
}

void TestPropertyPanel::cleanup()
{
    delete m_panel;
    delete m_document;
}

void TestPropertyPanel::renameModelIsOneUndoStep()
{
    m_panel->setSelection({m_user}, {});
    QLineEdit *name = child<QLineEdit>(m_panel, QStringLiteral("modelName"));
    QCOMPARE(name->text(), QStringLiteral("User"));
    retype(name, QStringLiteral("Person"));
    QCOMPARE(m_document->model(m_user)->name, QStringLiteral("Person"));
    for (const Association &a : m_document->schema().associations)
        QCOMPARE(a.source, QStringLiteral("Person"));
    QVERIFY(m_document->derived().tableIndexByName(QStringLiteral("People")) >= 0);
    QCOMPARE(name->text(), QStringLiteral("Person"));
    QCOMPARE(m_document->undoStack()->count(), 1);

    m_document->undoStack()->undo();
    QCOMPARE(m_document->model(m_user)->name, QStringLiteral("User"));
    for (const Association &a : m_document->schema().associations)
        QCOMPARE(a.source, QStringLiteral("User"));
    QCOMPARE(name->text(), QStringLiteral("User"));
}

void TestPropertyPanel::attributeTypeUpdatesDerivedSchema()
{
    m_panel->setSelection({m_picture}, {});
    QCOMPARE(child<QListWidget>(m_panel, QStringLiteral("attributes"))->currentRow(), 0);
    QLineEdit *type =
        child<QLineEdit>(m_panel->modelPage()->attributeForm(), QStringLiteral("type"));
    QCOMPARE(type->text(), QStringLiteral("STRING"));
    retype(type, QStringLiteral("STRING(64)"));
    const DerivedColumn *format =
        derivedColumn(*m_document, QStringLiteral("Pictures"), QStringLiteral("format"));
    QVERIFY(format);
    QCOMPARE(format->type.toString(), QStringLiteral("STRING(64)"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    // The intermediate "STRING(6" was refused, the final value is not.
    QVERIFY(m_panel->modelPage()->attributeForm()->reason(QStringLiteral("type")).isEmpty());
}

void TestPropertyPanel::badTypeStringIsRefused()
{
    m_panel->setSelection({m_picture}, {});
    AttributeForm *form = m_panel->modelPage()->attributeForm();
    QLineEdit *type = child<QLineEdit>(form, QStringLiteral("type"));
    retype(type, QStringLiteral("VARCHARR"));
    QCOMPARE(form->reason(QStringLiteral("type")), QStringLiteral("unknown type \"VARCHARR\""));
    QCOMPARE(type->accessibleDescription(), QStringLiteral("unknown type \"VARCHARR\""));
    const QList<ReasonLabel *> labels = form->findChildren<ReasonLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](ReasonLabel *l) {
        return l->isVisible() && l->text() == QLatin1String("unknown type \"VARCHARR\"");
    }));
    // Nothing changed: no undo step, the declared and derived types are STRING.
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(m_document->model(m_picture)->attributes[0].type->toString(),
             QStringLiteral("STRING"));
    QCOMPARE(derivedColumn(*m_document, QStringLiteral("Pictures"), QStringLiteral("format"))
                 ->type.toString(),
             QStringLiteral("STRING"));
    // Leaving the field shows the document's value again.
    QTest::keyClick(type, Qt::Key_Tab);
    QCOMPARE(type->text(), QStringLiteral("STRING"));
}

void TestPropertyPanel::duplicateModelNameIsRefused()
{
    m_panel->setSelection({m_picture}, {});
    QLineEdit *name = child<QLineEdit>(m_panel, QStringLiteral("modelName"));
    retype(name, QStringLiteral("User"));
    // "U", "Us", "Use" were fine; "User" is taken.
    QCOMPARE(m_document->model(m_picture)->name, QStringLiteral("Use"));
    QVERIFY(m_panel->modelPage()->nameReason()->isVisible());
    QCOMPARE(m_panel->modelPage()->nameReason()->text(),
             QStringLiteral("duplicate model name 'User' (first defined at models[0])"));
    QCOMPARE(name->text(), QStringLiteral("User")); // the user's text stays while typing
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClicks(name, QStringLiteral("s"));
    QCOMPARE(m_document->model(m_picture)->name, QStringLiteral("Uses"));
    QVERIFY(!m_panel->modelPage()->nameReason()->isVisible());
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestPropertyPanel::constraintsFalseClearsCycle()
{
    Schema cyclic = example();
    cyclic.associations[1].constraints.reset();
    m_document->reset(cyclic);
    QVERIFY(m_document->analysis().cyclic());
    const AssociationId profile = m_document->associationIdAt(1);
    m_panel->setSelection({}, {profile});
    QComboBox *constraints = child<QComboBox>(m_panel, QStringLiteral("constraints"));
    chooseByKeys(constraints, QStringLiteral("false"));
    QCOMPARE(m_document->association(profile)->constraints, std::optional<bool>(false));
    QVERIFY(!m_document->analysis().cyclic());
    QVERIFY(m_document->analysis().cycles.isEmpty());
    QCOMPARE(m_panel->associationPage()->onDeleteEffective()->text(),
             QStringLiteral("none: constraints: false (no REFERENCES)"));
    // Stepping through the values with the arrow keys is one undo step.
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QVERIFY(m_document->analysis().cyclic());
    QCOMPARE(constraints->currentText(), constraints->itemText(0));
}

void TestPropertyPanel::effectiveOnDeleteIsExplained()
{
    const AssociationId pictures = m_document->associationIdAt(0);
    m_panel->setSelection({}, {pictures});
    QLabel *onDelete = m_panel->associationPage()->onDeleteEffective();
    QCOMPARE(onDelete->text(), QStringLiteral("SET NULL: the FK allows NULL"));
    QCOMPARE(m_panel->associationPage()->onUpdateEffective()->text(),
             QStringLiteral("CASCADE: Sequelize's default"));
    // A foreignKey object with allowNull: false makes it CASCADE (hasMany).
    chooseByKeys(child<QComboBox>(m_panel, QStringLiteral("foreignKeyKind")),
                 QStringLiteral("attribute"));
    chooseByKeys(child<QComboBox>(m_panel, QStringLiteral("foreignKeyAllowNull")),
                 QStringLiteral("false"));
    QCOMPARE(onDelete->text(), QStringLiteral("CASCADE: the FK is NOT NULL"));
    QCOMPARE(
        derivedColumn(*m_document, QStringLiteral("Pictures"), QStringLiteral("UserId"))->onDelete,
        QStringLiteral("CASCADE"));
    // An explicit value is shown as given.
    chooseByKeys(child<QComboBox>(m_panel, QStringLiteral("onDelete")), QStringLiteral("RESTRICT"));
    QCOMPARE(onDelete->text(), QStringLiteral("RESTRICT: given here"));
}

void TestPropertyPanel::sequelizeErrorIsRefusedWithItsMessage()
{
    const AssociationId profile = m_document->associationIdAt(1);
    m_panel->setSelection({}, {profile});
    QLineEdit *as = child<QLineEdit>(m_panel, QStringLiteral("as"));
    QCOMPARE(as->text(), QStringLiteral("ProfilePicture"));
    retype(as, QStringLiteral("Pictures"));
    // "Picture" was accepted; "Pictures" is the hasMany's alias: Sequelize's error.
    QCOMPARE(m_document->association(profile)->as.name, QStringLiteral("Picture"));
    QVERIFY(!m_document->derived().error);
    const QString reason = m_panel->associationPage()->reason(QStringLiteral("as"));
    QVERIFY2(reason.startsWith(QLatin1String("You have used the alias Pictures in two separate "
                                             "associations")),
             qPrintable(reason));
    // The typing is still one undo step, and nothing is left to redo.
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!m_document->undoStack()->canRedo());
    m_document->undoStack()->undo();
    QCOMPARE(m_document->association(profile)->as.name, QStringLiteral("ProfilePicture"));
}

void TestPropertyPanel::belongsToManyGetsAJunction()
{
    const AssociationId pictures = m_document->associationIdAt(0);
    m_panel->setSelection({}, {pictures});
    QVERIFY(!child<QLineEdit>(m_panel, QStringLiteral("through"))->isEnabled());
    chooseByKeys(child<QComboBox>(m_panel, QStringLiteral("type")),
                 QStringLiteral("belongsToMany"));
    const Association *a = m_document->association(pictures);
    QCOMPARE(a->type, AssociationType::BelongsToMany);
    QCOMPARE(a->through, std::optional<QString>(QStringLiteral("UserPicture")));
    QVERIFY(!m_document->derived().error);
    QVERIFY(derivedColumn(*m_document, QStringLiteral("UserPicture"), QStringLiteral("UserId")));
    QLineEdit *through = child<QLineEdit>(m_panel, QStringLiteral("through"));
    QVERIFY(through->isEnabled());
    QCOMPARE(through->text(), QStringLiteral("UserPicture"));
    QCOMPARE(m_panel->associationPage()->onDeleteEffective()->text(),
             QStringLiteral("CASCADE: belongsToMany junction"));
    retype(through, QStringLiteral("Albums"));
    QVERIFY(derivedColumn(*m_document, QStringLiteral("Albums"), QStringLiteral("PictureId")));
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestPropertyPanel::unknownTargetKeyIsRefusedWithoutATrace()
{
    const AssociationId profile = m_document->associationIdAt(1);
    m_panel->setSelection({}, {profile});
    QLineEdit *targetKey = child<QLineEdit>(m_panel, QStringLiteral("targetKey"));
    QVERIFY(targetKey->isEnabled()); // belongsTo takes a targetKey
    QVERIFY(!child<QLineEdit>(m_panel, QStringLiteral("sourceKey"))->isEnabled());
    retype(targetKey, QStringLiteral("nope"));
    // Every keystroke named no attribute of Picture: each was pushed, refused and
    // dropped, so the stack holds nothing, not even a redo.
    QCOMPARE(m_panel->associationPage()->reason(QStringLiteral("targetKey")),
             QStringLiteral("Unknown attribute \"nope\" passed as targetKey, define this "
                            "attribute on model \"Picture\" first"));
    QVERIFY(!m_document->association(profile)->targetKey);
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(!m_document->isModified());
    QVERIFY(!m_document->derived().error);
    // A key that exists is taken.
    retype(targetKey, QStringLiteral("format"));
    QCOMPARE(m_document->association(profile)->targetKey,
             std::optional<QString>(QStringLiteral("format")));
    QVERIFY(m_panel->associationPage()->reason(QStringLiteral("targetKey")).isEmpty());
}

void TestPropertyPanel::addRemoveAndReorderAttributes()
{
    m_panel->setSelection({m_user}, {});
    QListWidget *list = child<QListWidget>(m_panel, QStringLiteral("attributes"));
    auto button = [this](const QString &accessible) {
        const auto buttons = m_panel->findChildren<QPushButton *>();
        for (QPushButton *b : buttons) {
            if (b->accessibleName() == accessible)
                return b;
        }
        qFatal("no button %s", qPrintable(accessible));
    };
    QTest::mouseClick(button(QStringLiteral("Add attribute")), Qt::LeftButton);
    QCOMPARE(m_document->model(m_user)->attributes.size(), 2);
    QCOMPARE(list->currentRow(), 1);
    QLineEdit *name =
        child<QLineEdit>(m_panel->modelPage()->attributeForm(), QStringLiteral("name"));
    retype(name, QStringLiteral("email"));
    QCOMPARE(m_document->model(m_user)->attributes[1].name, QStringLiteral("email"));
    QTest::mouseClick(button(QStringLiteral("Move attribute up")), Qt::LeftButton);
    QCOMPARE(m_document->model(m_user)->attributes[0].name, QStringLiteral("email"));
    QCOMPARE(m_document->derived().tables[0].columns[1].attribute, QStringLiteral("email"));
    QCOMPARE(list->currentRow(), 0);
    QTest::mouseClick(button(QStringLiteral("Remove attribute")), Qt::LeftButton);
    QCOMPARE(m_document->model(m_user)->attributes.size(), 1);
    QCOMPARE(m_document->model(m_user)->attributes[0].name, QStringLiteral("name"));
    QCOMPARE(m_document->undoStack()->count(), 4);
}

void TestPropertyPanel::attributeDefineErrorsAreRefused()
{
    m_panel->setSelection({m_user}, {});
    AttributeForm *form = m_panel->modelPage()->attributeForm();
    QLineEdit *name = child<QLineEdit>(form, QStringLiteral("name"));
    retype(name, QStringLiteral("id"));
    // "i" was taken; "id" without primaryKey is Sequelize's error.
    QCOMPARE(m_document->model(m_user)->attributes[0].name, QStringLiteral("i"));
    QCOMPARE(form->reason(QStringLiteral("name")),
             QStringLiteral("A column called 'id' was added to the attributes of 'Users' but not "
                            "marked with 'primaryKey: true'"));
    QCOMPARE(name->text(), QStringLiteral("id"));
    QTest::keyClicks(name, QStringLiteral("entifier"));
    QCOMPARE(m_document->model(m_user)->attributes[0].name, QStringLiteral("identifier"));
    QVERIFY(form->reason(QStringLiteral("name")).isEmpty());
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!m_document->undoStack()->canRedo());

    // A second autoincrement field (the implicit id is one): refused, box unchecked.
    QCheckBox *autoIncrement = form->findChild<QCheckBox *>(QStringLiteral("autoIncrement"));
    QVERIFY(autoIncrement);
    QTest::mouseClick(autoIncrement, Qt::LeftButton);
    QCOMPARE(form->reason(QStringLiteral("autoIncrement")),
             QStringLiteral("Invalid Instance definition. Only one autoincrement field allowed."));
    QVERIFY(!autoIncrement->isChecked());
    QVERIFY(!m_document->model(m_user)->attributes[0].autoIncrement);
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestPropertyPanel::globalOptionsAreEditable()
{
    m_panel->setSelection({m_user, m_picture}, {}); // several: the global options
    QCOMPARE(m_panel->currentPage()->findChild<QComboBox *>(QStringLiteral("timestamps")),
             m_panel->globalOptions()->findChild<QComboBox *>(QStringLiteral("timestamps")));
    QComboBox *timestamps =
        child<QComboBox>(m_panel->globalOptions(), QStringLiteral("timestamps"));
    chooseByKeys(timestamps, QStringLiteral("false"));
    QCOMPARE(m_document->schema().options.timestamps, std::optional<bool>(false));
    QVERIFY(!derivedColumn(*m_document, QStringLiteral("Users"), QStringLiteral("createdAt")));
    // A rename of createdAt typed in the field.
    chooseByKeys(timestamps, QStringLiteral("true"));
    QLineEdit *createdAt =
        child<QLineEdit>(m_panel->globalOptions(), QStringLiteral("createdAtName"));
    QComboBox *mode = child<QComboBox>(m_panel->globalOptions(), QStringLiteral("createdAt"));
    chooseByKeys(mode, QStringLiteral("renamed"));
    retype(createdAt, QStringLiteral("madeAt"));
    QVERIFY(derivedColumn(*m_document, QStringLiteral("Users"), QStringLiteral("madeAt")));
    QVERIFY(!derivedColumn(*m_document, QStringLiteral("Users"), QStringLiteral("createdAt")));
    // One step per option: choosing "renamed" and typing the name are one.
    QCOMPARE(m_document->undoStack()->count(), 2);
    m_document->undoStack()->undo();
    QVERIFY(derivedColumn(*m_document, QStringLiteral("Users"), QStringLiteral("createdAt")));
    QCOMPARE(createdAt->text(), QString());
}

void TestPropertyPanel::modelOptionsShowInheritedValues()
{
    m_panel->setSelection({m_user}, {});
    QComboBox *timestamps = child<QComboBox>(m_panel->modelPage(), QStringLiteral("timestamps"));
    QCOMPARE(timestamps->currentText(), QStringLiteral("inherited: true"));
    QComboBox *paranoid = child<QComboBox>(m_panel->modelPage(), QStringLiteral("paranoid"));
    chooseByKeys(paranoid, QStringLiteral("true"));
    QVERIFY(derivedColumn(*m_document, QStringLiteral("Users"), QStringLiteral("deletedAt")));
    chooseByKeys(timestamps, QStringLiteral("false"));
    QVERIFY(!derivedColumn(*m_document, QStringLiteral("Users"), QStringLiteral("createdAt")));
    // Table name: empty shows the derived one.
    QLineEdit *table = child<QLineEdit>(m_panel, QStringLiteral("tableName"));
    QCOMPARE(table->placeholderText(), QStringLiteral("derived: Users"));
    retype(table, QStringLiteral("people"));
    QVERIFY(m_document->derived().tableIndexByName(QStringLiteral("people")) >= 0);
}

void TestPropertyPanel::followsUndoFromOutside()
{
    m_panel->setSelection({m_picture}, {});
    QLineEdit *name = child<QLineEdit>(m_panel, QStringLiteral("modelName"));
    retype(name, QStringLiteral("Photo"));
    QCOMPARE(m_document->model(m_picture)->name, QStringLiteral("Photo"));
    // The field keeps focus; an undo from elsewhere (a menu) still shows in it.
    QVERIFY(name->hasFocus());
    m_document->undoStack()->undo();
    QCOMPARE(name->text(), QStringLiteral("Picture"));
    m_document->undoStack()->redo();
    QCOMPARE(name->text(), QStringLiteral("Photo"));
}

void TestPropertyPanel::everyControlHasAnAccessibleName()
{
    const QList<AssociationId> ids{m_document->associationIdAt(0)};
    for (int page = 0; page < 3; ++page) {
        if (page == 0)
            m_panel->setSelection({m_user}, {});
        else if (page == 1)
            m_panel->setSelection({}, {ids[0]});
        else
            m_panel->setSelection({}, {});
        const auto widgets = m_panel->currentPage()->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            // Parts of a control (a combo box's editor, a spin box's) and popups
            // are named by their control.
            const bool inner = qobject_cast<QComboBox *>(w->parentWidget()) ||
                               qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
                               w->window() != m_panel->window();
            if (inner || !(w->focusPolicy() & Qt::TabFocus) || qobject_cast<QLabel *>(w))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty() || !qobject_cast<QAbstractButton *>(w) ||
                         !static_cast<QAbstractButton *>(w)->text().isEmpty(),
                     w->metaObject()->className());
            if (!qobject_cast<QAbstractButton *>(w))
                QVERIFY2(!w->accessibleName().isEmpty(),
                         qPrintable(QStringLiteral("%1 %2").arg(
                             QString::fromLatin1(w->metaObject()->className()), w->objectName())));
        }
    }
}

void TestPropertyPanel::tabOrderGoesDownThePage_data()
{
    QTest::addColumn<int>("page");
    QTest::newRow("model") << 0;
    QTest::newRow("association") << 1;
    QTest::newRow("global options") << 2;
}

void TestPropertyPanel::tabOrderGoesDownThePage()
{
    QFETCH(int, page);
    if (page == 0)
        m_panel->setSelection({m_user}, {});
    else if (page == 1)
        m_panel->setSelection({}, {m_document->associationIdAt(0)});
    else
        m_panel->setSelection({}, {});
    QWidget *root = m_panel->currentPage();
    // From the first control, Tab visits every control top to bottom, then wraps.
    QWidget *first = nullptr;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
            (!first || w->mapTo(root, QPoint()).y() < first->mapTo(root, QPoint()).y()))
            first = w;
    }
    QVERIFY(first);
    first->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), first);
    int visited = 1;
    QWidget *previous = first;
    for (; visited < 200; ++visited) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY(now);
        if (now == first || !root->isAncestorOf(now))
            break;
        const int y = now->mapTo(root, QPoint()).y();
        const int previousY = previous->mapTo(root, QPoint()).y();
        // Controls on one row may sit a few pixels apart.
        QVERIFY2(y >= previousY - previous->height(),
                 qPrintable(QStringLiteral("%1 (%2) after %3 (%4)")
                                .arg(now->accessibleName())
                                .arg(y)
                                .arg(previous->accessibleName())
                                .arg(previousY)));
        previous = now;
    }
    QVERIFY2(visited > 8 && visited < 200, qPrintable(QString::number(visited)));
}

QTEST_MAIN(TestPropertyPanel)
#include "tst_propertypanel.moc"
