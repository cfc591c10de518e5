#pragma once

#include "db/servertarget.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mc {

/// Where the database is (the port defaults to 3306 in URLs).
using MysqlTarget = ServerTarget;

/// Parses a Sequelize-style URL, `mysql://[USER@]HOST[:PORT]/DB` (also `mariadb://`);
/// nullopt (with the reason in \a error) for anything else, a password included.
std::optional<MysqlTarget> parseMysqlUrl(const QString &url, QString *error = nullptr);

/// True when \a url names MariaDB/MySQL (`mysql://` or `mariadb://`), well-formed or not.
bool isMysqlUrl(const QString &url);

/// Adds a QMYSQL connection named \a connection for \a target (password from
/// MODELCANVAS_DB_PASSWORD when set), not opened yet; the caller removes it.
QSqlDatabase addMysqlDatabase(const MysqlTarget &target, const QString &connection);

/// How applyMysql() runs: sync()'s "create" mode only.
struct MysqlApplyOptions
{
    /// Report the statements that would run, without connecting.
    bool dryRun = false;
    /// Called before each CREATE TABLE: `done` counts tables started, from 1 to `total`.
    std::function<void(int done, int total, const QString &table)> progress;
};

/// What applyMysql() did.
struct MysqlApplyResult
{
    bool ok = false;
    /// Every statement sent, in order, the compensating ones after a failure included;
    /// for a dry run the ones that would be sent.
    QStringList executed;
    /// Empty when ok; otherwise why: the failing statement and the driver's text, and
    /// what could not be undone.
    QString error;
    /// True after a failure when every table this run created was dropped again and
    /// no table that existed before was changed: the database is as it was.
    bool undone = false;
};

/// Creates the schema in the MariaDB database \a target through QMYSQL the way
/// Sequelize 6.37.8's `sync()` does: generateDdl(..., Dialect::MySQL) in order
/// (CREATE TABLE IF NOT EXISTS, indexes, and for a cyclic schema ALTER TABLE ... ADD
/// FOREIGN KEY, left out for a table that exists already). MariaDB commits DDL
/// implicitly, so there is no transaction: on failure the tables this run created are
/// dropped again (with FOREIGN_KEY_CHECKS off); changes to tables that existed before
/// cannot be undone and are named in the error. Refuses a schema with a define error
/// or names MySQL cannot take.
MysqlApplyResult applyMysql(const MysqlTarget &target, const DerivedSchema &derived,
                            const Analysis &analysis, const MysqlApplyOptions &options = {});

} // namespace mc
