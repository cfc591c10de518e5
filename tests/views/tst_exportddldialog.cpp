// What a user sees in File > Export DDL: the statements for each dialect as the combo
// changes, Copy and Save giving exactly that text, a failed save that loses nothing,
// schemas that cannot produce DDL explained instead, and the main window's action.
#include "ddl/ddlgenerator.h"
#include "exportddldialog.h"
#include "io/schemareader.h"
#include "mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using mc::Dialect;
using mc::ExportDdlDialog;

static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

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
        return {};
    Loaded out{mc::derive(*result.schema), {}};
    out.analysis = mc::analyse(out.derived);
    return out;
}

QByteArray exampleBytes()
{
    QFile f(QStringLiteral(":/examples/users-pictures.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString expectedScript(const Loaded &s, Dialect dialect)
{
    return mc::ddlScript(mc::generateDdl(s.derived, s.analysis, dialect).statements);
}

QComboBox *combo(const ExportDdlDialog &d)
{
    return d.findChild<QComboBox *>(QStringLiteral("dialectCombo"));
}

QPushButton *button(const ExportDdlDialog &d, const char *name)
{
    return d.findChild<QPushButton *>(QLatin1String(name));
}

void choose(const ExportDdlDialog &d, const QString &label)
{
    QComboBox *c = combo(d);
    QVERIFY(c);
    const int i = c->findText(label);
    QVERIFY2(i >= 0, qPrintable(label));
    c->setCurrentIndex(i);
}

} // namespace

class TstExportDdlDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void previewFollowsDialect();
    void copyPutsScriptOnClipboard();
    void saveWritesScript();
    void saveIntoMissingDirectoryFails();
    void defineErrorShownInsteadOfSql();
    void identifierErrorsDependOnDialect();
    void dialectIsRemembered();
    void mainWindowActionOpensDialog();

private:
    Loaded m_example;
};

void TstExportDdlDialog::initTestCase()
{
    initResources();
    // Keep the remembered dialect out of the user's real settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ModelCanvasTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportddldialog"));
    m_example = load(exampleBytes());
    QVERIFY2(!m_example.derived.tables.isEmpty(), "the example resource is not linked in");
}

void TstExportDdlDialog::init()
{
    QSettings().clear();
}

void TstExportDdlDialog::previewFollowsDialect()
{
    ExportDdlDialog d(m_example.derived, m_example.analysis, QStringLiteral("users-pictures"));
    QCOMPARE(d.dialect(), Dialect::SQLite);
    QCOMPARE(d.previewText(), expectedScript(m_example, Dialect::SQLite));
    const QList<QPair<QString, Dialect>> steps = {
        {QStringLiteral("PostgreSQL"), Dialect::Postgres},
        {QStringLiteral("MySQL\u00b7MariaDB"), Dialect::MySQL},
        {QStringLiteral("SQLite"), Dialect::SQLite}};
    QString previous = d.previewText();
    for (const auto &[label, dialect] : steps) {
        choose(d, label);
        QCOMPARE(d.dialect(), dialect);
        const QString expected = expectedScript(m_example, dialect);
        QVERIFY(expected.contains(QLatin1String("CREATE TABLE")));
        QCOMPARE(d.previewText(), expected);
        QVERIFY2(d.previewText() != previous, qPrintable(label));
        QVERIFY(button(d, "copyButton")->isEnabled());
        QVERIFY(button(d, "saveButton")->isEnabled());
        previous = d.previewText();
    }
    QVERIFY(d.findChild<QPlainTextEdit *>(QStringLiteral("preview"))->isReadOnly());

    const QByteArray shots = qgetenv("MC_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        choose(d, QStringLiteral("PostgreSQL"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/exportddl.png")));
    }
}

void TstExportDdlDialog::copyPutsScriptOnClipboard()
{
    ExportDdlDialog d(m_example.derived, m_example.analysis, QStringLiteral("users-pictures"));
    choose(d, QStringLiteral("PostgreSQL"));
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    button(d, "copyButton")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), expectedScript(m_example, Dialect::Postgres));
}

void TstExportDdlDialog::saveWritesScript()
{
    ExportDdlDialog d(m_example.derived, m_example.analysis, QStringLiteral("users-pictures"));
    choose(d, QStringLiteral("MySQL\u00b7MariaDB"));
    QCOMPARE(d.defaultFileName(), QStringLiteral("users-pictures-mysql.sql"));
    QTemporaryDir dir;
    const QString path = dir.filePath(d.defaultFileName());
    {
        QFile old(path); // an existing file is replaced whole
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'x'));
    }
    QVERIFY2(d.saveToPath(path), qPrintable(d.lastError()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), expectedScript(m_example, Dialect::MySQL).toUtf8());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList(d.defaultFileName()));
}

