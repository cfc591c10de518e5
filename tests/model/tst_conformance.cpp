// Every conformance case must derive exactly what Sequelize 6.37.8 did with it:
// creation order, cycle message, accessors, define error and the catalog's tables,
// for SQLite, PostgreSQL and MariaDB spellings.

#include "ddl/catalog.h"
#include "ddl/inspectwriter.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mc;

namespace {

QString fixtures()
{
    return QStringLiteral(MC_FIXTURES);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject inspect(const QString &caseName, Dialect dialect)
{
    const LoadResult r = readSchemaFile(fixtures() + QStringLiteral("/cases/") + caseName +
                                        QStringLiteral(".model.json"));
    if (!r.schema)
        return {};
    const DerivedSchema d = derive(*r.schema);
    const Analysis a = analyse(d);
    const QJsonObject tree =
        QJsonDocument::fromJson(inspectDocument(d, a, dialect).toCompactJson().toUtf8()).object();
    // The CLI streams the same document without building the tree: it must agree.
    QJsonParseError error;
    const QJsonObject streamed =
        QJsonDocument::fromJson(inspectJson(d, a, dialect), &error).object();
    if (error.error != QJsonParseError::NoError || streamed != tree)
        return {};
    return tree;
}

/// Names the first differing path, so a failure says what is wrong.
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.type() != actual.type())
        return path + QStringLiteral(": expected ") +
               QString::fromUtf8(
                   QJsonDocument(QJsonArray{expected}).toJson(QJsonDocument::Compact)) +
               QStringLiteral(", actual ") +
               QString::fromUtf8(QJsonDocument(QJsonArray{actual}).toJson(QJsonDocument::Compact));
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        QStringList keys = e.keys();
        for (const QString &k : a.keys()) {
            if (!keys.contains(k))
                keys << k;
        }
        for (const QString &k : keys) {
            const QString d = firstDifference(e.value(k), a.value(k), path + QLatin1Char('.') + k);
            if (!d.isEmpty())
                return d;
        }
        return QString();
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        for (int i = 0; i < std::max(e.size(), a.size()); ++i) {
            const QString d =
                firstDifference(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return QString();
    }
    if (expected == actual)
        return QString();
    return path + QStringLiteral(": expected ") + expected.toVariant().toString() +
           QStringLiteral(", actual ") + actual.toVariant().toString();
}

QStringList caseNames()
{
    QStringList names;
    const QDir dir(fixtures() + QStringLiteral("/cases"));
    for (const QString &f :
         dir.entryList({QStringLiteral("*.model.json")}, QDir::Files, QDir::Name))
        names << f.chopped(int(qstrlen(".model.json")));
    return names;
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allCasesPresent();
    void matchesSequelize_data();
    void matchesSequelize();
    void streamedOutputEscapes();
    void cyclicJunctionKeepsNoForeignKeysOffSqlite();
    void legacyCycleError_data();
    void legacyCycleError();
};

void TestConformance::allCasesPresent()
{
    QCOMPARE(caseNames().size(), 15);
}

void TestConformance::matchesSequelize_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QString>("expectedFile");
    QTest::addColumn<int>("dialect");
    for (const QString &name : caseNames()) {
        const QString file = name + QStringLiteral(".json");
        QTest::newRow(qPrintable(name + QStringLiteral("/sqlite")))
            << name << QStringLiteral("/expected/") + file << int(Dialect::SQLite);
        QTest::newRow(qPrintable(name + QStringLiteral("/postgres")))
            << name << QStringLiteral("/expected/postgres/") + file << int(Dialect::Postgres);
        QTest::newRow(qPrintable(name + QStringLiteral("/mariadb")))
            << name << QStringLiteral("/expected/mysql-live/") + file << int(Dialect::MySQL);
    }
}

