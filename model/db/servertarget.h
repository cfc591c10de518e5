#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace mc {

/// Where a database on a server is. URLs never carry the password: it is asked for
/// (and kept in memory only) or comes from the MODELCANVAS_DB_PASSWORD environment
/// variable.
struct ServerTarget
{
    QString host;
    int port = 0;
    QString user; ///< empty: the driver's default
    QString database;
    QString password; ///< empty: MODELCANVAS_DB_PASSWORD, if set; never saved anywhere
};

/// True when \a url starts with one of `SCHEME://` for \a schemes, well-formed or not.
bool hasUrlScheme(const QString &url, const QStringList &schemes);

/// Parses a Sequelize-style `SCHEME://[USER@]HOST[:PORT]/DB` for one of \a schemes
/// (the first names it in messages); nullopt with the reason in \a error for
/// anything else, a URL carrying a password included.
std::optional<ServerTarget> parseServerUrl(const QString &url, const QStringList &schemes,
                                           int defaultPort, QString *error);

/// Adds a \a driver connection named \a connection for \a target (its password, or
/// MODELCANVAS_DB_PASSWORD's when it has none), not opened yet; the caller removes it.
QSqlDatabase addServerDatabase(const QString &driver, const ServerTarget &target,
                               const QString &connection);

} // namespace mc
