#pragma once
// Helpers of tst_sqlitealter: User/Post designs as JSON text, applying them, and
// looking into SQLite files on connections of the test's own.

#include "db/sqliteapplier.h"
#include "db/sqlitecatalog.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <functional>

namespace sqlitetest {

using namespace mc;

const QString kUser = QStringLiteral(R"({"name": "name", "type": "STRING"}, )"
                                     R"({"name": "age", "type": "INTEGER"})");
const QString kPost = QStringLiteral(R"({"name": "title", "type": "STRING"})");
const QString kHasMany =
    QStringLiteral(R"({"type": "hasMany", "source": "User", "target": "Post"})");

/// A User/Post design: the attribute lists, the associations, User's `indexes` and
/// extra models, each as JSON text.
inline QString design(const QString &user = kUser, const QString &post = kPost,
                      const QString &associations = kHasMany,
                      const QString &userIndexes = QString(), const QString &moreModels = QString())
{
    const QString indexes =
        userIndexes.isEmpty() ? QString() : QStringLiteral(R"(, "indexes": [%1])").arg(userIndexes);
    return QStringLiteral(R"({"format": "modelcanvas/1",
  "options": {"underscored": false, "timestamps": false, "freezeTableName": false},
  "models": [
    {"name": "User", "tableName": null, "attributes": [%1]%3, "position": {"x": 0, "y": 0}},
    {"name": "Post", "tableName": null, "attributes": [%2], "position": {"x": 0, "y": 0}}%5
  ],
  "associations": [%4]})")
        .arg(user, post, indexes, associations, moreModels);
}

struct Prepared
{
    DerivedSchema derived;
    Analysis analysis;
};

inline Prepared prepare(const QString &json)
{
    const LoadResult r = readSchema(json.toUtf8());
    if (!r.schema)
        qFatal("unreadable design: %s", qPrintable(json));
    Prepared p{derive(*r.schema), {}};
    if (p.derived.error)
        qFatal("define error: %s", qPrintable(p.derived.error->message));
    p.analysis = analyse(p.derived);
    return p;
}

inline ApplyResult apply(const QString &db, const Prepared &p, ApplyMode mode, bool dryRun = false,
                         bool allowDataLoss = false)
{
    ApplyOptions o;
    o.mode = mode;
    o.dryRun = dryRun;
    o.allowDataLoss = allowDataLoss;
    return applySqlite(db, p.derived, p.analysis, o);
}

inline QJsonObject toQt(const JsonValue &v)
{
    return QJsonDocument::fromJson(v.toCompactJson().toUtf8()).object();
}

inline void withDb(const QString &path, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

inline void exec(const QString &path, const QStringList &statements)
{
    withDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (!q.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
    });
}

inline QJsonObject catalogOf(const QString &path)
{
    QJsonObject tables;
    withDb(path, [&](QSqlDatabase &db) {
        QString error;
        tables = toQt(readSqliteCatalog(db, &error));
        if (!error.isEmpty())
            qFatal("catalog: %s", qPrintable(error));
    });
    return tables;
}

/// Every row of \a table in rowid order, as column -> text ("NULL" for null).
inline QVector<QMap<QString, QString>> rows(const QString &path, const QString &table)
{
    QVector<QMap<QString, QString>> out;
    withDb(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT * FROM `%1` ORDER BY rowid").arg(table)))
            qFatal("rows of %s: %s", qPrintable(table), qPrintable(q.lastError().text()));
        while (q.next()) {
            QMap<QString, QString> row;
            for (int i = 0; i < q.record().count(); ++i)
                row.insert(q.record().fieldName(i),
                           q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out.append(row);
        }
    });
    return out;
}

/// \a before restricted to the columns \a after also has.
inline QVector<QMap<QString, QString>> kept(const QVector<QMap<QString, QString>> &before,
                                            const QVector<QMap<QString, QString>> &after)
{
    QVector<QMap<QString, QString>> out;
    for (const auto &row : before) {
        QMap<QString, QString> k;
        for (auto it = row.cbegin(); it != row.cend(); ++it) {
            if (!after.isEmpty() && after.first().contains(it.key()))
                k.insert(it.key(), it.value());
        }
        out.append(k);
    }
    return out;
}

} // namespace sqlitetest
