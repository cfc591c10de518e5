#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace mc {

/// Where a database on a server is. The password is never part of it: connections
/// take it from the MODELCANVAS_DB_PASSWORD environment variable.
struct ServerTarget
{
    QString host;
    int port = 0;
    QString user; ///< empty: the driver's default
    QString database;
};

/// True when \a url starts with one of `SCHEME://` for \a schemes, well-formed or not.
bool hasUrlScheme(const QString &url, const QStringList &schemes);

/// Parses a Sequelize-style `SCHEME://[USER@]HOST[:PORT]/DB` for one of \a schemes
/// (the first names it in messages); nullopt with the reason in \a error for
/// anything else, a URL carrying a password included.
std::optional<ServerTarget> parseServerUrl(const QString &url, const QStringList &schemes,
                                           int defaultPort, QString *error);

/// Adds a \a driver connection named \a connection for \a target (password from
/// MODELCANVAS_DB_PASSWORD when set), not opened yet; the caller removes it.
QSqlDatabase addServerDatabase(const QString &driver, const ServerTarget &target,
                               const QString &connection);

} // namespace mc
