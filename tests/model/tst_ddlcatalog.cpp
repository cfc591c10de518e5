// The SQLite DDL, run on a real (in-memory) SQLite database, must leave exactly the
// catalog that catalogTables() predicts: columns (name, type, NOT NULL, key, default),
// primary key, foreign keys with their actions, uniques and indexes. Every conformance
// case, plus the schemas with hostile names, indexes, ENUMs and a cycle.

#include "ddltestschemas.h"

#include "ddl/catalog.h"
#include "ddl/ddlgenerator.h"
#include "io/schemareader.h"
#include "rules/analysis.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

using namespace mc;

namespace {

QString fixtures()
{
    return QStringLiteral(MC_FIXTURES);
}

QString quoted(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

/// Rows of a query, each a list of its values; fails the test on an SQL error.
QVector<QVariantList> rows(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    QVector<QVariantList> out;
    if (!q.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < q.record().count(); ++i)
            row << q.value(i);
        out << row;
    }
    return out;
}

QJsonArray sortedLists(QVector<QStringList> lists)
{
    std::sort(lists.begin(), lists.end());
    QJsonArray a;
    for (const QStringList &l : lists)
        a.append(QJsonArray::fromStringList(l));
    return a;
}

/// The catalog as conformance/tools/dump-sqlite.py reads it.
QJsonObject dumpTable(QSqlDatabase &db, const QString &table, const QString &sql)
{
    const bool autoInc = sql.contains(QRegularExpression(
        QStringLiteral("\\bAUTOINCREMENT\\b"), QRegularExpression::CaseInsensitiveOption));
    const QVector<QVariantList> cols =
        rows(db, QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)));
    QVector<QPair<int, QString>> keyed;
    for (const QVariantList &c : cols) {
        if (c[5].toInt() > 0)
            keyed.append({c[5].toInt(), c[1].toString()});
    }
    std::sort(keyed.begin(), keyed.end());
    QStringList pk;
    for (const auto &k : keyed)
        pk << k.second;
    QJsonArray columns;
    for (const QVariantList &c : cols) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), c[1].toString());
        o.insert(QStringLiteral("type"), c[2].toString());
        o.insert(QStringLiteral("notNull"), c[3].toInt() != 0);
        o.insert(QStringLiteral("pk"), c[5].toInt() > 0);
        o.insert(QStringLiteral("default"), c[4].isNull() ? QJsonValue() : c[4].toString());
        o.insert(QStringLiteral("autoIncrement"),
                 autoInc && c[5].toInt() > 0 && pk.size() == 1 &&
                     c[2].toString().toUpper() == QLatin1String("INTEGER"));
        columns.append(o);
    }
    QVector<QStringList> fkRows;
    for (const QVariantList &f :
         rows(db, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted(table))))
        fkRows.append(
            {f[3].toString(), f[2].toString(), f[4].toString(), f[6].toString(), f[5].toString()});
    std::sort(fkRows.begin(), fkRows.end());
    QJsonArray fks;
    for (const QStringList &f : fkRows)
        fks.append(QJsonObject{{QStringLiteral("from"), f[0]},
                               {QStringLiteral("table"), f[1]},
                               {QStringLiteral("to"), f[2]},
                               {QStringLiteral("onDelete"), f[3]},
                               {QStringLiteral("onUpdate"), f[4]}});
    QVector<QStringList> uniques, indexes;
    for (const QVariantList &ix :
         rows(db, QStringLiteral("PRAGMA index_list(%1)").arg(quoted(table)))) {
        if (ix[3].toString() == QLatin1String("pk"))
            continue;
        QVector<QVariantList> info =
            rows(db, QStringLiteral("PRAGMA index_info(%1)").arg(quoted(ix[1].toString())));
        std::sort(info.begin(), info.end(), [](const QVariantList &a, const QVariantList &b) {
            return a[0].toInt() < b[0].toInt();
        });
        QStringList names;
        for (const QVariantList &i : info)
            names << i[2].toString();
        (ix[2].toInt() ? uniques : indexes).append(names);
    }
    return QJsonObject{{QStringLiteral("columns"), columns},
                       {QStringLiteral("primaryKey"), QJsonArray::fromStringList(pk)},
                       {QStringLiteral("foreignKeys"), fks},
                       {QStringLiteral("uniques"), sortedLists(uniques)},
                       {QStringLiteral("indexes"), sortedLists(indexes)}};
}

