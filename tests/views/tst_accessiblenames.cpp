// What assistive technology reads: every dock and panel of the main window has a
// name (and an objectName for automation), and the connection dialog's file field
// has one, with a label that shows "File:" rather than a literal "&File:".
#include "canvasview.h"
#include "connectiondialog.h"
#include "mainwindow.h"

#include <QAccessible>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TstAccessibleNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void docksAndPanelsAreNamed();
    void canvasExposesItsItems();
    void connectionFileFieldIsNamed();

private:
    QTemporaryDir m_home;
};

void TstAccessibleNames::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
}

void TstAccessibleNames::docksAndPanelsAreNamed()
{
    mc::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList names;
    for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(dock);
        QVERIFY(iface);
        const QString name = iface->text(QAccessible::Name);
        QVERIFY2(!name.isEmpty(), qPrintable(dock->objectName()));
        QVERIFY(!dock->objectName().isEmpty());
        QAccessibleInterface *content = QAccessible::queryAccessibleInterface(dock->widget());
        QVERIFY2(!content->text(QAccessible::Name).isEmpty(), qPrintable(dock->objectName()));
        names << name;
    }
    // A dock reads its title, counts included ("Problems (2)").
    names.sort();
    QCOMPARE(names.size(), 6);
    QCOMPARE(names.at(0), QStringLiteral("DDL"));
    QCOMPARE(names.at(1), QStringLiteral("History"));
    QCOMPARE(names.at(2), QStringLiteral("Palette"));
    QVERIFY2(names.at(3).startsWith(QLatin1String("Problems")), qPrintable(names.at(3)));
    QCOMPARE(names.at(4), QStringLiteral("Properties"));
    QCOMPARE(names.at(5), QStringLiteral("Schema"));
    // Every visible control in the docks and the canvas has a name to be read by.
    QStringList unnamed;
    for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
        for (QWidget *control : dock->widget()->findChildren<QWidget *>()) {
            if (!control->isVisibleTo(dock) || !control->focusPolicy() ||
                control->objectName().startsWith(QLatin1String("qt_")))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(control);
            if (!iface || iface->text(QAccessible::Name).isEmpty())
                unnamed << dock->objectName() + QLatin1Char('/') + control->objectName() +
                               QLatin1Char(' ') + QLatin1String(control->metaObject()->className());
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String(", "))));
    QCOMPARE(w.centralWidget(), w.canvasView());
    QVERIFY(!w.canvasView()->objectName().isEmpty());
    QVERIFY(
        !QAccessible::queryAccessibleInterface(w.canvasView())->text(QAccessible::Name).isEmpty());
}

void TstAccessibleNames::canvasExposesItsItems()
{
    mc::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The example: two models, two associations, each one accessible child of the view.
    QAccessibleInterface *canvas = QAccessible::queryAccessibleInterface(w.canvasView());
    QVERIFY(canvas);
    QCOMPARE(canvas->childCount(), 4);
    QStringList names;
    for (int i = 0; i < canvas->childCount(); ++i) {
        QAccessibleInterface *child = canvas->child(i);
        QVERIFY(child);
        names << child->text(QAccessible::Name);
        QVERIFY(child->rect().isValid());
    }
    QVERIFY2(names.contains(QStringLiteral("model User")), qPrintable(names.join(u',')));
    QVERIFY2(names.contains(QStringLiteral("model Picture")), qPrintable(names.join(u',')));
    bool edge = false;
    for (const QString &name : std::as_const(names))
        edge = edge || name.startsWith(QLatin1String("User hasMany Picture"));
    QVERIFY2(edge, qPrintable(names.join(u',')));
}

void TstAccessibleNames::connectionFileFieldIsNamed()
{
    QSettings settings(m_home.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
    mc::ConnectionDialog dialog(mc::ConnectionDialog::Purpose::Apply, nullptr, &settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *field = dialog.findChild<QLineEdit *>(QStringLiteral("sqlitePathEdit"));
    QVERIFY(field);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(field);
    QVERIFY(iface);
    QVERIFY2(iface->text(QAccessible::Name).contains(QLatin1String("file"), Qt::CaseInsensitive),
             qPrintable(iface->text(QAccessible::Name)));
    // The label names the field as its buddy, so "&" is a mnemonic, not shown text.
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("sqlitePathLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("&File:"));
    QCOMPARE(label->buddy(), field);
    QAccessibleInterface *labelIface = QAccessible::queryAccessibleInterface(label);
    QCOMPARE(labelIface->text(QAccessible::Name), QStringLiteral("File:"));
    // Alt+F moves focus to the field, as the underlined F promises.
    dialog.findChild<QWidget *>(QStringLiteral("engineCombo"))->setFocus();
    QTest::keyClick(&dialog, Qt::Key_F, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), field);
}

QTEST_MAIN(TstAccessibleNames)
#include "tst_accessiblenames.moc"