void TstExportDdlDialog::saveIntoMissingDirectoryFails()
{
    ExportDdlDialog d(m_example.derived, m_example.analysis, QStringLiteral("users-pictures"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/users-pictures-sqlite.sql"));
    QVERIFY(!d.saveToPath(path));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    // The message names the file and what the OS said.
    QSaveFile probe(path);
    QVERIFY(!probe.open(QIODevice::WriteOnly));
    QVERIFY2(d.lastError().contains(QDir::toNativeSeparators(path)), qPrintable(d.lastError()));
    QVERIFY2(d.lastError().contains(probe.errorString()), qPrintable(d.lastError()));
    // The dialog still offers the script: nothing is lost.
    QCOMPARE(d.previewText(), expectedScript(m_example, Dialect::SQLite));
    QVERIFY(button(d, "saveButton")->isEnabled());
}

void TstExportDdlDialog::defineErrorShownInsteadOfSql()
{
    QFile file(QStringLiteral(MC_FIXTURES "/cases/error-duplicate-alias.model.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Loaded s = load(file.readAll());
    QVERIFY(s.derived.error);
    ExportDdlDialog d(s.derived, s.analysis, QStringLiteral("error-duplicate-alias"));
    QGuiApplication::clipboard()->setText(QStringLiteral("kept"));
    for (const QString &label : {QStringLiteral("SQLite"), QStringLiteral("PostgreSQL")}) {
        choose(d, label);
        const QString text = d.previewText();
        QVERIFY2(text.contains(s.derived.error->message), qPrintable(text));
        QVERIFY2(text.contains(s.derived.error->path), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("CREATE")));
        QVERIFY(!button(d, "copyButton")->isEnabled());
        QVERIFY(!button(d, "saveButton")->isEnabled());
    }
    d.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("kept"));
    QTemporaryDir dir;
    QVERIFY(!d.saveToPath(dir.filePath(QStringLiteral("x.sql"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.sql"))));

    const QByteArray shots = qgetenv("MC_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.grab().save(QString::fromLocal8Bit(shots) +
                              QStringLiteral("/exportddl-define-error.png")));
    }
}

void TstExportDdlDialog::identifierErrorsDependOnDialect()
{
    // A 64-byte column name: SQLite and MySQL take it, PostgreSQL would truncate it.
    QByteArray json = exampleBytes();
    const QByteArray longName(64, 'f');
    json.replace("\"name\": \"format\"", "\"name\": \"" + longName + "\"");
    QVERIFY(json != exampleBytes());
    const Loaded s = load(json);
    QVERIFY(!s.derived.error);
    const mc::DdlResult pg = mc::generateDdl(s.derived, s.analysis, Dialect::Postgres);
    QVERIFY(!pg.errors.isEmpty());

    ExportDdlDialog d(s.derived, s.analysis, QStringLiteral("long"));
    QCOMPARE(d.previewText(), expectedScript(s, Dialect::SQLite));
    choose(d, QStringLiteral("PostgreSQL"));
    for (const QString &e : pg.errors)
        QVERIFY2(d.previewText().contains(e), qPrintable(d.previewText()));
    QVERIFY(!d.previewText().contains(QLatin1String("CREATE")));
    QVERIFY(!button(d, "copyButton")->isEnabled());
    QVERIFY(!button(d, "saveButton")->isEnabled());
    choose(d, QStringLiteral("SQLite"));
    QVERIFY(button(d, "copyButton")->isEnabled());
    QVERIFY(button(d, "saveButton")->isEnabled());
}

void TstExportDdlDialog::dialectIsRemembered()
{
    {
        ExportDdlDialog d(m_example.derived, m_example.analysis, QStringLiteral("p"));
        choose(d, QStringLiteral("PostgreSQL"));
    }
    ExportDdlDialog again(m_example.derived, m_example.analysis, QStringLiteral("p"));
    QCOMPARE(again.dialect(), Dialect::Postgres);
    QCOMPARE(combo(again)->currentText(), QStringLiteral("PostgreSQL"));
    QCOMPARE(again.previewText(), expectedScript(m_example, Dialect::Postgres));
    QCOMPARE(again.defaultFileName(), QStringLiteral("p-postgres.sql"));
}

void TstExportDdlDialog::mainWindowActionOpensDialog()
{
    mc::MainWindow w;
    auto *action = w.findChild<QAction *>(QStringLiteral("actionExportDdl"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QVERIFY(!action->isEnabled()); // nothing loaded yet
    QVERIFY(w.openExample());
    QVERIFY(action->isEnabled());

    action->trigger();
    QPointer<ExportDdlDialog> d = w.findChild<ExportDdlDialog *>();
    QVERIFY(d);
    QVERIFY(d->isVisible());
    QCOMPARE(d->previewText(), expectedScript(m_example, Dialect::SQLite));
    QCOMPARE(d->defaultFileName(), QStringLiteral("users-pictures-sqlite.sql"));
    d->close();
    QTRY_VERIFY(d.isNull());
}

QTEST_MAIN(TstExportDdlDialog)
#include "tst_exportddldialog.moc"
