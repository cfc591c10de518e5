// The command line as users and scripts see it: output, exit codes, --help.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // the verbs must not need a display
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MC_BINARY), args);
    if (!p.waitForFinished(60000))
        qFatal("modelcanvas did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString fixture(const QString &rel)
{
    return QStringLiteral(MC_FIXTURES) + QLatin1Char('/') + rel;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpOnEveryVerb_data();
    void helpOnEveryVerb();
    void inspectPrintsTheDerivedSchema();
    void inspectPostgresSpelling();
    void inspectBadUsage();
    void inspectMalformedFileIsExit2WithPaths();
    void checkReportsCycleAndFix();
    void checkStrictFailsOnCycles();
    void checkReportsDefineErrorWithExit1();
    void checkLintsUnindexedForeignKeys();
};

void TestCli::helpOnEveryVerb_data()
{
    QTest::addColumn<QString>("verb");
    QTest::newRow("inspect") << QStringLiteral("inspect");
    QTest::newRow("check") << QStringLiteral("check");
}

void TestCli::helpOnEveryVerb()
{
    QFETCH(QString, verb);
    const Run r = run({verb, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("FILE")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("--help")));
}

void TestCli::inspectPrintsTheDerivedSchema()
{
    const Run r = run(
        {QStringLiteral("inspect"), fixture(QStringLiteral("cases/seed-user-picture.model.json"))});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("order")).toArray(),
             (QJsonArray{QStringLiteral("Users"), QStringLiteral("Pictures")}));
    const QJsonObject pictures =
        doc.value(QStringLiteral("tables")).toObject().value(QStringLiteral("Pictures")).toObject();
    const QJsonObject fk = pictures.value(QStringLiteral("foreignKeys")).toArray().at(0).toObject();
    QCOMPARE(fk.value(QStringLiteral("from")).toString(), QStringLiteral("UserId"));
    QCOMPARE(fk.value(QStringLiteral("onDelete")).toString(), QStringLiteral("SET NULL"));
    QVERIFY(doc.value(QStringLiteral("accessors"))
                .toObject()
                .value(QStringLiteral("User"))
                .toArray()
                .contains(QStringLiteral("setProfilePicture")));
    QVERIFY(doc.value(QStringLiteral("error")).isNull());
}

void TestCli::inspectPostgresSpelling()
{
    const Run r =
        run({QStringLiteral("inspect"), fixture(QStringLiteral("cases/datatypes.model.json")),
             QStringLiteral("--dialect"), QStringLiteral("postgres")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("timestamp with time zone")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("nextval(")));
}

void TestCli::inspectBadUsage()
{
    QCOMPARE(run({QStringLiteral("inspect")}).code, 2);
    const Run r = run({QStringLiteral("inspect"),
                       fixture(QStringLiteral("cases/seed-user-picture.model.json")),
                       QStringLiteral("--dialect"), QStringLiteral("oracle")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("oracle")));
    const Run missing = run({QStringLiteral("inspect"), QStringLiteral("/nonexistent/x.json")});
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains(QLatin1String("/nonexistent/x.json")));
}

void TestCli::inspectMalformedFileIsExit2WithPaths()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "modelcanvas/1", "models": [{"name": "User", "attributes": []}],
        "associations": [{"type": "hasMany", "source": "User", "target": "Usr"}, {"type": "hasSome", "source": "User", "target": "User"}]})");
    f.close();
    const Run r = run({QStringLiteral("inspect"), path});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("associations[0].target")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("associations[1].type")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::checkReportsCycleAndFix()
{
    const Run r =
        run({QStringLiteral("check"),
             fixture(QStringLiteral("cases/seed-cycle-no-constraints-false.model.json"))});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("Dependency chain: Users -> Pictures => Users")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("\"constraints\": false to associations[1]")));
}

void TestCli::checkStrictFailsOnCycles()
{
    const QString cyclic =
        fixture(QStringLiteral("cases/seed-cycle-no-constraints-false.model.json"));
    QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--strict"), cyclic}).code, 1);
    const QString acyclic = fixture(QStringLiteral("cases/seed-user-picture.model.json"));
    QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--strict"), acyclic}).code, 0);
}

void TestCli::checkReportsDefineErrorWithExit1()
{
    const Run r = run({QStringLiteral("check"),
                       fixture(QStringLiteral("cases/error-duplicate-alias.model.json"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(
                 QLatin1String("associations[1].as: You have used the alias Photos in two separate "
                               "associations. Aliased associations must have unique aliases.")),
             qPrintable(r.out));
}

void TestCli::checkLintsUnindexedForeignKeys()
{
    const Run r = run(
        {QStringLiteral("check"), fixture(QStringLiteral("cases/seed-user-picture.model.json"))});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("Pictures.UserId has no index")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("add {\"fields\": [\"UserId\"]} to models[1].indexes")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