void TestConformance::matchesSequelize()
{
    QFETCH(QString, caseName);
    QFETCH(QString, expectedFile);
    QFETCH(int, dialect);
    const QJsonObject expected = readJson(fixtures() + expectedFile);
    const QJsonObject actual = inspect(caseName, Dialect(dialect));
    QVERIFY2(!actual.isEmpty(),
             "the case does not load, or inspectJson() disagrees with inspectDocument()");
    for (const char *key : {"error", "order", "toposortError", "accessors", "tables"}) {
        const QString k = QLatin1String(key);
        QVERIFY2(expected.contains(k), key);
        const QString diff = firstDifference(expected.value(k), actual.value(k), k);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    if (expected.value(QStringLiteral("error")).isNull())
        QCOMPARE(actual.value(QStringLiteral("toposortOrder")),
                 expected.value(QStringLiteral("toposortOrder")));
}

void TestConformance::streamedOutputEscapes()
{
    // Names with quotes, backslashes, control characters, CJK and a character
    // outside the BMP: the streamed JSON must decode to exactly the tree's.
    const QByteArray doc = R"j({"format": "modelcanvas/1", "models": [
        {"name": "名前", "attributes": [{"name": "q\"uote\\back\ttab", "type": "STRING", "defaultValue": "it's \u0001 😀"}]},
        {"name": "Émile", "attributes": []}],
        "associations": [{"type": "hasMany", "source": "名前", "target": "Émile", "as": "Ça😀s"}]})j";
    const LoadResult r = readSchema(doc);
    QVERIFY(r.schema);
    const DerivedSchema d = derive(*r.schema);
    const Analysis a = analyse(d);
    for (Dialect dialect : {Dialect::SQLite, Dialect::Postgres, Dialect::MySQL}) {
        const QJsonObject tree =
            QJsonDocument::fromJson(inspectDocument(d, a, dialect).toCompactJson().toUtf8())
                .object();
        QJsonParseError error;
        const QJsonObject streamed =
            QJsonDocument::fromJson(inspectJson(d, a, dialect), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(streamed, tree);
        QVERIFY(
            streamed.value(QStringLiteral("tables")).toObject().contains(QStringLiteral("名前s")));
    }
}

void TestConformance::cyclicJunctionKeepsNoForeignKeysOffSqlite()
{
    // Sequelize >= 6.20 creates a cyclic schema on PostgreSQL and MySQL without FKs,
    // then adds them with ALTER TABLE, skipping primary key columns: a junction's two
    // keys end up with no FK there (recorded on PostgreSQL 15 and MariaDB 10.11).
    const QByteArray doc = R"j({"format": "modelcanvas/1", "models": [
        {"name": "User", "attributes": []}, {"name": "Picture", "attributes": []}, {"name": "Tag", "attributes": []}],
        "associations": [{"type": "hasMany", "source": "User", "target": "Picture"},
                         {"type": "belongsTo", "source": "User", "target": "Picture", "as": "Avatar"},
                         {"type": "belongsToMany", "source": "Picture", "target": "Tag", "through": "PictureTags"}]})j";
    const LoadResult r = readSchema(doc);
    QVERIFY(r.schema);
    const DerivedSchema d = derive(*r.schema);
    const Analysis a = analyse(d);
    QVERIFY(a.cyclic());
    auto junctionFks = [&](Dialect dialect) {
        const QJsonObject doc = QJsonDocument::fromJson(inspectJson(d, a, dialect))
                                    .object()
                                    .value(QStringLiteral("tables"))
                                    .toObject();
        return doc.value(QStringLiteral("PictureTags"))
            .toObject()
            .value(QStringLiteral("foreignKeys"))
            .toArray()
            .size();
    };
    QCOMPARE(junctionFks(Dialect::SQLite), 2); // created inline, with foreign_keys off
    QCOMPARE(junctionFks(Dialect::Postgres), 0);
    QCOMPARE(junctionFks(Dialect::MySQL), 0);
}

void TestConformance::legacyCycleError_data()
{
    QTest::addColumn<QString>("caseName");
    for (const QString &name : caseNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestConformance::legacyCycleError()
{
    // Sequelize 6.19.2 threw the toposort message from sync(): the editor's text.
    QFETCH(QString, caseName);
    const QJsonObject legacy = readJson(fixtures() + QStringLiteral("/expected/legacy-6.19/") +
                                        caseName + QStringLiteral(".json"));
    const QJsonObject actual = inspect(caseName, Dialect::SQLite);
    QCOMPARE(actual.value(QStringLiteral("toposortError")),
             legacy.value(QStringLiteral("toposortError")));
    if (legacy.value(QStringLiteral("errorPhase")).toString() == QLatin1String("sync"))
        QCOMPARE(actual.value(QStringLiteral("toposortError")),
                 legacy.value(QStringLiteral("error")));
    else
        QCOMPARE(actual.value(QStringLiteral("error")), legacy.value(QStringLiteral("error")));
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
