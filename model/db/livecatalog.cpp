#include "livecatalog.h"

#include "ddl/sqlliteral.h"

#include <QJsonDocument>
#include <QSqlError>

namespace mc {

bool execOrExplain(QSqlQuery &query, const QString &sql, QString &error)
{
    if (query.exec(sql))
        return true;
    error = sql + QStringLiteral(": ") + query.lastError().text();
    return false;
}

bool readLiveTables(QSqlDatabase &db, const JsonValue &catalog, Dialect dialect,
                    const QStringList &designTables, LiveSchema &live, QString &error,
                    const LiveTableReader &more)
{
    const QJsonObject tables = QJsonDocument::fromJson(catalog.toCompactJson().toUtf8()).object();
    QSqlQuery query(db);
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        LiveTable t;
        t.catalog = it.value().toObject();
        if (designTables.contains(it.key())) {
            const QString count =
                QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoteIdentifier(it.key(), dialect));
            if (!execOrExplain(query, count, error))
                return false;
            t.rows = query.next() ? query.value(0).toLongLong() : 0;
            if (more && !more(query, it.key(), t, error))
                return false;
        }
        live.insert(it.key(), t);
    }
    return true;
}

} // namespace mc