QJsonObject dumpCatalog(QSqlDatabase &db)
{
    QJsonObject tables;
    for (const QVariantList &t :
         rows(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE "
                                 "type = 'table' AND name NOT LIKE 'sqlite_%'")))
        tables.insert(t[0].toString(), dumpTable(db, t[0].toString(), t[1].toString()));
    return tables;
}

/// The first path where two JSON values differ, or empty.
QString firstDifference(const QJsonValue &e, const QJsonValue &a, const QString &path)
{
    if (e.isObject() && a.isObject()) {
        QStringList keys = e.toObject().keys() + a.toObject().keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            const QString d = firstDifference(e.toObject().value(k), a.toObject().value(k),
                                              path + QLatin1Char('.') + k);
            if (!d.isEmpty())
                return d;
        }
        return QString();
    }
    if (e.isArray() && a.isArray() && e.toArray().size() == a.toArray().size()) {
        for (int i = 0; i < e.toArray().size(); ++i) {
            const QString d = firstDifference(e.toArray().at(i), a.toArray().at(i),
                                              path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return QString();
    }
    if (e == a)
        return QString();
    auto text = [](const QJsonValue &v) {
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
    };
    return path + QStringLiteral(": predicted ") + text(e) + QStringLiteral(", SQLite has ") +
           text(a);
}

} // namespace

class TestDdlCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogMatchesPrediction_data();
    void catalogMatchesPrediction();
};

void TestDdlCatalog::catalogMatchesPrediction_data()
{
    QTest::addColumn<QByteArray>("document");
    const QString dir = fixtures() + QStringLiteral("/cases/");
    const QStringList cases = QDir(dir).entryList({QStringLiteral("*.model.json")}, QDir::Files);
    QVERIFY(cases.size() >= 15);
    for (const QString &c : cases) {
        QFile f(dir + c);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(c)) << f.readAll();
    }
    QTest::newRow("hostile names") << QByteArray(ddltest::kHostile);
    QTest::newRow("indexes") << QByteArray(ddltest::kIndexes);
    QTest::newRow("enum with quotes") << QByteArray(ddltest::kEnumQuotes);
    QTest::newRow("cycle with junction") << QByteArray(ddltest::kCycleWithJunction);
}

void TestDdlCatalog::catalogMatchesPrediction()
{
    QFETCH(QByteArray, document);
    const DerivedSchema derived = ddltest::deriveDocument(document.constData());
    const DdlResult ddl = generateDdl(derived, analyse(derived), Dialect::SQLite);
    QVERIFY(ddl.ok());
    if (derived.error) {
        QVERIFY(ddl.statements.isEmpty()); // nothing to run: Sequelize throws before sync()
        return;
    }
    const QString connection =
        QStringLiteral("ddl-") + QString::fromLatin1(QTest::currentDataTag());
    QJsonObject actual;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        for (const QString &statement : ddl.statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(statement),
                     qPrintable(statement + QStringLiteral("\n") + q.lastError().text()));
        }
        actual = dumpCatalog(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    const QJsonObject predicted =
        QJsonDocument::fromJson(catalogTables(derived, Dialect::SQLite).toCompactJson().toUtf8())
            .object();
    QVERIFY(!predicted.isEmpty());
    const QString difference = firstDifference(predicted, actual, QStringLiteral("tables"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestDdlCatalog)
#include "tst_ddlcatalog.moc"
