#include "servertarget.h"

#include <QUrl>

namespace mc {

bool hasUrlScheme(const QString &url, const QStringList &schemes)
{
    for (const QString &s : schemes) {
        if (url.startsWith(s + QLatin1String("://")))
            return true;
    }
    return false;
}

std::optional<ServerTarget> parseServerUrl(const QString &url, const QStringList &schemes,
                                           int defaultPort, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<ServerTarget> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString scheme = schemes.value(0);
    if (!hasUrlScheme(url, schemes))
        return fail(QStringLiteral("not a %1:// URL").arg(scheme));
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid())
        return fail(QStringLiteral("malformed URL: ") + u.errorString());
    if (!u.password().isEmpty())
        return fail(QStringLiteral("the URL carries a password: put it in MODELCANVAS_DB_PASSWORD "
                                   "instead"));
    if (u.hasQuery() || u.hasFragment())
        return fail(QStringLiteral("query and fragment parts are not supported"));
    ServerTarget t;
    t.host = u.host(QUrl::FullyDecoded);
    t.port = u.port(defaultPort);
    t.user = u.userName(QUrl::FullyDecoded);
    t.database = u.path(QUrl::FullyDecoded).mid(1);
    if (t.host.isEmpty())
        return fail(QStringLiteral("no host (expected %1://USER@HOST:PORT/DB)").arg(scheme));
    if (t.database.isEmpty() || t.database.contains(QLatin1Char('/')))
        return fail(
            QStringLiteral("no database name (expected %1://USER@HOST:PORT/DB)").arg(scheme));
    return t;
}

QSqlDatabase addServerDatabase(const QString &driver, const ServerTarget &target,
                               const QString &connection)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection);
    db.setHostName(target.host);
    db.setPort(target.port);
    if (!target.user.isEmpty())
        db.setUserName(target.user);
    db.setDatabaseName(target.database);
    const QString password = target.password.isEmpty()
                                 ? QString::fromUtf8(qgetenv("MODELCANVAS_DB_PASSWORD"))
                                 : target.password;
    if (!password.isEmpty())
        db.setPassword(password);
    return db;
}

} // namespace mc
